"""pass-tui's own JSON (``search --format json`` output, or a plain list) → offers."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from pass_tui.data.errors import ImportFailed
from pass_tui.data.models import Offer, first_error
from pass_tui.i18n import _

__all__ = ["parse_json_offers"]


def parse_json_offers(data: bytes | str, *, source: str = "") -> list[Offer]:
    """Offers from ``{"offers": [...]}`` (our export) or a bare ``[...]`` list."""
    try:
        doc: Any = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise ImportFailed(f"JSON mal formé ({exc})", line=line, source=source) from None
    except RecursionError:  # [[[[…]]]] nested deeper than Python's parser can follow
        raise ImportFailed(_("JSON trop imbriqué"), source=source) from None
    items = doc.get("offers") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ImportFailed(
            'JSON inattendu : une liste d\'offres ou {"offers": [...]} est attendu', source=source
        )
    offers: list[Offer] = []
    for number, item in enumerate(items, 1):
        try:
            offers.append(Offer.model_validate(item))
        except ValidationError as exc:
            field, problem = first_error(exc)
            raise ImportFailed(
                f"offre {number} : champ {field or 'offre'} invalide ({problem})", source=source
            ) from None
    return offers
