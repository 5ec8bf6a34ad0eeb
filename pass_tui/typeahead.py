"""Type-ahead: keys typed while a new screen is still placing its focus are kept.

Textual hands a key to the focused widget, or to the screen itself when nothing has the
focus. A new screen puts its focus in ``on_mount``, and ``Widget.focus()`` takes effect a
moment later: a key typed between the push and then reached the screen and was lost (the
first letters of a path typed as the file picker opened, of an address typed right after
Ctrl+E). Such keys are held, in order, and handed on once the screen has a focused widget,
or after ``TYPEAHEAD_MAX_S`` for a screen that never takes the focus.
"""

from __future__ import annotations

from time import monotonic
from typing import Any

from textual import events
from textual.app import App

__all__ = ["TypeAheadApp"]


class TypeAheadApp(App[None]):
    """Base of the application: keys typed ahead of a new screen's focus wait for it."""

    TYPEAHEAD_MAX_S = 0.5
    TYPEAHEAD_POLL_S = 0.01

    _held_keys: list[events.Key] | None = None
    _replayed: set[int] | None = None
    _screen_arrived_at = 0.0

    # -- a new screen -------------------------------------------------------------------------
    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._screen_arrived_at = monotonic()
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._screen_arrived_at = monotonic()
        return super().switch_screen(*args, **kwargs)

    # -- keys ---------------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._hold(event):
            return
        await super().on_event(event)

    def _hold(self, key: events.Key) -> bool:
        """True when ``key`` waits: behind keys already waiting (their order kept), or
        because the new screen has no focused widget yet."""
        replayed = self._replayed
        if replayed is not None and id(key) in replayed:
            replayed.discard(id(key))
            return False
        if self._held_keys:
            self._held_keys.append(key)
            return True
        if not self._screen_stack or self.screen.focused is not None:
            return False
        if monotonic() - self._screen_arrived_at >= self.TYPEAHEAD_MAX_S:
            return False
        self._held_keys = [key]
        self.set_timer(self.TYPEAHEAD_POLL_S, self._release_keys)
        return True

    def _release_keys(self) -> None:
        """Hand the held keys on, in order, once the screen has its focus (or has waited
        long enough)."""
        waited = monotonic() - self._screen_arrived_at
        if self.screen.focused is None and waited < self.TYPEAHEAD_MAX_S:
            self.set_timer(self.TYPEAHEAD_POLL_S, self._release_keys)
            return
        # After the next refresh: what the screen set up for then (a path field's cursor
        # put at the end of its text) comes before the keys typed into it.
        self.call_after_refresh(self._replay_keys)

    def _replay_keys(self) -> None:
        keys, self._held_keys = self._held_keys or [], None
        if self._replayed is None:
            self._replayed = set()
        for held in keys:
            key = events.Key(held.key, held.character)  # a fresh event: the held one was seen
            self._replayed.add(id(key))
            self.post_message(key)
