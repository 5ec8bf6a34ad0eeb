"""The app and the candidate's session: "Mon espace candidat" from the palette, a session
that ends under the candidate's feet, drafts saved before a logout, and the kiosk's idle
logout with its warning."""

from __future__ import annotations

from textual.widgets import Button

from pass_tui.app import IDLE_WARNING_S
from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from pass_tui.dialogs.idle import IdleDialog
from pass_tui.screens.offer import OfferScreen
from pass_tui.screens.search import SearchScreen
from pass_tui.screens.space.credentials import CredentialsScreen
from pass_tui.screens.space.dashboard import SpaceScreen
from pass_tui.screens.space.login import LoginScreen

from .helpers import SIZE, open_all_offers, open_offer, press, screen_text, settle
from .space_helpers import (
    EMAIL,
    OTHER_PASSWORD,
    PASSWORD,
    login,
    make_account,
    notice_says,
    submit,
    type_in,
)


class Clock:
    """The idle logout's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_palette_commands(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Mon espace candidat" in titles and "Déconnexion" not in titles
        app.session = login(services)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Déconnexion" in titles
        await press(pilot, "ctrl+p")
        await pilot.press(*"espace")
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, SpaceScreen)


async def test_login_from_an_offer_returns_to_it(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        await open_offer(pilot, 1)
        assert isinstance(app.screen, OfferScreen)
        offer = app.screen.offer
        got = []
        app.screen.require_login(got.append)
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        await type_in(pilot, "email", EMAIL)
        await type_in(pilot, "password", PASSWORD)
        await press(pilot, "enter")
        assert isinstance(app.screen, OfferScreen) and app.screen.offer == offer
        assert [s.email for s in got] == [EMAIL]
        app.screen.require_login(got.append)  # logged in: at once, no login screen
        assert len(got) == 2 and isinstance(app.screen, OfferScreen)


async def test_a_session_that_ended_opens_the_login(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.session = login(services)
        await press(pilot, "ctrl+e", "i")
        assert isinstance(app.screen, CredentialsScreen)
        # The password is changed in another terminal: this session ends.
        other = login(services)
        services.accounts.change_password(other, PASSWORD, OTHER_PASSWORD, OTHER_PASSWORD)
        await type_in(pilot, "old-password", PASSWORD)
        await type_in(pilot, "new-password", "encore une autre phrase")
        await type_in(pilot, "new-password-confirm", "encore une autre phrase")
        await press(pilot, "enter")
        assert isinstance(app.screen, LoginScreen)
        assert app.session is None
        await notice_says(pilot, "Votre session a pris fin : reconnectez-vous.")
        await type_in(pilot, "email", EMAIL)
        await type_in(pilot, "password", OTHER_PASSWORD)
        await press(pilot, "enter")
        assert isinstance(app.screen, SpaceScreen)  # logging in again opens the space
        await submit(pilot, "back")
        assert isinstance(app.screen, SearchScreen)


async def test_drafts_are_saved_while_the_session_works(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    saved = []

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.session = session = login(services)
        screen = CredentialsScreen(session)
        # A screen that keeps a draft (the fiche): saved while the session still works.
        screen.save_draft = lambda: saved.append(services.accounts.is_confirmed(session))  # type: ignore[attr-defined]
        app.push_screen(screen)
        await settle(pilot)
        await submit(pilot, "logout")
        assert saved == [True]
        assert isinstance(app.screen, SearchScreen)


def kiosk_app(make_app, services: Services, timeout: int) -> tuple[object, Clock]:
    services.settings = Settings(kiosk=True, idle_timeout_s=timeout)
    app = make_app(kiosk=True)
    clock = Clock()
    app.idle_clock = clock
    app._last_input = clock.now
    return app, clock


async def test_idle_warning_then_stay(make_app, services: Services) -> None:
    make_account(services)
    app, clock = kiosk_app(make_app, services, 600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.session = login(services)
        await press(pilot, "ctrl+e")
        app._last_input = clock.now
        clock.now += 600 - IDLE_WARNING_S - 1
        app.check_idle_logout()
        await settle(pilot)
        assert isinstance(app.screen, SpaceScreen)  # not yet
        clock.now += 1
        app.check_idle_logout()
        await settle(pilot)
        assert isinstance(app.screen, IdleDialog)
        assert "Vous allez être déconnecté dans 60 s" in screen_text(app)
        assert app.focused is app.screen.query_one("#stay", Button)
        await press(pilot, "enter")  # "Rester connecté"
        assert isinstance(app.screen, SpaceScreen) and app.session is not None
        clock.now += IDLE_WARNING_S
        app.check_idle_logout()
        await settle(pilot)
        assert isinstance(app.screen, SpaceScreen) and app.session is not None


async def test_idle_logout_goes_home(make_app, services: Services) -> None:
    make_account(services)
    app, clock = kiosk_app(make_app, services, 600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.session = login(services)
        session = app.session
        await press(pilot, "ctrl+e", "i")
        assert isinstance(app.screen, CredentialsScreen)
        clock.now += 600
        app.check_idle_logout()
        await settle(pilot)
        assert isinstance(app.screen, IdleDialog)
        clock.now += IDLE_WARNING_S
        app.check_idle_logout()
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.session is None
        await notice_says(pilot, "Vous avez été déconnecté après 10 min sans activité.")
    try:
        services.accounts.is_confirmed(session)
    except Exception as error:
        assert type(error).__name__ == "SessionEnded"
    else:
        raise AssertionError("the idle session still works")


async def test_no_idle_logout_outside_a_kiosk(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    clock = Clock()
    app.idle_clock = clock
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.session = login(services)
        clock.now += 10 * services.settings.idle_timeout_s
        app.check_idle_logout()
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and app.session is not None


async def test_idle_logout_keeps_the_fiche_as_a_draft(make_app, services: Services) -> None:
    from pass_tui.screens.space.profile import ProfileScreen

    make_account(services)
    app, clock = kiosk_app(make_app, services, 600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.session = login(services)
        await press(pilot, "ctrl+e", "f")
        assert isinstance(app.screen, ProfileScreen)
        await type_in(pilot, "last_name", "Martin")
        clock.now += 600
        app.check_idle_logout()
        await settle(pilot)
        clock.now += IDLE_WARNING_S
        app.check_idle_logout()
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and app.session is None
    session = login(services)
    draft, is_saved = services.space(session).profile.current()
    assert draft.last_name == "Martin" and not is_saved
