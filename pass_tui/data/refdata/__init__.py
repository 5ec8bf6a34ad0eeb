"""Reference data shipped with the package: natures, domains, levels, places, organisations."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "Department",
    "Domain",
    "RefData",
    "Region",
    "refdata",
]


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Department:
    code: str
    name: str
    region: str


@dataclass(frozen=True, slots=True)
class Domain:
    name: str
    metiers: tuple[str, ...]


def _load(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath(name).read_text("utf-8"))


_LEGACY_LEVEL = re.compile(r"\bniveau\s+(VIII|VII|VI|IV|V|III|II|I)\b", re.IGNORECASE)
_NUMERIC_LEVEL = re.compile(r"\bniveau\s*([3-8])\b", re.IGNORECASE)


class RefData:
    """All reference lists, loaded once from package JSON."""

    def __init__(self) -> None:
        self.natures: tuple[str, ...] = tuple(_load("natures.json"))
        self.domains: tuple[Domain, ...] = tuple(
            Domain(d["name"], tuple(d["metiers"])) for d in _load("domains.json")
        )
        levels = _load("levels.json")
        self.level_labels: dict[int, str] = {int(k): v for k, v in levels["labels"].items()}
        self.legacy_levels: dict[str, int] = dict(levels["legacy"])
        places = _load("regions-departements.json")
        self.regions: tuple[Region, ...] = tuple(
            Region(r["code"], r["nom"]) for r in places["regions"]
        )
        self.departments: tuple[Department, ...] = tuple(
            Department(d["code"], d["nom"], d["region"]) for d in places["departements"]
        )
        self.organisations: tuple[str, ...] = tuple(_load("organisations.json"))
        self.region_by_code = {r.code: r for r in self.regions}
        self.department_by_code = {d.code: d for d in self.departments}
        self.domain_names = tuple(d.name for d in self.domains)
        self._region_by_name = {_fold(r.name): r for r in self.regions}
        self._department_by_name = {_fold(d.name): d for d in self.departments}

    # -- labels -----------------------------------------------------------------------------
    def level_label(self, level: int) -> str:
        """'Niveau 3 : CAP, BEP ou équivalent', in the interface language."""
        from pass_tui.i18n import _

        return _("Niveau {n} : {label}", n=level, label=_(self.level_labels[level]))

    def region_name(self, code: str) -> str:
        region = self.region_by_code.get(code)
        return region.name if region else code

    def department_name(self, code: str) -> str:
        dept = self.department_by_code.get(code)
        return dept.name if dept else code

    def departments_of(self, region_code: str) -> list[Department]:
        return [d for d in self.departments if d.region == region_code]

    # -- parsing messy values ---------------------------------------------------------------
    def parse_level(self, value: str | int | None) -> int | None:
        """Map '3', 'Niveau 6 – (Bac+3 ou 4)', 'Niveau\\tV (CAP…)' or 'Niveau II' to 3..8."""
        if value is None:
            return None
        if isinstance(value, int):
            return value if value in self.level_labels else None
        text = " ".join(str(value).split())
        if text.isdigit():
            number = int(text)
            return number if number in self.level_labels else None
        match = _NUMERIC_LEVEL.search(text)
        if match:
            return int(match.group(1))
        match = _LEGACY_LEVEL.search(text)
        if match:
            return self.legacy_levels.get(match.group(1).upper())
        return None

    def find_region(self, value: str | None) -> Region | None:
        """A region by INSEE code or by (sloppily spelled) name: 'Centre-Val deLoire'."""
        if not value:
            return None
        value = value.strip()
        if value in self.region_by_code:
            return self.region_by_code[value]
        return self._region_by_name.get(_fold(value))

    def find_department(self, value: str | None) -> Department | None:
        """A department by code ('6' → '06', '2A', '974') or name, or from 'Paris (75)'."""
        if not value:
            return None
        value = value.strip()
        match = re.search(r"\(\s*(\d[\dAB]?\d?)\s*\)\s*$", value)
        if match:
            value = match.group(1)
        code = value.upper()
        if code.isdigit() and len(code) == 1:
            code = "0" + code
        if code in self.department_by_code:
            return self.department_by_code[code]
        return self._department_by_name.get(_fold(value))


def _fold(text: str) -> str:
    """Compare place names ignoring case, accents, spaces and hyphens."""
    from pass_tui.data.text import fold

    return "".join(ch for ch in fold(text) if ch.isalnum())


@cache
def refdata() -> RefData:
    """The process-wide reference data (immutable)."""
    return RefData()
