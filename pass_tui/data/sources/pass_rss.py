"""PASS RSS feeds (``/flux/offres``, ``/flux/offres_stages``) → offers.

RSS 2.0 with Dublin Core. The site's items are messy in known ways: the title is an HTML
link around the text, descriptions are entity-escaped HTML, employers can be escaped twice
(``l&amp;#039;image``), departments lose their leading zero (``6`` for ``06``), dates come
as ISO 8601 with a trailing newline or as ``ven 14/08/2026 - 16:29``.

XML is parsed with expat directly: a document type declaration (and so any entity
declaration, the vector of billion-laughs and external-entity attacks) is refused before
anything is expanded.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from xml.parsers import expat

from pydantic import ValidationError

from pass_tui.data.errors import ImportFailed
from pass_tui.data.models import Offer, SourceChecks, first_error
from pass_tui.data.sources.problems import xml_problem
from pass_tui.data.sources.unique import UniqueOffers
from pass_tui.data.text import clean, clean_multiline
from pass_tui.i18n import _

__all__ = ["html_to_text", "parse_pass_rss", "safe_xml"]

DC = "{http://purl.org/dc/elements/1.1/}"


def safe_xml(data: bytes | str, *, source: str = "") -> ET.Element:
    """Parse XML into an ElementTree element, refusing DTDs and entity declarations."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_doctype(*_args: object) -> None:
        raise ImportFailed(
            _("XML refusé : déclaration de type de document (DTD) ou d'entités interdite"),
            line=parser.CurrentLineNumber,
            source=source,
        )

    def name(tag: str) -> str:
        return "{" + tag if "}" in tag else tag

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.ExternalEntityRefHandler = lambda *_a: 0
    parser.StartElementHandler = lambda tag, attrs: builder.start(
        name(tag), {name(k): v for k, v in attrs.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ImportFailed(
            _("XML mal formé ({error})", error=xml_problem(exc)),
            line=exc.lineno,
            source=source,
        ) from None
    return builder.close()


class _HtmlText(HTMLParser):
    """HTML fragment → plain text keeping paragraphs and "- " bullets."""

    _BLOCKS = frozenset(
        [
            "p",
            "div",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "tr",
            "blockquote",
            "section",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (tags dropped, entities decoded, bullets kept)."""
    parser = _HtmlText()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return clean_multiline("\n".join(lines))


def _unescape(value: str) -> str:
    """Undo entity escaping applied once or twice (``l&amp;#039;image`` → ``l'image``)."""
    for _attempt in range(3):
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return value


_FR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*-\s*(\d{1,2}):(\d{2}))?")
_DURATION = re.compile(r"entre\s+(\d+)\s+et\s+(\d+)\s+mois", re.IGNORECASE)


def _parse_date(value: str) -> date | None:
    """ISO 8601 (trailing newline and all), RFC 822, or 'ven 14/08/2026 - 16:29'."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        match = _FR_DATE.search(value)
        if match:
            day, month, year = (int(g) for g in match.groups()[:3])
            return date(year, month, day)
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        raise ValueError(_("date illisible : {value}", value=repr(value))) from None


def _duration(value: str) -> str | None:
    """'Entre 24 et 36 mois' kept; 'Entre 12 et 0 mois' (no upper bound) → '12 mois'."""
    value = clean(value)
    match = _DURATION.fullmatch(value)
    if match:
        low, high = int(match.group(1)), int(match.group(2))
        if high == 0 or high == low:
            return f"{low} mois"
        if high < low:
            low, high = high, low
        return f"Entre {low} et {high} mois"
    return value or None


def _nature_for(source: str) -> str:
    return "Stage" if "offres_stages" in source else "Apprentissage"


def parse_pass_rss(
    data: bytes | str, *, source: str = "", checks: SourceChecks | None = None
) -> list[Offer]:
    """All items of a PASS RSS feed as offers; ImportFailed names the first bad item.

    Args:
        data: The feed.
        source: Its name or URL, for messages (and the default nature: a URL with
            ``offres_stages`` lists internships).
        checks: The source checks to apply (publication dates against ``checks.today``);
            defaults to checks against today.

    Raises:
        ImportFailed: Malformed XML, a DTD, an item without a reference or with a bad
            value, or a reference listed twice (the message names both items).
    """
    checks = checks if checks is not None else SourceChecks(date.today())
    root = safe_xml(data, source=source)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportFailed(
            _("ce n'est pas un flux RSS 2.0 (élément <rss><channel> absent)"), source=source
        )
    default_nature = _nature_for(source)
    offers = UniqueOffers(
        source,
        lambda number, reference, first: _(
            "élément {number} : référence {reference} en double (déjà élément {first})",
            number=str(number),
            reference=reference,
            first=str(first),
        ),
    )
    for number, item in enumerate(channel.iter("item"), 1):

        def text(tag: str, item: ET.Element = item) -> str:
            element = item.find(tag)
            return "".join(element.itertext()) if element is not None else ""

        try:
            title = html_to_text(_unescape(text("title")).replace("\n", " "))
            reference = clean(text(f"{DC}identifier")) or clean(text("guid"))
            if not reference:
                raise ValueError(_("référence absente (dc:identifier et guid vides)"))
            published = _parse_date(text("pubDate")) or _parse_date(text(f"{DC}date"))
            if published is None:
                raise ValueError(_("date de publication absente (pubDate)"))
            email, _sep, phone = text(f"{DC}creator").partition(" - ")
            employer = clean(_unescape(text(f"{DC}publisher") or text("author")))
            offer = checks.offer(
                {
                    "reference": reference,
                    "title": title,
                    # PASS's own feeds have no category; ours (and others') name the nature.
                    "nature": clean(text("category")) or default_nature,
                    "employer": employer,
                    "organisation": clean(_unescape(text(f"{DC}contributor"))),
                    "contact_email": clean(email),
                    "contact_phone": clean(phone),
                    "department": clean(text(f"{DC}description")),
                    "city": clean(_unescape(text(f"{DC}coverage"))),
                    "start_date": _parse_date(text(f"{DC}date")),
                    "level": clean(text(f"{DC}type")) or None,
                    "duration": _duration(text(f"{DC}format")),
                    "published": published,
                    "description": html_to_text(_unescape(text("description"))),
                    "source_url": clean(text("link")),
                }
            )
        except ValidationError as exc:
            field, problem = first_error(exc)
            raise ImportFailed(
                _(
                    "élément {number} : champ {field} invalide ({problem})",
                    number=str(number),
                    field=field or _("offre"),
                    problem=problem,
                ),
                source=source,
            ) from None
        except ValueError as exc:
            raise ImportFailed(
                _("élément {number} : {problem}", number=str(number), problem=exc), source=source
            ) from None
        offers.add(number, offer)
    return offers.offers
