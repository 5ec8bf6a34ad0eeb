"""Dialogs (modal screens), one per module."""

from pass_tui.dialogs.confirm import ConfirmDialog
from pass_tui.dialogs.email import EmailDialog
from pass_tui.dialogs.feed import FeedDialog
from pass_tui.dialogs.palette import PassCommandPalette

__all__ = ["ConfirmDialog", "EmailDialog", "FeedDialog", "PassCommandPalette"]
