"""The candidate space of one logged-in candidate: ``services.space(session)``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pass_tui.data.candidates.accounts import AccountService, CandidateSession
from pass_tui.data.candidates.profile import ProfileService
from pass_tui.data.candidates.store import AccountRecords
from pass_tui.data.config import Settings

if TYPE_CHECKING:
    from pass_tui.data.candidates.attachments import AttachmentService

__all__ = ["CandidateSpace"]


class CandidateSpace:
    """What a logged-in candidate reaches; nothing of any other account.

    Built only for a live session (``services.space`` checks it); each part checks again
    at each call, so a session ended meanwhile raises SessionEnded.
    """

    def __init__(
        self, accounts: AccountService, session: CandidateSession, settings: Settings
    ) -> None:
        self._accounts = accounts
        self.session = session
        self._settings = settings
        self.records: AccountRecords = accounts.records(session)

    def check(self) -> AccountRecords:
        """The account's records while the session lives (SessionEnded otherwise)."""
        return self._accounts.records(self.session)

    @property
    def profile(self) -> ProfileService:
        """The fiche candidat."""
        return ProfileService(self.check(), self.check)

    @property
    def attachments(self) -> AttachmentService:
        """CVs, cover letters and other documents."""
        from pass_tui.data.candidates.attachments import AttachmentService

        return AttachmentService(self.check(), self._settings, check=self.check)
