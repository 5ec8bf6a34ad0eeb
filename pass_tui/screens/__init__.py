"""Screens of the Textual application, one per module."""

from pass_tui.screens.dialogs import ConfirmDialog, EmailDialog
from pass_tui.screens.help import HelpScreen
from pass_tui.screens.offer import OfferScreen
from pass_tui.screens.results import ResultsScreen
from pass_tui.screens.search import SearchScreen

__all__ = [
    "ConfirmDialog",
    "EmailDialog",
    "HelpScreen",
    "OfferScreen",
    "ResultsScreen",
    "SearchScreen",
]
