"""The kiosk's warning before an idle candidate is logged out."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Static

from pass_tui.i18n import _
from pass_tui.screens.base import PassModal, button

__all__ = ["IdleDialog"]


class IdleDialog(PassModal[bool]):
    """ "Vous allez être déconnecté dans 60 s": "Rester connecté" (focused first) keeps the
    session; "Me déconnecter" ends it now. Dismisses with True to stay. The app logs out
    when the time is up (the text does not count down: a screen reader would read every
    second)."""

    BINDINGS = [
        Binding("escape", "stay", "Rester connecté", show=False, id="idle.escape"),
    ]

    def __init__(self, seconds: int) -> None:
        super().__init__(id="idle-dialog")
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                _(
                    "Vous allez être déconnecté dans {seconds} s, faute d'activité.",
                    seconds=self.seconds,
                ),
                classes="dialog-question",
                markup=False,
            )
            with Vertical(classes="buttons"):
                yield button(_("Rester connecté"), "stay", primary=True)
                yield button(_("Me déconnecter"), "leave")

    def on_mount(self) -> None:
        self.query_one("#stay").focus()

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#leave")
    def action_leave(self) -> None:
        self.dismiss(False)
