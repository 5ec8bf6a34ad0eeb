"""Ask for the e-mail address an offer is sent to."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from pass_tui.i18n import _
from pass_tui.screens.base import PassModal, button
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.text_field import LabelledField, TextField

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
            yield Static(
                _("Par exemple : {example}", example=_("nom@exemple.fr")),
                classes="hint",
                markup=False,
            )
            yield Notice(id="address-error")
            yield LabelledField(_("Adresse e-mail du destinataire :"), TextField(id="address"))
            with Vertical(classes="buttons"):
                yield button(_("Envoyer"), "send", primary=True)
                yield button(_("Annuler"), "cancel")

    def on_mount(self) -> None:
        self.query_one("#address", Input).focus()

    @on(Input.Submitted, "#address")
    @on(Button.Pressed, "#send")
    def _send(self) -> None:
        from pass_tui.data.mail import is_valid_email

        address = self.query_one("#address", Input).value.strip()
        if is_valid_email(address):
            self.dismiss(address)
            return
        self.query_one("#address-error", Notice).announce(
            _("Erreur : indiquez une adresse e-mail valide, par exemple nom@exemple.fr.")
            if address
            else _("Erreur : l'adresse e-mail est obligatoire."),
            error=True,
        )
        self.query_one("#address", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
