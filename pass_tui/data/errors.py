"""The errors pass-tui reports to people: one family, each a single line that names the problem.

Every failure a user can meet (bad input, an unreadable source, a full disk, a store that
cannot be written) is raised as a :class:`PassError`. The CLI prints ``pass-tui : <message>``
and exits with :attr:`PassError.exit_code` (2, or 1 for "not found"); the TUI shows the
message in place and stays up. Nothing else should reach a person as a traceback.

Messages are written in French and translated with :func:`pass_tui.i18n._` when raised, so
they follow the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AttachmentRefused",
    "BadInput",
    "CodeRejected",
    "ConfigError",
    "CriteriaError",
    "FieldProblem",
    "FormError",
    "ImportFailed",
    "LimitReached",
    "LoginFailed",
    "LoginThrottled",
    "NotFound",
    "PassError",
    "PrinterError",
    "QueryError",
    "SessionEnded",
    "StoreError",
]


class PassError(Exception):
    """A problem to show a person: ``str(exc)`` is one line, in the interface language."""

    exit_code: int = 2
    """The CLI's exit status for this error."""


class NotFound(PassError):
    """What was asked for does not exist (an unknown offer reference)."""

    exit_code = 1


class BadInput(PassError, ValueError):
    """A value given by a person or a source is wrong; nothing was written."""


class StoreError(PassError):
    """The data directory cannot be read or written (missing, read-only, full, corrupt)."""


class ConfigError(BadInput):
    """config.toml is unreadable or holds an unknown or wrong setting."""


class QueryError(BadInput):
    """A feed URL query names an unknown parameter or has a malformed value."""


class CriteriaError(BadInput):
    """A search criterion has a value outside its reference list."""

    def __init__(self, criterion: str, value: object, valid: list[str], message: str) -> None:
        self.criterion = criterion
        """The criterion's name, as the CLI option and the feed parameter spell it."""
        self.value = value
        self.valid = valid
        super().__init__(message)


class ImportFailed(BadInput):
    """A source cannot be imported. The message names the source and, when known, the
    line or item: ``export.csv, ligne 12 : date illisible …``."""

    def __init__(self, problem: str, *, line: int | None = None, source: str = "") -> None:
        from pass_tui.i18n import _

        self.problem = problem
        self.line = line
        self.source = source
        at_line = _("ligne {line}", line=str(line)) if line is not None else ""
        where = ", ".join(part for part in (source, at_line) if part)
        super().__init__(
            _("{where} : {problem}", where=where, problem=problem) if where else problem
        )


class PrinterError(PassError):
    """`lp` is missing or refused the job."""


# -- the candidate space -------------------------------------------------------------------
@dataclass(frozen=True)
class FieldProblem:
    """One wrong or missing field of a form."""

    field: str
    """The form field's id, e.g. ``"email"``, ``"password_confirm"``, ``"last_name"``."""
    message: str
    """A full sentence in the interface language: ``"Nom : champ obligatoire."``."""


class FormError(BadInput):
    """Several problems in one form, in the form's order; ``str(exc)`` is the first."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        if not problems:
            raise ValueError("FormError needs at least one problem")
        self.problems = list(problems)
        super().__init__(problems[0].message)


class LoginFailed(BadInput):
    """Wrong address or wrong password: the same text either way."""


class LoginThrottled(BadInput):
    """Too many failed logins for this address: wait :attr:`wait_s` seconds."""

    def __init__(self, message: str, wait_s: int) -> None:
        self.wait_s = wait_s
        super().__init__(message)


class CodeRejected(BadInput):
    """An e-mail code is wrong, expired, already used, or tried too often."""


class SessionEnded(BadInput):
    """The candidate's session no longer exists (logged out, expired, password changed)."""


class AttachmentRefused(BadInput):
    """A document cannot be added: the message names the file and the reason."""


class LimitReached(BadInput):
    """The candidate already has as many documents of this kind as allowed."""
