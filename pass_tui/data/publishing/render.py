"""Offers as plain text: one "Label : valeur" per line, for the CLI, printing and e-mail."""

from __future__ import annotations

from datetime import date

from pass_tui.data.catalogue import OfferSummary
from pass_tui.data.models import Offer
from pass_tui.data.refdata import refdata
from pass_tui.i18n import _

__all__ = ["count_line", "fr_date", "offer_fields", "offer_text", "summary_line"]


def fr_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def count_line(count: int) -> str:
    """ "Nombre de résultats : 11 offres" ("0 offre", "1 offre" in French)."""
    if count <= 1:
        return _("Nombre de résultats : {count} offre", count=count)
    return _("Nombre de résultats : {count} offres", count=count)


def offer_fields(offer: Offer) -> list[tuple[str, str]]:
    """Every non-empty field of an offer with its label (French; translate with ``_``),
    in reading order. Multi-line values (description, profile) keep their line breaks."""
    rd = refdata()
    region = rd.region_name(offer.region) if offer.region else ""
    department = (
        f"{rd.department_name(offer.department)} ({offer.department})" if offer.department else ""
    )
    contact = " - ".join(x for x in (offer.contact_email, offer.contact_phone) if x)
    rows = [
        ("Référence", offer.reference),
        ("Intitulé du poste", offer.title),
        ("Nature de l'emploi", offer.nature),
        ("Date de publication", fr_date(offer.published)),
        ("Date limite de candidature", fr_date(offer.closing)),
        ("Employeur", offer.employer or ""),
        ("Service", offer.service or ""),
        ("Organisme de rattachement", offer.organisation or ""),
        ("Versant", offer.versant or ""),
        ("Catégorie", offer.category or ""),
        ("Domaine fonctionnel", offer.domain or ""),
        ("Métier", offer.metier or ""),
        ("Niveau d'études", rd.level_label(offer.level) if offer.level else ""),
        ("Région", region),
        ("Département", department),
        ("Ville", offer.city or ""),
        ("Durée", offer.duration or ""),
        ("Date de début", fr_date(offer.start_date)),
        ("Description du poste", offer.description),
        ("Profil recherché", offer.profile),
        ("Contact", contact),
        ("Candidature par e-mail", "oui" if offer.apply_by_email else ""),
        ("Pour postuler", offer.how_to_apply),
        ("Pièces jointes", ", ".join(a.name for a in offer.attachments)),
        ("Adresse de l'offre", offer.source_url or ""),
    ]
    return [(label, value) for label, value in rows if value]


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


def summary_line(summary: OfferSummary) -> str:
    """'reference — title — employer — city (dept) — publiée le dd/mm/yyyy'."""
    parts = [summary.reference, summary.title, summary.employer, summary.location]
    parts = [p for p in parts if p]
    return " — ".join([*parts, _("publiée le {date}", date=fr_date(summary.published))])
