"""Helpers for the candidate-account tests: a settable clock, the outbox, the codes in it."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from pass_tui.data.candidates.accounts import AccountService
from pass_tui.data.services import Services

PASSWORD = "lapin bleu mange du foin"
OTHER_PASSWORD = "girafe verte sous la pluie"
THIRD_PASSWORD = "tortue rapide au marché"
CODE = re.compile(r"Votre code PASS : (\d{6})|Your PASS code: (\d{6})")


class Clock:
    """Epoch seconds that a test moves forward."""

    def __init__(self, now: float | None = None) -> None:
        self.now = time.time() if now is None else now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str
    raw: bytes
    path: Path


def outbox(data_dir: Path) -> list[Mail]:
    """Every mail written to the outbox, oldest first."""
    folder = data_dir / "outbox" / "new"
    if not folder.is_dir():
        return []
    mails = []
    for path in sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns):
        raw = path.read_bytes()
        message = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(message, EmailMessage)
        body = message.get_body(("plain",))
        assert body is not None
        mails.append(
            Mail(str(message["To"]), str(message["Subject"]), body.get_content(), raw, path)
        )
    return mails


def last_code(data_dir: Path, to: str | None = None) -> str:
    """The code in the newest mail (to ``to`` when given) that holds one."""
    for mail in reversed(outbox(data_dir)):
        found = CODE.search(mail.body)
        if found and (to is None or mail.to.casefold() == to.casefold()):
            return found.group(1) or found.group(2)
    raise AssertionError("no code in the outbox")


def accounts_service(services: Services, clock: Clock) -> AccountService:
    """The account service of ``services`` on a test clock."""
    service = AccountService(
        services.candidates, services.paths, services.settings, lambda: services.mailer, clock
    )
    services._accounts = service
    return service


def wrong(code: str) -> str:
    """A 6-digit code that is not ``code``."""
    return f"{(int(code) + 1) % 1_000_000:06d}"
