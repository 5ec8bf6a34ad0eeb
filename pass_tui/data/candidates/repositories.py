"""Typed access to one account's records: with the attachments' repository (beside its
service, in attachments.py), the only code that queries TinyDB.

Each repository is built on one :class:`~pass_tui.data.candidates.store.AccountRecords`
and can only see that account's file: every query is scoped to one account by
construction. A later shared database server replaces this module (and the store) only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from tinydb import Query

from pass_tui.data.candidates.models import AccountDoc, CodeDoc, CodePurpose, SessionDoc
from pass_tui.data.candidates.store import ACCOUNT_TABLE, AccountRecords

__all__ = [
    "AccountRepository",
    "CodeOutcome",
    "ProfileRepository",
]

CodeOutcome = Literal["ok", "wrong", "exhausted", "void"]
"""What typing a code did: accepted (and used up); wrong; wrong for the last allowed time
(the code is void now); or no such code (never sent, resent since, expired, used)."""

_CODES = "codes"
_SESSIONS = "sessions"
_PROFILE = "profile"
_DRAFT = "profile_draft"


class AccountRepository:
    """Credentials, the confirmed flag, e-mail codes and sessions of one account."""

    def __init__(self, records: AccountRecords) -> None:
        self.records = records

    # -- the account document ------------------------------------------------------------------
    def account(self) -> AccountDoc:
        doc = self.records.db.table(ACCOUNT_TABLE).get(doc_id=1)
        if doc is None:
            raise LookupError(self.records.account_id)
        return AccountDoc.model_validate(dict(doc))

    def update_account(self, **fields: Any) -> None:
        AccountDoc.model_validate({**self.account().model_dump(), **fields})  # typed
        with self.records.db.transaction() as tx:
            tx.table(ACCOUNT_TABLE).update(fields, doc_ids=[1])

    # -- codes ----------------------------------------------------------------------------------
    def put_code(self, code: CodeDoc) -> None:
        """Store ``code``, replacing any code of the same purpose (which is void now)."""
        with self.records.db.transaction() as tx:
            table = tx.table(_CODES)
            table.remove(Query().purpose == code.purpose)
            table.insert(code.model_dump())

    def code(self, purpose: CodePurpose) -> CodeDoc | None:
        doc = self.records.db.table(_CODES).get(Query().purpose == purpose)
        return CodeDoc.model_validate(dict(doc)) if doc is not None else None

    def use_code(
        self,
        purpose: CodePurpose,
        nonce: str,
        now: float,
        max_tries: int,
        matches: Callable[[CodeDoc], bool],
    ) -> tuple[CodeOutcome, CodeDoc | None]:
        """Try a code, under the account's lock so tries count across processes.

        ``matches`` checks the typed digits against the stored hash. A right code is removed
        (single use); a wrong one counts a try, and the ``max_tries``-th removes it.
        """
        with self.records.db.transaction() as tx:
            table = tx.table(_CODES)
            raw = table.get(Query().purpose == purpose)
            code = CodeDoc.model_validate(dict(raw)) if raw is not None else None
            if code is None or code.nonce != nonce:
                return "void", None
            if code.expires <= now or code.tries >= max_tries:
                table.remove(Query().purpose == purpose)
                return "void", None
            if matches(code):
                table.remove(Query().purpose == purpose)
                return "ok", code
            if code.tries + 1 >= max_tries:
                table.remove(Query().purpose == purpose)
                return "exhausted", None
            table.update({"tries": code.tries + 1}, Query().purpose == purpose)
            return "wrong", None

    def drop_code(self, purpose: CodePurpose) -> None:
        with self.records.db.transaction() as tx:
            tx.table(_CODES).remove(Query().purpose == purpose)

    # -- sessions -------------------------------------------------------------------------------
    def add_session(self, session: SessionDoc, now: float) -> None:
        """Keep ``session``; sessions expired at ``now`` are dropped on the way."""
        with self.records.db.transaction() as tx:
            table = tx.table(_SESSIONS)
            table.remove(Query().expires <= now)
            table.insert(session.model_dump())

    def session(self, token_hash: str, now: float) -> SessionDoc | None:
        """The live session with this token hash, or None (ended or expired)."""
        doc = self.records.db.table(_SESSIONS).get(Query().token_hash == token_hash)
        if doc is None:
            return None
        session = SessionDoc.model_validate(dict(doc))
        return session if session.expires > now else None

    def end_session(self, token_hash: str) -> None:
        with self.records.db.transaction() as tx:
            tx.table(_SESSIONS).remove(Query().token_hash == token_hash)

    def end_sessions(self, keep: str | None = None) -> None:
        """End every session but the one whose token hash is ``keep``."""
        with self.records.db.transaction() as tx:
            tx.table(_SESSIONS).remove(Query().token_hash != keep)

    def sessions(self) -> list[SessionDoc]:
        return [SessionDoc.model_validate(dict(d)) for d in self.records.db.table(_SESSIONS)]

    def change_password(self, password_hash: str, keep_session: str | None) -> None:
        """New password hash; every session but ``keep_session`` ended; codes voided —
        in one write."""
        with self.records.db.transaction() as tx:
            tx.table(ACCOUNT_TABLE).update({"password_hash": password_hash}, doc_ids=[1])
            tx.table(_SESSIONS).remove(Query().token_hash != keep_session)
            tx.table(_CODES).remove(Query().purpose == "reset")


class ProfileRepository:
    """The fiche candidat: the submitted one and a draft."""

    def __init__(self, records: AccountRecords) -> None:
        self.records = records

    def saved(self) -> dict[str, Any] | None:
        doc = self.records.db.table(_PROFILE).get(doc_id=1)
        return dict(doc) if doc is not None else None

    def draft(self) -> dict[str, Any] | None:
        doc = self.records.db.table(_DRAFT).get(doc_id=1)
        return dict(doc) if doc is not None else None

    def save_draft(self, data: dict[str, Any]) -> None:
        with self.records.db.transaction() as tx:
            table = tx.table(_DRAFT)
            table.truncate()
            table.insert(data)

    def save(self, data: dict[str, Any]) -> None:
        """Keep ``data`` as the fiche and drop the draft, in one write."""
        with self.records.db.transaction() as tx:
            table = tx.table(_PROFILE)
            table.truncate()
            table.insert(data)
            tx.table(_DRAFT).truncate()
