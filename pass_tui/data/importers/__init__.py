"""Importers: turn external offer exports (PASS RSS, Place de l'emploi public CSV, JSON)
into :class:`~pass_tui.data.models.Offer` lists.

Every importer is all-or-nothing: it parses the whole input first and raises
:class:`ImportFailed` on the first bad record, so a caller never stores half a file.
"""

from __future__ import annotations

__all__ = ["ImportFailed", "parse_pep_csv"]


class ImportFailed(ValueError):
    """The input cannot be imported. The message is one line naming the problem and,
    when known, the source and the line number: ``export.csv, ligne 12 : date illisible …``."""

    def __init__(self, problem: str, *, line: int | None = None, source: str = "") -> None:
        self.problem = problem
        self.line = line
        self.source = source
        where = ", ".join(
            part for part in (source, f"ligne {line}" if line is not None else "") if part
        )
        super().__init__(f"{where} : {problem}" if where else problem)


from pass_tui.data.importers.pep_csv import parse_pep_csv  # noqa: E402  (needs ImportFailed)
