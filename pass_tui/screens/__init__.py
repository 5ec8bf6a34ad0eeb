"""Screens of the Textual application, one per module (imported on first use)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["HelpScreen", "OfferScreen", "ResultsScreen", "SearchScreen"]

_MODULES = {
    "HelpScreen": "help",
    "OfferScreen": "offer",
    "ResultsScreen": "results",
    "SearchScreen": "search",
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
