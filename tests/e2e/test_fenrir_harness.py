"""The Fenrir harness works: pass-tui runs under the real screen reader, and what Fenrir
says after a key is captured, in order, without its decoration glyphs slipping through
unnoticed."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from fenrir import Reader, assert_no_glyphs, glyphs_in, meaningful

from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from tests.factories import make_offers

pytestmark = pytest.mark.e2e

READY = "offres correspondent aux critères choisis"


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A data dir holding the eleven open offers of the Pilot tests."""
    data_dir = tmp_path / "catalogue"
    data_dir.mkdir()
    Services(data_dir, settings=Settings()).catalogue.upsert(make_offers(date.today()))
    return data_dir


def spoken(utterances: list[str]) -> str:
    """The utterances as one string, runs of spaces collapsed, for `in` checks."""
    return " | ".join(" ".join(u.split()) for u in utterances)


def test_start_says_where_we_are_then_the_focused_field(
    fenrir: Callable[..., Reader], catalogue: Path
) -> None:
    reader = fenrir("--screen-reader", data_dir=catalogue, ready=READY)
    assert reader.said()[0] == "Start Fenrir"  # Fenrir's own first words
    # The first screen is read as it is drawn; the focused field comes last (its line
    # interrupts the rest), so the listener is left where typing goes.
    assert "PASS · Rechercher une offre" in spoken(reader.startup)
    assert meaningful(reader.startup)[-1] == "Mots clés ou numéro d'offre :"
    assert_no_glyphs(reader.startup)


def test_tab_speaks_the_focused_button_alone(
    fenrir: Callable[..., Reader], catalogue: Path
) -> None:
    reader = fenrir("--screen-reader", data_dir=catalogue, ready=READY)
    started = time.monotonic()
    after_tab = meaningful(reader.keys("Tab"))
    elapsed = time.monotonic() - started
    # One button per line in screen-reader mode: the last line read is that button's
    # line alone (with three buttons on one row it would be the whole row).
    assert after_tab[-1] == "Lancer ma recherche", after_tab
    assert meaningful(reader.keys("Tab"))[-1] == "Voir toutes les offres"
    assert elapsed < 5, f"one interaction took {elapsed:.1f} s"


def test_typed_keywords_are_spoken_and_shown(
    fenrir: Callable[..., Reader], catalogue: Path
) -> None:
    reader = fenrir(data_dir=catalogue, ready=READY)  # default mode: focus in keywords
    assert "comptable" in spoken(reader.type("comptable"))
    screen = reader.wait_for_screen(lambda s: "comptable" in s, "the typed keywords")
    _x, row = reader.cursor()
    assert "comptable" in screen.splitlines()[row], "the cursor is on the keywords field"


def test_glyph_check_names_what_was_spoken() -> None:
    assert glyphs_in("▊ Achats 7 ▆▆ ▎") == ["U+258A ▊", "U+2586 ▆", "U+258E ▎"]
    assert glyphs_in("Offre 2 / 6 · Réf. 2026-100104 — « Stage » … [x]") == []
    assert glyphs_in("⠋ Chargement ✓ → ╭─") == [
        "U+280B ⠋",
        "U+2713 ✓",
        "U+2192 →",
        "U+256D ╭",
        "U+2500 ─",
    ]
    with pytest.raises(AssertionError, match=r"U\+2586 ▆"):
        assert_no_glyphs(["Achats", "▊ Achats 7 ▆▆ ▎"])
