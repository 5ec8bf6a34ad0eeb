"""The feed server over real HTTP: routes, filters, caching headers, errors, live updates."""

from __future__ import annotations

import signal
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import feedparser
import httpx
import pytest

from pass_tui.data.catalogue import Catalogue
from pass_tui.data.paths import DataPaths
from pass_tui.data.publishing.feed_server import WORKER_THREADS, FeedServer, make_server
from pass_tui.data.services import Services
from tests.factories import TODAY, feeds_process, offer

REPO = Path(__file__).resolve().parents[2]


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
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(timeout=30)
        assert not thread.is_alive()


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
    assert feed.feed.description.startswith("Nombre de résultats : 2 offres.")
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
        client.get(f"{server.base_url}/flux/recherche?keywords=Dupont")
        client.get(f"{server.base_url}/nope%0Apass-tui flux : faux")
    err = capsys.readouterr().err
    assert "GET /flux/offres 200" in err
    assert "GET /flux/recherche 200" in err  # what a person searched is not logged
    assert "Dupont" not in err
    assert "127.0.0.1" not in err
    assert len(err.splitlines()) == 3  # one line per request, none forged by a path


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


# -- hostile and numerous clients ----------------------------------------------------------------
def read_responses(raw: bytes) -> list[tuple[int, bytes]]:
    """Split what a server sent on one connection into (status, body) pairs."""
    responses = []
    while raw:
        head, sep, raw = raw.partition(b"\r\n\r\n")
        assert sep, f"incomplete response head: {head!r}"
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.lower().split(b": ", 1) for line in lines[1:])
        # no length: the body runs to the end of the connection (a 304 has none)
        length = int(headers.get(b"content-length", b"0" if status == 304 else len(raw)))
        responses.append((status, raw[:length]))
        raw = raw[length:]
    return responses


def exchange(server: FeedServer, data: bytes) -> list[tuple[int, bytes]]:
    """Send raw bytes on one connection, read until the server closes it."""
    with socket.create_connection(server.server_address, timeout=30) as sock:
        sock.sendall(data)
        raw = b"".join(iter(lambda: sock.recv(65536), b""))
    return read_responses(raw)


SMUGGLED = b"GET /secret HTTP/1.1\r\nHost: test\r\n\r\n"


def test_a_get_body_is_never_read_as_a_second_request(server: FeedServer) -> None:
    first = b"GET /flux/offres HTTP/1.1\r\nHost: test\r\nContent-Length: %d\r\n\r\n" % len(SMUGGLED)
    last = b"GET /marker HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
    responses = exchange(server, first + SMUGGLED + last)
    # the body is dropped; the next request on the connection is the one after it
    assert [status for status, _ in responses] == [200, 404]
    assert b"/marker" in responses[1][1]
    assert all(b"/secret" not in body for _, body in responses)


def test_a_get_body_then_close_gets_exactly_one_response(server: FeedServer) -> None:
    first = (
        b"GET /flux/offres HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
        b"Content-Length: %d\r\n\r\n" % len(SMUGGLED)
    )
    responses = exchange(server, first + SMUGGLED)
    assert [status for status, _ in responses] == [200]


def test_a_chunked_get_body_is_dropped_too(server: FeedServer) -> None:
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(SMUGGLED), SMUGGLED)
    request = (
        b"GET /flux/offres_stages HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
        + chunked
        + b"GET /marker HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
    )
    assert [status for status, _ in exchange(server, request)] == [200, 404]


def test_a_large_get_body_is_a_413_and_the_connection_closes(server: FeedServer) -> None:
    request = (
        b"GET /flux/offres HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n"
        + SMUGGLED * 10  # the rest never comes: the server must not wait for it
    )
    responses = exchange(server, request)
    assert [status for status, _ in responses] == [413]
    assert "ne porte pas de corps" in responses[0][1].decode()


def test_a_post_is_answered_and_its_body_never_read_as_a_request(server: FeedServer) -> None:
    request = b"POST /flux/offres HTTP/1.1\r\nHost: test\r\nContent-Length: %d\r\n\r\n" % len(
        SMUGGLED
    )
    assert [status for status, _ in exchange(server, request + SMUGGLED)] == [405]


def test_too_many_connections_get_a_503_and_one_log_line(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    # uvicorn counts the connection asking too: with 3, two open ones leave no room
    with running(services, max_connections=3, keep_alive_timeout=60) as server:
        idle = []
        for _ in range(2):  # two readers that keep their connections open
            client = httpx.Client(base_url=server.base_url, timeout=30)
            assert client.get("/flux/offres").status_code == 200
            idle.append(client)
        response = httpx.get(f"{server.base_url}/flux/offres", timeout=30)
        for client in idle:
            client.close()
    assert response.status_code == 503
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "pass-tui flux : trop de connexions ouvertes : requête refusée (503)"
    ]


def test_an_invalid_request_is_a_400_and_one_log_line(
    server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    responses = exchange(server, b"GET /flux/offres HTTP/1.1\r\nHost test\r\n\r\n")
    assert [status for status, _ in responses] == [400]
    server.shutdown()
    err = capsys.readouterr().err
    assert err.splitlines() == ["pass-tui flux : requête HTTP invalide reçue (400)"]


def test_slow_clients_are_disconnected_and_their_slots_reused(services: Services) -> None:
    """A client gets REQUEST_TIMEOUT for each request, however it spreads the bytes out."""
    # four slow clients; a fifth connection would be refused (503) while they hold on
    with running(services, max_connections=5, request_timeout=0.5) as server:
        silent = socket.create_connection(server.server_address, timeout=30)
        half = socket.create_connection(server.server_address, timeout=30)
        half.sendall(b"GET /flux/offres HTTP/1.1\r\nHost: test\r\n")
        # one byte at a time, each well within the idle timeout, never finishing its request
        drip = socket.create_connection(server.server_address, timeout=30)
        # a keep-alive client whose second request never ends
        second = socket.create_connection(server.server_address, timeout=30)
        second.sendall(b"GET /flux/offres HTTP/1.1\r\nHost: test\r\n\r\n")
        assert second.recv(12) == b"HTTP/1.1 200"
        stop = threading.Event()

        def dripping() -> None:
            for sock, data in ((drip, b"GET /flux/offres HTTP/1.1\r\n"), (second, b"GET /")):
                sock.sendall(data)
            while not stop.wait(0.05):
                try:
                    drip.sendall(b"X")
                    second.sendall(b"X")
                except OSError:
                    return

        dripper = threading.Thread(target=dripping, daemon=True)
        dripper.start()
        try:
            for sock in (silent, half, drip):
                assert sock.recv(65536) == b""  # closed by the server, without an answer
            leftover = b"".join(iter(lambda: second.recv(65536), b""))
            assert [status for status, _ in read_responses(b"HTTP/1.1 200" + leftover)] == [200]
        finally:
            stop.set()
            dripper.join(timeout=10)
            for sock in (silent, half, drip, second):
                sock.close()
        # their slots are free again
        assert httpx.get(f"{server.base_url}/flux/offres", timeout=30).status_code == 200


# -- the real process under load and abuse ------------------------------------------------------
STOPPED = "Serveur de flux arrêté.\n"


def test_200_simultaneous_clients_are_all_served_by_a_few_threads(
    services: Services, data_dir: Path
) -> None:
    clients = 200
    with feeds_process(data_dir) as server:
        start = threading.Barrier(clients)
        done = threading.Event()
        threads: list[int] = []

        def fetch(path: str) -> int:
            start.wait(timeout=60)  # every client connects at the same moment
            return server.get(path)

        def count_threads() -> None:
            while not done.wait(0.01):
                threads.append(server.threads())

        counter = threading.Thread(target=count_threads, daemon=True)
        counter.start()
        paths = ["/flux/offres", "/flux/offres_stages.atom", "/flux/recherche?region=53"] * clients
        with ThreadPoolExecutor(max_workers=clients) as pool:
            statuses = list(pool.map(fetch, paths[:clients]))
        done.set()
        counter.join(timeout=10)
    assert statuses == [200] * clients
    # the main thread and the catalogue workers, however many clients
    assert threads and max(threads) <= 1 + WORKER_THREADS
    assert server.log == STOPPED


def test_clients_that_hang_up_early_leave_nothing_in_the_log(
    services: Services, data_dir: Path
) -> None:
    reset = struct.pack("ii", 1, 0)  # SO_LINGER 0: close with a TCP reset
    with feeds_process(data_dir) as server:
        socket.create_connection(server.address, timeout=30).close()  # says nothing
        with socket.create_connection(server.address, timeout=30) as sock:
            sock.sendall(b"GET /flux/off")  # half a request
        for path in (b"/flux/offres", b"/flux/recherche.atom?keywords=d%C3%A9v", b"/offre/AP-1"):
            sock = socket.create_connection(server.address, timeout=30)
            sock.sendall(b"GET %s HTTP/1.1\r\nHost: test\r\n\r\n" % path)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, reset)
            sock.close()  # before the answer
        sock = socket.create_connection(server.address, timeout=30)
        sock.sendall(b"GET /flux/offres HTTP/1.1\r\nHost: test\r\n\r\n")
        assert sock.recv(12) == b"HTTP/1.1 200"
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, reset)
        sock.close()  # in the middle of the answer
        assert server.get("/flux/offres") == 200
    # no traceback, no client address: nothing at all
    assert server.log == STOPPED


def test_slow_clients_do_not_hold_up_the_others(services: Services, data_dir: Path) -> None:
    with feeds_process(data_dir) as server:
        slow = [socket.create_connection(server.address, timeout=30) for _ in range(100)]
        try:
            for sock in slow:
                sock.sendall(b"GET /flux/offres HTTP/1.1\r\nHost: test\r\nAccept: ")
            assert [server.get("/flux/offres") for _ in range(20)] == [200] * 20
        finally:
            for sock in slow:
                sock.close()
    assert server.log == STOPPED
