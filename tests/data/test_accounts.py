"""AccountService: every rule and every message of sign-up, codes, login, reset, credentials."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from pass_tui.data.candidates import passwords
from pass_tui.data.candidates.accounts import (
    CODE_TTL_S,
    REMEMBER_TTL_S,
    SESSION_TTL_S,
    AccountService,
    CandidateSession,
    PendingCode,
)
from pass_tui.data.candidates.repositories import AccountRepository
from pass_tui.data.candidates.throttle import MAX_WAIT_S
from pass_tui.data.config import Settings
from pass_tui.data.errors import (
    BadInput,
    CodeRejected,
    FormError,
    LoginFailed,
    LoginThrottled,
    SessionEnded,
)
from pass_tui.data.services import Services
from pass_tui.i18n import set_language
from tests.data.account_helpers import (
    OTHER_PASSWORD,
    PASSWORD,
    THIRD_PASSWORD,
    Clock,
    accounts_service,
    last_code,
    outbox,
    wrong,
)

EMAIL = "jean.dupont@exemple.fr"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def services(data_dir: Path) -> Services:
    return Services(data_dir)


@pytest.fixture
def accounts(services: Services, clock: Clock) -> AccountService:
    return accounts_service(services, clock)


def _signup(accounts: AccountService, email: str = EMAIL, password: str = PASSWORD):
    return accounts.signup(email, email, password, password)


def _confirmed(accounts: AccountService, data_dir: Path, email: str = EMAIL) -> CandidateSession:
    pending = _signup(accounts, email)
    return accounts.confirm_signup(pending, last_code(data_dir, email))


def _problems(exc: pytest.ExceptionInfo[FormError]) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in exc.value.problems]


# -- sign-up form ---------------------------------------------------------------------------
def test_signup_lists_every_problem_in_form_order(accounts: AccountService) -> None:
    with pytest.raises(FormError) as exc:
        accounts.signup("", "", "", "")
    assert _problems(exc) == [
        ("email", "Identifiant : champ obligatoire."),
        ("email_confirm", "Confirmer l'identifiant : champ obligatoire."),
        ("password", "Mot de passe : champ obligatoire."),
        ("password_confirm", "Confirmer le mot de passe : champ obligatoire."),
    ]
    assert str(exc.value) == "Identifiant : champ obligatoire."


def test_signup_checks_address_confirmations_and_password(accounts: AccountService) -> None:
    with pytest.raises(FormError) as exc:
        accounts.signup("jean@", "jean@", "court", "autre")
    assert _problems(exc) == [
        ("email", "Identifiant : adresse e-mail invalide (exemple : prenom.nom@exemple.fr)."),
        ("password", "Mot de passe : 8 caractères au moins."),
        ("password_confirm", "Confirmer le mot de passe : les deux mots de passe diffèrent."),
    ]
    with pytest.raises(FormError) as exc:
        accounts.signup(EMAIL, "jean.dupond@exemple.fr", PASSWORD, PASSWORD)
    assert _problems(exc) == [
        ("email_confirm", "Confirmer l'identifiant : les deux adresses diffèrent.")
    ]


@pytest.mark.parametrize(
    ("password", "message"),
    [
        (
            "azertyui",
            "trop courant ou trop facile à deviner ; essayez une phrase de plusieurs mots.",
        ),
        (
            "motdepasse",
            "trop courant ou trop facile à deviner ; essayez une phrase de plusieurs mots.",
        ),
        (
            "Password123",
            "trop courant ou trop facile à deviner ; essayez une phrase de plusieurs mots.",
        ),
        (
            "aaaaaaaaaaaa",
            "trop courant ou trop facile à deviner ; essayez une phrase de plusieurs mots.",
        ),
        (EMAIL, "ne reprenez pas votre adresse e-mail."),
        ("jean.dupont", "ne reprenez pas votre adresse e-mail."),
        ("Jean.Dupont2027!", "ne reprenez pas votre adresse e-mail."),
        ("x" * 1025, "1\u00a0024 caractères au plus."),
    ],
)
def test_weak_passwords_are_refused(accounts: AccountService, password: str, message: str) -> None:
    with pytest.raises(FormError) as exc:
        accounts.signup(EMAIL, EMAIL, password, password)
    assert _problems(exc) == [("password", f"Mot de passe : {message}")]


def test_no_composition_rule_and_long_passphrases_accepted(
    accounts: AccountService, data_dir: Path
) -> None:
    long_one = "le petit chat gris dort au soleil sur le mur du jardin en été, tranquille"
    longest = " ".join(f"mot{i} zèbre{i * 7}" for i in range(100))[:1024]
    assert len(long_one) >= 64 and len(longest) == 1024
    for i, password in enumerate([PASSWORD, long_one, longest, "ééé ñ q7 zèbre"]):
        pending = accounts.signup(f"c{i}@exemple.fr", f"c{i}@exemple.fr", password, password)
        assert pending.purpose == "signup"
        accounts.login(f"c{i}@exemple.fr", password)


def test_minimum_length_is_the_setting(data_dir: Path, clock: Clock) -> None:
    services = Services(data_dir, settings=Settings(password_min_length=12))
    accounts = accounts_service(services, clock)
    with pytest.raises(FormError) as exc:
        _signup(accounts, password="q7 zèbre lu")
    assert _problems(exc) == [("password", "Mot de passe : 12 caractères au moins.")]
    assert accounts.password_rules().startswith("12 caractères au moins")
    five = accounts_service(Services(data_dir, settings=Settings(password_min_length=5)), clock)
    assert five.password_rules().startswith("5 caractères au moins")
    with pytest.raises(ValueError):
        Settings(password_min_length=4)


def test_password_rules_sentence_in_both_languages(accounts: AccountService) -> None:
    assert accounts.password_rules() == (
        "8 caractères au moins, sans autre règle : une phrase de plusieurs mots est idéale. "
        "Les mots de passe courants et votre adresse e-mail sont refusés."
    )
    set_language("en")
    try:
        assert accounts.password_rules().startswith("At least 8 characters, no other rule")
        with pytest.raises(FormError) as exc:
            accounts.signup("", "", "", "")
        assert str(exc.value) == "Login (e-mail address): required."
    finally:
        set_language("fr")


# -- sign-up and its code -------------------------------------------------------------------
def test_signup_normalises_the_address_and_mails_a_code(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    pending = accounts.signup(
        " Jean.Dupont@EXEMPLE.FR ", "jean.dupont@exemple.fr", PASSWORD, PASSWORD
    )
    assert pending.purpose == "signup" and pending.email == "Jean.Dupont@exemple.fr"
    [mail] = outbox(data_dir)
    assert mail.to == "Jean.Dupont@exemple.fr"
    assert mail.subject == "PASS : votre code de confirmation"
    code = last_code(data_dir)
    assert len(code) == 6 and code.isdigit()
    assert "15 minutes" in mail.body
    records = services.candidates.find(EMAIL)
    assert records is not None
    account = AccountRepository(records).account()
    assert account.email == "Jean.Dupont@exemple.fr" and not account.confirmed
    assert account.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    # the account works before it is confirmed
    session = accounts.login(EMAIL, PASSWORD)
    assert not accounts.is_confirmed(session)
    confirmed = accounts.confirm_signup(pending, code)
    assert (
        confirmed.email == "Jean.Dupont@exemple.fr" and confirmed.account_id == records.account_id
    )
    assert accounts.is_confirmed(confirmed) and accounts.is_confirmed(session)


def test_a_code_is_single_use(accounts: AccountService, data_dir: Path) -> None:
    pending = _signup(accounts)
    code = last_code(data_dir)
    accounts.confirm_signup(pending, code)
    with pytest.raises(CodeRejected, match=r"^Code incorrect ou expiré\.$"):
        accounts.confirm_signup(pending, code)


def test_a_code_expires_after_15_minutes(
    accounts: AccountService, data_dir: Path, clock: Clock
) -> None:
    pending = _signup(accounts)
    clock.advance(CODE_TTL_S - 1)
    with pytest.raises(CodeRejected):
        accounts.confirm_signup(pending, wrong(last_code(data_dir)))
    clock.advance(2)
    with pytest.raises(CodeRejected, match=r"^Code incorrect ou expiré\.$"):
        accounts.confirm_signup(pending, last_code(data_dir))


def test_five_wrong_tries_void_the_code(accounts: AccountService, data_dir: Path) -> None:
    pending = _signup(accounts)
    code = last_code(data_dir)
    for _ in range(4):
        with pytest.raises(CodeRejected, match=r"^Code incorrect ou expiré\.$"):
            accounts.confirm_signup(pending, wrong(code))
    with pytest.raises(CodeRejected, match=r"^Trop d'essais : demandez un nouveau code\.$"):
        accounts.confirm_signup(pending, "abcdef")
    with pytest.raises(CodeRejected, match=r"^Code incorrect ou expiré\.$"):
        accounts.confirm_signup(pending, code)  # the right one, too late
    fresh = accounts.resend_code(pending)
    accounts.confirm_signup(fresh, last_code(data_dir))


def test_resending_voids_the_previous_code(accounts: AccountService, data_dir: Path) -> None:
    pending = _signup(accounts)
    first = last_code(data_dir)
    again = accounts.resend_code(pending)
    assert again.email == pending.email and len(outbox(data_dir)) == 2
    second = last_code(data_dir)
    with pytest.raises(CodeRejected):
        accounts.confirm_signup(pending, first)
    with pytest.raises(CodeRejected):
        accounts.confirm_signup(again, first if first != second else wrong(second))
    accounts.confirm_signup(again, second)


def test_spaces_in_a_typed_code_are_ignored(accounts: AccountService, data_dir: Path) -> None:
    pending = _signup(accounts)
    code = last_code(data_dir)
    accounts.confirm_signup(pending, f" {code[:3]} {code[3:]} ")


def test_signup_with_a_known_address_changes_nothing_and_tells_the_owner(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    _confirmed(accounts, data_dir)
    records = services.candidates.find(EMAIL)
    assert records is not None
    before = records.db.path.read_bytes()
    pending = accounts.signup("JEAN.DUPONT@exemple.fr", EMAIL, OTHER_PASSWORD, OTHER_PASSWORD)
    # the same shape as a new account's answer
    assert type(pending) is PendingCode
    assert (pending.purpose, pending.email) == ("signup", "JEAN.DUPONT@exemple.fr")
    assert repr(pending) == "PendingCode(purpose='signup', email='JEAN.DUPONT@exemple.fr')"
    assert records.db.path.read_bytes() == before and services.candidates.count() == 1
    mail = outbox(data_dir)[-1]
    assert mail.to == EMAIL and mail.subject == "PASS : tentative de création de compte"
    assert "Mot de passe perdu" in mail.body and not any(c.isdigit() for c in mail.body)
    # no code opens it; tries run out as for a real code
    for _ in range(4):
        with pytest.raises(CodeRejected, match=r"^Code incorrect ou expiré\.$"):
            accounts.confirm_signup(pending, "123456")
    with pytest.raises(CodeRejected, match=r"^Trop d'essais"):
        accounts.confirm_signup(pending, "123456")
    with pytest.raises(CodeRejected, match=r"^Code incorrect ou expiré\.$"):
        accounts.confirm_signup(pending, "123456")
    accounts.login(EMAIL, PASSWORD)  # the owner's password is unchanged
    with pytest.raises(LoginFailed):
        accounts.login(EMAIL, OTHER_PASSWORD)


def test_a_pending_code_cannot_be_used_for_another_purpose(
    accounts: AccountService, data_dir: Path
) -> None:
    _confirmed(accounts, data_dir)
    pending = accounts.request_reset(EMAIL)
    code = last_code(data_dir)
    with pytest.raises(CodeRejected):
        accounts.confirm_signup(pending, code)
    accounts.reset_password(pending, code, OTHER_PASSWORD, OTHER_PASSWORD)


# -- login ------------------------------------------------------------------------------------
def test_wrong_address_and_wrong_password_give_one_message(
    accounts: AccountService, data_dir: Path
) -> None:
    _confirmed(accounts, data_dir)
    messages = set()
    for email, password in (
        (EMAIL, OTHER_PASSWORD),
        ("personne@exemple.fr", PASSWORD),
        ("pas une adresse", PASSWORD),
        (EMAIL, ""),
        (EMAIL, "x" * 5000),
    ):
        with pytest.raises(LoginFailed) as exc:
            accounts.login(email, password)
        messages.add(str(exc.value))
    assert messages == {"Identifiant ou mot de passe incorrect."}
    session = accounts.login("  JEAN.dupont@Exemple.FR ", PASSWORD)
    assert session.email == EMAIL and not session.remembered


def test_throttle_after_five_failures_grows_and_is_capped(
    accounts: AccountService, data_dir: Path, clock: Clock
) -> None:
    _confirmed(accounts, data_dir)
    for _ in range(5):
        with pytest.raises(LoginFailed):
            accounts.login(EMAIL, OTHER_PASSWORD)
    with pytest.raises(LoginThrottled) as exc:
        accounts.login(EMAIL, PASSWORD)  # even the right password waits
    assert exc.value.wait_s == 30
    assert str(exc.value) == "Trop d'essais. Réessayez dans 1 min."
    waits = []
    for _ in range(8):
        clock.advance(MAX_WAIT_S)
        with pytest.raises(LoginFailed):
            accounts.login(EMAIL, OTHER_PASSWORD)
        with pytest.raises(LoginThrottled) as exc:
            accounts.login(EMAIL, OTHER_PASSWORD)
        waits.append(exc.value.wait_s)
    assert waits == [60, 120, 240, 480, 900, 900, 900, 900]
    assert str(exc.value) == "Trop d'essais. Réessayez dans 15 min."
    clock.advance(MAX_WAIT_S)
    accounts.login(EMAIL, PASSWORD)  # a success forgets the failures
    for _ in range(4):
        with pytest.raises(LoginFailed):
            accounts.login(EMAIL, OTHER_PASSWORD)
    accounts.login(EMAIL, PASSWORD)


def test_unknown_addresses_are_throttled_the_same(accounts: AccountService, data_dir: Path) -> None:
    for _ in range(5):
        with pytest.raises(LoginFailed):
            accounts.login("personne@exemple.fr", PASSWORD)
    with pytest.raises(LoginThrottled) as exc:
        accounts.login("Personne@exemple.fr", PASSWORD)
    assert exc.value.wait_s == 30
    # another address is not affected
    with pytest.raises(LoginFailed):
        accounts.login("autre@exemple.fr", PASSWORD)


def test_remember_me_keeps_a_30_day_token_file(
    accounts: AccountService, services: Services, data_dir: Path, clock: Clock
) -> None:
    _confirmed(accounts, data_dir)
    assert accounts.resume() is None
    session = accounts.login(EMAIL, PASSWORD, remember=True)
    token = services.paths.remembered_session
    assert session.remembered
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert token.read_text().strip() == f"{session.account_id}:{session.session_id}"
    records = services.candidates.get(session.account_id)
    assert session.session_id not in records.db.path.read_text()  # only its hash
    [kept] = [s for s in AccountRepository(records).sessions() if s.remembered]
    assert kept.expires - kept.created == REMEMBER_TTL_S
    resumed = Services(data_dir).accounts.resume()  # another process of this data dir
    assert resumed is not None
    assert (resumed.account_id, resumed.session_id, resumed.email, resumed.remembered) == (
        session.account_id,
        session.session_id,
        EMAIL,
        True,
    )
    clock.advance(REMEMBER_TTL_S + 1)
    assert accounts.resume() is None
    assert not token.exists()
    with pytest.raises(SessionEnded):
        accounts.is_confirmed(session)


def test_a_plain_session_ends_after_a_day(
    accounts: AccountService, data_dir: Path, clock: Clock
) -> None:
    session = _confirmed(accounts, data_dir)
    clock.advance(SESSION_TTL_S - 10)
    assert accounts.is_confirmed(session)
    clock.advance(20)
    with pytest.raises(SessionEnded, match=r"^Votre session a pris fin : reconnectez-vous\.$"):
        accounts.is_confirmed(session)


def test_remember_is_refused_on_a_kiosk(data_dir: Path, clock: Clock) -> None:
    accounts = accounts_service(Services(data_dir, settings=Settings(kiosk=True)), clock)
    _confirmed(accounts, data_dir)
    with pytest.raises(BadInput, match="Rester connecté"):
        accounts.login(EMAIL, PASSWORD, remember=True)
    assert not (data_dir / "session.token").exists()
    accounts.login(EMAIL, PASSWORD)


def test_logout_ends_the_session_and_forgets_the_token(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    _confirmed(accounts, data_dir)
    kept = accounts.login(EMAIL, PASSWORD, remember=True)
    other = accounts.login(EMAIL, PASSWORD)
    accounts.logout(other)  # not the remembered one: the token file stays
    assert services.paths.remembered_session.exists()
    with pytest.raises(SessionEnded):
        services.space(other)
    accounts.logout(kept)
    assert not services.paths.remembered_session.exists()
    assert accounts.resume() is None
    with pytest.raises(SessionEnded):
        services.space(kept)
    accounts.logout(kept)  # again: nothing to do


def test_resume_refuses_a_tampered_token_file(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    session = _confirmed(accounts, data_dir)
    path = services.paths.remembered_session
    for content in (
        f"{session.account_id}:{session.session_id}",  # a live session, but not remembered
        f"{session.account_id}:forged",
        "../../etc:passwd",
        "garbage",
        "",
    ):
        path.write_text(content)
        assert accounts.resume() is None
        assert not path.exists()
    path.write_bytes(b"\xff\xfe")
    assert accounts.resume() is None


def test_login_rehashes_a_password_hashed_with_older_parameters(
    accounts: AccountService, services: Services, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    monkeypatch.setattr(passwords, "HASHER", weak)
    _confirmed(accounts, data_dir)
    records = services.candidates.find(EMAIL)
    assert records is not None
    assert "m=8192,t=1" in AccountRepository(records).account().password_hash
    monkeypatch.undo()
    accounts.login(EMAIL, PASSWORD)
    rehashed = AccountRepository(records).account().password_hash
    assert rehashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    accounts.login(EMAIL, PASSWORD)
    assert AccountRepository(records).account().password_hash == rehashed  # once only


# -- confirming later -------------------------------------------------------------------------
def test_confirm_the_address_later_from_the_space(accounts: AccountService, data_dir: Path) -> None:
    _signup(accounts)
    session = accounts.login(EMAIL, PASSWORD)
    pending = accounts.send_confirmation(session)
    assert pending.email == EMAIL
    with pytest.raises(CodeRejected):
        accounts.confirm_email(session, pending, wrong(last_code(data_dir)))
    accounts.confirm_email(session, pending, last_code(data_dir))
    assert accounts.is_confirmed(session)
    with pytest.raises(BadInput, match=r"^Votre adresse e-mail est déjà confirmée\.$"):
        accounts.send_confirmation(session)


# -- lost password ----------------------------------------------------------------------------
def test_reset_answers_the_same_for_any_address(accounts: AccountService, data_dir: Path) -> None:
    _confirmed(accounts, data_dir)
    mails = len(outbox(data_dir))
    known = accounts.request_reset(EMAIL)
    unknown = accounts.request_reset("personne@exemple.fr")
    assert (known.purpose, type(known)) == (unknown.purpose, type(unknown))
    assert repr(unknown) == "PendingCode(purpose='reset', email='personne@exemple.fr')"
    sent = outbox(data_dir)[mails:]
    assert [m.to for m in sent] == [EMAIL]  # mail only to an existing account
    assert sent[0].subject == "PASS : votre code pour changer de mot de passe"
    with pytest.raises(CodeRejected):
        accounts.reset_password(unknown, last_code(data_dir), OTHER_PASSWORD, OTHER_PASSWORD)
    with pytest.raises(FormError) as exc:
        accounts.request_reset("pas une adresse")
    assert _problems(exc)[0][0] == "email"


def test_reset_sets_the_password_and_ends_every_session(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    first = _confirmed(accounts, data_dir)
    second = accounts.login(EMAIL, PASSWORD, remember=True)
    pending = accounts.request_reset(EMAIL)
    code = last_code(data_dir)
    with pytest.raises(FormError) as exc:
        accounts.reset_password(pending, code, "azertyuiop", "azertyuio")
    assert [f for f, _m in _problems(exc)] == ["password", "password_confirm"]
    accounts.reset_password(pending, code, OTHER_PASSWORD, OTHER_PASSWORD)  # code still valid
    for session in (first, second):
        with pytest.raises(SessionEnded):
            services.space(session)
    assert accounts.resume() is None
    with pytest.raises(LoginFailed):
        accounts.login(EMAIL, PASSWORD)
    accounts.login(EMAIL, OTHER_PASSWORD)
    assert outbox(data_dir)[-1].subject == "PASS : votre mot de passe a changé"
    with pytest.raises(CodeRejected):
        accounts.reset_password(pending, code, THIRD_PASSWORD, THIRD_PASSWORD)


def test_reset_confirms_the_address_and_lifts_the_throttle(
    accounts: AccountService, data_dir: Path
) -> None:
    _signup(accounts)  # never confirmed
    for _ in range(5):
        with pytest.raises(LoginFailed):
            accounts.login(EMAIL, OTHER_PASSWORD)
    pending = accounts.request_reset(EMAIL)
    accounts.reset_password(pending, last_code(data_dir), THIRD_PASSWORD, THIRD_PASSWORD)
    session = accounts.login(EMAIL, THIRD_PASSWORD)
    assert accounts.is_confirmed(session)


# -- login details ----------------------------------------------------------------------------
def test_change_password_ends_the_other_sessions(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    here = _confirmed(accounts, data_dir)
    elsewhere = accounts.login(EMAIL, PASSWORD)
    with pytest.raises(FormError) as exc:
        accounts.change_password(here, OTHER_PASSWORD, "court", "")
    assert _problems(exc) == [
        ("old_password", "Mot de passe actuel : incorrect."),
        ("new_password", "Nouveau mot de passe : 8 caractères au moins."),
        ("new_password_confirm", "Confirmer le nouveau mot de passe : champ obligatoire."),
    ]
    with pytest.raises(FormError) as exc:
        accounts.change_password(here, PASSWORD, PASSWORD, PASSWORD)
    assert _problems(exc) == [("new_password", "Nouveau mot de passe : identique à l'actuel.")]
    accounts.change_password(here, PASSWORD, OTHER_PASSWORD, OTHER_PASSWORD)
    assert accounts.is_confirmed(here)  # this session goes on
    with pytest.raises(SessionEnded):
        accounts.is_confirmed(elsewhere)
    accounts.login(EMAIL, OTHER_PASSWORD)
    assert outbox(data_dir)[-1].subject == "PASS : votre mot de passe a changé"


def test_wrong_current_passwords_count_in_the_throttle(
    accounts: AccountService, data_dir: Path
) -> None:
    session = _confirmed(accounts, data_dir)
    for _ in range(5):
        with pytest.raises(FormError):
            accounts.change_password(session, OTHER_PASSWORD, THIRD_PASSWORD, THIRD_PASSWORD)
    with pytest.raises(LoginThrottled):
        accounts.change_password(session, PASSWORD, THIRD_PASSWORD, THIRD_PASSWORD)


def test_email_change_by_a_code_sent_to_the_new_address(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    session = _confirmed(accounts, data_dir)
    with pytest.raises(FormError) as exc:
        accounts.request_email_change(session, EMAIL.upper(), "autre@exemple.fr", OTHER_PASSWORD)
    assert _problems(exc) == [
        ("new_email", "Nouvel identifiant : c'est déjà votre adresse."),
        ("new_email_confirm", "Confirmer le nouvel identifiant : les deux adresses diffèrent."),
        ("password", "Mot de passe : incorrect."),
    ]
    pending = accounts.request_email_change(
        session, "Nouvelle@Exemple.fr", "nouvelle@exemple.fr", PASSWORD
    )
    assert (pending.purpose, pending.email) == ("email_change", "Nouvelle@exemple.fr")
    mail = outbox(data_dir)[-1]
    assert mail.to == "Nouvelle@exemple.fr"
    assert mail.subject == "PASS : votre code pour confirmer votre nouvelle adresse"
    code = last_code(data_dir, "Nouvelle@exemple.fr")
    with pytest.raises(CodeRejected):
        accounts.confirm_email_change(session, pending, wrong(code))
    moved = accounts.confirm_email_change(session, pending, code)
    assert moved.email == "Nouvelle@exemple.fr" and moved.session_id == session.session_id
    told = outbox(data_dir)[-1]
    assert told.to == EMAIL and told.subject == "PASS : votre identifiant a changé"
    assert "Nouvelle@exemple.fr" in told.body and code not in told.body
    with pytest.raises(LoginFailed):
        accounts.login(EMAIL, PASSWORD)
    accounts.login("nouvelle@exemple.fr", PASSWORD)
    assert services.candidates.count() == 1
    # the old address is free for someone else
    _signup(accounts, EMAIL, OTHER_PASSWORD)
    assert services.candidates.count() == 2


def test_email_change_to_a_taken_address_reveals_nothing(
    accounts: AccountService, services: Services, data_dir: Path
) -> None:
    session = _confirmed(accounts, data_dir)
    _confirmed(accounts, data_dir, "prise@exemple.fr")
    pending = accounts.request_email_change(
        session, "prise@exemple.fr", "prise@exemple.fr", PASSWORD
    )
    assert (pending.purpose, pending.email) == ("email_change", "prise@exemple.fr")
    mail = outbox(data_dir)[-1]
    assert mail.to == "prise@exemple.fr"
    assert mail.subject == "PASS : votre adresse a été proposée pour un autre compte"
    with pytest.raises(CodeRejected):
        accounts.confirm_email_change(session, pending, "000000")
    assert accounts.login(EMAIL, PASSWORD).email == EMAIL
    assert accounts.login("prise@exemple.fr", PASSWORD).email == "prise@exemple.fr"


def test_mails_follow_the_interface_language(accounts: AccountService, data_dir: Path) -> None:
    set_language("en")
    try:
        _signup(accounts)
    finally:
        set_language("fr")
    mail = outbox(data_dir)[-1]
    assert mail.subject == "PASS: your confirmation code"
    assert mail.body.startswith("Hello,") and last_code(data_dir)


def test_the_account_document_is_typed(
    services: Services, accounts: AccountService, data_dir: Path
) -> None:
    _confirmed(accounts, data_dir)
    records = services.candidates.find(EMAIL)
    assert records is not None
    raw = json.loads(records.db.path.read_bytes())
    assert set(raw) >= {"account", "sessions"}
    assert set(raw["account"]["1"]) == {"email", "created", "password_hash", "confirmed"}
