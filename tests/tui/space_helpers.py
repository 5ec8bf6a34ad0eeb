"""What the Pilot tests of the candidate space share: accounts made through the real
account service, codes read from the outbox maildir as a candidate reads their mail, and
typing into a form's fields."""

from __future__ import annotations

import mailbox
import re
from email.message import Message

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from pass_tui.data.candidates.accounts import CandidateSession
from pass_tui.data.services import Services

from .helpers import settle, until

EMAIL = "camille@exemple.fr"
PASSWORD = "cheval agrafe pile correcte"
OTHER_PASSWORD = "une autre phrase de passe"

_CODE = re.compile(r"\b(\d{6})\b")


def _body(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode(part.get_content_charset() or "utf-8")
    return ""


def mails_to(services: Services, address: str) -> list[tuple[str, str]]:
    """(subject, body) of every mail in the outbox for ``address``, oldest first."""
    if not services.paths.outbox.exists():
        return []
    box = mailbox.Maildir(services.paths.outbox, factory=None, create=False)
    found = []
    for key, message in box.items():
        if address in (message["To"] or ""):
            found.append((message.get_date() or 0, key, message))
    found.sort(key=lambda item: (item[0], item[1]))
    return [(str(m["Subject"]), _body(m)) for _date, _key, m in found]


def last_code(services: Services, address: str = EMAIL) -> str:
    """The code of the last mail sent to ``address`` that holds one."""
    for _subject, body in reversed(mails_to(services, address)):
        match = _CODE.search(body)
        if match:
            return match.group(1)
    raise AssertionError(f"no code was mailed to {address}")


def make_account(
    services: Services, email: str = EMAIL, password: str = PASSWORD, *, confirmed: bool = True
) -> None:
    """An account made through the account service (and confirmed with its mailed code)."""
    accounts = services.accounts
    pending = accounts.signup(email, email, password, password)
    if confirmed:
        session = accounts.confirm_signup(pending, last_code(services, email))
        accounts.logout(session)


def login(services: Services, email: str = EMAIL, password: str = PASSWORD) -> CandidateSession:
    return services.accounts.login(email, password)


async def type_in(pilot: Pilot, field_id: str, text: str) -> None:
    """Put the focus in the field ``field_id``, empty it and type ``text``."""
    field = pilot.app.screen.query_one(f"#{field_id}", Input)
    field.focus()
    field.value = ""
    await pilot.pause()
    if text:
        # The first key typed, the rest pasted: both are what a candidate does, and a
        # paste is one event where typing costs Pilot ~60 ms of idle-waiting per key.
        await pilot.press(text[0])
        if text[1:]:
            field.post_message(events.Paste(text[1:]))
    await pilot.pause()


async def submit(pilot: Pilot, button_id: str) -> None:
    """Press the button ``button_id`` of the current screen and let its work finish."""
    pilot.app.screen.query_one(f"#{button_id}").focus()
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def notice_says(pilot: Pilot, text: str) -> None:
    """Wait until the current screen's notice shows ``text``."""
    from pass_tui.widgets.notice import Notice

    def shown() -> bool:
        notices = pilot.app.screen.query(Notice)
        return bool(notices) and str(notices.first().content) == text

    await until(pilot, shown, f"the notice to say {text!r}")


def focused_id(pilot: Pilot) -> str | None:
    focused = pilot.app.focused
    return focused.id if focused is not None else None
