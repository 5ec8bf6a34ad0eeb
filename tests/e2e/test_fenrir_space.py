"""What the real Fenrir says on the candidate space's forms, in the default mode and with
--screen-reader: each label on Tab, the checkbox's state in words, errors said, and never
a character of a password."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fenrir import Reader, assert_no_glyphs, meaningful

from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from tests.factories import make_offers
from tests.tui.space_helpers import EMAIL, PASSWORD, make_account

pytestmark = pytest.mark.e2e

READY = "offres correspondent aux critères choisis"
MODES = [pytest.param((), id="default"), pytest.param(("--screen-reader",), id="screen-reader")]

IDENTIFIANT = "Identifiant adresse e dash mail :"  # how Fenrir says "(adresse e-mail)"
LOGIN_TAB_ORDER = [
    "Mot de passe :",
    "Rester connecté 30 jours : non coché",
    "Se connecter",
    "Mot de passe perdu",
    "Je me crée un espace candidat",
    "Retour",
    IDENTIFIANT,
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue and one confirmed account (Camille's)."""
    from datetime import date

    data_dir = tmp_path_factory.mktemp("space")
    services = Services(data_dir, settings=Settings())
    services.catalogue.upsert(make_offers(date.today()))
    make_account(services)
    return data_dir


@pytest.fixture
def heard() -> Iterator[list[str]]:
    spoken: list[str] = []
    yield spoken
    assert_no_glyphs(spoken, allow="•")


def last(utterances: list[str]) -> str:
    kept = meaningful(utterances)
    assert kept, "nothing was said"
    return kept[-1]


def press(reader: Reader, heard: list[str], *keys: str) -> list[str]:
    said = reader.keys(*keys)
    heard.extend(said)
    return said


def typed(reader: Reader, heard: list[str], text: str) -> list[str]:
    said = reader.type(text)
    heard.extend(said)
    return said


@pytest.mark.parametrize("mode", MODES)
def test_tab_through_the_login_form(
    fenrir: Callable[..., Reader], data: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=data, ready=READY)
    opened = press(reader, heard, "C-e")
    # The screen's title is read first, but the focused field's line can cut it off when
    # the machine is loaded (the issue-7 note: a first screen's read is interrupted); the
    # reading must end on the field.
    assert last(opened) == IDENTIFIANT
    assert last(press(reader, heard, "Tab")) == "Mot de passe :"
    assert last(press(reader, heard, "Tab")) == "Rester connecté 30 jours : non coché"
    assert last(press(reader, heard, "Space")) == "Rester connecté 30 jours : coché"
    assert last(press(reader, heard, "Space")) == "Rester connecté 30 jours : non coché"
    for label in LOGIN_TAB_ORDER[2:]:
        assert last(press(reader, heard, "Tab")) == label


@pytest.mark.parametrize("mode", MODES)
def test_the_password_is_never_spoken(
    fenrir: Callable[..., Reader], data: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=data, ready=READY)
    press(reader, heard, "C-e")
    typed(reader, heard, EMAIL)
    assert last(press(reader, heard, "Tab")) == "Mot de passe :"
    secret = "Zebulon42"
    masked: list[str] = []
    for char in secret:  # one key at a time
        masked += meaningful(press(reader, heard, char))
    masked += meaningful(typed(reader, heard, "xyz"))  # several at once
    # Typing says nothing, or the mask: never a character typed.
    assert all(set(u) <= {"•", " "} for u in masked), masked
    press(reader, heard, "BTab")
    back = last(press(reader, heard, "Tab"))  # back into the field: its label (and mask)
    assert back.startswith("Mot de passe :") and set(back[14:]) <= {"•", " "}, back
    wrong = press(reader, heard, "Enter")
    assert last(wrong) == "Erreur : Identifiant ou mot de passe incorrect."
    everything = " ".join(meaningful(reader.said()))
    assert secret not in everything and "xyz" not in everything


@pytest.mark.parametrize("mode", MODES)
def test_sign_up_labels_and_errors_are_spoken(
    fenrir: Callable[..., Reader], data: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=data, ready=READY)
    press(reader, heard, "C-e")
    for _ in range(4):
        press(reader, heard, "Tab")
    assert last(press(reader, heard, "Tab")) == "Je me crée un espace candidat"
    opened = press(reader, heard, "Enter")
    assert last(opened) == IDENTIFIANT
    for label in (
        "Confirmer l'identifiant :",
        "Mot de passe :",
        "Confirmer le mot de passe :",
        "Créer mon espace",
    ):
        assert last(press(reader, heard, "Tab")) == label
    refused = meaningful(press(reader, heard, "Enter"))
    listed = " | ".join(refused)
    assert "Erreur : Identifiant : champ obligatoire." in listed
    assert "Erreur : Confirmer le mot de passe : champ obligatoire." in listed
    assert refused[-1] == "4 erreurs : Identifiant : champ obligatoire."
    # The focus is on the first wrong field: Tab goes on from there.
    assert last(press(reader, heard, "Tab")) == "Confirmer l'identifiant :"


@pytest.mark.parametrize("mode", MODES)
def test_the_dashboard_reads_each_section(
    fenrir: Callable[..., Reader], data: Path, heard: list[str], mode: tuple[str, ...]
) -> None:
    reader = fenrir(*mode, data_dir=data, ready=READY)
    press(reader, heard, "C-e")
    typed(reader, heard, EMAIL)
    press(reader, heard, "Tab")
    typed(reader, heard, PASSWORD)
    opened = press(reader, heard, "Enter")
    assert "Identifiant : camille at exemple.fr adresse confirmée" in " | ".join(meaningful(opened))
    assert last(opened) == "Ma fiche candidat Vos coordonnées et vos souhaits."
    assert last(press(reader, heard, "Tab")) == (
        "Mes pièces jointes Vos CV, lettres et autres documents."
    )
    assert last(press(reader, heard, "Tab")) == (
        "Mes identifiants Adresse e dash mail et mot de passe."
    )
    assert last(press(reader, heard, "Tab")) == "Retour à la recherche"
    assert last(press(reader, heard, "Tab")) == "Déconnexion"
    # Back on the search form: the message is read, first in what is said with it (a
    # loaded machine may deliver the form's redrawn lines after it, even in the same
    # utterance: "Vous êtes déconnecté. , el", the end of "Domaine fonctionnel").
    utterances = meaningful(press(reader, heard, "Enter"))
    assert any(u.startswith("Vous êtes déconnecté.") for u in utterances), utterances
