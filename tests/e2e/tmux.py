"""The real `pass-tui` in a tmux session, read with `tmux capture-pane`, with bounded waits
on what the screen shows. Shared by the tmux end-to-end tests."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

__all__ = ["WAIT_S", "Terminal", "flat", "pass_tui_command"]

WAIT_S = 15.0

# Not inside the tmux we may be run from; a terminal type every test expects; no COLUMNS
# or LINES (pytest-xdist gives its workers its own terminal's: a test that wants them in
# the app's environment says so).
_ENV = {
    **{
        name: value
        for name, value in os.environ.items()
        if name not in {"TMUX", "COLUMNS", "LINES"}
    },
    "TERM": "xterm-256color",
    "LANG": "C.UTF-8",
}


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
        self._socket_dir = Path(tempfile.mkdtemp(prefix="pass-tui-tmux-"))
        width, height = size
        if env:
            command = ["env", *(f"{name}={value}" for name, value in env.items()), *command]
        # The app starts once the pane has its final size: a program that read the size
        # of a pane still being sized would draw for the wrong terminal.
        wait_size = f'while [ "$(stty size)" != "{height} {width}" ]; do sleep 0.05; done'
        shell = f"{wait_size}; {shlex.join(command)}; echo EXITED $?; sleep 30"
        self._tmux(
            "-f", "/dev/null",  # no user configuration
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), shell,
        )  # fmt: skip

    def _tmux(self, *args: str) -> str:
        """Run tmux on this terminal's own server (a private socket: other tmux sessions on
        the machine, and the other tests, neither see nor resize it)."""
        done = subprocess.run(
            ["tmux", "-S", str(self._socket_dir / "socket"), *args],
            capture_output=True,
            text=True,
            check=True,
            env=_ENV,
        )
        return done.stdout

    def screen(self, *, styles: bool = False) -> str:
        """The pane as text; with ``styles``, with the escape sequences of its colours
        and attributes too."""
        return self._tmux("capture-pane", "-p", *(["-e"] if styles else []), "-t", self.name)

    def cursor_line(self) -> str:
        """The line the terminal cursor is on: what a screen reader reads."""
        row = self._tmux("display-message", "-p", "-t", self.name, "#{cursor_y}")
        return self.screen().splitlines()[int(row.strip())]

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.name, key)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def wait_for(self, predicate: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + WAIT_S
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.05)  # polling interval, not a fixed wait
        size = self._tmux("display-message", "-p", "-t", self.name, "#{pane_width}x#{pane_height}")
        raise AssertionError(f"timed out waiting for {what}; {size.strip()} screen:\n{screen}")

    def wait_text(self, text: str) -> str:
        """Wait for ``text`` on the screen, wherever the app wrapped it: runs of spaces and
        line breaks count as one space (a sentence's wrap point moves with what precedes it)."""
        wanted = flat(text)
        return self.wait_for(lambda screen: wanted in flat(screen), repr(text))

    def close(self) -> None:
        subprocess.run(
            ["tmux", "-S", str(self._socket_dir / "socket"), "kill-server"], check=False, env=_ENV
        )
        shutil.rmtree(self._socket_dir, ignore_errors=True)


def flat(text: str) -> str:
    """``text`` with every run of white space, line breaks included, as one space."""
    return " ".join(text.split())
