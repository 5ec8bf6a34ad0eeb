"""A list of plain lines the terminal cursor reads one at a time (a recap, documents,
folder entries), named by a heading the cursor visits first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from pass_tui.widgets.heading_list import HeadingFirst
from pass_tui.widgets.reader import ReaderWidget
from pass_tui.widgets.text import plain

__all__ = ["LineList"]


class LineList(HeadingFirst, ReaderWidget, OptionList):
    """One line per row, highlighted by attributes only; the terminal cursor sits on the
    highlighted row, so a screen reader reads it as the arrows move.

    When focus arrives the cursor first sits on :attr:`heading` (the list's name), and
    the first arrow key moves it onto the highlighted row (as
    :class:`~pass_tui.widgets.criteria_list.CriteriaList` does). Rows are plain text,
    never markup. Enter posts ``OptionList.OptionSelected``.
    """

    BINDINGS = [
        Binding("up", "cursor_up", "Ligne précédente", show=False, id="lines.up"),
        Binding("down", "cursor_down", "Ligne suivante", show=False, id="lines.down"),
    ]

    DEFAULT_CSS = """
    LineList {
        height: auto;
        max-height: 10;
        width: 1fr;
        & > .option-list--option { padding: 0 1; }
    }
    """

    def __init__(
        self,
        lines: Iterable[str] = (),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, compact=True)
        self.set_lines(lines)

    def set_lines(self, lines: Iterable[str]) -> None:
        """Replace the rows, keeping the highlighted index when it still exists."""
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(Option(Content(plain(line))) for line in lines)
        if self.option_count and (highlighted is not None or self.has_focus):
            self.highlighted = min(highlighted or 0, self.option_count - 1)

    @property
    def lines(self) -> Sequence[str]:
        """Every row as shown."""
        return [str(self.get_option_at_index(i).prompt) for i in range(self.option_count)]

    # -- the terminal cursor ------------------------------------------------------------------
    def _on_focus(self, event: events.Focus) -> None:
        self._on_heading = self.heading is not None and self.heading.display
        if self.highlighted is None and self.option_count:
            self.highlighted = 0
        if self._on_heading:
            # Focus scrolls this list into view, maybe not its heading (Shift+Tab from
            # below): the heading is where the cursor goes, so it must be on screen.
            self.call_after_refresh(self._show_heading)

    def point_at_heading(self) -> None:
        """Put the reader cursor back on the heading (the focus came back to this list,
        or stayed on it, and the field must be named again)."""
        if self.heading is None:
            return
        self._on_heading = True
        self._show_heading()
        self.reader_cursor_moved()

    def _show_heading(self) -> None:
        # The list in view first (Textual may judge it visible when it is not), then its
        # heading just above it.
        if self.is_mounted:
            self.scroll_visible(animate=False, immediate=True)
        if self.heading is not None and self.heading.is_mounted:
            self.heading.scroll_visible(animate=False, immediate=True)
