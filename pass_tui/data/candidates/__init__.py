"""Candidate-side records (accounts, profiles, applications, alerts) in ``candidates.json``.

Only this module and its siblings in `pass_tui.data` touch the candidate TinyDB file; a
later move to a shared database server replaces this layer only.
"""

from __future__ import annotations

from typing import Any

from pass_tui.data.paths import DataPaths
from pass_tui.data.store import Database

__all__ = ["CandidateStore"]


class CandidateStore:
    """The candidates database: every write atomic, serialised across processes."""

    def __init__(self, paths: DataPaths) -> None:
        self.db = Database(paths.candidates)

    def insert(self, table: str, doc: dict[str, Any]) -> int:
        """Store one record; returns its id once it is durably on disk."""
        with self.db.transaction() as tx:
            return tx.table(table).insert(doc)

    def all(self, table: str) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self.db.table(table).all()]
