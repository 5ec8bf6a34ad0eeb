"""The footer: the keys of the screen, help first, and only keys that fit whole."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

__all__ = ["PassFooter"]

HELP_ACTIONS = frozenset({"help", "app.help"})


class PassFooter(Footer):
    """A compact :class:`Footer` that shows the help key first and leaves out the keys
    that do not fit whole (they stay listed in the help screen), so a narrow terminal
    never shows half a key."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)

    def compose(self) -> ComposeResult:
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
