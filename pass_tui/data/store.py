"""TinyDB files shared by many processes: atomic writes, a cross-process lock, batching.

Every write goes to a temporary file in the same directory, is fsync'ed, then renamed over
the database file (and the directory fsync'ed), so a crash at any instant leaves either the
old or the new complete file. Writers hold a `filelock.FileLock` for the whole
read-modify-write, and each read checks the file's identity (inode, size, mtime) so a
process sees the others' writes without re-parsing an unchanged file.

The file layout is plain TinyDB JSON with one document per line. That keeps it readable by
stock TinyDB and lets the catalogue index remember where each document starts, so an offer
can be read back with one seek instead of parsing the whole catalogue.

Failures reach people as :class:`StoreError`, one line naming the file and the reason (disk
full, read-only, permission refused, truncated file); a failed write leaves the previous
file in place, and a write killed half-way leaves only a temporary file, which the next
writer removes (see :func:`remove_stale_temps`).
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from pass_tui.data.errors import StoreError
from pass_tui.i18n import _

try:
    import fcntl
except ImportError:  # Windows: no flock; the cross-process lock and the age rule remain
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "AtomicJSONStorage",
    "Database",
    "Offsets",
    "Signature",
    "StoreError",
    "atomic_write",
    "file_signature",
    "os_reason",
    "parse_tinydb",
    "remove_stale_temps",
]

# table name -> document id -> (byte offset, byte length) of the document's JSON
Offsets = dict[str, dict[str, tuple[int, int]]]
Signature = tuple[int, int, int]


LOCK_TIMEOUT = 30.0
"""Seconds a writer waits for another process's write before giving up."""

_REASONS = {
    errno.ENOSPC: "disque plein",
    errno.EDQUOT: "quota disque dépassé",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.EACCES: "permission refusée",
    errno.EPERM: "permission refusée",
    errno.ENOENT: "introuvable",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier",
    errno.EIO: "erreur d'entrée-sortie du disque",
    errno.ENAMETOOLONG: "nom trop long",
    errno.ELOOP: "trop de liens symboliques",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in a few words of the interface language."""
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is not None:
        return _(reason)
    return exc.strerror or type(exc).__name__


def write_failed(path: Path, exc: OSError) -> StoreError:
    """The StoreError for a failed write of ``path``."""
    return StoreError(
        _("{path} : écriture impossible ({reason})", path=str(path), reason=os_reason(exc))
    )


def read_failed(path: Path, exc: OSError) -> StoreError:
    """The StoreError for a failed read of ``path``."""
    return StoreError(
        _("{path} : lecture impossible ({reason})", path=str(path), reason=os_reason(exc))
    )


def file_signature(path: Path) -> Signature | None:
    """Identity of a file's current content: changes whenever a writer replaces it.

    Raises:
        StoreError: The file's folder cannot be searched (permission refused, …).
    """
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise read_failed(path, exc) from None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def fd_signature(fd: int) -> Signature:
    """:func:`file_signature` of an open file: the content that file descriptor reads."""
    st = os.fstat(fd)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def parse_tinydb(content: bytes, path: Path) -> dict[str, Any]:
    """A TinyDB file's tables; StoreError naming ``path`` when it is truncated or corrupt."""
    try:
        data = json.loads(content or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        detail = _("JSON trop imbriqué") if isinstance(exc, RecursionError) else str(exc)
        raise StoreError(
            _(
                "{path} : fichier de données illisible ou tronqué ({error})",
                path=str(path),
                error=detail,
            )
        ) from None
    if not isinstance(data, dict):
        raise StoreError(_("{path} : ce n'est pas une base TinyDB", path=str(path)))
    return data


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
    """Replace ``path`` with ``payload`` so that readers see the old or the new file only.

    The temporary file is flock'ed from creation to rename, so :func:`remove_stale_temps`
    can tell a live write from a killed one.

    Raises:
        StoreError: The file cannot be written (disk full, read-only, permission refused);
            ``path`` is unchanged and the temporary file removed.
    """
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise write_failed(path, exc) from None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
            os.replace(tmp, path)  # still open (and flock'ed) until renamed
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise write_failed(path, exc) from None
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        raise write_failed(path, exc) from None


_TEMP_AGE = 2.0
"""Seconds a temporary file must have been left untouched before another writer removes it."""


def remove_stale_temps(path: Path, min_age: float = _TEMP_AGE) -> int:
    """Remove the temporary files a killed :func:`atomic_write` of ``path`` left behind.

    Call it while holding ``path``'s cross-process lock. A temporary file is removed only
    when all of these hold, so a write in progress is never touched:

    * its name is exactly ``.<name>.XXXXXXXX.tmp`` (what ``atomic_write(path)`` creates);
    * no process holds its flock: ``atomic_write`` takes it right after creating the file
      and keeps it until the rename, and the kernel drops it when the writer dies, however
      it dies (SIGKILL included);
    * it was last modified ``min_age`` seconds ago or more: this covers the microseconds
      between its creation and the flock, and a writer that does not take the lock.

    Returns:
        How many files were removed. Errors are ignored: a read-only data dir keeps its
        leftovers, which cost disk space only.
    """
    pattern = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")
    removed = 0
    try:
        names = [n for n in os.listdir(path.parent) if pattern.fullmatch(n)]
    except OSError:
        return 0
    now = time.time()
    for name in names:
        leftover = path.parent / name
        try:
            fd = os.open(leftover, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: in use
            st = os.fstat(fd)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime >= min_age:
                os.unlink(leftover)
                removed += 1
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


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
            content = self.path.read_bytes()
        except FileNotFoundError:
            return None  # replaced and removed since the stat: treat as empty
        except OSError as exc:
            raise read_failed(self.path, exc) from None
        data = parse_tinydb(content, self.path)
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
        self.lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT)
        self._db = TinyDB(storage=lambda: self.storage)

    def table(self, name: str) -> Table:
        """A table for reads outside a transaction (sees the latest committed state)."""
        return Table(self.storage, name, cache_size=0)

    @contextmanager
    def locked(self, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
        """Hold the cross-process write lock; remove what killed writers left behind.

        Raises:
            StoreError: The lock cannot be taken: the data dir is read-only or not ours,
                or another process held it for ``timeout`` seconds.
        """
        try:
            self.lock.acquire(timeout=timeout)
        except Timeout:
            raise StoreError(
                _(
                    "{path} : occupé par un autre processus pass-tui (plus de {seconds} s)",
                    path=str(self.path),
                    seconds=f"{timeout:g}",
                )
            ) from None
        except OSError as exc:
            raise write_failed(self.path, exc) from None
        try:
            remove_stale_temps(self.path)
            yield
        finally:
            self.lock.release()

    @contextmanager
    def transaction(self) -> Iterator[_Tx]:
        with self.locked(), self.storage.batch():
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
