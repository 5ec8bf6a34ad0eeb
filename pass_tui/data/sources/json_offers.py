"""pass-tui's own JSON (``search --format json`` output, or a plain list) → offers."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pydantic import ValidationError

from pass_tui.data.errors import ImportFailed
from pass_tui.data.models import Offer, SourceChecks, first_error
from pass_tui.data.sources.problems import json_problem
from pass_tui.data.sources.unique import UniqueOffers
from pass_tui.i18n import _

__all__ = ["parse_json_offers"]


def parse_json_offers(
    data: bytes | str, *, source: str = "", checks: SourceChecks | None = None
) -> list[Offer]:
    """Offers from ``{"offers": [...]}`` (our export) or a bare ``[...]`` list."""
    try:
        doc: Any = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise ImportFailed(
            _("JSON mal formé ({error})", error=json_problem(exc)), line=line, source=source
        ) from None
    except RecursionError:  # [[[[…]]]] nested deeper than Python's parser can follow
        raise ImportFailed(_("JSON trop imbriqué"), source=source) from None
    items = doc.get("offers") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ImportFailed(
            _(
                "JSON inattendu : il faut une liste d'offres ou {shape}",
                shape='{"offers": [...]}',
            ),
            source=source,
        )
    # Every offer passes the source checks (publication dates against ``checks.today``);
    # a reference listed twice is refused, naming both offers.
    checks = checks if checks is not None else SourceChecks(date.today())
    offers = UniqueOffers(
        source,
        lambda number, reference, first: _(
            "offre {number} : référence {reference} en double (déjà offre {first})",
            number=str(number),
            reference=reference,
            first=str(first),
        ),
    )
    for number, item in enumerate(items, 1):
        try:
            offer = checks.offer(item)
        except ValidationError as exc:
            field, problem = first_error(exc)
            raise ImportFailed(
                _(
                    "offre {number} : champ {field} invalide ({problem})",
                    number=str(number),
                    field=field or _("offre"),
                    problem=problem,
                ),
                source=source,
            ) from None
        offers.add(number, offer)
    return offers.offers
