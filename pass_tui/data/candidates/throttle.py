"""Failed logins per address, shared by every process of a data dir.

One small file per address (known or not, so that throttling never tells which addresses
have an account), ``throttle/<sha256 of the address>.json``, flock'ed for the whole login
attempt: two processes trying passwords for one address take turns, and each sees the
failures the other counted. After :data:`FREE_FAILURES` failures the address waits
:data:`FIRST_WAIT_S` seconds, doubling with each further failure up to :data:`MAX_WAIT_S`.
A successful login empties the file.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pass_tui.data.candidates.store import address_key
from pass_tui.data.store import write_failed

__all__ = ["FIRST_WAIT_S", "FREE_FAILURES", "MAX_WAIT_S", "Attempt", "LoginThrottle"]

FREE_FAILURES = 5
FIRST_WAIT_S = 30
MAX_WAIT_S = 15 * 60
FORGET_AFTER_S = 24 * 3600
"""Failures older than this (with no failure since) no longer count."""


@dataclass
class Attempt:
    """One login attempt for an address, while its file is locked."""

    wait_s: int
    """Seconds left before this address may try again (0: it may try now)."""
    _fd: int
    _now: float
    _failures: int

    def failed(self) -> None:
        """Count a failure (and start or lengthen the wait)."""
        failures = self._failures + 1
        wait = 0
        if failures >= FREE_FAILURES:
            wait = min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES))
        state = {"failures": failures, "last": self._now, "until": self._now + wait}
        _write(self._fd, json.dumps(state).encode())

    def succeeded(self) -> None:
        """Forget the failures."""
        if self._failures:
            _write(self._fd, b"")


def _write(fd: int, payload: bytes) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, payload, 0)
    os.fsync(fd)


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
            failures, until = _read(fd, now)
            attempt = Attempt(max(0, int(until - now + 0.999)), fd, now, failures)
            yield attempt
        except OSError as exc:
            raise write_failed(path, exc) from None
        finally:
            os.close(fd)  # releases the flock


def _read(fd: int, now: float) -> tuple[int, float]:
    """(failures, until) from a throttle file. A torn file (a crash while counting a
    failure) counts as one failure short of the first wait: never a free run of tries."""
    raw = os.pread(fd, 4096, 0)
    if not raw:
        return 0, 0.0
    try:
        state = json.loads(raw)
        failures, last, until = int(state["failures"]), float(state["last"]), float(state["until"])
    except (ValueError, KeyError, TypeError):
        return FREE_FAILURES - 1, 0.0
    if now - last > FORGET_AFTER_S:
        return 0, 0.0
    return failures, until
