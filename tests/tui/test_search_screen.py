"""The search screen: focus on start, facet counts, criteria and refine, the cursor on the
form, the selected state in characters."""

from __future__ import annotations

import re

from textual.geometry import Offset

from pass_tui.screens import ResultsScreen, SearchScreen
from pass_tui.widgets import CriteriaList, ResultList

from .helpers import SIZE, press, prompts, screen_text, settle, text_of


async def test_start_focus_in_keywords_and_escape_stays(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.focused is not None and app.focused.id == "keywords"
        await press(pilot, "escape", "escape")
        assert isinstance(app.screen, SearchScreen)
        assert app.is_running


async def test_facet_counts_shown_on_every_value(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        levels = app.screen.query_one("#levels", CriteriaList)
        assert "Niveau 3 : CAP, BEP ou équivalent (2) : non coché" in prompts(levels)
        natures = app.screen.query_one("#natures", CriteriaList)
        assert "Apprentissage (6) : non coché" in prompts(natures)


async def test_search_with_criteria_and_refine(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        # Tick "Niveau 3" with the keyboard: focus the levels list, move, toggle.
        levels = search.query_one("#levels", CriteriaList)
        levels.focus()
        await pilot.pause()
        assert levels.highlighted == 0  # the first value is highlighted as focus arrives
        await press(pilot, "space")  # first value: Niveau 3
        assert levels.selected == ["3"]
        await press(pilot, "ctrl+r")
        assert isinstance(app.screen, ResultsScreen)
        assert text_of(app, "#count") == "Nombre de résultats : 2 offres"
        assert "Niveau d'études : Niveau 3 : CAP, BEP ou équivalent" in text_of(app, "#criteria")

        # Refine: the form again, pre-filled; add a region and search again.
        await press(pilot, "r")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#levels", CriteriaList).selected == ["3"]
        regions = app.screen.query_one("#regions", CriteriaList)
        regions.select("52")  # Pays de la Loire
        await settle(pilot)
        departments = app.screen.query_one("#departments", CriteriaList)
        assert departments.display
        assert "44" in departments.values and "75" not in departments.values
        await pilot.click("#run")
        await settle(pilot)
        assert text_of(app, "#count") == "Nombre de résultats : 1 offre"
        results = app.screen.query_one(ResultList)
        assert results.summary(0).title == "Apprenti(e) cuisinier en restauration collective"


async def test_cursor_follows_focus_to_buttons(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keywords = app.screen.query_one("#keywords")
        assert app.cursor_position.y == keywords.content_region.y
        await press(pilot, "tab")
        run = app.screen.query_one("#run")
        assert app.focused is run
        assert app.cursor_position == run.content_region.offset
        await press(pilot, "tab")
        assert app.cursor_position == app.screen.query_one("#all").content_region.offset


async def test_cursor_on_criterion_heading_then_on_values(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, *["tab"] * 6)  # the five buttons, then the first list
        natures = app.screen.query_one("#natures", CriteriaList)
        assert app.focused is natures
        heading = app.screen.query_one("#natures-label")
        assert app.cursor_position == heading.content_region.offset
        assert natures.highlighted == 0
        region = natures.content_region
        await press(pilot, "down")  # from the heading onto the highlighted (first) value
        assert natures.highlighted == 0
        assert app.cursor_position == Offset(region.x, region.y)
        await press(pilot, "down")
        assert natures.highlighted == 1
        assert app.cursor_position == Offset(region.x, region.y + 1)


async def test_selected_state_in_characters(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        natures = app.screen.query_one("#natures", CriteriaList)
        natures.select("Stage")
        await settle(pilot)
        text = screen_text(app)
        assert "Stage (5) : coché" in text
        assert "Apprentissage (6) : non coché" in text


async def test_count_follows_the_keywords_without_enter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app, "#criteria-status") == "11 offres correspondent aux critères choisis."
        await pilot.press(*"apprenti")
        # settle() waits for the count, which starts once typing pauses (COUNT_DELAY_S).
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)  # no Enter: still the form
        assert text_of(app, "#criteria-status") == "6 offres correspondent aux critères choisis."
        natures = app.screen.query_one("#natures", CriteriaList)
        assert "Apprentissage (6) : non coché" in prompts(natures)
        assert "Stage (0) : non coché" in prompts(natures)
        await pilot.press(*" juriste")
        await settle(pilot)
        assert text_of(app, "#criteria-status") == "0 offre correspond aux critères choisis."
        await pilot.press(*["backspace"] * len(" juriste"))
        await settle(pilot)
        assert text_of(app, "#criteria-status") == "6 offres correspondent aux critères choisis."


def _number(text: str) -> int:
    match = re.search(r"\d+", text)
    assert match, text
    return int(match.group())


async def test_refine_shows_the_count_of_the_results(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"apprenti")
        app.screen.query_one("#regions", CriteriaList).select("52")  # Pays de la Loire
        await press(pilot, "ctrl+r")
        assert isinstance(app.screen, ResultsScreen)
        count = text_of(app, "#count")
        assert count == "Nombre de résultats : 2 offres"
        await press(pilot, "r")  # Affiner ma recherche
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#regions", CriteriaList).selected == ["52"]
        status = text_of(app, "#criteria-status")
        assert status == "2 offres correspondent aux critères choisis."
        assert _number(status) == _number(count)


async def test_a_long_value_gives_way_to_its_count_and_state(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        row = next(
            line for line in lines if line.strip().startswith("Emploi ouvert aux titulaires")
        )
        # Cut at a word with "…", the count and the state in words kept whole.
        assert row.rstrip().endswith("… (0) : non coché"), row
