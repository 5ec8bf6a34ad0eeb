"""The CLI contract of DESIGN.md, through the real `pass-tui` process."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.factories import run_cli


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir where the demo catalogue was loaded once (by a first search)."""
    path = tmp_path_factory.mktemp("demo")
    assert run_cli("search", "--limit", "0", "--data-dir", str(path)).returncode == 0
    return path


def test_keyword_search_on_an_empty_dir_returns_demo_offers(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    out = run_cli(
        "search", "--keywords", "ressources humaines", "--format", "json", "--data-dir", str(empty)
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"count", "criteria", "facets", "offers"}
    assert data["count"] == len(data["offers"]) >= 3
    dates = [o["published"] for o in data["offers"]]
    assert dates == sorted(dates, reverse=True)
    for offer in data["offers"]:
        text = json.dumps(offer, ensure_ascii=False).lower()
        assert "ressource" in text and "humaine" in text
    assert data["criteria"]["keywords"] == "ressources humaines"
    assert set(data["facets"]) == {
        "natures",
        "domains",
        "organisations",
        "levels",
        "regions",
        "departments",
    }
    assert sum(data["facets"]["natures"].values()) == data["count"]
    assert (empty / "catalogue.json").exists()


def test_text_output_is_one_offer_per_line(demo_dir: Path) -> None:
    out = run_cli("search", "--nature", "Stage", "--limit", "5", "--data-dir", str(demo_dir))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    match = re.fullmatch(r"Nombre de résultats : (\d+) offres", lines[0])
    assert match and int(match.group(1)) > 5
    assert lines[1] == "Nature de l'emploi : Stage"
    rows = lines[2:]
    assert len(rows) == 5
    for row in rows:
        assert re.fullmatch(r".+ — .+ — publiée le \d\d/\d\d/\d{4}", row), row
    published = [datetime.strptime(r[-10:], "%d/%m/%Y").date() for r in rows]
    assert published == sorted(published, reverse=True)


def test_filters_combine(demo_dir: Path) -> None:
    out = run_cli(
        "search", "--region", "53", "--level", "5", "--format", "json", "--data-dir", str(demo_dir)
    )
    data = json.loads(out.stdout)
    assert data["count"] >= 1
    assert all(o["region"] == "53" and o["level"] == 5 for o in data["offers"])
    assert data["facets"]["levels"]["5"] == data["count"]


def test_offer_by_reference(demo_dir: Path) -> None:
    listing = json.loads(
        run_cli("search", "--format", "json", "--limit", "1", "--data-dir", str(demo_dir)).stdout
    )
    ref = listing["offers"][0]["reference"]
    text = run_cli("offer", ref, "--data-dir", str(demo_dir))
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert lines[0] == f"Référence : {ref}"
    assert any(line.startswith("Intitulé du poste : ") for line in lines)
    as_json = json.loads(
        run_cli("offer", ref, "--format", "json", "--data-dir", str(demo_dir)).stdout
    )
    assert as_json == listing["offers"][0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--region", "99"], "53 (Bretagne)"),
        (["--level", "12"], "3, 4, 5, 6, 7, 8"),
        (["--nature", "CDI"], "Apprentissage"),
        (["--department", "999"], "2A"),
        (["--level", "trois"], "--level : 'trois'"),
        (["--format", "pdf"], "choix invalide : 'pdf'"),
    ],
)
def test_bad_values_exit_2_and_write_nothing(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    target = tmp_path / "never"
    out = run_cli("search", *args, "--data-dir", str(target))
    assert out.returncode == 2
    assert expected in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr  # one line, no usage block
    message = out.stderr.strip()
    assert message.startswith("pass-tui") and expected in message
    assert not target.exists()


def test_unknown_reference_exits_1(demo_dir: Path) -> None:
    out = run_cli("offer", "Z-0000-0", "--data-dir", str(demo_dir))
    assert out.returncode == 1
    assert "Z-0000-0" in out.stderr


def test_pass_tui_home_is_the_default_data_dir(tmp_path: Path) -> None:
    env = {"PASS_TUI_HOME": str(tmp_path / "home")}
    assert run_cli("search", "--limit", "0", env=env).returncode == 0
    assert (tmp_path / "home" / "catalogue.json").exists()
