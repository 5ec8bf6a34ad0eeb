"""The demo catalogue: 50 real offers from a 2021 Place de l'emploi public export, moved to
the present, plus deterministic generated offers (mostly apprenticeships and internships).

``generate_offers`` is also what the benchmarks use to build large catalogues: offer *i*
depends only on ``(seed, i, today)``, so chunks generated with ``start`` line up with one big run.

Demo offers are recognised by what they are, not by a mark: a stored offer is a demo offer
when the demo would have put exactly it there, dates aside (:func:`is_demo_record`). That
also finds the demo offers of catalogues seeded before there was anything to recognise them
by, and never mistakes a real offer that happens to share a reference pattern.
"""

from __future__ import annotations

import base64
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pass_tui.data.models import Offer
from pass_tui.data.refdata import refdata
from pass_tui.data.text import fold

if TYPE_CHECKING:
    from pass_tui.data.catalogue.catalogue import Catalogue

__all__ = [
    "DEMO_GENERATED",
    "DEMO_SEED",
    "demo_offers",
    "generate_offers",
    "is_demo_record",
    "real_offers",
    "remove_demo_offers",
]

DEMO_SEED = 2026
DEMO_GENERATED = 200

# Real offers: how close to expiry a shifted closing date may be before it is pushed back.
_MIN_OPEN_DAYS = 7
_PUSHED_CLOSING_DAYS = 30


# -- real offers ------------------------------------------------------------------------------
@cache
def _real_records() -> tuple[dict[str, Any], ...]:
    text = (
        resources.files("pass_tui.data.catalogue")
        .joinpath("demo_data", "pep-2021.json")
        .read_text("utf-8")
    )
    return tuple(json.loads(text))


def real_offers(today: date) -> list[Offer]:
    """The 50 bundled real offers, every date moved by the same number of days so that the
    newest was published yesterday; a closing date that would fall within a week is pushed
    to ``today + 30 days`` so the demo never looks expired."""
    records = _real_records()
    newest = max(date.fromisoformat(r["published"]) for r in records)
    shift = (today - timedelta(days=1)) - newest
    floor = today + timedelta(days=_MIN_OPEN_DAYS)
    pushed = today + timedelta(days=_PUSHED_CLOSING_DAYS)
    offers: list[Offer] = []
    for record in records:
        record = dict(record)
        record["published"] = date.fromisoformat(record["published"]) + shift
        if record.get("start_date"):
            record["start_date"] = date.fromisoformat(record["start_date"]) + shift
        if record.get("closing"):
            closing = date.fromisoformat(record["closing"]) + shift
            record["closing"] = pushed if closing < floor else closing
        offers.append(Offer.model_validate(record))
    return offers


def demo_offers(today: date) -> list[Offer]:
    """What a fresh data directory starts with: the real offers and 200 generated ones."""
    return real_offers(today) + list(generate_offers(DEMO_GENERATED, seed=DEMO_SEED, today=today))


# -- recognising demo offers ------------------------------------------------------------------
_GENERATED_REFERENCE = re.compile(r"A-(\d{4})-(\d{6})")
_GENERATED_FIRST = 100000  # reference number of generated offer 0
_DATES = ("published", "closing", "start_date")


@cache
def _real_by_reference() -> dict[str, Offer]:
    return {record["reference"]: Offer.model_validate(record) for record in _real_records()}


def _generated_index(reference: str) -> tuple[int, int] | None:
    """(year, index) of a reference the demo generator gives, or None."""
    match = _GENERATED_REFERENCE.fullmatch(reference)
    if match is None:
        return None
    year, index = int(match.group(1)), int(match.group(2)) - _GENERATED_FIRST
    if year < 1 or not 0 <= index < DEMO_GENERATED:
        return None
    return year, index


def _might_be_demo(reference: str) -> bool:
    """A cheap first filter: the reference is one a demo offer can have."""
    return reference in _real_by_reference() or _generated_index(reference) is not None


def _undated(offer: Offer) -> dict[str, Any]:
    doc = offer.model_dump(mode="json")
    for name in _DATES:
        doc.pop(name)
    return doc


def is_demo_record(doc: dict[str, Any]) -> bool:
    """Whether a stored offer is one the demo put there, unchanged but for its dates.

    A real offer from the bundled 2021 export counts only with its dates moved (imported
    as it is, from the export itself, it keeps its own dates and is no demo). A generated
    offer's reference gives its year and number; the generator remakes it to compare.
    """
    try:
        offer = Offer.model_validate(doc)
    except ValidationError:
        return False
    real = _real_by_reference().get(offer.reference)
    if real is not None:
        return offer.published != real.published and _undated(offer) == _undated(real)
    found = _generated_index(offer.reference)
    if found is None:
        return False
    year, index = found
    made = next(generate_offers(1, seed=DEMO_SEED, today=date(year, 6, 30), start=index))
    return _undated(offer) == _undated(made)


def remove_demo_offers(catalogue: Catalogue) -> int:
    """Remove the demo offers from ``catalogue`` (idempotent); returns how many went.

    Offers an import has since replaced (same reference, other content) are kept.
    """
    candidates = [ref for ref in catalogue.references() if _might_be_demo(ref)]
    return catalogue.remove(candidates, where=is_demo_record)


# -- vocabulary -------------------------------------------------------------------------------
# Department code → (prefecture, "de" + the department's name with its article).
_DEPARTMENTS: dict[str, tuple[str, str]] = {
    "01": ("Bourg-en-Bresse", "de l'Ain"),
    "02": ("Laon", "de l'Aisne"),
    "03": ("Moulins", "de l'Allier"),
    "04": ("Digne-les-Bains", "des Alpes-de-Haute-Provence"),
    "05": ("Gap", "des Hautes-Alpes"),
    "06": ("Nice", "des Alpes-Maritimes"),
    "07": ("Privas", "de l'Ardèche"),
    "08": ("Charleville-Mézières", "des Ardennes"),
    "09": ("Foix", "de l'Ariège"),
    "10": ("Troyes", "de l'Aube"),
    "11": ("Carcassonne", "de l'Aude"),
    "12": ("Rodez", "de l'Aveyron"),
    "13": ("Marseille", "des Bouches-du-Rhône"),
    "14": ("Caen", "du Calvados"),
    "15": ("Aurillac", "du Cantal"),
    "16": ("Angoulême", "de la Charente"),
    "17": ("La Rochelle", "de la Charente-Maritime"),
    "18": ("Bourges", "du Cher"),
    "19": ("Tulle", "de la Corrèze"),
    "2A": ("Ajaccio", "de la Corse-du-Sud"),
    "2B": ("Bastia", "de la Haute-Corse"),
    "21": ("Dijon", "de la Côte-d'Or"),
    "22": ("Saint-Brieuc", "des Côtes-d'Armor"),
    "23": ("Guéret", "de la Creuse"),
    "24": ("Périgueux", "de la Dordogne"),
    "25": ("Besançon", "du Doubs"),
    "26": ("Valence", "de la Drôme"),
    "27": ("Évreux", "de l'Eure"),
    "28": ("Chartres", "d'Eure-et-Loir"),
    "29": ("Quimper", "du Finistère"),
    "30": ("Nîmes", "du Gard"),
    "31": ("Toulouse", "de la Haute-Garonne"),
    "32": ("Auch", "du Gers"),
    "33": ("Bordeaux", "de la Gironde"),
    "34": ("Montpellier", "de l'Hérault"),
    "35": ("Rennes", "d'Ille-et-Vilaine"),
    "36": ("Châteauroux", "de l'Indre"),
    "37": ("Tours", "d'Indre-et-Loire"),
    "38": ("Grenoble", "de l'Isère"),
    "39": ("Lons-le-Saunier", "du Jura"),
    "40": ("Mont-de-Marsan", "des Landes"),
    "41": ("Blois", "de Loir-et-Cher"),
    "42": ("Saint-Étienne", "de la Loire"),
    "43": ("Le Puy-en-Velay", "de la Haute-Loire"),
    "44": ("Nantes", "de la Loire-Atlantique"),
    "45": ("Orléans", "du Loiret"),
    "46": ("Cahors", "du Lot"),
    "47": ("Agen", "de Lot-et-Garonne"),
    "48": ("Mende", "de la Lozère"),
    "49": ("Angers", "de Maine-et-Loire"),
    "50": ("Saint-Lô", "de la Manche"),
    "51": ("Châlons-en-Champagne", "de la Marne"),
    "52": ("Chaumont", "de la Haute-Marne"),
    "53": ("Laval", "de la Mayenne"),
    "54": ("Nancy", "de Meurthe-et-Moselle"),
    "55": ("Bar-le-Duc", "de la Meuse"),
    "56": ("Vannes", "du Morbihan"),
    "57": ("Metz", "de la Moselle"),
    "58": ("Nevers", "de la Nièvre"),
    "59": ("Lille", "du Nord"),
    "60": ("Beauvais", "de l'Oise"),
    "61": ("Alençon", "de l'Orne"),
    "62": ("Arras", "du Pas-de-Calais"),
    "63": ("Clermont-Ferrand", "du Puy-de-Dôme"),
    "64": ("Pau", "des Pyrénées-Atlantiques"),
    "65": ("Tarbes", "des Hautes-Pyrénées"),
    "66": ("Perpignan", "des Pyrénées-Orientales"),
    "67": ("Strasbourg", "du Bas-Rhin"),
    "68": ("Colmar", "du Haut-Rhin"),
    "69": ("Lyon", "du Rhône"),
    "70": ("Vesoul", "de la Haute-Saône"),
    "71": ("Mâcon", "de Saône-et-Loire"),
    "72": ("Le Mans", "de la Sarthe"),
    "73": ("Chambéry", "de la Savoie"),
    "74": ("Annecy", "de la Haute-Savoie"),
    "75": ("Paris", "de Paris"),
    "76": ("Rouen", "de la Seine-Maritime"),
    "77": ("Melun", "de Seine-et-Marne"),
    "78": ("Versailles", "des Yvelines"),
    "79": ("Niort", "des Deux-Sèvres"),
    "80": ("Amiens", "de la Somme"),
    "81": ("Albi", "du Tarn"),
    "82": ("Montauban", "de Tarn-et-Garonne"),
    "83": ("Toulon", "du Var"),
    "84": ("Avignon", "de Vaucluse"),
    "85": ("La Roche-sur-Yon", "de la Vendée"),
    "86": ("Poitiers", "de la Vienne"),
    "87": ("Limoges", "de la Haute-Vienne"),
    "88": ("Épinal", "des Vosges"),
    "89": ("Auxerre", "de l'Yonne"),
    "90": ("Belfort", "du Territoire de Belfort"),
    "91": ("Évry-Courcouronnes", "de l'Essonne"),
    "92": ("Nanterre", "des Hauts-de-Seine"),
    "93": ("Bobigny", "de la Seine-Saint-Denis"),
    "94": ("Créteil", "du Val-de-Marne"),
    "95": ("Cergy", "du Val-d'Oise"),
    "971": ("Basse-Terre", "de la Guadeloupe"),
    "972": ("Fort-de-France", "de la Martinique"),
    "973": ("Cayenne", "de la Guyane"),
    "974": ("Saint-Denis", "de La Réunion"),
    "976": ("Mamoudzou", "de Mayotte"),
}

_OVERSEAS = frozenset({"971", "972", "973", "974", "976"})
# Prefectures that host a university hospital.
_CHU_CITIES = frozenset(
    [
        "06",
        "14",
        "21",
        "25",
        "30",
        "31",
        "33",
        "34",
        "35",
        "37",
        "38",
        "42",
        "44",
        "45",
        "49",
        "54",
        "59",
        "63",
        "67",
        "69",
        "76",
        "80",
        "86",
        "87",
        "971",
        "974",
    ]
)


@dataclass(frozen=True, slots=True)
class _Organisation:
    versant: str
    employers: tuple[str, ...]  # templates: {city} {de_city} {dept_de} {region} {code}
    mail_host: str  # template, same fields plus {city_slug} {region_slug}
    departments: frozenset[str] | None = None  # where it can be; None = anywhere


_ORGANISATIONS: dict[str, _Organisation] = {
    "Ministère de l'Intérieur": _Organisation(
        "FPE",
        ("Préfecture {dept_de}", "Secrétariat général commun départemental {dept_de}"),
        "prefecture-{code}.interieur.example",
    ),
    "Ministère des Armées": _Organisation(
        "FPE",
        (
            "Groupement de soutien de la base de défense {de_city}",
            "Centre d'information et de recrutement des forces armées {de_city}",
        ),
        "defense-{city_slug}.example",
    ),
    "Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique": (
        _Organisation(
            "FPE",
            (
                "Direction départementale des finances publiques {dept_de}",
                "Direction régionale de l'Insee – {region}",
            ),
            "dgfip-{code}.finances.example",
        )
    ),
    "Ministère de la Justice": _Organisation(
        "FPE",
        (
            "Tribunal judiciaire {de_city}",
            "Service pénitentiaire d'insertion et de probation {dept_de}",
            "Direction territoriale de la protection judiciaire de la jeunesse – {region}",
        ),
        "justice-{city_slug}.example",
    ),
    "Ministère de l'Éducation nationale": _Organisation(
        "FPE",
        (
            "Direction des services départementaux de l'Éducation nationale {dept_de}",
            "Rectorat de la région académique {region}",
        ),
        "ac-{region_slug}.example",
    ),
    "Ministère de l'Enseignement supérieur et de la Recherche": _Organisation(
        "FPE",
        ("Université {de_city}", "Crous – {region}"),
        "univ-{city_slug}.example",
    ),
    "Ministère de la Transition écologique": _Organisation(
        "FPE",
        (
            "Direction régionale de l'environnement, de l'aménagement et du logement – {region}",
            "Direction départementale des territoires {dept_de}",
        ),
        "dreal-{region_slug}.developpement-durable.example",
    ),
    "Ministère de l'Agriculture et de la Souveraineté alimentaire": _Organisation(
        "FPE",
        (
            "Direction régionale de l'alimentation, de l'agriculture et de la forêt – {region}",
            "Établissement public local d'enseignement agricole {de_city}",
        ),
        "draaf-{region_slug}.agriculture.example",
    ),
    "Ministère de la Culture": _Organisation(
        "FPE",
        (
            "Direction régionale des affaires culturelles – {region}",
            "Unité départementale de l'architecture et du patrimoine {dept_de}",
        ),
        "drac-{region_slug}.culture.example",
    ),
    "Ministère du Travail, de la Santé et des Solidarités": _Organisation(
        "FPE",
        (
            "Agence régionale de santé – {region}",
            "Direction régionale de l'économie, de l'emploi, du travail et des solidarités – {region}",
        ),
        "ars-{region_slug}.sante.example",
    ),
    "Ministère de l'Europe et des Affaires étrangères": _Organisation(
        "FPE",
        ("Ministère de l'Europe et des Affaires étrangères – site {de_city}",),
        "diplomatie.example",
        frozenset({"75", "44"}),
    ),
    "Services du Premier ministre": _Organisation(
        "FPE",
        (
            "Direction interministérielle du numérique (DINUM)",
            "Direction de l'information légale et administrative (DILA)",
            "Secrétariat général de la défense et de la sécurité nationale (SGDSN)",
        ),
        "premier-ministre.example",
        frozenset({"75"}),
    ),
    "Caisse des dépôts": _Organisation(
        "FPE",
        (
            "Caisse des dépôts – direction régionale {region}",
            "Banque des Territoires – direction régionale {region}",
        ),
        "caissedesdepots.example",
    ),
    "Fonction publique hospitalière": _Organisation(
        "FPH",
        ("Centre hospitalier {de_city}", "Centre hospitalier spécialisé {de_city}"),
        "ch-{city_slug}.example",
    ),
    "Fonction publique territoriale": _Organisation(
        "FPT",
        ("Centre de gestion de la fonction publique territoriale {dept_de}",),
        "cdg{code}.example",
    ),
    "Ministère des Sports, de la Jeunesse et de la Vie associative": _Organisation(
        "FPE",
        (
            "Service départemental à la jeunesse, à l'engagement et aux sports {dept_de}",
            "Délégation régionale académique à la jeunesse, à l'engagement et aux sports – {region}",
        ),
        "sdjes-{code}.sports.example",
    ),
    "Ministère des Outre-mer": _Organisation(
        "FPE",
        (
            "Régiment du service militaire adapté {dept_de}",
            "Agence de l'outre-mer pour la mobilité – {region}",
        ),
        "outre-mer-{code}.example",
        _OVERSEAS,
    ),
    "Conseil d'État et juridictions administratives": _Organisation(
        "FPE", ("Tribunal administratif {de_city}",), "ta-{city_slug}.juradm.example"
    ),
    "Cour des comptes et juridictions financières": _Organisation(
        "FPE", ("Chambre régionale des comptes – {region}",), "crc-{region_slug}.ccomptes.example"
    ),
    "Centre national de la recherche scientifique (CNRS)": _Organisation(
        "FPE", ("Délégation régionale du CNRS – {region}",), "dr-{region_slug}.cnrs.example"
    ),
    "Météo-France": _Organisation(
        "FPE", ("Météo-France – centre météorologique {de_city}",), "meteo-{code}.example"
    ),
    "Office national des forêts (ONF)": _Organisation(
        "FPE",
        ("Office national des forêts – agence territoriale {de_city}",),
        "onf-{city_slug}.example",
    ),
    "Assistance publique – Hôpitaux de Paris (AP-HP)": _Organisation(
        "FPH",
        ("AP-HP – groupe hospitalo-universitaire {de_city}",),
        "aphp-{city_slug}.example",
        frozenset({"75", "93", "94"}),
    ),
    "Centres hospitaliers universitaires (CHU)": _Organisation(
        "FPH",
        ("Centre hospitalier universitaire {de_city}",),
        "chu-{city_slug}.example",
        _CHU_CITIES,
    ),
    "Établissements sociaux et médico-sociaux": _Organisation(
        "FPH",
        (
            "EHPAD public {de_city}",
            "Institut médico-éducatif {de_city}",
            "Maison d'accueil spécialisée {de_city}",
        ),
        "esms-{city_slug}.example",
    ),
    "Conseils régionaux": _Organisation(
        "FPT", ("Région {region}",), "region-{region_slug}.example"
    ),
    "Conseils départementaux": _Organisation(
        "FPT", ("Conseil départemental {dept_de}",), "departement{code}.example"
    ),
    "Communes et intercommunalités": _Organisation(
        "FPT",
        ("Mairie {de_city}", "Ville {de_city}", "Centre communal d'action sociale {de_city}"),
        "ville-{city_slug}.example",
    ),
    "Services départementaux d'incendie et de secours (SDIS)": _Organisation(
        "FPT",
        ("Service départemental d'incendie et de secours {dept_de}",),
        "sdis{code}.example",
        frozenset(_DEPARTMENTS) - {"75", "92", "93", "94"},  # Paris fire brigade there
    ),
}

# First word of an employer name → its article, to write "de la Préfecture", "du Tribunal".
_ARTICLES = {
    "Agence": "l'", "AP-HP": "l'", "Banque": "la", "Caisse": "la", "Centre": "le",
    "Chambre": "la", "Conseil": "le", "Crous": "le", "Délégation": "la", "Direction": "la",
    "EHPAD": "l'", "Groupement": "le", "Institut": "l'", "Mairie": "la", "Maison": "la",
    "Météo-France": "", "Ministère": "le", "Office": "l'", "Préfecture": "la", "Rectorat": "le",
    "Région": "la", "Régiment": "le", "Secrétariat": "le", "Service": "le", "Tribunal": "le",
    "Unité": "l'", "Université": "l'", "Ville": "la", "Établissement": "l'",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Domain:
    nouns: tuple[str, ...]  # job nouns, gender-inclusive, lower case
    fields: tuple[str, ...]  # "Stagiaire en {field}"
    service: str
    tasks: tuple[str, ...]  # infinitive phrases
    skills: tuple[str, ...]
    organisations: tuple[str, ...]
    employers: dict[str, tuple[str, ...]] | None = None  # per-organisation overrides


_ECO = "Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique"
_AGRI = "Ministère de l'Agriculture et de la Souveraineté alimentaire"
_TRAVAIL = "Ministère du Travail, de la Santé et des Solidarités"
_ESR = "Ministère de l'Enseignement supérieur et de la Recherche"

_DOMAINS: dict[str, _Domain] = {
    "Accueil, secrétariat, service aux usagers": _Domain(
        (
            "agent(e) d'accueil",
            "assistant(e) administratif(ve)",
            "secrétaire",
            "chargé(e) de relation aux usagers",
        ),
        ("accueil des usagers", "gestion administrative", "relation aux usagers"),
        "Service de l'accueil et des usagers",
        (
            "accueillir, orienter et renseigner les usagers au guichet et au téléphone",
            "gérer le courrier entrant et sortant du service",
            "mettre à jour les outils de suivi des demandes",
            "préparer les rendez-vous et tenir les agendas",
            "participer à l'amélioration de la qualité de l'accueil",
            "rédiger des courriers simples et des comptes rendus",
        ),
        ("sens du service public", "aisance relationnelle", "maîtrise des outils bureautiques"),
        (
            "Ministère de l'Intérieur",
            "Communes et intercommunalités",
            "Conseils départementaux",
            "Fonction publique territoriale",
        ),
    ),
    "Achats": _Domain(
        ("acheteur(se) public(que)", "assistant(e) achats", "gestionnaire des marchés publics"),
        ("achats publics", "commande publique", "marchés publics"),
        "Service de la commande publique",
        (
            "participer à la rédaction des pièces de marchés (cahier des charges, règlement de consultation)",
            "analyser les offres des entreprises et préparer les rapports d'analyse",
            "réaliser des sourcings et des comparatifs de fournisseurs",
            "suivre l'exécution financière des marchés",
            "contribuer à la cartographie des achats",
            "mettre à jour les tableaux de bord achats",
        ),
        ("rigueur juridique", "capacités d'analyse", "aisance avec les tableurs"),
        (
            "Ministère des Armées",
            _ECO,
            "Conseils régionaux",
            "Centres hospitaliers universitaires (CHU)",
        ),
    ),
    "Architecture, urbanisme": _Domain(
        (
            "instructeur(rice) des autorisations d'urbanisme",
            "chargé(e) d'études en urbanisme",
            "assistant(e) urbaniste",
            "dessinateur(rice) projeteur(se)",
        ),
        ("urbanisme", "aménagement du territoire", "planification urbaine"),
        "Direction de l'urbanisme et de l'aménagement",
        (
            "instruire les demandes de permis de construire et les déclarations préalables",
            "participer à l'élaboration du plan local d'urbanisme intercommunal",
            "réaliser des cartographies sous SIG",
            "accueillir et conseiller les porteurs de projets",
            "contribuer aux études de revitalisation des centres-bourgs",
            "préparer les dossiers de la commission d'urbanisme",
        ),
        (
            "connaissance du code de l'urbanisme",
            "maîtrise d'un logiciel de SIG (QGIS)",
            "qualités rédactionnelles",
        ),
        (
            "Communes et intercommunalités",
            "Ministère de la Transition écologique",
            "Conseils départementaux",
        ),
    ),
    "Culture et métiers d'art": _Domain(
        (
            "restaurateur(rice) du patrimoine",
            "assistant(e) de conservation",
            "chargé(e) d'action culturelle",
            "ébéniste d'art",
        ),
        ("conservation-restauration", "action culturelle", "métiers d'art"),
        "Direction des affaires culturelles",
        (
            "participer aux constats d'état et aux campagnes de restauration des collections",
            "préparer les dossiers d'œuvres et la documentation",
            "contribuer à l'organisation d'expositions temporaires",
            "assurer le suivi des prêts et des mouvements d'œuvres",
            "travailler en atelier sur des objets en bois, textile ou métal",
            "suivre les partenariats avec les acteurs culturels du territoire",
        ),
        ("curiosité pour le patrimoine", "minutie", "sens du travail en équipe"),
        ("Ministère de la Culture", "Communes et intercommunalités", "Conseils régionaux"),
    ),
    "BTP, immobilier": _Domain(
        (
            "technicien(ne) bâtiment",
            "conducteur(rice) de travaux",
            "agent(e) de maintenance des bâtiments",
            "chargé(e) d'opérations immobilières",
        ),
        ("maîtrise d'ouvrage publique", "gestion immobilière", "maintenance du patrimoine bâti"),
        "Direction du patrimoine bâti",
        (
            "suivre les chantiers de rénovation énergétique des bâtiments publics",
            "réaliser des diagnostics techniques et des métrés",
            "préparer les dossiers de consultation des entreprises",
            "planifier les interventions de maintenance préventive",
            "contrôler la conformité des travaux réalisés",
            "mettre à jour l'inventaire du patrimoine immobilier",
        ),
        ("lecture de plans", "connaissances en second œuvre", "permis B"),
        (
            "Communes et intercommunalités",
            "Conseils départementaux",
            "Ministère de la Justice",
            _ECO,
        ),
    ),
    "Big data et statistiques": _Domain(
        ("data analyst", "chargé(e) d'études statistiques", "data scientist", "statisticien(ne)"),
        ("statistique publique", "science des données", "analyse de données"),
        "Service statistique ministériel",
        (
            "collecter, nettoyer et fiabiliser des données administratives",
            "produire des tableaux de bord et des indicateurs de pilotage",
            "réaliser des analyses statistiques et économétriques",
            "contribuer à l'ouverture des données publiques",
            "développer des scripts de traitement en Python ou en R",
            "rédiger des notes de synthèse et des publications",
        ),
        ("maîtrise de Python, R ou SAS", "rigueur méthodologique", "capacités de synthèse"),
        (_ECO, _TRAVAIL, "Ministère de l'Éducation nationale", "Caisse des dépôts"),
    ),
    "Chimie, biologie, laboratoire, recherche": _Domain(
        (
            "technicien(ne) de laboratoire",
            "assistant(e) ingénieur(e) en biologie",
            "technicien(ne) d'analyses",
            "chargé(e) de recherche",
        ),
        ("biologie moléculaire", "chimie analytique", "recherche en environnement"),
        "Laboratoire d'analyses",
        (
            "préparer les échantillons et réaliser les analyses selon les protocoles",
            "assurer la traçabilité des résultats",
            "participer à la maintenance des équipements de laboratoire",
            "contribuer à la mise au point de nouvelles méthodes",
            "gérer les stocks de réactifs et de consommables",
            "appliquer les règles d'hygiène et de sécurité du laboratoire",
        ),
        (
            "rigueur expérimentale",
            "connaissance des bonnes pratiques de laboratoire",
            "anglais scientifique",
        ),
        (
            "Centre national de la recherche scientifique (CNRS)",
            _ESR,
            _AGRI,
            "Conseils départementaux",
        ),
    ),
    "Commerce, vente": _Domain(
        (
            "vendeur(se) en boutique de musée",
            "chargé(e) de développement commercial",
            "assistant(e) commercial(e)",
            "placier(ère) de marché",
        ),
        ("commercialisation", "développement commercial", "vente"),
        "Service des publics et de la commercialisation",
        (
            "accueillir et conseiller la clientèle",
            "tenir la caisse et réaliser les encaissements",
            "suivre les stocks et passer les commandes",
            "participer à la mise en valeur des produits",
            "analyser les chiffres de vente",
            "contribuer aux actions de promotion",
        ),
        ("sens commercial", "aisance relationnelle", "rigueur dans la tenue de caisse"),
        (
            "Ministère de la Culture",
            "Communes et intercommunalités",
            "Office national des forêts (ONF)",
            "Caisse des dépôts",
        ),
    ),
    "Communication, multimédia": _Domain(
        (
            "chargé(e) de communication",
            "assistant(e) de communication",
            "community manager",
            "graphiste",
            "webmestre",
        ),
        ("communication numérique", "communication institutionnelle", "création graphique"),
        "Service de la communication",
        (
            "animer les réseaux sociaux et rédiger les publications",
            "réaliser des supports imprimés et numériques",
            "mettre à jour le site internet",
            "participer à l'organisation d'événements",
            "réaliser des reportages photo et vidéo",
            "suivre les statistiques d'audience",
        ),
        (
            "excellentes qualités rédactionnelles",
            "maîtrise d'outils de création graphique",
            "créativité",
        ),
        (
            "Services du Premier ministre",
            "Conseils régionaux",
            "Communes et intercommunalités",
            "Ministère des Armées",
        ),
    ),
    "Diplomatie et relations internationales": _Domain(
        (
            "chargé(e) de mission affaires européennes",
            "assistant(e) de coopération internationale",
            "agent(e) consulaire",
            "chargé(e) de projets internationaux",
        ),
        ("relations internationales", "affaires européennes", "coopération décentralisée"),
        "Délégation aux affaires européennes et internationales",
        (
            "suivre les programmes européens et les appels à projets",
            "préparer les visites de délégations étrangères",
            "rédiger des notes de synthèse et des éléments de langage",
            "assurer la veille sur l'actualité européenne",
            "contribuer au suivi des partenariats de coopération",
            "traduire des documents de l'anglais vers le français",
        ),
        (
            "anglais courant, une deuxième langue est un plus",
            "connaissance des institutions européennes",
            "aisance rédactionnelle",
        ),
        ("Ministère de l'Europe et des Affaires étrangères", "Conseils régionaux", _AGRI),
    ),
    "Documentation, archives, bibliothèque": _Domain(
        ("archiviste", "documentaliste", "assistant(e) de bibliothèque", "agent(e) du patrimoine"),
        ("archivistique", "documentation", "gestion des bibliothèques"),
        "Service des archives et de la documentation",
        (
            "trier, classer et inventorier des fonds d'archives",
            "rédiger des instruments de recherche",
            "accueillir le public en salle de lecture",
            "participer aux opérations de numérisation",
            "gérer la circulation des documents et les abonnements",
            "animer des ateliers autour du livre et de la lecture",
        ),
        (
            "rigueur et sens de l'organisation",
            "connaissance des normes de description archivistique",
            "goût pour le travail en équipe",
        ),
        (
            "Conseils départementaux",
            "Communes et intercommunalités",
            "Ministère de la Culture",
            _ESR,
        ),
    ),
    "Droit, affaires juridiques, fiscalité": _Domain(
        (
            "juriste",
            "assistant(e) juridique",
            "greffier(ère)",
            "inspecteur(rice) des finances publiques",
        ),
        ("droit public", "contentieux administratif", "fiscalité"),
        "Service des affaires juridiques",
        (
            "rédiger des notes juridiques et des projets d'actes",
            "préparer les mémoires en défense dans les contentieux",
            "assurer une veille juridique et jurisprudentielle",
            "apporter un appui juridique aux services",
            "participer à la sécurisation des procédures",
            "suivre les dossiers précontentieux",
        ),
        (
            "solides connaissances en droit public",
            "capacités d'analyse et de synthèse",
            "qualités rédactionnelles",
        ),
        (
            "Ministère de la Justice",
            "Conseil d'État et juridictions administratives",
            _ECO,
            "Communes et intercommunalités",
        ),
    ),
    "Enseignement": _Domain(
        (
            "assistant(e) pédagogique",
            "formateur(rice)",
            "accompagnant(e) d'élèves en situation de handicap",
            "professeur(e) de lycée professionnel",
        ),
        ("ingénierie pédagogique", "formation professionnelle", "accompagnement scolaire"),
        "Pôle pédagogique",
        (
            "concevoir des séquences pédagogiques",
            "accompagner les élèves dans leurs apprentissages",
            "participer aux conseils de classe et aux réunions d'équipe",
            "préparer des ressources éducatives numériques",
            "assurer le suivi individualisé des élèves",
            "contribuer aux projets d'établissement",
        ),
        ("goût pour la transmission", "patience et écoute", "sens du travail en équipe"),
        ("Ministère de l'Éducation nationale", _AGRI, _ESR),
    ),
    "Économie, gestion, finances, comptabilité": _Domain(
        (
            "contrôleur(se) de gestion",
            "gestionnaire budgétaire et comptable",
            "assistant(e) comptable",
            "chargé(e) d'analyse financière",
        ),
        ("contrôle de gestion", "finances publiques", "comptabilité publique"),
        "Direction des finances",
        (
            "préparer et suivre l'exécution budgétaire",
            "saisir et contrôler les engagements et les mandats",
            "construire des tableaux de bord de pilotage",
            "participer à la préparation du budget primitif",
            "analyser les coûts des politiques publiques",
            "contribuer à la clôture des comptes annuels",
        ),
        ("aisance avec les chiffres", "maîtrise d'un tableur", "rigueur"),
        (
            _ECO,
            "Conseils régionaux",
            "Caisse des dépôts",
            "Centres hospitaliers universitaires (CHU)",
        ),
    ),
    "Environnement, espaces verts, énergie": _Domain(
        (
            "jardinier(ère) paysagiste",
            "chargé(e) de mission biodiversité",
            "technicien(ne) environnement",
            "agent(e) d'entretien des espaces naturels",
            "conseiller(ère) en énergie",
        ),
        ("gestion des espaces naturels", "transition énergétique", "biodiversité"),
        "Service des espaces verts et de l'environnement",
        (
            "entretenir les espaces verts selon une gestion différenciée",
            "réaliser des inventaires de la faune et de la flore",
            "participer à la mise en œuvre du plan climat",
            "sensibiliser le public aux enjeux environnementaux",
            "suivre les consommations énergétiques des bâtiments",
            "contribuer aux plantations et à la création de massifs",
        ),
        ("intérêt pour l'écologie", "connaissance des végétaux", "goût du travail en extérieur"),
        (
            "Communes et intercommunalités",
            "Ministère de la Transition écologique",
            "Office national des forêts (ONF)",
            "Conseils départementaux",
        ),
    ),
    "Etudes, qualité, audit": _Domain(
        (
            "chargé(e) d'études",
            "auditeur(rice) interne",
            "chargé(e) de mission qualité",
            "chargé(e) d'évaluation des politiques publiques",
        ),
        ("audit interne", "démarche qualité", "évaluation des politiques publiques"),
        "Mission audit et qualité",
        (
            "participer aux missions d'audit interne",
            "cartographier les processus et les risques",
            "suivre la démarche qualité et ses indicateurs",
            "conduire des entretiens et des enquêtes",
            "rédiger des rapports et des recommandations",
            "préparer les revues de direction",
        ),
        ("esprit d'analyse", "qualités rédactionnelles", "diplomatie"),
        (
            "Cour des comptes et juridictions financières",
            _ECO,
            "Centres hospitaliers universitaires (CHU)",
            "Conseils régionaux",
        ),
    ),
    "Hygiène et sécurité, prévention des risques professionnels": _Domain(
        (
            "assistant(e) de prévention",
            "conseiller(ère) en prévention des risques professionnels",
            "technicien(ne) hygiène et sécurité",
            "préventeur(rice)",
        ),
        (
            "santé et sécurité au travail",
            "prévention des risques professionnels",
            "qualité de vie au travail",
        ),
        "Service prévention et santé au travail",
        (
            "mettre à jour le document unique d'évaluation des risques",
            "réaliser des visites de sites et des études de postes",
            "analyser les accidents de service",
            "animer des actions de sensibilisation",
            "suivre les registres de santé et de sécurité",
            "préparer les réunions de la formation spécialisée",
        ),
        (
            "connaissance de la réglementation en santé et sécurité au travail",
            "pédagogie",
            "sens de l'observation",
        ),
        (
            "Conseils départementaux",
            "Ministère des Armées",
            "Fonction publique hospitalière",
            "Communes et intercommunalités",
        ),
    ),
    "Hôtellerie, restauration, tourisme": _Domain(
        (
            "cuisinier(ère)",
            "commis de cuisine",
            "agent(e) de restauration",
            "chargé(e) d'accueil touristique",
        ),
        ("restauration collective", "tourisme", "hôtellerie"),
        "Service de la restauration collective",
        (
            "préparer les repas dans le respect des règles HACCP",
            "participer à l'élaboration des menus",
            "réceptionner et contrôler les livraisons",
            "assurer le service et l'entretien de la salle",
            "valoriser les produits locaux et de saison",
            "accueillir et renseigner les visiteurs",
        ),
        ("connaissance des normes d'hygiène (HACCP)", "rapidité d'exécution", "esprit d'équipe"),
        (
            "Communes et intercommunalités",
            "Ministère des Armées",
            "Conseils régionaux",
            "Fonction publique hospitalière",
        ),
    ),
    "Industrie, aéronautique": _Domain(
        (
            "technicien(ne) de maintenance aéronautique",
            "mécanicien(ne) aéronautique",
            "technicien(ne) en usinage",
            "électrotechnicien(ne)",
        ),
        ("maintenance aéronautique", "génie mécanique", "production industrielle"),
        "Atelier de maintenance",
        (
            "réaliser des opérations de maintenance sur aéronefs",
            "diagnostiquer des pannes mécaniques et électriques",
            "renseigner la documentation technique",
            "participer aux contrôles qualité",
            "usiner des pièces sur machines à commande numérique",
            "appliquer les procédures de sécurité industrielle",
        ),
        ("goût pour la technique", "rigueur", "lecture de documentation technique en anglais"),
        ("Ministère des Armées", "Météo-France"),
        {"Ministère des Armées": ("Service industriel de l'aéronautique – site {de_city}",)},
    ),
    "Logistique, maintenance, transport": _Domain(
        (
            "magasinier(ère)",
            "agent(e) logistique",
            "mécanicien(ne) automobile",
            "chauffeur(se) poids lourd",
            "gestionnaire de flotte automobile",
        ),
        ("logistique", "gestion de flotte", "chaîne d'approvisionnement"),
        "Service logistique et moyens généraux",
        (
            "réceptionner, contrôler et ranger les marchandises",
            "préparer les commandes et les expéditions",
            "tenir à jour les stocks dans le logiciel de gestion",
            "assurer l'entretien courant des véhicules",
            "organiser les tournées et les déménagements de services",
            "participer aux inventaires",
        ),
        ("sens de l'organisation", "permis B, CACES apprécié", "esprit d'équipe"),
        (
            "Ministère de l'Intérieur",
            "Ministère des Armées",
            "Communes et intercommunalités",
            "Centres hospitaliers universitaires (CHU)",
        ),
    ),
    "Médiation culturelle et valorisation des patrimoines": _Domain(
        (
            "médiateur(rice) culturel(le)",
            "guide-conférencier(ère)",
            "chargé(e) des publics",
            "animateur(rice) du patrimoine",
        ),
        ("médiation culturelle", "valorisation du patrimoine", "développement des publics"),
        "Service des publics",
        (
            "concevoir et animer des visites et des ateliers",
            "accueillir des groupes scolaires",
            "participer à la programmation culturelle",
            "réaliser des supports de médiation",
            "développer des partenariats avec les acteurs sociaux et éducatifs",
            "évaluer la fréquentation et la satisfaction des publics",
        ),
        ("aisance à l'oral", "culture générale et artistique", "goût pour la transmission"),
        ("Ministère de la Culture", "Communes et intercommunalités", "Conseils départementaux"),
    ),
    "Métiers de l'image, spectacle, production culturelle": _Domain(
        (
            "technicien(ne) son et lumière",
            "régisseur(se) de spectacle",
            "monteur(se) vidéo",
            "photographe",
            "assistant(e) de production",
        ),
        ("production audiovisuelle", "régie de spectacle", "photographie"),
        "Service audiovisuel et événementiel",
        (
            "installer et exploiter le matériel son, lumière et vidéo",
            "préparer les fiches techniques des spectacles",
            "réaliser des prises de vue et des montages vidéo",
            "assurer la régie des événements",
            "entretenir le parc de matériel scénique",
            "archiver et indexer les productions",
        ),
        (
            "maîtrise d'un logiciel de montage",
            "disponibilité en soirée et le week-end",
            "respect des règles de sécurité",
        ),
        (
            "Ministère des Armées",
            "Ministère de la Culture",
            "Communes et intercommunalités",
            "Conseils régionaux",
        ),
    ),
    "Numérique, digital": _Domain(
        (
            "développeur(se) web",
            "chef(fe) de projet numérique",
            "designer UX/UI",
            "chargé(e) de transformation numérique",
        ),
        ("transformation numérique", "développement web", "design de services numériques"),
        "Direction du numérique",
        (
            "développer des fonctionnalités pour des services en ligne",
            "participer aux ateliers avec les utilisateurs",
            "écrire des tests automatisés",
            "contribuer à l'accessibilité numérique (RGAA)",
            "animer les rituels de l'équipe agile",
            "documenter les développements",
        ),
        (
            "connaissances en HTML, CSS et JavaScript",
            "curiosité technique",
            "goût pour le travail en mode agile",
        ),
        ("Services du Premier ministre", _ECO, "Ministère de l'Intérieur", "Conseils régionaux"),
    ),
    "Petite enfance": _Domain(
        (
            "auxiliaire de puériculture",
            "éducateur(rice) de jeunes enfants",
            "agent(e) d'accueil petite enfance",
            "agent(e) territorial(e) spécialisé(e) des écoles maternelles",
        ),
        ("petite enfance", "éducation des jeunes enfants", "accueil du jeune enfant"),
        "Direction de la petite enfance",
        (
            "accueillir les enfants et leurs familles",
            "proposer des activités d'éveil adaptées",
            "veiller à l'hygiène, à la sécurité et au bien-être des enfants",
            "participer à l'élaboration du projet pédagogique",
            "accompagner les temps de repas et de sieste",
            "transmettre les informations aux parents",
        ),
        ("bienveillance", "sens de l'observation", "travail en équipe"),
        (
            "Communes et intercommunalités",
            "Conseils départementaux",
            "Centres hospitaliers universitaires (CHU)",
        ),
    ),
    "Ressources humaines": _Domain(
        (
            "gestionnaire ressources humaines",
            "assistant(e) ressources humaines",
            "chargé(e) de recrutement",
            "chargé(e) de formation",
            "gestionnaire paie",
        ),
        ("gestion des ressources humaines", "recrutement", "formation professionnelle"),
        "Direction des ressources humaines",
        (
            "gérer les dossiers administratifs des agents",
            "préparer les éléments de paie",
            "participer aux campagnes de recrutement",
            "organiser les sessions de formation",
            "répondre aux questions des agents",
            "mettre à jour les tableaux de bord RH",
        ),
        ("discrétion professionnelle", "rigueur", "aisance relationnelle"),
        (
            "Ministère de l'Éducation nationale",
            "Ministère de l'Intérieur",
            "Conseils départementaux",
            "Centres hospitaliers universitaires (CHU)",
            "Fonction publique territoriale",
        ),
    ),
    "Santé, médico-social": _Domain(
        (
            "préparateur(rice) en pharmacie hospitalière",
            "aide-soignant(e)",
            "infirmier(ère)",
            "assistant(e) de service social",
            "manipulateur(rice) en électroradiologie médicale",
        ),
        ("santé publique", "accompagnement médico-social", "pharmacie hospitalière"),
        "Pôle soins et accompagnement",
        (
            "participer à la prise en charge des patients",
            "préparer et dispenser les traitements",
            "accompagner les personnes âgées dans les actes de la vie quotidienne",
            "assurer la traçabilité dans le dossier patient informatisé",
            "participer aux transmissions en équipe pluridisciplinaire",
            "contribuer aux actions d'éducation à la santé",
        ),
        (
            "sens de l'écoute",
            "respect du secret professionnel",
            "travail en équipe pluridisciplinaire",
        ),
        (
            "Centres hospitaliers universitaires (CHU)",
            "Fonction publique hospitalière",
            "Établissements sociaux et médico-sociaux",
            "Assistance publique – Hôpitaux de Paris (AP-HP)",
            "Conseils départementaux",
        ),
    ),
    "Sécurité, défense": _Domain(
        (
            "agent(e) de sécurité",
            "policier(ère) municipal(e)",
            "sapeur(se)-pompier(ère)",
            "analyste en sécurité",
            "opérateur(rice) de vidéoprotection",
        ),
        ("sécurité intérieure", "gestion de crise", "défense"),
        "Service de la sécurité et de la défense",
        (
            "participer à la planification de la gestion de crise",
            "contrôler les accès aux sites sensibles",
            "exploiter les images de vidéoprotection",
            "assurer des patrouilles de surveillance",
            "préparer les exercices de sécurité civile",
            "rédiger des rapports et des mains courantes",
        ),
        ("sens des responsabilités", "discrétion", "bonne condition physique"),
        (
            "Ministère de l'Intérieur",
            "Ministère des Armées",
            "Services départementaux d'incendie et de secours (SDIS)",
            "Communes et intercommunalités",
        ),
    ),
    "Sport, animation": _Domain(
        (
            "animateur(rice) sportif(ve)",
            "éducateur(rice) des activités physiques et sportives",
            "animateur(rice) enfance-jeunesse",
            "maître-nageur(se) sauveteur(se)",
        ),
        ("animation sportive", "animation socioculturelle", "politiques sportives"),
        "Direction des sports et de la jeunesse",
        (
            "encadrer des activités sportives pour tous les publics",
            "concevoir des projets d'animation",
            "assurer la surveillance des bassins",
            "participer à l'organisation de manifestations sportives",
            "accueillir les enfants en accueil de loisirs",
            "entretenir le matériel sportif",
        ),
        ("dynamisme", "diplôme d'animation (BAFA, BPJEPS) apprécié", "sens de la pédagogie"),
        (
            "Communes et intercommunalités",
            "Ministère des Sports, de la Jeunesse et de la Vie associative",
            "Conseils départementaux",
        ),
    ),
    "Systèmes d'information, réseau, intelligence artificielle": _Domain(
        (
            "technicien(ne) support informatique",
            "administrateur(rice) systèmes et réseaux",
            "développeur(se) d'applications",
            "ingénieur(e) en intelligence artificielle",
            "analyste en cybersécurité",
        ),
        ("systèmes et réseaux", "cybersécurité", "intelligence artificielle"),
        "Direction des systèmes d'information",
        (
            "assurer le support de proximité auprès des utilisateurs",
            "administrer les serveurs et l'infrastructure réseau",
            "participer au déploiement des postes de travail",
            "contribuer à la sécurité du système d'information",
            "développer des scripts d'automatisation",
            "expérimenter des modèles d'apprentissage automatique",
        ),
        (
            "connaissances des systèmes Linux et Windows",
            "goût pour la résolution de problèmes",
            "sens du service",
        ),
        (
            "Ministère de l'Intérieur",
            "Ministère des Armées",
            "Ministère de la Justice",
            "Centres hospitaliers universitaires (CHU)",
            "Météo-France",
        ),
    ),
}

# First word of a service name → "au sein de" form.
_SERVICE_DE = {
    "Service": "du service", "Direction": "de la direction", "Pôle": "du pôle",
    "Mission": "de la mission", "Délégation": "de la délégation",
    "Laboratoire": "du laboratoire", "Atelier": "de l'atelier",
}  # fmt: skip

_DIPLOMAS = {
    3: "un CAP",
    4: "un baccalauréat professionnel",
    5: "un BTS ou un BUT",
    6: "une licence professionnelle ou un BUT",
    7: "un master ou un diplôme d'ingénieur",
    8: "un doctorat",
}
_DIPLOMA_SHORT = {3: "CAP", 4: "Bac pro", 5: "BTS", 6: "Licence pro", 7: "Master", 8: "Doctorat"}
_APPRENTICE_DURATIONS = {
    3: ("24 mois", "Entre 12 et 24 mois"),
    4: ("24 mois", "36 mois"),
    5: ("24 mois", "Entre 12 et 24 mois"),
    6: ("12 mois", "Entre 12 et 36 mois"),
    7: ("24 mois", "Entre 24 et 36 mois"),
}
_INTERNSHIP_DURATIONS = {
    4: ("6 semaines", "2 mois"),
    5: ("2 mois", "3 mois"),
    6: ("3 mois", "4 mois"),
    7: ("6 mois", "5 mois"),
}
_RHYTHMS = (
    "2 jours en formation, 3 jours dans le service",
    "1 semaine en formation, 2 semaines dans le service",
    "alternance mensuelle entre le centre de formation et le service",
)

# Nature by index: half apprenticeships, 30 % internships, 10 % each for the two others.
_NATURE_SLOTS = (2, 2, 2, 2, 2, 3, 3, 3, 0, 1)  # index into refdata().natures
# Level cycle by nature (index into refdata().natures): 8 only for contract researchers.
_LEVEL_CYCLES = ((3, 4, 5, 6, 7), (5, 6, 7, 8), (3, 4, 5, 6, 7), (4, 5, 6, 7))
_DESCRIPTION_MIN, _DESCRIPTION_MAX = 400, 700
_CATEGORY_BY_LEVEL = {3: "C", 4: "C", 5: "B", 6: "A", 7: "A", 8: "A"}


# -- generator --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Place:
    code: str
    region: str
    region_name: str
    city: str
    dept_de: str


@cache
def _tables() -> tuple[tuple[str, ...], tuple[_Place, ...], tuple[str, ...]]:
    """Domains, places and natures in reference order, checked against the vocabulary."""
    rd = refdata()
    domains = rd.domain_names
    missing = [name for name in domains if name not in _DOMAINS]
    if missing:
        raise RuntimeError(f"demo vocabulary lacks domains: {missing}")
    places = tuple(
        _Place(d.code, d.region, rd.region_name(d.region), *_DEPARTMENTS[d.code])
        for d in rd.departments
    )
    for name, domain in _DOMAINS.items():
        unknown = [o for o in domain.organisations if o not in rd.organisations]
        if unknown:
            raise RuntimeError(f"demo vocabulary for {name}: unknown organisations {unknown}")
        if all(_ORGANISATIONS[o].departments is not None for o in domain.organisations):
            raise RuntimeError(f"demo vocabulary for {name}: no organisation works everywhere")
    return domains, places, rd.natures


@cache
def _metiers(domain_name: str, versant: str) -> tuple[str | None, ...]:
    """The domain's métiers for a versant (all of them when none match; None when empty)."""
    metiers = next(d.metiers for d in refdata().domains if d.name == domain_name)
    return tuple(m for m in metiers if f"({versant} " in m) or metiers or (None,)


@cache
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _de(city: str) -> str:
    """'de' + a city: 'de Lyon', "d'Angers", 'du Mans', 'de La Rochelle'."""
    if city.startswith("Le "):
        return "du " + city[3:]
    if fold(city[0]) in "aeiouy":
        return "d'" + city
    return "de " + city


def _the(employer: str, *, capital: bool = True) -> str:
    """An employer name with its article: 'La Préfecture de l'Ain', 'le Tribunal judiciaire'."""
    article = _ARTICLES.get(employer.split(" ", 1)[0], "")
    if not article:
        return employer
    if capital:
        article = article.capitalize()
    return article + ("" if article.endswith("'") else " ") + employer


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _first_of_month_after(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def generate_offers(
    n: int, *, seed: int = DEMO_SEED, today: date, start: int = 0
) -> Iterator[Offer]:
    """Yield ``n`` plausible offers, indexes ``start`` … ``start + n - 1``.

    Offer *i* depends only on ``(seed, i, today)``. Any 150 consecutive offers cover every
    domain, region, department, level 3..8 and nature; half are apprenticeships and 30 %
    internships.
    """
    domains, places, natures = _tables()
    offsets = random.Random(seed)
    domain_offset = offsets.randrange(len(domains))
    place_offset = offsets.randrange(len(places))
    slot_offset = offsets.randrange(len(_NATURE_SLOTS))
    for index in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + index)
        domain_name = domains[(index * 11 + domain_offset) % len(domains)]
        place = places[(index * 37 + place_offset) % len(places)]
        slot = (index * 3 + slot_offset) % len(_NATURE_SLOTS)
        nature_index = _NATURE_SLOTS[slot]
        cycle = _LEVEL_CYCLES[nature_index]
        level = cycle[(index // len(_NATURE_SLOTS) + slot) % len(cycle)]
        yield Offer.model_validate(
            _offer_record(
                rng, index, today, domain_name, place, natures[nature_index], nature_index, level
            )
        )


def _offer_record(
    rng: random.Random,
    index: int,
    today: date,
    domain_name: str,
    place: _Place,
    nature: str,
    nature_index: int,
    level: int,
) -> dict[str, Any]:
    domain = _DOMAINS[domain_name]
    apprentice, intern = nature_index == 2, nature_index == 3

    # Who and where.
    candidates = [
        o
        for o in domain.organisations
        if _ORGANISATIONS[o].departments is None or place.code in _ORGANISATIONS[o].departments
    ]
    if place.code in _OVERSEAS and rng.random() < 0.2:
        candidates = ["Ministère des Outre-mer"]
    organisation = rng.choice(candidates)
    org = _ORGANISATIONS[organisation]
    fields = {
        "city": place.city,
        "de_city": _de(place.city),
        "dept_de": place.dept_de,
        "region": place.region_name,
        "code": place.code.lower(),
        "city_slug": _slug(place.city),
        "region_slug": _slug(place.region_name),
    }
    templates = (domain.employers or {}).get(organisation, org.employers)
    employer = rng.choice(templates).format(**fields)
    metier = rng.choice(_metiers(domain_name, org.versant))

    # What.
    noun = rng.choice(domain.nouns)
    if apprentice:
        title = f"Apprenti(e) {noun}"
        if rng.random() < 0.4:
            title += f" – {_DIPLOMA_SHORT[level]}"
        duration = rng.choice(_APPRENTICE_DURATIONS[level])
    elif intern:
        title = (
            f"Stagiaire en {rng.choice(domain.fields)}"
            if rng.random() < 0.5
            else f"Stagiaire {noun}"
        )
        duration = rng.choice(_INTERNSHIP_DURATIONS[level])
    elif nature_index == 1:
        months = rng.choice((6, 12, 18, 36))
        title = f"{_cap(noun)} – contrat de {months} mois (F/H)"
        duration = f"{months} mois"
    else:
        title = f"{_cap(noun)} (F/H)"
        duration = None
    category = None if apprentice or intern else _CATEGORY_BY_LEVEL[level]

    # When.
    published = today - timedelta(days=rng.randint(0, 59))
    closing = today + timedelta(days=rng.randint(15, 90))
    start_date = _first_of_month_after(closing + timedelta(days=rng.randint(0, 45)))

    # Text.
    team = rng.randint(4, 40)
    service = domain.service
    first, rest = service.split(" ", 1)
    service_de = f"{_SERVICE_DE[first]} {rest}"
    the_employer = _the(employer)
    if apprentice:
        intro = (
            f"Au sein {service_de}, {_the(employer, capital=False)} "
            f"accueille un(e) apprenti(e) {noun} pour une durée de {duration.lower()}. "
            f"Vous serez accompagné(e) au quotidien par votre maître d'apprentissage, "
            f"dans une équipe de {team} agents."
        )
    elif intern:
        intro = (
            f"{the_employer} propose un stage de {duration} au sein {service_de}. "
            f"Vous contribuerez aux projets d'une équipe de {team} agents et découvrirez "
            f"le fonctionnement d'une administration publique."
        )
    else:
        intro = (
            f"{the_employer} recrute un(e) {noun} au sein {service_de}, "
            f"une équipe de {team} agents au service des usagers."
        )
    if apprentice:
        outro = (
            f"Rythme d'alternance : {rng.choice(_RHYTHMS)}. Rémunération selon la grille légale "
            f"de l'apprentissage, prise en charge partielle des frais de transport."
        )
    elif intern:
        outro = (
            "Stage conventionné, gratifié selon la réglementation en vigueur pour les stages "
            "de plus de deux mois. Restauration collective sur place."
        )
    else:
        outro = (
            f"Poste de catégorie {category}"
            + (
                ", ouvert aux contractuels"
                if nature_index == 1
                else ", ouvert aux titulaires et aux contractuels"
            )
            + ". Télétravail possible jusqu'à deux jours par semaine."
        )
    heading = rng.choice(
        ("Vos missions :", "Missions principales :", "À ce titre, vous serez chargé(e) de :")
    )
    # Three or four tasks, fewer when the employer's name already made the text long.
    tasks = rng.sample(domain.tasks, 4)
    room = _DESCRIPTION_MAX - len(intro) - len(heading) - len(outro) - 6
    while len(tasks) > 2 and sum(len(t) + 5 for t in tasks) > room:
        tasks.pop()
    bullets = "\n".join(f"- {_cap(task)} ;" for task in tasks[:-1]) + f"\n- {_cap(tasks[-1])}."
    description = f"{intro}\n\n{heading}\n{bullets}\n\n{outro}"
    if len(description) < _DESCRIPTION_MIN:
        description += "\n\nCe poste est ouvert aux personnes en situation de handicap."

    skills = rng.sample(domain.skills, len(domain.skills))
    if apprentice:
        situation = f"Vous préparez {_DIPLOMAS[level]} en alternance"
    elif intern:
        situation = f"Vous préparez {_DIPLOMAS[level]} et recherchez un stage de {duration}"
    else:
        situation = (
            f"Vous êtes titulaire d'{_DIPLOMAS[level]} ou justifiez d'une expérience équivalente"
        )
    profile = (
        f"{situation} dans le domaine « {domain_name} ».\n\nCompétences attendues :\n"
        + "\n".join(f"- {_cap(skill)}" for skill in skills)
    )

    # How to apply.
    box = (
        "apprentissage" if apprentice else "stages" if intern else rng.choice(("recrutement", "rh"))
    )
    email = f"{box}@{org.mail_host.format(**fields)}"
    reference = f"A-{today.year}-{100000 + index}"
    apply_by_email = rng.random() < 0.3
    if apply_by_email:
        how_to_apply = (
            f"Envoyez CV et lettre de motivation à {email} en précisant la référence "
            f"{reference} dans l'objet du message."
        )
    else:
        how_to_apply = rng.choice(
            (
                "Candidatez en ligne avec votre CV et une lettre de motivation.",
                "Déposez votre candidature (CV et lettre de motivation) en ligne avant la date "
                "limite. Les candidat(e)s retenu(e)s seront reçu(e)s en entretien.",
            )
        )
    record: dict[str, Any] = {
        "reference": reference,
        "title": title,
        "nature": nature,
        "versant": org.versant,
        "category": category,
        "domain": domain_name,
        "metier": metier,
        "organisation": organisation,
        "employer": employer,
        "service": service,
        "region": place.region,
        "department": place.code,
        "city": place.city,
        "level": level,
        "duration": duration,
        "start_date": start_date,
        "published": published,
        "closing": closing,
        "description": description,
        "profile": profile,
        "how_to_apply": how_to_apply,
        "contact_email": email,
        "contact_phone": f"01 99 00 {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"
        if rng.random() < 0.35
        else None,
        "apply_by_email": apply_by_email,
    }
    if rng.random() < 0.06:
        record["attachments"] = _attachments(rng, record, tasks)
    return record


def _attachments(rng: random.Random, record: dict[str, Any], tasks: list[str]) -> list[dict]:
    """One or two small plain-text documents: the job sheet, sometimes a service leaflet."""
    sheet = (
        f"FICHE DE POSTE\n\nIntitulé : {record['title']}\nRéférence : {record['reference']}\n"
        f"Employeur : {record['employer']}\nService : {record['service']}\n"
        f"Localisation : {record['city']} ({record['department']})\n\nMissions :\n"
        + "\n".join(f"- {_cap(task)}" for task in tasks)
        + "\n"
    )
    files = [(f"fiche-de-poste-{record['reference']}.txt", sheet)]
    if rng.random() < 0.4:
        leaflet = (
            f"{record['service'].upper()}\n\n{record['employer']}\n\n"
            f"Le service accueille chaque année des apprenti(e)s et des stagiaires. "
            f"Contact : {record['contact_email']}\n"
        )
        files.append(("presentation-du-service.txt", leaflet))
    return [
        {
            "name": name,
            "content": base64.b64encode(text.encode("utf-8")).decode("ascii"),
            "content_type": "text/plain",
        }
        for name, text in files
    ]
