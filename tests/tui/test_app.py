"""App-wide behaviour: the command palette, "/" from any screen, themes and kiosk,
untrusted text shown literally, no decoration on any screen, translations."""

from __future__ import annotations

import ast

import pytest
from textual.command import SearchIcon

from pass_tui.dialogs import PassCommandPalette
from pass_tui.i18n import ENGLISH, _, number, set_language
from pass_tui.screens import OfferScreen, ResultsScreen, SearchScreen
from pass_tui.widgets import ResultList
from tests.factories import REPO, TRAP_TITLE

from .helpers import (
    DECORATION,
    SIZE,
    assert_no_decoration,
    open_all_offers,
    open_offer,
    press,
    screen_text,
    search_for,
    settle,
    text_of,
)

PACKAGE = REPO / "pass_tui"

# -- navigation ------------------------------------------------------------------------------


async def test_command_palette_has_app_commands(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Nouvelle recherche", "Aide", "Thème", "Quitter"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, PassCommandPalette)
        assert app.screen.query_one(SearchIcon).icon == ">"  # not an emoji


async def test_slash_jumps_to_keywords_from_any_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        await open_offer(pilot)
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        assert app.focused is not None and app.focused.id == "keywords"


async def test_themes_and_kiosk(make_app) -> None:
    app = make_app(theme="ansi-light", kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "ansi-light"
        assert app.has_class("-kiosk")
        assert isinstance(app.screen, SearchScreen)


# -- untrusted text and decoration -----------------------------------------------------------


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
        await press(pilot, "enter")
        assert app.is_running
        del results


@pytest.mark.parametrize("screen_reader", [False, True])
async def test_no_mode_draws_decoration(make_app, screen_reader: bool) -> None:
    app = make_app(screen_reader=screen_reader)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert_no_decoration(app)
        await press(pilot, "tab", "tab", "tab", "tab", "tab", "tab", "down", "pagedown")
        assert_no_decoration(app)  # the form scrolled: its scrollbar moved
        await press(pilot, "ctrl+t")
        assert_no_decoration(app)
        await press(pilot, "enter")
        assert_no_decoration(app)
        await press(pilot, "e")
        assert_no_decoration(app)
        await press(pilot, "escape", "ctrl+g")
        assert_no_decoration(app)


async def test_decoration_check_can_fail(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#keywords").styles.border = ("tall", "red")
        await settle(pilot)
        assert DECORATION.search(screen_text(app))
        with pytest.raises(AssertionError):
            assert_no_decoration(app)


# -- languages -------------------------------------------------------------------------------


async def test_english_interface(make_app) -> None:
    app = make_app(language="en")
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "apprenti")
        assert text_of(app, "#count") == "Number of results: 6 offers"


def test_counts_are_written_the_french_way() -> None:
    assert number(100000) == "100\u00a0000"
    assert _("Offre {n} / {count}", n=2, count=1234) == "Offre 2 / 1\u00a0234"
    set_language("en")
    try:
        assert _("Offre {n} / {count}", n=2, count=1234) == "Offer 2 / 1,234"
    finally:
        set_language("fr")


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
