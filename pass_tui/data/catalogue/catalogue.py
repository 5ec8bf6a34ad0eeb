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
mtime) and reloads the index; a missing or stale index is rebuilt from the file.
"""

from __future__ import annotations

import bisect
import json
import marshal
import re
import threading
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pass_tui.data.criteria import BY_NAME, CRITERIA, SearchCriteria
from pass_tui.data.models import Offer, format_location
from pass_tui.data.paths import DataPaths
from pass_tui.data.refdata import refdata
from pass_tui.data.store import Database, atomic_write, file_signature
from pass_tui.data.text import STOP_WORDS, fold, tokens

__all__ = ["FACETS", "Catalogue", "OfferSummary", "SearchResult", "UpsertReport"]

INDEX_VERSION = 4
TABLE = "offers"
# criterion name in SearchCriteria -> offer field
FACETS: dict[str, str] = {c.name: c.field for c in CRITERIA}
_SEARCHED_FIELDS = ("title", "description", "profile", "employer", "organisation", "city")
_DENSE_DIVISOR = 32  # a token in more than 1/32 of offers is stored as a bitmap
_CACHE_LIMIT = 512


@dataclass(frozen=True, slots=True)
class OfferSummary:
    """One row of a result list."""

    reference: str
    title: str
    employer: str
    location: str
    nature: str
    published: date
    closing: date | None


@dataclass(slots=True)
class UpsertReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated


class _Index:
    """The loaded index of one version of the catalogue file."""

    def __init__(self, raw: dict[str, Any], path: Path) -> None:
        self.signature: tuple[int, int, int] = tuple(raw["signature"])  # type: ignore[assignment]
        self.n: int = raw["n"]
        self.refs: list[str] = raw["refs"]
        self.titles: list[str] = raw["titles"]
        self.employers: list[str] = raw["employers"]
        self.locations: list[str] = raw["locations"]
        self.natures: list[str] = raw["natures"]
        self.published = array("I")
        self.published.frombytes(raw["published"])
        self.closing = array("I")
        self.closing.frombytes(raw["closing"])
        self.by_closing = array("I")
        self.by_closing.frombytes(raw["by_closing"])
        self.closing_sorted = array("I")
        self.closing_sorted.frombytes(raw["closing_sorted"])
        self.offsets = array("Q")
        self.offsets.frombytes(raw["offsets"])
        self.lengths = array("I")
        self.lengths.frombytes(raw["lengths"])
        self.facets: dict[str, dict[str, int]] = {
            crit: {value: int.from_bytes(bits, "little") for value, bits in values.items()}
            for crit, values in raw["facets"].items()
        }
        self.tokens: list[str] = raw["tokens"]
        self.postings: list[bytes] = raw["postings"]
        self.by_ref: dict[str, int] = {fold(ref): i for i, ref in enumerate(self.refs)}
        self.all = (1 << self.n) - 1
        self._fh = open(path, "rb") if self.n else None  # noqa: SIM115 - kept for the index's life
        self._io = threading.Lock()
        self._open: tuple[int, int] | None = None  # (day ordinal, mask)
        self._word_cache: dict[str, int] = {}

    # -- reading offers ---------------------------------------------------------------------
    def offer(self, position: int) -> Offer:
        assert self._fh is not None
        with self._io:
            self._fh.seek(self.offsets[position])
            raw = self._fh.read(self.lengths[position])
        return Offer.model_validate(json.loads(raw))

    def summary(self, position: int) -> OfferSummary:
        closing = self.closing[position]
        return OfferSummary(
            reference=self.refs[position],
            title=self.titles[position],
            employer=self.employers[position],
            location=self.locations[position],
            nature=self.natures[position],
            published=date.fromordinal(self.published[position]),
            closing=date.fromordinal(closing) if closing else None,
        )

    # -- masks ------------------------------------------------------------------------------
    def open_mask(self, today: date) -> int:
        """Offers not closed on ``today``: all but a prefix of the closing-date order."""
        day = today.toordinal()
        if self._open is None or self._open[0] != day:
            closed = self.by_closing[: bisect.bisect_left(self.closing_sorted, day)]
            self._open = (day, self.all & ~_mask_of(closed, self.n))
        return self._open[1]

    def word_mask(self, word: str) -> int:
        """Offers with a token starting with ``word`` (already folded)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        lo = bisect.bisect_left(self.tokens, word)
        hi = bisect.bisect_left(self.tokens, word + "\x7f", lo)
        dense = 0
        sparse = array("I")
        for raw in self.postings[lo:hi]:
            if raw[:1] == b"B":
                dense |= int.from_bytes(raw[1:], "little")
            else:
                sparse.frombytes(raw[1:])
        mask = dense | _mask_of(sparse, self.n)
        if len(self._word_cache) >= _CACHE_LIMIT:
            self._word_cache.clear()
        self._word_cache[word] = mask
        return mask

    def positions(self, mask: int) -> array:
        """Set bits of ``mask`` in ascending order: newest offers first."""
        out = array("I")
        if mask:
            data = mask.to_bytes((self.n + 7) // 8, "little")
            bits = _BITS
            for match in _NONZERO.finditer(data):
                i = match.start()
                base = i << 3
                out.extend([base + b for b in bits[data[i]]])
        return out

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _mask_of(positions: Iterable[int], n: int) -> int:
    """The bitmask with the given positions set."""
    bits = bytearray((n + 7) // 8)
    for p in positions:
        bits[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(bits, "little")


_BITS = [tuple(b for b in range(8) if byte >> b & 1) for byte in range(256)]
_NONZERO = re.compile(rb"[^\x00]")


class SearchResult:
    """The offers matching some criteria, newest first, with facet counts."""

    def __init__(
        self, criteria: SearchCriteria, index: _Index, positions: array, facets: dict
    ) -> None:
        self.criteria = criteria
        self._index = index
        self._positions = positions
        self.facets: dict[str, dict[str, int]] = facets

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
        position = self._index.by_ref.get(fold(reference))
        if position is None:
            return None
        i = bisect.bisect_left(self._positions, position)
        return i if i < len(self._positions) and self._positions[i] == position else None

    def to_json(self, limit: int | None = None) -> dict[str, Any]:
        """The CLI's JSON shape: count, criteria, facets, offers newest first."""
        return {
            "count": self.count,
            "criteria": self.criteria.model_dump(mode="json"),
            "facets": self.facets,
            "offers": [o.model_dump(mode="json") for o in self.offers(0, limit)],
        }


class Catalogue:
    """Offers: search, read by reference, upsert. The only code that touches the file."""

    def __init__(self, paths: DataPaths, today: Callable[[], date] = date.today) -> None:
        self.paths = paths
        self.db = Database(paths.catalogue, cache=False)
        self._today = today
        self._index: _Index | None = None
        self._lock = threading.Lock()

    # -- index lifecycle --------------------------------------------------------------------
    def _current(self) -> _Index:
        """The index matching the catalogue file as it is now (reloaded after any write)."""
        sig = file_signature(self.paths.catalogue)
        with self._lock:
            index = self._index
            if index is not None and sig == index.signature:
                return index
            if sig is None:
                index = _Index(_build_raw({}, {}, (0, 0, 0)), self.paths.catalogue)
            else:
                index = self._load_saved(sig) or self._rebuild()
            # The previous index is not closed here: another thread may still be reading
            # offers through it; its file handle closes when the last reference goes.
            self._index = index
            return index

    def _load_saved(self, sig: tuple[int, int, int]) -> _Index | None:
        try:
            raw = marshal.loads(self.paths.catalogue_index.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if (
            not isinstance(raw, dict)
            or raw.get("version") != INDEX_VERSION
            or tuple(raw.get("signature", ())) != sig
        ):
            return None
        return _Index(raw, self.paths.catalogue)

    def _rebuild(self) -> _Index:
        """Re-read the catalogue file and rebuild its index (rewriting the file if it was
        not written in our one-document-per-line layout)."""
        with self.db.lock:
            sig = file_signature(self.paths.catalogue)
            assert sig is not None
            docs, offsets = _scan_lines(self.paths.catalogue)
            if docs is None:
                data = self.db.storage.read() or {}
                self.db.storage.write(data)
                docs = data.get(TABLE, {})
                offsets = (self.db.storage.last_offsets or {}).get(TABLE, {})
                sig = file_signature(self.paths.catalogue)
                assert sig is not None
            raw = _build_raw(docs, offsets, sig)
            _save_index(self.paths.catalogue_index, raw)
        return _Index(raw, self.paths.catalogue)

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None

    # -- queries ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._current().n

    def get(self, reference: str) -> Offer | None:
        """Any offer by reference, open or closed."""
        index = self._current()
        position = index.by_ref.get(fold(reference.strip()))
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
        base = index.open_mask(self._today()) & _keyword_mask(index, criteria.keywords)
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
        return SearchResult(criteria, index, index.positions(selected), facets)

    # -- writes -----------------------------------------------------------------------------
    def upsert(self, offers: Iterable[Offer]) -> UpsertReport:
        """Insert new offers and replace changed ones, by reference, in one atomic write."""
        report = UpsertReport()
        incoming: dict[str, dict[str, Any]] = {}
        for offer in offers:
            incoming[offer.reference] = offer.model_dump(mode="json")
        # The lock spans the write and the indexing, so the saved index always describes
        # the file this process wrote, never one another writer replaced it with.
        with self.db.lock:
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

    def _index_written(self, docs: dict[str, dict]) -> None:
        """Index the documents just written, from memory: no re-read of the file."""
        offsets = (self.db.storage.last_offsets or {}).get(TABLE, {})
        sig = file_signature(self.paths.catalogue) or (0, 0, 0)
        _save_index(self.paths.catalogue_index, _build_raw(docs, offsets, sig))


# -- search helpers ---------------------------------------------------------------------------
def _keyword_mask(index: _Index, keywords: str) -> int:
    text = keywords.strip()
    if not text:
        return index.all
    position = index.by_ref.get(fold(text))
    if position is not None:
        return 1 << position
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


def _group_mask(index: _Index, group: str, criteria: SearchCriteria) -> int | None:
    """The offers a group of criteria lets through (None: no value chosen)."""
    if group == "location":
        return _location_mask(index, criteria.regions, criteria.departments)
    return _criterion_mask(index, group, criteria.values(BY_NAME[group]))


def _criterion_mask(index: _Index, crit: str, values: Iterable[object]) -> int | None:
    values = [str(v) for v in values]
    if not values:
        return None
    bits = index.facets.get(crit, {})
    mask = 0
    for value in values:
        mask |= bits.get(value, 0)
    return mask


def _location_mask(index: _Index, regions: Iterable[str], departments: Iterable[str]) -> int | None:
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


# -- building the index -----------------------------------------------------------------------
def _scan_lines(path: Path) -> tuple[dict[str, dict] | None, dict[str, tuple[int, int]]]:
    """Documents and their offsets from a file in our one-document-per-line layout, or
    (None, {}) when the file has another layout."""
    docs: dict[str, dict] = {}
    offsets: dict[str, tuple[int, int]] = {}
    with open(path, "rb") as fh:
        data = fh.read()
    if not data.strip():
        return {}, {}
    lines = data.split(b"\n")
    if lines[0] != b"{":
        return None, {}
    pos = len(lines[0]) + 1
    table: str | None = None
    for line in lines[1:]:
        length = len(line) + 1
        stripped = line.rstrip(b",")
        if stripped.endswith(b": {") and stripped.startswith(b'"') and table is None:
            table = json.loads(stripped[:-3])
        elif stripped in (b"}", b"},"):
            table = None
        elif table is not None and stripped.startswith(b'"'):
            key_end = stripped.index(b'": ') + 1
            if table == TABLE:
                key = json.loads(stripped[:key_end])
                body = stripped[key_end + 2 :]
                docs[key] = json.loads(body)
                offsets[key] = (pos + key_end + 2, len(body))
        elif stripped not in (b"", b"}"):
            return None, {}
        pos += length
    return docs, offsets


def _build_raw(
    docs: dict[str, dict], offsets: dict[str, tuple[int, int]], sig: tuple[int, int, int]
) -> dict[str, Any]:
    """The marshal-able index of a set of documents."""
    order = sorted(
        docs,
        key=lambda k: (docs[k].get("published") or "", docs[k].get("reference") or ""),
        reverse=True,
    )
    n = len(order)
    nbytes = (n + 7) // 8
    facet_bits: dict[str, dict[str, bytearray]] = {crit: {} for crit in FACETS}
    postings: dict[str, list[int]] = {}
    refs, titles, employers, locations, natures = [], [], [], [], []
    published, closing = array("I"), array("I")
    offs, lens = array("Q"), array("I")
    for pos, key in enumerate(order):
        doc = docs[key]
        refs.append(doc["reference"])
        titles.append(doc.get("title") or "")
        employers.append(doc.get("employer") or doc.get("organisation") or "")
        locations.append(format_location(doc.get("city"), doc.get("department"), doc.get("region")))
        natures.append(doc.get("nature") or "")
        published.append(date.fromisoformat(doc["published"]).toordinal())
        closing.append(date.fromisoformat(doc["closing"]).toordinal() if doc.get("closing") else 0)
        offset, length = offsets.get(key, (0, 0))
        offs.append(offset)
        lens.append(length)
        byte, bit = pos >> 3, 1 << (pos & 7)
        for crit, fld in FACETS.items():
            value = doc.get(fld)
            if value is None or value == "":
                continue
            bits = facet_bits[crit].get(str(value))
            if bits is None:
                bits = facet_bits[crit][str(value)] = bytearray(nbytes)
            bits[byte] |= bit
        text = "\n".join(doc.get(fld) or "" for fld in _SEARCHED_FIELDS)
        for word in set(tokens(text)):
            plist = postings.get(word)
            if plist is None:
                postings[word] = [pos]
            else:
                plist.append(pos)
    by_closing = array("I", sorted((p for p in range(n) if closing[p]), key=closing.__getitem__))
    token_list = sorted(postings)
    encoded: list[bytes] = []
    dense_from = max(1, n // _DENSE_DIVISOR)
    for word in token_list:
        plist = postings[word]
        if len(plist) > dense_from:
            bits = bytearray(nbytes)
            for p in plist:
                bits[p >> 3] |= 1 << (p & 7)
            encoded.append(b"B" + bytes(bits))
        else:
            encoded.append(b"A" + array("I", plist).tobytes())
    return {
        "version": INDEX_VERSION,
        "signature": list(sig),
        "n": n,
        "refs": refs,
        "titles": titles,
        "employers": employers,
        "locations": locations,
        "natures": natures,
        "published": published.tobytes(),
        "closing": closing.tobytes(),
        "by_closing": by_closing.tobytes(),
        "closing_sorted": array("I", (closing[p] for p in by_closing)).tobytes(),
        "offsets": offs.tobytes(),
        "lengths": lens.tobytes(),
        "facets": {
            crit: {value: bytes(bits) for value, bits in values.items()}
            for crit, values in facet_bits.items()
        },
        "tokens": token_list,
        "postings": encoded,
    }


def _save_index(path: Path, raw: dict[str, Any]) -> None:
    atomic_write(path, marshal.dumps(raw), mode=0o644)
