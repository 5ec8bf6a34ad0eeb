"""The typed records of one candidate account, as its repositories read and write them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["AccountDoc", "CodeDoc", "CodePurpose", "SessionDoc"]

CodePurpose = Literal["signup", "reset", "email_change"]


class AccountDoc(BaseModel):
    """The account itself: its address and credentials (table ``account``, doc 1)."""

    model_config = ConfigDict(extra="ignore")

    email: str
    """The normalised address, as the candidate typed it (domain in lower case)."""
    created: str
    password_hash: str
    """argon2id, PHC string format (parameters and salt included)."""
    confirmed: bool = False
    """The candidate proved they own the address (a code sent to it)."""


class CodeDoc(BaseModel):
    """An e-mail code waiting to be typed: at most one per purpose (table ``codes``)."""

    model_config = ConfigDict(extra="ignore")

    purpose: CodePurpose
    nonce: str
    """Names this code's PendingCode: a resent code voids the previous PendingCode."""
    code_hash: str
    """argon2id of the 6 digits; the digits themselves are never stored."""
    expires: float
    """Epoch seconds."""
    tries: int = 0
    new_email: str | None = None
    """For an e-mail change: the address the code was sent to."""


class SessionDoc(BaseModel):
    """A logged-in session (table ``sessions``); the token itself is never stored."""

    model_config = ConfigDict(extra="ignore")

    token_hash: str
    """SHA-256 of the session token (the token is 256 random bits: no salt needed)."""
    created: float
    expires: float
    remembered: bool = False
