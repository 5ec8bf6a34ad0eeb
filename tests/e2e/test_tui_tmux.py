"""The real `pass-tui` process in tmux at 80×24: search → results → open → next →
previous → back, read from the terminal with `tmux capture-pane`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from tmux import Terminal, pass_tui_command

from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from tests.factories import make_offers

pytestmark = pytest.mark.e2e


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    services = Services(data_dir, settings=Settings())
    services.catalogue.upsert(make_offers(date.today()))
    term = Terminal(pass_tui_command(data_dir))
    try:
        yield term
    finally:
        term.close()


def test_search_open_next_previous_back(terminal: Terminal) -> None:
    terminal.wait_text("offres correspondent aux critères choisis")
    terminal.type("apprenti")
    terminal.keys("Enter")
    screen = terminal.wait_text("Nombre de résultats : 6 offres")
    assert "Critères sélectionnés" in screen
    terminal.wait_for(
        lambda _screen: terminal.cursor_line().strip().startswith("Apprenti(e) développeur web"),
        "the cursor on the first offer",
    )

    terminal.keys("Down")
    terminal.wait_text("Offre 2 sur 6 : Apprentissage, Préfecture de Lyon")
    assert terminal.cursor_line().strip().startswith("Apprenti(e) agent d'entretien")
    terminal.keys("Enter")
    screen = terminal.wait_text(
        "Intitulé du poste : Apprenti(e) agent d'entretien des espaces verts"
    )
    assert "Offre 2 sur 6\n" in screen or "Offre 2 sur 6 " in screen

    terminal.keys("n")
    screen = terminal.wait_text("Offre 3 sur 6")
    assert "Intitulé du poste : Apprenti(e) comptable" in screen
    terminal.keys("p")
    terminal.wait_text("Offre 2 sur 6")

    terminal.keys("l")
    terminal.wait_text("Nombre de résultats : 6 offres")
    terminal.wait_for(
        lambda _screen: terminal.cursor_line().strip().startswith("Apprenti(e) agent d'entretien"),
        "the cursor back on the offer that was open",
    )

    # Nothing on any line is cut mid-word: lines end with a whole word or "…".
    for line in screen.splitlines():
        assert len(line) <= 80

    terminal.keys("C-q")
    terminal.wait_text("EXITED 0")
