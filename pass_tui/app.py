"""PassApp: wires the first screen, the global keys, the theme, the keymap and the cursor,
and holds the candidate's session (login, logout, idle logout on a kiosk)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from pass_tui.cursor import ReaderCursorApp
from pass_tui.data.errors import PassError
from pass_tui.i18n import _, set_language
from pass_tui.keys import key_label
from pass_tui.screens.base import GoHome, PassScreenMixin
from pass_tui.typeahead import TypeAheadApp
from pass_tui.widgets.reader import translate_bindings
from pass_tui.widgets.scrollbar import use_quiet_scrollbars

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import CandidateSession
    from pass_tui.data.services import Services

__all__ = ["IDLE_WARNING_S", "PassApp"]

log = logging.getLogger(__name__)

DEFAULT_THEME = "textual-dark"

IDLE_WARNING_S = 60
"""On a kiosk, how long before the idle logout the candidate is warned."""
IDLE_CHECK_S = 1.0


class PassApp(TypeAheadApp, ReaderCursorApp, App[None]):
    """PASS in a terminal: search, read and share apprenticeship and internship offers."""

    CSS_PATH = "app.tcss"
    TITLE = "PASS"
    SUB_TITLE = "Place de l'apprentissage et des stages"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "help", "Aide", id="app.help", priority=True),
        Binding("f1,question_mark", "help", show=False, id="app.help_other"),
        Binding("ctrl+q", "quit", "Quitter", show=False, id="app.quit", priority=True),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commandes",
            show=False,
            id="app.command_palette",
            priority=True,
        ),
        Binding("slash", "focus_keywords", "Aller aux mots clés", show=False, id="app.keywords"),
        Binding("ctrl+c", "help_quit", "Comment quitter", show=False, id="app.ctrl_c", system=True),
    ]

    def __init__(
        self,
        services: Services,
        *,
        language: str | None = None,
        screen_reader: bool | None = None,
        kiosk: bool | None = None,
        theme: str | None = None,
    ) -> None:
        """Build the application.

        Args:
            services: The data layer for one data directory.
            language: "fr" or "en"; defaults to the settings' language (French).
            screen_reader: Screen-reader mode (no box drawing, no animation); defaults to
                the settings' value.
            kiosk: Kiosk mode (the caller runs the app with ``mouse=False``); defaults to
                the settings' value.
            theme: A Textual theme name, e.g. "ansi-dark"; defaults to the settings' theme.
        """
        settings = services.settings
        self.language = language or settings.language
        set_language(self.language)
        use_quiet_scrollbars()
        super().__init__()
        translate_bindings(self)
        self.services = services
        self.screen_reader = settings.screen_reader if screen_reader is None else screen_reader
        self.kiosk = settings.kiosk if kiosk is None else kiosk
        chosen = theme or settings.theme
        self.theme = chosen if chosen and chosen in self.available_themes else DEFAULT_THEME
        self.cursor_blink = not self.screen_reader
        """Whether text fields blink their cursor (never in screen-reader mode)."""
        # No animation in any mode: a screen reader reads every intermediate frame of a
        # smooth scroll (and users of a reader do not always turn on --screen-reader).
        self.animation_level = "none"
        if settings.keymap:
            self.set_keymap(dict(settings.keymap))
        self.title = _("PASS")
        self.sub_title = _("Place de l'apprentissage et des stages")
        self.session: CandidateSession | None = None
        """The logged-in candidate's session (None: nobody is logged in)."""
        self.idle_clock: Callable[[], float] = monotonic
        """The clock of the idle logout (tests set their own)."""
        self._last_input = self.idle_clock()
        self._idle_warned_at: float | None = None

    # -- start-up -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        from pass_tui.screens.search import SearchScreen

        self.set_class(self.screen_reader, "-screen-reader")
        self.set_class(self.kiosk, "-kiosk")
        self.push_screen(SearchScreen())
        if not self.kiosk:
            self.run_worker(self._resume_session, exit_on_error=False)
        self.set_interval(IDLE_CHECK_S, self.check_idle_logout)

    async def _resume_session(self) -> None:
        """Log in again from the remembered token ("Rester connecté"), if still valid."""
        try:
            session = await asyncio.to_thread(self.services.accounts.resume)
        except PassError as error:
            log.info("remembered session not resumed: %s", type(error).__name__)
            return
        if session is not None and self.session is None:
            self.session = session

    # -- the candidate's session --------------------------------------------------------------
    def logout(self, message: str | None = None) -> None:
        """End the session (drafts saved first), close the candidate space and go back to
        the search form, which says so (``message``, else "Vous êtes déconnecté.")."""
        session = self.session
        self._save_drafts()
        self.session = None
        self._idle_warned_at = None
        if session is not None:
            try:
                self.services.accounts.logout(session)
            except PassError as error:  # already ended elsewhere: nothing left to end
                log.info("logout: %s", type(error).__name__)
        home = self._unwind()
        if home is not None:
            home.go_home(GoHome())
            home.show_message(message or _("Vous êtes déconnecté."))

    def action_logout(self) -> None:
        """ "Déconnexion": end the session and go back to the search form."""
        self.logout()

    def session_ended(self, error: BaseException | None = None) -> None:
        """The session no longer exists (logged out elsewhere, password changed, expired):
        drop it, close the candidate space and open the login screen, which says so.
        Logging in again opens the candidate space."""
        self._save_drafts()
        self.session = None
        self._idle_warned_at = None
        home = self._unwind()
        if home is None:
            return
        from pass_tui.screens.space.dashboard import open_space
        from pass_tui.screens.space.login import LoginScreen

        def logged_in(session: CandidateSession | None) -> None:
            if session is not None:
                open_space(home, session)

        message = str(error or "") or _("Votre session a pris fin : reconnectez-vous.")
        home.go_home(GoHome())
        # Opened from the app, not from the screen whose worker failed (now closed): a
        # result callback runs on the message pump that pushed the screen.
        self.call_later(home.open, LoginScreen(message=message), logged_in)

    def _save_drafts(self) -> None:
        """Let every screen of the stack that keeps a draft save it (``save_draft()``)."""
        for screen in reversed(self.screen_stack):
            save = getattr(screen, "save_draft", None)
            if callable(save):
                try:
                    save()
                except Exception as error:  # never keeps the candidate logged in
                    log.warning("draft not saved: %s", type(error).__name__)

    def _unwind(self) -> PassScreenMixin | None:
        """Close every screen above the search form; return the search form."""
        while len(self.screen_stack) > 1 and not getattr(self.screen, "is_home", False):
            self.pop_screen()
        screen = self.screen
        return screen if isinstance(screen, PassScreenMixin) else None

    def action_space(self) -> None:
        """Open "Mon espace candidat" (the login screen first if nobody is logged in)."""
        from pass_tui.screens.space.dashboard import SpaceScreen, open_space

        screen = self.screen
        if isinstance(screen, SpaceScreen) or not isinstance(screen, PassScreenMixin):
            return
        screen.require_login(lambda session: open_space(screen, session))

    # -- idle logout (kiosk) ------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            self._last_input = self.idle_clock()
        await super().on_event(event)

    def check_idle_logout(self) -> None:
        """On a kiosk, with someone logged in: warn after ``idle_timeout_s`` minus a minute
        without a key, and log out a minute after the warning unless they stay."""
        if not self.kiosk or self.session is None:
            return
        now = self.idle_clock()
        timeout = self.services.settings.idle_timeout_s
        warning = min(IDLE_WARNING_S, timeout // 2)
        if self._idle_warned_at is not None:
            if now - self._idle_warned_at >= warning:
                self.logout(
                    _(
                        "Vous avez été déconnecté après {minutes} min sans activité.",
                        minutes=max(1, round(timeout / 60)),
                    )
                )
            return
        if now - self._last_input >= timeout - warning:
            from pass_tui.dialogs.idle import IdleDialog

            self._idle_warned_at = now
            self.push_screen(IdleDialog(warning), self._idle_answered)

    def _idle_answered(self, stay: bool | None) -> None:
        if self._idle_warned_at is None:
            return  # already logged out
        self._idle_warned_at = None
        self._last_input = self.idle_clock()
        if not stay:
            self.logout()

    # -- keys ---------------------------------------------------------------------------------
    def get_key_display(self, binding: Binding) -> str:
        return binding.key_display or key_label(binding.key)

    def action_help(self) -> None:
        """Open the help screen listing the keys of the current screen (or close it)."""
        from pass_tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss()
        elif isinstance(screen, PassScreenMixin):
            screen.open(HelpScreen(screen))

    async def action_help_quit(self) -> None:
        self.notify(_("Pour quitter, appuyez sur Ctrl+Q."))

    def action_new_search(self) -> None:
        """Back to an empty search form."""
        self._go_home(GoHome(clear=True))

    def action_focus_keywords(self) -> None:
        """Back to the search form, its criteria kept, in the keywords field."""
        self._go_home(GoHome())

    def _go_home(self, request: GoHome) -> None:
        screen = self.screen
        if isinstance(screen, PassScreenMixin):
            screen.go_home(request)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(
            _("Nouvelle recherche"), _("Revenir au formulaire de recherche"), self.action_new_search
        )
        yield SystemCommand(
            _("Mon espace candidat"),
            _("Ma fiche, mes pièces jointes, mes identifiants"),
            self.action_space,
        )
        if self.session is not None:
            yield SystemCommand(
                _("Déconnexion"), _("Me déconnecter de mon espace candidat"), self.logout
            )
        yield SystemCommand(_("Aide"), _("Les touches de l'écran courant"), self.action_help)
        yield SystemCommand(
            _("Thème"), _("Changer les couleurs de l'application"), self.action_change_theme
        )
        yield SystemCommand(_("Quitter"), _("Quitter l'application"), self.action_quit)

    def action_command_palette(self) -> None:
        """Open the command palette, in the interface language."""
        from pass_tui.dialogs.palette import PassCommandPalette

        if self.use_command_palette and not PassCommandPalette.is_open(self):
            self.push_screen(PassCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """Open the theme picker, in the interface language."""
        from textual.theme import ThemeProvider

        from pass_tui.dialogs.palette import PassCommandPalette

        self.push_screen(
            PassCommandPalette(providers=[ThemeProvider], placeholder=_("Rechercher un thème…"))
        )
