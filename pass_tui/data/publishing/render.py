"""Offers as labelled fields and plain text ("Label : valeur", "Label: value"), for the CLI,
printing and e-mail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from pass_tui.data.catalogue import OfferSummary
from pass_tui.data.criteria import BY_NAME
from pass_tui.data.models import Offer
from pass_tui.data.refdata import refdata
from pass_tui.i18n import _, _n

__all__ = [
    "APPLY_BY_EMAIL",
    "ATTACHMENTS",
    "DESCRIPTION",
    "HOW_TO_APPLY",
    "KEY_FACT",
    "PROFILE",
    "TITLE",
    "YES",
    "OfferField",
    "count_line",
    "fr_date",
    "long_date",
    "offer_field_list",
    "offer_fields",
    "offer_text",
    "short_nature",
    "summary_line",
    "summary_sentence",
]


def fr_date(value: date | None) -> str:
    """A date as dd/mm/yyyy, in both languages (PASS's own notation; English readers
    outside the US read it the same way)."""
    return value.strftime("%d/%m/%Y") if value else ""


_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


_SHORT_NATURES = {
    "Emploi ouvert aux titulaires et/ou aux contractuels": "Titulaire ou contractuel",
    "Emploi ouvert aux contractuels": "Contractuel",
}


def short_nature(nature: str) -> str:
    """A nature short enough for a result row, in the interface language."""
    return _(_SHORT_NATURES.get(nature, nature))


def long_date(value: date | None) -> str:
    """ "26 novembre 2026" (in English "26 November 2026"): the date in words, as the
    screens show it, so that a screen reader does not say "26 slash 11 slash 2026"."""
    if value is None:
        return ""
    return f"{value.day} {_(_MONTHS[value.month - 1])} {value.year}"


def count_line(count: int) -> str:
    """ "Nombre de résultats : 11 offres" ("0 offre", "1 offre" in French; "0 offers" in
    English)."""
    return _n(
        "Nombre de résultats : {count} offre",
        "Nombre de résultats : {count} offres",
        count,
        count=count,
    )


# Where the printable document puts a field: the key-facts block under the title, or the
# heading of the section it belongs to.
KEY_FACT = "facts"
DESCRIPTION = "Description du poste"
PROFILE = "Profil recherché"
HOW_TO_APPLY = "Comment postuler"
ATTACHMENTS = "Pièces jointes"
TITLE = "Intitulé du poste"
APPLY_BY_EMAIL = "Candidature par e-mail"
YES = "oui"  # the value of yes/no fields


class OfferField(NamedTuple):
    """One non-empty field of an offer: its French label (translate it with ``_()`` when
    showing it), its value as people read it in the interface language (reference values
    such as the nature, the domain or the level translated; the offer's own text as it
    is) and where it belongs.

    ``section`` is :data:`KEY_FACT` for the short facts shown as a block under the title
    (the title itself included), else the French heading of the document section;
    ``prose`` marks free text (paragraphs and "- " lists) printed without its label."""

    label: str
    value: str
    section: str
    prose: bool = False


def offer_field_list(
    offer: Offer, dates: Callable[[date | None], str] = fr_date
) -> list[OfferField]:
    """Every non-empty field of an offer, tagged with its section, in reading order.

    ``dates`` writes the dates: dd/mm/yyyy by default, :func:`long_date` on screen (a
    screen reader says "26 slash 11 slash 2026" otherwise)."""
    rd = refdata()
    region = rd.region_name(offer.region) if offer.region else ""
    department = (
        f"{rd.department_name(offer.department)} ({offer.department})" if offer.department else ""
    )
    nature = BY_NAME["natures"].value_label(offer.nature) if offer.nature else ""
    domain = BY_NAME["domains"].value_label(offer.domain) if offer.domain else ""
    contact = " - ".join(x for x in (offer.contact_email, offer.contact_phone) if x)
    rows = [
        OfferField("Référence", offer.reference, KEY_FACT),
        OfferField(TITLE, offer.title, KEY_FACT),
        OfferField("Nature de l'emploi", nature, KEY_FACT),
        OfferField("Date de publication", dates(offer.published), KEY_FACT),
        OfferField("Date limite de candidature", dates(offer.closing), KEY_FACT),
        OfferField("Employeur", offer.employer or "", KEY_FACT),
        OfferField("Service", offer.service or "", KEY_FACT),
        OfferField("Organisme de rattachement", offer.organisation or "", KEY_FACT),
        OfferField("Versant", offer.versant or "", KEY_FACT),
        OfferField("Catégorie", offer.category or "", KEY_FACT),
        OfferField("Domaine fonctionnel", domain, KEY_FACT),
        OfferField("Métier", offer.metier or "", KEY_FACT),
        OfferField("Niveau d'études", rd.level_label(offer.level) if offer.level else "", KEY_FACT),
        OfferField("Région", region, KEY_FACT),
        OfferField("Département", department, KEY_FACT),
        OfferField("Ville", offer.city or "", KEY_FACT),
        OfferField("Durée", offer.duration or "", KEY_FACT),
        OfferField("Date de début", dates(offer.start_date), KEY_FACT),
        OfferField(DESCRIPTION, offer.description, DESCRIPTION, prose=True),
        OfferField(PROFILE, offer.profile, PROFILE, prose=True),
        OfferField("Contact", contact, HOW_TO_APPLY),
        OfferField(APPLY_BY_EMAIL, _(YES) if offer.apply_by_email else "", HOW_TO_APPLY),
        OfferField("Pour postuler", offer.how_to_apply, HOW_TO_APPLY, prose=True),
        OfferField(ATTACHMENTS, ", ".join(a.name for a in offer.attachments), ATTACHMENTS),
        OfferField("Adresse de l'offre", offer.source_url or "", KEY_FACT),
    ]
    return [row for row in rows if row.value]


def offer_fields(
    offer: Offer, dates: Callable[[date | None], str] = fr_date
) -> list[tuple[str, str]]:
    """Every non-empty field of an offer with its French label, in reading order.
    Multi-line values (description, profile) keep their line breaks; ``dates`` as in
    :func:`offer_field_list`."""
    return [(field.label, field.value) for field in offer_field_list(offer, dates)]


def offer_text(offer: Offer) -> str:
    """The whole offer as linear text, labels in the interface language; multi-line
    values indented under their label."""
    lines: list[str] = []
    for label, value in offer_fields(offer):
        if "\n" in value:
            lines.append(_("{label} :", label=_(label)))
            lines.extend(f"  {line}" if line else "" for line in value.split("\n"))
        else:
            lines.append(_("{label} : {value}", label=_(label), value=value))
    return "\n".join(lines) + "\n"


def summary_sentence(summary: OfferSummary) -> str:
    """One result in words, for the line that describes the highlighted offer:
    "Apprentissage, Mairie de Rennes, Rennes (35), référence A-2026-1, publiée le
    26 novembre 2026, date limite le 31 décembre 2026"."""
    parts = [short_nature(summary.nature), summary.employer, summary.location]
    parts.append(_("référence {reference}", reference=summary.reference))
    parts.append(_("publiée le {date}", date=long_date(summary.published)))
    if summary.closing:
        parts.append(_("date limite le {date}", date=long_date(summary.closing)))
    return ", ".join(p for p in parts if p)


def summary_line(summary: OfferSummary) -> str:
    """'reference — title — employer — city (dept) — publiée le dd/mm/yyyy'."""
    parts = [summary.reference, summary.title, summary.employer, summary.location]
    parts = [p for p in parts if p]
    return " — ".join([*parts, _("publiée le {date}", date=fr_date(summary.published))])
