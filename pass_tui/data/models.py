"""Pydantic models: the offer, its attachments, and search criteria."""

from __future__ import annotations

from datetime import date

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from pass_tui.data.refdata import refdata
from pass_tui.data.text import clean, clean_multiline

__all__ = [
    "Attachment",
    "CriteriaError",
    "Offer",
    "SearchCriteria",
    "first_error",
    "format_location",
]

_ONE_LINE = (
    "reference",
    "title",
    "versant",
    "category",
    "domain",
    "metier",
    "organisation",
    "employer",
    "service",
    "city",
    "duration",
    "contact_email",
    "contact_phone",
    "source_url",
)
_MULTI_LINE = ("description", "profile", "how_to_apply")


def first_error(exc: ValidationError) -> tuple[str, str]:
    """The dotted location and message of a validation error's first problem."""
    error = exc.errors()[0]
    return ".".join(str(part) for part in error["loc"]), error["msg"]


class Attachment(BaseModel):
    """A document attached to an offer by the employer (job sheet, brochure)."""

    model_config = ConfigDict(frozen=True)

    name: str
    url: str | None = None
    content: str | None = None  # base64, for attachments shipped inside the catalogue
    content_type: str = "application/octet-stream"

    @field_validator("name", "url", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean(value) if value is not None else None


class Offer(BaseModel):
    """One offer, as published on PASS / Place de l'emploi public."""

    model_config = ConfigDict(extra="ignore")

    reference: str = Field(min_length=1)
    title: str = Field(min_length=1)
    nature: str
    versant: str | None = None  # FPE / FPT / FPH
    category: str | None = None  # A / B / C
    domain: str | None = None
    metier: str | None = None
    organisation: str | None = None  # organisme de rattachement
    employer: str | None = None
    service: str | None = None
    region: str | None = None  # INSEE code
    department: str | None = None  # code as string: "2A", "974"
    city: str | None = None
    level: int | None = Field(default=None, ge=3, le=8)
    duration: str | None = None
    start_date: date | None = None
    published: date
    closing: date | None = None
    description: str = ""
    profile: str = ""
    how_to_apply: str = ""
    contact_email: str | None = None
    contact_phone: str | None = None
    apply_by_email: bool = False
    attachments: list[Attachment] = Field(default_factory=list)
    source_url: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _sanitise(cls, data: object) -> object:
        """Strip control characters from every untrusted string; empty strings become None."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for key in _ONE_LINE:
            if key in data and data[key] is not None:
                data[key] = clean(data[key]) or None
        for key in _MULTI_LINE:
            if key in data and data[key] is not None:
                data[key] = clean_multiline(data[key])
        for key in ("nature",):
            if key in data:
                data[key] = clean(data[key])
        dept = refdata().find_department(data.get("department"))
        if dept is not None:
            data["department"] = dept.code
            data["region"] = dept.region
        elif data.get("department") is not None:
            data["department"] = clean(data["department"]) or None
        if data.get("region") is not None:
            region = refdata().find_region(clean(data["region"]))
            data["region"] = region.code if region else None
        level = data.get("level")
        if level is not None and not isinstance(level, int):
            data["level"] = refdata().parse_level(level)
        return data

    def is_open(self, today: date) -> bool:
        return self.closing is None or self.closing >= today

    @property
    def location(self) -> str:
        """'Nantes (44)', or the department or region name when the city is unknown."""
        return format_location(self.city, self.department, self.region)


def format_location(city: str | None, department: str | None, region: str | None) -> str:
    """An offer's place in words, as result rows and the detail screen show it."""
    rd = refdata()
    if city and department:
        return f"{city} ({department})"
    if city:
        return city
    if department:
        return f"{rd.department_name(department)} ({department})"
    if region:
        return rd.region_name(region)
    return ""


class CriteriaError(ValueError):
    """A search criterion has a value outside its reference list."""

    def __init__(self, criterion: str, value: object, valid: list[str]) -> None:
        self.criterion = criterion
        self.value = value
        self.valid = valid
        super().__init__(
            f"valeur inconnue pour {criterion} : {value!r} ; valeurs possibles : {', '.join(valid)}"
        )


class SearchCriteria(BaseModel):
    """What a candidate searches for. Every criterion is optional; values within one
    criterion are alternatives (OR), criteria combine (AND)."""

    model_config = ConfigDict(frozen=True)

    keywords: str = ""
    natures: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()

    @field_validator("keywords", mode="before")
    @classmethod
    def _clean_keywords(cls, value: object) -> str:
        return clean(value)

    def validate_values(self, organisations: list[str] | None = None) -> SearchCriteria:
        """Raise CriteriaError naming the first unknown value. Organisations are checked
        against ``organisations`` (the catalogue's own list) when given."""
        rd = refdata()
        checks: list[tuple[str, tuple, dict[str, str]]] = [
            ("nature", self.natures, {n: n for n in rd.natures}),
            ("domaine", self.domains, {d: d for d in rd.domain_names}),
            ("niveau", self.levels, {str(n): str(n) for n in rd.level_labels}),
            ("région", self.regions, {r.code: f"{r.code} ({r.name})" for r in rd.regions}),
            ("département", self.departments, {d.code: d.code for d in rd.departments}),
        ]
        if organisations is not None:
            checks.append(("organisme", self.organisations, {o: o for o in organisations}))
        for name, values, valid in checks:
            for value in values:
                if str(value) not in valid:
                    raise CriteriaError(name, value, list(valid.values()))
        return self

    def describe(self) -> list[tuple[str, str]]:
        """The criteria in words, one (label, value) pair per criterion set."""
        rd = refdata()
        out: list[tuple[str, str]] = []
        if self.natures:
            out.append(("Nature de l'emploi", ", ".join(self.natures)))
        if self.domains:
            out.append(("Domaine fonctionnel", ", ".join(self.domains)))
        if self.organisations:
            out.append(("Organisme de rattachement", ", ".join(self.organisations)))
        if self.levels:
            out.append(("Niveau d'études", ", ".join(rd.level_label(n) for n in self.levels)))
        places = [rd.region_name(c) for c in self.regions]
        places += [f"{rd.department_name(c)} ({c})" for c in self.departments]
        if places:
            out.append(("Localisation du poste", ", ".join(places)))
        if self.keywords:
            out.append(("Mots clés", self.keywords))
        return out
