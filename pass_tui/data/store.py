"""TinyDB files shared by many processes: atomic writes, a cross-process lock, batching.

Every write goes to a temporary file in the same directory, is fsync'ed, then renamed over
the database file (and the directory fsync'ed), so a crash at any instant leaves either the
old or the new complete file. Writers hold a `filelock.FileLock` for the whole
read-modify-write, and each read checks the file's identity (inode, size, mtime) so a
process sees the others' writes without re-parsing an unchanged file.

The file layout is plain TinyDB JSON with one document per line. That keeps it readable by
stock TinyDB and lets the catalogue index remember where each document starts, so an offer
can be read back with one seek instead of parsing the whole catalogue.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from filelock import FileLock
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from pass_tui.data.errors import StoreError

__all__ = ["AtomicJSONStorage", "Database", "Offsets", "StoreError", "file_signature"]

# table name -> document id -> (byte offset, byte length) of the document's JSON
Offsets = dict[str, dict[str, tuple[int, int]]]
Signature = tuple[int, int, int]


def file_signature(path: Path) -> Signature | None:
    """Identity of a file's current content: changes whenever a writer replaces it."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def serialise(data: dict[str, dict[str, Any]]) -> tuple[bytes, Offsets]:
    """TinyDB JSON, one document per line, and where each document's JSON lies."""
    chunks: list[bytes] = [b"{"]
    pos = 1
    offsets: Offsets = {}
    for t, (table, docs) in enumerate(data.items()):
        head = (b"\n" if t == 0 else b",\n") + json.dumps(table).encode() + b": {"
        chunks.append(head)
        pos += len(head)
        where = offsets[table] = {}
        for d, (doc_id, doc) in enumerate(docs.items()):
            prefix = (b"\n" if d == 0 else b",\n") + json.dumps(str(doc_id)).encode() + b": "
            body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
            where[str(doc_id)] = (pos + len(prefix), len(body))
            chunks.append(prefix)
            chunks.append(body)
            pos += len(prefix) + len(body)
        chunks.append(b"\n}")
        pos += 2
    chunks.append(b"\n}\n")
    return b"".join(chunks), offsets


def atomic_write(path: Path, payload: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``payload`` so that readers see the old or the new file only."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class AtomicJSONStorage(Storage):
    """A TinyDB storage with atomic replace, change detection and batched writes."""

    def __init__(self, path: Path, *, cache: bool = True) -> None:
        self.path = path
        self._cache = cache
        self._sig: Signature | None = None
        self._data: dict[str, Any] | None = None
        self._batch = 0
        self._pending: dict[str, Any] | None = None
        self.last_offsets: Offsets | None = None

    def read(self) -> dict[str, Any] | None:
        if self._pending is not None:
            return self._pending
        sig = file_signature(self.path)
        if sig is None:
            return None
        if self._cache and sig == self._sig and self._data is not None:
            return self._data
        try:
            data = json.loads(self.path.read_bytes() or b"{}")
        except (ValueError, UnicodeDecodeError) as exc:
            raise StoreError(f"{self.path} : fichier de données illisible ({exc})") from exc
        if not isinstance(data, dict):
            raise StoreError(f"{self.path} : ce n'est pas une base TinyDB")
        if self._cache:
            self._sig, self._data = sig, data
        return data

    def write(self, data: dict[str, Any]) -> None:
        if self._batch:
            self._pending = data
            return
        self._flush(data)

    def _flush(self, data: dict[str, Any]) -> None:
        self._sig, self._data = None, None  # TinyDB mutated the cached dict; drop it
        payload, offsets = serialise(data)
        atomic_write(self.path, payload)
        self.last_offsets = offsets
        if self._cache:
            self._sig, self._data = file_signature(self.path), data

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Buffer writes in memory; write the file once at the end (nothing on error)."""
        self._batch += 1
        try:
            yield
        except BaseException:
            self._batch -= 1
            if not self._batch:
                self._pending = None
                self._sig, self._data = None, None
            raise
        self._batch -= 1
        if not self._batch and self._pending is not None:
            data, self._pending = self._pending, None
            self._flush(data)

    def close(self) -> None:
        pass


class Database:
    """One TinyDB file shared between processes.

    Use :meth:`transaction` for every write (and for reads that must be consistent with a
    following write): it holds the cross-process lock, gives fresh `Table` objects (TinyDB
    caches the next document id per table object, which would be stale after another
    process inserted), and writes the file once, atomically, when the block ends.
    """

    def __init__(self, path: Path, *, cache: bool = True) -> None:
        self.path = path
        self.storage = AtomicJSONStorage(path, cache=cache)
        self.lock = FileLock(str(path) + ".lock", timeout=30)
        self._db = TinyDB(storage=lambda: self.storage)

    def table(self, name: str) -> Table:
        """A table for reads outside a transaction (sees the latest committed state)."""
        return Table(self.storage, name, cache_size=0)

    @contextmanager
    def transaction(self) -> Iterator[_Tx]:
        with self.lock, self.storage.batch():
            yield _Tx(self.storage)

    def signature(self) -> Signature | None:
        return file_signature(self.path)


class _Tx:
    """Tables bound to one transaction."""

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self._storage = storage
        self._tables: dict[str, Table] = {}

    def table(self, name: str) -> Table:
        if name not in self._tables:
            self._tables[name] = Table(self._storage, name, cache_size=0)
        return self._tables[name]
