"""The code screen: a wrong or short code, another code (the first one void), too many
tries, "Plus tard"."""

from __future__ import annotations

from pass_tui.data.services import Services
from pass_tui.screens.space.code import CodeConfirmed, CodeScreen
from pass_tui.screens.space.dashboard import SpaceScreen

from .helpers import SIZE, assert_no_decoration, press, screen_text, settle
from .space_helpers import (
    EMAIL,
    PASSWORD,
    focused_id,
    last_code,
    mails_to,
    notice_says,
    submit,
    type_in,
)


async def open_code(pilot, services: Services) -> list[CodeConfirmed | None]:
    """A code screen for a fresh sign-up, above the search form; returns where its
    result lands."""
    await settle(pilot)
    pending = services.accounts.signup(EMAIL, EMAIL, PASSWORD, PASSWORD)
    results: list[CodeConfirmed | None] = []
    pilot.app.push_screen(CodeScreen(pending, services.accounts.confirm_signup), results.append)
    await settle(pilot)
    return results


async def test_the_screen(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_code(pilot, services)
        lines = [line.strip() for line in screen_text(app).splitlines()]
        for line in ("Code reçu :", "Valider", "Renvoyer un code", "Plus tard"):
            assert line in lines
        assert "Déconnexion" not in lines  # nobody is logged in
        assert focused_id(pilot) == "code"
        assert_no_decoration(app)


async def test_wrong_and_short_codes(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        results = await open_code(pilot, services)
        right = last_code(services)
        wrong = "000000" if right != "000000" else "111111"
        await type_in(pilot, "code", wrong)
        await press(pilot, "enter")
        await notice_says(pilot, "Erreur : Code incorrect ou expiré.")
        assert app.screen.query_one("#code").value == ""
        assert focused_id(pilot) == "code"
        await type_in(pilot, "code", "123")
        await press(pilot, "enter")
        await notice_says(pilot, "Erreur : le code a 6 chiffres.")
        await type_in(pilot, "code", "abc")  # only digits are typed
        assert app.screen.query_one("#code").value == ""
        await type_in(pilot, "code", right)
        await press(pilot, "enter")
        assert len(results) == 1 and isinstance(results[0], CodeConfirmed)
        assert results[0].result.email == EMAIL


async def test_another_code_voids_the_first(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        results = await open_code(pilot, services)
        first = last_code(services)
        await submit(pilot, "resend")
        await notice_says(pilot, f"Un nouveau code a été envoyé à {EMAIL}.")
        assert len(mails_to(services, EMAIL)) == 2
        second = last_code(services)
        if second != first:
            await type_in(pilot, "code", first)
            await press(pilot, "enter")
            await notice_says(pilot, "Erreur : Code incorrect ou expiré.")
        await type_in(pilot, "code", second)
        await press(pilot, "enter")
        assert results and isinstance(results[0], CodeConfirmed)


async def test_too_many_tries(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_code(pilot, services)
        right = last_code(services)
        wrong = "000000" if right != "000000" else "111111"
        for _ in range(4):
            await type_in(pilot, "code", wrong)
            await press(pilot, "enter")
        await type_in(pilot, "code", wrong)
        await press(pilot, "enter")
        await notice_says(pilot, "Erreur : Trop d'essais : demandez un nouveau code.")
        await type_in(pilot, "code", right)  # too late for this one
        await press(pilot, "enter")
        assert isinstance(app.screen, CodeScreen)


async def test_later_and_the_resend_key(make_app, services: Services) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        results = await open_code(pilot, services)
        app.screen.query_one("#validate").focus()
        await press(pilot, "r")  # outside the field, r sends another code
        await notice_says(pilot, f"Un nouveau code a été envoyé à {EMAIL}.")
        await submit(pilot, "later")
        assert results == [None]
        assert not isinstance(app.screen, SpaceScreen)
