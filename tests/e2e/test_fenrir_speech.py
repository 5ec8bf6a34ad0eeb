"""What the real Fenrir says, key by key, in the default mode and with --screen-reader.

Each key must end with the label of what now has focus (a listener hears the last
utterance: a cursor line interrupts what came before it); moving in a list reads the new
item once; the selected state and the end of the results are said in words; nothing
decorative is ever spoken. The keys are those a Fenrir user can press: no F-key, no bare
Escape (Fenrir keeps them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fenrir import Reader, assert_no_glyphs, meaningful

from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from tests.factories import make_offers

pytestmark = pytest.mark.e2e

READY = "offres correspondent aux critères choisis"
MODES = [pytest.param((), id="default"), pytest.param(("--screen-reader",), id="screen-reader")]

FORM_TAB_ORDER = [
    "Lancer ma recherche",
    "Voir toutes les offres",
    "Effacer les critères",
    "Mon espace candidat",
    "Aide",
    "Nature de l'emploi",
    "Domaine fonctionnel",
    "Organisme de rattachement",
    "Niveau d'études",
    "Localisation du poste : région",
    "Mots clés ou numéro d'offre :",
]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The eleven open offers of the Pilot tests, dated from today."""
    data_dir = tmp_path_factory.mktemp("catalogue")
    Services(data_dir, settings=Settings()).catalogue.upsert(make_offers(date.today()))
    return data_dir


@pytest.fixture
def heard() -> Iterator[list[str]]:
    """Everything spoken during a test, checked for glyphs at the end."""
    spoken: list[str] = []
    yield spoken
    assert_no_glyphs(spoken)


def last(utterances: list[str]) -> str:
    """What a listener is left with after a key."""
    kept = meaningful(utterances)
    assert kept, "nothing was said"
    return kept[-1]


def press(reader: Reader, heard: list[str], *keys: str) -> list[str]:
    said = reader.keys(*keys)
    heard.extend(said)
    return said


def said_words(utterances: list[str]) -> str:
    return " | ".join(meaningful(utterances))


@pytest.mark.parametrize("mode", MODES)
def test_tab_through_the_search_form_reads_each_label(
    fenrir: Callable[..., Reader], catalogue: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=catalogue, ready=READY)
    heard.extend(reader.startup)
    for label in FORM_TAB_ORDER:
        assert last(press(reader, heard, "Tab")) == label


@pytest.mark.parametrize("mode", MODES)
def test_criteria_values_and_their_state_are_read_in_words(
    fenrir: Callable[..., Reader], catalogue: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=catalogue, ready=READY)
    press(reader, heard, "Tab", "Tab", "Tab", "Tab", "Tab")
    assert last(press(reader, heard, "Tab")) == "Nature de l'emploi"
    # The first arrow reads the highlighted value (the first one), each arrow one value.
    first = last(press(reader, heard, "Down"))
    assert first.startswith("Emploi ouvert aux titulaires") and first.endswith(": non coché")
    assert last(press(reader, heard, "Down")) == "Emploi ouvert aux contractuels 0 : non coché"
    assert last(press(reader, heard, "Down")) == "Apprentissage 6 : non coché"
    ticked = said_words(press(reader, heard, "Space"))
    assert "Apprentissage 6 : coché" in ticked
    assert "6 offres correspondent aux critères choisis." in ticked


@pytest.mark.parametrize("mode", MODES)
def test_search_results_offer_and_the_last_offer(
    fenrir: Callable[..., Reader], catalogue: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=catalogue, ready=READY)
    heard.extend(reader.type("apprenti"))
    found = said_words(press(reader, heard, "Enter"))
    assert "Nombre de résultats : 6 offres" in found
    # Moving in the results reads the new title once, then the offer in words; never
    # the title it left.
    moved = [u.lstrip(" ,") for u in meaningful(press(reader, heard, "Down"))]
    closing = (date.today() + timedelta(days=30)).day
    assert moved[0].startswith("Apprenti e agent d'entretien des espaces verts"), moved
    assert moved[1].startswith("Offre 2 sur 6 : Apprentissage, Préfecture de Lyon"), moved
    assert f"date limite le {closing}" in moved[1]
    assert len(moved) == 2 and "développeur" not in said_words(moved)
    up = [u.lstrip(" ,") for u in meaningful(press(reader, heard, "Up"))]
    assert up[0].startswith("Apprenti e développeur web") and len(up) == 2, up
    # The last offer: open it, then n says so in words, every time.
    press(reader, heard, "End")
    opened = press(reader, heard, "Enter")
    assert "Offre 6 sur 6 dernière offre" in said_words(opened)
    assert last(opened) == "Apprenti e secrétaire médical e"
    for _ in range(2):
        assert last(press(reader, heard, "n")) == "Vous êtes sur la dernière offre."
    # Back to the list with a letter (Fenrir keeps Escape): the same row again.
    back = press(reader, heard, "l")
    assert last(back).startswith("Apprenti e secrétaire médical e")


@pytest.mark.parametrize("mode", MODES)
def test_help_opens_and_closes_without_f1_or_escape(
    fenrir: Callable[..., Reader], catalogue: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=catalogue, ready=READY)
    opened = press(reader, heard, "C-g")
    assert "Ctrl plus R : Lancer ma recherche" in said_words(opened)
    assert last(opened) == "Fermer l'aide"
    assert last(press(reader, heard, "Enter")) == "Mots clés ou numéro d'offre :"
    press(reader, heard, "Tab", "Tab", "Tab", "Tab")
    assert last(press(reader, heard, "Tab")) == "Aide"  # the help button, in the Tab order
    assert last(press(reader, heard, "Enter")) == "Fermer l'aide"
    assert last(press(reader, heard, "Tab")) == "Sur cet écran"  # then read line by line
    assert last(press(reader, heard, "q")) == "Aide"


@pytest.mark.parametrize("mode", MODES)
def test_the_email_dialog(
    fenrir: Callable[..., Reader], catalogue: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=catalogue, ready=READY)
    press(reader, heard, "Tab")
    press(reader, heard, "Tab")
    press(reader, heard, "Enter")  # "Voir toutes les offres"
    press(reader, heard, "Enter")  # the first offer
    opened = press(reader, heard, "e")
    assert "Par exemple : nom at exemple.fr" in said_words(opened)
    assert last(opened) == "Adresse e dash mail du destinataire :"
    heard.extend(reader.type("camille"))
    refused = press(reader, heard, "Enter")
    assert last(refused) == (
        "Erreur : indiquez une adresse e dash mail valide, par exemple , nom at exemple.fr."
    )
    assert last(press(reader, heard, "Tab")) == "Envoyer"
    assert last(press(reader, heard, "Tab")) == "Annuler"
    assert last(press(reader, heard, "Tab")) == ("Adresse e dash mail du destinataire : camille")
    heard.extend(reader.type("camille@exemple.fr"))  # the field's text was selected on focus
    sent = said_words(press(reader, heard, "Enter"))
    # What happened comes first; the folder after.
    assert "Offre déposée dans la boîte d'envoi pour camille at exemple.fr, dans le" in sent
