"""A small read-only HTTP server publishing the catalogue as RSS and Atom feeds.

Routes (GET and HEAD; anything else is 405):

* ``/flux/offres`` — open apprenticeships; ``/flux/offres_stages`` — open internships;
* ``/flux/recherche?keywords=…&nature=…&region=…`` — any search (parameters of
  :func:`pass_tui.data.publishing.feeds.criteria_from_query`); a bad parameter is a 400 naming it;
* the same with ``.atom`` (``/flux/offres.atom``, …) for Atom 1.0;
* ``/offre/{reference}`` — one offer as plain text (where feed links of offers without a
  source URL point); ``/`` — the list of feeds.

Every request searches the catalogue afresh, and the catalogue reloads itself when another
process has rewritten its file, so an import shows up in the next response. Responses carry
a strong ``ETag`` (hash of the body) honoured by ``If-None-Match``, ``Last-Modified`` (the
newest offer's publication date) and ``Cache-Control: max-age=300``. ``If-Modified-Since``
is deliberately not honoured: an offer that closes or changes leaves the newest publication
date as it was, so only the ETag tells whether a feed changed.

Client addresses are never written to stderr; request lines are logged only when verbose.
"""

from __future__ import annotations

import hashlib
import socket
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.errors import BadInput
from pass_tui.data.models import Offer
from pass_tui.data.publishing.feeds import (
    ATOM_CONTENT_TYPE,
    RSS_CONTENT_TYPE,
    criteria_from_query,
    render_atom,
    render_rss,
    render_search_feed,
)

if TYPE_CHECKING:
    from pass_tui.data.services import Services

__all__ = ["FEED_PATHS", "FeedServer", "make_server", "serve"]

TEXT_CONTENT_TYPE = "text/plain; charset=utf-8"
CACHE_CONTROL = "max-age=300"
_WILDCARD_HOSTS = {"", "0.0.0.0", "::"}


@dataclass(frozen=True, slots=True)
class _Feed:
    title: str
    description: str
    criteria: SearchCriteria | None  # None: from the query string


_FEEDS: dict[str, _Feed] = {
    "/flux/offres": _Feed(
        "PASS – offres d'apprentissage",
        "Offres d'apprentissage ouvertes, les plus récentes d'abord.",
        SearchCriteria(natures=("Apprentissage",)),
    ),
    "/flux/offres_stages": _Feed(
        "PASS – offres de stage",
        "Offres de stage ouvertes, les plus récentes d'abord.",
        SearchCriteria(natures=("Stage",)),
    ),
    "/flux/recherche": _Feed("PASS – recherche", "", None),
}
FEED_PATHS: tuple[str, ...] = tuple(p + ext for p in _FEEDS for ext in ("", ".atom"))


class FeedServer(ThreadingHTTPServer):
    """The feed server: a threading HTTP server holding the services it publishes.

    Attributes:
        services: The data directory's services (only the catalogue is used).
        limit: Maximum number of items per feed (newest first).
        base_url: Public root URL used in feed and offer links (no trailing slash).
        verbose: Log request lines (never client addresses) to stderr.
    """

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        services: Services,
        *,
        limit: int,
        base_url: str | None,
        verbose: bool,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.services = services
        self.limit = limit
        self.verbose = verbose
        # One catalogue object serves every thread; a reload by one thread closes the index
        # another may still be reading, so searches and offer reads take turns.
        self.catalogue_lock = threading.Lock()
        self.base_url = (base_url or self._default_base_url()).rstrip("/")

    def _default_base_url(self) -> str:
        host, port = self.server_address[:2]
        if host in _WILDCARD_HOSTS:
            host = "::1" if self.address_family == socket.AF_INET6 else "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{port}"


def _http_date(day: date) -> str:
    return format_datetime(datetime.combine(day, time(), UTC), usegmt=True)


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 13.1.2)."""
    if header.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in header.split(","))


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    protocol_version = "HTTP/1.1"
    server_version = "pass-tui"
    sys_version = ""
    timeout = 30  # a silent client does not hold a thread forever
    error_content_type = TEXT_CONTENT_TYPE
    error_message_format = "Erreur %(code)d : %(message)s\n"

    # -- methods ----------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._dispatch(send_body=True)

    def do_HEAD(self) -> None:
        self._dispatch(send_body=False)

    def __getattr__(self, name: str) -> Callable[[], None]:
        # http.server looks up do_<METHOD>; every method but GET and HEAD is refused.
        if name.startswith("do_"):
            return self._not_allowed
        raise AttributeError(name)

    def _not_allowed(self) -> None:
        self.close_connection = True  # any request body is left unread
        self._send_text(
            HTTPStatus.METHOD_NOT_ALLOWED,
            f"Méthode non autorisée : {self.command}. Ce serveur est en lecture seule "
            "(GET et HEAD uniquement).",
            send_body=True,
            extra={"Allow": "GET, HEAD"},
        )

    # -- routing ----------------------------------------------------------------------------
    def _dispatch(self, *, send_body: bool) -> None:
        url = urlsplit(self.path)
        path = url.path
        try:
            if path == "/":
                self._send_text(HTTPStatus.OK, self._index_text(), send_body=send_body)
            elif path.startswith("/offre/"):
                self._offer(unquote(path.removeprefix("/offre/")), send_body=send_body)
            elif path.removesuffix(".atom") in _FEEDS:
                self._feed(path, url.query, send_body=send_body)
            else:
                self._send_text(
                    HTTPStatus.NOT_FOUND,
                    f"Adresse inconnue : {path}\n\n{self._index_text()}",
                    send_body=send_body,
                )
        except Exception as exc:
            sys.stderr.write(f"pass-tui flux : erreur interne : {exc!r}\n")
            if self.server.verbose:
                traceback.print_exc(file=sys.stderr)
            self.close_connection = True
            self._send_text(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                "Erreur interne du serveur de flux.",
                send_body=send_body,
            )

    def _index_text(self) -> str:
        base = self.server.base_url
        lines = ["Flux disponibles (RSS 2.0 ; ajouter .atom pour Atom 1.0) :"]
        lines += [
            f"  {base}/flux/offres : offres d'apprentissage",
            f"  {base}/flux/offres_stages : offres de stage",
            f"  {base}/flux/recherche?keywords=…&nature=…&domain=…&organisation=…"
            "&level=…&region=…&department=… : une recherche",
        ]
        return "\n".join(lines)

    def _feed(self, path: str, query: str, *, send_body: bool) -> None:
        atom = path.endswith(".atom")
        feed = _FEEDS[path.removesuffix(".atom")]
        server = self.server
        catalogue = server.services.catalogue
        criteria = feed.criteria
        error: str | None = None
        with server.catalogue_lock:
            if criteria is None:
                try:
                    criteria = criteria_from_query(query, organisations=catalogue.organisations())
                except BadInput as exc:
                    error = str(exc)
            if criteria is not None and error is None:
                result = catalogue.search(criteria)
                offers = result.offers(0, server.limit)
                count = result.count
        if error is not None or criteria is None:
            self._send_text(
                HTTPStatus.BAD_REQUEST, f"Recherche invalide : {error}", send_body=send_body
            )
            return
        base = server.base_url
        content_type = ATOM_CONTENT_TYPE if atom else RSS_CONTENT_TYPE
        if feed.criteria is None:
            fmt = "atom" if atom else "rss"
            body = render_search_feed(offers, criteria, count=count, format=fmt, base_url=base)
        elif atom:
            body = render_atom(
                offers,
                title=feed.title,
                link=base + "/",
                feed_id=base + path,
                self_url=base + path,
                base_url=base,
            )
        else:
            body = render_rss(
                offers,
                title=feed.title,
                link=base + "/",
                description=feed.description,
                self_url=base + path,
                base_url=base,
            )
        self._send_cached(body, content_type, _newest(offers), send_body=send_body)

    def _offer(self, reference: str, *, send_body: bool) -> None:
        from pass_tui.data.publishing.render import offer_text

        with self.server.catalogue_lock:
            offer = self.server.services.catalogue.get(reference) if reference else None
        if offer is None:
            self._send_text(
                HTTPStatus.NOT_FOUND, f"Offre introuvable : {reference}", send_body=send_body
            )
            return
        body = offer_text(offer).encode("utf-8")
        self._send_cached(body, TEXT_CONTENT_TYPE, offer.published, send_body=send_body)

    # -- responses --------------------------------------------------------------------------
    def _send_cached(
        self, body: bytes, content_type: str, last_modified: date | None, *, send_body: bool
    ) -> None:
        """200, or 304 when the client's If-None-Match already names this body."""
        etag = _etag(body)
        validators = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
        if last_modified is not None:
            validators["Last-Modified"] = _http_date(last_modified)
        inm = self.headers.get_all("If-None-Match")
        if inm and _etag_matches(",".join(inm), etag):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in validators.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_text(
        self,
        status: HTTPStatus,
        message: str,
        *,
        send_body: bool,
        extra: dict[str, str] | None = None,
    ) -> None:
        body = (message.rstrip("\n") + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", TEXT_CONTENT_TYPE)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if status != HTTPStatus.OK:
            self.send_header("Cache-Control", "no-store")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Request lines go to stderr only when verbose, and never with the client address."""
        if self.server.verbose:
            sys.stderr.write(f"[{self.log_date_time_string()}] {format % args}\n")


def _newest(offers: list[Offer]) -> date | None:
    return max((o.published for o in offers), default=None)


def make_server(
    services: Services,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    limit: int = 100,
    base_url: str | None = None,
    verbose: bool = False,
) -> FeedServer:
    """A feed server bound to ``host:port``, not yet serving (call ``serve_forever``).

    Args:
        services: Services of the data directory to publish.
        host: Interface to bind ("127.0.0.1" by default; "::1" or another IPv6 address
            binds IPv6).
        port: TCP port; 0 picks a free one (read it from ``server.server_address``).
        limit: Maximum number of offers per feed, newest first (at least 1).
        base_url: Public root URL used in links (e.g. ``https://flux.example.org``);
            defaults to ``http://host:port`` (127.0.0.1 when bound to every interface).
        verbose: Log request lines to stderr (client addresses are never logged).

    Returns:
        The bound server (a ``ThreadingHTTPServer``).

    Raises:
        ValueError: ``limit`` below 1.
        OSError: The address cannot be bound (port in use, …).
    """
    if limit < 1:
        raise ValueError("la limite du nombre d'offres par flux doit être au moins 1")
    return FeedServer((host, port), services, limit=limit, base_url=base_url, verbose=verbose)


def serve(
    services: Services,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    limit: int = 100,
    base_url: str | None = None,
    verbose: bool = False,
) -> None:
    """Serve the feeds until Ctrl+C, then close the socket and return.

    Args:
        services: Services of the data directory to publish.
        host: Interface to bind.
        port: TCP port.
        limit: Maximum number of offers per feed.
        base_url: Public root URL used in links.
        verbose: Log request lines to stderr.

    Raises:
        ValueError: ``limit`` below 1.
        OSError: The address cannot be bound.
    """
    server = make_server(services, host, port, limit=limit, base_url=base_url, verbose=verbose)
    base = server.base_url
    sys.stderr.write(
        f"Flux servis sur {base}/flux/offres, {base}/flux/offres_stages et "
        f"{base}/flux/recherche?… (Ctrl+C pour arrêter)\n"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.stderr.write("Serveur de flux arrêté.\n")
    finally:
        server.server_close()
