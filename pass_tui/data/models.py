"""Pydantic models: the offer and its attachments, and the checks a source's offers pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from pass_tui.data.refdata import refdata
from pass_tui.data.text import clean, clean_multiline, fold, web_url
from pass_tui.i18n import _

__all__ = [
    "EARLIEST_PUBLICATION",
    "MAX_REFERENCE_LENGTH",
    "Attachment",
    "Offer",
    "SourceChecks",
    "first_error",
    "format_location",
]

_ONE_LINE = (
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
)
_MULTI_LINE = ("description", "profile", "how_to_apply")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

EARLIEST_PUBLICATION = date(2000, 1, 1)
"""Older publication dates are refused from sources: year 1 cannot be written in Atom."""
MAX_REFERENCE_LENGTH = 100
_CONTEXT_KEY = "source_checks"


@dataclass(slots=True)
class SourceChecks:
    """The checks offers *from a source* (an import) pass on top of the model's own, and
    what they dropped along the way.

    The model itself checks types (text is text, a date is a date) and drops what is never
    safe (control, bidirectional and zero-width characters; links other than http(s)).
    These checks judge *values* against the reference lists and the calendar: offers read
    back from our own catalogue are validated without them, so a catalogue written by an
    older version stays readable even if a source check has since become stricter.

    Attributes:
        today: The day publication dates are checked against (a source may publish at
            most one day ahead, for time zones).
        dropped_links: Links refused because they were not http(s) (the offer is kept
            without them).
    """

    today: date
    dropped_links: list[str] = field(default_factory=list)

    def offer(self, data: object) -> Offer:
        """Validate one record from the source into an offer (raises ValidationError)."""
        return Offer.model_validate(data, context={_CONTEXT_KEY: self})


def _checks(info: ValidationInfo) -> SourceChecks | None:
    context = info.context
    return context.get(_CONTEXT_KEY) if isinstance(context, dict) else None


def _link(value: object, info: ValidationInfo) -> str | None:
    """An http(s) URL, or None (a link with another scheme is dropped and noted)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", _("texte attendu"))
    url = web_url(value)
    if url is None and clean(value):
        checks = _checks(info)
        if checks is not None:
            checks.dropped_links.append(clean(value))
    return url


def _error_text(error: Any) -> str:
    """A pydantic error in words, in the interface language."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("champ obligatoire absent")
    if kind in ("string_type", "string_sub_type", "string_unicode"):
        return _("texte attendu")
    if kind == "string_too_short":
        return _("vide")
    if kind == "string_too_long":
        return _("trop long (maximum {limit} caractères)", limit=str(ctx.get("max_length")))
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("nombre entier attendu")
    if kind in ("bool_type", "bool_parsing"):
        return _("vrai ou faux attendu (true/false)")
    if kind.startswith("date_"):
        return _("date attendue (AAAA-MM-JJ)")
    if kind in ("list_type", "tuple_type"):
        return _("liste attendue")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("objet attendu")
    if kind == "greater_than_equal":
        return _("valeur trop petite (minimum {limit})", limit=str(ctx.get("ge")))
    if kind == "less_than_equal":
        return _("valeur trop grande (maximum {limit})", limit=str(ctx.get("le")))
    if kind in ("float_type", "float_parsing"):
        return _("nombre attendu")
    if kind == "literal_error":
        return _("valeur inconnue (possibles : {expected})", expected=str(ctx.get("expected")))
    if kind == "extra_forbidden":
        return _("réglage inconnu")
    if kind == "value_error" and ctx.get("error") is not None:
        return str(ctx["error"])  # our own validators raise ValueError(_("…"))
    return str(error["msg"])


def first_error(exc: ValidationError) -> tuple[str, str]:
    """The dotted location and the message (in the interface language) of a validation
    error's first problem."""
    error = exc.errors()[0]
    return ".".join(str(part) for part in error["loc"]), _error_text(error)


class Attachment(BaseModel):
    """A document attached to an offer by the employer (job sheet, brochure)."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1)
    url: str | None = None  # http(s) only
    content: str | None = None  # base64, for attachments shipped inside the catalogue
    content_type: str = "application/octet-stream"

    @field_validator("name", "content_type", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean(value) if isinstance(value, str) else value

    @field_validator("url", mode="before")
    @classmethod
    def _web_only(cls, value: object, info: ValidationInfo) -> str | None:
        return _link(value, info)


class Offer(BaseModel):
    """One offer, as published on PASS / Place de l'emploi public.

    Values are checked, not coerced: a number or a list where text is expected is refused,
    not turned into text. Untrusted text is stripped of control, bidirectional and
    zero-width characters; links other than http(s) are dropped.
    """

    model_config = ConfigDict(extra="ignore")

    reference: str = Field(min_length=1)
    title: str = Field(min_length=1)
    nature: str = Field(min_length=1)
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
    level: int | None = Field(default=None, ge=3, le=8, strict=True)
    duration: str | None = None
    start_date: date | None = None
    published: date
    closing: date | None = None
    description: str = ""
    profile: str = ""
    how_to_apply: str = ""
    contact_email: str | None = None
    contact_phone: str | None = None
    apply_by_email: bool = Field(default=False, strict=True)
    attachments: list[Attachment] = Field(default_factory=list)
    source_url: str | None = None  # http(s) only

    @model_validator(mode="before")
    @classmethod
    def _sanitise(cls, data: object) -> object:
        """Strip control characters from every untrusted string; empty optional strings
        become None. Values of another type are left for the field's own check to refuse."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for key in ("reference", "title", "nature"):
            if isinstance(data.get(key), str):
                data[key] = clean(data[key])
        for key in _ONE_LINE:
            if isinstance(data.get(key), str):
                data[key] = clean(data[key]) or None
        for key in _MULTI_LINE:
            if isinstance(data.get(key), str):
                data[key] = clean_multiline(data[key])
        department = data.get("department")
        if isinstance(department, str):
            dept = refdata().find_department(department)
            if dept is not None:
                data["department"] = dept.code
                data["region"] = dept.region
            else:
                data["department"] = clean(department) or None
        if isinstance(data.get("region"), str):
            region = refdata().find_region(clean(data["region"]))
            data["region"] = region.code if region else None
        if isinstance(data.get("level"), str):
            data["level"] = refdata().parse_level(data["level"])
        return data

    @field_validator("reference")
    @classmethod
    def _printable_reference(cls, value: str, info: ValidationInfo) -> str:
        """From a source, printable characters only (what remains once cleaned), and not
        so long that it cannot be typed back."""
        if _checks(info) is None:
            return value
        if not value.isprintable():
            raise PydanticCustomError(
                "reference_unprintable", _("caractères invisibles ou non imprimables")
            )
        if len(value) > MAX_REFERENCE_LENGTH:
            raise PydanticCustomError(
                "reference_too_long",
                _("trop long (maximum {limit} caractères)", limit=str(MAX_REFERENCE_LENGTH)),
            )
        return value

    @field_validator("nature")
    @classmethod
    def _known_nature(cls, value: str, info: ValidationInfo) -> str:
        """From a source, one of the reference natures (any case or accents)."""
        if _checks(info) is None:
            return value
        natures = refdata().natures
        for nature in natures:
            if fold(nature) == fold(value):
                return nature
        raise PydanticCustomError(
            "nature_unknown",
            _("nature inconnue : {value} (possibles : {known})"),
            {"value": repr(value), "known": ", ".join(natures)},
        )

    @field_validator("start_date", "published", "closing", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        """A date, or its ISO text 'YYYY-MM-DD'; not a number of seconds, not a datetime."""
        if value is None or type(value) is date:
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            return value.strip()
        raise PydanticCustomError("date_type", _("date attendue (AAAA-MM-JJ)"))

    @field_validator("published")
    @classmethod
    def _plausible_publication(cls, value: date, info: ValidationInfo) -> date:
        """From a source, not before 2000 and at most one day ahead of today: a date in
        year 9999 would pin an offer to the top of every list."""
        checks = _checks(info)
        if checks is None:
            return value
        latest = checks.today + timedelta(days=1)
        if value < EARLIEST_PUBLICATION or value > latest:
            raise PydanticCustomError(
                "published_out_of_range",
                _("date de publication impossible : {value} (attendu entre {low} et {high})"),
                {
                    "value": value.isoformat(),
                    "low": EARLIEST_PUBLICATION.isoformat(),
                    "high": latest.isoformat(),
                },
            )
        return value

    @field_validator("source_url", mode="before")
    @classmethod
    def _web_only(cls, value: object, info: ValidationInfo) -> str | None:
        return _link(value, info)

    @field_validator("attachments")
    @classmethod
    def _reachable(cls, value: list[Attachment]) -> list[Attachment]:
        """Attachments left with neither content nor link (a dropped link) are dropped."""
        return [a for a in value if a.content or a.url]

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
