"""Shared fixtures: every test gets its own data dir; the real machine's is never touched."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.factories import REPO

SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PASS_TUI_HOME points into tmp_path so nothing escapes to the user's data dir."""
    monkeypatch.setenv("PASS_TUI_HOME", str(tmp_path / "home"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def shared_dir() -> Path:
    assert SHARED.is_dir(), f"../shared not found next to the repository ({SHARED})"
    return SHARED


def python_env() -> dict[str, str]:
    """Environment for child Python processes running this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


PYTHON = sys.executable
