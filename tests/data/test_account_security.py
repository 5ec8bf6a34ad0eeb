"""Account security on real files and real processes: no secret at rest, no reach into
another account, a throttle and an address index that hold across processes."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pass_tui.data.candidates.accounts import AccountService, CandidateSession
from pass_tui.data.candidates.profile import Profile
from pass_tui.data.errors import CodeRejected, FormError, LoginFailed, SessionEnded
from pass_tui.data.refdata import refdata
from pass_tui.data.services import Services
from tests.data.account_helpers import (
    OTHER_PASSWORD,
    PASSWORD,
    THIRD_PASSWORD,
    Clock,
    accounts_service,
    last_code,
    outbox,
)
from tests.factories import REPO

A = "alice@exemple.fr"
B = "bruno@exemple.fr"


@pytest.fixture
def services(data_dir: Path) -> Services:
    return Services(data_dir)


@pytest.fixture
def accounts(services: Services) -> AccountService:
    return accounts_service(services, Clock())


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def _holds(data: bytes, secret: str) -> bool:
    """Whether ``data`` holds ``secret``: in UTF-8 or JSON-escaped; a 6-digit code only as
    a number of its own (long digit runs such as timestamps are not codes)."""
    if secret.isdigit():
        return re.search(rb"(?<!\d)" + secret.encode() + rb"(?!\d)", data) is not None
    escaped = secret.encode("ascii", "backslashreplace").decode().replace("\\x", "\\u00")
    return secret.encode() in data or escaped.encode() in data


def test_passwords_and_codes_are_nowhere_at_rest_nor_in_logs(
    accounts: AccountService,
    services: Services,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    first, second, third = PASSWORD + " é", OTHER_PASSWORD, THIRD_PASSWORD
    codes: list[str] = []
    pending = accounts.signup(A, A, first, first)
    codes.append(last_code(data_dir))
    session = accounts.confirm_signup(pending, codes[-1])
    accounts.logout(session)
    session = accounts.login(A, first, remember=True)
    pending = accounts.request_reset(A)
    codes.append(last_code(data_dir))
    accounts.reset_password(pending, codes[-1], second, second)
    session = accounts.login(A, second, remember=True)
    accounts.change_password(session, second, third, third)
    pending = accounts.request_email_change(session, B, B, third)
    codes.append(last_code(data_dir, B))
    session = accounts.confirm_email_change(session, pending, codes[-1])
    pending = accounts.signup(B, B, first, first)  # a known address now
    accounts.request_reset("personne@exemple.fr")
    for email, password in ((B, first), (B, second), ("personne@exemple.fr", third)):
        with pytest.raises(LoginFailed):  # failures fill the throttle files
            accounts.login(email, password)

    stored = [p for p in _files(data_dir) if "outbox" not in p.parts]
    names = {p.relative_to(data_dir).parts[0] for p in stored}
    assert {"candidates", "session.token"} <= names
    assert any("throttle" in p.parts and p.stat().st_size for p in stored)
    for path in stored:
        data = path.read_bytes()
        for secret in (first, second, third, *codes):
            assert not _holds(data, secret), f"{secret!r} found in {path}"
    mails = outbox(data_dir)
    for mail in mails:
        for password in (first, second, third):
            assert not _holds(mail.raw, password)
    for code in set(codes):
        holding = [m for m in mails if _holds(m.raw, code)]
        assert len(holding) == codes.count(code), code  # its own mail, and no other
        assert all(m.subject.startswith("PASS : votre code") for m in holding)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (first, second, third, *codes, A, B, "alice", "bruno"):
        assert secret not in logged


# -- one account cannot reach another's --------------------------------------------------------
def _two(accounts: AccountService, data_dir: Path) -> tuple[CandidateSession, CandidateSession]:
    sessions = []
    for email in (A, B):
        pending = accounts.signup(email, email, PASSWORD, PASSWORD)
        sessions.append(accounts.login(email, PASSWORD))
        assert pending.purpose == "signup"
    return sessions[0], sessions[1]


def _complete(name: str) -> Profile:
    domain = refdata().domains[0]
    return Profile(
        civility="madame",
        last_name=name,
        first_name=name,
        main_domain=domain.name,
        seeking="stage",
        terms_accepted=True,
    )


def test_a_session_reaches_its_own_account_only(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    alice, bruno = _two(accounts, data_dir)
    services.space(bruno).profile.submit(_complete("Bruno"))
    bruno_file = services.candidates.get(bruno.account_id).db.path
    before = bruno_file.read_bytes()
    services.space(alice).profile.submit(_complete("Alice"))
    services.space(alice).profile.save_draft(_complete("Alice2"))
    assert bruno_file.read_bytes() == before
    assert services.space(alice).records.account_id == alice.account_id
    assert services.space(alice).profile.saved() == _complete("Alice")

    mixed = CandidateSession(bruno.account_id, alice.session_id, B)  # A's token, B's id
    forged = [
        mixed,
        CandidateSession(bruno.account_id, "x" * 43, B),
        CandidateSession(bruno.account_id, "", B),
        CandidateSession("../" + bruno.account_id[3:], bruno.session_id, B),
        CandidateSession(bruno.account_id.upper(), bruno.session_id, B),
        CandidateSession(alice.account_id, bruno.session_id, A),  # B's token, A's id
        CandidateSession(None, None, B),  # type: ignore[arg-type]
        "not a session",
    ]
    for session in forged:
        calls = [
            lambda s=session: services.space(s),
            lambda s=session: accounts.is_confirmed(s),
            lambda s=session: accounts.send_confirmation(s),
            lambda s=session: accounts.change_password(s, PASSWORD, THIRD_PASSWORD, THIRD_PASSWORD),
            lambda s=session: accounts.request_email_change(
                s, "x@exemple.fr", "x@exemple.fr", PASSWORD
            ),
        ]
        for call in calls:
            with pytest.raises(SessionEnded):
                call()
        accounts.logout(session)  # type: ignore[arg-type]  # ends nothing of B's
    assert bruno_file.read_bytes().count(b"token_hash") == before.count(b"token_hash")
    assert services.space(bruno).profile.saved() == _complete("Bruno")
    assert accounts.login(B, PASSWORD)  # B's password unchanged


def test_codes_of_one_account_do_not_work_for_another(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    alice, bruno = _two(accounts, data_dir)
    bruno_pending = accounts.send_confirmation(bruno)
    bruno_code = last_code(data_dir, B)
    with pytest.raises(CodeRejected):
        accounts.confirm_email(alice, bruno_pending, bruno_code)
    assert not accounts.is_confirmed(alice) and not accounts.is_confirmed(bruno)
    change = accounts.request_email_change(bruno, "b2@exemple.fr", "b2@exemple.fr", PASSWORD)
    change_code = last_code(data_dir, "b2@exemple.fr")
    with pytest.raises(CodeRejected):
        accounts.confirm_email_change(alice, change, change_code)
    assert alice.email == A and accounts.login(A, PASSWORD).email == A
    # both codes still work for their owner
    accounts.confirm_email(bruno, bruno_pending, bruno_code)
    assert accounts.confirm_email_change(bruno, change, change_code).email == "b2@exemple.fr"


def test_an_ended_session_is_refused_everywhere(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    alice, _bruno = _two(accounts, data_dir)
    space = services.space(alice)
    accounts.logout(alice)
    for call in (
        lambda: services.space(alice),
        lambda: space.profile,
        lambda: space.check(),
        lambda: accounts.is_confirmed(alice),
        lambda: accounts.change_password(alice, PASSWORD, THIRD_PASSWORD, THIRD_PASSWORD),
    ):
        with pytest.raises(SessionEnded):
            call()


def test_a_password_change_needs_the_current_password(
    accounts: AccountService, data_dir: Path
) -> None:
    alice, _bruno = _two(accounts, data_dir)
    with pytest.raises(FormError):
        accounts.change_password(alice, "", THIRD_PASSWORD, THIRD_PASSWORD)
    accounts.login(A, PASSWORD)


# -- across processes ---------------------------------------------------------------------------
CHILD = """
import sys, time
from pathlib import Path
from pass_tui.data.services import Services
from pass_tui.data.errors import LoginFailed, LoginThrottled

data_dir, barrier, action, email = sys.argv[1:5]
accounts = Services(Path(data_dir)).accounts
while not Path(barrier).exists():
    time.sleep(0.001)
if action == "login":
    for _ in range(int(sys.argv[5])):
        try:
            accounts.login(email, "pas le bon mot de passe")
        except LoginFailed:
            print("failed", flush=True)
        except LoginThrottled as exc:
            print("throttled", exc.wait_s, flush=True)
else:
    pending = accounts.signup(email, email, sys.argv[5], sys.argv[5])
    print("pending", pending.purpose, pending.email, flush=True)
"""


def _children(data_dir: Path, barrier: Path, *argvs: list[str]) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir), str(barrier), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for argv in argvs
    ]
    time.sleep(1.0)  # let both import and reach the barrier
    barrier.touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs.append(out)
    return outputs


@pytest.mark.slow
@pytest.mark.parametrize("email", [A, "personne@exemple.fr"])
def test_the_throttle_holds_across_two_processes(
    accounts: AccountService, data_dir: Path, tmp_path: Path, email: str
) -> None:
    accounts.signup(A, A, PASSWORD, PASSWORD)
    outputs = _children(data_dir, tmp_path / "go", ["login", email, "4"], ["login", email, "4"])
    lines = [line.split() for out in outputs for line in out.splitlines()]
    assert len(lines) == 8
    assert sum(1 for line in lines if line[0] == "failed") == 5
    throttled = [int(line[1]) for line in lines if line[0] == "throttled"]
    assert len(throttled) == 3 and all(0 < wait <= 30 for wait in throttled)
    # and this process sees the same wait
    from pass_tui.data.errors import LoginThrottled

    with pytest.raises(LoginThrottled):
        Services(data_dir).accounts.login(email, PASSWORD)


@pytest.mark.slow
def test_two_processes_signing_up_one_address_make_one_account(
    data_dir: Path, tmp_path: Path
) -> None:
    for round_ in range(3):
        email = f"double{round_}@exemple.fr"
        outputs = _children(
            data_dir,
            tmp_path / f"go{round_}",
            ["signup", email, PASSWORD],
            ["signup", email, OTHER_PASSWORD],
        )
        assert [out.split() for out in outputs] == [["pending", "signup", email]] * 2
    services = Services(data_dir)
    assert services.candidates.count() == 3
    accounts_dir = data_dir / "candidates" / "accounts"
    assert len([p for p in accounts_dir.glob("*/*") if p.is_dir()]) == 3  # nothing left over
    mails = outbox(data_dir)
    for round_ in range(3):
        email = f"double{round_}@exemple.fr"
        subjects = sorted(m.subject for m in mails if m.to == email)
        assert subjects == [
            "PASS : tentative de création de compte",
            "PASS : votre code de confirmation",
        ]
        # exactly one of the two passwords opens the account
        logins = 0
        for password in (PASSWORD, OTHER_PASSWORD):
            try:
                services.accounts.login(email, password)
                logins += 1
            except Exception:
                pass
        assert logins == 1
