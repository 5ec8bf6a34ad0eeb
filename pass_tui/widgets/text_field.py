"""A text field read as "Label : value" on one line, without placeholder.

A screen reader reads the line the terminal cursor lands on, so the label shares the
field's line: Tab into the field says "Mots clés ou numéro d'offre :" then what is typed.
There is no placeholder (it would be read as if it were the value); an example goes in a
hint line. The terminal cursor sits at the insertion point, not one cell past it (Textual
puts it there at the end of the value), so a screen reader recognises typing and does not
read the whole line again at every key.

A password field (``TextField(password=True)``) shows one "•" per character, so the line
reads "Mot de passe : ••••" and the typed characters are never on screen, where a screen
reader could read them. Measured with Fenrir: typing one key at a time says nothing,
typing several at once says the bullets, never the characters; Tab into the field says
the label. Copying and cutting are off in a password field.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Offset
from textual.widgets import Input, Label

from pass_tui.widgets.reader import ReaderWidget

__all__ = ["LabelledField", "TextField"]


class TextField(ReaderWidget, Input):
    """An :class:`Input` whose terminal cursor is at the insertion point."""

    DEFAULT_CSS = """
    TextField {
        width: 1fr;
    }
    """

    MASK = "\u2022"
    """What a password field shows for each character ("•")."""

    def _position_to_cell(self, position: int) -> int:
        if self.password:
            return cell_len(self.MASK) * position  # the mask, not the hidden characters
        return super()._position_to_cell(position)

    def action_copy(self) -> None:
        if not self.password:
            super().action_copy()

    def action_cut(self) -> None:
        if not self.password:
            super().action_cut()

    @property
    def cursor_screen_offset(self) -> Offset:
        x, y, _width, _height = self.content_region
        return Offset(x + self._position_to_cell(self.cursor_position) - self.scroll_offset.x, y)

    def reader_cursor(self) -> Offset | None:
        return self.cursor_screen_offset


class LabelledField(Horizontal):
    """ "Label : [field]" on one line. The field is reachable as :attr:`field`."""

    DEFAULT_CSS = """
    LabelledField {
        height: auto;
        width: 1fr;
        & > Label {
            width: auto;
            padding: 0 1 0 0;
            text-style: bold;
            color: $text-primary;
        }
    }
    """

    def __init__(self, label: str, field: TextField, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.field = field

    def compose(self) -> ComposeResult:
        yield Label(self.label, markup=False)
        yield self.field
