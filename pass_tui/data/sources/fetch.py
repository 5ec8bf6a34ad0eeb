"""Fetching a source over http(s) within bounds: time, size, redirects, retries.

Bounded time (connect/read timeouts, and one total deadline for the whole fetch, attempts
and pauses included: a server dripping one byte at a time cannot hold an import longer),
bounded size (20 MB by default, counted on the *decoded* body so a gzip bomb stops early),
bounded redirects, retries with exponential backoff on timeouts, connection errors and
5xx, a clear message on 4xx and on a body that does not decode, and conditional GET
(If-None-Match / If-Modified-Since from the last successful import; validators that are
not plain ASCII HTTP values are neither sent nor kept).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

from pass_tui import __version__
from pass_tui.data.errors import ImportFailed
from pass_tui.i18n import _

__all__ = [
    "MAX_BYTES",
    "FetchResult",
    "Fetcher",
    "Progress",
    "too_big",
    "valid_etag",
    "valid_last_modified",
]

Progress = Callable[[int, int | None], None]  # bytes so far, total if known
MAX_BYTES = 20 * 1024 * 1024

# An entity tag as RFC 9110 writes it (strong or weak, quoted), or the bare token some
# servers send; ASCII only, as httpx (rightly) refuses anything else in a request header.
_ETAG = re.compile(r'(W/)?"[\x21\x23-\x7e]*"|[\x21\x23-\x7e]+')
_MAX_VALIDATOR = 512


def valid_etag(value: object) -> bool:
    """Whether ``value`` can be sent back as ``If-None-Match``."""
    return isinstance(value, str) and len(value) <= _MAX_VALIDATOR and bool(_ETAG.fullmatch(value))


def valid_last_modified(value: object) -> bool:
    """Whether ``value`` is an HTTP date that can be sent back as ``If-Modified-Since``."""
    if not isinstance(value, str) or not value.isascii() or len(value) > 64:
        return False
    if not value.isprintable():
        return False
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return False
    return True


def too_big(max_bytes: int, source: str) -> ImportFailed:
    """The error for a source over the size limit."""
    return ImportFailed(
        _(
            "source trop volumineuse (plus de {size} Mo)",
            size=str(max_bytes // (1024 * 1024)),
        ),
        source=source,
    )


@dataclass(slots=True)
class FetchResult:
    content: bytes
    url: str
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


class Fetcher:
    """GET one URL within the bounds above.

    Args:
        timeout: Seconds to connect, and to wait for each piece of the answer.
        deadline: Seconds for the whole fetch, every attempt and pause included.
        max_bytes: Largest body accepted, once decoded.
        max_redirects: Redirects followed at most.
        attempts: Tries on a timeout, a connection error or a 5xx.
        backoff: Pause after the first failed attempt, doubled after each next one.
        transport: An httpx transport (tests).
    """

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        deadline: float = 60.0,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = 5,
        attempts: int = 3,
        backoff: float = 1.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.attempts = attempts
        self.backoff = backoff
        self._transport = transport

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        progress: Progress | None = None,
    ) -> FetchResult:
        """The body of ``url`` (or ``not_modified`` on a 304).

        Raises:
            ImportFailed: The source cannot be fetched within the bounds; the message
                names the reason.
        """
        headers = {"User-Agent": f"pass-tui/{__version__}", "Accept-Encoding": "gzip, deflate"}
        if etag and valid_etag(etag):
            headers["If-None-Match"] = etag
        if last_modified and valid_last_modified(last_modified):
            headers["If-Modified-Since"] = last_modified
        give_up_at = time.monotonic() + self.deadline
        last_error = ""
        for attempt in range(1, self.attempts + 1):
            try:
                return self._once(url, headers, progress, give_up_at)
            except _Retryable as exc:
                last_error = str(exc)
            if attempt < self.attempts:
                pause = self.backoff * 2 ** (attempt - 1)
                if time.monotonic() + pause >= give_up_at:
                    raise self._too_long(url, last_error)
                time.sleep(pause)
        raise ImportFailed(
            _(
                "{error} (après {attempts} tentatives)",
                error=last_error,
                attempts=str(self.attempts),
            ),
            source=url,
        )

    def _once(
        self, url: str, headers: dict[str, str], progress: Progress | None, give_up_at: float
    ) -> FetchResult:
        remaining = give_up_at - time.monotonic()
        if remaining <= 0:
            raise self._too_long(url)
        encoding = ""
        try:
            with (
                httpx.Client(
                    # A read timeout restarts with every piece received, hence the deadline
                    # checked below too; never wait past it for one piece either.
                    timeout=httpx.Timeout(min(self.timeout, remaining)),
                    follow_redirects=True,
                    max_redirects=self.max_redirects,
                    transport=self._transport,
                ) as client,
                client.stream("GET", url, headers=headers) as response,
            ):
                status = response.status_code
                if status == 304:
                    return FetchResult(b"", str(response.url), not_modified=True)
                if status >= 500:
                    raise _Retryable(
                        _(
                            "le serveur a répondu {status} {reason}",
                            status=str(status),
                            reason=response.reason_phrase,
                        )
                    )
                if status >= 400:
                    raise ImportFailed(
                        _(
                            "le serveur a répondu {status} {reason}",
                            status=str(status),
                            reason=response.reason_phrase,
                        ),
                        source=url,
                    )
                encoding = response.headers.get("Content-Encoding", "")
                total = response.headers.get("Content-Length")
                total_n = int(total) if total and total.isascii() and total.isdigit() else None
                if total_n is not None and total_n > self.max_bytes and not encoding:
                    raise too_big(self.max_bytes, url)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise too_big(self.max_bytes, url)
                    if time.monotonic() > give_up_at:
                        raise self._too_long(url)
                    chunks.append(chunk)
                    if progress:
                        progress(size, total_n)
                etag = response.headers.get("ETag")
                last_modified = response.headers.get("Last-Modified")
                return FetchResult(
                    b"".join(chunks),
                    str(response.url),
                    content_type=response.headers.get("Content-Type", ""),
                    etag=etag if valid_etag(etag) else None,
                    last_modified=last_modified if valid_last_modified(last_modified) else None,
                )
        except httpx.TooManyRedirects:
            raise ImportFailed(
                _("trop de redirections (plus de {count})", count=str(self.max_redirects)),
                source=url,
            ) from None
        except httpx.DecodingError:
            raise ImportFailed(
                _(
                    "contenu compressé illisible (Content-Encoding : {encoding})",
                    encoding=encoding or "?",
                ),
                source=url,
            ) from None
        except httpx.TimeoutException:
            if time.monotonic() >= give_up_at:
                raise self._too_long(url) from None
            raise _Retryable(
                _("pas de réponse du serveur en {seconds} s", seconds=f"{self.timeout:g}")
            ) from None
        except httpx.TransportError as exc:
            raise _Retryable(_("serveur injoignable ({error})", error=type(exc).__name__)) from None
        except httpx.InvalidURL as exc:
            raise ImportFailed(_("adresse invalide ({error})", error=exc), source=url) from None
        except httpx.HTTPError as exc:
            raise ImportFailed(
                _("échec de la requête HTTP ({error})", error=type(exc).__name__), source=url
            ) from None

    def _too_long(self, url: str, last_error: str = "") -> ImportFailed:
        seconds = f"{self.deadline:g}"
        if last_error:
            problem = _(
                "{error} ; abandon après {seconds} s au total", error=last_error, seconds=seconds
            )
        else:
            problem = _("téléchargement trop long (plus de {seconds} s au total)", seconds=seconds)
        return ImportFailed(problem, source=url)


class _Retryable(Exception):
    """A failure worth another attempt (timeout, connection error, 5xx)."""
