"""A yes/no question whose focus starts on the safe choice."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Static

from pass_tui.i18n import _
from pass_tui.screens.base import PassModal, button

__all__ = ["ConfirmDialog"]


class ConfirmDialog(PassModal[bool]):
    """A yes/no question. The focus starts on the safe choice ("Annuler"); `o`/`y` say
    yes, `n` (or Escape) says no."""

    BINDINGS = [
        Binding("n", "no", "Annuler", id="confirm.no"),
        Binding("escape", "no", "Annuler", show=False, id="confirm.escape"),
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
            with Vertical(classes="buttons"):
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
