"""A virtual list of search results: renders only the rows on screen, so 100k offers cost
no more than ten.

Moving the highlight changes attributes only (colours, reverse video), never a character:
a screen reader reads every line whose text changes, so a "> " marker moving from one row
to the next would read both rows (an indentation shift too, when a frame reaches the
reader in pieces). The terminal cursor goes to the highlighted title, which the reader
then reads once. Reverse video keeps the highlight visible without colour (NO_COLOR).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pass_tui.data.publishing.render import long_date, short_nature
from pass_tui.i18n import _
from pass_tui.widgets.reader import ReaderWidget
from pass_tui.widgets.text import fit

if TYPE_CHECKING:
    from pass_tui.data.catalogue import OfferSummary, SearchResult

__all__ = ["ResultList"]

INDENT = "  "
MIN_TITLE = 48
"""The closing date shares the title's line only when the title keeps this much room."""
_CACHE_SIZE = 256


class ResultList(ReaderWidget, ScrollView, can_focus=True):
    """The offers of a `SearchResult`, two lines each: the title and the closing date,
    then the nature, the place and the employer; or one line each (``one_line``, the
    screen-reader mode): the title. The highlighted offer is coloured and indented, and
    the terminal cursor sits on its title."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Offre précédente dans la liste", show=False, id="list.up"),
        Binding(
            "down,j", "cursor_down", "Offre suivante dans la liste", show=False, id="list.down"
        ),
        Binding("pageup", "page_up", "Page précédente de la liste", show=False, id="list.page_up"),
        Binding(
            "pagedown", "page_down", "Page suivante de la liste", show=False, id="list.page_down"
        ),
        Binding("home", "first", "Première offre de la liste", show=False, id="list.first"),
        Binding("end", "last", "Dernière offre de la liste", show=False, id="list.last"),
        Binding("enter", "select", "Ouvrir", tooltip="Ouvrir l'offre", show=False, id="list.open"),
    ]

    COMPONENT_CLASSES = {"result-list--title", "result-list--detail", "result-list--cursor"}

    DEFAULT_CSS = """
    ResultList {
        height: 1fr;
        background: $surface;
        & > .result-list--title { text-style: bold; }
        & > .result-list--detail { color: $text-muted; }
        /* Reverse video with the colours swapped: the usual cursor colours on screen, and
           still a visible bar when colours are off (NO_COLOR). */
        & > .result-list--cursor {
            background: $foreground;
            color: $block-cursor-blurred-background;
            text-style: reverse;
        }
        &:focus > .result-list--cursor {
            background: $foreground;
            color: $block-cursor-background;
            text-style: reverse bold;
        }
    }
    """

    highlighted: reactive[int] = reactive(0, always_update=False, init=False)
    """Index of the highlighted offer in the result."""

    class _OfferMessage(Message):
        """A message about the offer at ``index`` of the list's result."""

        def __init__(self, result_list: ResultList, index: int) -> None:
            super().__init__()
            self.result_list = result_list
            self.index = index

        @property
        def control(self) -> ResultList:
            return self.result_list

    class Highlighted(_OfferMessage):
        """The highlighted offer changed."""

    class Selected(_OfferMessage):
        """An offer was chosen (Enter or click) to be opened."""

    def __init__(
        self,
        *,
        one_line: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.row_height = 1 if one_line else 2
        """Lines per offer."""
        self._result: SearchResult | None = None
        self._cache: OrderedDict[int, OfferSummary] = OrderedDict()

    # -- data ---------------------------------------------------------------------------------
    @property
    def result(self) -> SearchResult | None:
        """The result shown, if any."""
        return self._result

    @property
    def count(self) -> int:
        """How many offers the list holds."""
        return self._result.count if self._result is not None else 0

    def set_result(self, result: SearchResult | None, highlight: int = 0) -> None:
        """Show ``result`` (None: empty), with the offer at ``highlight`` highlighted."""
        self._result = result
        self._cache.clear()
        self._update_virtual_size()
        self.set_reactive(ResultList.highlighted, self._clamp(highlight))
        self.scroll_to_highlight(center=True)
        self.refresh()
        if self.count:
            self.post_message(self.Highlighted(self, self.highlighted))

    def summary(self, index: int) -> OfferSummary:
        """The row data of offer ``index`` (cached: rows are re-rendered often)."""
        assert self._result is not None
        summary = self._cache.get(index)
        if summary is None:
            summary = self._result.summary_at(index)
            self._cache[index] = summary
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(index)
        return summary

    def _clamp(self, index: int) -> int:
        return max(0, min(index, self.count - 1)) if self.count else 0

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, self.count * self.row_height)

    # -- geometry -----------------------------------------------------------------------------
    def reader_cursor(self) -> Offset | None:
        """Where the terminal cursor goes for a screen reader: the highlighted title."""
        if not self.count:
            return self.content_region.offset
        y = self.highlighted * self.row_height - self.scroll_offset.y
        region = self.content_region
        if not 0 <= y < region.height:
            return region.offset
        return Offset(region.x + len(INDENT), region.y + y)

    def scroll_to_highlight(self, center: bool = False) -> None:
        """Scroll so the highlighted offer is visible."""
        if not self.count:
            return
        width = max(1, self.scrollable_content_region.width)
        self.scroll_to_region(
            Region(0, self.highlighted * self.row_height, width, self.row_height),
            animate=False,
            force=True,
            center=center,
        )

    def _on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()
        self.call_after_refresh(self.scroll_to_highlight)

    # -- rendering ----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index, part = divmod(line, self.row_height)
        base = self.rich_style
        if index >= self.count:
            if line == 0 and self._result is not None:
                return Strip([Segment(fit(_("Aucune offre."), width), base)]).extend_cell_length(
                    width, base
                )
            return Strip.blank(width, base)
        summary = self.summary(index)
        is_cursor = index == self.highlighted
        room = width - len(INDENT) - 1
        if part == 0:
            style = base + self.get_component_rich_style("result-list--title")
            closing = (
                _("jusqu'au {date}", date=long_date(summary.closing)) if summary.closing else ""
            )
            if closing and self.row_height > 1 and room - cell_len(closing) - 2 >= MIN_TITLE:
                title = fit(summary.title, room - cell_len(closing) - 2)
                text = title + " " * (room - cell_len(title) - cell_len(closing)) + closing
            else:
                text = fit(summary.title, room)
        else:
            style = base + self.get_component_rich_style("result-list--detail")
            details = [short_nature(summary.nature), summary.location, summary.employer]
            text = fit(" · ".join(d for d in details if d), room)
        if is_cursor:
            style += self.get_component_rich_style("result-list--cursor")
        style += _meta(index)
        return Strip([Segment(INDENT + text, style)]).extend_cell_length(width, style)

    # -- actions ------------------------------------------------------------------------------
    def watch_highlighted(self, old: int, new: int) -> None:
        scroll = self.scroll_offset.y
        self.scroll_to_highlight()
        if self.scroll_offset.y == scroll:
            # Repaint the two rows that changed, not the list: a screen reader reads a frame
            # as it is written, and a large one may be read in pieces.
            width = self.scrollable_content_region.width
            for index in (old, new):
                y = index * self.row_height - scroll
                self.refresh(Region(0, y, width, self.row_height))
        else:
            self.refresh()
        if self.count:
            self.post_message(self.Highlighted(self, new))
        self.reader_cursor_moved()

    def validate_highlighted(self, value: int) -> int:
        return self._clamp(value)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_cursor_up(self) -> None:
        self.highlighted -= 1

    def action_cursor_down(self) -> None:
        self.highlighted += 1

    def action_page_up(self) -> None:
        self.highlighted -= self._page()

    def action_page_down(self) -> None:
        self.highlighted += self._page()

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = self.count - 1

    def action_select(self) -> None:
        if self.count:
            self.post_message(self.Selected(self, self.highlighted))

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("result")
        if isinstance(index, int) and index < self.count:
            self.highlighted = index
            self.post_message(self.Selected(self, index))


def _meta(index: int) -> Style:
    """Style metadata that lets a click find its row."""
    return Style.from_meta({"result": index})
