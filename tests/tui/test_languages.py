"""`--lang en` is English everywhere a candidate looks, and the French interface has no
English: a walk through every screen and dialog at 80×24 in each language, read from the
screen at each step. Every detector is shown to catch a string planted on screen."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from pass_tui.app import PassApp
from pass_tui.data.config import Settings
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.models import Offer
from pass_tui.data.publishing.render import count_line, long_date
from pass_tui.data.refdata import refdata
from pass_tui.data.services import Services
from pass_tui.i18n import ENGLISH, _
from pass_tui.screens import OfferScreen, ResultsScreen, SearchScreen
from pass_tui.screens.search import matching_text
from pass_tui.widgets import Notice
from tests.factories import TODAY, make_neutral_offers, make_offers, outside_console

from .helpers import SIZE, press, screen_text, settle, until

# -- what the detectors look for ---------------------------------------------------------------

FRENCH_CHARACTERS = re.compile("[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ«»]")
"""Letters and quotes English never writes (in the interface; data may have them)."""

FRENCH_SPACING = re.compile(r"\S [:;?!](?=\s|$)")
"""French typography: a space before ":", ";", "?" and "!"; English has none."""

ENGLISH_WORDS = (
    "Search", "search", "Offer", "Offers", "offer", "offers", "Back", "Close", "Help", "Results",
    "results", "Cancel", "Send", "Print", "No matches", "matches", "found", "Next", "Previous",
    "Quit", "Commands", "command", "Refine", "New", "Keywords", "ticked", "Theme", "theme",
    "Enter", "Space", "Shift", "Home", "End", "Up", "Down", "Error", "The", "the", "of", "and",
    "to", "for", "your", "with", "Save", "saved", "attachment", "Attachments", "feed", "address",
    "Apprenticeship", "Internship", "until", "published", "deadline", "Reference", "Employer",
    "Level", "Loading", "Clear", "criteria", "Everywhere", "screen",
)  # fmt: skip
"""Frequent words of an English interface that a French one never shows."""

_ENGLISH_WORD = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ENGLISH_WORDS)) + r")(?!\w)")


def _bounded(fragment: str) -> str:
    """``fragment`` as a pattern that does not match inside a longer word."""
    pattern = re.escape(fragment)
    if re.match(r"\w", fragment):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", fragment):
        pattern += r"(?!\w)"
    return pattern


@cache
def _french_catalogue() -> re.Pattern[str]:
    """Every French message of the catalogue that English words differently, cut at its
    placeholders ("{count} offres correspondent…" gives "offres correspondent…"): the
    pieces longer than 3 characters that no English translation contains."""
    english = list(ENGLISH.values())
    pieces = set()
    for french, translation in ENGLISH.items():
        if french == translation:
            continue
        for piece in re.split(r"\{[^{}]*\}", french):
            piece = piece.strip()
            if len(piece) > 3 and not any(piece in text for text in english):
                pieces.add(piece)
    ordered = sorted(pieces, key=len, reverse=True)
    return re.compile("|".join(_bounded(piece) for piece in ordered))


@cache
def _english_words_with_accents() -> frozenset[str]:
    """Words of the English catalogue written with French letters ("Baccalauréat")."""
    return frozenset(
        word
        for text in ENGLISH.values()
        for word in re.findall(r"\w+", text)
        if FRENCH_CHARACTERS.search(word)
    )


TRUNCATED_FROM = 6
"""A data value cut with "…" (a long name in a list) is recognised from this many
characters on."""


def _data_patterns(value: str) -> list[str]:
    """Patterns for ``value`` on screen: whole, and cut with "…" after at least
    TRUNCATED_FROM characters; either may wrap over lines (any white space between two
    characters) and neither matches inside a longer word."""
    chars = [re.escape(c) for c in value if not c.isspace()]
    start = r"(?<!\w)" if re.match(r"\w", value) else ""
    whole = start + r"\s*".join(chars) + (r"(?!\w)" if re.search(r"\w$", value) else "")
    if len(chars) <= TRUNCATED_FROM:
        return [whole]
    rest = ""
    for char in reversed(chars[TRUNCATED_FROM:]):
        rest = f"(?:\\s*{char}{rest})?"
    cut = start + r"\s*".join(chars[:TRUNCATED_FROM]) + rest + r"\s*…"
    return [whole, cut]


def strip_data(text: str, data: Iterable[str]) -> str:
    """``text`` without the data values in it, even when a value wraps over lines or is
    cut with "…"."""
    for value in sorted({v for v in data if v}, key=len, reverse=True):
        for pattern in _data_patterns(value):
            text = re.sub(pattern, " ", text)
    return text


def french_in(text: str) -> list[str]:
    """What looks French in English interface text (data already stripped)."""
    found = [m.group() for m in _french_catalogue().finditer(text)]
    found += [m.group() for m in FRENCH_SPACING.finditer(text)]
    english = _english_words_with_accents()
    words = re.sub(r"\w+", lambda m: "" if m.group() in english else m.group(), text)
    found += FRENCH_CHARACTERS.findall(words)
    return found


def english_in(text: str) -> list[str]:
    """What looks English in French interface text (data already stripped)."""
    return _ENGLISH_WORD.findall(text)


def flat(text: str) -> str:
    """``text`` on one line, runs of spaces and line breaks as one space."""
    return " ".join(text.split())


# -- the walk ------------------------------------------------------------------------------------


class Walk:
    """Goes through the app, keeping the screen text of every step."""

    def __init__(self, pilot: Pilot, app: PassApp) -> None:
        self.pilot = pilot
        self.app = app
        self.steps: list[tuple[str, str]] = []

    def capture(self, step: str, *expected: str) -> str:
        """Keep the screen as it is now; it must show each of ``expected``."""
        text = screen_text(self.app)
        for words in expected:
            assert flat(words) in flat(text), (step, words, text)
        self.steps.append((step, text))
        return text

    async def until(self, predicate: Callable[[], bool], what: str) -> None:
        await until(self.pilot, predicate, what)

    async def until_shown(self, text: str) -> None:
        await self.until(lambda: flat(text) in flat(screen_text(self.app)), repr(text))

    async def notice(self) -> str:
        """The message of the screen's Notice, once it is on screen."""
        notice = self.app.screen.query_one("#notice", Notice)
        await self.until(lambda: bool(notice.text), "a notice")
        await self.until(lambda: str(notice.content) == notice.text, "the notice drawn")
        return notice.text

    async def type(self, text: str, *then: str) -> None:
        await self.pilot.press(*text, *then)
        await settle(self.pilot)

    async def help(self, where: str) -> None:
        """Open the help, read it to the end, close it."""
        await press(self.pilot, "ctrl+g")
        self.capture(f"help on {where}", _("Aide : les touches de cet écran"))
        await press(self.pilot, "tab", "end")
        self.capture(f"help on {where}, its end")
        await press(self.pilot, "q")


async def walk(pilot: Pilot, app: PassApp, services: Services) -> Walk:
    """Every screen and dialog, in the app's language. Keys do not depend on it."""
    w = Walk(pilot, app)
    await settle(pilot)
    assert isinstance(app.screen, SearchScreen)
    w.capture("search form", _("Rechercher une offre"), _("Mots clés ou numéro d'offre :"))

    # A list focused, a value ticked; then the rest of the form, list by list.
    await w.until(lambda: bool(app.screen.query_one("#natures").option_count), "the lists")
    for _attempt in range(10):
        if app.focused is not None and app.focused.id == "natures":
            break
        await press(pilot, "tab")
    await press(pilot, "down", "down", "down", "space")
    w.capture(
        "search form, a value ticked",
        _("Nature de l'emploi"),
        _(" : coché").strip(),
        matching_text(6),
    )
    for _attempt in range(12):
        await press(pilot, "tab")
        if app.focused is not None and app.focused.id == "keywords":
            break
        w.capture(f"search form, {app.focused.id if app.focused else 'nothing'} focused")
    await w.help("the search form")

    # Results, the feed dialog, the empty result, a closed offer.
    await press(pilot, "ctrl+r")
    assert isinstance(app.screen, ResultsScreen)
    await w.until(lambda: bool(str(app.screen.query_one("#current", Static).content)), "#current")
    w.capture("results", _("Résultats de la recherche"), count_line(6))
    await w.help("the results")
    await press(pilot, "f")
    w.capture("feed dialog", _("Flux RSS de cette recherche"), _("Commande équivalente :"))
    await press(pilot, "escape", "n")
    await w.type("astronaute", "enter")
    w.capture("empty result", _("Nombre de résultats : {count} offre", count=0))
    await press(pilot, "escape", "ctrl+l")
    await w.type("2026-100999", "enter")
    assert isinstance(app.screen, ResultsScreen) and app.screen.result is not None
    closed = app.screen.result.closed_notice()
    assert closed is not None
    w.capture("a closed offer", closed)

    # The offer with an attachment and a how-to-apply section, page by page.
    await press(pilot, "escape", "ctrl+l")
    await w.type("2026-100100", "enter")
    await press(pilot, "enter")
    assert isinstance(app.screen, OfferScreen)
    offer: Offer = app.screen.offer
    w.capture(
        "offer",
        _("Détail de l'offre"),
        _("{label} : {value}", label=_("Date de publication"), value=long_date(offer.published)),
    )
    body = app.screen.query_one("#offer-body")
    pages = []
    for _attempt in range(10):
        y = body.scroll_y
        await press(pilot, "pagedown")
        if body.scroll_y == y:
            break
        pages.append(w.capture(f"offer, page {len(pages) + 2}"))
    assert pages, "the offer fits on one screen: nothing was scrolled"
    for words in (_("Comment postuler"), _("Pièces jointes"), _("Enregistrer")):
        assert words in "\n".join(pages)
    await w.help("the offer")

    # Notices: an attachment saved, the offer e-mailed (after an error), printed.
    app.screen.query_one("SaveButton").focus()
    await press(pilot, "enter")
    w.capture("attachment saved", await w.notice())
    await press(pilot, "e")
    await w.type("nope", "enter")
    error = _("Erreur : indiquez une adresse e-mail valide, par exemple nom@exemple.fr.")
    await w.until_shown(error)
    w.capture("e-mail dialog with an error", error)
    await w.help("the e-mail dialog")
    app.screen.query_one("#address", Input).value = ""
    await w.type("camille@example.org", "enter")
    w.capture("offer e-mailed", await w.notice())
    await press(pilot, "i")
    w.capture(
        "confirm dialog", _("Imprimer cette offre sur l'imprimante « {printer} » ?", printer="x")
    )
    await press(pilot, "o")
    w.capture("offer printed", await w.notice())

    # The command palette, a search that finds nothing, the theme picker.
    await press(pilot, "ctrl+p")
    await w.until_shown(_("Nouvelle recherche"))
    w.capture("command palette", _("Rechercher une commande…"))
    await w.type("zzz")
    await w.until_shown(_("Aucun résultat"))
    w.capture("command palette, no match")
    await press(pilot, *["backspace"] * 3)
    await w.type(_("Thème"))
    await w.until_shown(_("Changer les couleurs de l'application"))
    await press(pilot, "enter")
    await w.until_shown(_("Rechercher un thème…"))
    w.capture("theme picker")
    await w.type("zzz")
    await w.until_shown(_("Aucun résultat"))
    w.capture("theme picker, no match")
    await press(pilot, "escape")
    return w


def data_values(app: PassApp, services: Services, offers: list[Offer]) -> list[str]:
    """What the walk shows that is data, not interface: place and organisation names,
    the offers' own text, feed addresses and commands, files and folders, theme names."""
    rd = refdata()
    values = [r.name for r in rd.regions] + [d.name for d in rd.departments]
    values += list(rd.organisations) + list(app.available_themes)
    for offer in offers:
        values += [offer.title, offer.employer or "", offer.city or "", offer.duration or ""]
        values += [offer.description or "", offer.profile or "", offer.how_to_apply or ""]
        values += [offer.contact_email or ""] + [a.name for a in offer.attachments]
    addresses = services.sharing.feed_addresses(SearchCriteria(natures=("Apprentissage",)))
    values += [addresses.rss, addresses.atom, addresses.command]
    values += ["offre-2026-100100.pdf", "offre-2026-100100.txt", "camille@example.org"]
    values += [str(services.paths.exports), str(services.paths.outbox / "new")]
    return values


@pytest.fixture
def printer_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fake `lp` first on PATH, which accepts every job."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text('#!/bin/sh\necho "request id is x-1"\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")


def _services(tmp_path_factory: pytest.TempPathFactory, offers: list[Offer]) -> Services:
    # A data directory whose path says nothing (the walk strips it anyway).
    services = Services(
        tmp_path_factory.mktemp("d"), settings=Settings(printer="x"), today=lambda: TODAY
    )
    services.catalogue.upsert(offers)
    return services


def leaks(
    steps: list[tuple[str, str]], data: list[str], detector: Callable[[str], list[str]]
) -> str:
    """Each step whose screen shows a character a Linux console cannot draw, or what
    ``detector`` finds once data is stripped; "" when there is none."""
    assert len(steps) >= 25, [step for step, _text in steps]
    report = []
    for step, text in steps:
        found = sorted(outside_console(text)) + detector(strip_data(text, data))
        if found:
            report.append(f"-- {step}: {found}\n{text}")
    return "\n".join(report)


# -- the tests -----------------------------------------------------------------------------------


async def test_english_everywhere(tmp_path_factory, printer_path) -> None:
    offers = make_neutral_offers()
    services = _services(tmp_path_factory, offers)
    app = PassApp(services, language="en")
    async with app.run_test(size=SIZE) as pilot:
        steps = (await walk(pilot, app, services)).steps
        data = data_values(app, services, offers)
    report = leaks(steps, data, french_in)
    assert not report, report


async def test_no_english_in_french(tmp_path_factory, printer_path) -> None:
    offers = make_offers()
    services = _services(tmp_path_factory, offers)
    app = PassApp(services, language="fr")
    async with app.run_test(size=SIZE) as pilot:
        steps = (await walk(pilot, app, services)).steps
        data = data_values(app, services, offers)
    report = leaks(steps, data, english_in)
    assert not report, report


# -- the detectors can fail ----------------------------------------------------------------------


async def _screen_with(app: PassApp, planted: str) -> str:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.screen.mount(Static(planted, markup=False), before=0)
        await settle(pilot)
        return screen_text(app)


@pytest.mark.parametrize(
    ("planted", "found"),
    [
        ("Retour à la liste", "Retour à la liste"),  # a French message of the catalogue
        ("Total : 3", "l :"),  # French spacing
        ("Received", None),  # English: nothing to find
        ("Reçu", "ç"),  # a French letter
    ],
)
async def test_french_detector_catches_planted_french(make_app, planted, found) -> None:
    text = strip_data(await _screen_with(make_app(language="en"), planted), ["Pays de la Loire"])
    if found is None:
        assert not french_in(text)
    else:
        assert found in french_in(text)


@pytest.mark.parametrize("planted", ["No matches found", "Back to the list", "Search"])
async def test_english_detector_catches_planted_english(make_app, planted) -> None:
    text = await _screen_with(make_app(language="fr"), planted)
    assert english_in(text)
    assert english_in(text) == english_in(planted)


async def test_console_check_catches_an_emoji(make_app) -> None:
    text = await _screen_with(make_app(language="en"), "🔎 Search")
    assert outside_console(text) == {"🔎"}


def test_data_is_stripped_even_when_wrapped() -> None:
    data = ["Provence-Alpes-Côte d'Azur", "http://127.0.0.1:8080/flux/recherche?a=b"]
    text = "Region: Provence-Alpes-\n   Côte d'Azur\nhttp://127.0.0.1:8080/flux/re\n  cherche?a=b"
    assert flat(strip_data(text, data)) == "Region:"
    # Cut with "…" in a list row, then the rest of the row.
    cut = "Ministère de l'Économie, des Finances et de la …     \n Next"
    assert (
        flat(strip_data(cut, ["Ministère de l'Économie, des Finances et de la Souveraineté"]))
        == "Next"
    )
    # A data value inside a longer word is not stripped.
    assert strip_data("Parisien", ["Paris"]) == "Parisien"
