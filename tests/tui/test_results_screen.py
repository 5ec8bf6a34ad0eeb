"""The results screen: newest first with the focus on the first row, all offers, the empty
result, a list of 100,000 rows, the cursor on the highlighted row, nothing cut mid-word."""

from __future__ import annotations

import re
from datetime import timedelta

from textual.geometry import Offset
from textual.widgets import Input, Static

from pass_tui.data.catalogue import OfferSummary
from pass_tui.data.publishing.render import long_date, short_nature
from pass_tui.screens import OfferScreen, ResultsScreen, SearchScreen
from pass_tui.widgets import Notice, ResultList
from pass_tui.widgets.text import fit
from tests.factories import TODAY

from .helpers import (
    DECORATION,
    SIZE,
    open_all_offers,
    open_offer,
    press,
    screen_text,
    search_for,
    settle,
    text_of,
)


async def test_keyword_search_lists_newest_first_with_focus_on_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "apprenti")
        assert isinstance(app.screen, ResultsScreen)
        assert text_of(app, "#count") == "Nombre de résultats : 6 offres"
        assert "Mots clés : apprenti" in text_of(app, "#criteria")
        results = app.screen.query_one(ResultList)
        assert app.focused is results
        assert results.highlighted == 0
        published = [results.summary(i).published for i in range(results.count)]
        assert published == sorted(published, reverse=True)
        await open_offer(pilot)
        assert isinstance(app.screen, OfferScreen)
        assert app.screen.offer.title == "Apprenti(e) développeur web"


async def test_all_offers_and_closed_offer_hidden(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        assert text_of(app, "#count") == "Nombre de résultats : 11 offres"
        assert "aucun (toutes les offres)" in text_of(app, "#criteria")
        results = app.screen.query_one(ResultList)
        titles = [results.summary(i).title for i in range(results.count)]
        assert "Offre clôturée" not in titles


async def test_a_closed_offer_searched_by_reference_is_said_closed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100999")
        closing = (TODAY - timedelta(days=1)).strftime("%d/%m/%Y")
        assert text_of(app, "#count") == f"L'offre 2026-100999 est clôturée depuis le {closing}."
        assert app.screen.query_one("#empty", Static).display


async def test_empty_result_says_so_and_offers_the_way_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "astronaute")
        assert text_of(app, "#count") == "Nombre de résultats : 0 offre"
        empty = app.screen.query_one("#empty", Static)
        assert empty.display and "Aucune offre ne correspond" in str(empty.content)
        assert app.focused is not None and app.focused.id == "refine"
        await press(pilot, "escape")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#keywords", Input).value == "astronaute"


class _HugeResult:
    """Stands in for a SearchResult of 100,000 offers, counting the rows it is asked for."""

    count = 100_000

    def __init__(self) -> None:
        self.asked: set[int] = set()

    def summary_at(self, index: int) -> OfferSummary:
        self.asked.add(index)
        return OfferSummary(
            reference=f"2026-{index:06d}",
            title=f"Offre numéro {index}",
            employer="Préfecture",
            location="Nantes (44)",
            nature="Stage",
            published=TODAY,
            closing=None,
        )


async def test_result_list_renders_only_visible_rows(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = ResultList()
        await app.screen.mount(results)
        huge = _HugeResult()
        results.set_result(huge)  # type: ignore[arg-type]
        results.focus()
        await pilot.pause()
        assert results.virtual_size.height == 200_000
        assert len(huge.asked) < 50
        await pilot.press("end")
        await pilot.pause()
        assert results.highlighted == 99_999
        assert len(huge.asked) < 100
        await pilot.press("pageup", "k")
        await pilot.pause()
        assert results.highlighted < 99_999
        assert len(huge.asked) < 150
        assert len(app.screen.query("*")) < 100  # no widget per offer


async def test_cursor_follows_highlighted_result_row(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        results = app.screen.query_one(ResultList)
        region = results.content_region
        assert app.cursor_position == Offset(region.x + 2, region.y)
        await press(pilot, "down")
        assert app.cursor_position == Offset(region.x + 2, region.y + 2)
        await press(pilot, "j", "j")
        assert results.highlighted == 3
        assert app.cursor_position == Offset(region.x + 2, region.y + 6)
        before = screen_text(app).splitlines()
        await press(pilot, "k")
        assert app.cursor_position == Offset(region.x + 2, region.y + 4)
        # Moving the highlight changes no character of any line (attributes only), so a
        # screen reader reads nothing but the line the cursor lands on.
        lines = screen_text(app).splitlines()
        assert lines[app.cursor_position.y].startswith(
            " " * (region.x + 2) + results.summary(2).title[:20]
        )
        for old, new in zip(
            before[region.y : region.bottom], lines[region.y : region.bottom], strict=True
        ):
            assert old == new


# Words of the row details that are not offer data: natures, "jusqu'au", month names.
NATURE_WORDS = {
    "Apprentissage",
    "Stage",
    "Titulaire",
    "ou",
    "contractuel",
    "Contractuel",
    "jusqu'au",
    "décembre",
    "janvier",
    "2026",
    "2027",
}


async def test_nothing_cut_mid_word_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        results = app.screen.query_one(ResultList)
        lines = screen_text(app).splitlines()
        words = set()
        for i in range(results.count):
            summary = results.summary(i)
            words.update(f"{summary.title} {summary.employer} {summary.location}".split())
        for line in lines[results.content_region.y : results.content_region.bottom]:
            for token in DECORATION.sub(" ", line).replace("·", " ").split():
                token = token.rstrip("…")
                if token and token not in NATURE_WORDS and "/" not in token:
                    assert token in words or re.fullmatch(r"[\d-]+", token), (token, line)


def test_fit_cuts_at_word_boundaries() -> None:
    assert (
        fit("Apprenti(e) cuisinier en restauration collective", 30) == "Apprenti(e) cuisinier en…"
    )
    assert fit("court", 30) == "court"
    assert fit("Anticonstitutionnellement", 10) == "Anticonst…"
    assert fit("a\x1b[31mb", 10) == "a [31mb"


async def test_a_failed_search_is_shown_in_place_and_the_app_stays_up(make_app, services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        services.paths.catalogue.write_text('{"offers": {"1": {"reference": ')  # truncated
        await press(pilot, "ctrl+t")
        assert app.is_running
        assert isinstance(app.screen, ResultsScreen)
        notice = app.screen.query_one("#notice", Notice)
        await pilot.pause(0.2)  # a notice is drawn shortly after it is announced
        assert notice.text.startswith("Erreur : ")
        assert "catalogue.json" in notice.text and "illisible" in notice.text
        assert str(notice.content) == notice.text  # on screen, not only in a toast


async def test_rows_show_nature_closing_date_and_employer_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        results = app.screen.query_one(ResultList)
        view = results.scrollable_content_region
        checked: set[int] = set()
        for key in ("home", "end"):  # the first page, then the last
            await press(pilot, key)
            lines = screen_text(app).splitlines()
            top = int(results.scroll_offset.y)
            for line in range(top, top + view.height):
                index = line // results.row_height
                if index >= results.count or index in checked:
                    continue
                # A visible offer shows both its lines (never one line of it alone).
                y = view.y + index * results.row_height - top
                assert view.y <= y and y + 1 < view.bottom, (key, index, "\n".join(lines))
                summary = results.summary(index)
                title, detail = lines[y], lines[y + 1]
                assert title.strip().startswith(summary.title.split()[0]), title
                row = f"{title}\n{detail}"
                assert short_nature(summary.nature) in row, row
                assert summary.closing is not None
                assert f"jusqu'au {long_date(summary.closing)}" in row, row
                # The employer ends the detail line: whole, or at least two words of it.
                shown = detail.strip().split(" · ")[-1].removesuffix("…")
                assert summary.employer.startswith(shown), (shown, row)
                assert len(shown.split()) >= min(2, len(summary.employer.split())), row
                checked.add(index)
        assert checked == set(range(results.count))
