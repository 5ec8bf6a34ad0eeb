"""Importer depuis une adresse web: the address, then "Importer"; refusals said in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pass_tui.dialogs.rename import PromptDialog
from pass_tui.i18n import _

__all__ = ["UrlImportDialog"]


class UrlImportDialog(PromptDialog):
    """Ask for a web address and import the document found there.

    ``run(url)`` downloads and stores it (in a thread); its result closes the dialog. A
    refusal (wrong address, address not allowed in kiosk mode, too large, wrong type) is
    said in the dialog and the address kept.
    """

    def __init__(self, question: str, run: Callable[[str], Any]) -> None:
        super().__init__(
            question,
            _("Adresse web :"),
            run,
            action=_("Importer"),
            busy=_("Import en cours…"),
            id="url-import-dialog",
        )
