"""Import offers from a file or an http(s) URL: fetch, detect the format, parse, upsert.

All or nothing: the whole source is fetched and parsed before anything is written, and a
source that fails leaves the catalogue (and the remembered ETag) exactly as it was.

Over HTTP: bounded time (connect/read timeouts, a total deadline), bounded size (20 MB by
default, counted on the *decoded* body so a gzip bomb stops early), bounded redirects,
retries with exponential backoff on timeouts, connection errors and 5xx, a clear message on
4xx, and conditional GET: the ETag / Last-Modified of each URL's last successful import are
kept in ``imports.json`` and a 304 imports nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from pass_tui import __version__
from pass_tui.data.catalogue import Catalogue, UpsertReport
from pass_tui.data.errors import ImportFailed
from pass_tui.data.models import Offer
from pass_tui.data.paths import DataPaths
from pass_tui.data.store import Database

__all__ = [
    "FORMATS",
    "FetchResult",
    "Fetcher",
    "ImportReport",
    "Importer",
    "detect_format",
    "parse_offers",
]

FORMATS = ("auto", "pass-rss", "pep-csv", "json")
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


def detect_format(content: bytes, source: str = "", content_type: str = "") -> str:
    """'pass-rss', 'json' or 'pep-csv', from the content first, then the name."""
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or "xml" in content_type or "rss" in content_type:
        return "pass-rss"
    if head[:1] in (b"{", b"[") or "json" in content_type:
        return "json"
    first_line = head.split(b"\n", 1)[0]
    if b";" in first_line or source.lower().endswith(".csv") or "csv" in content_type:
        return "pep-csv"
    raise ImportFailed(
        "format non reconnu : précisez --format pass-rss, pep-csv ou json", source=source
    )


def _decode(content: bytes, source: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed("encodage illisible (ni UTF-8 ni Windows-1252)", source=source)


def parse_offers(content: bytes, fmt: str, *, source: str = "") -> list[Offer]:
    """Parse a whole source; raises ImportFailed on the first bad record."""
    from pass_tui.data.sources.json_offers import parse_json_offers
    from pass_tui.data.sources.pass_rss import parse_pass_rss
    from pass_tui.data.sources.pep_csv import parse_pep_csv

    if fmt == "pass-rss":
        return parse_pass_rss(content, source=source)
    if fmt == "json":
        return parse_json_offers(content, source=source)
    if fmt == "pep-csv":
        return parse_pep_csv(_decode(content, source), source=source)
    raise ImportFailed(f"format inconnu : {fmt} (possibles : {', '.join(FORMATS)})")


@dataclass(slots=True)
class ImportReport:
    source: str
    fmt: str = ""
    read: int = 0
    changes: UpsertReport | None = None
    not_modified: bool = False

    def message(self) -> str:
        if self.not_modified:
            return f"{self.source} : inchangé depuis le dernier import (HTTP 304), rien importé"
        c = self.changes or UpsertReport()
        return (
            f"{self.source} : {self.read} offre(s) lue(s) ({self.fmt}) — {c.added} ajoutée(s), "
            f"{c.updated} mise(s) à jour, {c.unchanged} inchangée(s)"
        )


class Importer:
    """Imports sources into one catalogue, remembering HTTP validators per URL."""

    def __init__(
        self, paths: DataPaths, catalogue: Catalogue, fetcher: Fetcher | None = None
    ) -> None:
        self.catalogue = catalogue
        self.fetcher = fetcher or Fetcher()
        self.state = Database(paths.imports)

    def run(self, source: str, fmt: str = "auto", progress: Progress | None = None) -> ImportReport:
        if fmt not in FORMATS:
            raise ImportFailed(f"format inconnu : {fmt} (possibles : {', '.join(FORMATS)})")
        report = ImportReport(source)
        is_url = source.startswith(("http://", "https://"))
        validators: dict[str, str] = {}
        if is_url:
            known = self._validators(source)
            fetched = self.fetcher.get(
                source,
                etag=known.get("etag"),
                last_modified=known.get("last_modified"),
                progress=progress,
            )
            if fetched.not_modified:
                report.not_modified = True
                return report
            content, content_type = fetched.content, fetched.content_type
            validators = {"etag": fetched.etag or "", "last_modified": fetched.last_modified or ""}
        else:
            path = Path(source)
            if not path.is_file():
                raise ImportFailed("fichier introuvable", source=source)
            content, content_type = path.read_bytes(), ""
        report.fmt = detect_format(content, source, content_type) if fmt == "auto" else fmt
        offers = parse_offers(content, report.fmt, source=source)
        report.read = len(offers)
        report.changes = self.catalogue.upsert(offers)
        if is_url:
            self._remember(source, validators)
        return report

    def _validators(self, url: str) -> dict[str, str]:
        for doc in self.state.table("sources").all():
            if doc.get("url") == url:
                return dict(doc)
        return {}

    def _remember(self, url: str, validators: dict[str, str]) -> None:
        from tinydb import Query

        record = {"url": url, **validators, "imported_at": datetime.now(UTC).isoformat()}
        with self.state.transaction() as tx:
            tx.table("sources").upsert(record, Query().url == url)
