"""The offer catalogue: its TinyDB file, the search index beside it, and the demo offers."""

from pass_tui.data.catalogue.catalogue import (
    FACETS,
    Catalogue,
    OfferSummary,
    SearchResult,
    UpsertReport,
)

__all__ = ["FACETS", "Catalogue", "OfferSummary", "SearchResult", "UpsertReport"]
