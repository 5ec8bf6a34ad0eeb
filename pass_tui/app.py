"""PassApp: wires the first screen, the global keys, the theme, the keymap and the cursor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from pass_tui.cursor import ReaderCursorApp
from pass_tui.i18n import _, set_language
from pass_tui.keys import key_label
from pass_tui.screens.base import GoHome, PassScreenMixin
from pass_tui.widgets.reader import translate_bindings
from pass_tui.widgets.scrollbar import use_quiet_scrollbars

if TYPE_CHECKING:
    from pass_tui.data.services import Services

__all__ = ["PassApp"]

DEFAULT_THEME = "textual-dark"


class PassApp(ReaderCursorApp, App[None]):
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
