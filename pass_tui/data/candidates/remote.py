"""Downloading a candidate's document from a web address, within bounds.

* http and https only; 5 redirects at most, followed here one by one (each hop's scheme
  checked, and each connection goes through the address check below);
* size: the body is streamed and the download stops as soon as it passes ``max_bytes``
  (a Content-Length over the limit stops it before any byte is read);
* time: one deadline for the whole download (name resolution, every hop, every byte), so
  a server sending one byte at a time cannot hold a kiosk session;
* in kiosk mode, unless ``kiosk_allow_private_urls``: loopback, private, link-local,
  shared, unspecified, multicast and reserved addresses are refused. The check is made on
  the RESOLVED addresses, and the connection is made to the address that was checked: the
  host name is resolved once, every address it gives must be public, then the socket
  connects to that IP literally (no second resolution an attacker's DNS could answer
  differently), while the Host header and TLS SNI/certificate check still use the name.
  Proxies from the environment are not used then (they would connect elsewhere).

The document's name comes from Content-Disposition (``filename*`` or ``filename``), else
the URL path's last part; only its base name is kept. When it lacks an accepted
extension, the Content-Type supplies one (``application/pdf`` → ``.pdf``).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import unquote, urlsplit

import httpcore
import httpx

from pass_tui import __version__
from pass_tui.data.candidates.documents import (
    DOCUMENT_TYPES,
    AttachmentRefused,
    check_size,
    kilobytes,
)
from pass_tui.data.text import clean
from pass_tui.i18n import _

__all__ = ["Downloaded", "RemoteDocuments", "address_allowed"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_TYPES = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
}


@dataclass(frozen=True)
class Downloaded:
    name: str  # base name, cleaned (may still lack an accepted extension)
    data: bytes
    url: str  # the last hop's address


def address_allowed(ip: IPAddress) -> bool:
    """Whether a kiosk may connect to ``ip``: a public unicast address only."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_unspecified
        or ip.is_multicast
        or ip.is_reserved
        or not ip.is_global
    )


class RemoteDocuments:
    """Download one document per call.

    Args:
        max_bytes: Largest document accepted.
        check_addresses: Refuse non-public addresses (kiosk mode without
            ``kiosk_allow_private_urls``).
        deadline: Seconds for the whole download.
        max_redirects: Redirects followed at most.
        exempt: (address, port) pairs let through despite the check (a local mirror on a
            kiosk host; the tests' server).
    """

    def __init__(
        self,
        *,
        max_bytes: int,
        check_addresses: bool,
        deadline: float = 30.0,
        max_redirects: int = 5,
        exempt: Collection[tuple[str, int]] = (),
    ) -> None:
        self.max_bytes = max_bytes
        self.check_addresses = check_addresses
        self.deadline = deadline
        self.max_redirects = max_redirects
        self.exempt = {(ipaddress.ip_address(a), p) for a, p in exempt}

    def get(self, url: str) -> Downloaded:
        """Download ``url``.

        Raises:
            AttachmentRefused: One line naming the address and why it was refused.
        """
        shown = clean(url)[:200]
        give_up_at = time.monotonic() + self.deadline
        current = self._checked_url(url, shown)
        transport: httpx.HTTPTransport | None = None
        if self.check_addresses:
            transport = _PinnedTransport(self._allowed, give_up_at)
        headers = {"User-Agent": f"pass-tui/{__version__}", "Accept-Encoding": "gzip, deflate"}
        try:
            with httpx.Client(
                transport=transport,
                trust_env=not self.check_addresses,
                follow_redirects=False,
                timeout=httpx.Timeout(self.deadline),
            ) as client:
                for _hop in range(self.max_redirects + 1):
                    remaining = give_up_at - time.monotonic()
                    if remaining <= 0:
                        raise self._too_long(shown)
                    request = client.build_request(
                        "GET",
                        current,
                        headers=headers,
                        timeout=httpx.Timeout(remaining),
                    )
                    response = client.send(request, stream=True)
                    try:
                        if response.is_redirect:
                            location = response.headers.get("Location", "")
                            current = self._checked_url(
                                str(response.url.join(location)), clean(location)[:200]
                            )
                            continue
                        return self._body(response, shown, give_up_at)
                    finally:
                        response.close()
                raise _refused(
                    shown,
                    _("trop de redirections (plus de {count})", count=self.max_redirects),
                )
        except httpx.TimeoutException:
            raise self._too_long(shown) from None
        except httpx.InvalidURL as exc:
            raise _refused(shown, _("adresse invalide ({error})", error=exc)) from None
        except httpx.TransportError as exc:
            raise _refused(
                shown, _("serveur injoignable ({error})", error=type(exc).__name__)
            ) from None
        except httpx.HTTPError as exc:
            raise _refused(
                shown, _("échec de la requête HTTP ({error})", error=type(exc).__name__)
            ) from None

    def _allowed(self, ip: IPAddress, port: int) -> bool:
        return address_allowed(ip) or (ip, port) in self.exempt

    def _checked_url(self, url: str, shown: str) -> str:
        try:
            parts = urlsplit(url)
        except ValueError:
            raise _refused(shown, _("adresse invalide")) from None
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise _refused(shown, _("seules les adresses http:// et https:// sont acceptées"))
        return url

    def _body(self, response: httpx.Response, shown: str, give_up_at: float) -> Downloaded:
        if response.status_code >= 400 or response.status_code < 200:
            raise _refused(
                shown,
                _(
                    "le serveur a répondu {status} {reason}",
                    status=str(response.status_code),
                    reason=response.reason_phrase,
                ),
            )
        name = _document_name(response)
        length = response.headers.get("Content-Length", "")
        if length.isascii() and length.isdigit() and int(length) > self.max_bytes:
            check_size(name, int(length), self.max_bytes)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise _refused(
                    shown,
                    _(
                        "document trop volumineux (plus de {max} Ko)",
                        max=kilobytes(self.max_bytes),
                    ),
                )
            if time.monotonic() > give_up_at:
                raise self._too_long(shown)
            chunks.append(chunk)
        return Downloaded(name, b"".join(chunks), str(response.url))

    def _too_long(self, shown: str) -> AttachmentRefused:
        return _refused(
            shown,
            _("téléchargement trop long (plus de {seconds} s)", seconds=f"{self.deadline:g}"),
        )


def _refused(url: str, reason: str) -> AttachmentRefused:
    return AttachmentRefused(_("{name} : {reason}", name=url, reason=reason))


def _document_name(response: httpx.Response) -> str:
    """The name a server gives its document, reduced to a clean base name."""
    name = ""
    disposition = response.headers.get("Content-Disposition")
    if disposition:
        message = Message()
        message["Content-Disposition"] = disposition
        name = message.get_filename() or ""
    if not name:
        name = unquote(response.url.path.rsplit("/", 1)[-1])
    name = clean(name.replace("\\", "/").rsplit("/", 1)[-1])
    if name in ("", ".", ".."):
        name = "document"
    _stem, dot, ext = name.rpartition(".")
    if not dot or ext.lower() not in DOCUMENT_TYPES:
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type in _TYPES:
            name = f"{name}.{_TYPES[content_type]}"
    return name


class _CheckedBackend(httpcore.SyncBackend):
    """Resolve once, check every address, connect to the checked address itself."""

    def __init__(self, allowed: Callable[[IPAddress, int], bool], give_up_at: float) -> None:
        self.allowed = allowed
        self.give_up_at = give_up_at

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = _resolve(host, port, self.give_up_at - time.monotonic())
        for ip in addresses:
            if not self.allowed(ip, port):
                raise AttachmentRefused(
                    _(
                        "{name} : adresse refusée sur ce poste ({address} : réseau local ou réservé)",
                        name=host,
                        address=str(ip),
                    )
                )
        last: Exception | None = None
        for ip in addresses:
            try:
                stream = super().connect_tcp(str(ip), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
                continue
            peer = stream.get_extra_info("socket").getpeername()[0]
            if ipaddress.ip_address(peer.split("%")[0]) != ip:  # belt and braces
                stream.close()
                raise httpcore.ConnectError(f"connected to {peer}, not {ip}")
            return stream
        raise last or httpcore.ConnectError(host)


def _resolve(host: str, port: int, timeout: float) -> list[IPAddress]:
    """The addresses ``host`` resolves to, within ``timeout`` seconds."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    result: list[object] = []

    def lookup() -> None:
        try:
            result.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            result.append(exc)

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(max(timeout, 0.0))
    if not result:
        raise httpcore.ConnectTimeout(host)
    if isinstance(result[0], OSError):
        raise httpcore.ConnectError(str(result[0]))
    seen: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in result[0]:  # type: ignore[union-attr]
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if ip not in seen:
            seen.append(ip)
    if not seen:
        raise httpcore.ConnectError(host)
    return seen


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's transport with a connection pool whose every TCP connection goes through
    :class:`_CheckedBackend`. httpx has no public way to hand its pool a network backend,
    hence the pool built here (httpx < 1 keeps it in ``_pool``; the kiosk tests fail if
    that ever stops working)."""

    def __init__(self, allowed: Callable[[IPAddress, int], bool], give_up_at: float) -> None:
        super().__init__()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=_CheckedBackend(allowed, give_up_at),
        )
