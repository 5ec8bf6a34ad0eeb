"""Dialogs: the e-mail address prompt and a yes/no confirmation that defaults to no."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from pass_tui.data.criteria import SearchCriteria
from pass_tui.i18n import _
from pass_tui.screens.base import PassModal, button

__all__ = ["ConfirmDialog", "EmailDialog", "FeedDialog"]


class EmailDialog(PassModal[str | None]):
    """Ask for an e-mail address. Dismisses with the address, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Annuler", id="email.cancel")]

    def __init__(self, question: str) -> None:
        super().__init__(id="email-dialog")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question", markup=False)
            yield Static(_("Adresse e-mail du destinataire :"), markup=False)
            yield Input(id="address", placeholder=_("nom@exemple.fr"))
            yield Static("", id="address-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield button(_("Envoyer"), "send", primary=True)
                yield button(_("Annuler"), "cancel")

    def on_mount(self) -> None:
        self.query_one("#address-error").display = False
        self.query_one("#address", Input).focus()

    @on(Input.Submitted, "#address")
    @on(Button.Pressed, "#send")
    def _send(self) -> None:
        from pass_tui.data.mail import is_valid_email

        address = self.query_one("#address", Input).value.strip()
        if is_valid_email(address):
            self.dismiss(address)
            return
        error = self.query_one("#address-error", Static)
        error.update(
            _("Erreur : indiquez une adresse e-mail valide, par exemple nom@exemple.fr.")
            if address
            else _("Erreur : l'adresse e-mail est obligatoire.")
        )
        error.display = True
        self.query_one("#address", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(PassModal[bool]):
    """A yes/no question. The focus starts on the safe choice ("Annuler"); `o`/`y` say
    yes, `n` and Escape say no."""

    BINDINGS = [
        Binding("escape,n", "no", "Annuler", id="confirm.no"),
        Binding("o,y", "yes", "Confirmer", id="confirm.yes"),
    ]

    def __init__(self, question: str, yes: str, no: str | None = None) -> None:
        super().__init__(id="confirm-dialog")
        self.question = question
        self.yes_label = yes
        self.no_label = no or _("Annuler")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="buttons"):
                yield button(self.no_label, "no")
                yield button(self.yes_label, "yes", primary=True)

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)


class FeedDialog(PassModal[None]):
    """The RSS / Atom feed of a search: its address and the equivalent command line."""

    BINDINGS = [Binding("escape", "close", "Fermer", id="feed.close")]

    def __init__(self, criteria: SearchCriteria) -> None:
        super().__init__(id="feed-dialog")
        self.criteria = criteria

    def compose(self) -> ComposeResult:
        from pass_tui.data.publishing.feeds import criteria_to_cli, feed_url

        with Vertical(classes="dialog"):
            yield Static(_("Flux RSS de cette recherche"), classes="dialog-question")
            yield Static(_("Adresse du flux RSS :"), markup=False)
            yield Static(feed_url(self.criteria), id="rss-url", markup=False)
            yield Static(_("Adresse du flux Atom :"), markup=False)
            yield Static(feed_url(self.criteria, format="atom"), id="atom-url", markup=False)
            yield Static(_("Commande équivalente :"), markup=False)
            yield Static(criteria_to_cli(self.criteria), id="feed-cli", markup=False)
            yield Static(
                _("Ces adresses répondent quand « pass-tui feeds serve » est lancé."),
                markup=False,
            )
            with Horizontal(classes="buttons"):
                yield button(_("Fermer"), "close", primary=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#close").focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
