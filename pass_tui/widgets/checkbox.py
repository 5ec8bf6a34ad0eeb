"""A checkbox read as words on one line: "Rester connecté (30 jours) : non coché"."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from pass_tui.i18n import _
from pass_tui.widgets.reader import ReaderWidget

__all__ = ["Checkbox"]


class Checkbox(ReaderWidget, Widget, can_focus=True):
    """One line, "Label : coché" or "Label : non coché"; Space or Enter ticks it.

    The state is in words, never a glyph or a colour only: a screen reader reads the line
    when focus arrives (the terminal cursor lands on it) and again when it is ticked (its
    text changes). The focus shows by attributes only (reverse video), nothing moves.
    """

    BINDINGS = [
        Binding("space,enter", "toggle", "Cocher ou décocher", show=False, id="checkbox.toggle"),
    ]

    DEFAULT_CSS = """
    Checkbox {
        height: 1;
        width: 1fr;
        padding: 0 1;
        &:focus {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
    }
    """

    value: reactive[bool] = reactive(False)
    """Whether the box is ticked."""

    class Changed(Message):
        """The box was ticked or unticked (by a key, a click or :attr:`value`)."""

        def __init__(self, checkbox: Checkbox, value: bool) -> None:
            super().__init__()
            self.checkbox = checkbox
            self.value = value

        @property
        def control(self) -> Checkbox:
            return self.checkbox

    def __init__(
        self,
        label: str,
        value: bool = False,
        *,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self.label = label
        self.set_reactive(Checkbox.value, value)

    def render(self) -> Content:
        state = _(" : coché") if self.value else _(" : non coché")
        label = self.label
        # On a narrow terminal the label gives way, never the state (60 columns cut
        # "J'accepte les conditions générales d'utilisation * : non coché" otherwise).
        room = self.content_size.width - cell_len(state)
        if 1 < room < cell_len(label):
            label = set_cell_size(label, room - 1).rstrip() + "…"
        return Content.assemble(Content(label), (state, "bold" if self.value else ""))

    def watch_value(self, value: bool) -> None:
        self.post_message(self.Changed(self, value))

    def action_toggle(self) -> None:
        """Tick or untick the box."""
        self.value = not self.value

    async def _on_click(self) -> None:
        self.action_toggle()
