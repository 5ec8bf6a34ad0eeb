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
from pass_tui.data.models import Offer, first_error
from pass_tui.data.refdata import refdata
from pass_tui.data.text import clean, clean_multiline

__all__ = ["html_to_text", "parse_pass_rss", "safe_xml"]

DC = "{http://purl.org/dc/elements/1.1/}"


def safe_xml(data: bytes | str, *, source: str = "") -> ET.Element:
    """Parse XML into an ElementTree element, refusing DTDs and entity declarations."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_doctype(*_args: object) -> None:
        raise ImportFailed(
            "XML refusé : déclaration de type de document (DTD) ou d'entités interdite",
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
            f"XML mal formé ({expat.ErrorString(exc.code)})", line=exc.lineno, source=source
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
    for _ in range(3):
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
    match = _FR_DATE.search(value)
    if match:
        day, month, year = (int(g) for g in match.groups()[:3])
        return date(year, month, day)
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"date illisible : {value!r}") from None


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


def parse_pass_rss(data: bytes | str, *, source: str = "") -> list[Offer]:
    """All items of a PASS RSS feed as offers; ImportFailed names the first bad item."""
    root = safe_xml(data, source=source)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportFailed(
            "ce n'est pas un flux RSS 2.0 (élément <rss><channel> absent)", source=source
        )
    default_nature = _nature_for(source)
    natures = set(refdata().natures)
    offers: list[Offer] = []
    for number, item in enumerate(channel.iter("item"), 1):

        def text(tag: str, item: ET.Element = item) -> str:
            element = item.find(tag)
            return "".join(element.itertext()) if element is not None else ""

        try:
            title = html_to_text(_unescape(text("title")).replace("\n", " "))
            reference = clean(text(f"{DC}identifier")) or clean(text("guid"))
            if not reference:
                raise ValueError("référence absente (dc:identifier et guid vides)")
            published = _parse_date(text("pubDate")) or _parse_date(text(f"{DC}date"))
            if published is None:
                raise ValueError("date de publication absente (pubDate)")
            email, _, phone = text(f"{DC}creator").partition(" - ")
            category = clean(text("category"))
            employer = clean(_unescape(text(f"{DC}publisher") or text("author")))
            offer = Offer.model_validate(
                {
                    "reference": reference,
                    "title": title,
                    "nature": category if category in natures else default_nature,
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
                f"élément {number} : champ {field or 'offre'} invalide ({problem})", source=source
            ) from None
        except ValueError as exc:
            raise ImportFailed(f"élément {number} : {exc}", source=source) from None
        offers.append(offer)
    return offers
