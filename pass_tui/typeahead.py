"""Type-ahead: keys typed quickly are handled one after the other, where they were meant.

Textual hands a key to the focused widget's own queue and goes on with the next key at
once; a screen's binding runs only when the key comes back up to the app. So with keys
typed in a burst ("a" for "Ajouter un document", then a path), the path's first letters
reached the old screen's list before "a" had opened the file picker: they were lost, or
taken as commands of the old screen. And a new screen puts its focus in ``on_mount``,
which ``Widget.focus()`` applies a moment later: a key arriving before then reached the
screen itself and was lost.

Here a key (or a paste) waits until the command key before it has been handled (back at
the app with its bindings run, and what they set off handled; ``TYPEAHEAD_KEY_S`` at
most) and, after a new screen, until that screen has a focused widget
(``TYPEAHEAD_SETTLE_S`` at most, for a screen that never takes the focus). A character typed into a text field is
not a command: the next key follows it at once. Keys typed at a human pace never wait.
"""

from __future__ import annotations

from collections import deque
from time import monotonic
from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input

__all__ = ["TypeAheadApp"]

_Typed = events.Key | events.Paste


class TypeAheadApp(App[None]):
    """Base of the application: keys typed ahead wait for the command before them, and
    for a new screen's focus."""

    TYPEAHEAD_KEY_S = 0.1
    TYPEAHEAD_SETTLE_S = 0.5
    TYPEAHEAD_POLL_S = 0.005

    _waiting: deque[events.Key | events.Paste] | None = None
    _released: set[int] | None = None
    _release_pending = False
    _released_at = 0.0
    _in_flight: events.Key | events.Paste | None = None
    _in_flight_since = 0.0
    _held_on: Screen[Any] | None = None
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
        typing = isinstance(self.focused, Input) and (
            isinstance(event, events.Paste) or event.is_printable
        )
        # Text typed into a field moves neither the focus nor the screen: no need to wait.
        if not typing:
            self._in_flight, self._in_flight_since = event, monotonic()
        await super().on_event(event)
        if not event.is_forwarded:  # the app's own (priority) binding: done
            self._in_flight = None

    def _may_go(self, event: events.Key | events.Paste) -> bool:
        """True when ``event`` is handled now; False when it waits its turn."""
        released = self._released is not None and id(event) in self._released
        if released:
            assert self._released is not None
            self._released.discard(id(event))
            self._release_pending = False
        elif self._waiting or self._releasing():
            # Behind the keys already waiting, and behind a released one still on its way
            # (posted after this key was queued: it must not be overtaken).
            if self._waiting is None:
                self._waiting = deque()
            self._waiting.append(event)
            self._typeahead_poll()
            return False
        if self._typeahead_ready():
            return True
        if self._waiting is None:
            self._waiting = deque()
        if released:
            self._waiting.appendleft(event)  # still first in line
        else:
            self._waiting.append(event)
            self._held_on = self.screen if self._screen_stack else None
        self._typeahead_poll()
        return False

    def _typeahead_ready(self) -> bool:
        """The command key before handled, what it set off handled too (a button's
        Pressed message, which may open a screen), and the screen with its focus; each
        waited for a bounded time."""
        if not self._screen_stack:
            return True
        now = monotonic()
        if now - self._in_flight_since < self.TYPEAHEAD_KEY_S:
            # Not "stopped" as the sign it is done: a screen stops a key as it hands it
            # up to the app, where it still waits for its bindings to run.
            if self._in_flight is not None:
                return False
            focused = self.focused
            if self.screen.message_queue_size or (focused and focused.message_queue_size):
                return False
        if self.screen.focused is not None:
            return True
        return now - self._screen_arrived_at >= self.TYPEAHEAD_SETTLE_S

    def _releasing(self) -> bool:
        """A released key is on its way back to the app (1 s at most: a key lost on the
        way must not hold the keyboard)."""
        return self._release_pending and monotonic() - self._released_at < 1.0

    def _typeahead_poll(self) -> None:
        if not self._polling:
            self._polling = True
            self.set_timer(self.TYPEAHEAD_POLL_S, self._typeahead_next)

    def _typeahead_next(self) -> None:
        """Hand the first waiting key on once its turn has come (it is checked again when
        it arrives: a key queued at the app before it may open a screen)."""
        self._polling = False
        if not self._waiting:
            return
        if self._releasing() or not self._typeahead_ready():
            self._typeahead_poll()
            return
        held = self._waiting.popleft()
        again: events.Key | events.Paste = (
            events.Key(held.key, held.character)
            if isinstance(held, events.Key)
            else events.Paste(held.text)
        )  # a fresh event: the held one was already seen
        if self._released is None:
            self._released = set()
        self._released.add(id(again))
        self._release_pending, self._released_at = True, monotonic()
        if self._screen_stack and self.screen is not self._held_on:
            # A new screen: what it set up for after its first refresh (a path field's
            # cursor put at the end of its text) comes before the key typed into it.
            self._held_on = self.screen
            self.call_after_refresh(self.post_message, again)
        else:
            self.post_message(again)
        self._typeahead_poll()
