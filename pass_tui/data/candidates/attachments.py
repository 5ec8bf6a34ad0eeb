"""A candidate's attachments ("Mes pièces jointes"): CVs, cover letters, other documents.

Limits: 5 CVs, 5 letters, 3 other documents. Among CVs (and among letters) exactly one is
the default as soon as there is one: the first added becomes it, :meth:`set_default`
moves it (radio semantics), and deleting it makes the oldest remaining one the default.

Every document is checked (:func:`check_document`: type by extension and content, size,
macros, ZIP bombs) and, when ``clamd_socket`` is set, scanned, BEFORE anything is written;
then the content goes to the account's ``files/`` folder under a random name (mode 0600,
written atomically) and its metadata to the account's TinyDB, in one cross-process
transaction that also enforces the limits. A failure at any step leaves neither a file nor
a row behind.

:class:`AttachmentRepository` is the only code that queries attachment rows, always inside
one account's database.
"""

from __future__ import annotations

import builtins
import errno
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from tinydb import Query

from pass_tui.data.candidates.browse import FileBrowser
from pass_tui.data.candidates.documents import (
    DOCUMENT_TYPES,
    check_document,
    check_name,
    kilobytes,
    refused,
)
from pass_tui.data.candidates.remote import RemoteDocuments
from pass_tui.data.candidates.scan import ClamdScanner
from pass_tui.data.candidates.store import AccountRecords
from pass_tui.data.config import Settings
from pass_tui.data.errors import BadInput, LimitReached, NotFound, StoreError
from pass_tui.data.store import atomic_write, os_reason, read_failed, write_failed
from pass_tui.i18n import _

__all__ = [
    "LIMITS",
    "AttachmentInfo",
    "AttachmentKind",
    "AttachmentRepository",
    "AttachmentRow",
    "AttachmentService",
    "describe",
]

AttachmentKind = Literal["cv", "letter", "other"]
LIMITS: dict[str, int] = {"cv": 5, "letter": 5, "other": 3}
_WITH_DEFAULT = ("cv", "letter")


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment as the UI shows it."""

    id: str
    kind: AttachmentKind
    name: str
    size: int  # bytes
    is_default: bool
    added: datetime


class AttachmentRow(BaseModel):
    """An attachment's stored metadata (one row of the account's ``attachments`` table)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    kind: AttachmentKind
    name: str
    type: str  # one of DOCUMENT_TYPES, from the content check
    size: int
    # the random name under files/: nothing else can become a path (a forged row cannot
    # make delete or replace remove a file elsewhere)
    file: str = Field(pattern=r"^[0-9a-f]{32}$")
    is_default: bool = False
    added: datetime

    def info(self) -> AttachmentInfo:
        return AttachmentInfo(self.id, self.kind, self.name, self.size, self.is_default, self.added)


def _parse(doc: object, path: Path) -> AttachmentRow:
    try:
        return AttachmentRow.model_validate(doc)
    except ValidationError:
        raise StoreError(
            _("{path} : pièce jointe mal enregistrée (ligne illisible)", path=str(path))
        ) from None


class AttachmentRepository:
    """Attachment rows of ONE account (the only code using TinyDB ``Query`` for them)."""

    TABLE = "attachments"

    def __init__(self, records: AccountRecords) -> None:
        self.db = records.db

    def all(self) -> list[AttachmentRow]:
        """Every row, oldest first (latest committed state, no lock)."""
        return [_parse(doc, self.db.path) for doc in self.db.table(self.TABLE).all()]

    def get(self, attachment_id: str) -> AttachmentRow | None:
        doc = self.db.table(self.TABLE).get(Query().id == attachment_id)
        return _parse(doc, self.db.path) if doc is not None else None

    @contextmanager
    def editing(self) -> Iterator[AttachmentEdit]:
        """One transaction: reads see the latest state, writes land together at the end."""
        with self.db.transaction() as tx:
            yield AttachmentEdit(tx.table(self.TABLE), self.db.path)


class AttachmentEdit:
    """The rows inside one :meth:`AttachmentRepository.editing` transaction."""

    def __init__(self, table: object, path: Path) -> None:
        self._table = table
        self._path = path

    def all(self) -> list[AttachmentRow]:
        return [_parse(doc, self._path) for doc in self._table.all()]  # type: ignore[attr-defined]

    def get(self, attachment_id: str) -> AttachmentRow | None:
        doc = self._table.get(Query().id == attachment_id)  # type: ignore[attr-defined]
        return _parse(doc, self._path) if doc is not None else None

    def insert(self, row: AttachmentRow) -> None:
        self._table.insert(row.model_dump(mode="json"))  # type: ignore[attr-defined]

    def update(self, row: AttachmentRow) -> None:
        self._table.update(row.model_dump(mode="json"), Query().id == row.id)  # type: ignore[attr-defined]

    def remove(self, attachment_id: str) -> None:
        self._table.remove(Query().id == attachment_id)  # type: ignore[attr-defined]


def describe(info: AttachmentInfo) -> str:
    """The line the UI shows: "MON CV.DOCX (Par défaut) (11 Ko)" (the name as given)."""
    parts = [info.name]
    if info.is_default:
        parts.append(_("(Par défaut)"))
    parts.append(_("({size} Ko)", size=kilobytes(info.size)))
    return " ".join(parts)


class AttachmentService:
    """One account's attachments (``services.space(session).attachments``).

    Args:
        records: The account's database and folder.
        settings: ``attachment_max_kb``, ``clamd_socket``, ``kiosk``, ``kiosk_folders``,
            ``kiosk_allow_private_urls``.
        scanner: The virus scanner (default: clamd at ``settings.clamd_socket`` if set).
        browser: The file rules for paths (default: :meth:`FileBrowser.for_settings`).
        downloader: The web-address rules (default: from the settings).
        check: Called first by every method; raises SessionEnded once the candidate's
            session is over (the candidate space passes its session check).
    """

    def __init__(
        self,
        records: AccountRecords,
        settings: Settings,
        *,
        scanner: ClamdScanner | None = None,
        browser: FileBrowser | None = None,
        downloader: RemoteDocuments | None = None,
        check: Callable[[], object] | None = None,
    ) -> None:
        self.records = records
        self._check = check
        self.settings = settings
        self.repository = AttachmentRepository(records)
        self.max_bytes = settings.attachment_max_kb * 1024
        if scanner is None and settings.clamd_socket:
            scanner = ClamdScanner(settings.clamd_socket)
        self.scanner = scanner
        self.browser = browser or FileBrowser.for_settings(settings)
        self.downloader = downloader or RemoteDocuments(
            max_bytes=self.max_bytes,
            check_addresses=settings.kiosk and not settings.kiosk_allow_private_urls,
        )

    # -- reading --------------------------------------------------------------------------

    def list(self, kind: AttachmentKind | None = None) -> builtins.list[AttachmentInfo]:
        """The attachments, oldest first; only ``kind``'s when given."""
        self._live()
        if kind is not None:
            _check_kind(kind)
        return [row.info() for row in self.repository.all() if kind is None or row.kind == kind]

    def read(self, attachment_id: str) -> bytes:
        """The document's content.

        Raises:
            NotFound: No such attachment in this account.
            StoreError: The file cannot be read.
        """
        self._live()
        path = self._path(self._row(attachment_id).file)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise read_failed(path, exc) from None

    # -- adding ---------------------------------------------------------------------------

    def check_room(self, kind: AttachmentKind) -> None:
        """Refuse before anything is chosen when ``kind`` is full (``add`` checks again).

        Raises:
            LimitReached: ``kind`` already has its maximum.
        """
        self._live()
        _check_kind(kind)
        self._check_limit(kind, [row for row in self.repository.all() if row.kind == kind])

    def add(self, kind: AttachmentKind, name: str, data: bytes) -> AttachmentInfo:
        """Check, scan and store a new document.

        Raises:
            LimitReached: ``kind`` already has its maximum.
            AttachmentRefused: The document was refused (type, content, size, macros,
                virus, scan impossible).
            StoreError: The account's folder cannot be written.
        """
        self.check_room(kind)
        name = check_name(name)
        doc_type = check_document(name, data, self.max_bytes)
        self._scan(name, data)
        written: Path | None = None
        try:
            with self.repository.editing() as rows:
                same = [row for row in rows.all() if row.kind == kind]
                self._check_limit(kind, same)
                written = self._write(data)
                row = AttachmentRow(
                    id=secrets.token_hex(8),
                    kind=kind,
                    name=name,
                    type=doc_type,
                    size=len(data),
                    file=written.name,
                    is_default=kind in _WITH_DEFAULT and not any(r.is_default for r in same),
                    added=datetime.now(UTC),
                )
                rows.insert(row)
        except BaseException:
            _unlink(written)
            raise
        return row.info()

    def add_file(self, kind: AttachmentKind, path: Path, name: str | None = None) -> AttachmentInfo:
        """Add the document at ``path`` (the file picker's rules: allowed folders, regular
        files only, size checked before reading); ``name`` defaults to the file's."""
        self._live()
        _check_kind(kind)
        file_name, data = self.browser.read_document(path, self.max_bytes)
        return self.add(kind, name if name is not None else file_name, data)

    def add_url(self, kind: AttachmentKind, url: str) -> AttachmentInfo:
        """Add the document at web address ``url`` (bounded download, kiosk address rules)."""
        self._live()
        _check_kind(kind)
        self._check_limit(kind, [row for row in self.repository.all() if row.kind == kind])
        document = self.downloader.get(url)
        return self.add(kind, document.name, document.data)

    # -- changing -------------------------------------------------------------------------

    def replace(self, attachment_id: str, name: str, data: bytes) -> AttachmentInfo:
        """Swap in a new version: same id, kind and default; new name, content and size."""
        self._live()
        self._row(attachment_id)
        name = check_name(name)
        doc_type = check_document(name, data, self.max_bytes)
        self._scan(name, data)
        written: Path | None = None
        old_file = ""
        try:
            with self.repository.editing() as rows:
                row = rows.get(attachment_id)
                if row is None:
                    raise _not_found()
                old_file = row.file
                written = self._write(data)
                row = row.model_copy(
                    update={"name": name, "type": doc_type, "size": len(data), "file": written.name}
                )
                rows.update(row)
        except BaseException:
            _unlink(written)
            raise
        _unlink(self._path(old_file))
        return row.info()

    def replace_file(self, attachment_id: str, path: Path) -> AttachmentInfo:
        """:meth:`replace` with the document at ``path`` (the file picker's rules)."""
        self._live()
        self._row(attachment_id)
        name, data = self.browser.read_document(path, self.max_bytes)
        return self.replace(attachment_id, name, data)

    def rename(self, attachment_id: str, name: str) -> AttachmentInfo:
        """Give the document a new name. The extension stays the content's type: added
        when missing ("Mon CV" → "Mon CV.pdf"), refused when it names another type."""
        self._live()
        current = self._row(attachment_id)
        name = check_name(name)
        _stem, dot, ext = name.rpartition(".")
        if not dot or ext.lower() not in DOCUMENT_TYPES:
            name = check_name(f"{name}.{current.type}")
        elif ext.lower() != current.type:
            raise refused(
                name,
                _("l'extension doit rester .{type} (le contenu du document)", type=current.type),
            )
        with self.repository.editing() as rows:
            row = rows.get(attachment_id)
            if row is None:
                raise _not_found()
            row = row.model_copy(update={"name": name})
            rows.update(row)
        return row.info()

    def delete(self, attachment_id: str) -> None:
        """Delete the document; when it was the default, the oldest remaining one of its
        kind becomes the default."""
        self._live()
        with self.repository.editing() as rows:
            row = rows.get(attachment_id)
            if row is None:
                raise _not_found()
            rows.remove(attachment_id)
            if row.is_default:
                rest = [r for r in rows.all() if r.kind == row.kind]
                if rest:
                    rows.update(rest[0].model_copy(update={"is_default": True}))
        _unlink(self._path(row.file))

    def set_default(self, attachment_id: str) -> None:
        """Make this CV (or letter) the default one; the previous default is no longer."""
        self._live()
        with self.repository.editing() as rows:
            row = rows.get(attachment_id)
            if row is None:
                raise _not_found()
            if row.kind not in _WITH_DEFAULT:
                raise BadInput(
                    _("Seuls les CV et les lettres de motivation ont un document par défaut.")
                )
            for other in rows.all():
                if other.kind == row.kind and other.is_default != (other.id == row.id):
                    rows.update(other.model_copy(update={"is_default": other.id == row.id}))

    def save_copy(self, attachment_id: str, destination: Path) -> Path:
        """Write a copy of the document to ``destination`` (a file path, or a folder to
        write it in under its name). An existing file is never overwritten. In kiosk
        mode the destination must be in the allowed folders.

        Returns:
            The path written.

        Raises:
            AttachmentRefused: The destination exists, is outside the allowed folders or
                cannot be written (nothing half-written is left).
        """
        self._live()
        data = self.read(attachment_id)
        row = self._row(attachment_id)
        target = Path(destination).expanduser()
        if target.is_dir():
            target = target / row.name
        folder = self.browser.resolve(str(target.parent))
        target = folder / target.name
        if target.exists() or target.is_symlink():
            raise refused(str(target), _("ce fichier existe déjà ; choisissez un autre nom"))
        try:
            fd, tmp = tempfile.mkstemp(prefix=".pass-tui-", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise refused(str(target), os_reason(exc)) from None
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.link(tmp, target)  # fails if the name was taken meanwhile: no overwrite
            except OSError as exc:
                if exc.errno == errno.EEXIST:
                    raise
                _write_new(target, data)  # no hard links here (a FAT USB stick)
        except OSError as exc:
            if exc.errno == errno.EEXIST:
                raise refused(
                    str(target), _("ce fichier existe déjà ; choisissez un autre nom")
                ) from None
            raise refused(str(target), os_reason(exc)) from None
        finally:
            with suppress(OSError):
                os.unlink(tmp)
        return target

    # -- helpers --------------------------------------------------------------------------

    def _live(self) -> None:
        if self._check is not None:
            self._check()

    def _row(self, attachment_id: str) -> AttachmentRow:
        row = self.repository.get(attachment_id)
        if row is None:
            raise _not_found()
        return row

    def _check_limit(self, kind: str, same: builtins.list[AttachmentRow]) -> None:
        if len(same) >= LIMITS[kind]:
            raise LimitReached(_LIMIT_MESSAGES[kind]())

    def _scan(self, name: str, data: bytes) -> None:
        if self.scanner is None:
            return
        signature = self.scanner.scan(data, name=name)
        if signature is not None:
            raise refused(
                name, _("virus détecté ({signature}) : document refusé", signature=signature)
            )

    def _path(self, file: str) -> Path:
        return self.records.files / file

    def _write(self, data: bytes) -> Path:
        files = self.records.files
        try:
            files.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise write_failed(files, exc) from None
        path = files / secrets.token_hex(16)
        atomic_write(path, data, mode=0o600)
        return path


_LIMIT_MESSAGES = {
    "cv": lambda: _("Vous avez déjà 5 CV : supprimez-en un d'abord."),
    "letter": lambda: _("Vous avez déjà 5 lettres de motivation : supprimez-en une d'abord."),
    "other": lambda: _("Vous avez déjà 3 autres documents : supprimez-en un d'abord."),
}


def _check_kind(kind: str) -> None:
    if kind not in get_args(AttachmentKind):
        raise BadInput(_("Type de pièce jointe inconnu : {kind}", kind=str(kind)[:40]))


def _not_found() -> NotFound:
    return NotFound(_("Pièce jointe introuvable (elle a peut-être été supprimée)."))


def _unlink(path: Path | None) -> None:
    if path is not None:
        with suppress(OSError):
            path.unlink()


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` (never over an existing file) with ``data``; removed if it fails."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with suppress(OSError):
            os.unlink(path)
        raise
