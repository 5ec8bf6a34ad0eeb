"""Mot de passe perdu: the same answer for every address, the code, the new password
twice, then back to the login form."""

from __future__ import annotations

from pass_tui.data.errors import LoginFailed
from pass_tui.data.services import Services
from pass_tui.screens.space.code import CodeScreen
from pass_tui.screens.space.login import LoginScreen
from pass_tui.screens.space.reset import ResetScreen
from pass_tui.widgets.form_errors import FormErrors

from .helpers import SIZE, assert_no_decoration, press, screen_text, settle
from .space_helpers import (
    EMAIL,
    OTHER_PASSWORD,
    PASSWORD,
    focused_id,
    last_code,
    mails_to,
    make_account,
    notice_says,
    submit,
    type_in,
)


async def open_reset(pilot, email: str = EMAIL) -> None:
    await settle(pilot)
    await press(pilot, "ctrl+e")
    await type_in(pilot, "email", email)
    await submit(pilot, "lost")
    assert isinstance(pilot.app.screen, ResetScreen)


async def ask_code(pilot) -> None:
    await submit(pilot, "send")
    assert isinstance(pilot.app.screen, CodeScreen)


async def test_reset_then_log_in_with_the_new_password(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_reset(pilot)
        assert app.screen.query_one("#email").value == EMAIL  # carried from the login form
        assert_no_decoration(app)
        await ask_code(pilot)
        await type_in(pilot, "code", last_code(services))
        await press(pilot, "enter")
        assert isinstance(app.screen, ResetScreen)
        assert focused_id(pilot) == "password"
        assert "Nouveau mot de passe :" in screen_text(app)
        await type_in(pilot, "password", OTHER_PASSWORD)
        await type_in(pilot, "password_confirm", OTHER_PASSWORD)
        await press(pilot, "enter")
        assert isinstance(app.screen, LoginScreen)
        await notice_says(pilot, "Mot de passe modifié : connectez-vous.")
        assert focused_id(pilot) == "password"
        await type_in(pilot, "password", OTHER_PASSWORD)
        await press(pilot, "enter")
        assert app.session is not None
    try:
        services.accounts.login(EMAIL, PASSWORD)
    except LoginFailed:
        pass
    else:
        raise AssertionError("the old password still works")


async def test_the_same_answer_without_an_account(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_reset(pilot, "personne@exemple.fr")
        await ask_code(pilot)
        shown = " ".join(screen_text(app).split())
        assert "Un code à 6 chiffres a été envoyé à personne@exemple.fr." in shown
        await type_in(pilot, "code", "123456")
        await press(pilot, "enter")
        await type_in(pilot, "password", OTHER_PASSWORD)
        await type_in(pilot, "password_confirm", OTHER_PASSWORD)
        await press(pilot, "enter")
        assert isinstance(app.screen, CodeScreen)  # the code is refused with the password
        await notice_says(pilot, "Erreur : Code incorrect ou expiré.")
    assert mails_to(services, "personne@exemple.fr") == []


async def test_new_passwords_that_differ(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_reset(pilot)
        await ask_code(pilot)
        await type_in(pilot, "code", last_code(services))
        await press(pilot, "enter")
        await type_in(pilot, "password", OTHER_PASSWORD)
        await type_in(pilot, "password_confirm", "autre chose encore")
        await press(pilot, "enter")
        errors = str(app.screen.query_one(FormErrors).content)
        assert errors == ("Erreur : Confirmer le mot de passe : les deux mots de passe diffèrent.")
        assert focused_id(pilot) == "password_confirm"
        await notice_says(
            pilot, "1 erreur : Confirmer le mot de passe : les deux mots de passe diffèrent."
        )


async def test_a_wrong_code_asks_again_then_goes_on(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_reset(pilot)
        await ask_code(pilot)
        right = last_code(services)
        await type_in(pilot, "code", "000000" if right != "000000" else "111111")
        await press(pilot, "enter")
        await type_in(pilot, "password", OTHER_PASSWORD)
        await type_in(pilot, "password_confirm", OTHER_PASSWORD)
        await press(pilot, "enter")
        assert isinstance(app.screen, CodeScreen)
        await notice_says(pilot, "Erreur : Code incorrect ou expiré.")
        await type_in(pilot, "code", right)
        await press(pilot, "enter")  # the passwords typed are used: done
        assert isinstance(app.screen, LoginScreen)
        await notice_says(pilot, "Mot de passe modifié : connectez-vous.")


async def test_invalid_address(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_reset(pilot, "pas une adresse")
        await submit(pilot, "send")
        assert isinstance(app.screen, ResetScreen)
        assert "adresse e-mail invalide" in str(app.screen.query_one(FormErrors).content)
        assert focused_id(pilot) == "email"
