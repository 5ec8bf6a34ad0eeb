"""The candidate half: accounts, the fiche candidat, attachments — one folder per account.

Layout and storage: :mod:`.store`; typed records: :mod:`.models`; the only TinyDB queries:
:mod:`.repositories`; use cases: :mod:`.accounts`, :mod:`.profile`, :mod:`.attachments`.
Names are imported on first use (argon2, zxcvbn and email-validator stay out of start-up).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "AccountRecords",
    "AccountService",
    "AccountStore",
    "CandidateSession",
    "CandidateSpace",
    "PendingCode",
    "Profile",
    "ProfileService",
    "terms_of_use",
]

_WHERE = {
    "AccountRecords": "store",
    "AccountStore": "store",
    "AccountService": "accounts",
    "CandidateSession": "accounts",
    "PendingCode": "accounts",
    "CandidateSpace": "space",
    "Profile": "profile",
    "ProfileService": "profile",
    "terms_of_use": "terms",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
