"""`search --format rss|atom` from the real CLI, read by feedparser and by our PASS importer."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import feedparser
import pytest

from pass_tui.data.models import Offer
from pass_tui.data.sources.pass_rss import parse_pass_rss
from tests.factories import run_cli_bytes


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The real CLI on `data_dir`; bytes out, as feedparser and the importer read them."""
    return run_cli_bytes(*args, "--data-dir", str(data_dir))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("feeds")
    assert cli(path, "search", "--limit", "0").returncode == 0
    return path


def _json_offers(demo: Path, *args: str) -> list[dict]:
    return json.loads(cli(demo, "search", *args, "--format", "json").stdout)["offers"]


def test_rss_lists_every_offer_newest_first(demo: Path) -> None:
    expected = _json_offers(demo, "--nature", "Stage", "--limit", "30")
    out = cli(demo, "search", "--nature", "Stage", "--format", "rss", "--limit", "30")
    assert out.returncode == 0
    feed = feedparser.parse(out.stdout)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == [o["title"] for o in expected]
    assert [e.dc_identifier for e in feed.entries] == [o["reference"] for o in expected]


def test_atom_is_valid_and_complete(demo: Path) -> None:
    expected = _json_offers(demo, "--keywords", "apprenti", "--limit", "10")
    out = cli(demo, "search", "--keywords", "apprenti", "--format", "atom", "--limit", "10")
    feed = feedparser.parse(out.stdout)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == [o["title"] for o in expected]
    assert all(o["reference"] in e.id for e, o in zip(feed.entries, expected, strict=True))


def test_our_rss_reads_back_through_the_pass_importer(demo: Path) -> None:
    expected = [
        Offer.model_validate(o)
        for o in _json_offers(demo, "--nature", "Apprentissage", "--limit", "25")
    ]
    rss = cli(
        demo, "search", "--nature", "Apprentissage", "--format", "rss", "--limit", "25"
    ).stdout
    back = parse_pass_rss(rss, source="http://127.0.0.1:8080/flux/offres")
    assert [o.reference for o in back] == [o.reference for o in expected]
    for mine, theirs in zip(back, expected, strict=True):
        for field in (
            "title",
            "nature",
            "employer",
            "organisation",
            "department",
            "region",
            "city",
            "level",
            "duration",
            "published",
            "start_date",
            "contact_email",
        ):
            assert getattr(mine, field) == getattr(theirs, field), (mine.reference, field)
