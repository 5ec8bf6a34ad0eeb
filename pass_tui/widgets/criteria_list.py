"""A multiple-choice list whose state reads as words: "Stage (60) : coché"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.selection_list import Selection

from pass_tui.i18n import _, number
from pass_tui.widgets.heading_list import HeadingFirst
from pass_tui.widgets.reader import ReaderWidget
from pass_tui.widgets.text import fit

__all__ = ["CriteriaList"]


class CriteriaList(HeadingFirst, ReaderWidget, SelectionList[str]):
    """A `SelectionList` of criterion values with their facet counts.

    Each option reads "label (count) : coché" or "label (count) : non coché": the state is
    in words, not in a glyph or a colour, so a screen reader says it and NO_COLOR keeps it.
    Labels are never parsed as markup (values may come from imported offers).

    When focus arrives by Tab the terminal cursor first sits on the criterion's heading
    (:attr:`heading`), so a screen reader names the list; the first arrow key then moves it
    onto the highlighted value, which is shown as soon as the list has focus.

    With ``lazy_counts`` the counts of a list without focus are only updated when it gets
    the focus: a screen reader reads every line whose text changes, so ticking a value
    would otherwise read every changed count of every visible list.
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
        & > .option-list--option { padding: 0 1; }
    }
    """

    def __init__(
        self,
        *,
        lazy_counts: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, compact=True)
        self._labels: dict[str, str] = {}
        self._counts: dict[str, int] | None = None
        self._shown_counts: dict[str, int] | None = None
        self.lazy_counts = lazy_counts
        self._room = 0  # cells for an option's text (0: not laid out yet)

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
        self._counts = self._shown_counts = counts
        with self.prevent(self.SelectedChanged):
            self.clear_options()
            self.add_options(
                Selection(self._prompt(value, value in chosen), value, value in chosen)
                for value in self._labels
            )
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Update the facet counts shown after each label (now, or when the list gets the
        focus if its counts are lazy and it has not the focus)."""
        self._counts = counts
        if not self.lazy_counts or self.has_focus:
            self._refresh_prompts()

    def _refresh_prompts(self) -> None:
        """Redraw the options whose count or state changed (and only those)."""
        self._shown_counts = self._counts
        for index in range(self.option_count):
            option = self.get_option_at_index(index)
            prompt = self._prompt(option.value, option.value in self._selected)
            if str(prompt) != str(option.prompt):
                self.replace_option_prompt_at_index(index, prompt)

    def _prompt(self, value: str, checked: bool) -> Content:
        state = _(" : coché") if checked else _(" : non coché")
        count = f" ({number(self._counts.get(value, 0))})" if self._counts is not None else ""
        # The label gives way, never the count or the state: cut at a word, they stay.
        room = self._room - cell_len(count) - cell_len(state) if self._room else 0
        label = self._labels.get(value, value)
        label = fit(label, room) if room > 0 else label
        return Content.assemble(label + count, (state, "bold" if checked else "dim"))

    def on_resize(self, event: events.Resize) -> None:
        room = self.scrollable_content_region.width - 2  # the option's padding
        if room != self._room:
            self._room = room
            self._refresh_prompts()

    def _message_changed(self) -> None:
        # Every change of the selection comes through here: redraw the states in words.
        self._refresh_prompts()
        super()._message_changed()

    # -- rendering: the option's text only (no toggle glyph: the state is in the words) ------
    def _get_left_gutter_width(self) -> int:
        return 0

    def render_line(self, y: int) -> Strip:
        return OptionList.render_line(self, y)

    @property
    def values(self) -> Sequence[str]:
        """Every value of the list, in order."""
        return [self.get_option_at_index(i).value for i in range(self.option_count)]

    # -- the terminal cursor ------------------------------------------------------------------
    def _on_focus(self, event: events.Focus) -> None:
        # Arriving by Tab: let the reader say the criterion's name before its values.
        self._on_heading = self.heading is not None
        if self._counts is not self._shown_counts:
            self._refresh_prompts()
        if self.highlighted is None and self.option_count:
            self.highlighted = 0  # the highlighted row shows as soon as the list has focus
