"""The checkbox widget: its state in words on one line, Space/Enter/click tick it."""

from __future__ import annotations

from textual.app import App, ComposeResult

from pass_tui.i18n import set_language
from pass_tui.widgets.checkbox import Checkbox


class CheckboxApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[bool] = []

    def compose(self) -> ComposeResult:
        yield Checkbox("Rester connecté (30 jours)", id="box")

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.changes.append(event.value)


def line(app: App[None]) -> str:
    return app.screen._compositor.render_strips()[0].text.strip()


async def test_state_in_words_and_keys_toggle() -> None:
    app = CheckboxApp()
    async with app.run_test(size=(60, 5)) as pilot:
        box = app.query_one(Checkbox)
        box.focus()
        await pilot.pause()
        assert line(app) == "Rester connecté (30 jours) : non coché"
        await pilot.press("space")
        await pilot.pause()
        assert box.value is True
        assert line(app) == "Rester connecté (30 jours) : coché"
        await pilot.press("enter")
        await pilot.pause()
        assert box.value is False
        await pilot.click(Checkbox)
        await pilot.pause()
        assert box.value is True
        assert app.changes == [True, False, True]


async def test_state_in_english() -> None:
    set_language("en")
    try:
        app = CheckboxApp()
        async with app.run_test(size=(60, 5)) as pilot:
            await pilot.pause()
            assert line(app).endswith(": not ticked")
    finally:
        set_language("fr")


async def test_a_long_label_gives_way_to_the_state_on_a_narrow_terminal() -> None:
    app = CheckboxApp()
    async with app.run_test(size=(40, 5)) as pilot:
        box = app.query_one(Checkbox)
        box.label = "J'accepte les conditions générales d'utilisation *"
        box.refresh()
        await pilot.pause()
        assert line(app) == "J'accepte les conditions… : non coché"
        box.value = True
        await pilot.pause()
        assert line(app).endswith("… : coché")
