"""The real `pass-tui` in tmux, at 80×24 and 60×20: sign up, read the code in the outbox
as the candidate reads their mail, confirm it, log out, log in again, fill the fiche
candidat and add a CV with the file picker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from tmux import Terminal, pass_tui_command

from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from tests.factories import make_offers
from tests.tui.space_helpers import EMAIL, PASSWORD, last_code

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    Services(data_dir, settings=Settings()).catalogue.upsert(make_offers(date.today()))
    return data_dir


@pytest.fixture(params=[(80, 24), (60, 20)], ids=["80x24", "60x20"])
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def terminal(size: tuple[int, int], data_dir: Path) -> Iterator[Terminal]:
    # COLUMNS and LINES of the other size, as a login script or a parent program may leave
    # them: the app must draw for the terminal it is in, not for these.
    other = (80, 24) if size == (60, 20) else (60, 20)
    stale = {"COLUMNS": str(other[0]), "LINES": str(other[1])}
    term = Terminal(pass_tui_command(data_dir), size=size, env=stale)
    try:
        yield term
    finally:
        term.close()


def check(screen: str, width: int) -> None:
    """Nothing wider than the terminal, and the password never on screen."""
    assert all(len(line) <= width for line in screen.splitlines()), screen
    assert PASSWORD not in screen


def on(terminal: Terminal, label: str) -> None:
    """Wait until the terminal cursor is on the line starting with ``label`` (the focus)."""
    terminal.wait_for(
        lambda _screen: terminal.cursor_line().strip().startswith(label), f"the focus on {label!r}"
    )


def test_sign_up_confirm_log_out_log_in_fill_the_fiche_add_a_cv(
    terminal: Terminal, data_dir: Path, size: tuple[int, int], tmp_path: Path
) -> None:
    # The first screen whole (a capture can fall mid-frame): the footer on the last row,
    # which a frame drawn for another size never puts there, and the heading on the first.
    height = size[1]
    first = terminal.wait_for(
        lambda screen: (
            "offres correspond" in screen
            and len(screen.splitlines()) == height
            and screen.splitlines()[-1].startswith("Ctrl+G Aide")
        ),
        "the search form, footer on the last row",
    )
    screens = [first]
    assert first.splitlines()[0].strip() == "PASS · Rechercher une offre", first
    terminal.keys("C-e")
    screens.append(terminal.wait_text("Se connecter à mon espace candidat"))
    for _ in range(5):
        terminal.keys("Tab")
    on(terminal, "Je me crée un espace candidat")
    terminal.keys("Enter")
    screens.append(terminal.wait_text("Confirmer le mot de passe :"))
    for label, text in (
        ("Identifiant", EMAIL),
        ("Confirmer l'identifiant", EMAIL),
        ("Mot de passe", PASSWORD),
        ("Confirmer le mot de passe", PASSWORD),
    ):
        on(terminal, label)
        terminal.type(text)
        terminal.keys("Enter")
    screen = terminal.wait_text("Un code à 6 chiffres a été envoyé à")
    screens.append(screen)
    assert "Code reçu :" in screen

    services = Services(data_dir, settings=Settings())
    on(terminal, "Code reçu")
    terminal.type(last_code(services, EMAIL))
    terminal.keys("Enter")
    screen = terminal.wait_text("(adresse confirmée)")
    screens.append(screen)
    for section in ("Ma fiche candidat", "Mes pièces jointes", "Mes identifiants"):
        assert section in screen
    assert "Déconnexion" in screen

    terminal.keys("C-d")
    screens.append(terminal.wait_text("Vous êtes déconnecté."))
    terminal.keys("C-e")
    screens.append(terminal.wait_text("Se connecter à mon espace candidat"))
    on(terminal, "Identifiant")
    terminal.type(EMAIL)
    terminal.keys("Tab")
    on(terminal, "Mot de passe")
    terminal.type(PASSWORD)
    screen = terminal.wait_text("Mot de passe :  " + "•" * len(PASSWORD))
    screens.append(screen)
    terminal.keys("Enter")
    screens.append(terminal.wait_text("Identifiant : " + EMAIL + " (adresse confirmée)"))

    # Ma fiche candidat, answered by keys (f from the dashboard), sent with Ctrl+S.
    terminal.keys("f")
    screens.append(terminal.wait_text("Madame : non sélectionné"))
    on(terminal, "Civilité")
    terminal.keys("Down")
    on(terminal, "Madame")
    terminal.keys("Space")
    terminal.wait_text("Madame : sélectionné")
    for label, text in (("Nom", "Dupont"), ("Prénom", "Camille")):
        terminal.keys("Tab")
        on(terminal, label)
        terminal.type(text)
    terminal.keys("Tab", "Tab", "Tab")
    on(terminal, "Domaine fonctionnel principal")
    terminal.keys("Down")
    on(terminal, "Accueil")
    terminal.keys("Space")
    terminal.wait_text(": sélectionné")
    terminal.keys("Tab", "Tab", "Tab")
    on(terminal, "Vous êtes")
    terminal.keys("Down")
    on(terminal, "À la recherche d'un apprentissage")
    terminal.keys("Space")
    terminal.keys("Tab", "Tab")
    on(terminal, "J'accepte les conditions générales")
    terminal.keys("Space")
    terminal.wait_for(lambda _screen: terminal.cursor_line().rstrip().endswith(": coché"), "ticked")
    terminal.keys("C-s")
    screen = terminal.wait_text("Votre fiche est enregistrée.")
    screens.append(screen)
    assert "Nom : Dupont" in screen and "Prénom : Camille" in screen
    assert Services(data_dir, settings=Settings()).accounts.store.count() == 1

    # Back to the dashboard, then Mes pièces jointes (j): add a CV with the file picker.
    terminal.keys("Tab")
    on(terminal, "Retour")
    terminal.keys("Enter")
    terminal.wait_text("(adresse confirmée)")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes((FIXTURES / "documents" / "cv.pdf").read_bytes())
    terminal.keys("j")
    screens.append(terminal.wait_text("Mes CV (0 sur 5)"))
    # "a" and the path in one burst, as a fast typist does: the path waits for the
    # picker, and goes after the folder already in its field (no Ctrl+U) yet is the one
    # used.
    terminal.keys("a")
    terminal.type(str(cv))
    terminal.wait_text("Dossier parent")
    terminal.wait_for(lambda _screen: terminal.cursor_line().rstrip().endswith("cv.pdf"), "path")
    terminal.keys("Enter")
    screen = terminal.wait_text("cv.pdf (Par défaut)")
    screens.append(screen)
    assert "Mes CV (1 sur 5)" in screen

    for shown in screens:
        check(shown, size[0])
    terminal.keys("C-q")
    terminal.wait_text("EXITED 0")
