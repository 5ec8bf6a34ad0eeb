"""PassApp: wires the screens, the global keys, the theme, the keymap and the cursor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.geometry import Offset
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from pass_tui.i18n import _, set_language, translate_bindings

if TYPE_CHECKING:
    from pass_tui.data.services import Services

__all__ = ["PassApp", "key_label"]

DEFAULT_THEME = "textual-dark"

# How keys are spelled in the footer and the help screen (French words a reader can say).
_KEY_NAMES = {
    "escape": "Échap",
    "enter": "Entrée",
    "tab": "Tab",
    "space": "Espace",
    "up": "Haut",
    "down": "Bas",
    "left": "Gauche",
    "right": "Droite",
    "pageup": "Page préc.",
    "pagedown": "Page suiv.",
    "home": "Début",
    "end": "Fin",
    "slash": "/",
    "question_mark": "?",
    "delete": "Suppr",
    "backspace": "Retour arrière",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Maj", "alt": "Alt", "meta": "Méta"}


def key_label(key: str) -> str:
    """A key as people say it: "ctrl+q" → "Ctrl+Q", "escape" → "Échap", "f1" → "F1"."""
    *mods, name = key.split("+")
    if name in _KEY_NAMES:
        word = _(_KEY_NAMES[name])
    elif len(name) == 1:
        word = name.upper() if mods else name
    elif name.startswith("f") and name[1:].isdigit():
        word = name.upper()
    else:
        word = name.replace("_", " ")
    return "+".join([*(_(_MODIFIERS.get(m, m)) for m in mods), word])


class PassApp(App[None]):
    """PASS in a terminal: search, read and share apprenticeship and internship offers."""

    CSS_PATH = "app.tcss"
    TITLE = "PASS"
    SUB_TITLE = "Place de l'apprentissage et des stages"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Aide", id="app.help"),
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
        super().__init__()
        translate_bindings(self)
        self.services = services
        self.screen_reader = settings.screen_reader if screen_reader is None else screen_reader
        self.kiosk = settings.kiosk if kiosk is None else kiosk
        chosen = theme or settings.theme
        if chosen and chosen in self.available_themes:
            self.theme = chosen
        else:
            self.theme = DEFAULT_THEME
        self.cursor_blink = not self.screen_reader
        """Whether text fields blink their cursor (never in screen-reader mode)."""
        if self.screen_reader:
            self.animation_level = "none"
        if settings.keymap:
            self.set_keymap(dict(settings.keymap))
        self.title = _("PASS")
        self.sub_title = _("Place de l'apprentissage et des stages")

    # -- start-up -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.set_class(self.screen_reader, "-screen-reader")
        self.set_class(self.kiosk, "-kiosk")
        from pass_tui.screens.search import SearchScreen

        self.push_screen(SearchScreen())

    # -- keys ---------------------------------------------------------------------------------
    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        return key_label(binding.key)

    def action_help(self) -> None:
        """Open the help screen listing the keys of the current screen."""
        from pass_tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    async def action_help_quit(self) -> None:
        self.notify(_("Pour quitter, appuyez sur Ctrl+Q."))

    def action_new_search(self) -> None:
        """Go back to the search form (the home screen), its criteria kept."""
        self.action_focus_keywords()

    def action_focus_keywords(self) -> None:
        """Jump to the keywords field of the search form, from any screen."""
        from pass_tui.screens.search import SearchScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, SearchScreen):
            self.pop_screen()
        screen = self.screen
        if isinstance(screen, SearchScreen):
            screen.focus_keywords()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(
            _("Nouvelle recherche"),
            _("Revenir au formulaire de recherche"),
            self.action_new_search,
        )
        yield SystemCommand(_("Aide"), _("Les touches de l'écran courant"), self.action_help)
        yield SystemCommand(
            _("Thème"), _("Changer les couleurs de l'application"), self.action_change_theme
        )
        yield SystemCommand(_("Quitter"), _("Quitter l'application"), self.action_quit)
        yield from getattr(screen, "screen_commands", lambda: ())()

    # -- the terminal cursor follows the focus (ACCESSIBILITY.md point 1) -----------------------
    async def on_event(self, event: events.Event) -> None:
        await super().on_event(event)
        if isinstance(
            event, (events.Key, events.MouseUp, events.ScreenResume, events.DescendantFocus)
        ):
            self.call_after_refresh(self.place_cursor)

    def on_result_list_highlighted(self, event: Message) -> None:
        self.call_after_refresh(self.place_cursor)

    def on_selection_list_selection_highlighted(self, event: Message) -> None:
        self.call_after_refresh(self.place_cursor)

    def place_cursor(self) -> None:
        """Put the terminal cursor on the focused widget: its text cursor, the highlighted
        row of a list, or the first cell of its content. Screen readers read that line."""
        try:
            focused = self.screen.focused
        except Exception:  # no screen yet, or shutting down
            return
        offset = cursor_offset(focused) if focused is not None else None
        if offset is None or offset == self.cursor_position:
            return
        self.cursor_position = offset
        # The cursor is written to the terminal with the next repaint: ask for one.
        focused.refresh()


def cursor_offset(widget: Widget) -> Offset | None:
    """Screen coordinates where the terminal cursor should sit for ``widget``."""
    if not widget.is_mounted or not widget.region:
        return None
    reader = getattr(widget, "cursor_screen_offset_for_reader", None)
    if reader is not None:
        return reader()
    text_cursor = getattr(widget, "cursor_screen_offset", None)
    if isinstance(text_cursor, Offset):
        return text_cursor
    return widget.content_region.offset
