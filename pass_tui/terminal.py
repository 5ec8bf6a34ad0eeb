"""The terminal driver: Textual's, without synchronised output.

Textual asks the terminal whether it supports synchronised output (``CSI ? 2026 $ p``)
and, if so, wraps every frame between "begin" and "end" sequences written apart from the
frame. A screen reader reading the application's output (Fenrir in PTY mode) does not
honour them: it reads the closing sequence as an update of its own, after which an arrow
key's line is read again, interrupting what was being said; and its terminal emulator
prints the query's "p" at start-up. Frames written whole are what a screen reader needs.

It also asks the terminal itself for its size. Textual's driver uses
``shutil.get_terminal_size()``, where ``COLUMNS`` and ``LINES`` in the environment win over
the terminal: exported by a login script (``eval $(resize)`` on a serial console or a
kiosk) or by a parent program, they made the app draw for another size, scrolling the
terminal under it, and ignore every resize.
"""

from __future__ import annotations

import os
import sys

from textual.drivers.linux_driver import LinuxDriver

__all__ = ["ReaderFriendlyDriver"]


class ReaderFriendlyDriver(LinuxDriver):
    """:class:`LinuxDriver` that never asks for (so never uses) synchronised output, and
    takes its size from the terminal before the environment."""

    def _request_terminal_sync_mode_support(self) -> None:
        return

    def _get_terminal_size(self) -> tuple[int, int]:
        """The size the kernel gives for the terminal written to (else read from); the
        environment's ``COLUMNS``/``LINES`` only when there is no terminal to ask."""
        for stream in (self._file, sys.__stdin__, sys.__stdout__):
            try:
                size = os.get_terminal_size(stream.fileno())  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                continue
            if size.columns > 0 and size.lines > 0:
                return size.columns, size.lines
        return super()._get_terminal_size()
