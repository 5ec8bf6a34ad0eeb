"""Mes identifiants: change the account's e-mail address or its password."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Static

from pass_tui.data.errors import FormError
from pass_tui.i18n import _
from pass_tui.screens.base import CandidateScreen, button, logout_button, task
from pass_tui.screens.space.code import CodeConfirmed, CodeScreen
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.form_errors import FormErrors
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import ReaderScroll
from pass_tui.widgets.text_field import LabelledField, TextField

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import CandidateSession

__all__ = ["CredentialsScreen"]

EMAIL_FIELDS = {
    "new_email": "new-email",
    "new_email_confirm": "new-email-confirm",
    "password": "email-password",
}
"""The account service's field names (in its problems) → the e-mail form's fields."""

PASSWORD_FIELDS = {
    "old_password": "old-password",
    "new_password": "new-password",
    "new_password_confirm": "new-password-confirm",
}
"""The account service's field names (in its problems) → the password form's fields."""


class CredentialsScreen(CandidateScreen[None]):
    """Two forms: a new e-mail address (twice, and the current password), confirmed by a
    code sent to the new address; a new password (the current one, the new one twice).
    Each says its result in the notice; problems are listed at the top."""

    CSS_PATH = "space.tcss"

    BINDINGS = [
        Binding(
            "r", "back", "Retour", show=False, tooltip="Retour à mon espace", id="credentials.back"
        ),
        Binding("escape", "back", show=False, id="credentials.escape"),
    ]

    def __init__(self, session: CandidateSession) -> None:
        super().__init__(session, id="credentials-screen")
        self._busy = False

    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Mes identifiants"))
        yield Notice(id="notice")
        with ReaderScroll(id="credentials-body", can_focus=False, classes="form"):
            yield FormErrors(id="errors")
            yield Static(id="current-address", markup=False)
            yield Label(_("Changer d'adresse e-mail"), classes="section-title")
            yield LabelledField(_("Nouvelle adresse e-mail :"), TextField(id="new-email"))
            yield LabelledField(
                _("Confirmer la nouvelle adresse :"), TextField(id="new-email-confirm")
            )
            yield LabelledField(
                _("Mot de passe actuel :"), TextField(id="email-password", password=True)
            )
            with Vertical(classes="buttons"):
                yield button(_("Changer d'adresse"), "change-email", primary=True)
            yield Label(_("Changer de mot de passe"), classes="section-title")
            yield LabelledField(
                _("Mot de passe actuel :"), TextField(id="old-password", password=True)
            )
            yield LabelledField(
                _("Nouveau mot de passe :"), TextField(id="new-password", password=True)
            )
            yield LabelledField(
                _("Confirmer le nouveau mot de passe :"),
                TextField(id="new-password-confirm", password=True),
            )
            yield Static(
                self.pass_app.services.accounts.password_rules(), classes="hint", markup=False
            )
            with Vertical(classes="buttons"):
                yield button(_("Changer de mot de passe"), "change-password", primary=True)
            with Vertical(classes="buttons"):
                yield button(_("Retour à mon espace"), "back")
                yield logout_button()
        yield PassFooter()

    def on_mount(self) -> None:
        self._show_current()
        self.query_one("#new-email", Input).focus()

    def _show_current(self) -> None:
        self.query_one("#current-address", Static).update(
            _("Adresse actuelle : {address}", address=self.session.email)
        )

    def _field(self, field_id: str) -> Input:
        return self.query_one(f"#{field_id}", Input)

    def _report(self, error: FormError, fields: dict[str, str]) -> None:
        widgets = {name: self._field(field_id) for name, field_id in fields.items()}
        self.query_one("#errors", FormErrors).report(
            error, self.query_one("#notice", Notice), widgets
        )

    def _done(self, message: str, fields: tuple[str, ...], focus: str) -> None:
        self.query_one("#errors", FormErrors).clear()
        for field_id in fields:
            self._field(field_id).value = ""
        self._field(focus).focus()
        self.show_message(message)

    # -- enter moves on -------------------------------------------------------------------------
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        order = {
            "new-email": "new-email-confirm",
            "new-email-confirm": "email-password",
            "old-password": "new-password",
            "new-password": "new-password-confirm",
        }
        field_id = event.input.id or ""
        if field_id in order:
            self._field(order[field_id]).focus()
        elif field_id == "email-password":
            self.change_email()
        elif field_id == "new-password-confirm":
            self.change_password()

    # -- the e-mail address ---------------------------------------------------------------------
    @on(Button.Pressed, "#change-email")
    def change_email(self) -> None:
        """Ask for a code sent to the new address."""
        if not self._busy:
            self._busy = True
            self._request_email_change()

    @task(exclusive=True, group="credentials")
    async def _request_email_change(self) -> None:
        accounts = self.pass_app.services.accounts
        session = self.session
        values = [
            self._field(f).value for f in ("new-email", "new-email-confirm", "email-password")
        ]
        try:
            pending = await asyncio.to_thread(accounts.request_email_change, session, *values)
        except FormError as error:
            self._report(error, EMAIL_FIELDS)
            return
        finally:
            self._busy = False
        self._field("email-password").value = ""

        def confirm(pending: Any, code: str) -> CandidateSession:
            return accounts.confirm_email_change(session, pending, code)

        def answered(result: CodeConfirmed | None) -> None:
            if result is None:
                self.show_message(_("Adresse inchangée."))
                return
            self.pass_app.session = result.result
            self._show_current()
            self._done(
                _(
                    "Adresse modifiée : votre identifiant est maintenant {address}.",
                    address=result.result.email,
                ),
                ("new-email", "new-email-confirm", "email-password"),
                "new-email",
            )

        self.open(
            CodeScreen(
                pending, confirm, title=_("Confirmer ma nouvelle adresse"), later=_("Annuler")
            ),
            answered,
        )

    # -- the password ---------------------------------------------------------------------------
    @on(Button.Pressed, "#change-password")
    def change_password(self) -> None:
        """Change the password (the other sessions end)."""
        if not self._busy:
            self._busy = True
            self._change_password()

    @task(exclusive=True, group="credentials")
    async def _change_password(self) -> None:
        accounts = self.pass_app.services.accounts
        values = [
            self._field(f).value for f in ("old-password", "new-password", "new-password-confirm")
        ]
        try:
            await asyncio.to_thread(accounts.change_password, self.session, *values)
        except FormError as error:
            self._report(error, PASSWORD_FIELDS)
            return
        finally:
            self._busy = False
        self._done(
            _("Mot de passe modifié. Vos autres sessions sont fermées."),
            ("old-password", "new-password", "new-password-confirm"),
            "old-password",
        )

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Back to the dashboard."""
        self.dismiss(None)
