"""A 60×20 terminal: on every screen and dialog each button is whole and in view (or comes
into view when it gets the focus), the footer starts with the help key, and the offer's
"Retour à la liste" is reached by Tab."""

from __future__ import annotations

from textual.errors import NoWidget
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from pass_tui.app import PassApp
from pass_tui.data.services import Services
from pass_tui.dialogs import ConfirmDialog, EmailDialog, FeedDialog
from pass_tui.screens import HelpScreen, OfferScreen, ResultsScreen, SearchScreen
from pass_tui.widgets.footer import HELP_ACTIONS, PassFooter

from .helpers import press, screen_text, settle, until

SMALL = (60, 20)


def hidden_part(app: PassApp, widget: Widget) -> str | None:
    """Why ``widget`` is not whole on screen (cut by its container or by the terminal's
    edge, or not laid out at all); None when it is."""
    try:
        geometry = app.screen.find_widget(widget)
    except NoWidget:
        return "not on screen"
    region = geometry.region
    if not region.area:
        return f"empty region {region}"
    if geometry.visible_region != region:
        return f"{region} cut to {geometry.visible_region}"
    if not Region(0, 0, *app.size).contains_region(region):
        return f"{region} beyond the terminal {app.size}"
    return None


def shown(widget: Widget) -> bool:
    """Whether ``widget`` and its containers are displayed."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


async def check_buttons(pilot: Pilot, app: PassApp, where: str) -> int:
    """Every displayed button of the screen is whole on screen, as it is or once it has
    the focus (which scrolls it into view). Returns how many were checked."""
    buttons = [b for b in app.screen.query(Button) if shown(b)]
    for button in buttons:
        if hidden_part(app, button) is not None:
            button.focus()
            await settle(pilot)
        problem = hidden_part(app, button)
        assert problem is None, f"{where}: {button.label} {problem}\n{screen_text(app)}"
    return len(buttons)


def check_footer(app: PassApp, where: str) -> FooterKey:
    """The footer's first key is whole on screen; returns it."""
    keys = list(app.screen.query_one(PassFooter).query(FooterKey))
    assert keys, where
    problem = hidden_part(app, keys[0])
    assert problem is None, f"{where}: footer {problem}\n{screen_text(app)}"
    return keys[0]


def check_help_key_first(app: PassApp, where: str) -> None:
    first = check_footer(app, where)
    assert first.action in HELP_ACTIONS and first.key_display == "Ctrl+G", where
    assert screen_text(app).splitlines()[-1].startswith("Ctrl+G Aide"), where


async def test_every_screen_and_dialog_fits_60x20(make_app, services: Services) -> None:
    services.settings.printer = "x"  # printing asks first: the confirm dialog
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert await check_buttons(pilot, app, "search form") == 5
        check_help_key_first(app, "search form")

        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, HelpScreen)
        assert await check_buttons(pilot, app, "help") == 1
        check_footer(app, "help")  # its first key closes the help
        await press(pilot, "q")

        await press(pilot, "ctrl+t")
        assert isinstance(app.screen, ResultsScreen)
        assert await check_buttons(pilot, app, "results") == 4
        check_help_key_first(app, "results")

        # A long search: its feed addresses take many lines.
        await press(pilot, "n")
        await pilot.press(*"apprenti développeur cuisinier comptable secrétaire médical réseaux")
        await press(pilot, "enter")
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.query_one("#empty").display
        assert await check_buttons(pilot, app, "empty result") == 4
        check_help_key_first(app, "empty result")
        await press(pilot, "f")
        assert isinstance(app.screen, FeedDialog)
        assert await check_buttons(pilot, app, "feed dialog") == 1
        await press(pilot, "escape")

        await press(pilot, "escape", "ctrl+l", *"2026-100100", "enter")
        await press(pilot, "enter")
        assert isinstance(app.screen, OfferScreen)
        # Back to the list is reached by Tab, and in view.
        for _attempt in range(12):
            if app.focused is not None and app.focused.id == "back":
                break
            await press(pilot, "tab")
        back = app.screen.query_one("#back", Button)
        assert app.focused is back
        assert hidden_part(app, back) is None, screen_text(app)
        assert "Retour à la liste" in screen_text(app)
        check_help_key_first(app, "offer")
        assert await check_buttons(pilot, app, "offer") == 7  # with "Enregistrer"

        await press(pilot, "e")
        assert isinstance(app.screen, EmailDialog)
        await press(pilot, *"nope", "enter")
        await until(pilot, lambda: "Erreur" in screen_text(app), "the error drawn")
        assert await check_buttons(pilot, app, "e-mail dialog") == 2
        await press(pilot, "escape")

        await press(pilot, "i")
        assert isinstance(app.screen, ConfirmDialog)
        assert await check_buttons(pilot, app, "confirm dialog") == 2
        await press(pilot, "n")

        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, HelpScreen)
        assert await check_buttons(pilot, app, "help on the offer") == 1


async def test_the_check_sees_a_button_cut_by_its_container(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        buttons = app.screen.query_one("#search-top .buttons")
        buttons.styles.height = 2  # four one-line buttons in two lines
        await settle(pilot)
        assert hidden_part(app, app.screen.query_one("#help", Button)) is not None
        try:
            await check_buttons(pilot, app, "search form")
        except AssertionError as error:
            assert "Aide" in str(error)
        else:
            raise AssertionError("a cut button went unnoticed")
