"""config.toml: defaults, values, and bad settings named in one message (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pass_tui.data.config import ConfigError, load_settings
from tests.factories import run_cli


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "config.toml")
    assert (settings.language, settings.smtp, settings.sources) == ("fr", None, [])


def test_values_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'language = "en"\n[smtp]\nhost = "smtp.exemple.fr"\nport = 587\nsecurity = "starttls"\n'
        '[[sources]]\nurl = "https://exemple.fr/flux/offres"\nformat = "pass-rss"\n'
    )
    settings = load_settings(path)
    assert settings.language == "en"
    assert settings.smtp is not None and (settings.smtp.port, settings.smtp.security) == (
        587,
        "starttls",
    )
    assert settings.sources[0].format == "pass-rss"


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ('[smtp]\nhost = "x"\nport = "abc"\n', "'smtp.port' invalide"),
        ('langage = "fr"\n', "'langage' invalide"),
        ('language = "de"\n', "'language' invalide"),
        ("language = \n", "fichier illisible"),
    ],
)
def test_bad_settings_are_named(tmp_path: Path, content: str, named: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=named):
        load_settings(path)


def test_cli_exits_2_on_a_bad_config(data_dir: Path) -> None:
    (data_dir / "config.toml").write_text('[smtp]\nhost = "x"\nport = "abc"\n')
    out = run_cli("search", "--limit", "0", "--data-dir", str(data_dir))
    assert out.returncode == 2
    assert "réglage 'smtp.port' invalide" in out.stderr
    assert not (data_dir / "catalogue.json").exists()
