"""Failed logins and mailed codes per address, shared by every process of a data dir.

One small file per address (known or not, so that throttling never tells which addresses
have an account), ``throttle/<sha256 of the address>.json``, flock'ed for the whole
attempt: two processes trying passwords for one address take turns, and each sees the
failures the other counted.

* Logins: after :data:`FREE_FAILURES` failures the address waits :data:`FIRST_WAIT_S`
  seconds, doubling with each further failure up to :data:`MAX_WAIT_S`. A successful login
  forgets the failures.
* Codes: at most :data:`MAX_CODES` mails with a code (or a "someone tried" notice) per
  address and :data:`CODE_WINDOW_S`, so that nobody can flood a mailbox, nor buy unlimited
  code guesses (5 per code) by asking for new codes.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pass_tui.data.candidates.store import address_key
from pass_tui.data.store import write_failed

__all__ = [
    "CODE_WINDOW_S",
    "FIRST_WAIT_S",
    "FREE_FAILURES",
    "MAX_CODES",
    "MAX_WAIT_S",
    "Attempt",
    "LoginThrottle",
]

FREE_FAILURES = 5
FIRST_WAIT_S = 30
MAX_WAIT_S = 15 * 60
FORGET_AFTER_S = 24 * 3600
"""Failures older than this (with no failure since) no longer count."""
MAX_CODES = 5
CODE_WINDOW_S = 3600


@dataclass
class Attempt:
    """One attempt for an address, while its file is locked."""

    wait_s: int
    """Seconds left before this address may try a password again (0: now)."""
    _fd: int
    _now: float
    _state: dict[str, Any] = field(default_factory=dict)

    def failed(self) -> None:
        """Count a failed login (and start or lengthen the wait)."""
        failures = int(self._state.get("failures", 0)) + 1
        wait = 0
        if failures >= FREE_FAILURES:
            wait = min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES))
        self._state.update(failures=failures, last=self._now, until=self._now + wait)
        self._save()

    def succeeded(self) -> None:
        """Forget the failed logins."""
        if self._state.get("failures"):
            for key in ("failures", "last", "until"):
                self._state.pop(key, None)
            self._save()

    def code_wait_s(self) -> int:
        """Seconds before another code may be mailed to this address (0: now)."""
        sent = self._codes()
        if len(sent) < MAX_CODES:
            return 0
        return max(1, int(sent[-MAX_CODES] + CODE_WINDOW_S - self._now + 0.999))

    def code_sent(self) -> None:
        """Count a mail with a code (or a notice) sent to this address."""
        self._state["codes"] = [*self._codes(), self._now]
        self._save()

    def _codes(self) -> list[float]:
        raw = self._state.get("codes", [])
        sent = [float(t) for t in raw if isinstance(t, int | float)]
        return sorted(t for t in sent if self._now - t < CODE_WINDOW_S)[-MAX_CODES:]

    def _save(self) -> None:
        payload = json.dumps(self._state).encode() if self._state else b""
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, payload, 0)
        os.fsync(self._fd)


class LoginThrottle:
    """The throttle files of one data dir."""

    def __init__(self, folder: Path, clock: Callable[[], float]) -> None:
        self.folder = folder
        self.clock = clock

    def path(self, email: str) -> Path:
        return self.folder / f"{address_key(email)}.json"

    @contextmanager
    def attempt(self, email: str) -> Iterator[Attempt]:
        """Hold the address's throttle for one attempt; tell its wait.

        Raises:
            StoreError: The throttle folder cannot be written.
        """
        path = self.path(email)
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise write_failed(path, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            now = self.clock()
            state = _read(fd, now)
            wait = max(0, int(float(state.get("until", 0)) - now + 0.999))
            yield Attempt(wait, fd, now, state)
        except OSError as exc:
            raise write_failed(path, exc) from None
        finally:
            os.close(fd)  # releases the flock


def _read(fd: int, now: float) -> dict[str, Any]:
    """The state of a throttle file. A torn file (a crash while counting) counts as one
    failure short of the first wait and as a full code allowance used: never a free run."""
    raw = os.pread(fd, 65536, 0)
    if not raw:
        return {}
    try:
        state = json.loads(raw)
        if not isinstance(state, dict):
            raise TypeError(state)
        if "failures" in state:
            failures, last = int(state["failures"]), float(state["last"])
            float(state["until"])
            if now - last > FORGET_AFTER_S or failures <= 0:
                for key in ("failures", "last", "until"):
                    state.pop(key, None)
        return state
    except (ValueError, KeyError, TypeError):
        return {"failures": FREE_FAILURES - 1, "last": now, "until": 0, "codes": [now] * MAX_CODES}
