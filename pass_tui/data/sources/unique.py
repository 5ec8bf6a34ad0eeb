"""One offer per reference in a source: the second time a reference comes, the source is
refused, naming both places."""

from __future__ import annotations

from collections.abc import Callable

from pass_tui.data.errors import ImportFailed
from pass_tui.data.models import Offer

__all__ = ["UniqueOffers"]

# (number of this item, the reference, number of the first item with it) -> the message
DuplicateMessage = Callable[[int, str, int], str]


class UniqueOffers:
    """Offers of one source in their order, each reference once."""

    def __init__(self, source: str, duplicate: DuplicateMessage) -> None:
        self.source = source
        self.duplicate = duplicate
        self.offers: list[Offer] = []
        self._first: dict[str, int] = {}

    def add(self, number: int, offer: Offer) -> None:
        """Keep ``offer``, item ``number`` of the source.

        Raises:
            ImportFailed: An earlier item had the same reference.
        """
        first = self._first.setdefault(offer.reference, number)
        if first != number:
            raise ImportFailed(
                self.duplicate(number, repr(offer.reference), first), source=self.source
            )
        self.offers.append(offer)
