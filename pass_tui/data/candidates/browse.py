"""The file picker's data side: folders to list, typed paths to resolve and complete, and
documents to read, within the allowed folders.

Without roots (a candidate's own machine) every folder can be opened, starting from the
home folder. With roots (a kiosk: ``kiosk_folders``) only what lies inside them: every path
is resolved first (symbolic links followed, ``..`` applied), then must be one of the roots
or inside one, so a link pointing out of them, ``..`` climbing out or an absolute path
elsewhere is refused. With an empty list of roots, importing files is off.

Documents are opened with ``O_NONBLOCK | O_NOFOLLOW`` on the resolved path and checked with
``fstat`` on the open file: only regular files are read (a FIFO, a device or a folder is
refused without blocking), and a file over the size limit is refused from its size, without
reading it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pass_tui.data.candidates.documents import (
    AttachmentRefused,
    check_name,
    check_size,
    refused,
)
from pass_tui.data.config import Settings
from pass_tui.data.store import os_reason
from pass_tui.i18n import _

__all__ = ["Entry", "FileBrowser", "fresh_start"]


def fresh_start(typed: str) -> str:
    """``typed`` from where it starts afresh: the picker's field opens with the folder's
    path in it, so an absolute or home path typed after it reads ``/home/ana//tmp/cv.pdf``
    or ``/home/ana/~/cv.pdf``. As in a shell's or Emacs's file prompt, what follows the
    last ``//`` (from its second ``/``) or the last ``/~/`` (from its ``~``) is the path."""
    text = typed.strip()
    starts = [text.rfind("//") + 1, text.rfind("/~/") + 1]
    if text.endswith("/~"):
        starts.append(len(text) - 1)
    return text[max(starts) :]


@dataclass(frozen=True)
class Entry:
    name: str
    path: Path  # resolved
    is_dir: bool
    size: int | None  # bytes; None for folders


class FileBrowser:
    """Folders and documents a candidate may pick.

    Args:
        roots: The allowed folders (kiosk), or None for anywhere.
    """

    def __init__(self, roots: list[Path] | None) -> None:
        self.roots: list[Path] | None = (
            None if roots is None else [Path(root).expanduser().resolve() for root in roots]
        )

    @classmethod
    def for_settings(cls, settings: Settings) -> FileBrowser:
        """The browser a session gets: kiosk folders in kiosk mode, anywhere otherwise."""
        if settings.kiosk:
            return cls([Path(folder) for folder in settings.kiosk_folders])
        return cls(None)

    @property
    def enabled(self) -> bool:
        """False when no folder is allowed (kiosk without ``kiosk_folders``)."""
        return self.roots is None or bool(self.roots)

    def start(self) -> Path:
        """The folder the picker opens first: home, or the first allowed folder."""
        if self.roots is None:
            return Path.home().resolve()
        if not self.roots:
            raise self._disabled()
        return self.roots[0]

    def list(self, folder: Path | str) -> list[Entry]:
        """The entries of ``folder``: folders first, then documents with their sizes, each
        group sorted by name; hidden entries, special files and links leading out of the
        allowed folders are left out.

        Raises:
            AttachmentRefused: The folder is outside the allowed ones or cannot be read.
        """
        where = self.resolve(str(folder))
        try:
            with os.scandir(where) as scan:
                found = list(scan)
        except OSError as exc:
            raise refused(str(where), os_reason(exc)) from None
        folders: list[Entry] = []
        files: list[Entry] = []
        for item in found:
            if item.name.startswith("."):
                continue
            try:
                target = Path(item.path).resolve()
                st = os.stat(target)
            except (OSError, RuntimeError):
                continue  # a dangling or looping link
            if not self._inside(target):
                continue
            if stat.S_ISDIR(st.st_mode):
                folders.append(Entry(item.name, target, True, None))
            elif stat.S_ISREG(st.st_mode):
                files.append(Entry(item.name, target, False, st.st_size))
        folders.sort(key=lambda e: e.name.casefold())
        files.sort(key=lambda e: e.name.casefold())
        return folders + files

    def resolve(self, typed: str, base: Path | None = None) -> Path:
        """The real path ``typed`` names (``~`` expanded, relative to ``base`` or the
        start folder, links followed).

        Raises:
            AttachmentRefused: The path is outside the allowed folders.
        """
        if self.roots is not None and not self.roots:
            raise self._disabled()
        path = Path(fresh_start(typed)).expanduser()
        if not path.is_absolute():
            path = (base if base is not None else self.start()) / path
        try:
            real = path.resolve()
        except (OSError, RuntimeError):  # a link loop
            raise refused(typed, _("chemin illisible (boucle de liens)")) from None
        if not self._inside(real):
            raise refused(typed, _("en dehors des dossiers autorisés sur ce poste"))
        return real

    def complete(self, typed: str, base: Path | None = None) -> list[str]:
        """Completions of a partly typed path: ``typed`` extended with each matching
        name in its folder (folders end with ``/``), folders first. Nothing for a folder
        outside the allowed ones."""
        head, sep, prefix = fresh_start(typed).rpartition("/")
        folder_text = head + sep if sep else ""
        try:
            folder = self.resolve(folder_text or ".", base)
            entries = self.list(folder)
        except AttachmentRefused:
            return []
        wanted = prefix.casefold()
        return [
            folder_text + entry.name + ("/" if entry.is_dir else "")
            for entry in entries
            if entry.name.casefold().startswith(wanted)
        ]

    def read_document(self, path: Path | str, max_bytes: int) -> tuple[str, bytes]:
        """The name and content of the document at ``path``, read within the rules.

        Raises:
            AttachmentRefused: Outside the allowed folders, not a regular file, unreadable,
                or over ``max_bytes`` (refused from its size, not read).
        """
        real = self.resolve(str(path))
        name = check_name(real.name)
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(real, flags)
        except OSError as exc:
            raise refused(name, os_reason(exc)) from None
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise refused(name, _("c'est un dossier, pas un document"))
            if not stat.S_ISREG(st.st_mode):
                raise refused(name, _("ce n'est pas un fichier ordinaire"))
            check_size(name, st.st_size, max_bytes)
            data = _read_at_most(fd, max_bytes + 1)
        except OSError as exc:
            raise refused(name, os_reason(exc)) from None
        finally:
            os.close(fd)
        check_size(name, len(data), max_bytes)  # it grew since fstat
        return name, data

    def _inside(self, real: Path) -> bool:
        if self.roots is None:
            return True
        return any(real == root or real.is_relative_to(root) for root in self.roots)

    @staticmethod
    def _disabled() -> AttachmentRefused:
        return AttachmentRefused(_("L'import de fichiers n'est pas disponible sur ce poste."))


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, min(1024 * 1024, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
