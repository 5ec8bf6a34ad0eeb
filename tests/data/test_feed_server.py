"""The feed server over real HTTP: routes, filters, caching headers, errors, live updates."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import feedparser
import httpx
import pytest

from pass_tui.data.catalogue import Catalogue
from pass_tui.data.models import Offer
from pass_tui.data.paths import DataPaths
from pass_tui.data.publishing.feed_server import FeedServer, make_server
from pass_tui.data.services import Services

TODAY = date(2026, 11, 26)
REPO = Path(__file__).resolve().parents[2]


def offer(ref: str, days_ago: int, **fields: object) -> Offer:
    base: dict[str, object] = {
        "reference": ref,
        "title": f"Offre {ref}",
        "nature": "Apprentissage",
        "published": TODAY - timedelta(days=days_ago),
    }
    base.update(fields)
    return Offer.model_validate(base)


OFFERS = [
    offer("AP-2", 2, title="Apprenti développeur", department="75", city="Paris"),
    offer("AP-1", 1, title="Apprenti jardinier", department="35", employer="Mairie & Cie"),
    offer("AP-3", 5, title="Apprenti développeur web", department="29", organisation="Communes"),
    offer("ST-1", 3, title="Stagiaire développeur", nature="Stage", department="44"),
    offer("ST-2", 4, title="Stagiaire développeur réseau", nature="Stage", department="29"),
    offer("AP-OLD", 0, title="Apprenti clos", closing=TODAY - timedelta(days=1)),
]


@pytest.fixture
def services(data_dir: Path) -> Services:
    services = Services(data_dir, today=lambda: TODAY)
    services.catalogue.upsert(OFFERS)
    return services


@contextmanager
def running(services: Services, **options: object) -> Iterator[FeedServer]:
    server = make_server(services, "127.0.0.1", 0, **options)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def server(services: Services) -> Iterator[FeedServer]:
    with running(services) as server:
        yield server


@pytest.fixture
def client(server: FeedServer) -> Iterator[httpx.Client]:
    host, port = server.server_address[:2]
    with httpx.Client(base_url=f"http://{host}:{port}", timeout=10) as client:
        yield client


def ids(response: httpx.Response) -> list[str]:
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return [e.guid if feed.version == "rss20" else e.id.rsplit(":", 1)[1] for e in feed.entries]


# -- routes ------------------------------------------------------------------------------------
def test_apprenticeship_feed_lists_open_apprenticeships_newest_first(
    client: httpx.Client, server: FeedServer
) -> None:
    response = client.get("/flux/offres")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert response.headers["cache-control"] == "max-age=300"
    assert response.headers["last-modified"] == "Wed, 25 Nov 2026 00:00:00 GMT"
    assert ids(response) == ["AP-1", "AP-2", "AP-3"]
    feed = feedparser.parse(response.content)
    assert feed.version == "rss20"
    assert feed.entries[0].publisher == "Mairie & Cie"
    assert feed.entries[0].link == f"{server.base_url}/offre/AP-1"


def test_internship_feed_lists_only_internships(client: httpx.Client) -> None:
    assert ids(client.get("/flux/offres_stages")) == ["ST-1", "ST-2"]


def test_search_feed_filters_by_keywords_and_region(
    client: httpx.Client, server: FeedServer
) -> None:
    response = client.get("/flux/recherche", params={"keywords": "développeur", "region": "53"})
    assert response.status_code == 200
    assert ids(response) == ["ST-2", "AP-3"]
    feed = feedparser.parse(response.content)
    assert "développeur" in feed.feed.title
    assert "Bretagne" in feed.feed.title
    assert feed.feed.description.startswith("Nombre de résultats : 2 offre(s).")
    self_links = [link["href"] for link in feed.feed.links if link["rel"] == "self"]
    assert self_links == [f"{server.base_url}/flux/recherche?keywords=d%C3%A9veloppeur&region=53"]


def test_search_feed_checks_organisations_against_the_catalogue(client: httpx.Client) -> None:
    assert ids(client.get("/flux/recherche?organisation=communes")) == ["AP-3"]
    response = client.get("/flux/recherche?organisation=Nulle%20part")
    assert response.status_code == 400
    assert "organisation" in response.text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/flux/offres.atom", ["AP-1", "AP-2", "AP-3"]),
        ("/flux/offres_stages.atom", ["ST-1", "ST-2"]),
        ("/flux/recherche.atom?keywords=jardinier", ["AP-1"]),
    ],
)
def test_atom_variants(client: httpx.Client, path: str, expected: list[str]) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert feedparser.parse(response.content).version == "atom10"
    assert ids(response) == expected


def test_items_are_capped_at_the_limit(services: Services) -> None:
    with running(services, limit=2) as server, httpx.Client() as client:
        response = client.get(f"{server.base_url}/flux/recherche")
    assert ids(response) == ["AP-1", "AP-2"]


def test_offer_links_resolve_to_the_offer_text(client: httpx.Client) -> None:
    response = client.get("/offre/AP-1")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert "Référence : AP-1" in response.text
    assert client.get("/offre/NOPE").status_code == 404


# -- caching -----------------------------------------------------------------------------------
def test_etag_and_if_none_match(client: httpx.Client) -> None:
    first = client.get("/flux/offres")
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    assert client.get("/flux/offres").headers["etag"] == etag  # stable
    for header in (etag, f'"other", W/{etag}', "*"):
        again = client.get("/flux/offres", headers={"If-None-Match": header})
        assert again.status_code == 304, header
        assert again.content == b""
        assert again.headers["etag"] == etag
    other = client.get("/flux/offres", headers={"If-None-Match": '"not-it"'})
    assert other.status_code == 200
    assert other.content == first.content
    assert client.get("/flux/offres.atom").headers["etag"] != etag


def test_head_has_the_headers_but_no_body(client: httpx.Client, server: FeedServer) -> None:
    get = client.get("/flux/offres_stages")
    head = client.head("/flux/offres_stages")
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "content-length", "etag", "last-modified", "cache-control"):
        assert head.headers[name] == get.headers[name], name
    assert int(head.headers["content-length"]) == len(get.content)
    # on the wire: nothing after the headers (HTTP clients would not read it anyway)
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"HEAD /flux/offres_stages HTTP/1.0\r\nHost: test\r\n\r\n")
        raw = b"".join(iter(lambda: sock.recv(65536), b""))
    head_part, _, body = raw.partition(b"\r\n\r\n")
    assert head_part.startswith(b"HTTP/1.1 200")
    assert body == b""


def test_update_by_another_process_appears_in_the_next_response(
    client: httpx.Client, data_dir: Path
) -> None:
    before = client.get("/flux/offres")
    assert ids(before) == ["AP-1", "AP-2", "AP-3"]
    # a separate Catalogue object on the same files, as another pass-tui process would be
    other = Catalogue(DataPaths(data_dir), today=lambda: TODAY)
    other.upsert([offer("AP-NEW", 0, title="Apprenti menuisier")])
    after = client.get("/flux/offres", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert ids(after) == ["AP-NEW", "AP-1", "AP-2", "AP-3"]
    assert after.headers["etag"] != before.headers["etag"]
    assert after.headers["last-modified"] == "Thu, 26 Nov 2026 00:00:00 GMT"


# -- errors ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "named"),
    [("level=12", "level"), ("colour=red", "colour"), ("level=bac", "level")],
)
def test_bad_criteria_are_a_400_naming_the_problem(
    client: httpx.Client, query: str, named: str
) -> None:
    for path in ("/flux/recherche", "/flux/recherche.atom"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        assert response.text.startswith("Recherche invalide : ")
        assert named in response.text


def test_unknown_path_is_404(client: httpx.Client) -> None:
    response = client.get("/flux/inconnu")
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert "Adresse inconnue : /flux/inconnu" in response.text


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(client: httpx.Client, method: str) -> None:
    response = client.request(method, "/flux/offres", content=b"x=1")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert "lecture seule" in response.text


def test_client_addresses_are_not_logged(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    with running(services) as server, httpx.Client() as client:
        client.get(f"{server.base_url}/flux/offres")
        client.get(f"{server.base_url}/nope")
    assert "127.0.0.1" not in capsys.readouterr().err
    with running(services, verbose=True) as server, httpx.Client() as client:
        client.get(f"{server.base_url}/flux/offres")
    err = capsys.readouterr().err
    assert "GET /flux/offres" in err
    assert "127.0.0.1" not in err


def test_limit_must_be_positive(services: Services) -> None:
    with pytest.raises(ValueError, match="limite"):
        make_server(services, "127.0.0.1", 0, limit=0)


def test_serve_stops_cleanly_on_ctrl_c(services: Services, data_dir: Path) -> None:
    code = (
        "from pathlib import Path\n"
        "from pass_tui.data.publishing.feed_server import serve\n"
        "from pass_tui.data.services import Services\n"
        f"serve(Services(Path({str(data_dir)!r})), '127.0.0.1', 0)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stderr is not None
        banner = proc.stderr.readline()  # blocks until the server is listening
        assert "Flux servis sur http://127.0.0.1:" in banner
        base = banner.split("sur ", 1)[1].split("/flux/", 1)[0]
        assert httpx.get(f"{base}/flux/offres", timeout=10).status_code == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
        rest = proc.stderr.read()
        assert "Traceback" not in rest
        assert "arrêté" in rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
