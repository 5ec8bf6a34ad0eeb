"""The candidate space: account screens (login, sign-up, codes, lost password), the
dashboard, "Mes identifiants", the fiche and the attachments. Modules are imported on
first use, so starting the app stays light."""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "CodeScreen",
    "CredentialsScreen",
    "LoginScreen",
    "ResetScreen",
    "SignupScreen",
    "SpaceScreen",
]

_MODULES = {
    "CodeScreen": "code",
    "CredentialsScreen": "credentials",
    "LoginScreen": "login",
    "ResetScreen": "reset",
    "SignupScreen": "signup",
    "SpaceScreen": "dashboard",
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
