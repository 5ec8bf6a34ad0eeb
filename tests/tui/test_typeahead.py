"""Type-ahead: keys typed while a new screen is still placing its focus reach the widget
that gets it, in order; a screen that never takes the focus gets them too."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.screen import Screen
from textual.widgets import Input, Static

from pass_tui.data.candidates.browse import FileBrowser
from pass_tui.dialogs.file_picker import FilePickerDialog

from .helpers import SIZE, settle, until


def type_now(app, text: str) -> None:
    """Keys as a terminal sends them: queued at once, with no wait between them."""
    for character in text:
        app.post_message(events.Key(character, character))


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
