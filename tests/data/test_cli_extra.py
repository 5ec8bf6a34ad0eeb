"""The real `pass-tui feeds serve` process, and the import progress bar."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import feedparser
import httpx
import pytest

from pass_tui.cli.imports import FORMATS as IMPORT_FORMATS
from pass_tui.cli.imports import ProgressBar
from pass_tui.data.sources.imports import FORMATS
from tests.factories import feeds_process

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "pass_tui", "--lang", "fr"]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_feeds_serve_answers_then_stops_cleanly(data_dir: Path, stop: int) -> None:
    with feeds_process(data_dir, stop) as server:
        response = httpx.get(f"{server.base_url}/flux/offres_stages", timeout=30)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/rss+xml; charset=utf-8"
        feed = feedparser.parse(response.content)
        assert feed.entries and all(e.category == "Stage" for e in feed.entries)
        bad = httpx.get(f"{server.base_url}/flux/recherche?level=12", timeout=30)
        assert bad.status_code == 400 and "12" in bad.text
    # stopped, exit status 0 (feeds_process checks it)
    assert "Traceback" not in server.log
    assert "127.0.0.1" not in server.log


def test_feeds_serve_on_a_busy_port_exits_2(data_dir: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "pass_tui",
                "feeds",
                "serve",
                "--port",
                str(port),
                "--data-dir",
                str(data_dir),
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert out.returncode == 2
    assert f"impossible d'écouter sur 127.0.0.1:{port}" in out.stderr
    assert "Flux servis" not in out.stderr  # no banner for a server that is not listening
    assert len(out.stderr.splitlines()) == 1


def test_feeds_serve_refuses_an_empty_host(data_dir: Path) -> None:
    """An empty --host would bind every interface without saying so."""
    out = subprocess.run(
        [*CLI, "feeds", "serve", "--host", "", "--port", "0", "--data-dir", str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert len(out.stderr.splitlines()) == 1
    assert out.stderr.startswith("pass-tui : ")
    assert "adresse" in out.stderr or "--host" in out.stderr
    assert "Flux servis" not in out.stderr


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    bar = ProgressBar("http://exemple.fr/flux/offres")
    bar(512, 1024)
    bar(1024, 1024)
    bar(2_500_000, None)
    bar.done()
    err = capsys.readouterr().err
    assert "[##########          ]  50 %" in err
    assert "[####################] 100 %" in err
    assert "2.5 Mo" in err
    assert err.endswith("\n")


def test_cli_import_formats_match_the_importer() -> None:
    assert IMPORT_FORMATS == FORMATS
