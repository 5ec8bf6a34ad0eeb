"""A multiple-choice list whose state reads as text: "[x] Niveau 3 : … (77)"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Offset
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, SelectionList
from textual.widgets.selection_list import Selection

from pass_tui.i18n import number
from pass_tui.widgets.reader import ReaderWidget

__all__ = ["CriteriaList"]

CHECKED = "[x] "
UNCHECKED = "[ ] "


class CriteriaList(ReaderWidget, SelectionList[str]):
    """A `SelectionList` of criterion values with their facet counts.

    Each option is drawn as "[x] label (count)" or "[ ] label (count)": the state is in
    the characters, not only in the colour, so it is read aloud and survives NO_COLOR.
    Labels are never parsed as markup (values may come from imported offers).
    """

    BINDINGS = [
        Binding("up,k", "cursor_up", "Valeur précédente", show=False, id="criteria.up"),
        Binding("down,j", "cursor_down", "Valeur suivante", show=False, id="criteria.down"),
        Binding(
            "space", "select", "Cocher ou décocher la valeur", show=False, id="criteria.toggle"
        ),
    ]

    DEFAULT_CSS = """
    CriteriaList {
        height: auto;
        max-height: 8;
    }
    """

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, compact=False)
        self._labels: dict[str, str] = {}
        self.heading: Widget | None = None
        """The label naming this criterion; the cursor visits it when focus arrives."""
        self._on_heading = False

    # -- content ------------------------------------------------------------------------------
    def set_values(
        self,
        values: Iterable[tuple[str, str]],
        counts: dict[str, int] | None = None,
        selected: Iterable[str] = (),
    ) -> None:
        """Replace the options.

        Args:
            values: (value, label) pairs in display order.
            counts: Facet count per value; shown after the label.
            selected: Values to show as checked.
        """
        chosen = set(selected)
        highlighted = self.highlighted
        self._labels = dict(values)
        self.clear_options()
        self.add_options(
            Selection(self._prompt(value, counts), value, value in chosen) for value in self._labels
        )
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Update the facet counts shown after each label, keeping the options."""
        for index in range(self.option_count):
            option = self.get_option_at_index(index)
            prompt = self._prompt(option.value, counts)
            if str(option.prompt) != str(prompt):
                self.replace_option_prompt_at_index(index, prompt)

    def _prompt(self, value: str, counts: dict[str, int] | None) -> Content:
        label = self._labels.get(value, value)
        if counts is not None:
            label = f"{label} ({number(counts.get(value, 0))})"
        return Content(label)

    @property
    def values(self) -> Sequence[str]:
        """Every value of the list, in order."""
        return [self.get_option_at_index(i).value for i in range(self.option_count)]

    # -- rendering ----------------------------------------------------------------------------
    def _get_left_gutter_width(self) -> int:
        return len(CHECKED)

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        try:
            index, line_offset = self._lines[self.scroll_offset.y + y]
            selection = self.get_option_at_index(index)
        except IndexError:
            return line
        style = next(iter(line)).style if line.cell_length else self.rich_style
        if line_offset:
            mark = " " * len(CHECKED)
        else:
            mark = CHECKED if selection.value in self._selected else UNCHECKED
        return Strip([Segment(mark, style), *line])

    # -- the terminal cursor ------------------------------------------------------------------
    def _on_focus(self, event: events.Focus) -> None:
        # Arriving by Tab: let the reader say the criterion's name before its values.
        self._on_heading = self.heading is not None
        if self.highlighted is None and self.option_count:
            self.highlighted = 0  # the highlighted row shows as soon as the list has focus
        super()._on_focus(event)

    def _moved(self) -> None:
        self._on_heading = False

    def action_cursor_up(self) -> None:
        self._moved()
        super().action_cursor_up()

    def action_cursor_down(self) -> None:
        self._moved()
        super().action_cursor_down()

    def action_first(self) -> None:
        self._moved()
        super().action_first()

    def action_last(self) -> None:
        self._moved()
        super().action_last()

    def action_page_up(self) -> None:
        self._moved()
        super().action_page_up()

    def action_page_down(self) -> None:
        self._moved()
        super().action_page_down()

    def action_select(self) -> None:
        self._moved()
        super().action_select()

    async def _on_click(self, event: events.Click) -> None:
        self._moved()
        await super()._on_click(event)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.reader_cursor_moved()

    def reader_cursor(self) -> Offset | None:
        """Where the terminal cursor goes for a screen reader: the criterion's heading
        right after focus arrives, then the highlighted value."""
        if self._on_heading and self.heading is not None and self.heading.display:
            return self.heading.content_region.offset
        region = self.content_region
        if self.highlighted is None:
            return region.offset
        try:
            line = self._index_to_line[self.highlighted]
        except KeyError:
            return region.offset
        y = line - self.scroll_offset.y
        if not 0 <= y < region.height:
            return region.offset
        return Offset(region.x, region.y + y)
