"""A virus scan through clamd's INSTREAM command, over a unix socket or TCP.

The protocol (clamd(8)): send ``zINSTREAM\\0``, then the data as chunks each preceded by
its length (4 bytes, network order), then a zero length; clamd answers one
NUL-terminated line: ``stream: OK``, ``stream: <signature> FOUND`` or ``… ERROR``.
Written here rather than taken from a library: the Python clamd clients on PyPI are
unmaintained (last releases 2014 and 2017), and the protocol is this small.

A scan that cannot be made (clamd not running, an answer it cannot understand, a file over
clamd's StreamMaxLength) is an :class:`AttachmentRefused`: never a silent pass.
"""

from __future__ import annotations

import socket
import struct

from pass_tui.data.candidates.documents import AttachmentRefused, refused
from pass_tui.i18n import _

__all__ = ["ClamdScanner"]

_CHUNK = 64 * 1024
_MAX_REPLY = 4096


class ClamdScanner:
    """Scan bytes with a running clamd.

    Args:
        address: clamd's unix socket path (``/run/clamav/clamd.ctl``) or ``host:port``.
        timeout: Seconds for connecting, and for each send or receive.
    """

    def __init__(self, address: str, timeout: float = 60.0) -> None:
        self.address = address
        self.timeout = timeout

    def scan(self, data: bytes, *, name: str = "") -> str | None:
        """The signature clamd finds in ``data``, or None when it is clean.

        Args:
            data: The content to scan.
            name: The document's name, for the error message.

        Raises:
            AttachmentRefused: The scan could not be made ("analyse antivirus impossible …").
        """
        try:
            with self._connect() as sock:
                sock.sendall(b"zINSTREAM\0")
                view = memoryview(data)
                for start in range(0, len(view), _CHUNK):
                    chunk = view[start : start + _CHUNK]
                    sock.sendall(struct.pack("!I", len(chunk)))
                    sock.sendall(chunk)
                sock.sendall(struct.pack("!I", 0))
                reply = self._reply(sock)
        except (OSError, ValueError) as exc:
            raise self._failed(name, _("clamd injoignable : {error}", error=_reason(exc))) from None
        return self._verdict(reply, name)

    def ping(self) -> bool:
        """Whether clamd answers PING with PONG."""
        try:
            with self._connect() as sock:
                sock.sendall(b"zPING\0")
                return self._reply(sock) == "PONG"
        except (OSError, ValueError):
            return False

    def _connect(self) -> socket.socket:
        host, sep, port = self.address.rpartition(":")
        if sep and port.isdigit() and not self.address.startswith("/"):
            sock = socket.create_connection((host.strip("[]"), int(port)), timeout=self.timeout)
        else:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self.timeout)
            try:
                sock.connect(self.address)
            except BaseException:
                sock.close()
                raise
        return sock

    @staticmethod
    def _reply(sock: socket.socket) -> str:
        buffer = bytearray()
        while b"\0" not in buffer and len(buffer) < _MAX_REPLY:
            piece = sock.recv(_MAX_REPLY)
            if not piece:
                break
            buffer += piece
        return buffer.split(b"\0", 1)[0].decode("utf-8", "replace").strip()

    def _verdict(self, reply: str, name: str) -> str | None:
        _where, _sep, status = reply.partition(": ")
        if reply.endswith(" FOUND") and status:
            return status.removesuffix(" FOUND").strip() or "?"
        if status == "OK":
            return None
        raise self._failed(name, _("réponse de clamd : {reply}", reply=reply[:200] or "∅"))

    def _failed(self, name: str, reason: str) -> AttachmentRefused:
        problem = _("analyse antivirus impossible ({reason})", reason=reason)
        if name:
            return refused(name, problem)
        return AttachmentRefused(problem)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | socket.timeout):
        return _("pas de réponse")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__
