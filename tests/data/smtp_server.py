"""Real SMTP servers for tests: an aiosmtpd server on 127.0.0.1, and a silent one.

``smtp_server()`` starts an aiosmtpd ``Controller`` (a real asyncio SMTP server in a thread)
on a free port of 127.0.0.1 and yields a :class:`SmtpServer` whose handler records every
message it accepted (envelope and parsed message). Options cover what the mail service
needs to be tested against: STARTTLS (``tls_context``/``require_starttls``), implicit TLS
(``ssl_context``), ``AUTH`` with a fixed login, and refusing chosen recipients at ``RCPT``.

``silent_server()`` listens on a free port and never answers: a client connects (the kernel
completes the TCP handshake from the listen backlog) and then waits for a greeting that
never comes.
"""

from __future__ import annotations

import shlex
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from pass_tui.data.config import SmtpSettings

HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port of 127.0.0.1 nothing listens on (at the time of the call)."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    """One message the server accepted."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    message: EmailMessage
    tls: bool
    login: str | None


@dataclass
class RecordingHandler:
    """aiosmtpd handler: refuses the ``refuse`` recipients, records what it accepts."""

    refuse: dict[str, str] = field(default_factory=dict)  # address -> SMTP reply
    credentials: tuple[str, str] | None = None
    received: list[Received] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # Local line endings, as a delivery agent stores a message it received.
        raw = (envelope.original_content or envelope.content).replace(b"\r\n", b"\n")
        message = BytesParser(policy=policy.default).parsebytes(raw)
        login = session.auth_data.decode() if isinstance(session.auth_data, bytes) else None
        # Appended before the 250 reply: once the client's send returns, it is here.
        self.received.append(
            Received(
                mail_from=envelope.mail_from,
                rcpt_tos=list(envelope.rcpt_tos),
                raw=raw,
                message=message,  # type: ignore[arg-type]
                tls=server.transport.get_extra_info("ssl_object") is not None,
                login=login,
            )
        )
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        """aiosmtpd ``authenticator``: accept only ``credentials``."""
        if self.credentials is None or not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode()
        password = auth_data.password.decode()
        if (login, password) == self.credentials:
            self.logins.append(login)
            return AuthResult(success=True, auth_data=auth_data.login)
        return AuthResult(success=False, handled=False)


@dataclass
class SmtpServer:
    """A running test server."""

    host: str
    port: int
    handler: RecordingHandler

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def settings(self, **overrides: Any) -> SmtpSettings:
        """SMTP settings pointing at this server (timeout 5 s unless overridden)."""
        values: dict[str, Any] = {"host": self.host, "port": self.port, "timeout": 5.0}
        values.update(overrides)
        return SmtpSettings(**values)


@contextmanager
def smtp_server(
    *,
    port: int | None = None,
    refuse: dict[str, str] | None = None,
    credentials: tuple[str, str] | None = None,
    tls_context: ssl.SSLContext | None = None,
    require_starttls: bool = False,
    ssl_context: ssl.SSLContext | None = None,
) -> Iterator[SmtpServer]:
    """Run an aiosmtpd server on 127.0.0.1 for the duration of the ``with`` block.

    Args:
        port: The port to listen on (default: a free one).
        refuse: Recipients to refuse at ``RCPT``, mapped to the reply (``"550 ..."``).
        credentials: ``(login, password)`` accepted by ``AUTH`` (no TLS required).
        tls_context: Server context offered through ``STARTTLS``.
        require_starttls: Refuse mail before ``STARTTLS``.
        ssl_context: Server context for implicit TLS (SMTPS).
    """
    handler = RecordingHandler(refuse=dict(refuse or {}), credentials=credentials)
    kwargs: dict[str, Any] = {}
    if credentials is not None:
        kwargs.update(authenticator=handler.authenticate, auth_require_tls=False)
    if tls_context is not None:
        kwargs.update(tls_context=tls_context, require_starttls=require_starttls)
    controller = Controller(
        handler,
        hostname=HOST,
        port=port or free_port(),
        ssl_context=ssl_context,
        ready_timeout=5.0,
        **kwargs,
    )
    controller.start()
    try:
        yield SmtpServer(HOST, controller.port, handler)
    finally:
        controller.stop()


@contextmanager
def silent_server() -> Iterator[int]:
    """Listen on a free port of 127.0.0.1 and never answer; yields the port."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind((HOST, 0))
        sock.listen(8)
        yield int(sock.getsockname()[1])


def make_self_signed_cert(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, made with the openssl CLI.

    Returns:
        ``(certificate, private key)`` PEM files.

    Raises:
        FileNotFoundError: the ``openssl`` command is not installed.
    """
    cert, key = directory / "cert.pem", directory / "key.pem"
    options = shlex.split(
        "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
        " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1,DNS:localhost"
    )
    subprocess.run(
        ["openssl", *options, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return cert, key
