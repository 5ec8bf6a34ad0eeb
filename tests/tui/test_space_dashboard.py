"""The candidate space's dashboard: its sections and their explanations, the account's
address and whether it is confirmed, confirming it, Déconnexion."""

from __future__ import annotations

from textual.widgets import Button

from pass_tui.data.services import Services
from pass_tui.screens.help import HelpScreen
from pass_tui.screens.search import SearchScreen
from pass_tui.screens.space.code import CodeScreen
from pass_tui.screens.space.credentials import CredentialsScreen
from pass_tui.screens.space.dashboard import SpaceScreen

from .helpers import SIZE, assert_no_decoration, press, screen_text, settle
from .space_helpers import (
    EMAIL,
    focused_id,
    last_code,
    login,
    make_account,
    notice_says,
    submit,
    type_in,
)


async def open_space(pilot, services: Services) -> None:
    await settle(pilot)
    pilot.app.session = login(services)
    await press(pilot, "ctrl+e")
    assert isinstance(pilot.app.screen, SpaceScreen)


async def test_sections_with_their_explanations(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_space(pilot, services)
        lines = [" ".join(line.split()) for line in screen_text(app).splitlines()]
        assert "PASS · Mon espace candidat" in lines
        assert f"Identifiant : {EMAIL} (adresse confirmée)" in lines
        for line in (
            "Ma fiche candidat Vos coordonnées et vos souhaits.",
            "Mes pièces jointes Vos CV, lettres et autres documents.",
            "Mes identifiants Adresse e-mail et mot de passe.",
            "Retour à la recherche",
            "Déconnexion",
        ):
            assert line in lines, line
        assert "Confirmer mon adresse" not in screen_text(app)
        assert focused_id(pilot) == "profile"
        assert_no_decoration(app)
        order = []
        for _ in range(5):
            order.append(focused_id(pilot))
            await press(pilot, "tab")
        assert order == ["profile", "attachments", "credentials", "back", "logout"]


async def test_confirm_the_address_from_the_space(make_app, services: Services) -> None:
    make_account(services, confirmed=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_space(pilot, services)
        assert f"Identifiant : {EMAIL} (adresse non confirmée)" in screen_text(app)
        confirm = app.screen.query_one("#confirm", Button)
        assert confirm.display and "Confirmer mon adresse" in screen_text(app)
        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, HelpScreen)
        assert "  c : Confirmer mon adresse" in app.screen.lines
        await press(pilot, "escape")
        await press(pilot, "c")
        assert isinstance(app.screen, CodeScreen)
        await type_in(pilot, "code", last_code(services))
        await press(pilot, "enter")
        assert isinstance(app.screen, SpaceScreen)
        await notice_says(pilot, "Votre adresse est confirmée.")
        assert f"Identifiant : {EMAIL} (adresse confirmée)" in screen_text(app)
        assert "Confirmer mon adresse" not in screen_text(app)
        assert services.accounts.is_confirmed(app.session)
        await press(pilot, "c")  # confirmed: nothing to confirm any more
        assert isinstance(app.screen, SpaceScreen)
        await press(pilot, "ctrl+g")  # nor in the help, not even as "unavailable"
        assert isinstance(app.screen, HelpScreen)
        assert "  i : Mes identifiants" in app.screen.lines
        assert not [line for line in app.screen.lines if "Confirmer mon adresse" in line]


async def test_log_out_from_the_code_screen(make_app, services: Services) -> None:
    make_account(services, confirmed=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_space(pilot, services)
        await press(pilot, "c")
        assert isinstance(app.screen, CodeScreen)
        assert "Déconnexion" in screen_text(app)
        await submit(pilot, "logout")
        assert isinstance(app.screen, SearchScreen) and app.session is None


async def test_log_out_with_the_button_and_the_key(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_space(pilot, services)
        session = app.session
        await submit(pilot, "logout")
        assert isinstance(app.screen, SearchScreen)
        assert app.session is None
        await notice_says(pilot, "Vous êtes déconnecté.")
        assert focused_id(pilot) == "keywords"
        await open_space(pilot, services)
        await press(pilot, "ctrl+d")
        assert isinstance(app.screen, SearchScreen) and app.session is None
    assert session is not None
    try:
        services.accounts.is_confirmed(session)
    except Exception as error:
        assert type(error).__name__ == "SessionEnded"
    else:
        raise AssertionError("the session still works after Déconnexion")


async def test_sections_open_and_come_back(make_app, services: Services) -> None:
    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_space(pilot, services)
        await press(pilot, "i")
        assert isinstance(app.screen, CredentialsScreen)
        await submit(pilot, "back")
        assert isinstance(app.screen, SpaceScreen)
        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, HelpScreen)
        assert "Ctrl+D : Me déconnecter" in screen_text(app)
        await press(pilot, "q")
        assert isinstance(app.screen, SpaceScreen)
        await press(pilot, "r")
        assert isinstance(app.screen, SearchScreen)
        assert app.session is not None  # "Retour" keeps the candidate logged in


async def test_the_fiche_and_the_attachments_open_from_here(make_app, services: Services) -> None:
    from pass_tui.screens.space.attachments import AttachmentsScreen
    from pass_tui.screens.space.profile import ProfileScreen

    make_account(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_space(pilot, services)
        await submit(pilot, "profile")
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.session == app.session
        await submit(pilot, "back")
        assert isinstance(app.screen, SpaceScreen)
        await press(pilot, "j")
        assert isinstance(app.screen, AttachmentsScreen)
        await submit(pilot, "logout")  # Déconnexion there too
        assert isinstance(app.screen, SearchScreen) and app.session is None
