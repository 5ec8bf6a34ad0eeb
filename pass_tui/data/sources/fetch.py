"""Fetching a source over http(s) within bounds: time, size, redirects, retries.

Bounded time (connect/read timeouts and a total deadline), bounded size (20 MB by default,
counted on the *decoded* body so a gzip bomb stops early), bounded redirects, retries with
exponential backoff on timeouts, connection errors and 5xx, a clear message on 4xx, and
conditional GET (If-None-Match / If-Modified-Since from the last successful import).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from pass_tui import __version__
from pass_tui.data.errors import ImportFailed

__all__ = ["FetchResult", "Fetcher", "Progress"]

Progress = Callable[[int, int | None], None]  # bytes so far, total if known


@dataclass(slots=True)
class FetchResult:
    content: bytes
    url: str
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


class Fetcher:
    """GET one URL within the bounds above."""

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        deadline: float = 120.0,
        max_bytes: int = 20 * 1024 * 1024,
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
        headers = {"User-Agent": f"pass-tui/{__version__}", "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        last_error = ""
        for attempt in range(1, self.attempts + 1):
            try:
                return self._once(url, headers, progress)
            except _Retryable as exc:
                last_error = str(exc)
                if attempt < self.attempts:
                    time.sleep(self.backoff * 2 ** (attempt - 1))
        raise ImportFailed(f"{last_error} (après {self.attempts} tentatives)", source=url)

    def _once(self, url: str, headers: dict[str, str], progress: Progress | None) -> FetchResult:
        started = time.monotonic()
        try:
            with (
                httpx.Client(
                    timeout=httpx.Timeout(self.timeout),
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
                    raise _Retryable(f"le serveur a répondu {status} {response.reason_phrase}")
                if status >= 400:
                    raise ImportFailed(
                        f"le serveur a répondu {status} {response.reason_phrase}", source=url
                    )
                total = response.headers.get("Content-Length")
                total_n = int(total) if total and total.isdigit() else None
                if (
                    total_n is not None
                    and total_n > self.max_bytes
                    and not response.headers.get("Content-Encoding")
                ):
                    raise self._too_big(url)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise self._too_big(url)
                    if time.monotonic() - started > self.deadline:
                        raise _Retryable(f"téléchargement trop long (plus de {self.deadline:g} s)")
                    chunks.append(chunk)
                    if progress:
                        progress(size, total_n)
                return FetchResult(
                    b"".join(chunks),
                    str(response.url),
                    content_type=response.headers.get("Content-Type", ""),
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                )
        except httpx.TooManyRedirects:
            raise ImportFailed(
                f"trop de redirections (plus de {self.max_redirects})", source=url
            ) from None
        except httpx.TimeoutException:
            raise _Retryable(f"pas de réponse du serveur en {self.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"serveur injoignable ({type(exc).__name__})") from None
        except httpx.InvalidURL as exc:
            raise ImportFailed(f"adresse invalide ({exc})", source=url) from None

    def _too_big(self, url: str) -> ImportFailed:
        return ImportFailed(
            f"source trop volumineuse (plus de {self.max_bytes // (1024 * 1024)} Mo)", source=url
        )


class _Retryable(Exception):
    """A failure worth another attempt (timeout, connection error, 5xx)."""
