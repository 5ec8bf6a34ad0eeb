"""Accessibility and safety: the cursor follows the focus, state in words, untrusted text
shown literally, screen-reader mode draws no box or block characters, translations."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from textual.geometry import Offset

from pass_tui.app import PassApp
from pass_tui.i18n import ENGLISH
from pass_tui.screens import OfferScreen, ResultsScreen, SearchScreen
from pass_tui.widgets import CriteriaList, ResultList
from pass_tui.widgets.text import fit

from .conftest import TRAP_TITLE
from .test_flows import SIZE, search_for, settle

PACKAGE = Path(__file__).resolve().parents[2] / "pass_tui"
# Box drawing, block elements, braille: what a screen reader would read aloud as noise.
DECORATION = re.compile("[\u2500-\u257f\u2580-\u259f\u2800-\u28ff]")


def screen_text(app: PassApp) -> str:
    """The characters on screen, as a terminal would show them."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_cursor_follows_focus_to_buttons(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keywords = app.screen.query_one("#keywords")
        assert app.cursor_position.y == keywords.content_region.y
        await pilot.press("tab")
        await settle(pilot)
        run = app.screen.query_one("#run")
        assert app.focused is run
        assert app.cursor_position == run.content_region.offset
        await pilot.press("tab")
        await settle(pilot)
        assert app.cursor_position == app.screen.query_one("#all").content_region.offset


async def test_cursor_on_criterion_heading_then_on_values(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        await settle(pilot)
        natures = app.screen.query_one("#natures", CriteriaList)
        assert app.focused is natures
        heading = app.screen.query_one("#natures-label")
        assert app.cursor_position == heading.content_region.offset
        assert natures.highlighted == 0
        await pilot.press("down")
        await settle(pilot)
        assert natures.highlighted == 1
        region = natures.content_region
        assert app.cursor_position == Offset(region.x, region.y + 1)


async def test_cursor_follows_highlighted_result_row(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        region = results.content_region
        assert app.cursor_position == Offset(region.x + 2, region.y)
        await pilot.press("down")
        await settle(pilot)
        assert app.cursor_position == Offset(region.x + 2, region.y + 2)
        await pilot.press("j", "j")
        await settle(pilot)
        assert results.highlighted == 3
        assert app.cursor_position == Offset(region.x + 2, region.y + 6)
        await pilot.press("k")
        await settle(pilot)
        assert app.cursor_position == Offset(region.x + 2, region.y + 4)
        # The line under the cursor is the highlighted title, marked "> " (not colour only).
        line = screen_text(app).splitlines()[app.cursor_position.y]
        assert line.strip().startswith("> " + results.summary(2).title[:20])


async def test_cursor_on_first_button_of_dialog(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100101")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        address = app.screen.query_one("#address")
        assert app.cursor_position.y == address.content_region.y


async def test_selected_state_in_characters(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        natures = app.screen.query_one("#natures", CriteriaList)
        natures.select("Stage")
        await settle(pilot)
        text = screen_text(app)
        assert "[x] Stage (5)" in text
        assert "[ ] Apprentissage (6)" in text


async def test_markup_in_offer_title_is_shown_literally(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "piège")
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "[@click=app.quit]Piège[/]" in text
        assert "[b]Employeur[/b]" in text
        # Clicking the title does not quit.
        results = app.screen.query_one(ResultList)
        await pilot.click(ResultList, offset=(5, 0))
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, OfferScreen)
        text = screen_text(app)
        assert TRAP_TITLE in text
        assert "[@click=app.quit]Ne rien faire[/]" in text
        assert "\x1b" not in text
        await pilot.click("#offer", offset=(2, 0))
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        del results


@pytest.mark.parametrize("screen_reader", [False, True])
async def test_no_mode_draws_decoration(make_app, screen_reader: bool) -> None:
    app = make_app(screen_reader=screen_reader)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not DECORATION.search(screen_text(app)), screen_text(app)
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab", "down", "pagedown")
        await settle(pilot)  # the form scrolled: its scrollbar moved
        assert not DECORATION.search(screen_text(app)), screen_text(app)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert not DECORATION.search(screen_text(app)), screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not DECORATION.search(screen_text(app)), screen_text(app)
        await pilot.press("e")
        await settle(pilot)
        assert not DECORATION.search(screen_text(app)), screen_text(app)
        await pilot.press("escape", "ctrl+g")
        await settle(pilot)
        assert not DECORATION.search(screen_text(app)), screen_text(app)


async def test_decoration_check_can_fail(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#keywords").styles.border = ("tall", "red")
        await settle(pilot)
        assert DECORATION.search(screen_text(app))


async def test_nothing_cut_mid_word_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        lines = screen_text(app).splitlines()
        words = set()
        for i in range(results.count):
            summary = results.summary(i)
            words.update(f"{summary.title} {summary.employer} {summary.location}".split())
        for line in lines[results.content_region.y : results.content_region.bottom]:
            for token in DECORATION.sub(" ", line).replace("·", " ").split():
                token = token.rstrip("…")
                if token and token not in (">", "Réf.", "publiée", "le") and "/" not in token:
                    assert token in words or re.fullmatch(r"[\d-]+", token), (token, line)


async def test_themes_and_kiosk(make_app) -> None:
    app = make_app(theme="ansi-light", kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "ansi-light"
        assert app.has_class("-kiosk")
        assert isinstance(app.screen, SearchScreen)


def test_fit_cuts_at_word_boundaries() -> None:
    assert (
        fit("Apprenti(e) cuisinier en restauration collective", 30) == "Apprenti(e) cuisinier en…"
    )
    assert fit("court", 30) == "court"
    assert fit("Anticonstitutionnellement", 10) == "Anticonst…"
    assert fit("a\x1b[31mb", 10) == "a [31mb"


def _french_messages() -> set[str]:
    found: set[str] = set()
    files = list(PACKAGE.rglob("*.py"))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            literals = []
            if name == "_" and node.args:
                literals.append(node.args[0])
            if name == "Binding":
                literals += node.args[2:3]
                literals += [k.value for k in node.keywords if k.arg in ("description", "tooltip")]
            for literal in literals:
                if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                    found.add(literal.value)
    return found


def test_every_message_has_an_english_translation() -> None:
    messages = _french_messages()
    assert len(messages) > 50
    missing = sorted(m for m in messages if m not in ENGLISH)
    assert not missing
