"""The offer screen: next/previous and back to the same row, first and last offer said in
words, print to files, save an attachment, how to apply."""

from __future__ import annotations

from pass_tui.data.services import Services
from pass_tui.screens import OfferScreen, ResultsScreen
from pass_tui.widgets import Notice, ResultList
from tests.factories import ATTACHMENT_BYTES

from .helpers import SIZE, open_all_offers, open_offer, press, search_for, text_of


async def test_next_previous_and_back_to_same_row(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        await open_offer(pilot, 1)
        offer = app.screen
        assert isinstance(offer, OfferScreen)
        assert text_of(app, "#position") == "Offre 2 sur 11"
        await pilot.press("n", "n")
        await pilot.pause()
        assert text_of(app, "#position") == "Offre 4 sur 11"
        await pilot.press("p")
        await pilot.pause()
        assert text_of(app, "#position") == "Offre 3 sur 11"
        title = offer.offer.title
        await press(pilot, "escape")
        results = app.screen.query_one(ResultList)
        assert isinstance(app.screen, ResultsScreen)
        assert results.highlighted == 2
        assert results.summary(results.highlighted).title == title
        assert app.focused is results


async def test_first_and_last_offer_are_said_in_words(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        await open_offer(pilot)
        screen = app.screen
        assert isinstance(screen, OfferScreen)
        assert text_of(app, "#position") == "Offre 1 sur 11 (première offre)"
        assert screen.query_one("#previous").has_class("-dimmed")
        await pilot.press("p")
        await pilot.pause()
        assert screen.index == 0
        assert "première offre" in screen.query_one("#notice", Notice).text
        screen.index = 10
        await pilot.pause()
        assert text_of(app, "#position") == "Offre 11 sur 11 (dernière offre)"
        assert screen.query_one("#next").has_class("-dimmed")
        await pilot.press("n")
        await pilot.pause()
        assert screen.index == 10
        assert "dernière offre" in screen.query_one("#notice", Notice).text
        await pilot.click("#previous")
        await pilot.pause()
        assert screen.index == 9


async def test_print_writes_text_and_pdf(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100100")
        await open_offer(pilot)
        await press(pilot, "i")
        notice = app.screen.query_one("#notice", Notice)
        text_file = services.paths.exports / "offre-2026-100100.txt"
        pdf_file = services.paths.exports / "offre-2026-100100.pdf"
        # What happened first, then the file names, then where they are.
        assert notice.text == (
            "Offre enregistrée pour impression : offre-2026-100100.pdf et "
            f"offre-2026-100100.txt, dans le dossier {services.paths.exports}."
        )
        assert "Intitulé du poste : Apprenti(e) développeur web" in text_file.read_text()
        assert pdf_file.read_bytes().startswith(b"%PDF-1.4")


async def test_attachment_saved_to_a_file(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100100")
        await open_offer(pilot)
        screen = app.screen
        save = screen.query_one("SaveButton")
        save.focus()
        await press(pilot, "enter")
        saved = services.paths.exports / "fiche-de-poste.pdf"
        assert saved.read_bytes() == ATTACHMENT_BYTES
        assert screen.query_one("#notice", Notice).text == (
            f"Pièce jointe enregistrée : fiche-de-poste.pdf, dans le dossier {saved.parent}."
        )


async def test_how_to_apply_by_email_shows_address(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100100")
        await open_offer(pilot)
        text = text_of(app, "#apply-text")
        assert "Candidature par e-mail à : recrutement.0@exemple.gouv.fr" in text
        assert "Envoyez un CV et une lettre de motivation." in text
        assert not app.screen.query("#apply")  # no "Je postule" button yet
