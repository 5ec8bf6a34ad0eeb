"""RSS 2.0 and Atom 1.0 feeds of offers, and search criteria as feed URL queries.

The RSS items follow the mapping of the real PASS site's feeds, so that PASS consumers (and
our own PASS-RSS importer) read ours the same way:

=================  ============================================================
``title``          offer title (PASS wraps it in an HTML link; we emit plain text)
``link``           the offer's source URL, else ``{base}/offre/{reference}``
``description``    HTML: description then profile, ``<p>`` paragraphs, "- " lines
                   as ``<ul><li>``
``author``         employer (also ``dc:publisher``)
``dc:contributor`` organisme de rattachement
``dc:creator``     "e-mail - phone" (either part may be empty)
``dc:description`` department code without its leading zero ("06" → "6", "2A")
``dc:coverage``    city
``dc:date``        contract start date (ISO)
``dc:type``        level, "Niveau 6 – (label)" (French in both languages: it is PASS's
                   notation, which consumers and our importer parse)
``dc:format``      duration
``dc:identifier``  reference
``pubDate``        publication date (RFC 822)
``guid``           reference (``isPermaLink="false"``)
``category``       nature (the French reference value, as PASS writes it)
=================  ============================================================

Feed titles, descriptions and the offers' labels follow the interface language; the offers'
own text stays French, and so does the feeds' declared language (``fr``).

Documents are built with :mod:`xml.etree.ElementTree`, which escapes every text and
attribute; characters XML 1.0 forbids are dropped before that.
"""

from __future__ import annotations

import html
import re
import shlex
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from urllib.parse import parse_qsl, quote, urlencode

from pass_tui.data.criteria import BY_NAME, CRITERIA, KEYWORDS_OPTION, SearchCriteria
from pass_tui.data.errors import BadInput, QueryError
from pass_tui.data.models import Offer
from pass_tui.data.publishing.render import PROFILE, count_line, offer_text
from pass_tui.data.refdata import refdata
from pass_tui.data.text import web_url
from pass_tui.i18n import _

__all__ = [
    "ATOM_CONTENT_TYPE",
    "DEFAULT_BASE_URL",
    "QUERY_PARAMETERS",
    "RSS_CONTENT_TYPE",
    "QueryError",
    "atom_id",
    "criteria_from_query",
    "criteria_to_cli",
    "criteria_to_query",
    "department_for_feed",
    "feed_url",
    "level_for_feed",
    "offer_html",
    "offer_link",
    "render_atom",
    "render_rss",
    "render_search_feed",
]

RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8"
DEFAULT_BASE_URL = "http://127.0.0.1:8080"  # where `make_server` listens by default
SEARCH_PATH = "/flux/recherche"
ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"

DC_NS = "http://purl.org/dc/elements/1.1/"
ATOM_NS = "http://www.w3.org/2005/Atom"
GENERATOR = "pass-tui"

# Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BULLET = re.compile(r"^[-•*]\s+")

# Feed query parameters: the CLI's option names, plus "q" for the keywords.
_KEYWORD_PARAMETERS = (KEYWORDS_OPTION, "q")
QUERY_PARAMETERS: tuple[str, ...] = (*_KEYWORD_PARAMETERS, *(c.option for c in CRITERIA))


# -- small helpers ----------------------------------------------------------------------------
def _x(value: object) -> str:
    """Text safe for XML 1.0 (ElementTree escapes markup but not forbidden characters)."""
    return _XML_FORBIDDEN.sub("", str(value))


def _sub(parent: ET.Element, tag: str, text: object | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _x(v) for k, v in attrib.items()})
    if text is not None:
        element.text = _x(text)
    return element


def _opt(parent: ET.Element, tag: str, text: str | None) -> None:
    """A child element only when there is something to say."""
    if text:
        _sub(parent, tag, text)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


def _rfc822(day: date) -> str:
    return format_datetime(_midnight(day), usegmt=True)


def _rfc3339(day: date | datetime) -> str:
    moment = day if isinstance(day, datetime) else _midnight(day)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _newest(offers: Sequence[Offer]) -> date | None:
    return max((o.published for o in offers), default=None)


# -- links ------------------------------------------------------------------------------------
def _web_link(url: str, what: str) -> str:
    """``url`` when it is an absolute http(s) URL; BadInput otherwise.

    Feed-level links come from whoever runs the feeds (``--base-url``), not from sources:
    a wrong one is a configuration error to report, not something to publish.
    """
    checked = web_url(url)
    if checked is None:
        raise BadInput(
            _("{what} : adresse http(s) absolue attendue, pas {url}", what=what, url=repr(url))
        )
    return checked


# -- the PASS item mapping --------------------------------------------------------------------
def offer_link(offer: Offer, base_url: str) -> str:
    """The offer's URL: its source URL when it is http(s), else ``{base_url}/offre/{ref}``.

    A source URL with another scheme (``javascript:``, ``data:``, ``file:``) is never
    published, even if one reached the catalogue without going through :class:`Offer`.

    Args:
        offer: The offer.
        base_url: Site root used for offers without a source URL (no trailing slash needed).

    Returns:
        An absolute http(s) URL.

    Raises:
        BadInput: ``base_url`` is needed and is not an absolute http(s) URL.
    """
    source = web_url(offer.source_url)
    if source is not None:
        return source
    base = _web_link(base_url, _("adresse de base des flux"))
    return f"{base.rstrip('/')}/offre/{quote(offer.reference, safe='')}"


def department_for_feed(code: str | None) -> str:
    """A department code as PASS feeds write it: "06" → "6"; "2A", "75", "974" unchanged.

    Args:
        code: Department code as stored on the offer, or None.

    Returns:
        The code without a leading zero, or "" when there is none.
    """
    if not code:
        return ""
    if len(code) == 2 and code[0] == "0" and code[1].isdigit():
        return code[1]
    return code


def level_for_feed(level: int | None) -> str:
    """An education level as PASS feeds write it: "Niveau 6 – (Bac+3 ou 4 …)".

    Args:
        level: Level number 3–8, or None.

    Returns:
        The label, or "" for no level.
    """
    if level is None:
        return ""
    label = refdata().level_labels.get(level)
    return f"Niveau {level} – ({label})" if label else f"Niveau {level}"


def _html_blocks(text: str) -> list[str]:
    """Plain multi-line text as HTML: blank-line separated paragraphs, "- " lines as lists."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        para: list[str] = []
        items: list[str] = []
        for line in lines:
            bullet = _BULLET.match(line)
            if bullet:
                if para:
                    out.append("<p>" + "<br/>".join(para) + "</p>")
                    para = []
                items.append("<li>" + html.escape(line[bullet.end() :], quote=False) + "</li>")
            else:
                if items:
                    out.append("<ul>" + "".join(items) + "</ul>")
                    items = []
                para.append(html.escape(line, quote=False))
        if para:
            out.append("<p>" + "<br/>".join(para) + "</p>")
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
    return out


def offer_html(offer: Offer) -> str:
    """The RSS ``description`` of an offer: its description, then its profile, as HTML.

    Every piece of offer text is HTML-escaped here; the XML writer escapes the result
    once more, as RSS requires for HTML in ``description``.

    Args:
        offer: The offer.

    Returns:
        An HTML fragment (possibly empty).
    """
    parts = _html_blocks(offer.description) if offer.description else []
    if offer.profile:
        heading = html.escape(_("{label} :", label=_(PROFILE)), quote=False)
        parts.append(f"<p><strong>{heading}</strong></p>")
        parts.extend(_html_blocks(offer.profile))
    return "\n".join(parts)


def _contact(offer: Offer) -> str:
    """PASS's ``dc:creator``: "email - phone", either side possibly empty."""
    if not offer.contact_email and not offer.contact_phone:
        return ""
    return f"{offer.contact_email or ''} - {offer.contact_phone or ''}"


def _rss_item(channel: ET.Element, offer: Offer, base_url: str) -> None:
    item = _sub(channel, "item")
    link = offer_link(offer, base_url)
    _sub(item, "title", offer.title)
    _sub(item, "link", link)
    _sub(item, "description", offer_html(offer))
    _opt(item, "author", offer.employer)
    _sub(item, "category", offer.nature)
    _sub(item, "guid", offer.reference, isPermaLink="false")
    _sub(item, "pubDate", _rfc822(offer.published))
    _opt(item, "dc:publisher", offer.employer)
    _opt(item, "dc:contributor", offer.organisation)
    _opt(item, "dc:creator", _contact(offer))
    # dc:description after description: feedparser maps it onto entry content, not summary.
    _opt(item, "dc:description", department_for_feed(offer.department))
    _opt(item, "dc:coverage", offer.city)
    _opt(item, "dc:date", offer.start_date.isoformat() if offer.start_date else None)
    _opt(item, "dc:type", level_for_feed(offer.level))
    _opt(item, "dc:format", offer.duration)
    _sub(item, "dc:identifier", offer.reference)


def render_rss(
    offers: Iterable[Offer],
    *,
    title: str,
    link: str,
    description: str,
    self_url: str | None = None,
    base_url: str | None = None,
) -> bytes:
    """An RSS 2.0 feed of offers, with PASS's item mapping (see the module docstring).

    Args:
        offers: The offers, in feed order (newest first); the order is kept.
        title: Channel title.
        link: Channel link (the site or search page the feed stands for).
        description: Channel description.
        self_url: The feed's own URL, announced as ``atom:link rel="self"``.
        base_url: Root for offer links of offers without a source URL; defaults to ``link``.

    Returns:
        The UTF-8 encoded document.

    Raises:
        BadInput: ``link``, ``self_url`` or a needed ``base_url`` is not an absolute
            http(s) URL.
    """
    offers = list(offers)
    link = _web_link(link, _("lien du flux"))
    self_url = _web_link(self_url, _("adresse du flux")) if self_url else None
    base = base_url if base_url is not None else link
    rss = ET.Element("rss", {"version": "2.0", "xmlns:dc": DC_NS, "xmlns:atom": ATOM_NS})
    channel = _sub(rss, "channel")
    _sub(channel, "title", title)
    _sub(channel, "link", link)
    _sub(channel, "description", description)
    _sub(channel, "language", "fr")
    _sub(channel, "generator", GENERATOR)
    newest = _newest(offers)
    if newest is not None:
        _sub(channel, "pubDate", _rfc822(newest))
        _sub(channel, "lastBuildDate", _rfc822(newest))
    if self_url:
        _sub(channel, "atom:link", href=self_url, rel="self", type="application/rss+xml")
    for offer in offers:
        _rss_item(channel, offer, base)
    return _serialise(rss)


# -- Atom -------------------------------------------------------------------------------------
def atom_id(reference: str) -> str:
    """The permanent Atom entry id of an offer: ``urn:pass-tui:offre:{reference}``."""
    return "urn:pass-tui:offre:" + quote(reference, safe="-._~!$&'()*+,;=@")


def render_atom(
    offers: Iterable[Offer],
    *,
    title: str,
    link: str,
    feed_id: str,
    self_url: str | None = None,
    base_url: str | None = None,
    updated: date | datetime | None = None,
) -> bytes:
    """An Atom 1.0 (RFC 4287) feed of offers.

    Entries carry the offer as plain text (``render.offer_text``) in ``content``, a
    one-line ``summary``, the employer as author and the nature as category.

    Args:
        offers: The offers, in feed order (newest first); the order is kept.
        title: Feed title.
        link: The page the feed stands for (``link rel="alternate"``).
        feed_id: Permanent IRI identifying the feed.
        self_url: The feed's own URL (``link rel="self"``).
        base_url: Root for offer links of offers without a source URL; defaults to ``link``.
        updated: Feed ``updated``; defaults to the newest publication date, or today (UTC)
            for an empty feed.

    Returns:
        The UTF-8 encoded document.

    Raises:
        BadInput: ``link``, ``self_url`` or a needed ``base_url`` is not an absolute
            http(s) URL.
    """
    offers = list(offers)
    link = _web_link(link, _("lien du flux"))
    self_url = _web_link(self_url, _("adresse du flux")) if self_url else None
    base = base_url if base_url is not None else link
    if updated is None:
        updated = _newest(offers) or datetime.now(UTC).date()
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "fr"})
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title, type="text")
    _sub(feed, "updated", _rfc3339(updated))
    _sub(feed, "generator", GENERATOR)
    author = _sub(feed, "author")  # entries without an employer inherit it (RFC 4287 4.1.1)
    _sub(author, "name", GENERATOR)
    _sub(feed, "link", rel="alternate", type="text/html", href=link)
    if self_url:
        _sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    for offer in offers:
        entry = _sub(feed, "entry")
        _sub(entry, "id", atom_id(offer.reference))
        _sub(entry, "title", offer.title, type="text")
        _sub(entry, "published", _rfc3339(offer.published))
        _sub(entry, "updated", _rfc3339(offer.published))
        _sub(entry, "link", rel="alternate", href=offer_link(offer, base))
        name = offer.employer or offer.organisation
        if name:
            _sub(_sub(entry, "author"), "name", name)
        nature = BY_NAME["natures"].value_label(offer.nature)
        _sub(entry, "category", term=offer.nature, label=nature)
        summary = " — ".join(p for p in (offer.employer, offer.location, nature) if p)
        _sub(entry, "summary", summary, type="text")
        _sub(entry, "content", offer_text(offer), type="text")
    return _serialise(feed)


# -- criteria <-> query string / command line -------------------------------------------------
def criteria_from_query(query: str, *, organisations: list[str] | None = None) -> SearchCriteria:
    """Search criteria from a feed URL query (``/flux/recherche?…``).

    Parameters have the names of the ``pass-tui search`` options: ``keywords`` (or ``q``)
    and one repeatable parameter per criterion (``nature``, ``level``, ``region``…).
    Empty values are ignored; values are read as leniently as the CLI reads them (any
    case or accents, "6" for department "06", a region's name for its code).

    Args:
        query: The query string, with or without its leading "?".
        organisations: Valid organisations (the catalogue's list); unchecked when None.

    Returns:
        Validated criteria.

    Raises:
        QueryError: An unknown parameter, or an unreadable query.
        CriteriaError: A value outside its reference list (the message names the parameter).
    """
    keywords: list[str] = []
    values: dict[str, list[str]] = {}
    try:
        pairs = parse_qsl(
            query.removeprefix("?"), keep_blank_values=True, errors="strict", max_num_fields=200
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise QueryError(_("paramètres de recherche illisibles : {error}", error=exc)) from None
    for name, value in pairs:
        value = value.strip()
        if name not in QUERY_PARAMETERS:
            raise QueryError(
                _(
                    "paramètre inconnu : {name} ; paramètres possibles : {known}",
                    name=repr(name),
                    known=", ".join(QUERY_PARAMETERS),
                )
            )
        if not value:
            continue
        if name in _KEYWORD_PARAMETERS:
            keywords.append(value)
        else:
            values.setdefault(name, []).append(value)
    return SearchCriteria.from_options(
        values,
        " ".join(keywords),
        organisations=organisations,
        name_of=lambda c: _("le paramètre {name}", name=c.option),
    )


def criteria_to_query(criteria: SearchCriteria) -> str:
    """The feed URL query for ``criteria`` (inverse of :func:`criteria_from_query`).

    Args:
        criteria: Search criteria.

    Returns:
        A URL-encoded query without the leading "?" (empty for no criteria), parameters in
        a stable order: keywords, nature, domain, organisation, level, region, department.
    """
    return urlencode(criteria.options(), quote_via=quote, safe="")


def criteria_to_cli(criteria: SearchCriteria, *, format: str = "rss") -> str:
    """The ``pass-tui search`` command printing the same feed, quoted for a POSIX shell.

    Args:
        criteria: Search criteria.
        format: Value of ``--format`` (``rss`` or ``atom``).

    Returns:
        A command line such as ``pass-tui search --keywords 'espaces verts' --format rss``.
    """
    words = ["pass-tui", "search"]
    for name, value in criteria.options():
        words += [f"--{name}", shlex.quote(value)]
    words += ["--format", shlex.quote(format)]
    return " ".join(words)


# -- the search feed --------------------------------------------------------------------------
def feed_url(
    criteria: SearchCriteria, *, format: str = "rss", base_url: str = DEFAULT_BASE_URL
) -> str:
    """The address of the feed server's search feed for ``criteria``.

    Args:
        criteria: Search criteria.
        format: ``rss`` or ``atom``.
        base_url: The feed server's root URL.

    Returns:
        For example ``http://127.0.0.1:8080/flux/recherche?keywords=jardin&region=53``.
    """
    url = base_url.rstrip("/") + SEARCH_PATH + (".atom" if format == "atom" else "")
    query = criteria_to_query(criteria)
    return f"{url}?{query}" if query else url


def render_search_feed(
    offers: Iterable[Offer],
    criteria: SearchCriteria,
    *,
    count: int,
    format: str = "rss",
    base_url: str = DEFAULT_BASE_URL,
) -> bytes:
    """The search feed for ``criteria``, as the feed server and ``search --format`` give it.

    Args:
        offers: The offers to list, newest first (already capped by the caller).
        criteria: The criteria they match (they make the title and the feed's own URL).
        count: Total number of matching offers (stated in the RSS description).
        format: ``rss`` or ``atom``.
        base_url: The feed server's root URL, for the feed's and offers' links.

    Returns:
        The UTF-8 encoded document.
    """
    base = base_url.rstrip("/")
    described = criteria.describe()
    chosen = _(" ; ").join(value for _label, value in described)
    title = _("PASS – recherche : {criteria}", criteria=chosen or _("toutes les offres"))
    self_url = feed_url(criteria, format=format, base_url=base)
    if format == "atom":
        return render_atom(
            offers, title=title, link=base + "/", feed_id=self_url, self_url=self_url, base_url=base
        )
    description = " ".join(
        [count_line(count) + "."]
        + [_("{label} : {value}", label=label, value=value) + "." for label, value in described]
    )
    return render_rss(
        offers,
        title=title,
        link=base + "/",
        description=description,
        self_url=self_url,
        base_url=base,
    )
