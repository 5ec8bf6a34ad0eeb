"""SVG snapshots of the key screens at 80×24 (fixed catalogue, fixed date, no blink)."""

from __future__ import annotations

from textual.pilot import Pilot

from .helpers import SIZE, open_offer, press, search_for, settle


async def _home(pilot: Pilot) -> None:
    await settle(pilot)


async def _results(pilot: Pilot) -> None:
    await search_for(pilot, "apprenti")


async def _offer(pilot: Pilot) -> None:
    await _results(pilot)
    await open_offer(pilot, 1)


async def _help(pilot: Pilot) -> None:
    await _offer(pilot)
    await press(pilot, "f1")


async def _email(pilot: Pilot) -> None:
    await _offer(pilot)
    await press(pilot, "e")


def test_home(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_home)


def test_results(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_results)


def test_offer(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_offer)


def test_help(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_help)


def test_email_dialog(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_email)


def test_results_screen_reader_wide(snap_compare, make_app) -> None:
    assert snap_compare(make_app(screen_reader=True), terminal_size=(200, 50), run_before=_results)
