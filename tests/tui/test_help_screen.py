"""The help screen: the keys active on the screen below it, in French, as configured."""

from __future__ import annotations

from pass_tui.app import PassApp
from pass_tui.data.services import Services
from pass_tui.screens import HelpScreen, OfferScreen

from .helpers import SIZE, open_all_offers, open_offer, press, settle, text_of


async def test_help_lists_active_keys_in_french(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        await open_offer(pilot)
        await press(pilot, "f1")
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
        await press(pilot, "ctrl+o")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(app.screen.lines)
        assert "Ctrl+R : Lancer ma recherche" in text
        assert "Ctrl+O : Aide" in text
        await pilot.press("q")
        await open_all_offers(pilot)
        await open_offer(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert text_of(app, "#position") == "Offre 2 sur 11"
