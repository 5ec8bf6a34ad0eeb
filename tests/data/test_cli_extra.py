"""The real `pass-tui feeds serve` process, and the import progress bar."""

from __future__ import annotations

import re
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

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "pass_tui", "--lang", "fr"]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_feeds_serve_answers_then_stops_cleanly(data_dir: Path, stop: int) -> None:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pass_tui",
            "feeds",
            "serve",
            "--port",
            "0",
            "--data-dir",
            str(data_dir),
        ],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        banner = server.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/flux/offres", banner)
        assert match, banner
        base = f"http://127.0.0.1:{match.group(1)}"
        response = httpx.get(f"{base}/flux/offres_stages", timeout=30)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/rss+xml; charset=utf-8"
        feed = feedparser.parse(response.content)
        assert feed.entries and all(e.category == "Stage" for e in feed.entries)
        bad = httpx.get(f"{base}/flux/recherche?level=12", timeout=30)
        assert bad.status_code == 400 and "12" in bad.text
    finally:
        server.send_signal(stop)
        server.wait(timeout=30)
    assert server.returncode == 0
    rest = server.stderr.read()
    assert "Traceback" not in rest
    assert "127.0.0.1" not in rest


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
