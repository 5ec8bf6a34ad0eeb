"""Mot de passe perdu: the identifiant, a code sent by mail, then the new password twice."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from pass_tui.data.errors import CodeRejected, FormError
from pass_tui.i18n import _
from pass_tui.screens.base import PassScreen, button, error_text, task
from pass_tui.screens.space.code import CodeConfirmed, CodeScreen
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.form_errors import FormErrors
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import ReaderScroll
from pass_tui.widgets.text_field import LabelledField, TextField

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import PendingCode

__all__ = ["ResetScreen"]


def _keep_code(pending: PendingCode, code: str) -> str:
    """The code screen's check for a reset: the code is checked with the new password."""
    return code


class ResetScreen(PassScreen["str | None"]):
    """Lost password. First the identifiant ("si un compte existe, un code a été envoyé":
    the same answer for every address), then the code screen, then the new password twice.
    Dismisses with the address once the password is changed (the login form says so), or
    None when the candidate goes back."""

    CSS_PATH = "space.tcss"

    BINDINGS = [
        Binding("r", "back", "Retour", show=False, id="reset.back"),
        Binding("escape", "back", show=False, id="reset.escape"),
    ]

    def __init__(self, email: str = "") -> None:
        super().__init__(id="reset-screen")
        self.email = email
        self.pending: PendingCode | None = None
        self.code = ""
        self._busy = False

    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Mot de passe perdu"))
        yield Notice(id="notice")
        with ReaderScroll(id="reset-body", can_focus=False, classes="form"):
            yield FormErrors(id="errors")
            with Vertical(id="ask", classes="step"):
                yield Static(
                    _(
                        "Indiquez votre identifiant : si un compte existe, un code vous "
                        "sera envoyé pour choisir un nouveau mot de passe."
                    ),
                    markup=False,
                )
                yield LabelledField(
                    _("Identifiant (adresse e-mail) :"), TextField(self.email, id="email")
                )
                with Vertical(classes="buttons"):
                    yield button(_("Recevoir un code"), "send", primary=True)
            with Vertical(id="choose", classes="step"):
                yield LabelledField(
                    _("Nouveau mot de passe :"), TextField(id="password", password=True)
                )
                yield LabelledField(
                    _("Confirmer le nouveau mot de passe :"),
                    TextField(id="password_confirm", password=True),
                )
                yield Static(
                    self.pass_app.services.accounts.password_rules(),
                    classes="hint",
                    markup=False,
                )
                with Vertical(classes="buttons"):
                    yield button(_("Changer mon mot de passe"), "change", primary=True)
            with Vertical(classes="buttons"):
                yield button(_("Retour"), "back")
        yield PassFooter()

    def on_mount(self) -> None:
        self.query_one("#choose").display = False
        self.query_one("#email", Input).focus()

    # -- step 1: the identifiant ---------------------------------------------------------------
    @on(Input.Submitted, "#email")
    @on(Button.Pressed, "#send")
    def _send(self) -> None:
        if not self._busy:
            self._busy = True
            self._request()

    @task(exclusive=True, group="reset")
    async def _request(self) -> None:
        email = self.query_one("#email", Input).value
        accounts = self.pass_app.services.accounts
        errors = self.query_one("#errors", FormErrors)
        try:
            pending = await asyncio.to_thread(accounts.request_reset, email)
        except FormError as error:
            fields = {"email": self.query_one("#email", Input)}
            errors.report(error, self.query_one("#notice", Notice), fields)
            return
        finally:
            self._busy = False
        errors.clear()
        self.query_one("#notice", Notice).clear()
        self.pending = pending
        self._ask_code()

    def _ask_code(self, message: str | None = None) -> None:
        assert self.pending is not None

        def answered(result: CodeConfirmed | None) -> None:
            if result is None:
                return
            self.code = str(result.result)
            self.pending = result.pending
            self.query_one("#ask").display = False
            self.query_one("#choose").display = True
            if self.query_one("#password", Input).value:
                self._change()  # the password was typed before the code was refused
            else:
                self.query_one("#password", Input).focus()

        self.open(
            CodeScreen(
                self.pending,
                _keep_code,
                title=_("Mot de passe perdu"),
                later=_("Annuler"),
                message=message,
            ),
            answered,
        )

    # -- step 2: the new password --------------------------------------------------------------
    @on(Input.Submitted, "#password")
    def _password_submitted(self) -> None:
        self.query_one("#password_confirm", Input).focus()

    @on(Input.Submitted, "#password_confirm")
    @on(Button.Pressed, "#change")
    def _change_pressed(self) -> None:
        self._change()

    def _change(self) -> None:
        if not self._busy and self.pending is not None:
            self._busy = True
            self._reset()

    @task(exclusive=True, group="reset")
    async def _reset(self) -> None:
        assert self.pending is not None
        password = self.query_one("#password", Input).value
        confirm = self.query_one("#password_confirm", Input).value
        accounts = self.pass_app.services.accounts
        errors = self.query_one("#errors", FormErrors)
        try:
            await asyncio.to_thread(
                accounts.reset_password, self.pending, self.code, password, confirm
            )
        except FormError as error:
            fields = {
                name: self.query_one(f"#{name}", Input) for name in ("password", "password_confirm")
            }
            errors.report(error, self.query_one("#notice", Notice), fields)
            return
        except CodeRejected as error:
            errors.clear()
            self._ask_code(error_text(error))
            return
        finally:
            self._busy = False
        for name in ("password", "password_confirm"):
            self.query_one(f"#{name}", Input).value = ""
        self.dismiss(self.pending.email)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Back to the login form."""
        self.dismiss(None)
