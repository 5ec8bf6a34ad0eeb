"""Password hashing (argon2id) and the password rules (length, guessability, the address).

Parameters: OWASP's argon2id recommendation (19 MiB of memory, 2 passes, 1 lane). A hash
made with other parameters is still verified, and replaced at the next successful login
(:func:`needs_rehash`). Rules follow NIST SP 800-63B: a minimum length (a setting), long
passphrases accepted, no composition rules, guessable passwords refused (zxcvbn, with a
list of passwords common in French added to its dictionary), the address refused.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from pass_tui.data.text import fold
from pass_tui.i18n import _

__all__ = [
    "HASHER",
    "MAX_PASSWORD_LENGTH",
    "dummy_hash",
    "hash_secret",
    "needs_rehash",
    "password_problem",
    "password_rules",
    "verify_secret",
]

HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
"""argon2id with OWASP's parameters (Password Storage Cheat Sheet)."""

MAX_PASSWORD_LENGTH = 1024
"""Longer passwords are refused: hashing has to stay bounded (64+ are accepted)."""

MIN_SCORE = 2
"""zxcvbn's score (0-4) a password must reach: below, it falls to an online guesser."""

_ZXCVBN_MAX = 72  # zxcvbn's own limit; the start of a longer password is what it rates


def _prepared(password: str) -> bytes:
    """The bytes hashed: NFC, so one password typed on two keyboards hashes the same."""
    return unicodedata.normalize("NFC", password).encode("utf-8")


def hash_secret(secret: str) -> str:
    """argon2id PHC string of ``secret`` (a password or an e-mail code)."""
    return HASHER.hash(_prepared(secret))


def verify_secret(stored_hash: str, secret: str) -> bool:
    """Whether ``secret`` matches ``stored_hash`` (False for a malformed hash too)."""
    try:
        return HASHER.verify(stored_hash, _prepared(secret))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether ``stored_hash`` was made with other parameters than :data:`HASHER`'s."""
    try:
        return HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@cache
def dummy_hash() -> str:
    """A hash of nothing anyone types: verifying against it costs what a real check costs,
    so an unknown address answers no faster than a known one."""
    return HASHER.hash(b"\x00 no account \x00")


@cache
def _common() -> frozenset[str]:
    text = resources.files(__package__).joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        fold(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def password_rules(min_length: int) -> str:
    """The rules in one sentence, for the form."""
    return _(
        "{min} caractères au moins, sans autre règle : une phrase de plusieurs mots est "
        "idéale. Les mots de passe courants et votre adresse e-mail sont refusés.",
        min=min_length,
    )


def password_problem(password: str, email: str, min_length: int) -> str | None:
    """Why ``password`` is refused (without the field's label), or None.

    Args:
        password: As typed.
        email: The account's address (refused as a password, and so is its local part).
        min_length: ``settings.password_min_length``.
    """
    length = len(unicodedata.normalize("NFC", password))
    if length < min_length:
        return _("{min} caractères au moins.", min=min_length)
    if length > MAX_PASSWORD_LENGTH:
        return _("{max} caractères au plus.", max=MAX_PASSWORD_LENGTH)
    folded = fold(password.strip())
    address = fold(email.strip())
    local = address.partition("@")[0]
    if address and (folded in (address, local) or (len(local) >= 4 and local in folded)):
        return _("ne reprenez pas votre adresse e-mail.")
    if folded in _common() or _guessable(password, [address, local]):
        return _("trop courant ou trop facile à deviner ; essayez une phrase de plusieurs mots.")
    return None


def _guessable(password: str, user_inputs: list[str]) -> bool:
    from zxcvbn import zxcvbn

    inputs = [*user_inputs, *_common(), "pass", "apprentissage", "stage", "candidat"]
    result = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=inputs, max_length=_ZXCVBN_MAX)
    return int(result["score"]) < MIN_SCORE
