"""The RSS / Atom feed of a search: its addresses and the equivalent command line."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Static

from pass_tui.data.publishing.sharing import FeedAddresses
from pass_tui.i18n import _
from pass_tui.screens.base import PassModal, button
from pass_tui.widgets.reader import ReaderScroll

__all__ = ["FeedDialog"]


class FeedDialog(PassModal[None]):
    """Where to read a search's feeds. The addresses are drawn whole (wrapped anywhere,
    never cut with "…"), so they can be copied from the screen. When they do not fit the
    terminal the text scrolls (Tab reaches it) and "Fermer" stays in view."""

    BINDINGS = [
        Binding("q", "close", "Fermer", id="feed.close"),
        Binding("escape", "close", "Fermer", show=False, id="feed.escape"),
    ]

    def __init__(self, addresses: FeedAddresses) -> None:
        super().__init__(id="feed-dialog")
        self.addresses = addresses

    def compose(self) -> ComposeResult:
        with ReaderScroll(classes="dialog", id="feed-body"):
            yield Static(_("Flux RSS de cette recherche"), classes="dialog-question")
            yield Static(_("Adresse du flux RSS :"), classes="field-label", markup=False)
            yield Static(self.addresses.rss, id="rss-url", classes="url", markup=False)
            yield Static(_("Adresse du flux Atom :"), classes="field-label", markup=False)
            yield Static(self.addresses.atom, id="atom-url", classes="url", markup=False)
            yield Static(_("Commande équivalente :"), classes="field-label", markup=False)
            yield Static(self.addresses.command, id="feed-cli", classes="url", markup=False)
            yield Static(
                _("Ces adresses répondent quand « pass-tui feeds serve » est lancé."),
                markup=False,
            )
            with Vertical(classes="buttons"):
                yield button(_("Fermer"), "close", primary=True)

    def on_mount(self) -> None:
        self.query_one("#close").focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
