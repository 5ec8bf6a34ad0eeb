"""Shared fixtures: every test gets its own data dir; the real machine's is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PASS_TUI_HOME points into tmp_path so nothing escapes to the user's data dir."""
    monkeypatch.setenv("PASS_TUI_HOME", str(tmp_path / "home"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path
