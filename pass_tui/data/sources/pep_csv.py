"""Place de l'emploi public (PEP) CSV export → offers.

The export is the back office's raw dump: ``;``-separated, quoted multi-line fields,
56 columns named after the back office's internal fields (``Offer_Reference_``,
``JobDescriptionTranslation_JobTitle_`` …). Several columns hold something other than
their name suggests (the *salary range* column holds the versant, the employer's name
sits in a free-text column), values are messy (``Cher (18 )``, ``Centre-Val deLoire``,
``Niveau III : Bac + 2<TAB>BTS``, ``Non renseigné``, Wingdings bullets) and there is no
functional-domain column at all. This module maps all of that onto :class:`Offer`.

Column mapping (PEP column → offer field):

- ``Offer_Reference_`` → reference
- ``JobDescriptionTranslation_JobTitle_`` → title; the export cuts it at 100 characters,
  so a longer line of ``Offer_CustomFieldsTranslation_LongText1_`` starting with it wins
- ``JobDescription_Contract_`` → nature; when empty, inferred from the title (apprenti,
  stagiaire, CDD), else PEP's default "Emploi ouvert aux titulaires et/ou aux contractuels"
- ``JobDescription_SalaryRange_`` (sic), else ``Origin_Entity_With2`` → versant
- ``JobDescription_CustomFields_CustomCodeTableValue1_`` → category (A/B/C)
- ``JobDescription_PrimaryProfile_`` → métier
- title keywords, then the métier (its reference domain, then keywords) → domain
- ``Origin_Entity_With3..5`` and ``Origin_Entity_`` → organisation (organisme de rattachement)
- ``Origin_Entity_`` when it names an employer, else the one-line
  ``Offer_CustomFieldsTranslation_LongText2_`` → employer
- ``Location_CustomFieldsTranslation_ShortText1_``, else ``Location_JobLocation_`` → city
- ``Location_Region_Region_``, ``Location_Department_Department_`` → region, department
- ``ApplicantCriteria_EducationLevel_``, else the "Niveau … - Expérience …" line of
  ``JobDescription_CustomFieldsTranslation_LongText2_`` → level
- ``JobDescriptionTranslation_ContractLength_``, else "contrat … de N mois" → duration
- ``Origin_BeginningDate_`` → start_date
- ``SchedulingData_DefaultPublicationBeginDate_`` → published
- ``SchedulingData_DefaultPublicationEndDate_`` → closing (31/12/9999 → none)
- ``JobDescriptionTranslation_Description1_`` (missions), with the multi-line presentation
  texts, ``JobDescription_CustomFieldsTranslation_LongText1_`` (employer),
  ``…LongText3_`` (context), the other specifics and the working time → description
- ``JobDescriptionTranslation_Description2_`` and the requirements line → profile
- ``OfferCustomBlock1_CustomFieldsTranslation_LongText1_`` → how_to_apply, apply_by_email
- ``Origin_CustomFieldsTranslation_ShortText1..3_``, else how_to_apply → contact e-mail, phone
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date

from pydantic import ValidationError

from pass_tui.data.errors import ImportFailed
from pass_tui.data.models import Offer, SourceChecks, first_error
from pass_tui.data.refdata import refdata
from pass_tui.data.sources.problems import csv_problem
from pass_tui.data.text import clean, clean_multiline, fold
from pass_tui.i18n import _

__all__ = ["REQUIRED_COLUMNS", "parse_pep_csv"]

# -- columns ----------------------------------------------------------------------------------
REFERENCE = "Offer_Reference_"
TITLE = "JobDescriptionTranslation_JobTitle_"
TITLE_LONG = "Offer_CustomFieldsTranslation_LongText1_"
EMPLOYER_TEXT = "Offer_CustomFieldsTranslation_LongText2_"
CATEGORY = "JobDescription_CustomFields_CustomCodeTableValue1_"
SPECIFICS = "JobDescription_CustomFieldsTranslation_LongText2_"
EMPLOYER_DESCRIPTION = "JobDescription_CustomFieldsTranslation_LongText1_"
CONTEXT = "JobDescription_CustomFieldsTranslation_LongText3_"
MISSIONS = "JobDescriptionTranslation_Description1_"
PROFILE = "JobDescriptionTranslation_Description2_"
METIER = "JobDescription_PrimaryProfile_"
DURATION = "JobDescriptionTranslation_ContractLength_"
CONTRACT = "JobDescription_Contract_"
VERSANT = "JobDescription_SalaryRange_"  # sic: the export keeps the versant there
ADDRESS = "Location_JobLocation_"
PLACE = "Location_CustomFieldsTranslation_ShortText1_"
REGION = "Location_Region_Region_"
DEPARTMENT = "Location_Department_Department_"
LEVEL = "ApplicantCriteria_EducationLevel_"
START = "Origin_BeginningDate_"
ORIGIN_PATH = (
    "Origin_Entity_With2",
    "Origin_Entity_With3",
    "Origin_Entity_With4",
    "Origin_Entity_With5",
)
ORIGIN = "Origin_Entity_"
CONTACTS = (
    "Origin_CustomFieldsTranslation_ShortText1_",
    "Origin_CustomFieldsTranslation_ShortText2_",
    "Origin_CustomFieldsTranslation_ShortText3_",
)
PUBLISHED = "SchedulingData_DefaultPublicationBeginDate_"
CLOSING = "SchedulingData_DefaultPublicationEndDate_"
HOW_TO_APPLY = "OfferCustomBlock1_CustomFieldsTranslation_LongText1_"
WORKING_TIME = "OfferCustomBlock1_CustomFields_CustomCodeTableValue3_"

REQUIRED_COLUMNS = (REFERENCE, TITLE, PUBLISHED)

# -- value normalisation ----------------------------------------------------------------------
_MISSING = frozenset({"", "non renseigne", "non connu", "nc", "n.c", "n.c.", "-", "neant"})
_NO_DATE_YEAR = 9999  # PEP's "31/12/9999": no end date
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+)?$")
_NUMERIC_ENTITY = re.compile(r"&#(?:(\d+)|[xX]([0-9a-fA-F]+));")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
# Word-processor bullets at the start of a line: •, ·, *, Wingdings arrows read as ð/Ø/¿,
# private-use symbol-font glyphs, en dashes; and "-Word" without its space.
_BULLET = re.compile(r"^[ \t\xa0]*(?:[•·▪►➢❖ðØ¿*–]|[\ue000-\uf8ff])[ \t\xa0]+", re.MULTILINE)
_TIGHT_DASH = re.compile(r"^[ \t\xa0]*-(?=[^\s\d-])", re.MULTILINE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)0[1-9](?:[ .\-]?\d{2}){4}(?!\d)")
_DEPT_CODE = re.compile(r"\(\s*(\d{1,3}|2[AaBb])\s*\)")
_POSTCODE_CITY = re.compile(r"(?<!\d)\d{5}\s*([^\d,;()]+?)\s*$")
_CEDEX = re.compile(r"\s+c[ée]dex(?:\s*\d+)?\s*$", re.IGNORECASE)
_PREFECTURE = re.compile(r"^(?:sous-)?pr[ée]fecture\s+(?:de\s+|du\s+|des\s+|d')(.+)$", re.I)
_NOT_A_CITY = re.compile(
    r"^(?:immeuble|h[ôo]tel|ddt|dit|direction|service|mairie|centre|b[âa]timent|site|"
    r"campus|caserne|cit[ée]|base|zone|quartier|avenue|rue|place|boulevard|bp)\b",
    re.IGNORECASE,
)
_REQUIREMENTS_LINE = re.compile(r"^\s*(?:niveau\b|non connu\s+-)", re.IGNORECASE)
_CONTRACT_MONTHS = re.compile(
    r"\b(?:contrat|cdd)\b[^.\n]{0,50}?\b(\d{1,2})\s*mois\b", re.IGNORECASE
)
_APPLY_BY_EMAIL_ONLY = re.compile(
    r"seules les candidatures adressees (?:sur|a|par)|exclusivement par (?:mail|courriel|e-mail)"
    r"|par (?:mail|courriel|e-mail) exclusivement|ne seront pas prises en compte"
)

_CITY_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "les", "sur", "sous", "en", "lès", "lez", "et", "aux", "au"}
)
_CITY_ARTICLES = frozenset({"le", "la", "les"})

_NATURES = refdata().natures
_TITULAIRES, _CONTRACTUELS, _APPRENTISSAGE, _STAGE = _NATURES

# Ordered keyword rules on folded text → functional domain. Checked on the title first (what
# the job is), then on the métier label, which employers often pick loosely.
_DOMAIN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), domain)
    for pattern, domain in (
        (
            r"apprenti.*(?:achat|marches publics)|achat|acheteu|marches publics|commande publique",
            "Achats",
        ),
        (
            r"medecin du travail|medecine de prevention|prevention des risques|hygiene et securite",
            "Hygiène et sécurité, prévention des risques professionnels",
        ),
        (
            r"ressources humaines|\bpaie\b|\bpaye\b|gestionnaire de personnel|personnel|carrieres|recrutement|\bformation\b|\brh\b",
            "Ressources humaines",
        ),
        (
            r"informati|systemes? d.information|\bsic\b|nsic|\bsi\b|reseau|applications?\b|technicien de proximite|administrateur (?:systeme|base)|integrat(?:eur|rice)|\bran\b|\bmno\b|4g|5g|tests et qualification|developpeu|cyber",
            "Systèmes d'information, réseau, intelligence artificielle",
        ),
        (r"\bdata\b|statisti|donnees", "Big data et statistiques"),
        (
            r"assainissement|eau potable|epuration|espaces? verts?|jardin|fleurissement|environnement|biodiversite|energie",
            "Environnement, espaces verts, énergie",
        ),
        (r"piscine|sporti|sport\b|animat", "Sport, animation"),
        (r"numerique|digital|web", "Numérique, digital"),
        (r"urbanisme|architect|amenagement", "Architecture, urbanisme"),
        (r"mediatheque|bibliothe|archiv|documenta", "Documentation, archives, bibliothèque"),
        (r"cuisin|restauration|hotel|touris", "Hôtellerie, restauration, tourisme"),
        (
            r"batiment|chauffagiste|voirie|travaux|plombi|electricien|menuisi|immobili",
            "BTP, immobilier",
        ),
        (
            r"logisti|magasin|chauffeur|mecanicien|proprete|entretien des locaux|transport|maintenance",
            "Logistique, maintenance, transport",
        ),
        (
            r"accueil|usager|standardist|secretari|agence postale",
            "Accueil, secrétariat, service aux usagers",
        ),
        (r"organisation|audit|qualite|etudes|evaluation", "Etudes, qualité, audit"),
        (r"juridi|juriste|droit|fiscal|greff|contentieux", "Droit, affaires juridiques, fiscalité"),
        (
            r"budget|comptab|financ|gestion financiere|controle de gestion|economi",
            "Économie, gestion, finances, comptabilité",
        ),
        (r"communication|multimedia|graphis|journalis", "Communication, multimédia"),
        (r"enseign|professeur|pedagog|educat", "Enseignement"),
        (r"petite enfance|creche|puericult|atsem", "Petite enfance"),
        (r"infirmi|soignant|sante|medic|social|pharmac", "Santé, médico-social"),
        (r"securite|defense|police|pompier|surete", "Sécurité, défense"),
        (r"international|diplomat|consula|europe", "Diplomatie et relations internationales"),
        (r"laboratoire|chimi|biolog|recherche", "Chimie, biologie, laboratoire, recherche"),
        (
            r"mediation culturelle|patrimoine|musee",
            "Médiation culturelle et valorisation des patrimoines",
        ),
        (
            r"spectacle|audiovisuel|photograph|regisseu",
            "Métiers de l'image, spectacle, production culturelle",
        ),
        (r"culture|artisan d.art|metiers d.art", "Culture et métiers d'art"),
        (r"aeronauti|industri", "Industrie, aéronautique"),
        (r"commerci|vente|vendeu", "Commerce, vente"),
    )
)

# Ordered keyword rules on the folded entity path → organisme de rattachement.
_ORGANISATION_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), organisation)
    for pattern, organisation in (
        (r"universit", "Ministère de l'Enseignement supérieur et de la Recherche"),
        (r"education nationale|rectorat|academi", "Ministère de l'Éducation nationale"),
        (r"interieur", "Ministère de l'Intérieur"),
        (r"justice", "Ministère de la Justice"),
        (r"armees|defense", "Ministère des Armées"),
        (r"agriculture", "Ministère de l'Agriculture et de la Souveraineté alimentaire"),
        (
            r"ministere du travail|solidarites|ministere de la sante",
            "Ministère du Travail, de la Santé et des Solidarités",
        ),
        (
            r"economie|finances|comptes publics",
            "Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique",
        ),
        (
            r"transition ecologique|ecologie|cohesion des territoires",
            "Ministère de la Transition écologique",
        ),
        (r"affaires etrangeres", "Ministère de l'Europe et des Affaires étrangères"),
        (r"ministere de la culture", "Ministère de la Culture"),
        (r"premier ministre", "Services du Premier ministre"),
        (r"caisse des depots", "Caisse des dépôts"),
        (r"outre-mer|outre mer", "Ministère des Outre-mer"),
        (r"ministere des sports", "Ministère des Sports, de la Jeunesse et de la Vie associative"),
        (
            r"conseil d.etat|tribunal administratif|cour administrative",
            "Conseil d'État et juridictions administratives",
        ),
        (
            r"cour des comptes|chambre regionale des comptes",
            "Cour des comptes et juridictions financières",
        ),
        (r"hopitaux de paris|ap-hp", "Assistance publique – Hôpitaux de Paris (AP-HP)"),
        (
            r"\bchu\b|centre hospitalier universitaire|centre hospitalier regional",
            "Centres hospitaliers universitaires (CHU)",
        ),
        (r"ehpad|medico-social|medico social", "Établissements sociaux et médico-sociaux"),
        (r"sdis|incendie et de secours", "Services départementaux d'incendie et de secours (SDIS)"),
        (r"conseil regional|\bregions?\b", "Conseils régionaux"),
        (r"conseil departemental|\bdepartements\b", "Conseils départementaux"),
        (
            r"commune|mairie|ville de|cooperation territoriale|intercommun|agglomeration|metropole",
            "Communes et intercommunalités",
        ),
        (r"hospitali|hopita", "Fonction publique hospitalière"),
        (r"fonction publique territoriale", "Fonction publique territoriale"),
    )
)

# Hierarchy levels that name a kind of employer, not an employer.
_GENERIC_ENTITIES = frozenset(
    fold(name)
    for name in (
        "Communes",
        "Structures de coopération territoriale",
        "Fonction Publique Territoriale",
        "Fonction Publique d'Etat",
        "Fonction Publique Hospitalière",
        "Apprentissage et Stage",
        "DGAFP",
    )
)


# -- entry point ------------------------------------------------------------------------------
def parse_pep_csv(
    text: str, *, source: str = "", checks: SourceChecks | None = None
) -> list[Offer]:
    """Parse a PEP CSV export into offers, all or nothing.

    ``checks`` are the source checks every offer passes (publication dates against
    ``checks.today``; today by default).

    Raises :class:`ImportFailed` naming the problem and the CSV line where the faulty
    record starts: a missing required column, a record with the wrong number of fields,
    an unparsable date, an unknown contract type, a duplicate reference.
    """
    checks = checks if checks is not None else SourceChecks(date.today())
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ImportFailed(_("fichier vide"), source=source)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ImportFailed(
            _("CSV illisible ({error})", error=csv_problem(exc)), line=1, source=source
        ) from exc
    header = [clean(name) for name in header]
    index = {name: i for i, name in enumerate(header) if name}
    for name in REQUIRED_COLUMNS:
        if name not in index:
            raise ImportFailed(
                _(
                    "colonne obligatoire absente : {name} (est-ce bien un export CSV de la "
                    "Place de l'emploi public, séparé par des points-virgules ?)",
                    name=name,
                ),
                line=1,
                source=source,
            )

    offers: list[Offer] = []
    seen: dict[str, int] = {}
    line = reader.line_num + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFailed(
                _("CSV mal formé ({error})", error=csv_problem(exc)), line=line, source=source
            ) from exc
        start, line = line, reader.line_num + 1
        if not any(field.strip() for field in fields):
            continue
        if len(fields) != len(header):
            raise ImportFailed(
                _("{count} champs au lieu de {expected}", count=len(fields), expected=len(header)),
                line=start,
                source=source,
            )
        row = _Row(fields, index, start, source)
        offer = _offer(row, checks)
        if offer.reference in seen:
            raise ImportFailed(
                _(
                    "référence {reference} en double (déjà ligne {first})",
                    reference=repr(offer.reference),
                    first=str(seen[offer.reference]),
                ),
                line=start,
                source=source,
            )
        seen[offer.reference] = start
        offers.append(offer)
    return offers


class _Row:
    """One CSV record, read by column name."""

    __slots__ = ("_fields", "_index", "line", "source")

    def __init__(self, fields: list[str], index: dict[str, int], line: int, source: str) -> None:
        self._fields = fields
        self._index = index
        self.line = line
        self.source = source

    def raw(self, column: str) -> str:
        i = self._index.get(column)
        return self._fields[i] if i is not None else ""

    def text(self, column: str) -> str | None:
        """A one-line value, or None when empty or a placeholder ("Non renseigné")."""
        value = clean(_unescape(self.raw(column)))
        return None if fold(value) in _MISSING else value

    def long_text(self, column: str) -> str:
        """A multi-line value with bullets normalised to "- "."""
        value = clean_multiline(_bullets(_unescape(self.raw(column))))
        return "" if fold(value) in _MISSING else value

    def date(self, column: str, *, required: bool = False) -> date | None:
        value = clean(self.raw(column))
        if not value:
            if required:
                self.fail(_("date absente dans {column}", column=column))
            return None
        parsed = _parse_date(value)
        if parsed is None:
            self.fail(
                _(
                    "date illisible dans {column} : {value} (attendu jj/mm/aaaa)",
                    column=column,
                    value=repr(value),
                )
            )
        return None if parsed.year == _NO_DATE_YEAR else parsed

    def fail(self, problem: str) -> None:
        raise ImportFailed(problem, line=self.line, source=self.source)


def _offer(row: _Row, checks: SourceChecks) -> Offer:
    reference = row.text(REFERENCE)
    if reference is None:
        row.fail(_("référence absente ({column})", column=REFERENCE))
    title = _title(row)
    if title is None:
        row.fail(_("intitulé absent ({column})", column=TITLE))
    published = row.date(PUBLISHED, required=True)
    if published is None:  # 31/12/9999 as a publication date
        row.fail(_("date de publication impossible dans {column}", column=PUBLISHED))
    closing = row.date(CLOSING)
    start_date = row.date(START)

    metier = row.text(METIER)
    versant = _versant(row)
    how_to_apply = row.long_text(HOW_TO_APPLY)
    specifics = row.long_text(SPECIFICS)
    requirements = specifics if _REQUIREMENTS_LINE.match(specifics) else ""
    if requirements:
        specifics = ""

    contact_texts = [row.raw(column) for column in CONTACTS]
    email = _first(_EMAIL, [*contact_texts, how_to_apply])
    phone = _first(_PHONE, [*contact_texts, how_to_apply])
    department = _department(row.text(DEPARTMENT))

    data = {
        "reference": reference,
        "title": title,
        "nature": _nature(row, title),
        "versant": versant,
        "category": _category(row.text(CATEGORY)),
        "domain": _domain(title, metier),
        "metier": metier,
        "organisation": _organisation(row, versant),
        "employer": _employer(row),
        "region": row.text(REGION),
        "department": department,
        "city": _city(row, department),
        "level": _level(row.text(LEVEL), requirements),
        "duration": row.text(DURATION) or _duration(how_to_apply, specifics),
        "start_date": start_date,
        "published": published,
        "closing": closing,
        "description": _description(row, specifics),
        "profile": _join(row.long_text(PROFILE), _requirements_list(requirements)),
        "how_to_apply": how_to_apply,
        "contact_email": email.lower() if email else None,
        "contact_phone": _phone(phone) if phone else None,
        "apply_by_email": bool(email and _APPLY_BY_EMAIL_ONLY.search(fold(how_to_apply))),
    }
    try:
        return checks.offer(data)
    except ValidationError as exc:
        field, problem = first_error(exc)
        row.fail(_("offre invalide ({field} : {problem})", field=field, problem=problem))
        raise  # unreachable: fail() raises


# -- field helpers ----------------------------------------------------------------------------
def _parse_date(value: str) -> date | None:
    match = _DATE.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _ISO_DATE.match(value)
        if not match:
            return None
        year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _unescape(value: str) -> str:
    """Decode numeric HTML entities left by the export (``&#61607;``)."""
    if "&#" not in value:
        return value

    def decode(match: re.Match[str]) -> str:
        code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
        try:
            return chr(code)
        except (ValueError, OverflowError):
            return ""

    return _NUMERIC_ENTITY.sub(decode, value)


def _bullets(value: str) -> str:
    """Word-processor bullets → "- "; other symbol-font glyphs dropped."""
    value = _BULLET.sub("- ", value)
    value = _TIGHT_DASH.sub("- ", value)
    return _PRIVATE_USE.sub("", value)


def _join(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def _first(pattern: re.Pattern[str], texts: Iterable[str]) -> str | None:
    for text in texts:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


def _phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def _title(row: _Row) -> str | None:
    """The title; the export cuts it at 100 characters, the long-text column sometimes
    holds it whole on one of its lines."""
    title = row.text(TITLE)
    if title is None:
        return None
    key = _fold_title(title)
    for line in row.raw(TITLE_LONG).splitlines():
        line = clean(line)
        if len(line) > len(title) and _fold_title(line).startswith(key):
            return line
    return title


def _fold_title(text: str) -> str:
    return " ".join(fold(text).replace("’", "'").split())


def _nature(row: _Row, title: str) -> str:
    contract = row.text(CONTRACT)
    if contract is None:
        # No contract type: infer from the title, else PEP's default for a vacant post.
        folded = fold(title)
        if re.search(r"\bapprenti", folded):
            return _APPRENTISSAGE
        if re.search(r"\bstag(?:e|iaire)\b", folded):
            return _STAGE
        if re.search(r"\bcdd\b|\bcontractuel", folded):
            return _CONTRACTUELS
        return _TITULAIRES
    folded = fold(contract)
    for nature in _NATURES:
        if folded == fold(nature):
            return nature
    if re.search(r"apprenti|alternance", folded):
        return _APPRENTISSAGE
    if re.search(r"\bstag(?:e|iaire)", folded):
        return _STAGE
    if re.search(r"titulaire|fonctionnaire|mutation|detachement", folded):
        return _TITULAIRES
    if re.search(r"contractuel|\bcd[di]\b|contrat", folded):
        return _CONTRACTUELS
    row.fail(
        _("type de contrat inconnu dans {column} : {value}", column=CONTRACT, value=repr(contract))
    )
    raise AssertionError  # unreachable


def _versant(row: _Row) -> str | None:
    for column in (VERSANT, ORIGIN_PATH[0]):
        folded = fold(row.raw(column))
        if "territorial" in folded:
            return "FPT"
        if "hospitali" in folded:
            return "FPH"
        if "etat" in folded:
            return "FPE"
    return None


def _category(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.upper()
    return value if value in {"A", "B", "C"} else None


def _domain(title: str, metier: str | None) -> str | None:
    """Keyword rules on the title, then the métier's own domain, then rules on the métier."""
    found = _domain_by_keywords(title)
    if found is None and metier:
        found = next((d.name for d in refdata().domains if metier in d.metiers), None)
        found = found or _domain_by_keywords(metier)
    return found


def _domain_by_keywords(text: str) -> str | None:
    folded = fold(text)
    return next((domain for pattern, domain in _DOMAIN_RULES if pattern.search(folded)), None)


def _organisation(row: _Row, versant: str | None) -> str | None:
    path = " / ".join(row.raw(column) for column in (*ORIGIN_PATH[1:], ORIGIN))
    folded = fold(path)
    for pattern, organisation in _ORGANISATION_RULES:
        if pattern.search(folded):
            return organisation
    return {"FPT": "Fonction publique territoriale", "FPH": "Fonction publique hospitalière"}.get(
        versant or ""
    )


def _employer(row: _Row) -> str | None:
    origin = row.text(ORIGIN)
    if origin and fold(origin) not in _GENERIC_ENTITIES:
        # A ministry posting for one of its prefectures names it as the work place.
        address = row.text(ADDRESS) or ""
        if fold(origin).startswith("ministere") and re.match(
            r"(?:sous-)?pr[ée]fecture\b", address, re.IGNORECASE
        ):
            return address
        return origin
    text = row.raw(EMPLOYER_TEXT).strip()
    if text and "\n" not in text and len(text) <= 120:
        return row.text(EMPLOYER_TEXT)
    return None


def _department(value: str | None) -> str | None:
    """'Cher (18 )' → '18'; a bare name or code is left to the model's own lookup."""
    if value is None:
        return None
    match = _DEPT_CODE.search(value)
    if match:
        code = match.group(1).upper()
        found = refdata().find_department(code)
        if found:
            return found.code
    found = refdata().find_department(value)
    return found.code if found else None


def _city(row: _Row, department: str | None) -> str | None:
    """The commune, from the place column or the address: a postcode followed by a name,
    a plain name, or '(Sous-)préfecture de X'."""
    for column in (PLACE, ADDRESS):
        value = row.text(column)
        if not value:
            continue
        match = _POSTCODE_CITY.search(value)
        if match:
            name = _CEDEX.sub("", match.group(1)).strip(" -")
            if name and any(ch.isalpha() for ch in name):
                return _city_case(name)
            continue
        if any(ch.isdigit() for ch in value) or len(value) > 50:
            continue
        prefecture = _PREFECTURE.match(value)
        if prefecture:
            name = prefecture.group(1)
            bare = re.sub(r"^(?:l'|la |le |les )", "", name, flags=re.IGNORECASE)
            if refdata().find_department(bare) is None:
                return _city_case(name)
            continue
        if _NOT_A_CITY.match(value):
            continue
        return _city_case(_CEDEX.sub("", value))
    return "Paris" if department == "75" else None


def _city_case(name: str) -> str:
    """'NEUILLY SUR SEINE' → 'Neuilly-sur-Seine', 'L' UNION' → "L'Union",
    'St georges de didonne' → 'Saint-Georges-de-Didonne', 'Le fousseret' → 'Le Fousseret'."""
    name = re.sub(r"([LlDd])['’]\s+", r"\1'", name.strip())
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    out: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in {"st", "st."}:
            out.append("Saint")
        elif lower in {"ste", "ste."}:
            out.append("Sainte")
        elif i > 0 and lower in _CITY_PARTICLES:
            out.append(lower)
        elif lower[:2] in {"l'", "d'"} and len(lower) > 2:
            head = lower[0].upper() if i == 0 else lower[0]
            out.append(head + "'" + lower[2:].capitalize())
        else:
            out.append(lower.capitalize())
    if len(out) > 1 and out[0].lower() in _CITY_ARTICLES:
        return out[0] + " " + "-".join(out[1:])
    return "-".join(out)


def _level(value: str | None, requirements: str) -> int | None:
    for text in (value, requirements):
        if text:
            level = refdata().parse_level(text)
            if level is not None:
                return level
    return None


def _requirements_list(line: str) -> str:
    """'Niveau II (…) - Expérience souhaitée : … - Permis B : Obligatoire' → bullet lines."""
    if not line:
        return ""
    parts = [part.strip() for part in re.split(r"\s+-\s+", line) if part.strip()]
    return "\n".join(f"- {part}" for part in parts)


def _duration(*texts: str) -> str | None:
    for text in texts:
        match = _CONTRACT_MONTHS.search(text)
        if match:
            return f"{int(match.group(1))} mois"
    return None


def _description(row: _Row, specifics: str) -> str:
    """Presentation texts, missions, context, specifics and working time, in that order."""
    parts: list[str] = []
    for column in (TITLE_LONG, EMPLOYER_TEXT):
        value = row.long_text(column)
        if "\n" in value:  # one-liners there are the title / employer name
            parts.append(value)
    employer = row.long_text(EMPLOYER_DESCRIPTION)
    if "\n" in employer or len(employer) >= 20:  # skip bare "Commune"
        parts.append(employer)
    parts += [row.long_text(MISSIONS), row.long_text(CONTEXT), specifics]
    working_time = row.text(WORKING_TIME)
    if working_time:
        parts.append(f"Temps de travail : {working_time.lower()}")
    unique: list[str] = []
    for part in parts:
        if part and part not in unique:
            unique.append(part)
    return "\n\n".join(unique)
