"""Where pass-tui keeps its data: --data-dir > PASS_TUI_HOME > the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["DataPaths", "resolve_data_dir"]


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data directory, created if missing."""
    if cli_value:
        path = Path(cli_value)
    elif os.environ.get("PASS_TUI_HOME"):
        path = Path(os.environ["PASS_TUI_HOME"])
    else:
        path = Path(platformdirs.user_data_dir("pass-tui", appauthor=False))
    path = path.expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


class DataPaths:
    """The files of one data directory (layout fixed by DESIGN.md)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.catalogue = root / "catalogue.json"
        self.catalogue_index = root / ".catalogue.index"
        self.candidates = root / "candidates.json"
        self.imports = root / "imports.json"  # HTTP validators of imported URLs
        self.files = root / "files"
        self.outbox = root / "outbox"
        self.config = root / "config.toml"
        self.exports = root / "exports"
