"""RSS and Atom feeds read back by a real consumer (feedparser); criteria <-> feed queries."""

from __future__ import annotations

import calendar
import shlex
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta

import feedparser
import pytest

from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.errors import CriteriaError
from pass_tui.data.models import Offer
from pass_tui.data.publishing.feeds import (
    QueryError,
    atom_id,
    criteria_from_query,
    criteria_to_cli,
    criteria_to_query,
    department_for_feed,
    feed_url,
    level_for_feed,
    render_atom,
    render_rss,
    render_search_feed,
)
from tests.factories import TODAY, offer

DC = "{http://purl.org/dc/elements/1.1/}"
NASTY_TITLE = "<script>&amp; [@click=app.quit] Apprenti(e)"
NASTY_EMPLOYER = "Mairie de Nice & Métropole <Côte d'Azur>"


@pytest.fixture
def offers() -> list[Offer]:
    """Newest first, as the catalogue returns them."""
    return [
        offer(
            "A-2026-1",
            1,
            title=NASTY_TITLE,
            employer=NASTY_EMPLOYER,
            organisation="Ministère de l'Intérieur",
            department="06",
            city="Nice",
            level=6,
            duration="24 mois",
            start_date=date(2027, 9, 1),
            contact_email="rh@nice.example",
            contact_phone="04 93 00 00 00",
            description=(
                "Vous rejoignez le service <b>informatique</b>.\n\n"
                "Missions :\n- Installer les postes\n- Aider les agents"
            ),
            profile="Curieux & rigoureux.",
        ),
        offer(
            "A-2026-2",
            3,
            title="Stagiaire juriste",
            nature="Stage",
            employer="Préfecture de Corse-du-Sud",
            department="2A",
            city="Ajaccio",
            contact_email="stage@corse.example",
            source_url="https://www.pass.fonction-publique.gouv.fr/offre/2026-2",
        ),
        offer("A-2026-3", 10, title="Apprenti jardinier", department="974", level=3),
    ]


def rss(offers: list[Offer]) -> bytes:
    return render_rss(
        offers,
        title="PASS – offres",
        link="http://feeds.example/",
        description="Offres ouvertes",
        self_url="http://feeds.example/flux/offres",
    )


def atom(offers: list[Offer]) -> bytes:
    return render_atom(
        offers,
        title="PASS – offres",
        link="http://feeds.example/",
        feed_id="http://feeds.example/flux/offres.atom",
        self_url="http://feeds.example/flux/offres.atom",
    )


def parsed_day(struct: object) -> date:
    """A feedparser UTC time tuple as a date."""
    return datetime.fromtimestamp(calendar.timegm(struct), UTC).date()  # type: ignore[arg-type]


# -- RSS ---------------------------------------------------------------------------------------
def test_rss_is_read_back_by_feedparser_with_every_offer_in_order(offers: list[Offer]) -> None:
    feed = feedparser.parse(rss(offers))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title == "PASS – offres"
    assert feed.feed.language == "fr"
    assert [e.id for e in feed.entries] == ["A-2026-1", "A-2026-2", "A-2026-3"]
    assert [e.title for e in feed.entries] == [
        NASTY_TITLE,
        "Stagiaire juriste",
        "Apprenti jardinier",
    ]


def test_rss_items_follow_the_pass_mapping(offers: list[Offer]) -> None:
    first, second, third = feedparser.parse(rss(offers)).entries
    # link: a stable URL on the feed's site, or the offer's own source URL
    assert first.link == "http://feeds.example/offre/A-2026-1"
    assert second.link == "https://www.pass.fonction-publique.gouv.fr/offre/2026-2"
    # employer in author and dc:publisher; organisation in dc:contributor
    assert first.authors[0]["name"] == NASTY_EMPLOYER
    assert first.publisher == NASTY_EMPLOYER
    assert first.contributors == [{"name": "Ministère de l'Intérieur"}]
    # reference in dc:identifier and guid (not a permalink)
    assert first.dc_identifier == "A-2026-1"
    assert first.guidislink is False
    # dc:description is the department without its leading zero (feedparser: content)
    assert first.content[0]["value"] == "6"
    assert second.content[0]["value"] == "2A"
    assert third.content[0]["value"] == "974"
    # level, city, duration, nature
    assert first.dc_type == "Niveau 6 – (Bac+3 ou 4 (Licence, BUT, Maîtrise))"
    assert third.dc_type.startswith("Niveau 3 – (CAP")
    assert first.dc_coverage == "Nice"
    assert first.dc_format == "24 mois"
    assert [t["term"] for t in first.tags] == ["Apprentissage"]
    assert [t["term"] for t in second.tags] == ["Stage"]
    # pubDate is the publication date; dc:date the contract start
    assert parsed_day(first.published_parsed) == TODAY - timedelta(days=1)
    assert parsed_day(third.published_parsed) == TODAY - timedelta(days=10)
    assert parsed_day(first.updated_parsed) == date(2027, 9, 1)


def test_rss_dublin_core_elements_are_exact(offers: list[Offer]) -> None:
    items = ET.fromstring(rss(offers)).findall("channel/item")
    first, second, third = items
    assert first.findtext(f"{DC}creator") == "rh@nice.example - 04 93 00 00 00"
    assert second.findtext(f"{DC}creator") == "stage@corse.example - "
    assert third.find(f"{DC}creator") is None
    assert first.findtext(f"{DC}description") == "6"
    assert first.findtext(f"{DC}date") == "2027-09-01"
    assert third.find(f"{DC}date") is None
    assert first.findtext("guid") == "A-2026-1"
    assert first.find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]
    assert first.findtext("author") == NASTY_EMPLOYER
    assert first.findtext(f"{DC}publisher") == NASTY_EMPLOYER


def test_rss_description_is_html_with_paragraphs_and_lists(offers: list[Offer]) -> None:
    summary = feedparser.parse(rss(offers)).entries[0].summary
    assert "<p>Missions :</p>" in summary
    assert "<ul><li>Installer les postes</li><li>Aider les agents</li></ul>" in summary
    # offer text is text, not markup: the employer's <b> stays visible characters
    assert "&lt;b&gt;informatique&lt;/b&gt;" in summary
    assert "Curieux &amp; rigoureux." in summary


def test_rss_channel_announces_itself(offers: list[Offer]) -> None:
    channel = ET.fromstring(rss(offers)).find("channel")
    assert channel is not None
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link is not None
    assert self_link.get("href") == "http://feeds.example/flux/offres"
    assert self_link.get("rel") == "self"
    assert channel.findtext("pubDate") == "Wed, 25 Nov 2026 00:00:00 GMT"


def test_empty_rss_feed_is_valid() -> None:
    feed = feedparser.parse(rss([]))
    assert not feed.bozo
    assert feed.entries == []


def test_characters_xml_forbids_are_dropped() -> None:
    # The model strips control characters; build one without it to test the writer alone.
    raw = offer("A-X", 1).model_copy(update={"title": "a\x01b\x1fc", "employer": "E\x0bF"})
    for body in (rss([raw]), atom([raw])):
        root = ET.fromstring(body)  # a strict XML parser accepts it
        assert root is not None
    assert feedparser.parse(rss([raw])).entries[0].title == "abc"


# -- Atom --------------------------------------------------------------------------------------
def test_atom_is_read_back_by_feedparser(offers: list[Offer]) -> None:
    feed = feedparser.parse(atom(offers))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id == "http://feeds.example/flux/offres.atom"
    assert {link["rel"]: link["href"] for link in feed.feed.links} == {
        "alternate": "http://feeds.example/",
        "self": "http://feeds.example/flux/offres.atom",
    }
    assert parsed_day(feed.feed.updated_parsed) == TODAY - timedelta(days=1)
    first, second, third = feed.entries
    assert [e.id for e in feed.entries] == [atom_id(o.reference) for o in offers]
    assert first.id == "urn:pass-tui:offre:A-2026-1"
    assert first.title == NASTY_TITLE
    assert first.author == NASTY_EMPLOYER
    assert first.link == "http://feeds.example/offre/A-2026-1"
    assert second.link == "https://www.pass.fonction-publique.gouv.fr/offre/2026-2"
    assert [t["term"] for t in second.tags] == ["Stage"]
    assert parsed_day(first.published_parsed) == TODAY - timedelta(days=1)
    content = first.content[0]
    assert content["type"] == "text/plain"
    assert "Référence : A-2026-1" in content["value"]
    assert f"Employeur : {NASTY_EMPLOYER}" in content["value"]
    assert "- Installer les postes" in content["value"]
    # an offer without employer has no author of its own: the feed's applies (RFC 4287)
    assert "author" not in third
    assert feed.feed.author == "pass-tui"


def test_untrusted_text_round_trips_literally_in_both_formats(offers: list[Offer]) -> None:
    for body in (rss(offers), atom(offers)):
        entry = feedparser.parse(body).entries[0]
        assert entry.title == NASTY_TITLE
        assert entry.title_detail["type"] == "text/plain"
    # and through a plain XML parser
    item = ET.fromstring(rss(offers)).find("channel/item")
    assert item is not None
    assert item.findtext("title") == NASTY_TITLE


@pytest.mark.parametrize(
    ("code", "expected"), [("06", "6"), ("01", "1"), ("2A", "2A"), ("75", "75"), ("974", "974")]
)
def test_department_for_feed_drops_only_a_leading_zero(code: str, expected: str) -> None:
    assert department_for_feed(code) == expected


def test_level_for_feed_parses_back_to_the_same_level() -> None:
    from pass_tui.data.refdata import refdata

    for level in range(3, 9):
        assert refdata().parse_level(level_for_feed(level)) == level


# -- criteria <-> query ------------------------------------------------------------------------
FULL = SearchCriteria(
    keywords="jardin & potager",
    natures=("Apprentissage", "Stage"),
    domains=("Numérique, digital",),
    levels=(5, 6),
    regions=("53",),
    departments=("2A", "06"),
)


def test_criteria_query_round_trip() -> None:
    query = criteria_to_query(FULL)
    assert criteria_from_query(query) == FULL
    assert criteria_from_query("?" + query) == FULL
    assert query.startswith("keywords=jardin%20%26%20potager&nature=Apprentissage&nature=Stage")
    assert "domain=Num%C3%A9rique%2C%20digital" in query
    assert criteria_to_query(SearchCriteria()) == ""
    assert criteria_from_query("") == SearchCriteria()


def test_criteria_from_query_is_forgiving_about_spelling() -> None:
    criteria = criteria_from_query(
        "q=jardin&nature=apprentissage&department=6&region=Bretagne&level=&domain="
    )
    assert criteria == SearchCriteria(
        keywords="jardin", natures=("Apprentissage",), departments=("06",), regions=("53",)
    )


def test_unknown_parameter_is_an_error_naming_it() -> None:
    with pytest.raises(QueryError, match="colour") as info:
        criteria_from_query("keywords=x&colour=red")
    assert "paramètre inconnu" in str(info.value)


@pytest.mark.parametrize(
    ("query", "parameter", "value"),
    [
        ("level=12", "level", "12"),
        ("nature=Emploi%20fictif", "nature", "Emploi fictif"),
        ("region=99", "region", "99"),
        ("department=ZZ", "department", "ZZ"),
        ("domain=Astrologie", "domain", "Astrologie"),
    ],
)
def test_bad_value_is_an_error_naming_the_parameter(query: str, parameter: str, value: str) -> None:
    with pytest.raises(CriteriaError) as info:
        criteria_from_query(query)
    message = str(info.value)
    assert f"paramètre {parameter}" in message
    assert value in message
    assert "valeurs possibles" in message


def test_non_numeric_level_is_an_error_naming_it() -> None:
    with pytest.raises(CriteriaError, match="paramètre level : 'bac'"):
        criteria_from_query("level=bac")


def test_organisations_are_checked_against_the_given_list() -> None:
    known = ["Ministère de l'Intérieur", "Communes"]
    assert criteria_from_query("organisation=communes", organisations=known).organisations == (
        "Communes",
    )
    with pytest.raises(CriteriaError, match="paramètre organisation"):
        criteria_from_query("organisation=Nulle%20part", organisations=known)


def test_criteria_to_cli_quotes_for_the_shell() -> None:
    criteria = SearchCriteria(
        keywords="l'État d'urgence; rm -rf ~", natures=("Stage",), levels=(6,), departments=("2A",)
    )
    command = criteria_to_cli(criteria)
    assert command.startswith("pass-tui search --keywords ")
    assert shlex.split(command) == [
        "pass-tui",
        "search",
        "--keywords",
        "l'État d'urgence; rm -rf ~",
        "--nature",
        "Stage",
        "--level",
        "6",
        "--department",
        "2A",
        "--format",
        "rss",
    ]
    assert criteria_to_cli(SearchCriteria(), format="atom") == "pass-tui search --format atom"


# -- the search feed ---------------------------------------------------------------------------
def test_feed_url_points_at_the_feed_server() -> None:
    criteria = SearchCriteria(keywords="jardin", regions=("53",))
    assert feed_url(criteria) == "http://127.0.0.1:8080/flux/recherche?keywords=jardin&region=53"
    assert (
        feed_url(criteria, format="atom", base_url="https://flux.example/")
        == "https://flux.example/flux/recherche.atom?keywords=jardin&region=53"
    )
    assert feed_url(SearchCriteria()) == "http://127.0.0.1:8080/flux/recherche"


def test_search_feed_describes_its_criteria(offers: list[Offer]) -> None:
    criteria = SearchCriteria(keywords="jardin", regions=("53",))
    feed = feedparser.parse(render_search_feed(offers, criteria, count=7))
    assert not feed.bozo
    assert feed.feed.title == "PASS – recherche : Bretagne ; jardin"
    assert feed.feed.description.startswith("Nombre de résultats : 7 offres.")
    assert "Mots clés : jardin." in feed.feed.description
    assert [link["href"] for link in feed.feed.links if link["rel"] == "self"] == [
        feed_url(criteria)
    ]
    assert feed.entries[0].link == "http://127.0.0.1:8080/offre/A-2026-1"
    atom_feed = feedparser.parse(render_search_feed(offers, criteria, count=7, format="atom"))
    assert atom_feed.version == "atom10"
    assert atom_feed.feed.id == feed_url(criteria, format="atom")
