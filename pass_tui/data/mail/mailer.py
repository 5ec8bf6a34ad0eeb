"""Outgoing mail: the one service every feature that sends e-mail goes through.

Backends, chosen by ``config.toml``:

* **No ``[smtp]`` section (the default).** Each message is delivered into the maildir
  ``outbox/`` of the data directory (``outbox/new/<unique name>``), so a candidate on a kiosk
  can read it with any maildir-aware client (``mutt -f outbox``). Result status ``"written"``.
* **``[smtp]`` configured.** The message is handed to the server with :mod:`smtplib`
  (plain SMTP, STARTTLS or implicit TLS per ``security``; ``AUTH`` when a username is set;
  every socket operation bounded by ``timeout``). Result status ``"sent"``.

The queue. When the server cannot take a message (connection refused, timeout, TLS failure,
4xx/5xx reply...) the message is not lost: it goes into ``outbox/.queue/``, a Maildir++
sub-folder of the outbox (a mail client opening ``outbox/`` lists it as the folder
``queue``; the outbox's own ``new/`` never shows queued mail). Result status ``"queued"``,
with a one-line ``error`` in the interface language. A queued file is the complete RFC 5322 message plus
bookkeeping headers, all stripped before the message is handed to a server again:

``X-Pass-Tui-Envelope-To``
    the recipients still to deliver, comma separated (after a partial refusal, only the
    refused ones, so nobody receives the message twice);
``X-Pass-Tui-Attempts``
    how many delivery attempts failed;
``X-Pass-Tui-Error``
    the last failure, the same one-liner ``send`` or ``flush`` reported;
``X-Pass-Tui-Last-Attempt``
    the date of the last failure.

:meth:`Mailer.flush` retries the queue, oldest first, over one SMTP connection. A file is
removed only after the server accepted the message (at-least-once: a crash between the
server's acceptance and the removal sends it again at the next flush); a failed message is
rewritten in place, atomically, with its attempt count and error updated. One flush runs at a
time per data dir (a ``filelock`` on ``outbox/.queue/flush.lock``), since many pass-tui
processes (one per SSH session) share it. Messages stay queued until delivered; nothing is
dropped automatically. :meth:`Mailer.queued` lists the queue (message id, attempts, last
error) for a status screen.

Files are written the maildir way, stdlib-``mailbox.Maildir``-compatible: into ``tmp/`` with
mode 0600 (created so, never widened afterwards), flushed and fsynced, then renamed into
``new/`` (atomic), then the directory is fsynced. The stdlib ``Maildir.add`` is not used
because it creates files with mode 0666 minus the umask. Directories are created 0700.

Privacy: nothing here logs addresses, subjects or bodies; only message ids, at debug level.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import secrets
import smtplib
import socket
import ssl
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, parseaddr
from pathlib import Path
from typing import Literal

from filelock import FileLock, Timeout

from pass_tui.data.config import Settings, SmtpSettings
from pass_tui.data.paths import DataPaths
from pass_tui.data.text import clean
from pass_tui.i18n import _

__all__ = [
    "FlushReport",
    "MailAttachment",
    "Mailer",
    "QueuedMail",
    "SendResult",
    "is_valid_email",
]

log = logging.getLogger(__name__)

QUEUE_FOLDER = ".queue"
HEADER_ENVELOPE = "X-Pass-Tui-Envelope-To"
HEADER_ATTEMPTS = "X-Pass-Tui-Attempts"
HEADER_ERROR = "X-Pass-Tui-Error"
HEADER_LAST_ATTEMPT = "X-Pass-Tui-Last-Attempt"
_INTERNAL_HEADERS = (HEADER_ENVELOPE, HEADER_ATTEMPTS, HEADER_ERROR, HEADER_LAST_ATTEMPT)

# RFC 5322 "atext" for the local part (dot-atom); LDH labels for the domain. ASCII only:
# a non-ASCII address needs SMTPUTF8 end to end, which we cannot promise.
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_BODY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTENT_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*")
_REPLY_MAX = 200


def is_valid_email(address: str) -> bool:
    """Whether ``address`` is a plausible, deliverable e-mail address.

    A pragmatic check, not full RFC 5322: one ``@``; a non-empty dot-atom local part
    (≤ 64 characters); a domain of at least two LDH labels (``exemple.fr``); ASCII only; no
    spaces, control characters, quotes, brackets or commas; at most 254 characters.

    Args:
        address: The address as typed, without display name or angle brackets.

    Returns:
        True when the address passes every rule above.
    """
    if not isinstance(address, str) or not address or len(address) > 254:
        return False
    if address.count("@") != 1:
        return False
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _LOCAL.fullmatch(local):
        return False
    labels = domain.split(".")
    return len(labels) >= 2 and all(_LABEL.fullmatch(label) for label in labels)


@dataclass(frozen=True)
class MailAttachment:
    """A file attached to an outgoing message.

    Attributes:
        filename: The name the recipient sees (control characters are dropped).
        content: The raw bytes.
        content_type: A MIME type such as ``application/pdf``.
    """

    filename: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class SendResult:
    """What became of one message.

    Attributes:
        status: ``"sent"`` (the SMTP server accepted it for every recipient), ``"queued"``
            (kept in ``outbox/.queue`` for a later :meth:`Mailer.flush`) or ``"written"``
            (no SMTP server configured: delivered into the ``outbox/`` maildir).
        message_id: The ``Message-ID`` header, angle brackets included.
        error: For ``"queued"``, a one-line French description of the failure; else None.
        path: The maildir file for ``"written"`` and ``"queued"``; None for ``"sent"``.
    """

    status: Literal["sent", "queued", "written"]
    message_id: str
    error: str | None = None
    path: Path | None = None


@dataclass(frozen=True)
class FlushReport:
    """The outcome of one :meth:`Mailer.flush`.

    Attributes:
        sent: Messages the server accepted (and that left the queue) during this flush.
        still_queued: Messages left in the queue afterwards.
        errors: Distinct one-line French descriptions of the failures, in order.
    """

    sent: int
    still_queued: int
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class QueuedMail:
    """One message waiting in the queue, as a status screen may list it.

    Attributes:
        path: The maildir file.
        message_id: The ``Message-ID`` header.
        attempts: How many delivery attempts failed.
        error: The last failure (French, one line), or None if unknown.
    """

    path: Path
    message_id: str
    attempts: int
    error: str | None


class Mailer:
    """Builds RFC 5322 messages and delivers them (maildir, or SMTP with a retry queue).

    Args:
        paths: The data directory layout; mail goes under ``paths.outbox``.
        settings: The application settings; ``settings.smtp`` selects the backend.
        ssl_context: The TLS context for ``starttls``/``tls`` (default: the system's trust
            store with hostname checking). Tests and sites with a private CA pass their own.
    """

    def __init__(
        self,
        paths: DataPaths,
        settings: Settings,
        *,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._outbox = paths.outbox
        self._queue = paths.outbox / QUEUE_FOLDER
        self._settings = settings
        self._ssl_context = ssl_context

    @property
    def queue_dir(self) -> Path:
        """The maildir holding messages waiting for the SMTP server."""
        return self._queue

    def pending(self) -> int:
        """How many messages wait in the queue."""
        return len(self._queued_files())

    def queued(self) -> list[QueuedMail]:
        """The messages waiting in the queue, oldest first."""
        out: list[QueuedMail] = []
        for path in self._queued_files():
            try:
                message = _parse(path.read_bytes())
            except FileNotFoundError:
                continue
            error = message.get(HEADER_ERROR)
            out.append(
                QueuedMail(
                    path=path,
                    message_id=str(message.get("Message-ID", "")).strip(),
                    attempts=_attempts(message),
                    # Header folding may double a space: compare and show it collapsed.
                    error=" ".join(str(error).split()) if error is not None else None,
                )
            )
        return out

    def send(
        self,
        to: str | list[str],
        subject: str,
        body: str,
        attachments: Sequence[MailAttachment] = (),
    ) -> SendResult:
        """Build a message and deliver it with the configured backend.

        Args:
            to: One address or a list of addresses (bare ``local@domain``).
            subject: The subject line; line breaks and control characters are dropped.
            body: Plain-text body (UTF-8, line breaks kept).
            attachments: Files to attach.

        Returns:
            The delivery status, the ``Message-ID`` and, when relevant, the file written
            and the description of a failure (in the interface language).

        Raises:
            ValueError: A recipient is not a valid address, there is no recipient, or an
                attachment's content type is malformed. Nothing is written or sent.
            OSError: The data directory cannot be written (the message could not be kept).
        """
        recipients = _recipients(to)
        message = self._build(recipients, subject, body, attachments)
        message_id = str(message["Message-ID"])
        smtp = self._settings.smtp
        if smtp is None:
            path = _deliver(self._outbox, message.as_bytes())
            log.debug("mail %s written to the outbox", message_id)
            return SendResult("written", message_id, None, path)

        try:
            with _Connection(smtp, self._context()) as client:
                refused = _transmit(client, message, recipients)
        except Exception as exc:
            error = _describe(exc, smtp)
            path = self._enqueue(message, recipients, error)
            log.debug("mail %s queued after a failed delivery", message_id)
            return SendResult("queued", message_id, error, path)
        if refused:
            error = _describe(smtplib.SMTPRecipientsRefused(refused), smtp)
            path = self._enqueue(message, list(refused), error)
            log.debug("mail %s queued for refused recipients", message_id)
            return SendResult("queued", message_id, error, path)
        log.debug("mail %s sent", message_id)
        return SendResult("sent", message_id, None, None)

    def flush(self) -> FlushReport:
        """Retry every queued message, oldest first, over one SMTP connection.

        A message leaves the queue only once the server accepted it; a failed one stays,
        its attempt count and error updated. A connection-level failure (refused, timeout,
        TLS, disconnection) stops the flush and is recorded on every message still queued.
        Without an SMTP server configured, or while another process flushes the same data
        dir, nothing is sent and the report says why.

        Returns:
            How many messages were sent, how many remain, and the distinct errors.
        """
        if not self._queued_files():
            return FlushReport(0, 0, [])
        smtp = self._settings.smtp
        if smtp is None:
            return FlushReport(
                0,
                self.pending(),
                [_("aucun serveur SMTP configuré : les messages restent en file d'attente")],
            )
        lock = FileLock(str(self._queue / "flush.lock"), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            return FlushReport(
                0, self.pending(), [_("un envoi de la file d'attente est déjà en cours")]
            )
        try:
            sent, errors = self._flush_locked(smtp)
        finally:
            lock.release()
        return FlushReport(sent, self.pending(), _unique(errors))

    # -- internals ---------------------------------------------------------------------

    def _flush_locked(self, smtp: SmtpSettings) -> tuple[int, list[str]]:
        sent = 0
        errors: list[str] = []
        files = self._queued_files()
        connection = _Connection(smtp, self._context())
        client: smtplib.SMTP | None = None
        try:
            for index, path in enumerate(files):
                try:
                    data = path.read_bytes()
                except FileNotFoundError:  # taken out of the queue by hand meanwhile
                    continue
                message = _parse(data)
                recipients = _envelope(message)
                if not recipients:
                    error = _("message en file d'attente sans destinataire valide")
                    errors.append(error)
                    _record_failure(self._queue, path, message, None, error)
                    continue
                try:
                    if client is None:
                        client = connection.open()
                    refused = _transmit(client, _outgoing(_parse(data)), recipients)
                except _PER_MESSAGE_ERRORS as exc:
                    # The server refused this message; the connection is still usable.
                    error = _describe(exc, smtp)
                    errors.append(error)
                    _record_failure(self._queue, path, message, None, error)
                    continue
                except Exception as exc:
                    error = _describe(exc, smtp)
                    errors.append(error)
                    _record_failure(self._queue, path, message, None, error)
                    for other in files[index + 1 :]:
                        _record_failure(self._queue, other, None, None, error)
                    break
                if refused:
                    error = _describe(smtplib.SMTPRecipientsRefused(refused), smtp)
                    errors.append(error)
                    _record_failure(self._queue, path, message, list(refused), error)
                else:
                    path.unlink(missing_ok=True)
                    _fsync_dir(path.parent)
                    sent += 1
                    log.debug("queued mail %s sent", message["Message-ID"])
        finally:
            connection.close()
        return sent, errors

    def _context(self) -> ssl.SSLContext:
        if self._ssl_context is None:
            self._ssl_context = ssl.create_default_context()
        return self._ssl_context

    def _sender(self) -> str:
        smtp = self._settings.smtp
        return smtp.sender if smtp is not None else self._settings.sender

    def _build(
        self,
        recipients: list[str],
        subject: str,
        body: str,
        attachments: Sequence[MailAttachment],
    ) -> EmailMessage:
        for attachment in attachments:
            if not _CONTENT_TYPE.fullmatch(attachment.content_type or ""):
                raise ValueError(
                    _(
                        "type de contenu invalide pour la pièce jointe : {type}",
                        type=repr(clean(attachment.content_type)),
                    )
                )
        sender = self._sender()
        domain = parseaddr(sender)[1].rpartition("@")[2] or "pass-tui.invalid"
        message = EmailMessage(policy=policy.default)
        message["From"] = sender
        message["To"] = ", ".join(recipients)
        message["Subject"] = clean(subject)
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = _message_id(domain)
        message["MIME-Version"] = "1.0"
        message.set_content(_clean_body(body), charset="utf-8", cte="quoted-printable")
        for attachment in attachments:
            maintype, subtype = attachment.content_type.lower().split("/", 1)
            message.add_attachment(
                attachment.content,
                maintype=maintype,
                subtype=subtype,
                filename=clean(attachment.filename) or "piece-jointe",
            )
        return message

    def _enqueue(self, message: EmailMessage, recipients: list[str], error: str) -> Path:
        _stamp(message, recipients, 1, error)
        return _deliver(self._queue, message.as_bytes(), maildirfolder=True)

    def _queued_files(self) -> list[Path]:
        return sorted(_maildir_files(self._queue), key=lambda p: p.name)


# -- SMTP ----------------------------------------------------------------------------------

# Replies about one message: smtplib has already sent RSET, the connection goes on.
_PER_MESSAGE_ERRORS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
)


class _Connection:
    """One SMTP session per ``security`` setting; a context manager, or open()/close()."""

    def __init__(self, settings: SmtpSettings, context: ssl.SSLContext) -> None:
        self._settings = settings
        self._context = context
        self._client: smtplib.SMTP | None = None

    def open(self) -> smtplib.SMTP:
        s = self._settings
        # A fixed EHLO name: socket.getfqdn() (smtplib's default) may block on DNS.
        helo = socket.gethostname() or "localhost"
        if s.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                s.host, s.port, local_hostname=helo, timeout=s.timeout, context=self._context
            )
        else:
            client = smtplib.SMTP(s.host, s.port, local_hostname=helo, timeout=s.timeout)
        self._client = client
        if s.security == "starttls":
            client.ehlo()
            client.starttls(context=self._context)
            client.ehlo()
        if s.username:
            _login(client, s.username, s.password or "")
        return client

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            pass
        finally:
            client.close()

    def __enter__(self) -> smtplib.SMTP:
        try:
            return self.open()
        except BaseException:
            self.close()
            raise

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    """``AUTH``; smtplib encodes credentials as ASCII, so non-ASCII ones go as UTF-8 PLAIN."""
    if username.isascii() and password.isascii():
        client.login(username, password)
        return
    client.ehlo_or_helo_if_needed()
    if "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
        raise smtplib.SMTPNotSupportedError("SMTP AUTH PLAIN not supported by server.")
    token = b"\0" + username.encode("utf-8") + b"\0" + password.encode("utf-8")
    code, reply = client.docmd("AUTH", "PLAIN " + base64.b64encode(token).decode("ascii"))
    if code != 235:  # RFC 4954: 235 Authentication successful
        raise smtplib.SMTPAuthenticationError(code, reply)


def _transmit(
    client: smtplib.SMTP, message: EmailMessage, recipients: list[str]
) -> dict[str, tuple[int, bytes]]:
    """Send one message; the recipients the server refused (when it accepted others)."""
    envelope_from = parseaddr(str(message["From"] or ""))[1]
    return client.send_message(message, from_addr=envelope_from, to_addrs=recipients)


def _where(settings: SmtpSettings) -> str:
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"{host}:{settings.port}"


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = clean(text)
    if len(text) > _REPLY_MAX:
        text = text[: _REPLY_MAX - 1] + "…"
    return f"{code} {text}".strip()


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _describe(exc: BaseException, settings: SmtpSettings) -> str:
    """A one-line description of a delivery failure in the interface language (no address,
    no content)."""
    where = _where(settings)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = "; ".join(_reply(code, text) for code, text in exc.recipients.values())
        return _(
            "destinataire refusé par le serveur SMTP ({where}) : {reply}",
            where=where,
            reply=replies,
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        reply = _reply(exc.smtp_code, exc.smtp_error)
        if isinstance(exc, smtplib.SMTPSenderRefused):
            message = "expéditeur refusé par le serveur SMTP ({where}) : {reply}"
        elif isinstance(exc, smtplib.SMTPAuthenticationError):
            message = "authentification refusée par le serveur SMTP ({where}) : {reply}"
        elif isinstance(exc, smtplib.SMTPDataError):
            message = "message refusé par le serveur SMTP ({where}) : {reply}"
        else:
            message = "erreur du serveur SMTP ({where}) : {reply}"
        return _(message, where=where, reply=reply)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        text = str(exc)
        if "STARTTLS" in text:
            return _("le serveur SMTP ({where}) ne propose pas STARTTLS", where=where)
        if "AUTH" in text:
            return _("le serveur SMTP ({where}) ne propose pas l'authentification", where=where)
        return _("le serveur SMTP ({where}) ne prend pas en charge cette opération", where=where)
    if _caused_by(exc, TimeoutError):
        return _(
            "serveur SMTP injoignable ({where}) : pas de réponse en {seconds} s",
            where=where,
            seconds=f"{settings.timeout:g}",
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        reason = clean(exc.verify_message or exc.reason or "")
        return _(
            "échec TLS avec le serveur SMTP ({where}) : certificat refusé ({reason})",
            where=where,
            reason=reason,
        )
    if isinstance(exc, ssl.SSLError):
        return _(
            "échec TLS avec le serveur SMTP ({where}) : {reason}",
            where=where,
            reason=clean(exc.reason or exc),
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _("le serveur SMTP ({where}) a fermé la connexion", where=where)
    if isinstance(exc, ConnectionRefusedError):
        return _("serveur SMTP injoignable ({where}) : connexion refusée", where=where)
    if isinstance(exc, socket.gaierror):
        return _("serveur SMTP introuvable ({where}) : nom d'hôte inconnu", where=where)
    if isinstance(exc, OSError):
        return _(
            "serveur SMTP injoignable ({where}) : {reason}",
            where=where,
            reason=clean(exc.strerror or exc),
        )
    if isinstance(exc, smtplib.SMTPException):
        return _("erreur SMTP ({where}) : {reason}", where=where, reason=clean(exc))
    return _(
        "échec de l'envoi ({where}) : erreur inattendue {error}",
        where=where,
        error=type(exc).__name__,
    )


# -- messages ------------------------------------------------------------------------------


def _recipients(to: str | list[str]) -> list[str]:
    addresses = [to] if isinstance(to, str) else list(to)
    if not addresses:
        raise ValueError(_("aucun destinataire"))
    out: list[str] = []
    for address in addresses:
        if not is_valid_email(address):
            raise ValueError(_("adresse e-mail invalide : {address}", address=_printable(address)))
        if address not in out:
            out.append(address)
    return out


def _printable(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else "\ufffd" for ch in text)
    return _("« {text} »", text=text[:80] + ("…" if len(text) > 80 else ""))


def _clean_body(body: str) -> str:
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    text = _BODY_CONTROL.sub("", text)
    return text if text.endswith("\n") else text + "\n"


def _message_id(domain: str) -> str:
    """A unique ``Message-ID``, short enough not to be folded (seconds + 64 random bits)."""
    return f"<{int(time.time())}.{secrets.token_hex(8)}@{domain}>"


def _attempts(message: EmailMessage) -> int:
    try:
        return int(str(message.get(HEADER_ATTEMPTS, "0")).strip())
    except ValueError:
        return 0


def _parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def _envelope(message: EmailMessage) -> list[str]:
    """The recipients a queued message still has to reach."""
    raw = message.get(HEADER_ENVELOPE)
    if raw is None:  # written by hand or by an older version: fall back to the headers
        candidates = [
            parseaddr(part)[1]
            for name in ("To", "Cc")
            for part in str(message.get(name) or "").split(",")
        ]
    else:
        candidates = [part.strip() for part in str(raw).split(",")]
    return [address for address in candidates if is_valid_email(address)]


def _outgoing(message: EmailMessage) -> EmailMessage:
    """``message`` without the queue's bookkeeping headers (modified in place)."""
    for name in _INTERNAL_HEADERS:
        del message[name]
    return message


def _stamp(message: EmailMessage, recipients: list[str], attempts: int, error: str) -> None:
    _outgoing(message)
    message[HEADER_ENVELOPE] = ", ".join(recipients)
    message[HEADER_ATTEMPTS] = str(attempts)
    message[HEADER_ERROR] = error
    message[HEADER_LAST_ATTEMPT] = formatdate(localtime=True)


def _record_failure(
    folder: Path,
    path: Path,
    message: EmailMessage | None,
    recipients: list[str] | None,
    error: str,
) -> None:
    """Rewrite a queued file in place with one more failed attempt and the last error."""
    if message is None:
        try:
            message = _parse(path.read_bytes())
        except FileNotFoundError:
            return
    envelope = recipients if recipients is not None else _envelope(message)
    _stamp(message, envelope, _attempts(message) + 1, error)
    if not path.exists():  # delivered or removed by another hand meanwhile
        return
    _write_atomic(folder / "tmp", path, message.as_bytes())


# -- maildir -------------------------------------------------------------------------------


def _ensure_maildir(folder: Path, *, maildirfolder: bool = False) -> None:
    for sub in ("", "tmp", "new", "cur"):
        (folder / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
    if maildirfolder:  # Maildir++ marks sub-folders with an empty "maildirfolder" file
        marker = folder / "maildirfolder"
        if not marker.exists():
            marker.touch(mode=0o600)


def _unique_name() -> str:
    """A maildir file name: time, microseconds, pid, random part, host."""
    now = time.time()
    host = (socket.gethostname() or "localhost").replace("/", r"\057").replace(":", r"\072")
    return f"{int(now)}.M{int(now % 1 * 1_000_000):06d}P{os.getpid()}R{secrets.token_hex(8)}.{host}"


def _write_atomic(tmp_dir: Path, dest: Path, data: bytes) -> None:
    """Write ``data`` to ``tmp_dir`` (mode 0600, fsynced), then rename it onto ``dest``."""
    tmp = tmp_dir / _unique_name()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(dest.parent)


def _deliver(folder: Path, data: bytes, *, maildirfolder: bool = False) -> Path:
    """Deliver ``data`` into ``folder/new`` the maildir way; the path of the new file."""
    _ensure_maildir(folder, maildirfolder=maildirfolder)
    dest = folder / "new" / _unique_name()
    _write_atomic(folder / "tmp", dest, data)
    return dest


def _maildir_files(folder: Path) -> Iterator[Path]:
    for sub in ("new", "cur"):
        try:
            entries = list(os.scandir(folder / sub))
        except FileNotFoundError:
            continue
        for entry in entries:
            if not entry.name.startswith(".") and entry.is_file(follow_symlinks=False):
                yield Path(entry.path)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # Windows cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
