"""The footer: the keys of the screen, help first, only keys that fit whole, redrawn only
when they change."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

__all__ = ["PassFooter"]

HELP_ACTIONS = frozenset({"help", "app.help"})


class PassFooter(Footer):
    """A compact :class:`Footer` that shows the help key first and leaves out the keys
    that do not fit whole (they stay listed in the help screen), so a narrow terminal
    never shows half a key.

    Textual's footer is rebuilt at every focus change; a screen reader reads a line whose
    text changes, and a rebuild can show an empty footer for a moment. This one is
    rebuilt only when the keys it shows change.
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
        self._shown: tuple[tuple[str, str, bool], ...] | None = None
        # pass-tui shows only screen and app keys in the footer, which do not depend on the
        # focus: draw them with the screen's first frame rather than a moment later.
        self._bindings_ready = True

    def _keys(self, screen: Screen) -> tuple[tuple[str, str, bool], ...]:
        return tuple(
            (binding.key, binding.description, enabled)
            for (_node, binding, enabled, _tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        keys = self._keys(screen)
        if keys == self._shown:
            return
        self._shown = keys
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        self._shown = self._keys(self.screen)
        keys = list(super().compose())
        keys.sort(key=lambda w: not (isinstance(w, FooterKey) and w.action in HELP_ACTIONS))
        room = self.app.size.width
        shown = []
        for key in keys:
            if isinstance(key, FooterKey):
                room -= cell_len(key.key_display) + cell_len(key.description) + 2
                if room < 0:
                    break
            shown.append(key)
        self.styles.grid_size_columns = len(shown)
        yield from shown

    def on_resize(self, event: events.Resize) -> None:
        self.refresh(recompose=True)
