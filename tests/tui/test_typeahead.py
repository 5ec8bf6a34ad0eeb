"""Type-ahead: keys typed while a new screen is still placing its focus reach the widget
that gets it, in order; a screen that never takes the focus gets them too."""

from __future__ import annotations

from pathlib import Path

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
