"""Type-ahead: keys typed while a new screen is still placing its focus reach the widget
that gets it, in order; a screen that never takes the focus gets them too."""

from __future__ import annotations

from pathlib import Path
from time import monotonic

from textual import events
from textual.screen import Screen
from textual.widgets import Input, Static

from pass_tui.data.candidates.browse import FileBrowser
from pass_tui.dialogs.file_picker import FilePickerDialog
from pass_tui.screens.space.login import LoginScreen

from .helpers import SIZE, settle, until


def type_now(app, text: str, *, first: str | None = None) -> None:
    """Keys as a terminal sends them in a burst: queued at once, no wait between them;
    ``first`` is a key name sent before the text ("ctrl+e")."""
    if first is not None:
        app.post_message(events.Key(first, None))
    for character in text:
        app.post_message(events.Key(character, character))


async def test_an_address_typed_right_after_ctrl_e_lands_in_the_login_form(make_app) -> None:
    """Ctrl+E opens the login form; the address typed in the same burst is not lost on
    the search form (nor typed into its keywords field)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        type_now(app, "ana@example.org", first="ctrl+e")
        await until(pilot, lambda: isinstance(app.screen, LoginScreen), "the login form")

        def email() -> str:
            return next((f.value for f in app.screen.query("#email").results(Input)), "")

        await until(pilot, lambda: email() == "ana@example.org", "the whole address")
        app.pop_screen()
        await settle(pilot)
        assert app.screen.query_one("#keywords", Input).value == ""


async def test_keys_in_one_burst_each_go_where_the_key_before_left_the_focus(
    make_app,
) -> None:
    """Tab ×4 from the keywords field reaches "Mon espace candidat"; Enter in the same
    burst presses that button (not the keywords field, where it would search), and the
    address typed next lands in the login form."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "keywords"
        for key in ("tab", "tab", "tab", "tab", "enter"):
            app.post_message(events.Key(key, None))
        type_now(app, "ana@example.org")
        await until(pilot, lambda: isinstance(app.screen, LoginScreen), "the login form")

        def email() -> str:
            return next((f.value for f in app.screen.query("#email").results(Input)), "")

        await until(pilot, lambda: email() == "ana@example.org", "the whole address")


async def test_a_path_typed_as_the_picker_opens_is_kept_whole(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(FilePickerDialog(FileBrowser([tmp_path]), question="Choisir"))
        type_now(app, "cv.pdf")  # before the dialog has even been mounted

        def path() -> str:
            fields = app.screen.query("#path").results(Input)  # none until composed
            return next((field.value for field in fields), "")

        await until(pilot, lambda: path().endswith("cv.pdf"), "the path typed ahead")
        assert path() == f"{tmp_path}/cv.pdf"


class Blank(Screen[None]):
    """A screen with nothing to focus: a key's own handler is all it has."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    def compose(self):
        yield Static("rien")

    def on_key(self, event: events.Key) -> None:
        self.keys.append(event.key)


async def test_a_screen_without_focus_still_gets_its_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        blank = Blank()
        app.push_screen(blank)
        type_now(app, "ab")
        await until(pilot, lambda: blank.keys == ["a", "b"], "the keys, in order")
        type_now(app, "c")
        await until(pilot, lambda: blank.keys == ["a", "b", "c"], "a later key")


async def test_a_released_key_is_not_overtaken_by_a_key_queued_behind_it(make_app) -> None:
    """The order, step by step: a key held behind a command, then released (posted to
    the app again), must not be overtaken by a key the terminal sent meanwhile, which
    sits ahead of it in the app's queue. (In the real process this put a password's
    letters out of order in the tmux sign-up test.)"""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        command = events.Key("enter", None)
        app._in_flight, app._in_flight_since = command, monotonic()  # not handled yet
        first, second = events.Key("a", "a"), events.Key("b", "b")
        assert not app._may_go(first)  # waits for the command
        app._in_flight = None  # the command is handled
        app._typeahead_next()  # "a" is released: posted to the app, on its way
        assert not app._may_go(second)  # "b", queued before it, waits behind it
        await until(pilot, lambda: app.screen.query_one("#keywords", Input).value == "ab", "a, b")
