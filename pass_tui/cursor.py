"""Where the terminal cursor goes: the line a screen reader reads (ACCESSIBILITY.md).

Terminal screen readers read the line the cursor lands on, and every line whose text
changes. Textual hides the cursor and moves it only for text fields; :class:`ReaderCursorApp`
keeps it on the focused widget after every key, click, focus change and screen change (each
widget says where with :meth:`~pass_tui.widgets.reader.ReaderWidget.reader_cursor`), and
times its moves so that a reader ends on the focused line.
"""

from __future__ import annotations

from time import monotonic

from rich.console import RenderableType
from textual import events
from textual.app import App
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Offset, Region
from textual.screen import Screen
from textual.timer import Timer

from pass_tui.terminal import ReaderFriendlyDriver
from pass_tui.widgets.reader import ReaderCursorMoved, cursor_offset

__all__ = ["ReaderCursorApp"]


class ReaderCursorApp(App[None]):
    """Base of the application: the terminal cursor follows the focus.

    A screen reader reads the cursor's line only when no text changed in the same frame
    and the cursor changed row. When a new screen appears or a container scrolls, the
    frames are full of changed text: the cursor is held where it was while they are
    drawn, and placed on the focused widget in a frame of its own once drawing has
    paused for HOLD_S (HOLD_MAX_S at most), so the reader reads that line last. If the
    focused widget sits on the very row the cursor was held on (the keywords field and
    a dialog's first button, say), the cursor first visits the top row, so that the
    move to the focused widget is a change of row.
    """

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, without synchronised output (frames written whole)."""
        driver = super().get_driver_class()
        if issubclass(driver, LinuxDriver) and not issubclass(driver, ReaderFriendlyDriver):
            return ReaderFriendlyDriver
        return driver

    async def on_event(self, event: events.Event) -> None:
        await super().on_event(event)
        if isinstance(
            event, (events.Key, events.MouseUp, events.ScreenResume, events.DescendantFocus)
        ):
            self.call_after_refresh(self.place_cursor)

    def on_reader_cursor_moved(self, event: ReaderCursorMoved) -> None:
        self.call_after_refresh(self.place_cursor)

    HOLD_S = 0.05
    HOLD_MAX_S = 0.5
    _cursor_target = Offset(0, 0)
    _cursor_held: Offset | None = None
    _hold_timer: Timer | None = None
    _hold_started = 0.0

    @property
    def cursor_position(self) -> Offset:  # type: ignore[override]
        return self._cursor_target if self._cursor_held is None else self._cursor_held

    @cursor_position.setter
    def cursor_position(self, offset: Offset) -> None:
        self._cursor_target = offset

    @property
    def cursor_held(self) -> bool:
        """Whether the terminal cursor is held while a screen or a scroll settles."""
        return self._cursor_held is not None

    def hold_cursor(self) -> None:
        """Keep the terminal cursor where it was while the next frames are drawn; place it
        on the focused widget once they pause."""
        if self._cursor_held is None:
            self._cursor_held = getattr(self, "_previous_cursor_position", self._cursor_target)
            self._hold_started = monotonic()
            self._hold_timer = self.set_timer(self.HOLD_S, self._release_cursor)

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        # Every frame drawn while the cursor is held postpones its release (Textual calls
        # this once per frame written to the terminal).
        super()._display(screen, renderable)
        timer = self._hold_timer
        if timer is not None and monotonic() - self._hold_started < self.HOLD_MAX_S:
            timer.reset()

    def _release_cursor(self) -> None:
        held = self._cursor_held
        self._cursor_held = None
        self._hold_timer = None
        target = self._focused_cursor() or self._cursor_target
        if held is not None and held.y == target.y and held.y != 0:
            self._cursor_held = Offset(0, 0)
            self._show_cursor()
            self._hold_started = monotonic()
            self._hold_timer = self.set_timer(self.HOLD_S, self._release_cursor)
            return
        self.place_cursor(force=True)

    def _focused_cursor(self) -> Offset | None:
        try:
            focused = self.screen.focused
        except Exception:  # no screen yet, or shutting down
            return None
        return cursor_offset(focused) if focused is not None else None

    def _show_cursor(self) -> None:
        """Write the cursor's position with the smallest frame (a screen reader may read
        a large frame in pieces)."""
        self.screen.refresh(Region(0, 0, 1, 1))

    def place_cursor(self, force: bool = False) -> None:
        """Put the terminal cursor on the focused widget: its text cursor, the highlighted
        row of a list, or the first cell of its content. Screen readers read that line."""
        if self._cursor_held is not None:
            return
        offset = self._focused_cursor()
        if offset is None or (offset == self.cursor_position and not force):
            return
        self.cursor_position = offset
        self._show_cursor()
