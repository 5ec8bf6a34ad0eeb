"""The steps the Pilot tests share: wait for the app, read the screen, search, open."""

from __future__ import annotations

import re
from collections.abc import Callable

from textual import events
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from pass_tui.app import PassApp

SIZE = (80, 24)
"""The terminal every Pilot test runs in, unless it says otherwise."""

DECORATION = re.compile("[\u2500-\u257f\u2580-\u259f\u2800-\u28ff]")
"""Box drawing, block elements, braille: what a screen reader would read aloud as noise."""


async def settle(pilot: Pilot) -> None:
    """Let workers finish, the screen catch up and the terminal cursor land (bounded)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(50):  # the cursor is held while a screen settles (PassApp.HOLD_MAX_S)
        if not getattr(pilot.app, "cursor_held", False):
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def until(pilot: Pilot, predicate: Callable[[], bool], what: str) -> None:
    """Let the app run until ``predicate()`` holds (a timer to fire, a message to be
    drawn); fail naming ``what`` if it never does (bounded)."""
    for _ in range(100):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}\n{screen_text(pilot.app)}")  # type: ignore[arg-type]


async def press(pilot: Pilot, *keys: str) -> None:
    """Press `keys`, then settle."""
    await pilot.press(*keys)
    await settle(pilot)


async def retype(pilot: Pilot, text: str, *then: str) -> None:
    """In the focused text field: Ctrl+U (empty it), type ``text``, press ``then``, settle.

    The first character is a key press and the rest a paste: both are what a candidate
    does, and a paste is one event where Pilot spends ~60 ms idle-waiting per key typed
    (a path in ``tmp_path`` is 60 characters long).
    """
    await pilot.press("ctrl+u", text[0])
    if text[1:]:
        focused = pilot.app.focused
        assert focused is not None, "no field has the focus"
        focused.post_message(events.Paste(text[1:]))
        await pilot.pause()
    await press(pilot, *then)


def text_of(app: PassApp, selector: str) -> str:
    """The content of the Static `selector` on the current screen."""
    return str(app.screen.query_one(selector, Static).content)


def screen_text(app: PassApp) -> str:
    """The characters on screen, as a terminal would show them."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_no_decoration(app: PassApp) -> None:
    """Nothing on screen a screen reader would read as noise (see DECORATION)."""
    text = screen_text(app)
    assert not DECORATION.search(text), text


def prompts(options: OptionList) -> list[str]:
    """Every option of a list as shown (a CriteriaList: value and count)."""
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def search_for(pilot: Pilot, words: str) -> None:
    """From the search screen: type `words` in the keywords, Enter, wait for the results."""
    await settle(pilot)
    await pilot.press(*words)
    await press(pilot, "enter")


async def open_all_offers(pilot: Pilot) -> None:
    """From the search screen: all offers (Ctrl+T), wait for the results."""
    await settle(pilot)
    await press(pilot, "ctrl+t")


async def open_offer(pilot: Pilot, index: int = 0) -> None:
    """From the results, the first row highlighted: open the offer on row `index`."""
    await press(pilot, *["down"] * index, "enter")
