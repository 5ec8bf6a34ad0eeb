"""The offer catalogue: a TinyDB file plus an in-memory search index kept beside it.

Searching TinyDB directly re-reads and re-parses the whole JSON file and tests every
document per query (over a second at 100k offers). Instead, whenever the catalogue is
written, an index is built and saved next to it (``.catalogue.index``, marshal format):

* offers are numbered by *position* in newest-first order, so any set of offers is a
  Python ``int`` used as a bitmask, and "newest first" is just "lowest bits first";
* every value of every criterion (nature, domain, organisation, level, region,
  department) has a bitmask; criteria combine with ``&``/``|`` and facet counts are
  ``(mask & value_mask).bit_count()`` — microseconds even at 100k offers;
* keywords go through an inverted index of accent-folded tokens (prefix match), its
  postings stored as bitmaps when dense and as position arrays when sparse;
* result rows (title, employer, place, date) are held in memory; a full offer is read
  from the catalogue file with one seek, at the byte offset recorded at write time.

A process notices another one's write by the catalogue file's identity (inode, size,
mtime) and reloads the index; a missing or stale index is rebuilt from the file, and kept
in memory when it can't be saved (read-only data dir, full disk): reads never need to write.
"""

from __future__ import annotations

import bisect
import io
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, BinaryIO

from pass_tui.data.catalogue.index import (
    FACETS,
    TABLE,
    Index,
    OfferSummary,
    build_raw,
    load_raw,
    save_index,
    scan_lines,
)
from pass_tui.data.criteria import BY_NAME, CRITERIA, SearchCriteria
from pass_tui.data.models import Offer
from pass_tui.data.paths import DataPaths
from pass_tui.data.refdata import refdata
from pass_tui.data.store import (
    LOCK_TIMEOUT,
    Database,
    StoreError,
    fd_signature,
    file_signature,
    parse_tinydb,
    read_failed,
    remove_stale_temps,
    serialise,
)
from pass_tui.data.text import STOP_WORDS, tokens
from pass_tui.i18n import _

__all__ = ["FACETS", "Catalogue", "OfferSummary", "SearchResult", "UpsertReport"]


@dataclass(slots=True)
class UpsertReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated


class SearchResult:
    """The offers matching some criteria, newest first, with facet counts.

    ``closed_match`` is the closed offer the keywords name by its reference, if any:
    closed offers are not listed, so a search for one's reference says it is closed
    (:meth:`closed_notice`) rather than just "0 offre".
    """

    def __init__(
        self,
        criteria: SearchCriteria,
        index: Index,
        positions: array,
        facets: dict,
        closed_match: OfferSummary | None = None,
    ) -> None:
        self.criteria = criteria
        self._index = index
        self._positions = positions
        self.facets: dict[str, dict[str, int]] = facets
        self.closed_match = closed_match

    @property
    def count(self) -> int:
        return len(self._positions)

    def __len__(self) -> int:
        return len(self._positions)

    def summaries(self, start: int = 0, stop: int | None = None) -> list[OfferSummary]:
        return [self._index.summary(p) for p in self._positions[start:stop]]

    def summary_at(self, i: int) -> OfferSummary:
        return self._index.summary(self._positions[i])

    def reference_at(self, i: int) -> str:
        return self._index.refs[self._positions[i]]

    def offer_at(self, i: int) -> Offer:
        return self._index.offer(self._positions[i])

    def offers(self, start: int = 0, stop: int | None = None) -> list[Offer]:
        return [self._index.offer(p) for p in self._positions[start:stop]]

    def index_of(self, reference: str) -> int | None:
        """The row of the offer with this reference (exact, else unambiguous ignoring case
        and accents), or None when it is not in the result."""
        position = self._index.find(reference)
        if position is None:
            return None
        i = bisect.bisect_left(self._positions, position)
        return i if i < len(self._positions) and self._positions[i] == position else None

    def closed_notice(self) -> str | None:
        """ "L'offre 2026-1 est clôturée depuis le 01/11/2026." when the keywords name a
        closed offer by its reference; None otherwise."""
        match = self.closed_match
        if match is None or match.closing is None:
            return None
        return _(
            "L'offre {reference} est clôturée depuis le {date}.",
            reference=match.reference,
            date=match.closing.strftime("%d/%m/%Y"),
        )

    def to_json(self, limit: int | None = None) -> dict[str, Any]:
        """The CLI's JSON shape: count, criteria, facets, offers newest first; plus
        ``closed`` (the closed offer's summary) when the keywords name a closed offer."""
        doc: dict[str, Any] = {
            "count": self.count,
            "criteria": self.criteria.model_dump(mode="json"),
            "facets": self.facets,
            "offers": [o.model_dump(mode="json") for o in self.offers(0, limit)],
        }
        if self.closed_match is not None:
            doc["closed"] = {
                key: value.isoformat() if isinstance(value, date) else value
                for key, value in asdict(self.closed_match).items()
            }
        return doc


class Catalogue:
    """Offers: search, read by reference, upsert. The only code that touches the file."""

    def __init__(self, paths: DataPaths, today: Callable[[], date] = date.today) -> None:
        self.paths = paths
        self.db = Database(paths.catalogue, cache=False)
        self._today = today
        self._index: Index | None = None
        self._lock = threading.Lock()

    # -- index lifecycle --------------------------------------------------------------------
    # Reads never need to write: the saved index is used when it describes the catalogue
    # file as it is now; otherwise the index is rebuilt from the file and saved for the
    # other processes when the data dir can be written and no writer holds the lock right
    # now, else kept in memory (read-only data dir, full disk). A failed index write after
    # a committed catalogue write leaves an index with the old signature: the next read
    # sees the mismatch and rebuilds.
    def _current(self) -> Index:
        """The index matching the catalogue file as it is now (reloaded after any write)."""
        sig = file_signature(self.paths.catalogue)
        with self._lock:
            index = self._index
            if index is not None and sig == index.signature:
                return index
            if sig is None:
                index = Index(build_raw({}, {}, (0, 0, 0)), self.paths.catalogue)
            else:
                index = self._load()
            # The previous index is not closed here: another thread may still be reading
            # offers through it; its file handle closes when the last reference goes.
            self._index = index
            return index

    def _load(self) -> Index:
        """The index of the catalogue file, read through one open file so the index, its
        signature and the offers it reads all come from the same version of the file."""
        try:
            fh = open(self.paths.catalogue, "rb")  # noqa: SIM115 - handed to the Index
        except FileNotFoundError:
            return Index(build_raw({}, {}, (0, 0, 0)), self.paths.catalogue)
        except OSError as exc:
            raise read_failed(self.paths.catalogue, exc) from None
        try:
            sig = fd_signature(fh.fileno())
            saved = self._load_saved(sig)
            if saved is not None:
                return Index(saved, self.paths.catalogue, fh)
            raw, fh = self._rebuild(fh, sig)
            return Index(raw, self.paths.catalogue, fh)
        except BaseException:
            fh.close()
            raise

    def _load_saved(self, sig: tuple[int, int, int]) -> dict[str, Any] | None:
        return load_raw(self.paths.catalogue_index, sig)

    def _rebuild(self, fh: BinaryIO, sig: tuple[int, int, int]) -> tuple[dict[str, Any], BinaryIO]:
        """Rebuild the index from the catalogue file open as ``fh``; returns it and the file
        to read offers from. A file not in our one-document-per-line layout is rewritten
        in it when possible, else served from its normalised content in memory.

        Raises:
            StoreError: The file is unreadable, truncated or corrupt (left as it is).
        """
        path = self.paths.catalogue
        try:
            content = fh.read()
        except OSError as exc:
            raise read_failed(path, exc) from None
        in_memory = False
        docs, offsets = scan_lines(content)
        if docs is None:
            data = parse_tinydb(content, path)
            payload, all_offsets = serialise(data)
            docs = data.get(TABLE, {})
            offsets = all_offsets.get(TABLE, {})
            fh.close()
            rewritten = self._rewrite(data, sig)
            if rewritten is None:
                # The offsets describe ``payload``, not the file: this index is never saved.
                fh, in_memory = io.BytesIO(payload), True
            else:
                fh, sig = rewritten
        try:
            raw = build_raw(docs, offsets, sig)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            fh.close()
            raise StoreError(
                _("{path} : offre illisible dans le catalogue ({error})", path=str(path), error=exc)
            ) from None
        if not in_memory:
            self._save_if_possible(raw, sig)
        return raw, fh

    def _rewrite(
        self, data: dict[str, Any], sig: tuple[int, int, int]
    ) -> tuple[BinaryIO, tuple[int, int, int]] | None:
        """Rewrite the catalogue in our layout if it still is the version ``sig`` and the
        lock is free now; the new file, open, and its signature (None: not rewritten)."""
        try:
            with self._locked(timeout=0):
                if file_signature(self.paths.catalogue) != sig:
                    return None
                self.db.storage.write(data)
                fh = open(self.paths.catalogue, "rb")  # noqa: SIM115 - handed to the Index
                return fh, fd_signature(fh.fileno())
        except (StoreError, OSError):
            return None

    def _save_if_possible(self, raw: dict[str, Any], sig: tuple[int, int, int]) -> None:
        """Save a rebuilt index for the other processes; skipped when the data dir can't
        be written (read-only, full) or another process is writing right now (it saves
        its own)."""
        try:
            with self._locked(timeout=0):
                if file_signature(self.paths.catalogue) == sig:
                    save_index(self.paths.catalogue_index, raw)
        except StoreError:
            pass

    @contextmanager
    def _locked(self, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
        """The catalogue's write lock (StoreError when it can't be taken)."""
        with self.db.locked(timeout):
            remove_stale_temps(self.paths.catalogue_index)
            yield

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None

    # -- queries ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._current().n

    def today(self) -> date:
        """The day offers are open or closed on (injectable for tests)."""
        return self._today()

    def references(self) -> list[str]:
        """Every offer's reference, newest first."""
        return list(self._current().refs)

    def get(self, reference: str) -> Offer | None:
        """Any offer by reference, open or closed: the exact reference wins; otherwise
        the one offer whose reference matches ignoring case and accents (None when no
        offer or several do: "É-1" and "E-1" are two offers)."""
        index = self._current()
        position = index.find(reference.strip())
        return None if position is None else index.offer(position)

    def organisations(self) -> list[str]:
        """Organisations present in the catalogue, then the reference list, no duplicates."""
        present = sorted(self._current().facets.get("organisations", {}))
        known = [o for o in refdata().organisations if o not in present]
        return present + known

    def search(self, criteria: SearchCriteria) -> SearchResult:
        """Open offers matching ``criteria``, newest first, with facet counts per value.

        A value's facet count is the number of results if that value were selected within
        its criterion while the other criteria stay as they are.
        """
        index = self._current()
        open_now = index.open_mask(self._today())
        named = _reference_hits(index, criteria.keywords)
        base = open_now & _keyword_mask(index, criteria.keywords, named)
        masks: dict[str, int | None] = {}
        for criterion in CRITERIA:
            if criterion.search_group not in masks:
                masks[criterion.search_group] = _group_mask(index, criterion.search_group, criteria)
        selected = base
        for mask in masks.values():
            if mask is not None:
                selected &= mask
        facets: dict[str, dict[str, int]] = {}
        for criterion in CRITERIA:
            others = base
            for group, mask in masks.items():
                if group != criterion.search_group and mask is not None:
                    others &= mask
            bits_of = index.facets.get(criterion.name, {})
            facets[criterion.name] = {
                value: (others & bits_of[value]).bit_count() if value in bits_of else 0
                for value in _facet_values(criterion.reference_values(), bits_of)
            }
        closed_match = None
        if len(named) == 1 and not open_now >> named[0] & 1:
            closed_match = index.summary(named[0])
        return SearchResult(criteria, index, index.positions(selected), facets, closed_match)

    # -- writes -----------------------------------------------------------------------------
    def upsert(self, offers: Iterable[Offer]) -> UpsertReport:
        """Insert new offers and replace changed ones, by reference, in one atomic write."""
        report = UpsertReport()
        incoming: dict[str, dict[str, Any]] = {}
        for offer in offers:
            incoming[offer.reference] = offer.model_dump(mode="json")
        # The lock spans the write and the indexing, so the saved index always describes
        # the file this process wrote, never one another writer replaced it with.
        with self._locked():
            with self.db.storage.batch():
                data = self.db.storage.read() or {}
                table: dict[str, dict] = data.setdefault(TABLE, {})
                key_of = {doc.get("reference"): key for key, doc in table.items()}
                next_id = max((int(k) for k in table), default=0) + 1
                for ref, doc in incoming.items():
                    key = key_of.get(ref)
                    if key is None:
                        table[str(next_id)] = doc
                        next_id += 1
                        report.added += 1
                    elif table[key] == doc:
                        report.unchanged += 1
                    else:
                        table[key] = doc
                        report.updated += 1
                if not report.changed:
                    return report
                self.db.storage.write(data)
            self._index_written(table)
        return report

    def remove(
        self, references: Iterable[str], *, where: Callable[[dict[str, Any]], bool] | None = None
    ) -> int:
        """Remove the offers with these exact references, in one atomic write.

        Args:
            references: References to remove; unknown ones are ignored.
            where: When given, an offer is removed only if ``where(stored document)`` is
                true, checked under the write lock (so an offer another process replaced
                in between is judged as it is now).

        Returns:
            How many offers were removed (0: nothing was written).
        """
        wanted = set(references)
        if not wanted:
            return 0
        with self._locked():
            with self.db.storage.batch():
                data = self.db.storage.read() or {}
                table: dict[str, dict] = data.setdefault(TABLE, {})
                doomed = [
                    key
                    for key, doc in table.items()
                    if doc.get("reference") in wanted and (where is None or where(doc))
                ]
                if not doomed:
                    return 0
                for key in doomed:
                    del table[key]
                self.db.storage.write(data)
            self._index_written(table)
        return len(doomed)

    def _index_written(self, docs: dict[str, dict]) -> None:
        """Index the documents just written, from memory: no re-read of the file. Called
        under the lock. The catalogue is committed already: when the index can't be saved
        (disk full), this process keeps it in memory and the others rebuild theirs."""
        offsets = (self.db.storage.last_offsets or {}).get(TABLE, {})
        try:
            fh = open(self.paths.catalogue, "rb")  # noqa: SIM115 - handed to the Index
        except OSError:
            return  # the next read rebuilds (and names the problem)
        sig = fd_signature(fh.fileno())
        raw = build_raw(docs, offsets, sig)
        with suppress(StoreError):
            save_index(self.paths.catalogue_index, raw)
        with self._lock:
            self._index = Index(raw, self.paths.catalogue, fh)


# -- search helpers ---------------------------------------------------------------------------
def _reference_hits(index: Index, keywords: str) -> list[int]:
    """The offers the keywords name by reference: the exact reference; else every offer
    whose reference matches ignoring case and accents (usually one)."""
    text = keywords.strip()
    return index.matching(text) if text else []


def _keyword_mask(index: Index, keywords: str, named: list[int]) -> int:
    """The offers the keywords find; ``named`` are those they name by reference."""
    text = keywords.strip()
    if not text:
        return index.all
    if named:
        mask = 0
        for position in named:
            mask |= 1 << position
        return mask
    words = [w for w in dict.fromkeys(tokens(text)) if w not in STOP_WORDS]
    mask = index.all
    for word in sorted(words, key=len, reverse=True):  # long words are rarer: fail fast
        mask &= index.word_mask(word)
        if not mask:
            break
    return mask


def _facet_values(known: list[str], present: dict[str, int]) -> list[str]:
    """Every value of a criterion: the reference list in its order, then any other value
    found in the catalogue."""
    seen = set(known)
    return known + sorted(v for v in present if v not in seen)


def _group_mask(index: Index, group: str, criteria: SearchCriteria) -> int | None:
    """The offers a group of criteria lets through (None: no value chosen)."""
    if group == "location":
        return _location_mask(index, criteria.regions, criteria.departments)
    return _criterion_mask(index, group, criteria.values(BY_NAME[group]))


def _criterion_mask(index: Index, crit: str, values: Iterable[object]) -> int | None:
    values = [str(v) for v in values]
    if not values:
        return None
    bits = index.facets.get(crit, {})
    mask = 0
    for value in values:
        mask |= bits.get(value, 0)
    return mask


def _location_mask(index: Index, regions: Iterable[str], departments: Iterable[str]) -> int | None:
    """Regions and departments are one criterion: a department narrows its own region."""
    regions, departments = list(regions), list(departments)
    if not regions and not departments:
        return None
    rd = refdata()
    narrowed = {rd.department_by_code[d].region for d in departments if d in rd.department_by_code}
    mask = _criterion_mask(index, "departments", departments) or 0
    for region in regions:
        if region not in narrowed:
            mask |= index.facets.get("regions", {}).get(region, 0)
    return mask
