"""Place de l'emploi public CSV import: the real 2021 fixture and small hand-made files."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from pass_tui.data.errors import ImportFailed
from pass_tui.data.models import Offer
from pass_tui.data.refdata import refdata
from pass_tui.data.sources.pep_csv import parse_pep_csv

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "pep-export-2021.csv"

TITULAIRES, CONTRACTUELS, APPRENTISSAGE, STAGE = refdata().natures


@pytest.fixture(scope="module")
def pep_text() -> str:
    assert FIXTURE.is_file(), f"fixture not found: {FIXTURE}"
    return FIXTURE.read_text("utf-8")


@pytest.fixture(scope="module")
def header(pep_text: str) -> list[str]:
    return next(csv.reader(io.StringIO(pep_text, newline=""), delimiter=";"))


@pytest.fixture(scope="module")
def offers(pep_text: str) -> dict[str, Offer]:
    parsed = parse_pep_csv(pep_text, source=FIXTURE.name)
    by_reference = {offer.reference: offer for offer in parsed}
    assert len(by_reference) == len(parsed)
    return by_reference


def make_csv(header: list[str], *rows: dict[str, str]) -> str:
    """A PEP-shaped CSV (same 56 columns, CRLF records) with the given cell values."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return out.getvalue()


def row(reference: str = "T-1", **values: str) -> dict[str, str]:
    base = {
        "Offer_Reference_": reference,
        "JobDescriptionTranslation_JobTitle_": "Gestionnaire RH (F/H)",
        "SchedulingData_DefaultPublicationBeginDate_": "04/01/2021",
        "SchedulingData_DefaultPublicationEndDate_": "05/03/2021",
    }
    base.update(values)
    return base


# -- the real fixture -------------------------------------------------------------------------
def test_fixture_parses_to_fifty_offers(offers: dict[str, Offer]) -> None:
    assert len(offers) == 50
    rd = refdata()
    for offer in offers.values():
        assert offer.nature in rd.natures
        assert offer.domain is None or offer.domain in rd.domain_names
        assert offer.organisation is None or offer.organisation in rd.organisations
        assert offer.department is None or offer.department in rd.department_by_code
        assert offer.region in rd.region_by_code
        assert offer.versant in {"FPE", "FPT"}
        assert offer.category in {"A", "B", "C"}


def test_known_offer_university_of_nantes(offers: dict[str, Offer]) -> None:
    offer = offers["2021-527987"]
    assert offer.title == "Opérateur-trice logistique"
    assert offer.nature == CONTRACTUELS
    assert (offer.versant, offer.category, offer.level) == ("FPE", "C", 3)  # "Niveau V : CAP…"
    assert offer.metier == "Opératrice/Opérateur logistique"
    assert offer.domain == "Logistique, maintenance, transport"
    assert offer.organisation == "Ministère de l'Enseignement supérieur et de la Recherche"
    assert offer.employer == "Université de Nantes"
    assert (offer.city, offer.department, offer.region) == ("Nantes", "44", "52")
    assert offer.published == date(2021, 1, 4)  # "04/01/2021 14:53"
    assert offer.closing == date(2021, 1, 11)
    assert offer.start_date == date(2021, 2, 1)
    assert offer.contact_email == "recrutement-biatss@univ-nantes.fr"
    assert offer.apply_by_email is True  # "exclusivement par mail"
    assert offer.description.endswith("Temps de travail : temps complet")
    assert "- Date limite de réception des candidatures : 11/01/2021" in offer.how_to_apply


def test_known_offer_neuilly_occupational_doctor(offers: dict[str, Offer]) -> None:
    offer = offers["o09261-201641"]
    assert offer.title == "Médecin du travail (h/f)"
    assert offer.nature == TITULAIRES  # empty contract column: PEP's default
    assert offer.metier is None  # "Non renseigné"
    assert offer.level == 7  # "Niveau I (bac+5 et supérieur) - Expérience…" in the specifics
    assert offer.profile.endswith(
        "- Niveau I (bac+5 et supérieur)\n- Expérience souhaitée : de 1 à 3 ans"
    )
    assert offer.domain == "Hygiène et sécurité, prévention des risques professionnels"
    assert offer.organisation == "Communes et intercommunalités"
    assert offer.employer == "Mairie de NEUILLY-SUR-SEINE"
    assert (offer.city, offer.department, offer.region) == ("Neuilly-sur-Seine", "92", "11")
    assert (offer.published, offer.closing) == (date(2021, 1, 2), date(2021, 2, 28))


def test_known_offer_paris_social_action_centre(offers: dict[str, Offer]) -> None:
    offer = offers["2021-527961"]
    # the export cut the title at 100 characters; the long-text column has it whole
    assert offer.title == (
        "Responsable du pôle EHPAD du bureau de la gestion des carrières médicales, "
        "soignantes et d’aide à la personne"
    )
    assert offer.level == 5  # "Niveau III : Bac + 2<TAB>BTS, DUT…"
    assert offer.domain == "Ressources humaines"
    assert offer.employer == "Centre d'action sociale de la ville de Paris"
    assert offer.versant == "FPT"
    assert (offer.city, offer.department) == ("Paris", "75")
    assert offer.contact_email == "patrice.deom@paris.fr"
    assert offer.contact_phone == "01 44 67 16 38"
    assert "- Localisation" in offer.description  # "Ø  Localisation" bullet


def test_known_offer_asp_limoges(offers: dict[str, Offer]) -> None:
    offer = offers["2021-528019"]
    assert offer.duration == "12 mois"  # "contrat à durée déterminée de 12 mois"
    assert offer.apply_by_email is True
    assert offer.contact_email == "mobilite@asp-public.fr"
    assert offer.contact_phone == "05 55 12 00 68"
    assert offer.level == 4
    assert offer.organisation == "Ministère de l'Agriculture et de la Souveraineté alimentaire"
    assert (offer.city, offer.department, offer.region) == ("Limoges", "87", "75")


def test_messy_values_are_normalised(offers: dict[str, Offer]) -> None:
    bourges = offers["2021-527989"]  # "Cher (18 )", "Centre-Val deLoire", level with a tab
    assert (bourges.department, bourges.region, bourges.level) == ("18", "24", 5)
    cannes = offers["o00661-201608"]  # "Alpes Maritimes (06)"
    assert (cannes.department, cannes.region, cannes.city) == ("06", "93", "Cannes")
    assert offers["O031210100199056"].city == "L'Union"  # "L' UNION"
    assert offers["O017210100199005"].city == "Saint-Georges-de-Didonne"  # "St georges de didonne"
    assert offers["MINT_BS054PNC-18410"].city == "Jarville-la-Malgrange"  # "…-54140JARVILLE LA…"
    assert offers["MINT_BS044ATC-18403"].city == "Saint-Nazaire"  # "Sous-préfecture de …"
    assert offers["MINT_BA027ATA-18419"].city is None  # "Préfecture de l'Eure": not a city
    assert offers["MINT_BA027ATA-18419"].employer == "Préfecture de l'Eure"
    assert offers["o07861-201554"].level is None  # "Niveau VI (diplôme national du brevet)"
    piscine = offers["O031210100199056"].description
    assert "&#61607;" not in piscine
    assert (
        "\n- Réaliser le nettoyage des locaux : plages, vestiaires, sanitaires, bassin" in piscine
    )
    for offer in offers.values():
        for value in offer.model_dump(mode="json").values():
            if isinstance(value, str):
                assert "\t" not in value and "\xa0" not in value and "&#" not in value
                assert value != "Non renseigné"


# -- small files ------------------------------------------------------------------------------
def test_end_date_9999_means_no_closing_date(header: list[str]) -> None:
    text = make_csv(
        header,
        row("A", SchedulingData_DefaultPublicationEndDate_="31/12/9999"),
        row("B", SchedulingData_DefaultPublicationEndDate_="31/12/9999 23:59"),
        row("C", SchedulingData_DefaultPublicationEndDate_=""),
    )
    offers = parse_pep_csv(text)
    assert [o.closing for o in offers] == [None, None, None]
    assert all(o.is_open(date(2100, 1, 1)) for o in offers)


@pytest.mark.parametrize(
    ("contract", "title", "expected"),
    [
        ("Apprentissage", "Jardinier", APPRENTISSAGE),
        ("Contrat d'apprentissage", "Jardinier", APPRENTISSAGE),
        ("Stage", "Juriste", STAGE),
        ("Stage conventionné", "Juriste", STAGE),
        ("Titulaire", "Juriste", TITULAIRES),
        ("Emploi ouvert aux titulaires et/ou aux contractuels", "Juriste", TITULAIRES),
        ("Contractuel", "Juriste", CONTRACTUELS),
        ("CDD", "Juriste", CONTRACTUELS),
        ("", "Apprenti(e) jardinier(ère)", APPRENTISSAGE),
        ("", "Stagiaire en contrôle de gestion", STAGE),
        ("", "Agent d'accueil - CDD", CONTRACTUELS),
        ("", "Juriste", TITULAIRES),
    ],
)
def test_contract_maps_onto_the_four_natures(
    header: list[str], contract: str, title: str, expected: str
) -> None:
    text = make_csv(
        header,
        row(JobDescription_Contract_=contract, JobDescriptionTranslation_JobTitle_=title),
    )
    assert parse_pep_csv(text)[0].nature == expected


def test_domain_from_metier_and_messy_places(header: list[str]) -> None:
    text = make_csv(
        header,
        row(
            JobDescriptionTranslation_JobTitle_="Agent polyvalent",
            JobDescription_PrimaryProfile_="Acheteur(euse) (FPH - 25F20)",
            Location_Region_Region_="Centre-Val deLoire",
            Location_Department_Department_="Indre (36)",
            ApplicantCriteria_EducationLevel_="Niveau\tII : Bac + 3\tLicence",
            Location_JobLocation_="N.C 36000 CHATEAUROUX CEDEX",
        ),
    )
    offer = parse_pep_csv(text)[0]
    assert offer.domain == "Achats"
    assert (offer.region, offer.department, offer.level) == ("24", "36", 6)
    assert offer.city == "Chateauroux"


def test_wrong_field_count_names_the_line(header: list[str]) -> None:
    good = row("A", JobDescriptionTranslation_Description1_="ligne 1\nligne 2\nligne 3")
    text = make_csv(header, good, row("B"))
    # drop the last field of record B, which starts on line 5 (header, then 3 lines for A)
    lines = text.split("\r\n")
    lines[-2] = lines[-2].rsplit(";", 1)[0]
    with pytest.raises(ImportFailed) as caught:
        parse_pep_csv("\r\n".join(lines), source="export.csv")
    assert caught.value.line == 5
    assert str(caught.value) == f"export.csv, ligne 5 : {len(header) - 1} champs au lieu de 56"


def test_unparsable_date_names_column_and_line(header: list[str]) -> None:
    text = make_csv(
        header, row("A"), row("B", SchedulingData_DefaultPublicationBeginDate_="32/01/2021")
    )
    with pytest.raises(ImportFailed, match=r"^ligne 3 : date illisible") as caught:
        parse_pep_csv(text)
    assert "SchedulingData_DefaultPublicationBeginDate_" in str(caught.value)
    assert "'32/01/2021'" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "fichier vide"),
        ("a,b,c\n1,2,3\n", "ligne 1 : colonne obligatoire absente : Offer_Reference_"),
        (
            "Offer_Reference_;JobDescriptionTranslation_JobTitle_\nA;B\n",
            "ligne 1 : colonne obligatoire absente : SchedulingData_DefaultPublicationBeginDate_",
        ),
    ],
)
def test_not_a_pep_export(text: str, message: str) -> None:
    with pytest.raises(ImportFailed, match=message):
        parse_pep_csv(text)


def test_bad_rows_fail_the_whole_file(header: list[str]) -> None:
    cases = {
        "unterminated quote": make_csv(header, row("A")) + 'B;"pas de fin\r\n',
        "missing reference": make_csv(header, row("A"), row("")),
        "missing publication date": make_csv(
            header, row("A"), row("B", SchedulingData_DefaultPublicationBeginDate_="")
        ),
        "unknown contract": make_csv(
            header, row("A"), row("B", JobDescription_Contract_="Bénévolat")
        ),
        "duplicate reference": make_csv(header, row("A"), row("A")),
    }
    for name, text in cases.items():
        with pytest.raises(ImportFailed) as caught:
            parse_pep_csv(text)
        assert caught.value.line == 3, name
        assert str(caught.value).startswith("ligne 3 : "), name


def test_blank_lines_and_bom_are_ignored(header: list[str]) -> None:
    text = (
        "\ufeff"
        + make_csv(header, row("A"))
        + "\r\n\r\n"
        + make_csv(header, row("B"))[len(make_csv(header)) :]
    )
    assert [o.reference for o in parse_pep_csv(text)] == ["A", "B"]
