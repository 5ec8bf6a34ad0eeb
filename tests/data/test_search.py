"""Search semantics (DESIGN.md) on a small hand-made catalogue."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from pass_tui.data.catalogue import Catalogue
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.errors import CriteriaError
from pass_tui.data.paths import DataPaths
from tests.factories import TODAY, offer


@pytest.fixture
def catalogue(data_dir: Path) -> Catalogue:
    cat = Catalogue(DataPaths(data_dir), today=lambda: TODAY)
    cat.upsert(
        [
            offer(
                "A-2026-1",
                5,
                title="Apprenti(e) en cybersécurité",
                department="35",
                level=5,
                domain="Numérique, digital",
                employer="Rectorat de Rennes",
                city="Rennes",
                organisation="Ministère de l'Éducation nationale",
            ),
            offer(
                "A-2026-2",
                1,
                title="Stagiaire gestion du personnel",
                nature="Stage",
                department="75",
                level=6,
                domain="Ressources humaines",
                description="Appui au service des ressources humaines.",
                city="Paris",
            ),
            offer(
                "A-2026-3",
                3,
                title="Apprenti jardinier",
                department="2A",
                level=3,
                domain="Environnement, espaces verts, énergie",
                profile="Goût du travail en extérieur, sécurité des chantiers",
                city="Ajaccio",
            ),
            offer(
                "2019-181070",
                10,
                title="Poste clôturé de cybersécurité",
                closing=TODAY - timedelta(days=1),
                department="35",
            ),
            offer("A-2026-4", 2, title="Apprenti à Saint-Malo", department="35", city="Saint-Malo"),
        ]
    )
    return cat


def refs(catalogue: Catalogue, **criteria: object) -> list[str]:
    result = catalogue.search(SearchCriteria(**criteria))
    return [s.reference for s in result.summaries()]


def test_all_offers_newest_first_and_closed_hidden(catalogue: Catalogue) -> None:
    assert refs(catalogue) == ["A-2026-2", "A-2026-4", "A-2026-3", "A-2026-1"]


def test_keywords_ignore_case_and_accents(catalogue: Catalogue) -> None:
    assert refs(catalogue, keywords="CYBERSECURITE") == ["A-2026-1"]
    assert refs(catalogue, keywords="Sécurité") == ["A-2026-3"]  # profile is searched


def test_every_keyword_must_match(catalogue: Catalogue) -> None:
    assert refs(catalogue, keywords="ressources humaines") == ["A-2026-2"]
    assert refs(catalogue, keywords="ressources jardinier") == []


def test_keywords_search_employer_and_city(catalogue: Catalogue) -> None:
    assert refs(catalogue, keywords="rectorat") == ["A-2026-1"]
    assert refs(catalogue, keywords="ajaccio") == ["A-2026-3"]


def test_a_reference_finds_its_offer(catalogue: Catalogue) -> None:
    assert refs(catalogue, keywords="a-2026-3") == ["A-2026-3"]
    # closed offers stay hidden from search but can be read by reference
    assert refs(catalogue, keywords="2019-181070") == []
    closed = catalogue.get("2019-181070")
    assert closed is not None and closed.title == "Poste clôturé de cybersécurité"


def test_values_or_within_criterion_and_across(catalogue: Catalogue) -> None:
    assert refs(catalogue, levels=(3, 5)) == ["A-2026-3", "A-2026-1"]
    assert refs(catalogue, levels=(3, 5), natures=("Stage",)) == []
    assert refs(catalogue, natures=("Stage",), keywords="personnel") == ["A-2026-2"]


def test_region_includes_its_departments(catalogue: Catalogue) -> None:
    assert refs(catalogue, regions=("53",)) == ["A-2026-4", "A-2026-1"]  # Bretagne
    assert refs(catalogue, regions=("94",)) == ["A-2026-3"]  # Corse, 2A


def test_a_department_narrows_its_region(catalogue: Catalogue) -> None:
    assert refs(catalogue, regions=("53", "11"), departments=("75",)) == [
        "A-2026-2",
        "A-2026-4",
        "A-2026-1",
    ]
    assert refs(catalogue, regions=("11",), departments=("75",)) == ["A-2026-2"]


def test_facets_count_each_value_with_the_other_criteria(catalogue: Catalogue) -> None:
    result = catalogue.search(SearchCriteria(levels=(5,), regions=("53",)))
    assert result.count == 1
    # levels facet ignores the level filter but keeps the location filter
    assert result.facets["levels"]["5"] == 1
    assert result.facets["levels"]["3"] == 0
    # location facets ignore the location filter but keep the level filter
    assert result.facets["regions"]["53"] == 1
    assert result.facets["regions"]["11"] == 0
    # every reference value is listed, even at zero
    assert len(result.facets["domains"]) == 29
    assert len(result.facets["departments"]) == 101
    assert result.facets["natures"] == {
        "Emploi ouvert aux titulaires et/ou aux contractuels": 0,
        "Emploi ouvert aux contractuels": 0,
        "Apprentissage": 1,
        "Stage": 0,
    }


def test_upsert_by_reference(catalogue: Catalogue) -> None:
    again = catalogue.upsert(
        [offer("A-2026-4", 2, title="Apprenti à Saint-Malo", department="35", city="Saint-Malo")]
    )
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    changed = catalogue.upsert([offer("A-2026-4", 0, title="Apprenti à Dinard", department="35")])
    assert (changed.added, changed.updated) == (0, 1)
    assert refs(catalogue)[0] == "A-2026-4"
    assert refs(catalogue, keywords="dinard") == ["A-2026-4"]
    assert refs(catalogue, keywords="saint malo") == []


def test_another_process_write_is_seen(catalogue: Catalogue, data_dir: Path) -> None:
    assert catalogue.search(SearchCriteria()).count == 4
    other = Catalogue(DataPaths(data_dir), today=lambda: TODAY)
    other.upsert([offer("A-2026-9", 0, title="Nouvelle offre")])
    assert refs(catalogue, keywords="nouvelle") == ["A-2026-9"]


def test_stale_or_missing_index_is_rebuilt(catalogue: Catalogue, data_dir: Path) -> None:
    os.remove(data_dir / ".catalogue.index")
    fresh = Catalogue(DataPaths(data_dir), today=lambda: TODAY)
    assert refs(fresh, keywords="jardinier") == ["A-2026-3"]
    assert (data_dir / ".catalogue.index").exists()


def test_a_stock_tinydb_file_is_read(data_dir: Path) -> None:
    from tinydb import TinyDB

    with TinyDB(data_dir / "catalogue.json") as db:
        db.table("offers").insert(offer("X-1", 0, title="Écrit par TinyDB").model_dump(mode="json"))
    cat = Catalogue(DataPaths(data_dir), today=lambda: TODAY)
    assert refs(cat, keywords="ecrit tinydb") == ["X-1"]
    assert cat.get("X-1") is not None


def test_result_paging_and_position(catalogue: Catalogue) -> None:
    result = catalogue.search(SearchCriteria())
    assert [s.reference for s in result.summaries(1, 3)] == ["A-2026-4", "A-2026-3"]
    assert result.index_of("A-2026-3") == 2
    assert result.index_of("2019-181070") is None
    assert result.offer_at(0).reference == "A-2026-2"


def test_unknown_values_are_named() -> None:
    with pytest.raises(CriteriaError) as err:
        SearchCriteria.from_options({"region": ["99"]})
    assert "99" in str(err.value) and "53 (Bretagne)" in str(err.value)


def test_untrusted_text_is_cleaned() -> None:
    o = offer("X-2", 0, title="Piège\x1b[2J\x07 [@click=app.quit]", description="a\x00b\r\nc")
    assert o.title == "Piège [2J [@click=app.quit]"
    assert o.description == "ab\nc"


def test_a_closed_reference_is_named_not_listed(catalogue: Catalogue) -> None:
    result = catalogue.search(SearchCriteria(keywords="2019-181070"))
    assert result.count == 0
    assert result.closed_match is not None
    assert result.closed_match.closing == TODAY - timedelta(days=1)
    assert result.closed_notice() == "L'offre 2019-181070 est clôturée depuis le 25/11/2026."
    # an open offer's reference, or plain words, name no closed offer
    assert catalogue.search(SearchCriteria(keywords="A-2026-3")).closed_match is None
    assert catalogue.search(SearchCriteria(keywords="cybersécurité")).closed_match is None


def test_remove_by_exact_reference(catalogue: Catalogue, data_dir: Path) -> None:
    other = Catalogue(DataPaths(data_dir), today=lambda: TODAY)
    assert refs(other, keywords="jardinier") == ["A-2026-3"]  # index loaded before the write
    assert catalogue.remove(["a-2026-3", "NOPE"]) == 0  # references are exact
    before = (data_dir / "catalogue.json").read_bytes()
    assert catalogue.remove([]) == 0
    assert (data_dir / "catalogue.json").read_bytes() == before  # nothing written
    assert catalogue.remove(["A-2026-3", "2019-181070"]) == 2
    assert catalogue.get("A-2026-3") is None and catalogue.get("2019-181070") is None
    assert refs(catalogue) == ["A-2026-2", "A-2026-4", "A-2026-1"]
    assert refs(other, keywords="jardinier") == []  # another process sees the removal
    assert catalogue.remove(["A-2026-3"]) == 0  # idempotent


def test_remove_only_what_the_condition_keeps(catalogue: Catalogue) -> None:
    removed = catalogue.remove(
        ["A-2026-1", "A-2026-2"], where=lambda doc: doc["title"].startswith("Stagiaire")
    )
    assert removed == 1
    assert catalogue.get("A-2026-1") is not None and catalogue.get("A-2026-2") is None
