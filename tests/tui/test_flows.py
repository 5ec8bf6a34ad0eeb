"""Pilot tests of the browsing flows: search, refine, all offers, open, next/previous,
back to the same row, help, e-mail, print, attachments."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input, Static

from pass_tui.app import PassApp
from pass_tui.data.config import Settings
from pass_tui.data.models import Offer
from pass_tui.data.services import Services
from pass_tui.dialogs import ConfirmDialog, EmailDialog
from pass_tui.screens import HelpScreen, OfferScreen, ResultsScreen, SearchScreen
from pass_tui.widgets import CriteriaList, Notice, ResultList

from .conftest import ATTACHMENT_BYTES, TODAY

SIZE = (80, 24)


async def settle(pilot: Pilot) -> None:
    """Let workers finish and the screen catch up (bounded: Textual's own waits)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def text_of(app: PassApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def search_for(pilot: Pilot, words: str) -> None:
    await settle(pilot)
    await pilot.press(*words)
    await pilot.press("enter")
    await settle(pilot)


async def test_start_focus_in_keywords_and_escape_stays(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.focused is not None and app.focused.id == "keywords"
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.is_running


async def test_facet_counts_shown_on_every_value(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        levels = app.screen.query_one("#levels", CriteriaList)
        prompts = [str(levels.get_option_at_index(i).prompt) for i in range(levels.option_count)]
        assert "Niveau 3 : CAP, BEP ou équivalent (2)" in prompts
        natures = app.screen.query_one("#natures", CriteriaList)
        assert "Apprentissage (6)" in [
            str(natures.get_option_at_index(i).prompt) for i in range(natures.option_count)
        ]


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
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OfferScreen)
        assert app.screen.offer.title == "Apprenti(e) développeur web"


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
        await pilot.press("space")  # first value: Niveau 3
        await settle(pilot)
        assert levels.selected == ["3"]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert text_of(app, "#count") == "Nombre de résultats : 2 offres"
        assert "Niveau d'études : Niveau 3 : CAP, BEP ou équivalent" in text_of(app, "#criteria")

        # Refine: the form again, pre-filled; add a region and search again.
        await pilot.press("r")
        await settle(pilot)
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


async def test_all_offers_and_closed_offer_hidden(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert text_of(app, "#count") == "Nombre de résultats : 11 offres"
        assert "aucun (toutes les offres)" in text_of(app, "#criteria")
        results = app.screen.query_one(ResultList)
        titles = [results.summary(i).title for i in range(results.count)]
        assert "Offre clôturée" not in titles


async def test_empty_result_says_so_and_offers_the_way_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "astronaute")
        assert text_of(app, "#count") == "Nombre de résultats : 0 offre"
        empty = app.screen.query_one("#empty", Static)
        assert empty.display and "Aucune offre ne correspond" in str(empty.content)
        assert app.focused is not None and app.focused.id == "refine"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#keywords", Input).value == "astronaute"


async def test_next_previous_and_back_to_same_row(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        offer = app.screen
        assert isinstance(offer, OfferScreen)
        assert text_of(app, "#position") == "Offre 2 / 11"
        await pilot.press("n", "n")
        await pilot.pause()
        assert text_of(app, "#position") == "Offre 4 / 11"
        await pilot.press("p")
        await pilot.pause()
        assert text_of(app, "#position") == "Offre 3 / 11"
        title = offer.offer.title
        await pilot.press("escape")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert isinstance(app.screen, ResultsScreen)
        assert results.highlighted == 2
        assert results.summary(results.highlighted).title == title
        assert app.focused is results


async def test_first_and_last_offer_are_said_in_words(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, OfferScreen)
        assert text_of(app, "#position") == "Offre 1 / 11 (première offre)"
        assert screen.query_one("#previous").has_class("-dimmed")
        await pilot.press("p")
        await pilot.pause()
        assert screen.index == 0
        assert "première offre" in screen.query_one("#notice", Notice).text
        screen.index = 10
        await pilot.pause()
        assert text_of(app, "#position") == "Offre 11 / 11 (dernière offre)"
        assert screen.query_one("#next").has_class("-dimmed")
        await pilot.press("n")
        await pilot.pause()
        assert screen.index == 10
        assert "dernière offre" in screen.query_one("#notice", Notice).text
        await pilot.click("#previous")
        await pilot.pause()
        assert screen.index == 9


async def test_help_lists_active_keys_in_french(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(app.screen.lines)
        for line in (
            "n : Offre suivante",
            "p : Offre précédente",
            "l : Retour à la liste",
            "Ctrl+G : Aide",
            "Ctrl+Q : Quitter",
            "Ctrl+P : Commandes",
        ):
            assert line in text
        assert "F1" not in text and "Échap" not in text
        await pilot.click("#close")
        await settle(pilot)
        assert isinstance(app.screen, OfferScreen)


async def test_help_on_home_screen_and_keymap_override(services: Services) -> None:
    services.settings.keymap["offer.next"] = "s"
    services.settings.keymap["app.help"] = "ctrl+o"
    app = PassApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(app.screen.lines)
        assert "Ctrl+R : Lancer ma recherche" in text
        assert "Ctrl+O : Aide" in text
        await pilot.press("q", "ctrl+t")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert text_of(app, "#position") == "Offre 2 / 11"


async def test_slash_jumps_to_keywords_from_any_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.focused is not None and app.focused.id == "keywords"


async def test_email_an_offer_lands_in_outbox(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "développeur")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EmailDialog)
        await pilot.press(*"pas-une-adresse", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EmailDialog)
        error = app.screen.query_one("#address-error", Static)
        assert error.display and str(error.content).startswith("Erreur :")
        app.screen.query_one("#address", Input).value = ""
        await pilot.press(*"camille@exemple.fr", "enter")
        await settle(pilot)
        assert isinstance(app.screen, OfferScreen)
        notice = app.screen.query_one("#notice", Notice)
        assert "camille@exemple.fr" in notice.text
        assert app.focused is notice
        files = list((services.paths.outbox / "new").iterdir())
        assert len(files) == 1
        message = files[0].read_bytes().decode("utf-8", "replace")
        assert "camille@exemple.fr" in message
        assert "2026-100100" in message


async def test_print_writes_text_and_pdf(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100100")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        notice = app.screen.query_one("#notice", Notice)
        text_file = services.paths.exports / "offre-2026-100100.txt"
        pdf_file = services.paths.exports / "offre-2026-100100.pdf"
        assert str(text_file) in notice.text
        assert "Intitulé du poste : Apprenti(e) développeur web" in text_file.read_text()
        assert pdf_file.read_bytes().startswith(b"%PDF-1.4")


async def test_print_to_configured_printer_asks_first(data_dir, tmp_path, monkeypatch) -> None:
    # A fake `lp` on PATH that records its arguments.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "lp.log"
    lp = bin_dir / "lp"
    lp.write_text(f'#!/bin/sh\necho "$@" > {log}\necho "request id is pass-1"\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    services = Services(data_dir, settings=Settings(printer="accueil"), today=lambda: TODAY)
    services.catalogue.upsert(_one_offer())
    app = PassApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert app.focused is not None and app.focused.id == "no"  # the safe choice
        await pilot.press("enter")  # Annuler
        await settle(pilot)
        assert not log.exists()
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert "-d accueil" in log.read_text()
        assert "accueil" in app.screen.query_one("#notice", Notice).text


async def test_attachment_saved_to_a_file(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100100")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        save = screen.query_one("SaveButton")
        save.focus()
        await pilot.press("enter")
        await settle(pilot)
        saved = services.paths.exports / "fiche-de-poste.pdf"
        assert saved.read_bytes() == ATTACHMENT_BYTES
        assert str(saved) in screen.query_one("#notice", Notice).text


async def test_how_to_apply_by_email_shows_address(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100100")
        await pilot.press("enter")
        await settle(pilot)
        text = text_of(app, "#apply-text")
        assert "Candidature par e-mail à : recrutement.0@exemple.gouv.fr" in text
        assert "Envoyez un CV et une lettre de motivation." in text
        assert not app.screen.query("#apply")  # no "Je postule" button yet


async def test_english_interface(make_app) -> None:
    app = make_app(language="en")
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "apprenti")
        assert text_of(app, "#count") == "Number of results: 6 offers"


def _one_offer() -> list[Offer]:
    return [
        Offer(
            reference="2026-000001",
            title="Stagiaire",
            nature="Stage",
            published=date(2026, 11, 1),
        )
    ]


class _HugeResult:
    """Stands in for a SearchResult of 100,000 offers, counting the rows it is asked for."""

    count = 100_000

    def __init__(self) -> None:
        self.asked: set[int] = set()

    def summary_at(self, index: int):
        from pass_tui.data.catalogue import OfferSummary

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


async def test_command_palette_has_app_commands(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Nouvelle recherche", "Aide", "Thème", "Quitter"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_feed_action_shows_url_and_command(make_app) -> None:
    from pass_tui.dialogs import FeedDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "apprenti")
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedDialog)
        assert app.focused is not None and app.focused.id == "close"
        assert text_of(app, "#rss-url") == "http://127.0.0.1:8080/flux/recherche?keywords=apprenti"
        assert text_of(app, "#atom-url").endswith("/flux/recherche.atom?keywords=apprenti")
        assert text_of(app, "#feed-cli") == "pass-tui search --keywords apprenti --format rss"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)


def test_counts_are_written_the_french_way() -> None:
    from pass_tui.i18n import _, number, set_language

    assert number(100000) == "100\u00a0000"
    assert _("Offre {n} / {count}", n=2, count=1234) == "Offre 2 / 1\u00a0234"
    set_language("en")
    try:
        assert _("Offre {n} / {count}", n=2, count=1234) == "Offer 2 / 1,234"
    finally:
        set_language("fr")
