"""What the fiche candidat and attachments tests share: a real account and its session,
and opening a candidate-space screen on top of the search form."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.screen import Screen

from pass_tui.data.candidates.accounts import CandidateSession
from pass_tui.data.services import Services
from tests.tui.helpers import settle

EMAIL = "camille.dupont@example.fr"
PASSWORD = "verte prairie sous la pluie 1987"


def candidate(services: Services, email: str = EMAIL) -> CandidateSession:
    """Sign up (the real service: argon2, the mail in the outbox) and log in."""
    services.accounts.signup(email, email, PASSWORD, PASSWORD)
    return services.accounts.login(email, PASSWORD)


async def show(pilot: Pilot, screen: Screen) -> None:
    """Open ``screen`` above the search form and let it settle."""
    await settle(pilot)
    pilot.app.push_screen(screen)
    await settle(pilot)
