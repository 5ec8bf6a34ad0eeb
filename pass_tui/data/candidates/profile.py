"""The fiche candidat: its model, its checks, and its draft kept between sessions."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from pass_tui.data.candidates.repositories import ProfileRepository
from pass_tui.data.candidates.store import AccountRecords
from pass_tui.data.candidates.terms import terms_of_use
from pass_tui.data.errors import FieldProblem, FormError
from pass_tui.data.refdata import refdata
from pass_tui.data.text import clean
from pass_tui.i18n import _

__all__ = [
    "Civility",
    "Profile",
    "ProfileService",
    "Seeking",
    "profile_problems",
    "terms_of_use",
]

Civility = Literal["madame", "monsieur"]
Seeking = Literal["apprentissage", "stage", "les deux"]

NAME_MAX = 100
ADDRESS_MAX = 300
_PHONE_CHARS = re.compile(r"\+?[0-9 .()\-]+")


class Profile(BaseModel):
    """The fiche; every field may be empty, since a draft is partial."""

    model_config = ConfigDict(extra="ignore")

    civility: Civility | None = None
    last_name: str = ""
    first_name: str = ""
    phone: str = ""
    address: str = ""
    """Postal address, free text, one line."""
    main_domain: str | None = None
    """One of ``refdata().domain_names``."""
    jobs: list[str] = []
    """Métiers from ``refdata().domains[*].metiers``."""
    regions: list[str] = []
    """INSEE region codes."""
    departments: list[str] = []
    """Department codes."""
    seeking: Seeking | None = None
    terms_accepted: bool = False


def _cleaned(profile: Profile) -> Profile:
    """The profile with its free text made one clean line each, lists without repeats."""
    return profile.model_copy(
        update={
            "last_name": clean(profile.last_name),
            "first_name": clean(profile.first_name),
            "phone": clean(profile.phone),
            "address": clean(profile.address),
            "jobs": list(dict.fromkeys(clean(j) for j in profile.jobs)),
            "regions": list(dict.fromkeys(clean(r) for r in profile.regions)),
            "departments": list(dict.fromkeys(clean(d) for d in profile.departments)),
        }
    )


def _phone_ok(phone: str) -> bool:
    if not _PHONE_CHARS.fullmatch(phone):
        return False
    digits = re.sub(r"\D", "", phone)
    if phone.startswith("+"):
        return 8 <= len(digits) <= 15
    if digits.startswith("00"):
        return 10 <= len(digits) <= 17
    return len(digits) == 10 and digits.startswith("0")


def _problem(field_id: str, label: str, problem: str) -> FieldProblem:
    return FieldProblem(field_id, _("{label} : {problem}", label=label, problem=problem))


def profile_problems(profile: Profile) -> list[FieldProblem]:
    """Every missing or wrong field of ``profile`` (cleaned first), in the form's order."""
    p = _cleaned(profile)
    ref = refdata()
    required = _("champ obligatoire.")
    problems: list[FieldProblem] = []
    if p.civility is None:
        problems.append(_problem("civility", _("Civilité"), required))
    for field_id, label, value in (
        ("last_name", _("Nom"), p.last_name),
        ("first_name", _("Prénom"), p.first_name),
    ):
        if not value:
            problems.append(_problem(field_id, label, required))
        elif len(value) > NAME_MAX:
            problems.append(_problem(field_id, label, _("{max} caractères au plus.", max=NAME_MAX)))
    if p.phone and not _phone_ok(p.phone):
        problems.append(
            _problem(
                "phone",
                _("Téléphone"),
                _("numéro invalide (exemple : 06 12 34 56 78 ou +33 6 12 34 56 78)."),
            )
        )
    if len(p.address) > ADDRESS_MAX:
        problems.append(
            _problem(
                "address", _("Adresse postale"), _("{max} caractères au plus.", max=ADDRESS_MAX)
            )
        )
    domain_label = _("Domaine fonctionnel principal")
    if not p.main_domain:
        problems.append(_problem("main_domain", domain_label, required))
    elif p.main_domain not in ref.domain_names:
        problems.append(_problem("main_domain", domain_label, _("valeur inconnue.")))
    known_jobs = {m for d in ref.domains for m in d.metiers}
    unknown = [j for j in p.jobs if j not in known_jobs]
    if unknown:
        problems.append(
            _problem("jobs", _("Métiers"), _("métier inconnu : {job}.", job=unknown[0]))
        )
    zones = _("Zones géographiques")
    bad_regions = [r for r in p.regions if r not in ref.region_by_code]
    if bad_regions:
        problems.append(
            _problem("regions", zones, _("région inconnue : {code}.", code=bad_regions[0]))
        )
    bad_departments = [d for d in p.departments if d not in ref.department_by_code]
    if bad_departments:
        problems.append(
            _problem(
                "departments", zones, _("département inconnu : {code}.", code=bad_departments[0])
            )
        )
    if p.seeking is None:
        problems.append(_problem("seeking", _("Vous êtes"), required))
    if not p.terms_accepted:
        problems.append(
            FieldProblem(
                "terms_accepted",
                _(
                    "Conditions générales d'utilisation : cochez « J'accepte les conditions "
                    "générales d'utilisation »."
                ),
            )
        )
    return problems


class ProfileService:
    """The fiche of one logged-in candidate (``services.space(session).profile``).

    Args:
        records: The candidate's account.
        guard: Called before every operation; raises SessionEnded once the session is over.
    """

    def __init__(self, records: AccountRecords, guard: Callable[[], object] | None = None) -> None:
        self._repo = ProfileRepository(records)
        self._guard = guard

    def _check(self) -> None:
        if self._guard is not None:
            self._guard()

    @staticmethod
    def _load(data: dict[str, Any] | None) -> Profile | None:
        if data is None:
            return None
        try:
            return Profile.model_validate(data)
        except ValidationError:
            return None  # a record from another version: ignore rather than fail

    def current(self) -> tuple[Profile, bool]:
        """The fiche to show: the draft if any, else the saved fiche, else an empty one;
        and whether a fiche was ever submitted."""
        self._check()
        saved = self._load(self._repo.saved())
        draft = self._load(self._repo.draft())
        return (draft or saved or Profile()), saved is not None

    def saved(self) -> Profile | None:
        """The submitted fiche, or None."""
        self._check()
        return self._load(self._repo.saved())

    def save_draft(self, profile: Profile) -> None:
        """Keep a half-filled fiche (no check) until it is submitted."""
        self._check()
        self._repo.save_draft(profile.model_dump(mode="json"))

    def submit(self, profile: Profile) -> Profile:
        """Check and save the fiche; the draft is dropped.

        Returns:
            The fiche as saved (free text cleaned).

        Raises:
            FormError: Every problem, in the form's order.
            SessionEnded: The session no longer exists.
        """
        self._check()
        problems = profile_problems(profile)
        if problems:
            raise FormError(problems)
        cleaned = _cleaned(profile)
        self._repo.save(cleaned.model_dump(mode="json"))
        return cleaned
