"""Type-ahead: keys typed quickly are handled one after the other, where they were meant.

Textual hands a key to the focused widget's own queue and goes on with the next key at
once; a screen's binding runs only when the key comes back up to the app. So with keys
typed in a burst ("a" for "Ajouter un document", then a path), the path's first letters
reached the old screen's list before "a" had opened the file picker: they were lost, or
taken as commands of the old screen. And a new screen puts its focus in ``on_mount``,
which ``Widget.focus()`` applies a moment later: a key arriving before then reached the
screen itself and was lost.

Here a key (or a paste) waits until the one before it has been handled (stopped by a
widget, or back at the app with its bindings run; ``KEY_S`` at most) and, after a new
screen, until that screen has a focused widget (``SETTLE_S`` at most, for a screen that
never takes the focus). Keys typed at a human pace never wait.
"""

from __future__ import annotations

from collections import deque
from time import monotonic
from typing import Any

from textual import events
from textual.app import App

__all__ = ["TypeAheadApp"]

_Typed = events.Key | events.Paste


class TypeAheadApp(App[None]):
    """Base of the application: keys typed ahead wait for the one before, and for a new
    screen's focus."""

    TYPEAHEAD_KEY_S = 0.1
    TYPEAHEAD_SETTLE_S = 0.5
    TYPEAHEAD_POLL_S = 0.005

    _waiting: deque[events.Key | events.Paste] | None = None
    _released: set[int] | None = None
    _in_flight: events.Key | events.Paste | None = None
    _in_flight_since = 0.0
    _screen_arrived_at = 0.0
    _polling = False

    # -- a new screen -------------------------------------------------------------------------
    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._screen_arrived_at = monotonic()
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._screen_arrived_at = monotonic()
        return super().switch_screen(*args, **kwargs)

    # -- keys ---------------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, _Typed):
            await super().on_event(event)
            return
        if event.is_forwarded:  # back from the widgets: the app's bindings run now
            await super().on_event(event)
            if event is self._in_flight:
                self._in_flight = None
            return
        if not self._may_go(event):
            return
        self._in_flight, self._in_flight_since = event, monotonic()
        await super().on_event(event)
        if not event.is_forwarded:  # the app's own (priority) binding: done
            self._in_flight = None

    def _may_go(self, event: events.Key | events.Paste) -> bool:
        """True when ``event`` is handled now; False when it waits its turn."""
        released = self._released
        if released is not None and id(event) in released:
            released.discard(id(event))
            return True
        if not self._waiting and self._typeahead_ready():
            return True
        if self._waiting is None:
            self._waiting = deque()
        self._waiting.append(event)
        self._typeahead_poll()
        return False

    def _typeahead_ready(self) -> bool:
        """The key before handled, and the screen with its focus (or waited for enough)."""
        now = monotonic()
        key = self._in_flight
        if key is not None:
            if not key._stop_propagation and now - self._in_flight_since < self.TYPEAHEAD_KEY_S:
                return False
            self._in_flight = None
        if not self._screen_stack or self.screen.focused is not None:
            return True
        return now - self._screen_arrived_at >= self.TYPEAHEAD_SETTLE_S

    def _typeahead_poll(self) -> None:
        if not self._polling:
            self._polling = True
            self.set_timer(self.TYPEAHEAD_POLL_S, self._typeahead_next)

    def _typeahead_next(self) -> None:
        self._polling = False
        if not self._waiting:
            return
        if not self._typeahead_ready():
            self._typeahead_poll()
            return
        # After the next refresh: what the screen set up for then (a path field's cursor
        # put at the end of its text) comes before the key typed into it.
        held = self._waiting.popleft()
        again: events.Key | events.Paste = (
            events.Key(held.key, held.character)
            if isinstance(held, events.Key)
            else events.Paste(held.text)
        )  # a fresh event: the held one was already seen
        if self._released is None:
            self._released = set()
        self._released.add(id(again))
        self._in_flight, self._in_flight_since = again, monotonic()
        self.call_after_refresh(self.post_message, again)
        self._typeahead_poll()
