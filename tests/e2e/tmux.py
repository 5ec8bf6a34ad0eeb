"""The real `pass-tui` in a tmux session, read with `tmux capture-pane`, with bounded waits
on what the screen shows. Shared by the tmux end-to-end tests."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

__all__ = ["WAIT_S", "Terminal", "pass_tui_command"]

WAIT_S = 15.0


def pass_tui_command(data_dir: Path) -> list[str]:
    """The installed `pass-tui` script (else `python -m pass_tui`) on ``data_dir``."""
    script = Path(sys.executable).parent / "pass-tui"
    if script.exists():
        return [str(script), "--data-dir", str(data_dir)]
    return [sys.executable, "-m", "pass_tui", "--data-dir", str(data_dir)]


class Terminal:
    """One tmux session running a command, with bounded waits on what the screen shows.

    ``env`` is set in the command's own environment (``env NAME=value command``): tmux
    gives the programs of a pane the TERM of its own choosing otherwise."""

    def __init__(
        self,
        command: list[str],
        size: tuple[int, int] = (80, 24),
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.name = f"pass-tui-e2e-{uuid.uuid4().hex[:8]}"
        width, height = size
        if env:
            command = ["env", *(f"{name}={value}" for name, value in env.items()), *command]
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

    def screen(self, *, styles: bool = False) -> str:
        """The pane as text; with ``styles``, with the escape sequences of its colours
        and attributes too."""
        done = subprocess.run(
            ["tmux", "capture-pane", "-p", *(["-e"] if styles else []), "-t", self.name],
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
