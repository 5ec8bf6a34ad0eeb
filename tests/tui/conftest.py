"""Shared fixtures for the Pilot tests: the fixed catalogue of tests.factories in a data dir
under tmp_path, a fixed `today`, French, no cursor blink and no animation (deterministic
snapshots). The steps the tests share are in tests/tui/helpers.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pass_tui.app import PassApp
from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from pass_tui.i18n import set_language
from tests.factories import TODAY, make_offers


@pytest.fixture(autouse=True)
def _deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    """French by default in every test (the language is process-wide)."""
    set_language("fr")


@pytest.fixture
def services(data_dir: Path) -> Services:
    services = Services(data_dir, settings=Settings(), today=lambda: TODAY)
    services.catalogue.upsert(make_offers())
    return services


@pytest.fixture
def make_app(services: Services) -> Callable[..., PassApp]:
    """Build a PassApp on the fixed catalogue (keywords: PassApp's own)."""

    def build(**kwargs: object) -> PassApp:
        app = PassApp(services, **kwargs)  # type: ignore[arg-type]
        app.animation_level = "none"
        app.cursor_blink = False  # deterministic snapshots
        return app

    return build
