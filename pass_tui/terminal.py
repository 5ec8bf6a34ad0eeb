"""The terminal driver: Textual's, without synchronised output.

Textual asks the terminal whether it supports synchronised output (``CSI ? 2026 $ p``)
and, if so, wraps every frame between "begin" and "end" sequences written apart from the
frame. A screen reader reading the application's output (Fenrir in PTY mode) does not
honour them: it reads the closing sequence as an update of its own, after which an arrow
key's line is read again, interrupting what was being said; and its terminal emulator
prints the query's "p" at start-up. Frames written whole are what a screen reader needs.
"""

from __future__ import annotations

from textual.drivers.linux_driver import LinuxDriver

__all__ = ["ReaderFriendlyDriver"]


class ReaderFriendlyDriver(LinuxDriver):
    """:class:`LinuxDriver` that never asks for (so never uses) synchronised output."""

    def _request_terminal_sync_mode_support(self) -> None:
        return
