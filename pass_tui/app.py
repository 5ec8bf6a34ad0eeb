"""PassApp: wires the first screen, the global keys, the theme, the keymap and the cursor."""

from __future__ import annotations

from collections.abc import Iterable
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Offset, Region
from textual.screen import Screen
from textual.timer import Timer

from pass_tui.i18n import _, set_language
from pass_tui.keys import key_label
from pass_tui.screens.base import GoHome, PassScreenMixin
from pass_tui.terminal import ReaderFriendlyDriver
from pass_tui.widgets.reader import ReaderCursorMoved, cursor_offset, translate_bindings
from pass_tui.widgets.scrollbar import use_quiet_scrollbars

if TYPE_CHECKING:
    from pass_tui.data.services import Services

__all__ = ["PassApp"]

DEFAULT_THEME = "textual-dark"


class PassApp(App[None]):
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

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if issubclass(driver, LinuxDriver) and not issubclass(driver, ReaderFriendlyDriver):
            return ReaderFriendlyDriver
        return driver

    # -- start-up -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        from pass_tui.screens.search import SearchScreen

        self.set_class(self.screen_reader, "-screen-reader")
        self.set_class(self.kiosk, "-kiosk")
        self.push_screen(SearchScreen())

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

    # -- the terminal cursor follows the focus (ACCESSIBILITY.md point 1) -----------------------
    async def on_event(self, event: events.Event) -> None:
        await super().on_event(event)
        if isinstance(
            event, (events.Key, events.MouseUp, events.ScreenResume, events.DescendantFocus)
        ):
            self.call_after_refresh(self.place_cursor)

    def on_reader_cursor_moved(self, event: ReaderCursorMoved) -> None:
        self.call_after_refresh(self.place_cursor)

    # A screen reader reads the cursor's line only when no text changed in the same frame
    # and the cursor changed row. When a new screen appears or a container scrolls, the
    # frames are full of changed text: the cursor is held where it was while they are
    # drawn, and placed on the focused widget in a frame of its own once drawing has
    # paused for HOLD_S (HOLD_MAX_S at most), so the reader reads that line last. If the
    # focused widget sits on the very row the cursor was held on (the keywords field and
    # a dialog's first button, say), the cursor first visits the top row, so that the
    # move to the focused widget is a change of row.
    HOLD_S = 0.05
    HOLD_MAX_S = 0.5
    _cursor_target = Offset(0, 0)
    _cursor_held: Offset | None = None
    _hold_timer: Timer | None = None
    _hold_started = 0.0

    @property
    def cursor_position(self) -> Offset:  # type: ignore[override]
        return self._cursor_target if self._cursor_held is None else self._cursor_held

    @cursor_position.setter
    def cursor_position(self, offset: Offset) -> None:
        self._cursor_target = offset

    @property
    def cursor_held(self) -> bool:
        """Whether the terminal cursor is held while a screen or a scroll settles."""
        return self._cursor_held is not None

    def hold_cursor(self) -> None:
        """Keep the terminal cursor where it was while the next frames are drawn; place it
        on the focused widget once they pause."""
        if self._cursor_held is None:
            self._cursor_held = getattr(self, "_previous_cursor_position", self._cursor_target)
            self._hold_started = monotonic()
            self._hold_timer = self.set_timer(self.HOLD_S, self._release_cursor)

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        # Every frame drawn while the cursor is held postpones its release (Textual calls
        # this once per frame written to the terminal).
        super()._display(screen, renderable)
        timer = self._hold_timer
        if timer is not None and monotonic() - self._hold_started < self.HOLD_MAX_S:
            timer.reset()

    def _release_cursor(self) -> None:
        held = self._cursor_held
        self._cursor_held = None
        self._hold_timer = None
        target = self._focused_cursor() or self._cursor_target
        if held is not None and held.y == target.y and held.y != 0:
            self._cursor_held = Offset(0, 0)
            self._show_cursor()
            self._hold_started = monotonic()
            self._hold_timer = self.set_timer(self.HOLD_S, self._release_cursor)
            return
        self.place_cursor(force=True)

    def _focused_cursor(self) -> Offset | None:
        try:
            focused = self.screen.focused
        except Exception:  # no screen yet, or shutting down
            return None
        return cursor_offset(focused) if focused is not None else None

    def _show_cursor(self) -> None:
        """Write the cursor's position with the smallest frame (a screen reader may read
        a large frame in pieces)."""
        self.screen.refresh(Region(0, 0, 1, 1))

    def place_cursor(self, force: bool = False) -> None:
        """Put the terminal cursor on the focused widget: its text cursor, the highlighted
        row of a list, or the first cell of its content. Screen readers read that line."""
        if self._cursor_held is not None:
            return
        offset = self._focused_cursor()
        if offset is None or (offset == self.cursor_position and not force):
            return
        self.cursor_position = offset
        self._show_cursor()
