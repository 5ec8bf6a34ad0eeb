"""The 6-digit code sent by mail: sign-up, lost password, change of address."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from pass_tui.data.errors import CodeRejected
from pass_tui.i18n import _
from pass_tui.screens.base import PassScreen, button, logout_button, task
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import ReaderScroll
from pass_tui.widgets.text_field import LabelledField, TextField

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import PendingCode

__all__ = ["CodeConfirmed", "CodeScreen", "sent_text"]


@dataclass(frozen=True)
class CodeConfirmed:
    """The code was accepted: ``result`` is what the confirming call returned, ``pending``
    the code's request (a new one if the candidate asked for another code)."""

    result: Any
    pending: PendingCode


def sent_text(pending: PendingCode) -> str:
    """ "Un code à 6 chiffres a été envoyé à <adresse>. Il est valable 15 minutes." """
    return _(
        "Un code à 6 chiffres a été envoyé à {address}. Il est valable 15 minutes.",
        address=pending.email,
    )


class CodeScreen(PassScreen[CodeConfirmed | None]):
    """Ask for the code sent to ``pending.email``; ``confirm(pending, code)`` checks it (in
    a thread). Dismisses with :class:`CodeConfirmed` once it is accepted, or None for
    "Plus tard" (``later``). "Renvoyer un code" sends a new one (the old one is void)."""

    CSS_PATH = "space.tcss"

    BINDINGS = [
        Binding(
            "r", "resend", "Renvoyer", show=False, tooltip="Renvoyer un code", id="code.resend"
        ),
        Binding("escape", "later", show=False, id="code.escape"),
        Binding(
            "ctrl+d",
            "logout",
            "Déconnexion",
            show=False,
            tooltip="Me déconnecter",
            id="code.logout",
        ),
    ]

    def __init__(
        self,
        pending: PendingCode,
        confirm: Callable[[PendingCode, str], Any],
        *,
        title: str | None = None,
        later: str | None = None,
        message: str | None = None,
    ) -> None:
        """The code screen.

        Args:
            pending: Where and why the code was sent (from the account service).
            confirm: Checks the code; raises CodeRejected when it is wrong or expired.
            title: The screen's title ("Confirmer mon adresse e-mail").
            later: The label of the button that leaves without a code ("Plus tard").
            message: An error to say on arrival (a code refused further on).
        """
        super().__init__(id="code-screen")
        self.pending = pending
        self.confirm = confirm
        self.title_text = title or _("Code de confirmation")
        self.later_label = later or _("Plus tard")
        self.message = message
        self._busy = False

    def compose(self) -> ComposeResult:
        yield from self.compose_title(self.title_text)
        yield Notice(id="notice")
        with ReaderScroll(id="code-body", can_focus=False, classes="form"):
            yield Static(sent_text(self.pending), id="sent", markup=False)
            yield Static(
                _("Regardez aussi dans les indésirables (spam)."), classes="hint", markup=False
            )
            yield LabelledField(
                _("Code reçu :"),
                TextField(id="code", restrict=r"[0-9 ]*", max_length=12),
            )
            with Vertical(classes="buttons"):
                yield button(_("Valider"), "validate", primary=True)
                yield button(_("Renvoyer un code"), "resend")
                yield button(self.later_label, "later")
                if self.pass_app.session is not None:  # a code asked from the space
                    yield logout_button()
        yield PassFooter()

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()
        if self.message:
            self.show_error(self.message)

    @on(Input.Submitted, "#code")
    @on(Button.Pressed, "#validate")
    def _validate(self) -> None:
        code = self.query_one("#code", Input).value.replace(" ", "")
        if len(code) != 6:
            self._refused(_("Erreur : le code a 6 chiffres."))
            return
        self._check(code)

    @task(exclusive=True, group="code")
    async def _check(self, code: str) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            result = await asyncio.to_thread(self.confirm, self.pending, code)
        except CodeRejected as error:
            self._refused(_("Erreur : {error}", error=error))
            return
        finally:
            self._busy = False
        self.dismiss(CodeConfirmed(result, self.pending))

    def _refused(self, text: str) -> None:
        field = self.query_one("#code", Input)
        field.value = ""
        field.focus()
        self.show_error(text)

    @on(Button.Pressed, "#resend")
    def action_resend(self) -> None:
        """Send a new code (the one sent before no longer works)."""
        self._resend()

    @task(exclusive=True, group="code")
    async def _resend(self) -> None:
        accounts = self.pass_app.services.accounts
        self.pending = await asyncio.to_thread(accounts.resend_code, self.pending)
        self.query_one("#sent", Static).update(sent_text(self.pending))
        self.query_one("#code", Input).value = ""
        self.query_one("#code", Input).focus()
        self.show_message(
            _("Un nouveau code a été envoyé à {address}.", address=self.pending.email)
        )

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        """Leave without a code."""
        self.dismiss(None)

    @on(Button.Pressed, "#logout")
    def action_logout(self) -> None:
        """ "Déconnexion" (when the code was asked from the candidate space)."""
        if self.pass_app.session is not None:
            self.pass_app.logout()
