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

import os
import stat
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime

from pass_tui.data.catalogue import Catalogue, UpsertReport
from pass_tui.data.errors import ImportFailed, StoreError
from pass_tui.data.models import Offer, SourceChecks
from pass_tui.data.paths import DataPaths
from pass_tui.data.sources.fetch import (
    Fetcher,
    Progress,
    too_big,
    valid_etag,
    valid_last_modified,
)
from pass_tui.data.store import Database, os_reason
from pass_tui.i18n import _

__all__ = [
    "FORMATS",
    "ImportReport",
    "Importer",
    "detect_format",
    "parse_offers",
    "read_local_source",
]

FORMATS = ("auto", "pass-rss", "pep-csv", "json")


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
        _("format non reconnu : précisez --format pass-rss, pep-csv ou json"), source=source
    )


def _decode(content: bytes, source: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(_("encodage illisible (ni UTF-8 ni Windows-1252)"), source=source)


def parse_offers(
    content: bytes, fmt: str, *, source: str = "", checks: SourceChecks | None = None
) -> list[Offer]:
    """Parse a whole source; raises ImportFailed on the first bad record.

    ``checks`` (today's by default) holds the day publication dates are checked against
    and collects the links dropped for not being http(s).
    """
    from pass_tui.data.sources.json_offers import parse_json_offers
    from pass_tui.data.sources.pass_rss import parse_pass_rss
    from pass_tui.data.sources.pep_csv import parse_pep_csv

    if fmt == "pass-rss":
        return parse_pass_rss(content, source=source, checks=checks)
    if fmt == "json":
        return parse_json_offers(content, source=source, checks=checks)
    if fmt == "pep-csv":
        return parse_pep_csv(_decode(content, source), source=source, checks=checks)
    raise ImportFailed(
        _("format inconnu : {fmt} (possibles : {known})", fmt=fmt, known=", ".join(FORMATS))
    )


@dataclass(slots=True)
class ImportReport:
    """What one import did.

    Attributes:
        source: The file or URL imported.
        fmt: The format it was read as.
        read: Offers read from it.
        changes: Added / updated / unchanged counts (None before the write).
        not_modified: The server answered 304: nothing was read.
        closed: Offers read whose closing date is already past (kept, but hidden from
            searches): an old export imports "successfully" and shows nothing otherwise.
        dropped_links: Links dropped because they were not http(s) (offers kept).
    """

    source: str
    fmt: str = ""
    read: int = 0
    changes: UpsertReport | None = None
    not_modified: bool = False
    closed: int = 0
    dropped_links: int = 0

    def message(self) -> str:
        """One line for the operator, in the interface language."""
        if self.not_modified:
            return _(
                "{source} : inchangé depuis le dernier import (HTTP 304), rien importé",
                source=self.source,
            )
        c = self.changes or UpsertReport()
        text = _(
            "{source} : {read} offre(s) lue(s) ({fmt}), dont {closed} déjà clôturée(s) — "
            "{added} ajoutée(s), {updated} mise(s) à jour, {unchanged} inchangée(s)",
            source=self.source,
            read=self.read,
            fmt=self.fmt,
            added=c.added,
            updated=c.updated,
            unchanged=c.unchanged,
            closed=self.closed,
        )
        if self.dropped_links:
            text += _(" ; {count} lien(s) ignoré(s) (ni http ni https)", count=self.dropped_links)
        return text


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
            raise ImportFailed(
                _("format inconnu : {fmt} (possibles : {known})", fmt=fmt, known=", ".join(FORMATS))
            )
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
            content, content_type = read_local_source(source, self.fetcher.max_bytes), ""
        report.fmt = detect_format(content, source, content_type) if fmt == "auto" else fmt
        checks = SourceChecks(self.catalogue.today())
        offers = parse_offers(content, report.fmt, source=source, checks=checks)
        report.read = len(offers)
        report.closed = sum(not offer.is_open(checks.today) for offer in offers)
        report.dropped_links = len(checks.dropped_links)
        report.changes = self.catalogue.upsert(offers)
        if is_url:
            # The offers are committed. The validators only save the next download: when
            # they can't be kept (disk full), the next import fetches the whole source.
            with suppress(StoreError):
                self._remember(source, validators)
        return report

    def _validators(self, url: str) -> dict[str, str]:
        """The validators kept from ``url``'s last import; values that could not be sent
        in a header (a server once sent a non-ASCII ETag) are ignored."""
        for doc in self.state.table("sources").all():
            if doc.get("url") == url:
                return _usable(doc)
        return {}

    def _remember(self, url: str, validators: dict[str, str]) -> None:
        from tinydb import Query

        record = {"url": url, **_usable(validators), "imported_at": datetime.now(UTC).isoformat()}
        with self.state.transaction() as tx:
            tx.table("sources").upsert(record, Query().url == url)


def _usable(validators: Mapping[str, object]) -> dict[str, str]:
    """The ETag and Last-Modified of ``validators`` that are valid HTTP header values."""
    etag, last_modified = validators.get("etag"), validators.get("last_modified")
    return {
        "etag": etag if isinstance(etag, str) and valid_etag(etag) else "",
        "last_modified": (
            last_modified
            if isinstance(last_modified, str) and valid_last_modified(last_modified)
            else ""
        ),
    }


def read_local_source(source: str, max_bytes: int) -> bytes:
    """The content of a local file, at most ``max_bytes`` (the cap of URL imports).

    A directory, a named pipe, a device or a socket is named as such and never opened
    (a FIFO would block the import forever; a device may have side effects); the file is
    opened non-blocking anyway, and checked again once open, in case it was swapped.

    Raises:
        ImportFailed: The path is missing, not a regular file, unreadable or too big.
    """
    try:
        st = os.stat(source)
    except (FileNotFoundError, NotADirectoryError):
        raise ImportFailed(_("fichier introuvable"), source=source) from None
    except OSError as exc:
        raise _unreadable(source, exc) from None
    _require_regular(st.st_mode, source)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(source, flags)
    except OSError as exc:
        raise _unreadable(source, exc) from None
    try:
        with os.fdopen(fd, "rb") as fh:
            _require_regular(os.fstat(fh.fileno()).st_mode, source)
            content = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _unreadable(source, exc) from None
    if len(content) > max_bytes:
        raise too_big(max_bytes, source)
    return content


def _require_regular(mode: int, source: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        problem = _("c'est un dossier, pas un fichier")
    elif stat.S_ISFIFO(mode):
        problem = _("c'est un tube nommé (FIFO), pas un fichier")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        problem = _("c'est un périphérique, pas un fichier")
    elif stat.S_ISSOCK(mode):
        problem = _("c'est une socket, pas un fichier")
    else:
        problem = _("ce n'est pas un fichier ordinaire")
    raise ImportFailed(problem, source=source)


def _unreadable(source: str, exc: OSError) -> ImportFailed:
    return ImportFailed(_("lecture impossible ({reason})", reason=os_reason(exc)), source=source)
