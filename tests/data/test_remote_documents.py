"""Downloading a document from a web address: real HTTP servers on 127.0.0.1; kiosk
address rules on the resolved address, every redirect hop checked; size and time bounds."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pass_tui.data.candidates.documents import AttachmentRefused
from pass_tui.data.candidates.remote import RemoteDocuments, address_allowed
from pass_tui.i18n import set_language
from tests.data import sample_documents as samples
from tests.data.http_server import Reply, scripted_server

MAX = 1000 * 1024


@pytest.fixture(autouse=True)
def _french():
    set_language("fr")
    yield
    set_language("fr")


def kiosk(**kw) -> RemoteDocuments:
    return RemoteDocuments(max_bytes=MAX, check_addresses=True, **kw)


def anywhere(**kw) -> RemoteDocuments:
    return RemoteDocuments(max_bytes=MAX, check_addresses=False, **kw)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "fe80::1",
        "fc00::1",
        "0.0.0.0",
        "::",
        "224.0.0.1",
        "ff02::1",
        "240.0.0.1",
        "100.64.0.1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "192.0.2.1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not address_allowed(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_allowed(ipaddress.ip_address(address))


def test_kiosk_refuses_loopback_without_connecting() -> None:
    with scripted_server() as server:
        server.routes["/cv.pdf"] = [Reply(body=samples.sample("pdf"))]
        with pytest.raises(AttachmentRefused) as caught:
            kiosk().get(server.url("/cv.pdf"))
        assert str(caught.value) == (
            "127.0.0.1 : adresse refusée sur ce poste (127.0.0.1 : réseau local ou réservé)"
        )
        assert server.requests == []


def test_kiosk_checks_the_resolved_address() -> None:
    # "localhost" is a name: the check is made on what it resolves to.
    with scripted_server() as server:
        server.routes["/cv.pdf"] = [Reply(body=samples.sample("pdf"))]
        with pytest.raises(AttachmentRefused, match=r"localhost : adresse refusée .*réseau local"):
            kiosk().get(f"http://localhost:{server.port}/cv.pdf")
        assert server.requests == []


def test_kiosk_connects_to_the_address_it_checked() -> None:
    # With the test server exempted, the download goes through; the server saw the Host
    # header of the name, while the connection went to the checked address.
    with scripted_server() as server:
        server.routes["/cv.pdf"] = [Reply(body=samples.sample("pdf"))]
        exempt = [("127.0.0.1", server.port), ("::1", server.port)]  # localhost may give both
        got = kiosk(exempt=exempt).get(f"http://localhost:{server.port}/cv.pdf")
        assert got.data == samples.sample("pdf")
        [(_path, headers)] = server.requests
        assert headers["Host"] == f"localhost:{server.port}"


def test_redirect_to_loopback_is_refused_in_kiosk() -> None:
    with scripted_server() as first, scripted_server() as second:
        second.routes["/secret.pdf"] = [Reply(body=samples.sample("pdf"))]
        first.routes["/cv.pdf"] = [Reply(302, headers={"Location": second.url("/secret.pdf")})]
        downloader = kiosk(exempt=[("127.0.0.1", first.port)])
        with pytest.raises(AttachmentRefused, match=r"127\.0\.0\.1 : réseau local ou réservé"):
            downloader.get(first.url("/cv.pdf"))
        assert first.count("/cv.pdf") == 1
        assert second.requests == []


def test_redirect_to_the_metadata_address_is_refused() -> None:
    with scripted_server() as server:
        server.routes["/cv.pdf"] = [
            Reply(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        ]
        with pytest.raises(AttachmentRefused, match=r"169\.254\.169\.254 : réseau local"):
            kiosk(exempt=[("127.0.0.1", server.port)]).get(server.url("/cv.pdf"))


def test_redirect_to_another_scheme_is_refused() -> None:
    with scripted_server() as server:
        server.routes["/cv.pdf"] = [Reply(302, headers={"Location": "file:///etc/passwd"})]
        with pytest.raises(AttachmentRefused, match="seules les adresses http:// et https://"):
            anywhere().get(server.url("/cv.pdf"))


def test_non_http_urls_are_refused() -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/cv.pdf", "cv.pdf", "http://"):
        with pytest.raises(AttachmentRefused, match="seules les adresses http"):
            anywhere().get(url)


def test_redirects_followed_up_to_five() -> None:
    with scripted_server() as server:
        for n in range(7):
            server.routes[f"/r{n}"] = [Reply(302, headers={"Location": f"/r{n + 1}"})]
        server.routes["/r5"] = [
            Reply(body=samples.sample("pdf"), headers={"Content-Type": "application/pdf"})
        ]
        got = anywhere().get(server.url("/r0"))
        assert got.url.endswith("/r5") and got.name == "r5.pdf"
        server.routes["/r5"] = [Reply(302, headers={"Location": "/r6"})]
        with pytest.raises(AttachmentRefused, match=r"trop de redirections \(plus de 5\)"):
            anywhere().get(server.url("/r0"))


def test_outside_kiosk_loopback_is_fine() -> None:
    with scripted_server() as server:
        server.routes["/docs/Mon%20CV.pdf"] = [Reply(body=samples.sample("pdf"))]
        got = anywhere().get(server.url("/docs/Mon%20CV.pdf"))
        assert (got.name, got.data) == ("Mon CV.pdf", samples.sample("pdf"))


def test_name_from_content_disposition_keeps_the_base_name_only() -> None:
    with scripted_server() as server:
        server.routes["/get"] = [
            Reply(
                body=samples.sample("pdf"),
                headers={
                    "Content-Disposition": "attachment; filename*=UTF-8''..%2F..%2FCV%20%C3%A9t%C3%A9.pdf"
                },
            )
        ]
        assert anywhere().get(server.url("/get")).name == "CV été.pdf"


def test_extension_from_content_type() -> None:
    with scripted_server() as server:
        server.routes["/download"] = [
            Reply(body=samples.sample("pdf"), headers={"Content-Type": "application/pdf"})
        ]
        assert anywhere().get(server.url("/download")).name == "download.pdf"


def test_http_errors() -> None:
    with (
        scripted_server() as server,
        pytest.raises(AttachmentRefused, match="le serveur a répondu 404"),
    ):
        anywhere().get(server.url("/absent.pdf"))


def test_too_big_by_content_length_is_refused_before_reading() -> None:
    with scripted_server() as server:
        body = b"%PDF-" + b"0" * (2 * MAX)
        server.routes["/big.pdf"] = [Reply(body=body)]
        with pytest.raises(AttachmentRefused, match=r"big\.pdf : trop volumineux \(2\u00a0001 Ko"):
            anywhere().get(server.url("/big.pdf"))


class _Endless(BaseHTTPRequestHandler):
    """No Content-Length; streams 64 KB chunks (or one byte at a time) until the client
    hangs up; counts what it sent."""

    sent = 0
    drip = False

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"0" * (1 if self.drip else 65536)
        try:
            self.wfile.write(b"%PDF-")
            for _n in range(100_000):
                self.wfile.write(chunk)
                self.wfile.flush()
                type(self).sent += len(chunk)
                if self.drip:
                    time.sleep(0.05)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def endless(drip: bool = False) -> Iterator[tuple[str, type[_Endless]]]:
    handler = type("Handler", (_Endless,), {"sent": 0, "drip": drip})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/stream.pdf", handler
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_too_big_without_content_length_stops_early() -> None:
    with (
        endless() as (url, handler),
        pytest.raises(
            AttachmentRefused, match=r"document trop volumineux \(plus de 1\u00a0000 Ko\)"
        ),
    ):
        anywhere().get(url)
    # The download stopped near the limit; the server did not get to send 50 MB.
    assert handler.sent < 50 * 1024 * 1024


def test_slow_server_hits_the_deadline() -> None:
    with scripted_server() as server:
        server.routes["/slow.pdf"] = [Reply(body=samples.sample("pdf"), delay=5)]
        with pytest.raises(AttachmentRefused, match=r"téléchargement trop long \(plus de 0\.5 s\)"):
            anywhere(deadline=0.5).get(server.url("/slow.pdf"))


def test_dripping_server_hits_the_overall_deadline() -> None:
    # Each byte arrives well within any read timeout; only the overall deadline stops it.
    with (
        endless(drip=True) as (url, _handler),
        pytest.raises(AttachmentRefused, match="téléchargement trop long"),
    ):
        anywhere(deadline=0.5).get(url)


def test_unreachable_server() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(AttachmentRefused, match="serveur injoignable"):
        anywhere().get(f"http://127.0.0.1:{port}/cv.pdf")
