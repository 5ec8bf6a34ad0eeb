"""Mon espace candidat: the sections of the space, the account's address, Déconnexion."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from pass_tui.data.errors import PassError, SessionEnded
from pass_tui.i18n import _
from pass_tui.screens.base import (
    CandidateScreen,
    PassScreenMixin,
    button,
    error_text,
    logout_button,
    task,
)
from pass_tui.screens.space.code import CodeConfirmed, CodeScreen
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import ReaderScroll

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import CandidateSession

__all__ = ["SpaceScreen", "open_space", "sections"]


def sections() -> list[tuple[str, str, str]]:
    """The sections of the space: button id, title and one-line explanation."""
    return [
        ("profile", _("Ma fiche candidat"), _("Vos coordonnées et vos souhaits.")),
        ("attachments", _("Mes pièces jointes"), _("Vos CV, lettres et autres documents.")),
        ("credentials", _("Mes identifiants"), _("Adresse e-mail et mot de passe.")),
    ]


def open_space(screen: PassScreenMixin, session: CandidateSession) -> None:
    """Open the dashboard above ``screen`` (after a login, from the search form...)."""
    screen.open(SpaceScreen(session))


class SpaceScreen(CandidateScreen[None]):
    """The candidate space's dashboard: each section a button with its explanation on
    the same line (a screen reader reads both when the focus lands), the address of the
    account and whether it is confirmed ("Confirmer mon adresse" when not), "Retour à la
    recherche" and "Déconnexion"."""

    CSS_PATH = "space.tcss"

    BINDINGS = [
        Binding(
            "ctrl+d", "logout", "Déconnexion", tooltip="Me déconnecter", id="space.logout_shown"
        ),
        Binding("f", "profile", "Fiche", tooltip="Ma fiche candidat", id="space.profile"),
        Binding("j", "attachments", "Pièces", tooltip="Mes pièces jointes", id="space.attachments"),
        Binding(
            "i", "credentials", "Identifiants", tooltip="Mes identifiants", id="space.credentials"
        ),
        Binding("c", "confirm", "Confirmer", tooltip="Confirmer mon adresse", id="space.confirm"),
        Binding("r", "back", "Retour", tooltip="Retour à la recherche", id="space.back"),
        Binding("escape", "back", show=False, id="space.escape"),
    ]

    def __init__(self, session: CandidateSession) -> None:
        super().__init__(session, id="space-screen")
        self.confirmed: bool | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Mon espace candidat"))
        yield Notice(id="notice")
        with ReaderScroll(id="space-body", can_focus=False, classes="form"):
            yield Static(id="account", markup=False)
            with Vertical(classes="buttons", id="confirm-box"):
                yield button(_("Confirmer mon adresse"), "confirm")
            for section, title, explanation in sections():
                with Horizontal(classes="section"):
                    yield button(title, section, primary=section == "profile")
                    yield Static(explanation, classes="hint explanation", markup=False)
            with Vertical(classes="buttons"):
                yield button(_("Retour à la recherche"), "back")
                yield logout_button()
        yield PassFooter()

    def on_mount(self) -> None:
        # Read before the first frame (one small file): a line that changed after the
        # focus landed would be what a screen reader says last, not the focused section.
        try:
            self.confirmed = self.pass_app.services.accounts.is_confirmed(self.session)
        except PassError as error:
            if isinstance(error, SessionEnded):
                self.call_later(self.pass_app.session_ended, error)
                return
            self.show_error(error_text(error))
        self._show_account()
        self.query_one("#profile", Button).focus()

    def on_screen_resume(self) -> None:
        self._show_account()

    def _show_account(self) -> None:
        if self.confirmed is None:
            text = _("Identifiant : {address}", address=self.session.email)
        elif self.confirmed:
            text = _("Identifiant : {address} (adresse confirmée)", address=self.session.email)
        else:
            text = _("Identifiant : {address} (adresse non confirmée)", address=self.session.email)
        self.query_one("#account", Static).update(text)
        self.query_one("#confirm-box").display = self.confirmed is False

    @task(exclusive=True, group="confirmed")
    async def refresh_confirmed(self) -> None:
        """Ask whether the account's address is confirmed (in a thread)."""
        accounts = self.pass_app.services.accounts
        self.confirmed = await asyncio.to_thread(accounts.is_confirmed, self.session)
        self._show_account()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "confirm":
            return self.confirmed is False
        return True

    # -- sections ------------------------------------------------------------------------------
    @on(Button.Pressed, "#profile")
    def action_profile(self) -> None:
        """Open "Ma fiche candidat"."""
        from pass_tui.screens.space.profile import ProfileScreen  # type: ignore[import-not-found]

        self._open_section(ProfileScreen(self.session))

    @on(Button.Pressed, "#attachments")
    def action_attachments(self) -> None:
        """Open "Mes pièces jointes"."""
        from pass_tui.screens.space.attachments import (  # type: ignore[import-not-found]
            AttachmentsScreen,
        )

        self._open_section(AttachmentsScreen(self.session))

    @on(Button.Pressed, "#credentials")
    def action_credentials(self) -> None:
        """Open "Mes identifiants"."""
        from pass_tui.screens.space.credentials import CredentialsScreen

        self._open_section(CredentialsScreen(self.session))

    def _open_section(self, screen: Any) -> None:
        def returned(_result: object) -> None:
            self.refresh_confirmed()

        self.open(screen, returned)

    # -- confirming the address ----------------------------------------------------------------
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        """Send a code to the account's address and ask for it."""
        if self.confirmed is False:
            self._send_confirmation()

    @task(exclusive=True, group="confirm")
    async def _send_confirmation(self) -> None:
        accounts = self.pass_app.services.accounts
        session = self.session
        pending = await asyncio.to_thread(accounts.send_confirmation, session)

        def confirm(pending: Any, code: str) -> None:
            accounts.confirm_email(session, pending, code)

        def answered(result: CodeConfirmed | None) -> None:
            if result is not None:
                self.confirmed = True
                self._show_account()
                self.query_one("#profile", Button).focus()
                self.show_message(_("Votre adresse est confirmée."))

        self.open(CodeScreen(pending, confirm, title=_("Confirmer mon adresse e-mail")), answered)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Back to the search form (still logged in)."""
        self.dismiss(None)
