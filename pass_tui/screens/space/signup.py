"""Je me crée un espace candidat: identifiant and password, each twice, then the code."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from pass_tui.data.errors import FormError
from pass_tui.i18n import _
from pass_tui.screens.base import PassScreen, button, task
from pass_tui.screens.space.code import CodeConfirmed, CodeScreen
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.form_errors import FormErrors
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import ReaderScroll
from pass_tui.widgets.text_field import LabelledField, TextField

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import PendingCode

__all__ = ["SignupScreen"]

FIELDS = ("email", "email_confirm", "password", "password_confirm")
"""The form's fields, named as the account service names them in its problems."""


class SignupScreen(PassScreen["CandidateSession | str | None"]):
    """The sign-up form. Every problem is listed at the top and the focus goes to the first
    wrong field. Then the code screen: a confirmed code logs in (dismisses with the
    session); "Plus tard" dismisses with the address, for the login form; "Retour" with
    None. The same code screen follows whether or not the address already had an account.
    """

    CSS_PATH = "space.tcss"

    BINDINGS = [
        Binding("r", "back", "Retour", show=False, id="signup.back"),
        Binding("escape", "back", show=False, id="signup.escape"),
    ]

    def __init__(self) -> None:
        super().__init__(id="signup-screen")
        self._busy = False

    def compose(self) -> ComposeResult:
        accounts = self.pass_app.services.accounts
        yield from self.compose_title(_("Je me crée un espace candidat"))
        yield Notice(id="notice")
        with ReaderScroll(id="signup-body", can_focus=False, classes="form"):
            yield FormErrors(id="errors")
            yield LabelledField(_("Identifiant (adresse e-mail) :"), TextField(id="email"))
            yield LabelledField(_("Confirmer l'identifiant :"), TextField(id="email_confirm"))
            yield LabelledField(_("Mot de passe :"), TextField(id="password", password=True))
            yield LabelledField(
                _("Confirmer le mot de passe :"),
                TextField(id="password_confirm", password=True),
            )
            yield Static(accounts.password_rules(), id="rules", classes="hint", markup=False)
            with Vertical(classes="buttons"):
                yield button(_("Créer mon espace"), "create", primary=True)
                yield button(_("Retour"), "back")
        yield PassFooter()

    def on_mount(self) -> None:
        self.query_one("#email", Input).focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter goes to the next field; in the last one it creates the space."""
        field_id = event.input.id or ""
        if field_id in FIELDS[:-1]:
            self.query_one(f"#{FIELDS[FIELDS.index(field_id) + 1]}", Input).focus()
        else:
            self.action_create()

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        """Create the space with what the form says."""
        if not self._busy:
            self._busy = True
            self._create()

    @task(exclusive=True, group="signup")
    async def _create(self) -> None:
        values = [self.query_one(f"#{name}", Input).value for name in FIELDS]
        errors = self.query_one("#errors", FormErrors)
        try:
            pending = await asyncio.to_thread(self.pass_app.services.accounts.signup, *values)
        except FormError as error:
            fields = {name: self.query_one(f"#{name}", Input) for name in FIELDS}
            errors.report(error, self.query_one("#notice", Notice), fields)
            return
        finally:
            self._busy = False
        errors.clear()
        self.query_one("#notice", Notice).clear()
        for name in ("password", "password_confirm"):
            self.query_one(f"#{name}", Input).value = ""
        self._ask_code(pending)

    def _ask_code(self, pending: PendingCode) -> None:
        accounts = self.pass_app.services.accounts

        def answered(result: CodeConfirmed | None) -> None:
            self.dismiss(pending.email if result is None else result.result)

        self.open(
            CodeScreen(
                pending,
                accounts.confirm_signup,
                title=_("Confirmer mon adresse e-mail"),
                later=_("Plus tard"),
            ),
            answered,
        )

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Back to the login form."""
        self.dismiss(None)
