"""Shared fixtures: every test gets its own data dir; the real machine's is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PASS_TUI_HOME points into tmp_path so nothing escapes to the user's data dir."""
    monkeypatch.setenv("PASS_TUI_HOME", str(tmp_path / "home"))


@pytest.fixture(autouse=True)
def _neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A locale that names no language (the CLI speaks French then, as tests expect),
    whatever the developer's own: an en_GB.UTF-8 shell would turn every CLI run English.
    Tests of the locale set their own in the child's environment."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path
