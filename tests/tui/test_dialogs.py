"""The dialogs: e-mail an offer, confirm before printing, the feed of a search."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from pass_tui.app import PassApp
from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from pass_tui.dialogs import ConfirmDialog, EmailDialog, FeedDialog
from pass_tui.screens import OfferScreen, ResultsScreen
from pass_tui.widgets import CriteriaList, Notice
from tests.factories import TODAY, fake_lp, make_offers, offer

from .helpers import (
    SIZE,
    open_all_offers,
    open_offer,
    press,
    screen_text,
    search_for,
    settle,
    text_of,
)

# -- e-mail ----------------------------------------------------------------------------------


async def test_email_an_offer_lands_in_outbox(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "développeur")
        await open_offer(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, EmailDialog)
        await pilot.press(*"pas-une-adresse", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EmailDialog)
        error = app.screen.query_one("#address-error", Notice)
        assert error.text.startswith("Erreur :")
        app.screen.query_one("#address", Input).value = ""
        await press(pilot, *"camille@exemple.fr", "enter")
        assert isinstance(app.screen, OfferScreen)
        notice = app.screen.query_one("#notice", Notice)
        assert notice.text.startswith("Offre déposée dans la boîte d'envoi pour camille@exemple.fr")
        assert app.focused is app.screen.query_one("#offer-body")  # the notice takes no focus
        files = list((services.paths.outbox / "new").iterdir())
        assert len(files) == 1
        message = files[0].read_bytes().decode("utf-8", "replace")
        assert "camille@exemple.fr" in message
        assert "2026-100100" in message


async def test_cursor_on_first_button_of_dialog(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "2026-100101")
        await open_offer(pilot)
        await press(pilot, "e")
        address = app.screen.query_one("#address")
        assert app.cursor_position.y == address.content_region.y


# -- confirm ---------------------------------------------------------------------------------


async def test_print_to_configured_printer_asks_first(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lp, log = fake_lp(tmp_path, monkeypatch, "request id is pass-1")
    services = Services(data_dir, settings=Settings(printer="accueil"), today=lambda: TODAY)
    services.catalogue.upsert([offer("2026-000001", 25, title="Stagiaire", nature="Stage")])
    app = PassApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        await open_offer(pilot)
        await press(pilot, "i")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.focused is not None and app.focused.id == "no"  # the safe choice
        await press(pilot, "enter")  # Annuler
        assert not log.exists()
        await press(pilot, "i")
        await press(pilot, "o")
        assert "-d accueil" in log.read_text()
        assert "accueil" in app.screen.query_one("#notice", Notice).text


# -- feed ------------------------------------------------------------------------------------


async def test_feed_action_shows_url_and_command(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "apprenti")
        assert isinstance(app.screen, ResultsScreen)
        await press(pilot, "f")
        assert isinstance(app.screen, FeedDialog)
        assert app.focused is not None and app.focused.id == "close"
        assert text_of(app, "#rss-url") == "http://127.0.0.1:8080/flux/recherche?keywords=apprenti"
        assert text_of(app, "#atom-url").endswith("/flux/recherche.atom?keywords=apprenti")
        assert text_of(app, "#feed-cli") == "pass-tui search --keywords apprenti --format rss"
        await press(pilot, "escape")
        assert isinstance(app.screen, ResultsScreen)


async def test_feed_addresses_use_the_configured_base_and_wrap_whole(data_dir: Path) -> None:
    base = "https://emplois.example.org/pass"
    (data_dir / "config.toml").write_text(f'feeds_base_url = "{base}"\n', "utf-8")
    services = Services(data_dir, today=lambda: TODAY)  # reads config.toml
    services.catalogue.upsert(make_offers())
    app = PassApp(services)
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#natures", CriteriaList).select("Apprentissage")
        await search_for(pilot, "apprenti développeur préfecture de Nantes")
        await press(pilot, "f")
        assert isinstance(app.screen, FeedDialog)
        lines = screen_text(app).splitlines()
        for selector, path in (
            ("#rss-url", "/flux/recherche?"),
            ("#atom-url", "/flux/recherche.atom?"),
        ):
            static = app.screen.query_one(selector, Static)
            url = str(static.content)
            assert url.startswith(base + path), url
            assert "nature=Apprentissage" in url and "keywords=apprenti" in url
            region = static.content_region
            assert region.height >= 2, "the address should need several lines at 60 columns"
            geometry = app.screen.find_widget(static)
            assert geometry.visible_region == geometry.region, "the address is cut"
            shown = [
                lines[y][region.x : region.right].rstrip() for y in range(region.y, region.bottom)
            ]
            assert "".join(shown) == url, shown
            assert "…" not in "".join(shown)
