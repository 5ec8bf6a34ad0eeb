"""Reusable widgets, one per module."""

from pass_tui.widgets.criteria_list import CriteriaList
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.offer_view import OfferView
from pass_tui.widgets.result_list import ResultList

__all__ = ["CriteriaList", "Notice", "OfferView", "ResultList"]
