"""Hear the real `pass-tui` through a real screen reader: Fenrir in PTY mode, in tmux.

    tmux pane (80×24) ── fenrir (PTY screen + keyboard drivers) ── pass-tui

tmux gives Fenrir a terminal; Fenrir runs pass-tui in a pseudo-terminal of its own,
copies its output to the pane, reads it with its terminal emulator (pyte) and "speaks"
through its generic speech driver, whose command appends each utterance to a log. Keys
sent with `tmux send-keys` reach Fenrir first, exactly as a user's keys do: Fenrir keeps
its own shortcuts (F1, F5, a bare Escape...) and passes the rest to pass-tui.

    reader = Reader.start(["--data-dir", str(data)], workdir=tmp_path / "fenrir")
    reader.keys("Tab")          # -> ["Lancer ma recherche"]: what Fenrir said after Tab
    reader.screen()             # the pane as text
    reader.close()

Everything lives in ``workdir``: Fenrir's settings (a copy of the Debian package's
/etc/fenrirscreenreader/settings/settings.conf with the PTY drivers, the log speech
command, sound and braille off), its debug file, the speech log, the tmux socket and
the pid files. Nothing outside the repository is used except the `fenrir` and `tmux`
commands (Debian packages `fenrir` and `tmux`); a missing one is an error, never a skip.

Timing: `keys` and `type` return once the screen, the cursor and the speech log have
all stayed unchanged for `SETTLE_S` (0.4 s; env PASS_TUI_FENRIR_SETTLE), or after
`QUIET_S` (1.5 s) if nothing changed at all (a key Fenrir kept for itself); every wait
is bounded by `TIMEOUT_S`. About 0.5 s per key that changes the screen, 1.5 s per key
that changes nothing, 1.5–2 s to start.

What Fenrir says after a key (fenrirscreenreader 1.9.5, default settings): if some
line's text changed, every changed line, in full ("incoming" text); otherwise, if the
cursor changed row, the cursor's line; otherwise, if it moved along its row, the word or
character there. Colour-only changes are silent. Each chunk of output Fenrir reads is
judged on its own, so a frame read in two pieces can add a stale line. Speech is what
Fenrir *started* to say: a cursor line interrupts whatever is still being spoken, so an
utterance followed by a cursor line was cut short for a listener (see `meaningful`).
Sound is off, so Fenrir's sound icons are spoken as words ("has attribute").
"""

from __future__ import annotations

import configparser
import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

__all__ = [
    "GLYPH_RANGES",
    "Reader",
    "assert_no_glyphs",
    "glyphs_in",
    "meaningful",
    "pass_tui_command",
]

FENRIR_SETTINGS = Path("/etc/fenrirscreenreader/settings/settings.conf")
PTY_KEYBOARD = Path("/etc/fenrirscreenreader/keyboard/pty.conf")

SETTLE_S = float(os.environ.get("PASS_TUI_FENRIR_SETTLE", "0.4"))
"""Quiet time (no new speech, no screen change) after which speech counts as finished."""
QUIET_S = 1.5
"""How long `keys` waits for a first reaction before deciding the key changed nothing."""
TIMEOUT_S = 20.0
"""Upper bound of every wait."""
POLL_S = 0.05

_RS = "\x1e"  # ends each utterance in the speech log (an utterance is one line anyway)

# Decoration that must never be spoken: box drawing, block elements (Textual's borders and
# scrollbars), braille (spinners).
GLYPH_RANGES = ((0x2500, 0x257F), (0x2580, 0x259F), (0x2800, 0x28FF))


def pass_tui_command(*args: str) -> list[str]:
    """The command line running this checkout's pass-tui: the venv's `pass-tui` script
    next to the running Python, else ``python -m pass_tui``."""
    script = Path(sys.executable).parent / "pass-tui"
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "pass_tui", *args]


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise RuntimeError(
            f"`{tool}` is not installed: the Fenrir end-to-end tests need the Debian packages "
            "`fenrir` and `tmux` (apt-get install fenrir tmux)"
        )
    return path


def _utf8_locale() -> str:
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return value if "utf" in value.lower().replace("-", "") else "C.UTF-8"
    return "C.UTF-8"


class Reader:
    """One pass-tui process under Fenrir in a private tmux server. Use `start`."""

    def __init__(self, workdir: Path, size: tuple[int, int]) -> None:
        self.workdir = workdir
        self.size = size
        self.socket = workdir / "tmux.sock"
        self._socket_dir: Path | None = None
        if len(str(self.socket)) > 100:  # AF_UNIX paths are limited to 107 bytes
            self._socket_dir = Path(tempfile.mkdtemp(prefix="fenrir-"))
            self.socket = self._socket_dir / "tmux.sock"
        self.speech_log = workdir / "spoken.log"
        self.debug_log = workdir / "fenrir-debug.log"
        self.stderr_log = workdir / "fenrir-stderr.log"
        self.startup: list[str] = []
        """What Fenrir said from its start until pass-tui's first screen had settled."""
        self._mark = 0
        self._closed = False

    # -- start ----------------------------------------------------------------------------
    @classmethod
    def start(
        cls,
        args: Sequence[str] = (),
        *,
        workdir: Path,
        size: tuple[int, int] = (80, 24),
        command: Sequence[str] | None = None,
        env: dict[str, str] | None = None,
        ready: Callable[[str], bool] | str | None = None,
    ) -> Reader:
        """Start Fenrir running pass-tui with ``args`` (or any ``command``) in a
        ``size`` = (columns, rows) tmux pane; return once the app's first screen is
        drawn (``ready``: a predicate on the screen text, or a text it must show;
        default: any text) and the speech has settled."""
        _require("tmux")
        fenrir = _require("fenrir")
        if not FENRIR_SETTINGS.exists():
            raise RuntimeError(f"{FENRIR_SETTINGS} is missing: install the Debian package fenrir")
        workdir.mkdir(parents=True, exist_ok=True)
        reader = cls(workdir, size)
        reader._write_files(list(command or pass_tui_command(*args)), fenrir, env or {})
        reader._launch()
        try:
            if ready is None:
                reader.wait_for_screen(lambda s: s.strip() != "", "pass-tui's first screen")
            elif isinstance(ready, str):
                text = ready
                reader.wait_for_screen(lambda s: text in s, repr(text))
            else:
                reader.wait_for_screen(ready, "the first screen to be ready")
            reader.startup = reader._settle(0, quiet=0.0)
        except BaseException:
            reader.close()
            raise
        return reader

    def _write_files(self, command: list[str], fenrir: str, env: dict[str, str]) -> None:
        d = self.workdir
        say, run, launch = d / "say", d / "run", d / "launch"
        # Speech: one utterance per call; appended whole, then the record separator.
        say.write_text(
            f"#!/bin/sh\nprintf '%s\\036' \"$1\" >> {shlex.quote(str(self.speech_log))}\n"
        )
        # The program Fenrir runs in its pseudo-terminal (Fenrir sets TERM=linux).
        exports = "".join(f"export {k}={shlex.quote(v)}\n" for k, v in sorted(env.items()))
        run.write_text(
            "#!/bin/sh\n"
            f"echo $$ > {shlex.quote(str(d / 'app.pid'))}\n"
            f"cd {shlex.quote(os.getcwd())}\n"
            f"{exports}"
            f"exec {shlex.join(command)}\n"
        )
        launch.write_text(
            "#!/bin/sh\n"
            f"echo $$ > {shlex.quote(str(d / 'fenrir.pid'))}\n"
            f"exec {shlex.quote(fenrir)} -s {shlex.quote(str(d / 'settings.conf'))}"
            f" 2>> {shlex.quote(str(self.stderr_log))}\n"
        )
        for script in (say, run, launch):
            script.chmod(0o755)
        # The pane is exactly `size` (no status line) and stays after Fenrir exits, so a
        # crash can be reported with its screen.
        (d / "tmux.conf").write_text("set -g status off\nset -g remain-on-exit on\n")
        self.speech_log.write_bytes(b"")

        # Fenrir's settings: the packaged defaults, with the drivers of its PTY mode (what
        # `fenrir -e` sets, minus its fixed /tmp debug file) and speech to the log.
        config = configparser.RawConfigParser(interpolation=None)
        config.optionxform = str  # type: ignore[assignment,method-assign]
        config.read(FENRIR_SETTINGS)

        def put(section: str, option: str, value: str) -> None:
            if not config.has_section(section):
                config.add_section(section)
            config.set(section, option, value.replace("%", "%%"))

        put("screen", "driver", "ptyDriver")
        put("keyboard", "driver", "ptyDriver")
        put("keyboard", "keyboardLayout", str(PTY_KEYBOARD) if PTY_KEYBOARD.exists() else "pty")
        put("speech", "driver", "genericDriver")
        put("speech", "genericSpeechCommand", f'{shlex.quote(str(say))} "fenrirText"')
        put("sound", "enabled", "False")
        put("braille", "enabled", "False")
        put("general", "shell", shlex.quote(str(run)))
        put("general", "debugFile", str(self.debug_log))
        put("remote", "driver", "dummyDriver")  # no control socket in /tmp
        with open(d / "settings.conf", "w") as f:
            config.write(f)

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            check=check,
            env=self._tmux_env(),
        )

    def _tmux_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("TMUX", None)  # we may run inside someone's tmux
        env["TERM"] = "xterm-256color"
        env["LANG"] = _utf8_locale()
        env.pop("LC_ALL", None)
        return env

    def _launch(self) -> None:
        columns, rows = self.size
        self._tmux(
            "-f",
            str(self.workdir / "tmux.conf"),
            "new-session",
            "-d",
            "-s",
            "fenrir",
            "-x",
            str(columns),
            "-y",
            str(rows),
            str(self.workdir / "launch"),
        )
        # Fenrir's first words prove it runs and speaks.
        self._wait(lambda: bool(self._utterances()), "Fenrir to start speaking")

    # -- reading --------------------------------------------------------------------------
    def _utterances(self) -> list[str]:
        try:
            data = self.speech_log.read_bytes().decode("utf-8", errors="replace")
        except FileNotFoundError:
            return []
        return data.split(_RS)[:-1]  # the last piece is empty or still being written

    def said(self) -> list[str]:
        """Every utterance since Fenrir started, in order (Fenrir's own "Start Fenrir"
        first), as logged: no waiting."""
        return self._utterances()

    def screen(self) -> str:
        """The pane as text (what the user sees), one line per row."""
        return self._tmux("capture-pane", "-p", "-t", "fenrir").stdout

    def cursor(self) -> tuple[int, int]:
        """The terminal cursor as (column, row), 0-based: what Fenrir reads from."""
        out = self._tmux("display-message", "-p", "-t", "fenrir", "#{cursor_x} #{cursor_y}")
        x, y = out.stdout.split()
        return int(x), int(y)

    def screen_with_cursor(self) -> str:
        """The screen with the cursor's row marked "►" in a left margin (for messages)."""
        _x, y = self.cursor()
        rows = self.screen().rstrip("\n").split("\n")
        return "\n".join(("► " if n == y else "  ") + row for n, row in enumerate(rows))

    def _state(self) -> tuple[str, int]:
        # One tmux call: the screen and the cursor position (a moved cursor is a change).
        out = self._tmux(
            "capture-pane",
            "-p",
            "-t",
            "fenrir",
            ";",
            "display-message",
            "-p",
            "-t",
            "fenrir",
            "#{cursor_x} #{cursor_y}",
            check=False,
        ).stdout
        return out, len(self._utterances())

    # -- waiting --------------------------------------------------------------------------
    def _check_alive(self) -> None:
        if self._tmux("has-session", "-t", "fenrir", check=False).returncode != 0:
            raise AssertionError(f"the tmux session is gone{self._diagnostics()}")
        dead = self._tmux("display-message", "-p", "-t", "fenrir", "#{pane_dead}", check=False)
        if dead.stdout.strip() == "1":
            raise AssertionError(f"Fenrir exited{self._diagnostics()}")

    def _diagnostics(self) -> str:
        parts = []
        with contextlib.suppress(Exception):
            parts.append("screen:\n" + self.screen_with_cursor())
        parts.append("speech: " + repr(self._utterances()[-12:]))
        if self.stderr_log.exists() and self.stderr_log.stat().st_size:
            parts.append("fenrir stderr:\n" + self.stderr_log.read_text(errors="replace")[-2000:])
        return "\n" + "\n".join(parts)

    def _wait(self, done: Callable[[], bool], what: str, timeout: float = TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                self._check_alive()
                raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(POLL_S)

    def wait_for_screen(
        self, predicate: Callable[[str], bool], what: str, timeout: float = TIMEOUT_S
    ) -> str:
        """Poll the screen until ``predicate(screen)``; return that screen. Raises
        AssertionError naming ``what``, with the screen and recent speech, on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                self._check_alive()
                raise AssertionError(
                    f"timed out after {timeout:.0f} s waiting for {what}{self._diagnostics()}"
                )
            time.sleep(POLL_S)

    def _settle(
        self, start: int, *, settle: float | None = None, quiet: float = QUIET_S
    ) -> list[str]:
        """Wait until screen, cursor and speech stay unchanged for ``settle`` seconds
        (after a first change, or after ``quiet`` seconds without any); return the
        utterances after index ``start`` and move the mark past them."""
        settle = SETTLE_S if settle is None else settle
        began = time.monotonic()
        deadline = began + TIMEOUT_S
        state = self._state()
        changed = state[1] > start
        last_change = began
        while True:
            time.sleep(POLL_S)
            now = time.monotonic()
            new = self._state()
            if new != state:
                state, changed, last_change = new, True, now
            elif now - (last_change if changed else began) >= (
                settle if changed else max(quiet, settle)
            ):
                break
            if now > deadline:
                self._check_alive()
                break  # an app that never stops repainting: return what was said
        spoken = self._utterances()
        self._mark = len(spoken)
        return spoken[start:]

    # -- acting ---------------------------------------------------------------------------
    def keys(self, *keys: str, settle: float | None = None) -> list[str]:
        """Send tmux key names ("Tab", "Down", "Enter", "C-q", "F5", "Escape", "x") one
        after the other; return the utterances spoken after them, once speech settles."""
        self._check_alive()
        start = len(self._utterances())
        for n, key in enumerate(keys):
            if n:
                time.sleep(0.1)  # separate reads by Fenrir: one key is one input
            self._tmux("send-keys", "-t", "fenrir", key)
        return self._settle(start, settle=settle)

    def type(self, text: str, *, settle: float | None = None) -> list[str]:
        """Type ``text`` literally (all at once, like a paste or a fast typist); return
        the utterances that followed."""
        self._check_alive()
        start = len(self._utterances())
        self._tmux("send-keys", "-t", "fenrir", "-l", text)
        return self._settle(start, settle=settle)

    def new(self, *, settle: float | None = None) -> list[str]:
        """Wait for speech to settle; return what was said since the last keys/type/new."""
        return self._settle(self._mark, settle=settle, quiet=0.0)

    # -- end ------------------------------------------------------------------------------
    def close(self) -> None:
        """Stop pass-tui and Fenrir (by their pids) and the private tmux server."""
        if self._closed:
            return
        self._closed = True
        for name in ("app.pid", "fenrir.pid"):
            try:
                pid = int((self.workdir / name).read_text().strip())
                os.kill(pid, signal.SIGTERM)
            except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
                pass
        self._tmux("kill-server", check=False)
        if self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- reading the speech --------------------------------------------------------------------
SOUND_ICON_WORDS = frozenset({"has attribute"})
"""Fenrir cues that are a sound icon when sound is on (spoken only because it is off)."""


def meaningful(utterances: Iterable[str]) -> list[str]:
    """The utterances without Fenrir's sound-icon cues and blank ones, stripped.

    The last one is what a listener is left with after a key: each cursor-line
    utterance interrupts the one before it (a stale line spoken from an intermediate
    frame is cut off at once by the final one)."""
    kept = (" ".join(u.split()) for u in utterances)
    return [u for u in kept if u and u not in SOUND_ICON_WORDS]


# -- glyphs ----------------------------------------------------------------------------------
def _is_glyph(char: str) -> bool:
    code = ord(char)
    if any(low <= code <= high for low, high in (*GLYPH_RANGES, (0x2190, 0x21FF))):
        return True
    # Other pictographic decoration: arrows (→), geometric shapes (●), dingbats (✓),
    # technical symbols (⏎), private-use icon fonts. Letters, digits and punctuation
    # (including "·", "—", "…", "«") are fine.
    return unicodedata.category(char) in ("So", "Co", "Cn")


def glyphs_in(text: str, allow: Iterable[str] = ()) -> list[str]:
    """The decoration characters of ``text`` ("U+2586 ▆"), in order, without repeats."""
    allowed = set(allow)
    found: list[str] = []
    for char in text:
        if char not in allowed and _is_glyph(char):
            label = f"U+{ord(char):04X} {char}"
            if label not in found:
                found.append(label)
    return found


def assert_no_glyphs(utterances: Iterable[str], allow: Iterable[str] = ()) -> None:
    """Fail if any utterance contains box drawing (U+2500–U+257F), block elements
    (U+2580–U+259F), braille (U+2800–U+28FF) or another symbol/icon character."""
    allowed = tuple(allow)
    bad = [(u, glyphs_in(u, allowed)) for u in utterances]
    bad = [(u, g) for u, g in bad if g]
    if bad:
        lines = "\n".join(f"  {u!r}: {', '.join(g)}" for u, g in bad)
        raise AssertionError(f"glyphs spoken:\n{lines}")
