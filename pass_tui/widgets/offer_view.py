"""An offer laid out for linear reading: one "Label : valeur" per line, label first."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from pass_tui.data.models import Offer
from pass_tui.data.publishing.render import long_date, offer_fields
from pass_tui.i18n import _

__all__ = ["OfferView", "offer_content"]

# Shown elsewhere on the offer screen (how to apply, attachments with their buttons).
_ELSEWHERE = {"Candidature par e-mail", "Pour postuler", "Pièces jointes"}


def offer_content(offer: Offer) -> Content:
    """The offer's fields as literal text (untrusted values are never parsed as markup).

    The title comes first, as a heading; multi-line values (description, profile) start
    on the line after their label, indented by two spaces. Dates are in words ("26
    novembre 2026"): a screen reader reads dd/mm/yyyy as "26 slash 11 slash 2026".
    """
    parts: list[Content | str | tuple[str, str]] = [(offer.title, "bold"), "\n\n"]
    for label, value in offer_fields(offer, dates=long_date):
        if label in _ELSEWHERE:
            continue
        name = _("{label} :", label=_(label))
        if "\n" in value or len(value) > 120:
            parts.append((name, "bold"))
            parts.append("\n")
            for line in value.split("\n"):
                parts.append(f"{line}\n")
        else:
            parts.append((name, "bold"))
            parts.append(f" {value}\n")
    return Content.assemble(*parts)


class OfferView(Static):
    """The fields of one offer (the screen around it scrolls)."""

    DEFAULT_CSS = """
    OfferView {
        width: 1fr;
        height: auto;
    }
    """

    def show_offer(self, offer: Offer) -> None:
        """Display ``offer``."""
        self.update(offer_content(offer))
