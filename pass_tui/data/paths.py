"""Where pass-tui keeps its data: --data-dir > PASS_TUI_HOME > the platform's user data dir."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

import platformdirs

from pass_tui.data.errors import BadInput, StoreError
from pass_tui.data.store import os_reason
from pass_tui.i18n import _

__all__ = ["DataPaths", "make_data_dir", "resolve_data_dir"]


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data directory (not created: see :func:`make_data_dir`).

    Args:
        cli_value: ``--data-dir`` when given. An empty value is refused rather than read
            as "not given": it must never fall back to the person's real data dir. An
            empty ``PASS_TUI_HOME`` counts as unset, as usual for environment variables.

    Raises:
        BadInput: ``cli_value`` is empty.
    """
    if cli_value is not None:
        if not os.fspath(cli_value).strip():
            raise BadInput(_("le dossier de données (--data-dir) ne peut pas être vide"))
        path = Path(cli_value)
    elif os.environ.get("PASS_TUI_HOME", "").strip():
        path = Path(os.environ["PASS_TUI_HOME"])
    else:
        path = Path(platformdirs.user_data_dir("pass-tui", appauthor=False))
    return path.expanduser()


def make_data_dir(path: Path) -> list[Path]:
    """Create the data directory and its missing parents.

    Returns:
        The directories this call created, outermost first (empty when ``path`` existed),
        so a command that fails can remove exactly them.

    Raises:
        StoreError: ``path`` (or a parent) is a file, or cannot be created, listed or
            searched.
    """
    missing: list[Path] = []
    level = path
    while not os.path.lexists(level):
        missing.append(level)
        if level.parent == level:
            break
        level = level.parent
    if not missing:
        if not path.is_dir():
            raise StoreError(_("{path} : ce n'est pas un dossier", path=str(path)))
        try:  # listed and searched: each needs its own permission
            os.listdir(path)
            os.stat(os.path.join(path, os.curdir))
        except OSError as exc:
            raise StoreError(
                _(
                    "{path} : dossier de données illisible ({reason})",
                    path=str(path),
                    reason=os_reason(exc),
                )
            ) from None
        return []
    created: list[Path] = []
    for directory in reversed(missing):
        try:
            directory.mkdir()
        except FileExistsError:
            if not directory.is_dir():
                raise StoreError(
                    _("{path} : ce n'est pas un dossier", path=str(directory))
                ) from None
            continue  # another process made it meanwhile: not ours to remove
        except NotADirectoryError:
            raise StoreError(
                _("{path} : ce n'est pas un dossier", path=str(directory.parent))
            ) from None
        except OSError as exc:
            for made in reversed(created):
                with suppress(OSError):
                    made.rmdir()
            raise StoreError(
                _(
                    "impossible de créer le dossier de données {path} ({reason})",
                    path=str(path),
                    reason=os_reason(exc),
                )
            ) from None
        created.append(directory)
    return created


class DataPaths:
    """The files of one data directory (layout fixed by DESIGN.md)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.catalogue = root / "catalogue.json"
        self.catalogue_index = root / ".catalogue.index"
        # One folder per account, the e-mail index, the login throttle (candidates/store.py).
        self.candidates = root / "candidates"
        # "Rester connecté": this terminal user's session token (mode 0600).
        self.remembered_session = root / "session.token"
        self.imports = root / "imports.json"  # HTTP validators of imported URLs
        self.files = root / "files"
        self.outbox = root / "outbox"
        self.config = root / "config.toml"
        self.exports = root / "exports"
