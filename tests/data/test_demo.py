"""The demo catalogue: shifted real offers, the deterministic generator, reference data."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest

from pass_tui.data.catalogue import demo
from pass_tui.data.catalogue.demo import demo_offers, generate_offers, real_offers
from pass_tui.data.refdata import refdata
from pass_tui.data.sources.pep_csv import parse_pep_csv

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
FIXTURE = FIXTURES / "pep-export-2021.csv"
TODAY = date(2026, 11, 26)
TITULAIRES, CONTRACTUELS, APPRENTISSAGE, STAGE = refdata().natures


@pytest.fixture(scope="module")
def bundled() -> list[dict]:
    text = (
        resources.files("pass_tui.data.catalogue")
        .joinpath("demo_data", "pep-2021.json")
        .read_text("utf-8")
    )
    return json.loads(text)


@pytest.fixture(scope="module")
def generated() -> list:
    return list(generate_offers(300, today=TODAY))


# -- real offers ------------------------------------------------------------------------------
def test_bundled_file_is_the_fixture_converted(bundled: list[dict]) -> None:
    """pep-2021.json is what scripts/build_demo.py makes of the fixture, to the byte."""
    assert FIXTURE.is_file(), f"fixture not found: {FIXTURE}"
    offers = parse_pep_csv(FIXTURE.read_text("utf-8"))
    assert bundled == [offer.model_dump(mode="json") for offer in offers]


def test_build_demo_defaults_to_the_fixture(tmp_path: Path) -> None:
    """scripts/build_demo.py with no CSV argument reads tests/fixtures and rebuilds the
    bundled file byte for byte."""
    out = tmp_path / "pep-2021.json"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_demo.py"), "--out", str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "50 offers written" in done.stdout
    bundled = REPO / "pass_tui" / "data" / "catalogue" / "demo_data" / "pep-2021.json"
    assert out.read_bytes() == bundled.read_bytes()


def test_real_offers_are_moved_to_today(bundled: list[dict]) -> None:
    offers = real_offers(TODAY)
    assert [o.reference for o in offers] == [r["reference"] for r in bundled]
    assert max(o.published for o in offers) == TODAY - timedelta(days=1)
    shift = TODAY - timedelta(days=1) - max(date.fromisoformat(r["published"]) for r in bundled)
    assert shift.days > 2000  # the data is from 2021
    for offer, record in zip(offers, bundled, strict=True):
        assert offer.published == date.fromisoformat(record["published"]) + shift
        if record["start_date"]:
            assert offer.start_date == date.fromisoformat(record["start_date"]) + shift
        assert offer.closing is not None  # none of the 50 has an open end date
        shifted = date.fromisoformat(record["closing"]) + shift
        if shifted >= TODAY + timedelta(days=7):
            assert offer.closing == shifted
        else:
            assert offer.closing == TODAY + timedelta(days=30)
    # both branches happen with this data
    assert any(o.closing == TODAY + timedelta(days=30) for o in offers)
    assert any(o.closing != TODAY + timedelta(days=30) for o in offers)


@pytest.mark.parametrize("today", [TODAY, date(2030, 2, 28), date(2024, 12, 31)])
def test_demo_never_looks_expired(today: date) -> None:
    offers = demo_offers(today)
    assert len(offers) == 250
    for offer in offers:
        assert offer.is_open(today)
        assert offer.published <= today
        assert offer.closing is None or offer.closing >= today + timedelta(days=7)


def test_demo_offers_content() -> None:
    offers = demo_offers(TODAY)
    references = [o.reference for o in offers]
    assert len(set(references)) == len(references)
    generated = offers[50:]
    assert sum(o.nature in (APPRENTISSAGE, STAGE) for o in generated) >= 150
    assert offers[50:] == list(generate_offers(200, seed=2026, today=TODAY))


# -- recognising demo offers ------------------------------------------------------------------
@pytest.mark.parametrize("today", [TODAY, date(2024, 1, 3), date(2031, 12, 31)])
def test_demo_offers_are_recognised_whatever_the_day(today: date) -> None:
    docs = [o.model_dump(mode="json") for o in demo_offers(today)]
    assert all(demo.is_demo_record(doc) for doc in docs)


def test_offers_that_only_look_like_demo_offers_are_not(bundled: list[dict]) -> None:
    made = next(generate_offers(1, today=TODAY, start=7)).model_dump(mode="json")
    assert demo.is_demo_record(made)
    assert not demo.is_demo_record(made | {"title": "Apprenti(e) réel(le)"})  # replaced
    assert not demo.is_demo_record(made | {"reference": "A-2026-100950"})  # not in the demo
    beyond = next(generate_offers(1, today=TODAY, start=200)).model_dump(mode="json")
    assert not demo.is_demo_record(beyond)  # the benchmarks' offers, not the demo's
    # the 2021 export as exported (not moved to the present) is real data, not the demo
    assert not any(demo.is_demo_record(record) for record in bundled)
    assert not demo.is_demo_record({"reference": ["A-2026-100007"]})


# -- generator --------------------------------------------------------------------------------
def test_generator_is_deterministic(generated: list) -> None:
    again = list(generate_offers(300, today=TODAY))
    assert [o.model_dump() for o in again] == [o.model_dump() for o in generated]
    other = list(generate_offers(300, seed=7, today=TODAY))
    assert [o.title for o in other] != [o.title for o in generated]


def test_chunks_line_up_with_one_run(generated: list) -> None:
    chunk = list(generate_offers(40, today=TODAY, start=120))
    assert chunk == generated[120:160]


def test_references_are_unique_and_shaped() -> None:
    offers = list(generate_offers(3000, today=TODAY))
    references = [o.reference for o in offers]
    assert len(set(references)) == 3000
    assert references[0] == "A-2026-100000"
    assert all(re.fullmatch(r"A-2026-\d{6}", r) for r in references)
    later = next(generate_offers(1, today=TODAY, start=3000))
    assert later.reference not in set(references)


@pytest.mark.parametrize(("n", "start", "seed"), [(150, 0, 2026), (150, 777, 2026), (160, 0, 1)])
def test_any_150_offers_cover_every_criterion(n: int, start: int, seed: int) -> None:
    rd = refdata()
    offers = list(generate_offers(n, seed=seed, today=TODAY, start=start))
    assert {o.domain for o in offers} == set(rd.domain_names)
    assert {o.region for o in offers} == {r.code for r in rd.regions}
    assert {o.department for o in offers} == {d.code for d in rd.departments}
    assert {o.level for o in offers} == {3, 4, 5, 6, 7, 8}
    assert {o.nature for o in offers} == set(rd.natures)


def test_mostly_apprenticeships_and_internships(generated: list) -> None:
    natures = [o.nature for o in generated]
    assert natures.count(APPRENTISSAGE) == 150
    assert natures.count(STAGE) == 90
    assert natures.count(TITULAIRES) == natures.count(CONTRACTUELS) == 30


def test_generated_offers_are_plausible(generated: list) -> None:
    rd = refdata()
    metiers = {d.name: d.metiers for d in rd.domains}
    for offer in generated:
        assert offer.organisation in rd.organisations
        assert offer.versant in {"FPE", "FPT", "FPH"}
        assert offer.metier in metiers[offer.domain]
        assert f"({offer.versant} - " in offer.metier or not any(
            f"({offer.versant} - " in m for m in metiers[offer.domain]
        )
        dept = rd.department_by_code[offer.department]
        assert offer.region == dept.region
        assert offer.city == demo._DEPARTMENTS[offer.department][0]
        assert TODAY - timedelta(days=59) <= offer.published <= TODAY
        assert TODAY + timedelta(days=15) <= offer.closing <= TODAY + timedelta(days=90)
        assert offer.start_date > offer.closing and offer.start_date.day == 1
        assert 400 <= len(offer.description) <= 760
        assert "\n\n" in offer.description and "\n- " in offer.description
        assert offer.profile and offer.employer and offer.service
        assert offer.contact_email and offer.contact_email.endswith(".example")
        if offer.nature == APPRENTISSAGE:
            assert offer.title.startswith("Apprenti(e) ")
            assert offer.category is None and offer.level <= 7
        elif offer.nature == STAGE:
            assert offer.title.startswith("Stagiaire ")
            assert re.fullmatch(r"\d+ (mois|semaines)", offer.duration)
        else:
            assert offer.title.endswith("(F/H)") and offer.category in {"A", "B", "C"}
        if offer.apply_by_email:
            assert offer.contact_email in offer.how_to_apply
            assert offer.reference in offer.how_to_apply
    assert 0 < sum(o.apply_by_email for o in generated) < len(generated)
    assert any(o.contact_phone for o in generated)
    assert {o.versant for o in generated} == {"FPE", "FPT", "FPH"}


def test_some_offers_have_job_sheets() -> None:
    offers = [o for o in generate_offers(1000, today=TODAY) if o.attachments]
    assert 20 <= len(offers) <= 120
    assert any(len(o.attachments) == 2 for o in offers)
    for offer in offers:
        sheet = offer.attachments[0]
        assert sheet.name == f"fiche-de-poste-{offer.reference}.txt"
        assert sheet.content_type == "text/plain"
        text = base64.b64decode(sheet.content).decode("utf-8")
        assert text.startswith("FICHE DE POSTE")
        assert f"Référence : {offer.reference}" in text


def test_employer_names_take_an_article() -> None:
    """Every employer template starts with a word whose article is known (or none)."""
    templates = [t for org in demo._ORGANISATIONS.values() for t in org.employers]
    templates += [
        t for d in demo._DOMAINS.values() for ts in (d.employers or {}).values() for t in ts
    ]
    for template in templates:
        assert template.split(" ", 1)[0] in demo._ARTICLES, template
    assert demo._the("Préfecture de l'Ain") == "La Préfecture de l'Ain"
    assert demo._the("Université d'Angers", capital=False) == "l'Université d'Angers"
    assert demo._the("Météo-France – centre météorologique de Pau") == (
        "Météo-France – centre météorologique de Pau"
    )
    assert [demo._de(c) for c in ("Le Mans", "Angers", "La Rochelle", "Évreux", "Lyon")] == [
        "du Mans",
        "d'Angers",
        "de La Rochelle",
        "d'Évreux",
        "de Lyon",
    ]


def test_every_department_has_a_prefecture() -> None:
    assert set(demo._DEPARTMENTS) == {d.code for d in refdata().departments}


# -- reference data ---------------------------------------------------------------------------
def test_places_are_the_insee_list() -> None:
    """The bundled regions and departments are the public INSEE list kept in tests/fixtures."""
    bundled = resources.files("pass_tui.data.refdata").joinpath("regions-departements.json")
    assert bundled.read_bytes() == (FIXTURES / "regions-departements.json").read_bytes()
    rd = refdata()
    assert len(rd.regions) == 18 and len(rd.departments) == 101
    assert rd.department_by_code["2A"].region == "94"
    assert rd.department_by_code["974"].region == "04"


def test_domains_have_metiers_with_directory_codes() -> None:
    rd = refdata()
    assert len(rd.domains) == 29
    achats = next(d for d in rd.domains if d.name == "Achats")
    assert len(achats.metiers) == 11
    assert achats.metiers[2] == "ACHETEUSE/ACHETEUR (FPE - FP2ACH02)"
    seen: set[str] = set()
    for domain in rd.domains:
        assert 3 <= len(domain.metiers) <= 11, domain.name
        for metier in domain.metiers:
            assert re.search(r" \((FPE|FPT|FPH) - [A-Z0-9/]+\)$", metier), metier
            assert metier not in seen, metier
            seen.add(metier)


def test_organisations_list() -> None:
    organisations = refdata().organisations
    assert 20 <= len(organisations) <= 30
    assert len(set(organisations)) == len(organisations)
    for kept in (
        "Ministère de l'Intérieur",
        "Caisse des dépôts",
        "Fonction publique hospitalière",
        "Fonction publique territoriale",
    ):
        assert kept in organisations
