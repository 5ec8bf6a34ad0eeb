"""Ask for the e-mail address an offer is sent to."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Static

from pass_tui.i18n import _
from pass_tui.screens.base import PassModal, button

__all__ = ["EmailDialog"]


class EmailDialog(PassModal[str | None]):
    """Ask for an e-mail address. Dismisses with the address, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Annuler", show=False, id="email.cancel"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(id="email-dialog")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question", markup=False)
            yield Label(_("Adresse e-mail du destinataire :"), classes="field-label")
            yield Input(id="address")
            yield Static(
                _("Par exemple : {example}", example=_("nom@exemple.fr")),
                classes="hint",
                markup=False,
            )
            yield Static("", id="address-error", classes="error", markup=False)
            with Vertical(classes="buttons"):
                yield button(_("Envoyer"), "send", primary=True)
                yield button(_("Annuler"), "cancel")

    def on_mount(self) -> None:
        super().on_mount()
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
