"""The login screen: the form, the same message for an unknown address and a wrong
password, the throttle, "Rester connecté" (not on a kiosk), and back to where the
candidate was."""

from __future__ import annotations

import os
import stat

from pass_tui.data.services import Services
from pass_tui.screens.results import ResultsScreen
from pass_tui.screens.search import SearchScreen
from pass_tui.screens.space.dashboard import SpaceScreen
from pass_tui.screens.space.login import LoginScreen
from pass_tui.widgets.checkbox import Checkbox

from .helpers import SIZE, assert_no_decoration, open_all_offers, press, screen_text, settle
from .space_helpers import (
    EMAIL,
    PASSWORD,
    focused_id,
    make_account,
    notice_says,
    submit,
    type_in,
)

WRONG = "Erreur : Identifiant ou mot de passe incorrect."


async def open_login(pilot) -> None:
    await settle(pilot)
    await press(pilot, "ctrl+e")
    assert isinstance(pilot.app.screen, LoginScreen)


async def log_in(pilot, email: str = EMAIL, password: str = PASSWORD) -> None:
    await type_in(pilot, "email", email)
    await type_in(pilot, "password", password)
    await press(pilot, "enter")


async def test_the_form_one_control_per_line(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert "PASS · Se connecter à mon espace candidat" in lines
        for line in (
            "Identifiant (adresse e-mail) :",
            "Mot de passe :",
            "Rester connecté (30 jours) : non coché",
            "Se connecter",
            "Mot de passe perdu",
            "Je me crée un espace candidat",
            "Retour",
        ):
            assert line in lines
        assert focused_id(pilot) == "email"
        assert_no_decoration(app)


async def test_no_stay_logged_in_on_a_kiosk(make_app) -> None:
    app = make_app(kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        assert not app.screen.query(Checkbox)
        assert "Rester connecté" not in screen_text(app)


async def test_login_opens_the_space(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        await log_in(pilot)
        assert isinstance(app.screen, SpaceScreen)
        assert app.session is not None and app.session.email == EMAIL
        assert not app.session.remembered
        assert not services.paths.remembered_session.exists()


async def test_password_is_masked(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        await type_in(pilot, "password", "secret42")
        text = screen_text(app)
        assert "Mot de passe :  ••••••••" in text
        assert "secret42" not in text


async def test_same_message_for_unknown_address_and_wrong_password(
    make_app, services: Services
) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        await log_in(pilot, password="pas le bon mot de passe")
        await notice_says(pilot, WRONG)
        assert focused_id(pilot) == "email"
        assert app.screen.query_one("#password").value == ""
        await log_in(pilot, email="personne@exemple.fr")
        await notice_says(pilot, WRONG)
        assert focused_id(pilot) == "email"
        assert app.session is None
        assert isinstance(app.screen, LoginScreen)


async def test_throttled_after_five_failures(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        for _ in range(5):
            await log_in(pilot, password="pas le bon mot de passe")
            await notice_says(pilot, WRONG)
        await log_in(pilot)  # even the right password waits now
        notice = str(app.screen.query_one("#notice").content)
        assert notice.startswith("Erreur : Trop d'essais. Réessayez dans "), notice
        assert app.session is None


async def test_stay_logged_in_keeps_a_token_and_the_next_start_resumes(
    make_app, services: Services
) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        box = app.screen.query_one("#remember", Checkbox)
        box.focus()
        await press(pilot, "space")
        assert "Rester connecté (30 jours) : coché" in screen_text(app)
        await log_in(pilot)
        assert app.session is not None and app.session.remembered
    token = services.paths.remembered_session
    assert stat.S_IMODE(os.stat(token).st_mode) == 0o600
    assert PASSWORD not in token.read_text()

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.session is not None and again.session.email == EMAIL
        await press(pilot, "ctrl+e")  # no login screen: straight into the space
        assert isinstance(again.screen, SpaceScreen)

    kiosk = make_app(kiosk=True)  # a kiosk never resumes a remembered session
    async with kiosk.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert kiosk.session is None


async def test_back_returns_where_the_candidate_was(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_all_offers(pilot)
        assert isinstance(app.screen, ResultsScreen)
        app.action_space()  # the command palette's "Mon espace candidat"
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        await submit(pilot, "back")
        assert isinstance(app.screen, ResultsScreen)
        app.action_space()
        await settle(pilot)
        await log_in(pilot)
        assert isinstance(app.screen, SpaceScreen)
        await press(pilot, "r")  # "Retour à la recherche": the results, as they were
        assert isinstance(app.screen, ResultsScreen)
        assert app.session is not None


async def test_keys_outside_the_fields(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_login(pilot)
        app.screen.query_one("#login").focus()
        await press(pilot, "c")
        assert app.screen.id == "signup-screen"
        await press(pilot, "escape")
        assert isinstance(app.screen, LoginScreen)
        app.screen.query_one("#login").focus()
        await press(pilot, "m")
        assert app.screen.id == "reset-screen"
        await press(pilot, "escape")
        app.screen.query_one("#login").focus()
        await press(pilot, "r")
        assert isinstance(app.screen, SearchScreen)
