"""Shared fixtures: every test gets its own data dir; the real machine's is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

E2E = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (`make test` runs two workers), the end-to-end tests all run in
    one worker, one at a time: each drives a real terminal (tmux, Fenrir) whose timing a
    second terminal test beside it would disturb. The other worker takes everything else."""
    for item in items:
        if E2E in item.path.parents:
            item.add_marker(pytest.mark.xdist_group("e2e"))


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
