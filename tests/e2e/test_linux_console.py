"""`TERM=linux`: the real `pass-tui` in tmux, as on a Linux console, draws only characters
the console's Lat15 font has (tests/fixtures/linux-console-lat15.txt), on every screen of
a search → results → offer → e-mail → help walk."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from tmux import Terminal, pass_tui_command

from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from tests.factories import CONSOLE_CHARSET, make_offers, outside_console

pytestmark = pytest.mark.e2e


@pytest.fixture
def console(tmp_path: Path) -> Iterator[Terminal]:
    """pass-tui at 80×24 with TERM=linux in its environment."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    Services(data_dir, settings=Settings()).catalogue.upsert(make_offers(date.today()))
    term = Terminal(pass_tui_command(data_dir), env={"TERM": "linux", "LANG": "C.UTF-8"})
    try:
        yield term
    finally:
        term.close()


def drawable(screen: str, where: str) -> str:
    """``screen``, once checked to hold only characters the Linux console can draw."""
    assert not outside_console(screen), f"{where}: {sorted(outside_console(screen))}\n{screen}"
    return screen


def test_every_screen_draws_on_a_linux_console(console: Terminal) -> None:
    assert len(CONSOLE_CHARSET) > 200  # the fixture was read
    screens = [drawable(console.wait_text("offres correspondent aux critères"), "search form")]
    # The app saw TERM=linux: the 16 colours of the console, no 256-colour or RGB ones.
    assert not re.search(r"\x1b\[[34]8;[25];", console.screen(styles=True))
    console.type("apprenti")
    console.keys("Enter")
    screens.append(drawable(console.wait_text("Offre 1 sur 6 :"), "results"))
    console.keys("Enter")
    screens.append(drawable(console.wait_text("Intitulé du poste :"), "offer"))
    console.keys("e")
    screens.append(drawable(console.wait_text("Adresse e-mail du destinataire"), "e-mail"))

    # The check sees a character the font lacks: one typed into the address field.
    console.type("\u2713")
    typed = console.wait_text("\u2713")
    assert outside_console(typed) == {"\u2713"}
    with pytest.raises(AssertionError):
        drawable(typed, "e-mail, a check mark typed")

    console.keys("Escape")
    console.wait_for(lambda screen: "Adresse e-mail" not in screen, "the dialog closed")
    console.keys("C-g")
    screens.append(drawable(console.wait_text("les touches de cet écran"), "help"))
    assert "é" in "".join(screens)  # accents are drawn, not replaced

    console.keys("C-q")
    console.wait_text("EXITED 0")
