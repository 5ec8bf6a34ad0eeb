"""Shared fixtures for the Pilot tests: a data dir in tmp_path, a small fixed catalogue,
a fixed `today`, no cursor blink and no animation (deterministic snapshots)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from pass_tui.app import PassApp
from pass_tui.data.config import Settings
from pass_tui.data.models import Attachment, Offer
from pass_tui.data.services import Services
from pass_tui.i18n import set_language

TODAY = date(2026, 11, 26)
TRAP_TITLE = "[@click=app.quit]Piège[/]"
ATTACHMENT_BYTES = b"%PDF-1.4\nfiche de poste\n"

# (title, nature, level, department, city, domain)
_ROWS = [
    (
        "Apprenti(e) développeur web",
        "Apprentissage",
        5,
        "44",
        "Nantes",
        "Systèmes d'information, réseau, intelligence artificielle",
    ),
    ("Stagiaire juriste en droit public", "Stage", 7, "75", "Paris", "Affaires juridiques"),
    (
        "Apprenti(e) agent d'entretien des espaces verts",
        "Apprentissage",
        3,
        "69",
        "Lyon",
        "Espaces verts et paysage",
    ),
    ("Stagiaire en communication numérique", "Stage", 6, "33", "Bordeaux", "Communication"),
    ("Apprenti(e) comptable", "Apprentissage", 5, "59", "Lille", "Finances publiques"),
    (
        "Apprenti(e) cuisinier en restauration collective",
        "Apprentissage",
        3,
        "44",
        "Saint-Nazaire",
        "Restauration",
    ),
    ("Stagiaire ressources humaines", "Stage", 6, "13", "Marseille", "Ressources humaines"),
    (
        "Apprenti(e) technicien réseaux et télécommunications",
        "Apprentissage",
        4,
        "31",
        "Toulouse",
        "Systèmes d'information, réseau, intelligence artificielle",
    ),
    (
        "Stagiaire assistant(e) de prévention",
        "Stage",
        5,
        "67",
        "Strasbourg",
        "Santé et sécurité au travail",
    ),
    ("Apprenti(e) secrétaire médical(e)", "Apprentissage", 4, "35", "Rennes", "Santé"),
]


def make_offers(today: date = TODAY) -> list[Offer]:
    """Eleven open offers, published on distinct days (newest first is deterministic),
    plus one closed offer that searches must hide."""
    offers = []
    for n, (title, nature, level, dept, city, domain) in enumerate(_ROWS):
        offers.append(
            Offer(
                reference=f"2026-{100100 + n}",
                title=title,
                nature=nature,
                versant="FPE",
                category="B",
                domain=domain,
                organisation="Ministère de l'Intérieur" if n % 2 else "Ministère des Armées",
                employer=f"Préfecture de {city}",
                department=dept,
                city=city,
                level=level,
                duration="12 mois" if nature == "Apprentissage" else "6 mois",
                published=today - timedelta(days=n + 1),
                closing=today + timedelta(days=30),
                description=(
                    f"Au sein de la préfecture de {city}, vous participerez aux missions du "
                    "service.\n\nVous serez accompagné(e) par un tuteur ou une tutrice."
                ),
                profile="Rigueur, sens du service public, goût du travail en équipe.",
                how_to_apply="Envoyez un CV et une lettre de motivation.",
                contact_email=f"recrutement.{n}@exemple.gouv.fr",
                apply_by_email=n == 0,
                attachments=(
                    [
                        Attachment(
                            name="fiche-de-poste.pdf",
                            content=base64.b64encode(ATTACHMENT_BYTES).decode(),
                            content_type="application/pdf",
                        )
                    ]
                    if n == 0
                    else []
                ),
            )
        )
    offers.append(
        Offer(
            reference="2026-100666",
            title=TRAP_TITLE,
            nature="Stage",
            department="75",
            city="Paris",
            level=6,
            employer="[b]Employeur[/b]",
            published=today - timedelta(days=20),
            closing=today + timedelta(days=10),
            description="[@click=app.quit]Ne rien faire[/] \x1b[31mrouge",
        )
    )
    offers.append(
        Offer(
            reference="2026-100999",
            title="Offre clôturée",
            nature="Stage",
            published=today - timedelta(days=60),
            closing=today - timedelta(days=1),
        )
    )
    return offers


@pytest.fixture(autouse=True)
def _deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    """French by default in every test (the language is process-wide)."""
    set_language("fr")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def services(data_dir: Path) -> Services:
    services = Services(data_dir, settings=Settings(), today=lambda: TODAY)
    services.catalogue.upsert(make_offers())
    return services


@pytest.fixture
def make_app(services: Services) -> Callable[..., PassApp]:
    """Build a PassApp on the fixed catalogue (keywords: PassApp's own)."""

    def build(**kwargs: object) -> PassApp:
        app = PassApp(services, **kwargs)  # type: ignore[arg-type]
        app.animation_level = "none"
        app.cursor_blink = False  # deterministic snapshots
        return app

    return build
