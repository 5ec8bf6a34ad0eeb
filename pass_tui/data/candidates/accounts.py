"""Candidate accounts: sign-up, e-mail codes, login, sessions, password and address changes.

What a person can learn from the answers is kept to what they already know: a wrong
address and a wrong password give the same message (and take the same time: an unknown
address is checked against a dummy hash); signing up with an address that has an account,
or asking for a reset code for an address that has none, answers exactly as for any other
address (the owner of a known address gets a mail saying someone tried); logins are
throttled per address, known or not.

Secrets never reach the disk in clear: passwords and e-mail codes are kept as argon2id
hashes, session tokens as SHA-256 hashes (they are 256 random bits); a code appears in its
own mail only. Nothing here logs.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pass_tui.data.candidates.addresses import normalise_email
from pass_tui.data.candidates.models import AccountDoc, CodeDoc, CodePurpose, SessionDoc
from pass_tui.data.candidates.passwords import (
    MAX_PASSWORD_LENGTH,
    dummy_hash,
    hash_secret,
    needs_rehash,
    password_problem,
    password_rules,
    verify_secret,
)
from pass_tui.data.candidates.repositories import AccountRepository
from pass_tui.data.candidates.store import AccountRecords, AccountStore, EmailTaken
from pass_tui.data.candidates.throttle import LoginThrottle
from pass_tui.data.config import Settings
from pass_tui.data.errors import (
    BadInput,
    CodeRejected,
    FieldProblem,
    FormError,
    LoginFailed,
    LoginThrottled,
    NotFound,
    SessionEnded,
)
from pass_tui.data.paths import DataPaths
from pass_tui.data.store import atomic_write, read_failed, write_failed
from pass_tui.i18n import _

if TYPE_CHECKING:
    from pass_tui.data.mail import Mailer

__all__ = [
    "CODE_MAX_TRIES",
    "CODE_TTL_S",
    "REMEMBER_TTL_S",
    "SESSION_TTL_S",
    "AccountService",
    "CandidateSession",
    "PendingCode",
]

CODE_TTL_S = 15 * 60
CODE_MAX_TRIES = 5
SESSION_TTL_S = 24 * 3600
"""A session not kept ("Rester connecté" unticked) ends after a day at most."""
REMEMBER_TTL_S = 30 * 24 * 3600


@dataclass(frozen=True)
class CandidateSession:
    """What the UI holds once a candidate is logged in; every space call takes it."""

    account_id: str
    session_id: str
    """The session's bearer token (only its hash is stored)."""
    email: str
    """The normalised address, shown in the UI."""
    remembered: bool = False


@dataclass(frozen=True)
class PendingCode:
    """A code sent by mail and waiting to be typed. Opaque to the UI: pass it back.

    It never tells whether the address has an account: for an address without one (or a
    sign-up with an address that has one) it is a "phantom" that no code matches.
    """

    purpose: Literal["signup", "reset", "email_change"]
    email: str
    """Where the code was sent (shown: "Un code a été envoyé à …")."""
    _account_id: str | None = field(default=None, repr=False, compare=False)
    _nonce: str = field(default="", repr=False, compare=False)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def _problem(field_id: str, label: str, problem: str) -> FieldProblem:
    return FieldProblem(field_id, _("{label} : {problem}", label=label, problem=problem))


def _required(field_id: str, label: str) -> FieldProblem:
    return _problem(field_id, label, _("champ obligatoire."))


class AccountService:
    """The account use cases of one data directory (``services.accounts``).

    Args:
        store: The accounts.
        paths: The data dir (for the remembered-session file).
        settings: ``password_min_length``, ``kiosk``.
        mailer: Gives the mail service (called when a mail is sent).
        clock: Epoch seconds (tests pass their own to expire codes and sessions).
    """

    def __init__(
        self,
        store: AccountStore,
        paths: DataPaths,
        settings: Settings,
        mailer: Callable[[], Mailer],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.paths = paths
        self.settings = settings
        self._mailer = mailer
        self.clock = clock
        self.throttle = LoginThrottle(store.throttle, clock)
        self._phantom_tries: dict[str, int] = {}

    # -- helpers ------------------------------------------------------------------------------
    def _mail(self, to: str, subject: str, body: str) -> None:
        try:
            self._mailer().send(to, subject, body)
        except OSError as exc:
            raise write_failed(self.paths.outbox, exc) from None

    def _mail_code(self, to: str, purpose: CodePurpose, code: str) -> None:
        subjects = {
            "signup": _("PASS : votre code de confirmation"),
            "reset": _("PASS : votre code pour changer de mot de passe"),
            "email_change": _("PASS : votre code pour confirmer votre nouvelle adresse"),
        }
        body = _(
            "Bonjour,\n\nVotre code PASS : {code}\n\nIl est valable 15 minutes et ne sert "
            "qu'une fois. Ne le communiquez à personne : PASS ne vous le demandera jamais "
            "par téléphone ni par courriel.\n\nSi vous n'êtes pas à l'origine de cette "
            "demande, ignorez ce message.\n",
            code=code,
        )
        self._mail(to, subjects[purpose], body)

    def _put_code(
        self,
        records: AccountRecords,
        purpose: CodePurpose,
        code: str,
        new_email: str | None = None,
    ) -> str:
        nonce = secrets.token_hex(16)
        AccountRepository(records).put_code(
            CodeDoc(
                purpose=purpose,
                nonce=nonce,
                code_hash=hash_secret(code),
                expires=self.clock() + CODE_TTL_S,
                new_email=new_email,
            )
        )
        return nonce

    def _phantom(self, purpose: CodePurpose, email: str) -> PendingCode:
        """A PendingCode no code matches, made as slowly as a real one."""
        hash_secret(_new_code())
        return PendingCode(purpose, email, None, secrets.token_hex(16))

    def _use_code(
        self, pending: PendingCode, code: str, purpose: CodePurpose
    ) -> tuple[AccountRecords, CodeDoc]:
        """Check ``code`` against ``pending``; the code is used up when right.

        Raises:
            CodeRejected: Wrong, expired, used, resent since, or tried too often.
        """
        wrong = CodeRejected(_("Code incorrect ou expiré."))
        exhausted = CodeRejected(_("Trop d'essais : demandez un nouveau code."))
        if not isinstance(pending, PendingCode) or pending.purpose != purpose:
            raise wrong
        digits = "".join(str(code).split())
        if pending._account_id is None:
            verify_secret(dummy_hash(), digits)
            tries = self._phantom_tries.get(pending._nonce, 0) + 1
            self._phantom_tries[pending._nonce] = tries
            raise exhausted if tries == CODE_MAX_TRIES else wrong
        try:
            records = self.store.get(pending._account_id)
        except NotFound:
            raise wrong from None
        outcome, doc = AccountRepository(records).use_code(
            purpose,
            pending._nonce,
            self.clock(),
            CODE_MAX_TRIES,
            lambda stored: len(digits) == 6 and verify_secret(stored.code_hash, digits),
        )
        if outcome == "ok" and doc is not None:
            return records, doc
        raise exhausted if outcome == "exhausted" else wrong

    def _open_session(
        self, records: AccountRecords, email: str, remembered: bool = False
    ) -> CandidateSession:
        token = secrets.token_urlsafe(32)
        now = self.clock()
        ttl = REMEMBER_TTL_S if remembered else SESSION_TTL_S
        AccountRepository(records).add_session(
            SessionDoc(
                token_hash=_token_hash(token),
                created=now,
                expires=now + ttl,
                remembered=remembered,
            ),
            now,
        )
        return CandidateSession(records.account_id, token, email, remembered)

    def records(self, session: CandidateSession) -> AccountRecords:
        """The records of ``session``'s account, while the session lives.

        Raises:
            SessionEnded: The session was ended, expired, or never existed.
        """
        ended = SessionEnded(_("Votre session a pris fin : reconnectez-vous."))
        if not isinstance(session, CandidateSession) or not isinstance(session.session_id, str):
            raise ended
        try:
            records = self.store.get(session.account_id)
        except NotFound:
            raise ended from None
        repo = AccountRepository(records)
        if repo.session(_token_hash(session.session_id), self.clock()) is None:
            raise ended
        return records

    def _live(
        self, session: CandidateSession
    ) -> tuple[AccountRecords, AccountRepository, AccountDoc]:
        records = self.records(session)
        repo = AccountRepository(records)
        try:
            return records, repo, repo.account()
        except LookupError:
            raise SessionEnded(_("Votre session a pris fin : reconnectez-vous.")) from None

    def _check_password(
        self, password: str, email: str, field_id: str, label: str
    ) -> list[FieldProblem]:
        if not password:
            return [_required(field_id, label)]
        problem = password_problem(password, email, self.settings.password_min_length)
        return [_problem(field_id, label, problem)] if problem else []

    @staticmethod
    def _check_confirm(
        value: str, first: str, field_id: str, label: str, differ: str
    ) -> list[FieldProblem]:
        if not value:
            return [_required(field_id, label)]
        return [_problem(field_id, label, differ)] if value != first else []

    def _check_email(
        self, email: str, field_id: str, label: str
    ) -> tuple[str | None, list[FieldProblem]]:
        if not email.strip():
            return None, [_required(field_id, label)]
        normalised = normalise_email(email)
        if normalised is None:
            return None, [
                _problem(
                    field_id,
                    label,
                    _("adresse e-mail invalide (exemple : prenom.nom@exemple.fr)."),
                )
            ]
        return normalised, []

    def _allow_code(self, email: str) -> None:
        """Count a mail with a code (or a notice) to ``email``, known address or not.

        Raises:
            LoginThrottled: Too many such mails to this address lately (nothing is sent).
        """
        with self.throttle.attempt(email) as attempt:
            wait = attempt.code_wait_s()
            if wait:
                raise LoginThrottled(
                    _(
                        "Trop de codes demandés pour cette adresse. Réessayez dans {minutes} min.",
                        minutes=max(1, math.ceil(wait / 60)),
                    ),
                    wait,
                )
            attempt.code_sent()

    def _verify_throttled(self, email: str, password: str, stored_hash: str | None) -> bool:
        """Check ``password`` under the address's throttle; count the outcome.

        Raises:
            LoginThrottled: The address must wait.
        """
        with self.throttle.attempt(email) as attempt:
            if attempt.wait_s > 0:
                raise LoginThrottled(
                    _(
                        "Trop d'essais. Réessayez dans {minutes} min.",
                        minutes=max(1, math.ceil(attempt.wait_s / 60)),
                    ),
                    attempt.wait_s,
                )
            candidate = password if len(password) <= MAX_PASSWORD_LENGTH else ""
            ok = verify_secret(stored_hash or dummy_hash(), candidate)
            ok = ok and stored_hash is not None and bool(candidate)
            if ok:
                attempt.succeeded()
            else:
                attempt.failed()
            return ok

    # -- sign-up ------------------------------------------------------------------------------
    def password_rules(self) -> str:
        """The password rules in one sentence, for the forms."""
        return password_rules(self.settings.password_min_length)

    def signup(
        self, email: str, email_confirm: str, password: str, password_confirm: str
    ) -> PendingCode:
        """Create an account (unconfirmed) and mail it a code.

        With an address that already has an account nothing is created: its owner is told
        by mail, and the answer looks the same.

        Raises:
            FormError: Every problem of the form (fields ``email``, ``email_confirm``,
                ``password``, ``password_confirm``).
            LoginThrottled: Too many codes asked for this address within the hour.
        """
        id_label = _("Identifiant")
        normalised, problems = self._check_email(email, "email", id_label)
        confirm_label = _("Confirmer l'identifiant")
        if not email_confirm.strip():
            problems.append(_required("email_confirm", confirm_label))
        elif normalised is not None and (normalise_email(email_confirm) or "").casefold() != (
            normalised.casefold()
        ):
            problems.append(
                _problem("email_confirm", confirm_label, _("les deux adresses diffèrent."))
            )
        problems += self._check_password(
            password, normalised or email, "password", _("Mot de passe")
        )
        problems += self._check_confirm(
            password_confirm,
            password,
            "password_confirm",
            _("Confirmer le mot de passe"),
            _("les deux mots de passe diffèrent."),
        )
        if problems or normalised is None:
            raise FormError(problems)
        self._allow_code(normalised)
        password_hash = hash_secret(password)
        code = _new_code()
        try:
            records = self.store.create(
                normalised, {"password_hash": password_hash, "confirmed": False}
            )
        except EmailTaken:
            owner = self.store.find(normalised)
            pending = self._phantom("signup", normalised)
            if owner is not None:
                self._mail(
                    AccountRepository(owner).account().email,
                    _("PASS : tentative de création de compte"),
                    _(
                        "Bonjour,\n\nQuelqu'un vient d'essayer de créer un espace candidat "
                        "PASS avec votre adresse, qui en a déjà un. Rien n'a changé dans votre "
                        "compte.\n\nSi c'était vous : connectez-vous, ou choisissez « Mot de "
                        "passe perdu » si vous l'avez oublié. Sinon, ignorez ce message.\n"
                    ),
                )
            return pending
        nonce = self._put_code(records, "signup", code)
        self._mail_code(normalised, "signup", code)
        return PendingCode("signup", normalised, records.account_id, nonce)

    def confirm_signup(self, pending: PendingCode, code: str) -> CandidateSession:
        """Confirm the address with the mailed code; the candidate is logged in.

        Raises:
            CodeRejected: Wrong, expired or used code, or too many tries.
        """
        records, _doc = self._use_code(pending, code, "signup")
        repo = AccountRepository(records)
        repo.update_account(confirmed=True)
        return self._open_session(records, repo.account().email)

    def resend_code(self, pending: PendingCode) -> PendingCode:
        """Mail a new code for the same purpose; the previous one is void.

        Raises:
            LoginThrottled: Too many codes asked for this address within the hour.
        """
        if not isinstance(pending, PendingCode):
            raise CodeRejected(_("Code incorrect ou expiré."))
        self._allow_code(pending.email)
        records = None
        if pending._account_id is not None:
            with suppress(NotFound):
                records = self.store.get(pending._account_id)
        if records is None:
            return self._phantom(pending.purpose, pending.email)
        repo = AccountRepository(records)
        to = pending.email if pending.purpose == "email_change" else repo.account().email
        code = _new_code()
        nonce = self._put_code(
            records,
            pending.purpose,
            code,
            new_email=to if pending.purpose == "email_change" else None,
        )
        self._mail_code(to, pending.purpose, code)
        return PendingCode(pending.purpose, pending.email, records.account_id, nonce)

    # -- login --------------------------------------------------------------------------------
    def login(self, email: str, password: str, *, remember: bool = False) -> CandidateSession:
        """Log in; with ``remember``, keep the session 30 days in ``paths.remembered_session``.

        Raises:
            LoginFailed: Wrong address or password (one message for both).
            LoginThrottled: Too many failures for this address: wait.
            BadInput: ``remember`` on a kiosk.
        """
        if remember and self.settings.kiosk:
            raise BadInput(_("« Rester connecté » n'est pas possible sur une borne."))
        normalised = normalise_email(email)
        key = normalised or email.strip()
        records = self.store.find(normalised) if normalised else None
        account = AccountRepository(records).account() if records is not None else None
        ok = self._verify_throttled(key, password, account.password_hash if account else None)
        if not ok or records is None or account is None:
            raise LoginFailed(_("Identifiant ou mot de passe incorrect."))
        repo = AccountRepository(records)
        if needs_rehash(account.password_hash):
            repo.update_account(password_hash=hash_secret(password))
        session = self._open_session(records, account.email, remembered=remember)
        if remember:
            atomic_write(
                self.paths.remembered_session,
                f"{session.account_id}:{session.session_id}\n".encode("ascii"),
                0o600,
            )
        return session

    def resume(self) -> CandidateSession | None:
        """The session kept by "Rester connecté" on this data dir, while it is valid."""
        path = self.paths.remembered_session
        try:
            content = path.read_text("ascii").strip()
        except FileNotFoundError:
            return None
        except UnicodeDecodeError:
            content = ""
        except OSError as exc:
            raise read_failed(path, exc) from None
        account_id, _sep, token = content.partition(":")
        if token:
            with suppress(NotFound):
                records = self.store.get(account_id)
                repo = AccountRepository(records)
                kept = repo.session(_token_hash(token), self.clock())
                if kept is not None and kept.remembered:
                    return CandidateSession(account_id, token, repo.account().email, True)
        with suppress(OSError):
            path.unlink()  # expired, ended or foreign: of no use any more
        return None

    def logout(self, session: CandidateSession) -> None:
        """End ``session`` (and forget it on this data dir if it was remembered).

        Ending a session that has already ended does nothing.
        """
        if not isinstance(session, CandidateSession):
            return
        with suppress(NotFound):
            records = self.store.get(session.account_id)
            AccountRepository(records).end_session(_token_hash(session.session_id))
        path = self.paths.remembered_session
        try:
            kept = path.read_text("ascii").strip()
        except (OSError, UnicodeDecodeError):
            return
        if kept == f"{session.account_id}:{session.session_id}":
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise write_failed(path, exc) from None

    # -- confirming the address later -----------------------------------------------------------
    def is_confirmed(self, session: CandidateSession) -> bool:
        """Whether the candidate proved they own their address."""
        return self._live(session)[2].confirmed

    def send_confirmation(self, session: CandidateSession) -> PendingCode:
        """Mail a confirmation code to the candidate's address.

        Raises:
            BadInput: The address is already confirmed.
            LoginThrottled: Too many codes asked for this address within the hour.
        """
        records, _repo, account = self._live(session)
        if account.confirmed:
            raise BadInput(_("Votre adresse e-mail est déjà confirmée."))
        self._allow_code(account.email)
        code = _new_code()
        nonce = self._put_code(records, "signup", code)
        self._mail_code(account.email, "signup", code)
        return PendingCode("signup", account.email, records.account_id, nonce)

    def confirm_email(self, session: CandidateSession, pending: PendingCode, code: str) -> None:
        """Confirm the address with the code :meth:`send_confirmation` mailed.

        Raises:
            CodeRejected: Wrong code, or a code of another account.
        """
        records, _repo, _account = self._live(session)
        if not isinstance(pending, PendingCode) or pending._account_id != records.account_id:
            raise CodeRejected(_("Code incorrect ou expiré."))
        self._use_code(pending, code, "signup")
        AccountRepository(records).update_account(confirmed=True)

    # -- lost password ------------------------------------------------------------------------
    def request_reset(self, email: str) -> PendingCode:
        """Mail a reset code if an account uses ``email``; answer the same either way.

        Raises:
            FormError: ``email`` is empty or not an address (field ``email``).
            LoginThrottled: Too many codes asked for this address within the hour.
        """
        normalised, problems = self._check_email(email, "email", _("Identifiant"))
        if problems or normalised is None:
            raise FormError(problems)
        self._allow_code(normalised)
        records = self.store.find(normalised)
        if records is None:
            return self._phantom("reset", normalised)
        account = AccountRepository(records).account()
        code = _new_code()
        nonce = self._put_code(records, "reset", code)
        self._mail_code(account.email, "reset", code)
        return PendingCode("reset", normalised, records.account_id, nonce)

    def reset_password(
        self, pending: PendingCode, code: str, password: str, password_confirm: str
    ) -> None:
        """Set a new password with the mailed code; every session ends.

        Raises:
            FormError: The new password is refused (fields ``password``,
                ``password_confirm``); the code is not used up.
            CodeRejected: Wrong, expired or used code, or too many tries.
        """
        email = pending.email if isinstance(pending, PendingCode) else ""
        problems = self._check_password(password, email, "password", _("Mot de passe"))
        problems += self._check_confirm(
            password_confirm,
            password,
            "password_confirm",
            _("Confirmer le mot de passe"),
            _("les deux mots de passe diffèrent."),
        )
        if problems:
            raise FormError(problems)
        records, _doc = self._use_code(pending, code, "reset")
        repo = AccountRepository(records)
        repo.change_password(hash_secret(password), keep_session=None)
        repo.update_account(confirmed=True)  # the code proved the address is theirs
        account = repo.account()
        with self.throttle.attempt(account.email) as attempt:
            attempt.succeeded()
        self._tell_password_changed(account.email)

    def _tell_password_changed(self, to: str) -> None:
        self._mail(
            to,
            _("PASS : votre mot de passe a changé"),
            _(
                "Bonjour,\n\nLe mot de passe de votre espace candidat PASS vient d'être "
                "changé. Si ce n'est pas vous, choisissez tout de suite « Mot de passe "
                "perdu » sur l'écran de connexion pour en choisir un autre.\n"
            ),
        )

    # -- login details --------------------------------------------------------------------------
    def change_password(
        self, session: CandidateSession, old: str, new: str, new_confirm: str
    ) -> None:
        """Change the password; every other session of the account ends.

        Raises:
            FormError: Fields ``old_password``, ``new_password``, ``new_password_confirm``.
            LoginThrottled: Too many wrong passwords for this address.
            SessionEnded: The session no longer exists.
        """
        _records, repo, account = self._live(session)
        old_label = _("Mot de passe actuel")
        problems: list[FieldProblem] = []
        if not old:
            problems.append(_required("old_password", old_label))
        elif not self._verify_throttled(account.email, old, account.password_hash):
            problems.append(_problem("old_password", old_label, _("incorrect.")))
        new_label = _("Nouveau mot de passe")
        new_problems = self._check_password(new, account.email, "new_password", new_label)
        if not new_problems and old and new == old:
            new_problems = [_problem("new_password", new_label, _("identique à l'actuel."))]
        problems += new_problems
        problems += self._check_confirm(
            new_confirm,
            new,
            "new_password_confirm",
            _("Confirmer le nouveau mot de passe"),
            _("les deux mots de passe diffèrent."),
        )
        if problems:
            raise FormError(problems)
        repo.change_password(hash_secret(new), keep_session=_token_hash(session.session_id))
        self._tell_password_changed(account.email)

    def request_email_change(
        self, session: CandidateSession, new_email: str, new_email_confirm: str, password: str
    ) -> PendingCode:
        """Mail a code to ``new_email``; the change happens when it is typed.

        Raises:
            FormError: Fields ``new_email``, ``new_email_confirm``, ``password``.
            LoginThrottled: Too many wrong passwords for this address, or too many codes
                asked for the new address within the hour.
            SessionEnded: The session no longer exists.
        """
        records, _repo, account = self._live(session)
        label = _("Nouvel identifiant")
        normalised, problems = self._check_email(new_email, "new_email", label)
        if normalised is not None and normalised.casefold() == account.email.casefold():
            problems.append(_problem("new_email", label, _("c'est déjà votre adresse.")))
        confirm_label = _("Confirmer le nouvel identifiant")
        if not new_email_confirm.strip():
            problems.append(_required("new_email_confirm", confirm_label))
        elif (
            normalised is not None
            and (normalise_email(new_email_confirm) or "").casefold() != normalised.casefold()
        ):
            problems.append(
                _problem("new_email_confirm", confirm_label, _("les deux adresses diffèrent."))
            )
        password_label = _("Mot de passe")
        if not password:
            problems.append(_required("password", password_label))
        elif not self._verify_throttled(account.email, password, account.password_hash):
            problems.append(_problem("password", password_label, _("incorrect.")))
        if problems or normalised is None:
            raise FormError(problems)
        self._allow_code(normalised)
        owner = self.store.find(normalised)
        if owner is not None:
            self._mail(
                AccountRepository(owner).account().email,
                _("PASS : votre adresse a été proposée pour un autre compte"),
                _(
                    "Bonjour,\n\nQuelqu'un vient d'essayer de donner votre adresse à un "
                    "autre espace candidat PASS. Votre adresse reste celle de votre compte : "
                    "rien n'a changé.\n"
                ),
            )
            return self._phantom("email_change", normalised)
        code = _new_code()
        nonce = self._put_code(records, "email_change", code, new_email=normalised)
        self._mail_code(normalised, "email_change", code)
        return PendingCode("email_change", normalised, records.account_id, nonce)

    def confirm_email_change(
        self, session: CandidateSession, pending: PendingCode, code: str
    ) -> CandidateSession:
        """Switch to the new address with the code mailed there; the old one is told.

        Returns:
            The same session, with the new address.

        Raises:
            CodeRejected: Wrong, expired or used code, or too many tries.
            BadInput: Another account took the address meanwhile.
            SessionEnded: The session no longer exists.
        """
        records, _repo, account = self._live(session)
        if not isinstance(pending, PendingCode) or pending._account_id not in (
            None,
            records.account_id,
        ):
            raise CodeRejected(_("Code incorrect ou expiré."))
        _records, doc = self._use_code(pending, code, "email_change")
        new = doc.new_email or pending.email
        try:
            self.store.move_email(records.account_id, account.email, new)
        except EmailTaken:
            raise BadInput(
                _("Cette adresse ne peut pas être choisie : choisissez-en une autre.")
            ) from None
        AccountRepository(records).update_account(confirmed=True)
        self._mail(
            account.email,
            _("PASS : votre identifiant a changé"),
            _(
                "Bonjour,\n\nL'identifiant de votre espace candidat PASS est désormais "
                "{new}. Cette adresse-ci ne permet plus de vous connecter.\n\nSi vous n'êtes "
                "pas à l'origine de ce changement, contactez sans attendre le support de PASS "
                "(voir les conditions générales d'utilisation).\n",
                new=new,
            ),
        )
        return CandidateSession(records.account_id, session.session_id, new, session.remembered)
