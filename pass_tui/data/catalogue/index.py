"""The catalogue's search index: built from the offers on every write, saved beside the
catalogue as ``.catalogue.index`` (marshal), loaded back by any process.

* offers are numbered by *position* in newest-first order, so any set of offers is a
  Python ``int`` used as a bitmask, and "newest first" is just "lowest bits first";
* every value of every criterion has a bitmask; facet counts are
  ``(mask & value_mask).bit_count()``;
* keywords go through an inverted index of accent-folded tokens (prefix match), its
  postings stored as bitmaps when dense and as position arrays when sparse;
* result rows (title, employer, place, dates) are held in memory; a full offer is read
  from the catalogue file with one seek, at the byte offset recorded at write time.
"""

from __future__ import annotations

import bisect
import json
import marshal
import re
import threading
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from pass_tui.data.criteria import CRITERIA
from pass_tui.data.models import Offer, format_location
from pass_tui.data.store import atomic_write
from pass_tui.data.text import fold, tokens

__all__ = [
    "FACETS",
    "INDEX_VERSION",
    "TABLE",
    "OfferSummary",
    "build_raw",
    "save_index",
    "scan_lines",
]

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


class Index:
    """The loaded index of one version of the catalogue file."""

    def __init__(self, raw: dict[str, Any], path: Path, fh: BinaryIO | None = None) -> None:
        """The index ``raw`` of the catalogue file at ``path``; offers are read through
        ``fh`` when given (the very file the index was built from, or its content in
        memory), else through ``path`` opened now."""
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
        # References are case- and accent-sensitive ("A-2026-1" and "a-2026-1" are two
        # offers): exact match first; the folded form only finds an offer it names alone.
        self.by_ref: dict[str, int] = {ref: i for i, ref in enumerate(self.refs)}
        folded = [fold(ref) for ref in self.refs]
        # The first offer of each folded form (built backwards, so the first one wins).
        self._by_folded_ref: dict[str, int] = dict(
            zip(reversed(folded), range(self.n - 1, -1, -1), strict=True)
        )
        self._same_folded_ref: dict[str, list[int]] = {}
        if len(self._by_folded_ref) != self.n:  # rare: references that differ by case only
            for i, key in enumerate(folded):
                if self._by_folded_ref[key] != i:
                    first = self._by_folded_ref[key]
                    self._same_folded_ref.setdefault(key, [first]).append(i)
        self.all = (1 << self.n) - 1
        if fh is None and self.n:
            fh = open(path, "rb")  # noqa: SIM115 - kept for the index's life
        self._fh = fh
        self._io = threading.Lock()
        self._open: tuple[int, int] | None = None  # (day ordinal, mask)
        self._word_cache: dict[str, int] = {}

    # -- references -------------------------------------------------------------------------
    def find(self, reference: str) -> int | None:
        """The position of the offer with exactly this reference; else of the one offer
        whose reference matches it ignoring case and accents (None when none or several)."""
        position = self.by_ref.get(reference)
        if position is not None:
            return position
        key = fold(reference)
        if key in self._same_folded_ref:
            return None
        return self._by_folded_ref.get(key)

    def matching(self, reference: str) -> list[int]:
        """Positions of the offers a reference names: the exact one; else every offer
        whose reference matches it ignoring case and accents (newest first)."""
        position = self.by_ref.get(reference)
        if position is not None:
            return [position]
        key = fold(reference)
        same = self._same_folded_ref.get(key)
        if same is not None:
            return sorted(same)
        position = self._by_folded_ref.get(key)
        return [] if position is None else [position]

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


# -- building the index -----------------------------------------------------------------------
def scan_lines(data: bytes) -> tuple[dict[str, dict] | None, dict[str, tuple[int, int]]]:
    """Documents and their offsets from a catalogue file's content in our
    one-document-per-line layout, or (None, {}) when it has another layout or is
    truncated or corrupt (the caller then parses it whole, which names the problem)."""
    if not data.strip():
        return {}, {}
    try:
        return _scan_lines(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, {}


def _scan_lines(data: bytes) -> tuple[dict[str, dict] | None, dict[str, tuple[int, int]]]:
    docs: dict[str, dict] = {}
    offsets: dict[str, tuple[int, int]] = {}
    lines = data.split(b"\n")
    if lines[0] != b"{":
        return None, {}
    pos = len(lines[0]) + 1
    table: str | None = None
    closed = False  # the file's last "}" was seen: only blank lines may follow
    for line in lines[1:]:
        length = len(line) + 1
        stripped = line.rstrip(b",")
        if closed:
            if line.strip():
                return None, {}
        elif stripped.endswith(b": {") and stripped.startswith(b'"') and table is None:
            table = json.loads(stripped[:-3])
        elif stripped == b"}":
            if table is None:
                closed = True
            table = None
        elif table is not None and stripped.startswith(b'"'):
            key_end = stripped.index(b'": ') + 1
            if table == TABLE:
                key = json.loads(stripped[:key_end])
                body = stripped[key_end + 2 :]
                doc = json.loads(body)
                if not isinstance(doc, dict):
                    return None, {}
                docs[key] = doc
                offsets[key] = (pos + key_end + 2, len(body))
        elif stripped:
            return None, {}
        pos += length
    if not closed:  # truncated
        return None, {}
    return docs, offsets


def build_raw(
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


def save_index(path: Path, raw: dict[str, Any]) -> None:
    """Write the index beside the catalogue (StoreError when the data dir can't be written)."""
    atomic_write(path, marshal.dumps(raw), mode=0o644)


def load_raw(path: Path, signature: tuple[int, int, int]) -> dict[str, Any] | None:
    """The saved index at ``path`` if it describes the catalogue file with ``signature``
    (None when missing, unreadable, of another version or stale)."""
    try:
        raw = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (
        not isinstance(raw, dict)
        or raw.get("version") != INDEX_VERSION
        or tuple(raw.get("signature", ())) != signature
    ):
        return None
    return raw
