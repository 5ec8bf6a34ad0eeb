"""Mes identifiants: a new address (confirmed by a code sent there, the old one told) and
a new password (the other sessions end), each problem listed."""

from __future__ import annotations

import pytest

from pass_tui.data.errors import SessionEnded
from pass_tui.data.services import Services
from pass_tui.screens.search import SearchScreen
from pass_tui.screens.space.code import CodeScreen
from pass_tui.screens.space.credentials import CredentialsScreen
from pass_tui.widgets.form_errors import FormErrors

from .helpers import SIZE, assert_no_decoration, press, screen_text, settle
from .space_helpers import (
    EMAIL,
    OTHER_PASSWORD,
    PASSWORD,
    focused_id,
    last_code,
    login,
    mails_to,
    make_account,
    notice_says,
    submit,
    type_in,
)

NEW = "dominique@exemple.fr"


async def open_credentials(pilot, services: Services) -> None:
    await settle(pilot)
    pilot.app.session = login(services)
    await press(pilot, "ctrl+e")
    await press(pilot, "i")
    assert isinstance(pilot.app.screen, CredentialsScreen)


def listed(pilot) -> list[str]:
    errors = pilot.app.screen.query_one(FormErrors)
    return str(errors.content).splitlines() if errors.display else []


async def change_email(pilot, new: str, confirm: str, password: str) -> None:
    await type_in(pilot, "new-email", new)
    await type_in(pilot, "new-email-confirm", confirm)
    await type_in(pilot, "email-password", password)
    await press(pilot, "enter")


async def change_password(pilot, old: str, new: str, confirm: str) -> None:
    await type_in(pilot, "old-password", old)
    await type_in(pilot, "new-password", new)
    await type_in(pilot, "new-password-confirm", confirm)
    await press(pilot, "enter")


async def test_the_forms(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_credentials(pilot, services)
        text = screen_text(app)
        assert f"Adresse actuelle : {EMAIL}" in text
        assert focused_id(pilot) == "new-email"
        assert_no_decoration(app)
        labels = []
        for _ in range(10):
            labels.append(focused_id(pilot))
            await press(pilot, "tab")
        assert labels == [
            "new-email",
            "new-email-confirm",
            "email-password",
            "change-email",
            "old-password",
            "new-password",
            "new-password-confirm",
            "change-password",
            "back",
            "logout",
        ]


async def test_change_the_address(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_credentials(pilot, services)
        await change_email(pilot, NEW, NEW, PASSWORD)
        assert isinstance(app.screen, CodeScreen)
        assert f"envoyé à {NEW}" in " ".join(screen_text(app).split())
        await type_in(pilot, "code", last_code(services, NEW))
        await press(pilot, "enter")
        assert isinstance(app.screen, CredentialsScreen)
        await notice_says(pilot, f"Adresse modifiée : votre identifiant est maintenant {NEW}.")
        assert app.session is not None and app.session.email == NEW
        assert f"Adresse actuelle : {NEW}" in screen_text(app)
        await submit(pilot, "back")
        assert f"Identifiant : {NEW}" in screen_text(app)
    assert len(mails_to(services, EMAIL)) >= 2  # the code at sign-up, then "changed"
    login(services, NEW, PASSWORD)


@pytest.mark.parametrize(
    ("values", "field", "problem"),
    [
        pytest.param((NEW, "autre@exemple.fr", PASSWORD), "new-email-confirm",
                     "les deux adresses diffèrent", id="differ"),
        pytest.param((EMAIL, EMAIL, PASSWORD), "new-email", "c'est déjà votre adresse",
                     id="same"),
        pytest.param((NEW, NEW, "pas le bon"), "email-password", "incorrect", id="password"),
        pytest.param(("nouvelle", "nouvelle", PASSWORD), "new-email",
                     "adresse e-mail invalide", id="invalid"),
    ],
)  # fmt: skip
async def test_address_problems(make_app, services: Services, values, field, problem) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_credentials(pilot, services)
        await change_email(pilot, *values)
        lines = listed(pilot)
        assert len(lines) == 1 and problem in lines[0], lines
        assert focused_id(pilot) == field
        await notice_says(pilot, "1 erreur : " + lines[0].removeprefix("Erreur : "))
    assert mails_to(services, NEW) == []


async def test_change_the_password_ends_the_other_sessions(make_app, services: Services) -> None:
    make_account(services)
    elsewhere = login(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_credentials(pilot, services)
        await change_password(pilot, PASSWORD, OTHER_PASSWORD, OTHER_PASSWORD)
        await notice_says(pilot, "Mot de passe modifié. Vos autres sessions sont fermées.")
        assert focused_id(pilot) == "old-password"
        assert all(
            app.screen.query_one(f"#{f}").value == ""
            for f in ("old-password", "new-password", "new-password-confirm")
        )
        assert services.accounts.is_confirmed(app.session)  # this one goes on
    with pytest.raises(SessionEnded):
        services.accounts.is_confirmed(elsewhere)
    login(services, EMAIL, OTHER_PASSWORD)


@pytest.mark.parametrize(
    ("values", "field", "problem"),
    [
        pytest.param(("pas le bon", OTHER_PASSWORD, OTHER_PASSWORD), "old-password",
                     "Mot de passe actuel : incorrect", id="wrong-old"),
        pytest.param((PASSWORD, OTHER_PASSWORD, OTHER_PASSWORD + "x"), "new-password-confirm",
                     "les deux mots de passe diffèrent", id="differ"),
        pytest.param((PASSWORD, "court", "court"), "new-password", "8 caractères au moins",
                     id="short"),
        pytest.param((PASSWORD, EMAIL, EMAIL), "new-password",
                     "ne reprenez pas votre adresse e-mail", id="the-address"),
    ],
)  # fmt: skip
async def test_password_problems(make_app, services: Services, values, field, problem) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_credentials(pilot, services)
        await change_password(pilot, *values)
        lines = listed(pilot)
        assert len(lines) == 1 and problem in lines[0], lines
        assert focused_id(pilot) == field
    login(services, EMAIL, PASSWORD)  # unchanged


async def test_log_out_from_here(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_credentials(pilot, services)
        await submit(pilot, "logout")
        assert isinstance(app.screen, SearchScreen)
        assert app.session is None
        await notice_says(pilot, "Vous êtes déconnecté.")
