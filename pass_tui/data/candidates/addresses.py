"""E-mail addresses typed by candidates: validated (email-validator) and normalised."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

__all__ = ["normalise_email"]


def normalise_email(text: str) -> str | None:
    """The normalised address (domain in lower case, Unicode NFC), or None when ``text`` is
    not a valid address. Deliverability (DNS) is not checked: the e-mail code proves it."""
    text = text.strip()
    if not text or len(text) > 320:
        return None
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None
