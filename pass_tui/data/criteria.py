"""The search criteria, defined once.

A :class:`Criterion` says everything about one way of narrowing a search: its name in
:class:`SearchCriteria` and in facet counts, the offer field it filters on, the CLI option
and feed-query parameter that carry it, its label, and its values with their labels.
The model below, the catalogue index, the CLI, the feed server, the search form and the
text renderings all read :data:`CRITERIA`; saved searches and alerts will too. Adding a
criterion means adding one entry here (and a bitmask in the index comes with it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model, field_validator

from pass_tui.data.errors import CriteriaError
from pass_tui.data.refdata import refdata
from pass_tui.data.text import clean, fold
from pass_tui.i18n import _

__all__ = [
    "BY_NAME",
    "BY_OPTION",
    "CRITERIA",
    "GROUP_LABELS",
    "KEYWORDS_OPTION",
    "Criterion",
    "SearchCriteria",
]

KEYWORDS_OPTION = "keywords"
"""The CLI option and feed parameter of the keywords (the feed also takes ``q``)."""


@dataclass(frozen=True, slots=True)
class Criterion:
    """One search criterion. Labels are French and translated when read."""

    name: str
    """Field of :class:`SearchCriteria` and key of the facet counts: ``"natures"``."""
    field: str
    """The :class:`~pass_tui.data.models.Offer` field it filters on: ``"nature"``."""
    option: str
    """CLI option (``--nature``, repeatable) and feed query parameter (``?nature=``)."""
    label: str
    """What it is called in the result header, texts and feeds: "Nature de l'emploi"."""
    help: str
    """The CLI option's help text."""
    metavar: str
    """The CLI option's value in its help ("--level NIVEAU"), French."""
    reference: Callable[[], Sequence[str]]
    """The reference values, in display order."""
    describe_value: Callable[[str], str] | None = None
    """A value as people read it, in the interface language. None: a reference value is
    translated (its French text is a catalogue key), any other value (an organisation, a
    domain a source made up) is data and shown as it is."""
    lookup: Callable[[str], str | None] | None = None
    """Lenient lookup of a typed value (a name for a code, another case); None: exact."""
    kind: type = str
    """The type of the values in :class:`SearchCriteria` (``int`` for levels)."""
    group: str = ""
    """Criteria sharing a group form one criterion when searching (regions and
    departments: a department narrows its own region). Empty: the criterion's name."""
    form_label: str = ""
    """Heading in the search form when it differs from :attr:`label`."""

    @property
    def search_group(self) -> str:
        return self.group or self.name

    @property
    def heading(self) -> str:
        """The search form's heading, translated."""
        return _(self.form_label or self.label)

    def value_label(self, value: object) -> str:
        """``value`` as people read it, in the interface language."""
        text = str(value)
        if self.describe_value is not None:
            return self.describe_value(text)
        return _(text) if text in self.reference() else text

    def reference_values(self) -> list[str]:
        """The reference values as strings (facet keys), in display order."""
        return [str(v) for v in self.reference()]

    def canonical(self, raw: object, known: Iterable[str] | None = None, *, name: str = "") -> Any:
        """The stored spelling of a typed value.

        Args:
            raw: The value as typed (``"6"`` for department ``"06"``, a region's name,
                a nature in another case).
            known: The valid values when they are not the reference list (organisations:
                the catalogue's own list).
            name: How the message names the criterion (``"--nature"``); default the option.

        Raises:
            CriteriaError: The value is not one of the valid values (they are listed).
        """
        text = clean(raw)
        valid = list(known) if known is not None else self.reference_values()
        found: str | None = None
        if text in valid:
            found = text
        elif self.lookup is not None and known is None:
            found = self.lookup(text)
        if found is None:
            wanted = fold(text)
            found = next((v for v in valid if fold(v) == wanted), None)
        if found is None or found not in valid:
            raise self.error(raw, valid, name=name)
        return self.kind(found)

    def error(self, raw: object, valid: Sequence[str], *, name: str = "") -> CriteriaError:
        shown = [self._valid_text(v) for v in valid]
        return CriteriaError(
            self.option,
            raw,
            shown,
            _(
                "valeur inconnue pour {name} : {value} ; valeurs possibles : {valid}",
                name=name or self.option,
                value=repr(raw),
                valid=", ".join(shown),
            ),
        )

    def _valid_text(self, value: str) -> str:
        label = self.value_label(value)
        return value if label == value or self.kind is int else f"{value} ({label})"


def _level_label(value: str) -> str:
    return refdata().level_label(int(value))


def _department_label(code: str) -> str:
    return f"{refdata().department_name(code)} ({code})"


def _find_region(value: str) -> str | None:
    region = refdata().find_region(value)
    return region.code if region else None


def _find_department(value: str) -> str | None:
    department = refdata().find_department(value)
    return department.code if department else None


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        name="natures",
        field="nature",
        option="nature",
        metavar="NATURE",
        label="Nature de l'emploi",
        help="nature de l'emploi (répétable), ex. Apprentissage, Stage",
        reference=lambda: refdata().natures,
    ),
    Criterion(
        name="domains",
        field="domain",
        option="domain",
        metavar="DOMAINE",
        label="Domaine fonctionnel",
        help="domaine fonctionnel (répétable)",
        reference=lambda: refdata().domain_names,
    ),
    Criterion(
        name="organisations",
        field="organisation",
        option="organisation",
        metavar="ORGANISME",
        label="Organisme de rattachement",
        help="organisme de rattachement (répétable)",
        reference=lambda: refdata().organisations,
    ),
    Criterion(
        name="levels",
        field="level",
        option="level",
        metavar="NIVEAU",
        label="Niveau d'études",
        help="niveau d'études, de 3 à 8 (répétable)",
        reference=lambda: [str(n) for n in refdata().level_labels],
        describe_value=_level_label,
        kind=int,
    ),
    Criterion(
        name="regions",
        field="region",
        option="region",
        metavar="RÉGION",
        label="Région",
        form_label="Localisation du poste : région",
        help="région : code INSEE ou nom (répétable), ex. 53",
        reference=lambda: [r.code for r in refdata().regions],
        describe_value=lambda code: refdata().region_name(code),
        lookup=_find_region,
        group="location",
    ),
    Criterion(
        name="departments",
        field="department",
        option="department",
        metavar="DÉPARTEMENT",
        label="Département",
        form_label="Localisation du poste : département",
        help="département : code ou nom (répétable), ex. 35, 2A",
        reference=lambda: [d.code for d in refdata().departments],
        describe_value=_department_label,
        lookup=_find_department,
        group="location",
    ),
)

GROUP_LABELS = {"location": "Localisation du poste"}
"""The label of a group of criteria that reads as one (French)."""

BY_NAME: dict[str, Criterion] = {c.name: c for c in CRITERIA}
BY_OPTION: dict[str, Criterion] = {c.option: c for c in CRITERIA}


class _CriteriaBase(BaseModel):
    """What every :class:`SearchCriteria` has besides its criteria: keywords, and the
    ways to build, check and describe one."""

    model_config = ConfigDict(frozen=True)

    keywords: str = ""

    @field_validator("keywords", mode="before")
    @classmethod
    def _clean_keywords(cls, value: object) -> str:
        return clean(value)

    def values(self, criterion: Criterion) -> tuple[Any, ...]:
        """The values chosen for ``criterion``."""
        return getattr(self, criterion.name)

    @classmethod
    def from_options(
        cls,
        values: Mapping[str, Iterable[object]],
        keywords: str = "",
        *,
        organisations: Iterable[str] | None = None,
        name_of: Callable[[Criterion], str] | None = None,
    ) -> SearchCriteria:
        """Criteria from typed values keyed by option name (``{"nature": ["stage"]}``),
        each put in its stored spelling.

        Args:
            values: Option name → typed values; unknown names raise KeyError.
            keywords: The keywords.
            organisations: The valid organisations (the catalogue's list); organisations
                are taken as typed when None (checked later, against the catalogue).
            name_of: How error messages name a criterion (``--nature``, "le paramètre
                nature"); default the option name.

        Raises:
            CriteriaError: A value outside its criterion's valid values (they are listed).
        """
        known_orgs = list(organisations) if organisations is not None else None
        chosen: dict[str, tuple[Any, ...]] = {}
        for option, raw_values in values.items():
            criterion = BY_OPTION[option]
            name = name_of(criterion) if name_of else ""
            if criterion.name == "organisations" and known_orgs is None:
                typed = (clean(v) for v in raw_values)
            else:
                known = known_orgs if criterion.name == "organisations" else None
                typed = (criterion.canonical(v, known, name=name) for v in raw_values)
            chosen[criterion.name] = tuple(dict.fromkeys(typed))
        return SearchCriteria(keywords=keywords, **chosen)

    def options(self) -> list[tuple[str, str]]:
        """(option, value) pairs: keywords first, then each criterion in table order.
        The inverse of :meth:`from_options`; feeds and command lines are built from it."""
        pairs = [(KEYWORDS_OPTION, self.keywords)] if self.keywords else []
        for criterion in CRITERIA:
            pairs.extend((criterion.option, str(v)) for v in self.values(criterion))
        return pairs

    def describe(self) -> list[tuple[str, str]]:
        """The criteria in words, one (label, values) pair per criterion chosen, labels
        and values in the interface language. Regions and departments share one line,
        "Localisation du poste"."""
        lines: dict[str, tuple[str, list[str]]] = {}
        for criterion in CRITERIA:
            chosen = [criterion.value_label(v) for v in self.values(criterion)]
            if chosen:
                label = GROUP_LABELS.get(criterion.group, criterion.label)
                lines.setdefault(criterion.search_group, (_(label), []))[1].extend(chosen)
        out = [(label, ", ".join(values)) for label, values in lines.values()]
        if self.keywords:
            out.append((_("Mots clés"), self.keywords))
        return out


SearchCriteria = create_model(  # type: ignore[call-overload]
    "SearchCriteria",
    __base__=_CriteriaBase,
    __module__=__name__,
    __doc__=(
        "What a candidate searches for. Every criterion is optional; values within one "
        "criterion are alternatives (OR), criteria combine (AND). One tuple field per "
        "entry of CRITERIA, plus ``keywords``."
    ),
    **{c.name: (tuple[c.kind, ...], ()) for c in CRITERIA},
)
"""The criteria of one search: ``keywords`` plus one tuple per :data:`CRITERIA` entry."""
