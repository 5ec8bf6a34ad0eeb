"""Pydantic models: the offer and its attachments."""

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

__all__ = ["Attachment", "Offer", "first_error", "format_location"]

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
