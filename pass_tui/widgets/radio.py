"""Radio buttons as a list read in words: "Madame : sélectionné", "Monsieur : non sélectionné"."""

from __future__ import annotations

from collections.abc import Iterable

from pass_tui.widgets.choice_list import Choice, ChoiceList

__all__ = ["RadioList"]


class RadioList(ChoiceList):
    """One choice among a few, one per line; Space or Enter selects the highlighted one.

    The value is None until something is chosen (a required field that was left empty).
    """

    def __init__(
        self,
        options: Iterable[tuple[str, str]],
        *,
        selected: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Args:
        options: (value, label) pairs in display order.
        selected: The value chosen at first, if any.
        """
        super().__init__(
            [Choice(value, label) for value, label in options],
            multiple=False,
            selected=[selected] if selected is not None else [],
            id=id,
            classes=classes,
        )
