"""Shared test data and the real CLI process, for every test file.

`offer()` builds one offer relative to the fixed TODAY; `make_offers()` is the fixed TUI
catalogue; `run_cli()` runs the real `python -m pass_tui` in this checkout.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pass_tui.data.models import Attachment, Offer

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)
CLI_TIMEOUT_S = 120


def offer(reference: str, days_ago: int = 1, **fields: object) -> Offer:
    """An open apprenticeship published `days_ago` days before TODAY; `fields` override."""
    base: dict[str, object] = {
        "reference": reference,
        "title": f"Offre {reference}",
        "nature": "Apprentissage",
        "published": TODAY - timedelta(days=days_ago),
    }
    base.update(fields)
    return Offer.model_validate(base)


# The TUI catalogue: ten real-looking open offers, one whose text is markup and escapes
# (shown literally or it is a bug), one closed offer that searches must hide.
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


# make_neutral_offers(): the same catalogue with its own text in plain English, no accent.
_NEUTRAL_TITLES = (
    "Web developer apprentice",
    "Public law intern",
    "Green spaces apprentice",
    "Digital communication intern",
    "Accounting apprentice",
    "Catering apprentice",
    "Human resources intern",
    "Network technician apprentice",
    "Prevention assistant intern",
    "Medical secretary apprentice",
)
NEUTRAL_TRAP_TITLE = "[@click=app.quit]Trap[/]"


def make_neutral_offers(today: date = TODAY) -> list[Offer]:
    """make_offers() with the offers' own text in plain English without accents: the same
    references, natures, levels, places, domains, dates, attachment, trap and closed offer.

    An offer's text is data, shown in the language it was written in; tests that look for
    French on an English screen use these so that data does not look like interface text.
    (Place and organisation names still come from the French reference data.)"""
    neutral = []
    for item in make_offers(today):
        n = int(item.reference[-3:]) - 100
        if 0 <= n < len(_NEUTRAL_TITLES):
            changes: dict[str, object] = {
                "title": _NEUTRAL_TITLES[n],
                "employer": f"{item.city} prefecture",
                "description": (
                    f"Within the {item.city} prefecture, you will take part in the work of "
                    "the team.\n\nA tutor will guide you."
                ),
                "profile": "Rigour, public service spirit, team work.",
                "how_to_apply": "Send a CV and a cover letter.",
                "duration": "12 months" if item.nature == "Apprentissage" else "6 months",
                "contact_email": f"jobs.{n}@example.org",
                "attachments": [
                    a.model_copy(update={"name": "job-description.pdf"}) for a in item.attachments
                ],
            }
        elif item.reference == "2026-100666":
            changes = {
                "title": NEUTRAL_TRAP_TITLE,
                "employer": "[b]Employer[/b]",
                "description": "[@click=app.quit]Do nothing[/] \x1b[31mred",
            }
        else:
            changes = {"title": "Closed offer"}
        neutral.append(Offer.model_validate({**item.model_dump(), **changes}))
    return neutral


CONSOLE_CHARSET = frozenset(
    chr(int(line.removeprefix("U+"), 16))
    for line in (REPO / "tests/fixtures/linux-console-lat15.txt").read_text("ascii").split()
)
"""The characters the Linux console's Lat15 font draws (scripts/console_charset.py)."""


def outside_console(text: str) -> set[str]:
    """The characters of ``text`` (line breaks aside) a Linux console cannot draw."""
    return {char for char in text if char != "\n" and char not in CONSOLE_CHARSET}


def _child_env(env: Mapping[str, str] | None) -> dict[str, str] | None:
    return None if env is None else {**os.environ, **env}


def run_cli(
    *args: str,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
    timeout: float = CLI_TIMEOUT_S,
) -> subprocess.CompletedProcess[str]:
    """`python -m pass_tui *args` in the repository, text in and out.

    `env` adds (or replaces) variables on top of this process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "pass_tui", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        input=input,
        timeout=timeout,
        env=_child_env(env),
    )


def run_cli_bytes(
    *args: str,
    env: Mapping[str, str] | None = None,
    input: bytes | None = None,
    timeout: float = CLI_TIMEOUT_S,
) -> subprocess.CompletedProcess[bytes]:
    """run_cli() for output read as bytes (feeds, PDF)."""
    return subprocess.run(
        [sys.executable, "-m", "pass_tui", *args],
        cwd=REPO,
        capture_output=True,
        input=input,
        timeout=timeout,
        env=_child_env(env),
    )


def run_python(code: str, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -c code *args` in the repository (a fresh interpreter), text out."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        check=check,
    )


# -- the real feed server --------------------------------------------------------------------
@dataclass
class Process:
    """A running `pass-tui feeds serve`; ``log`` is its stderr after the banner, once stopped."""

    popen: subprocess.Popen[str]
    port: int
    banner: str
    lines: list[str] = field(default_factory=list)
    log: str = ""

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str) -> int:
        """GET on a connection of its own; the status."""
        connection = http.client.HTTPConnection(*self.address, timeout=60)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def threads(self) -> int:
        status = Path(f"/proc/{self.popen.pid}/status").read_text()
        return int(re.search(r"^Threads:\s+(\d+)", status, re.M).group(1))  # type: ignore[union-attr]


@contextmanager
def feeds_process(
    data_dir: Path, stop: int = signal.SIGINT, *, lang: str = "fr"
) -> Iterator[Process]:
    """The real `pass-tui feeds serve --port 0` in ``lang``, stopped by ``stop`` at the end,
    which must exit 0. Its first stderr line is ``banner``; the rest is ``log`` once stopped."""
    command = [sys.executable, "-m", "pass_tui", "--lang", lang, "feeds", "serve"]
    popen = subprocess.Popen(
        [*command, "--port", "0", "--data-dir", str(data_dir)],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert popen.stderr is not None
        banner = popen.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/flux/offres", banner)
        assert match, banner
        process = Process(popen, int(match.group(1)), banner)
        # keep reading stderr, so that the server never blocks on a full pipe
        reader = threading.Thread(target=lambda: process.lines.extend(popen.stderr), daemon=True)  # type: ignore[arg-type]
        reader.start()
        yield process
        popen.send_signal(stop)
        assert popen.wait(timeout=60) == 0
        reader.join(timeout=10)
        process.log = "".join(process.lines)
    finally:
        if popen.poll() is None:
            popen.kill()
            popen.wait()


def fake_lp(tmp_path: Path, monkeypatch: Any, job: str) -> tuple[Path, Path]:
    """A fake `lp` first on PATH: it writes its arguments to a log and answers ``job``.
    Returns (the script, its log); the script can be rewritten to fail."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "lp.log"
    lp = bin_dir / "lp"
    lp.write_text(f'#!/bin/sh\necho "$@" > {log}\necho "{job}"\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    return lp, log
