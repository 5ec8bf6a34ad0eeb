"""Se connecter à mon espace candidat."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input

from pass_tui.data.errors import LoginFailed, LoginThrottled
from pass_tui.i18n import _
from pass_tui.screens.base import PassScreen, button, error_text, task
from pass_tui.widgets.checkbox import Checkbox
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import ReaderScroll
from pass_tui.widgets.text_field import LabelledField, TextField

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import CandidateSession

__all__ = ["LoginScreen"]


class LoginScreen(PassScreen["CandidateSession | None"]):
    """The login form. Dismisses with the new session (the app holds it from then on), or
    None when the candidate goes back. "Je me crée un espace candidat" and "Mot de passe
    perdu" open their screens from here; a sign-up confirmed by its code logs in too.

    Whether the address has an account is never told: a wrong address and a wrong
    password give the same message. "Rester connecté" is not offered on a kiosk.
    """

    CSS_PATH = "space.tcss"

    # Letters only work outside the text fields, and the footer would change each time the
    # focus enters or leaves one (a screen reader then reads the footer, not what got the
    # focus): they are listed in the help (Ctrl+G) only, as on every form of the space.
    BINDINGS = [
        Binding("m", "lost", "Mot de passe perdu", show=False, id="login.lost"),
        Binding(
            "c",
            "signup",
            "Créer un espace",
            show=False,
            tooltip="Je me crée un espace candidat",
            id="login.signup",
        ),
        Binding("r", "back", "Retour", show=False, id="login.back"),
        Binding("escape", "back", show=False, id="login.escape"),
    ]

    def __init__(self, *, message: str | None = None, email: str = "") -> None:
        """The login screen.

        Args:
            message: Said on arrival ("Votre session a pris fin : reconnectez-vous.").
            email: The identifiant to fill in.
        """
        super().__init__(id="login-screen")
        self.message = message
        self.email = email
        self._busy = False

    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Se connecter à mon espace candidat"))
        yield Notice(id="notice")
        with ReaderScroll(id="login-body", can_focus=False, classes="form"):
            yield LabelledField(
                _("Identifiant (adresse e-mail) :"), TextField(self.email, id="email")
            )
            yield LabelledField(_("Mot de passe :"), TextField(id="password", password=True))
            if not self.pass_app.kiosk:
                yield Checkbox(_("Rester connecté (30 jours)"), id="remember")
            with Vertical(classes="buttons"):
                yield button(_("Se connecter"), "login", primary=True)
                yield button(_("Mot de passe perdu"), "lost")
                yield button(_("Je me crée un espace candidat"), "signup")
                yield button(_("Retour"), "back")
        yield PassFooter()

    def on_mount(self) -> None:
        self.query_one("#password" if self.email else "#email", Input).focus()
        if self.message:
            self.show_message(self.message)

    # -- logging in ---------------------------------------------------------------------------
    @on(Input.Submitted, "#email")
    def _email_submitted(self) -> None:
        self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#password")
    @on(Button.Pressed, "#login")
    def action_login(self) -> None:
        """Log in with the identifiant and the password typed."""
        if not self._busy:
            self._busy = True
            self._login()

    @task(exclusive=True, group="login")
    async def _login(self) -> None:
        email = self.query_one("#email", Input).value
        password_field = self.query_one("#password", Input)
        remember = bool(self.query("#remember")) and self.query_one("#remember", Checkbox).value
        accounts = self.pass_app.services.accounts
        try:
            session = await asyncio.to_thread(
                accounts.login, email, password_field.value, remember=remember
            )
        except (LoginFailed, LoginThrottled) as error:
            password_field.value = ""
            self.query_one("#email", Input).focus()
            self.show_error(error_text(error))
            return
        finally:
            self._busy = False
        password_field.value = ""
        self.logged_in(session)

    def logged_in(self, session: CandidateSession) -> None:
        """The candidate is in: the app holds the session; back to where they were."""
        self.pass_app.session = session
        self.dismiss(session)

    # -- the other ways ------------------------------------------------------------------------
    @on(Button.Pressed, "#signup")
    def action_signup(self) -> None:
        """Open "Je me crée un espace candidat"."""
        from pass_tui.screens.space.signup import SignupScreen

        def signed_up(result: CandidateSession | str | None) -> None:
            if result is None:
                return
            if isinstance(result, str):  # "Plus tard": the code is for later
                self.query_one("#email", Input).value = result
                self.query_one("#password", Input).focus()
                self.show_message(_("Connectez-vous avec votre identifiant et votre mot de passe."))
                return
            self.logged_in(result)

        self.open(SignupScreen(), signed_up)

    @on(Button.Pressed, "#lost")
    def action_lost(self) -> None:
        """Open "Mot de passe perdu"."""
        from pass_tui.screens.space.reset import ResetScreen

        def reset(email: str | None) -> None:
            if email is None:
                return
            self.query_one("#email", Input).value = email
            self.query_one("#password", Input).focus()
            self.show_message(_("Mot de passe modifié : connectez-vous."))

        self.open(ResetScreen(self.query_one("#email", Input).value), reset)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Back to where the candidate was, without logging in."""
        self.dismiss(None)
