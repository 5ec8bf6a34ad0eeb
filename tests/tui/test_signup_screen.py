"""The sign-up form: every problem listed at the top and said, the focus on the first
wrong field; then the code screen, the same for a new address and a known one."""

from __future__ import annotations

import pytest

from pass_tui.data.services import Services
from pass_tui.screens.space.code import CodeScreen
from pass_tui.screens.space.dashboard import SpaceScreen
from pass_tui.screens.space.login import LoginScreen
from pass_tui.screens.space.signup import SignupScreen
from pass_tui.widgets.form_errors import FormErrors

from .helpers import SIZE, assert_no_decoration, press, screen_text, settle
from .space_helpers import (
    EMAIL,
    PASSWORD,
    focused_id,
    last_code,
    mails_to,
    make_account,
    notice_says,
    submit,
    type_in,
)


async def open_signup(pilot) -> None:
    await settle(pilot)
    await press(pilot, "ctrl+e")
    await submit(pilot, "signup")
    assert isinstance(pilot.app.screen, SignupScreen)


async def fill(pilot, email: str, email_confirm: str, password: str, confirm: str) -> None:
    for field, value in (
        ("email", email),
        ("email_confirm", email_confirm),
        ("password", password),
        ("password_confirm", confirm),
    ):
        await type_in(pilot, field, value)
    await submit(pilot, "create")


def listed(pilot) -> list[str]:
    errors = pilot.app.screen.query_one(FormErrors)
    return str(errors.content).splitlines() if errors.display else []


async def test_the_form(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_signup(pilot)
        lines = [line.strip() for line in screen_text(app).splitlines()]
        for line in (
            "Identifiant (adresse e-mail) :",
            "Confirmer l'identifiant :",
            "Mot de passe :",
            "Confirmer le mot de passe :",
            "Créer mon espace",
            "Retour",
        ):
            assert line in lines
        assert services.accounts.password_rules().split()[0] in screen_text(app)
        assert focused_id(pilot) == "email"
        assert listed(pilot) == []
        assert_no_decoration(app)


async def test_every_problem_listed_and_said(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_signup(pilot)
        await fill(pilot, "", "", "", "")
        lines = listed(pilot)
        assert len(lines) == 4, lines
        assert all(line.startswith("Erreur : ") for line in lines)
        first = lines[0].removeprefix("Erreur : ")
        await notice_says(pilot, f"4 erreurs : {first}")
        assert focused_id(pilot) == "email"
        assert lines[0] in screen_text(app)


@pytest.mark.parametrize(
    ("values", "field", "problem"),
    [
        pytest.param(
            ("camille@exemple", "camille@exemple", PASSWORD, PASSWORD),
            "email",
            "adresse e-mail invalide",
            id="invalid-address",
        ),
        pytest.param(
            (EMAIL, "camile@exemple.fr", PASSWORD, PASSWORD),
            "email_confirm",
            "Confirmer l'identifiant",
            id="addresses-differ",
        ),
        pytest.param(
            (EMAIL, EMAIL, "court", "court"), "password", "8 caractères au moins", id="short"
        ),
        pytest.param(
            (EMAIL, EMAIL, "motdepasse", "motdepasse"),
            "password",
            "trop courant ou trop facile à deviner",
            id="common",
        ),
        pytest.param(
            (EMAIL, EMAIL, EMAIL, EMAIL),
            "password",
            "ne reprenez pas votre adresse e-mail",
            id="the-address-itself",
        ),
        pytest.param(
            (EMAIL, EMAIL, PASSWORD, PASSWORD + "x"),
            "password_confirm",
            "les deux mots de passe diffèrent",
            id="passwords-differ",
        ),
    ],
)
async def test_one_wrong_field(make_app, services: Services, values, field, problem) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_signup(pilot)
        await fill(pilot, *values)
        lines = listed(pilot)
        assert len(lines) == 1 and problem in lines[0], lines
        await notice_says(pilot, "1 erreur : " + lines[0].removeprefix("Erreur : "))
        assert focused_id(pilot) == field
        assert isinstance(app.screen, SignupScreen)
    assert services.accounts.store.count() == 0  # nothing created


async def test_sign_up_confirm_and_logged_in(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_signup(pilot)
        await fill(pilot, EMAIL, EMAIL, PASSWORD, PASSWORD)
        assert isinstance(app.screen, CodeScreen)
        shown = " ".join(screen_text(app).split())
        assert f"Un code à 6 chiffres a été envoyé à {EMAIL}. Il est valable 15 minutes." in shown
        assert focused_id(pilot) == "code"
        await type_in(pilot, "code", last_code(services))
        await press(pilot, "enter")
        assert isinstance(app.screen, SpaceScreen)
        assert app.session is not None and app.session.email == EMAIL
        assert services.accounts.is_confirmed(app.session)


async def test_later_goes_to_login_with_the_address(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_signup(pilot)
        await fill(pilot, EMAIL, EMAIL, PASSWORD, PASSWORD)
        await submit(pilot, "later")
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#email").value == EMAIL
        assert focused_id(pilot) == "password"
        await notice_says(pilot, "Connectez-vous avec votre identifiant et votre mot de passe.")
        await type_in(pilot, "password", PASSWORD)
        await press(pilot, "enter")
        assert isinstance(app.screen, SpaceScreen)  # the account works unconfirmed
        assert not services.accounts.is_confirmed(app.session)


async def test_a_known_address_gets_the_same_screen(make_app, services: Services) -> None:
    make_account(services)
    before = len(mails_to(services, EMAIL))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_signup(pilot)
        await fill(pilot, EMAIL, EMAIL, PASSWORD, PASSWORD)
        assert isinstance(app.screen, CodeScreen)
        assert f"Un code à 6 chiffres a été envoyé à {EMAIL}." in screen_text(app)
        await type_in(pilot, "code", "123456")
        await press(pilot, "enter")
        await notice_says(pilot, "Erreur : Code incorrect ou expiré.")
        assert app.session is None
    mails = mails_to(services, EMAIL)
    assert len(mails) == before + 1  # the owner is told, with no code in it
    assert last_code(services) != "123456"
    assert services.accounts.store.count() == 1
