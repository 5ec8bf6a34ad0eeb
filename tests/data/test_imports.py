"""Imports: PASS RSS, PEP CSV and JSON, from files and from real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from http_server import Reply, scripted_server

from pass_tui.data.catalogue import Catalogue
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.errors import ImportFailed
from pass_tui.data.paths import DataPaths
from pass_tui.data.sources.fetch import Fetcher
from pass_tui.data.sources.imports import Importer, detect_format
from pass_tui.data.sources.pass_rss import html_to_text, parse_pass_rss
from tests.factories import run_cli

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
TODAY = date(2026, 11, 26)
RSS = (FIXTURES / "pass-offres.xml").read_bytes()
RSS_STAGES = (FIXTURES / "pass-offres_stages.xml").read_bytes()


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return DataPaths(data_dir)


@pytest.fixture
def catalogue(paths: DataPaths) -> Catalogue:
    return Catalogue(paths, today=lambda: TODAY)


def importer(paths: DataPaths, catalogue: Catalogue, **fetcher: object) -> Importer:
    options: dict = {"timeout": 0.5, "attempts": 3, "backoff": 0.01} | fetcher
    return Importer(paths, catalogue, Fetcher(**options))


# -- PASS RSS mapping -------------------------------------------------------------------------
def test_pass_rss_items_are_mapped() -> None:
    first, second = parse_pass_rss(RSS, source="https://pass.example/flux/offres")
    assert first.reference == "A-2025-159026"
    assert first.title == "Apprenti(e) technicien(ne) audiovisuel"
    assert first.nature == "Apprentissage"
    assert first.employer == "Institut national de l'image"  # escaped twice in the feed
    assert first.organisation == "Ministère de la Culture"
    assert (first.contact_email, first.contact_phone) == (
        "apprentissage@ina.example.fr",
        "01 49 83 20 00",
    )
    assert (first.department, first.region, first.city) == ("06", "93", "Nice")
    assert first.start_date == date(2026, 9, 1)
    assert first.level == 6
    assert first.duration == "Entre 24 et 36 mois"
    assert first.published == date(2026, 11, 20)
    assert first.source_url == "https://www.pass.fonction-publique.gouv.fr/offre/a-2025-159026"
    assert first.description == (
        "Au sein du département des moyens techniques, vous participez à la captation des cours.\n\n"
        "Missions :\n\n- préparer le matériel de tournage\n- assister les techniciens & monteurs"
    )
    assert (second.department, second.region, second.contact_email, second.contact_phone) == (
        "2A",
        "94",
        None,
        "04 95 51 52 53",
    )
    assert second.employer == "Mairie d'Ajaccio"
    assert second.level == 3


def test_internship_feed_quirks() -> None:
    (offer,) = parse_pass_rss(RSS_STAGES, source="https://pass.example/flux/offres_stages")
    assert offer.nature == "Stage"
    assert offer.published == date(2026, 8, 14)  # "ven 14/08/2026 - 16:29"
    assert offer.duration == "12 mois"  # "Entre 12 et 0 mois"
    assert (offer.contact_email, offer.contact_phone) == ("stages@dgafp.example.fr", None)
    assert offer.title == "Stagiaire chargé(e) d'études statistiques"
    assert offer.description == (
        "Analyse des données de l'emploi public.\n\n- Python ou R\n- Statistiques descriptives"
    )


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml"])
def test_xml_with_a_dtd_is_refused(name: str) -> None:
    with pytest.raises(ImportFailed, match="DTD"):
        parse_pass_rss((FIXTURES / name).read_bytes(), source=name)


def test_broken_xml_names_the_line() -> None:
    broken = RSS.replace(b"</item>\n<item>", b"</itm>\n<item>")
    with pytest.raises(ImportFailed, match=r"ligne \d+ : XML mal formé"):
        parse_pass_rss(broken, source="flux.xml")


def test_an_item_without_reference_is_named() -> None:
    broken = RSS.replace(b"<dc:identifier>A-2025-160112</dc:identifier>", b"").replace(
        b'<guid isPermaLink="false">160112 at https://www.pass.fonction-publique.gouv.fr</guid>',
        b"",
    )
    with pytest.raises(ImportFailed, match="élément 2 : référence absente"):
        parse_pass_rss(broken, source="flux.xml")


def test_control_characters_and_markup_are_kept_as_text() -> None:
    nasty = RSS.replace(
        b"Apprenti(e) technicien(ne) audiovisuel", b"[@click=app.quit]Pi\xc3\xa8ge[/] &amp;#27;[2J"
    )
    offer = parse_pass_rss(nasty)[0]
    assert offer.title == "[@click=app.quit]Piège[/] [2J"
    assert "\x1b" not in offer.title


def test_html_to_text_bullets_and_paragraphs() -> None:
    assert html_to_text("<p>Un</p><ul><li>a</li><li>b</li></ul><p>Deux<br>trois</p>") == (
        "Un\n\n- a\n- b\n\nDeux\ntrois"
    )


# -- formats and files ------------------------------------------------------------------------
def test_detect_format() -> None:
    assert detect_format(RSS) == "pass-rss"
    assert detect_format(b'{"offers": []}') == "json"
    assert detect_format(b"OfferID;Offer_Reference_\n1;x\n") == "pep-csv"
    with pytest.raises(ImportFailed, match="format non reconnu"):
        detect_format(b"hello")


def test_real_pep_export_file(paths: DataPaths, catalogue: Catalogue) -> None:
    source = FIXTURES / "pep-export-2021.csv"
    report = importer(paths, catalogue).run(str(source))
    assert (report.fmt, report.read, report.changes.added) == ("pep-csv", 50, 50)
    assert catalogue.get("o09261-201633") is not None


def test_same_source_twice_changes_nothing_and_updates_replace(
    paths: DataPaths, catalogue: Catalogue, tmp_path: Path
) -> None:
    feed = tmp_path / "flux-offres.xml"
    feed.write_bytes(RSS)
    imp = importer(paths, catalogue)
    assert imp.run(str(feed)).changes.added == 2
    before = (paths.catalogue).read_bytes()
    again = imp.run(str(feed)).changes
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert paths.catalogue.read_bytes() == before
    feed.write_bytes(RSS.replace(b"jardinier(\xc3\xa8re) en espaces verts", b"paysagiste"))
    changed = imp.run(str(feed)).changes
    assert (changed.added, changed.updated) == (0, 1)
    assert catalogue.get("A-2025-160112").title == "Apprenti(e) paysagiste"


def test_offers_missing_from_a_newer_feed_stay(
    paths: DataPaths, catalogue: Catalogue, tmp_path: Path
) -> None:
    feed = tmp_path / "flux.xml"
    feed.write_bytes(RSS)
    importer(paths, catalogue).run(str(feed))
    feed.write_bytes(RSS_STAGES)
    importer(paths, catalogue).run(str(feed))
    assert catalogue.search(SearchCriteria()).count == 3


def test_a_broken_source_imports_nothing(
    paths: DataPaths, catalogue: Catalogue, tmp_path: Path
) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(RSS_STAGES)
    importer(paths, catalogue).run(str(good))
    before = paths.catalogue.read_bytes()
    bad = tmp_path / "bad.xml"
    bad.write_bytes(
        RSS.replace(
            b"<pubDate>2026-11-18T08:00:00+01:00\n</pubDate>", "<pubDate>bientôt</pubDate>".encode()
        )
    )
    with pytest.raises(ImportFailed, match="élément 2 : date illisible"):
        importer(paths, catalogue).run(str(bad))
    assert paths.catalogue.read_bytes() == before


def test_json_round_trip(paths: DataPaths, catalogue: Catalogue, tmp_path: Path) -> None:
    importer(paths, catalogue).run(str(FIXTURES / "pass-offres.xml"))
    exported = tmp_path / "export.json"
    exported.write_text(
        json.dumps(catalogue.search(SearchCriteria()).to_json(), ensure_ascii=False)
    )
    other_paths = DataPaths(tmp_path / "other")
    other_paths.root.mkdir()
    other = Catalogue(other_paths, today=lambda: TODAY)
    report = importer(other_paths, other).run(str(exported))
    assert report.fmt == "json"
    originals = catalogue.search(SearchCriteria()).offers()
    assert other.search(SearchCriteria()).offers() == originals


# -- over HTTP, against real servers --------------------------------------------------------
def test_http_import_then_304(paths: DataPaths, catalogue: Catalogue) -> None:
    def feed(handler) -> Reply:
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(200, RSS, {"ETag": '"v1"', "Content-Type": "application/rss+xml"})

    with scripted_server() as server:
        server.routes["/flux/offres"] = feed
        imp = importer(paths, catalogue)
        first = imp.run(server.url("/flux/offres"))
        assert first.changes.added == 2 and not first.not_modified
        second = imp.run(server.url("/flux/offres"))
        assert second.not_modified
        assert "304" in second.message() and "rien importé" in second.message()
        assert server.requests[-1][1].get("If-None-Match") == '"v1"'


def test_500_then_200_is_retried(paths: DataPaths, catalogue: Catalogue) -> None:
    with scripted_server() as server:
        server.routes["/flux/offres"] = [Reply(500, b"oops"), Reply(200, RSS)]
        report = importer(paths, catalogue).run(server.url("/flux/offres"))
        assert report.changes.added == 2
        assert server.count("/flux/offres") == 2


def test_slow_server_times_out_after_retries(paths: DataPaths, catalogue: Catalogue) -> None:
    with scripted_server() as server:
        server.routes["/slow"] = [Reply(200, RSS, delay=3)]
        with pytest.raises(
            ImportFailed, match=r"pas de réponse du serveur en 0.3 s \(après 2 tentatives\)"
        ):
            importer(paths, catalogue, timeout=0.3, attempts=2).run(server.url("/slow"))
        assert server.count("/slow") == 2
    assert not paths.catalogue.exists()


def test_gzip_is_decoded(paths: DataPaths, catalogue: Catalogue) -> None:
    with scripted_server() as server:
        server.routes["/gz"] = [Reply(200, gzip.compress(RSS), {"Content-Encoding": "gzip"})]
        assert importer(paths, catalogue).run(server.url("/gz")).changes.added == 2


def test_too_big_is_refused_even_when_compressed(paths: DataPaths, catalogue: Catalogue) -> None:
    bomb = gzip.compress(b" " * 5_000_000)
    with scripted_server() as server:
        server.routes["/big"] = [Reply(200, RSS + b" " * 5000)]
        server.routes["/bomb"] = [Reply(200, bomb, {"Content-Encoding": "gzip"})]
        for path in ("/big", "/bomb"):
            with pytest.raises(ImportFailed, match="trop volumineuse"):
                importer(paths, catalogue, max_bytes=4096).run(server.url(path))
    assert len(bomb) < 10_000


def test_redirect_loop_is_cut(paths: DataPaths, catalogue: Catalogue) -> None:
    with scripted_server() as server:
        server.routes["/a"] = [Reply(302, headers={"Location": "/b"})]
        server.routes["/b"] = [Reply(302, headers={"Location": "/a"})]
        with pytest.raises(ImportFailed, match="trop de redirections"):
            importer(paths, catalogue).run(server.url("/a"))
        assert server.count("/a") + server.count("/b") <= 7


def test_4xx_is_clear_and_not_retried(paths: DataPaths, catalogue: Catalogue) -> None:
    with scripted_server() as server:
        with pytest.raises(ImportFailed, match="le serveur a répondu 404 Not Found"):
            importer(paths, catalogue).run(server.url("/flux/rien"))
        assert server.count("/flux/rien") == 1


def test_cli_import_all_from_config(data_dir: Path) -> None:
    with scripted_server() as server:
        server.routes["/flux/offres"] = [Reply(200, RSS)]
        server.routes["/flux/offres_stages"] = [Reply(200, RSS_STAGES)]
        (data_dir / "config.toml").write_text(
            f'[[sources]]\nurl = "{server.url("/flux/offres")}"\n\n'
            f'[[sources]]\nurl = "{server.url("/flux/offres_stages")}"\nformat = "pass-rss"\n'
        )
        out = run_cli("import", "--all", "--data-dir", str(data_dir), timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 2 and "2 ajoutée(s)" in lines[0] and "1 ajoutée(s)" in lines[1]
    shown = run_cli("offer", "S-2026-001234", "--data-dir", str(data_dir), timeout=60)
    assert "Nature de l'emploi : Stage" in shown.stdout


def test_cli_broken_source_exits_2(data_dir: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pass_tui",
            "import",
            str(FIXTURES / "billion-laughs.xml"),
            "--data-dir",
            str(data_dir),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "rien importé" in out.stderr and "DTD" in out.stderr
