"""The read-only HTTP server publishing the catalogue as RSS and Atom feeds (uvicorn, h11).

Routes (GET and HEAD; anything else is 405 with ``Allow: GET, HEAD``):

* ``/flux/offres`` — open apprenticeships; ``/flux/offres_stages`` — open internships;
* ``/flux/recherche?keywords=…&nature=…&region=…`` — any search (parameters of
  :func:`pass_tui.data.publishing.feeds.criteria_from_query`); a bad parameter is a 400
  naming it;
* the same with ``.atom`` (``/flux/offres.atom``, …) for Atom 1.0;
* ``/offre/{reference}`` — one offer as plain text (where feed links of offers without a
  source URL point); ``/`` — the list of feeds.

Every request searches the catalogue afresh, and the catalogue reloads itself when another
process has rewritten its file, so an import shows up in the next response. Responses carry
a strong ``ETag`` (hash of the body) honoured by ``If-None-Match``, ``Last-Modified`` (the
newest offer's publication date) and ``Cache-Control: max-age=300``. ``If-Modified-Since``
is deliberately not honoured: an offer that closes or changes leaves the newest publication
date as it was, so only the ETag tells whether a feed changed.

HTTP is spoken by uvicorn with its pure-Python h11 protocol (no compiled extras) around a
small plain ASGI application, :class:`FeedApp`: four routes and no request body do not need
a web framework. The catalogue is read, and feeds rendered, in a few worker threads, since
catalogue reads block. The limits below are sized for a kiosk host; a client that sends its
request too slowly (slowloris) is disconnected, a GET body is read and dropped (never taken
for a second request), and nothing is written to stderr but the banner, the stop line and one
line per refused or failed request, never with a client address or a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, ClassVar

import anyio
import anyio.to_thread
import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

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
from pass_tui.i18n import _

if TYPE_CHECKING:
    from pass_tui.data.services import Services

__all__ = ["FEED_PATHS", "FeedApp", "FeedServer", "Response", "make_server", "serve"]

TEXT_CONTENT_TYPE = "text/plain; charset=utf-8"
CACHE_CONTROL = "max-age=300"
_WILDCARD_HOSTS = {"0.0.0.0", "::"}

# -- limits, for a kiosk host (a few cores, the usual 1024 open files per process) ------------
MAX_CONNECTIONS = 512
"""Open connections (idle keep-alive ones and the asking one included) at which a new request
gets a 503 instead of waiting. Each costs a file descriptor and a few kilobytes; 512 leaves
half of the common 1024-descriptor limit to the catalogue, its index and the connections
being accepted, and is far above what a kiosk's feed readers open at once (a reader fetches a
feed or two, then leaves)."""
BACKLOG = 1024
"""Connections the kernel queues before the server accepts them (stdlib's http.server: 5, so
a burst of 200 clients lost some). Linux caps it at ``net.core.somaxconn`` (4096 since 5.4)."""
REQUEST_TIMEOUT = 10.0
"""Seconds a client has to send a whole request (head and any body), from the moment the
server waits for it; then the connection is closed. Feed readers send theirs in
milliseconds; a client dripping bytes (slowloris) loses its slot after this."""
KEEP_ALIVE_TIMEOUT = 5
"""Seconds an idle keep-alive connection stays open between requests."""
SHUTDOWN_GRACE = 5
"""Seconds given to requests in progress when the server is asked to stop."""
WORKER_THREADS = 4
"""Threads searching the catalogue and rendering feeds. The work is CPU-bound Python under
the GIL, so more threads add memory, not throughput; a few let file reads overlap."""
MAX_HEADER_BYTES = 16 * 1024
"""Largest request head accepted (request line and headers); larger is a 400."""
MAX_GET_BODY = 1024
"""A GET or HEAD has no use for a body: up to this many bytes are read and dropped, more is
a 413 and the connection is closed."""


@dataclass(frozen=True, slots=True)
class _Feed:
    title: str  # French, translated when the feed is written
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


# -- logging: one line, no address, no traceback -----------------------------------------------
def _say(line: str) -> None:
    """Write one line to stderr (looked up at each call, so tests can capture it)."""
    sys.stderr.write(_("pass-tui flux : {message}", message=line) + "\n")


def _uvicorn_messages() -> dict[str, str]:
    return {
        "Invalid HTTP request received.": _("requête HTTP invalide reçue (400)"),
        "Exceeded concurrency limit.": _("trop de connexions ouvertes : requête refusée (503)"),
    }


class _OneLineHandler(logging.Handler):
    """uvicorn's log records as single lines on stderr: the exception's type, never its
    traceback (a client that hangs up is not an error of ours)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            message = _uvicorn_messages().get(message, message)
            if record.exc_info and record.exc_info[1] is not None:
                message += f" ({type(record.exc_info[1]).__name__})"
            _say(" ".join(message.split()))
        except Exception:
            self.handleError(record)


def _configure_logging() -> None:
    """uvicorn logs warnings and errors through :class:`_OneLineHandler`; its access log
    (which names the client's address) is off."""
    root = logging.getLogger("uvicorn")
    if not any(isinstance(h, _OneLineHandler) for h in root.handlers):
        root.handlers = [_OneLineHandler()]
    root.setLevel(logging.WARNING)
    root.propagate = False
    for name in ("uvicorn.error", "uvicorn.asgi"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).setLevel(logging.NOTSET)
        logging.getLogger(name).propagate = True
    access = logging.getLogger("uvicorn.access")
    access.handlers = []
    access.propagate = False
    access.disabled = True


def _loop_error(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """asyncio's unhandled errors (e.g. no file descriptor left to accept with): one line."""
    exc = context.get("exception")
    message = str(context.get("message") or "erreur asyncio")
    if exc is not None:
        message += f" ({type(exc).__name__})"
    _say(" ".join(message.split()))


# -- HTTP helpers ------------------------------------------------------------------------------
def _http_date(day: date) -> str:
    return format_datetime(datetime.combine(day, time(), UTC), usegmt=True)


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 13.1.2)."""
    if header.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in header.split(","))


def _newest(offers: list[Offer]) -> date | None:
    return max((o.published for o in offers), default=None)


@dataclass(slots=True)
class Response:
    """A whole response: status, headers, body (dropped on the wire for HEAD)."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def _text(status: int, message: str, **headers: str) -> Response:
    body = (message.rstrip("\n") + "\n").encode("utf-8")
    head = {"Content-Type": TEXT_CONTENT_TYPE, "X-Content-Type-Options": "nosniff"}
    if status != HTTPStatus.OK:
        head["Cache-Control"] = "no-store"
    return Response(status, body, head | {k.replace("_", "-"): v for k, v in headers.items()})


def _cached(
    body: bytes, content_type: str, last_modified: date | None, if_none_match: str | None
) -> Response:
    """200, or 304 when the client's If-None-Match already names this body."""
    etag = _etag(body)
    validators = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if last_modified is not None:
        validators["Last-Modified"] = _http_date(last_modified)
    if if_none_match and _etag_matches(if_none_match, etag):
        return Response(HTTPStatus.NOT_MODIFIED, b"", validators)
    head = {"Content-Type": content_type, "X-Content-Type-Options": "nosniff"}
    return Response(HTTPStatus.OK, body, head | validators)


# -- the application ---------------------------------------------------------------------------
class FeedApp:
    """The feeds as a plain ASGI application (HTTP only; no lifespan, no websockets).

    Attributes:
        services: The data directory's services (only the catalogue is used).
        limit: Maximum number of items per feed (newest first).
        base_url: Public root URL used in feed and offer links (no trailing slash).
        verbose: Write one line per request (method, path, status; never the query string
            nor the client address) to stderr.
    """

    def __init__(self, services: Services, *, limit: int, base_url: str, verbose: bool) -> None:
        self.services = services
        self.limit = limit
        self.base_url = base_url.rstrip("/")
        self.verbose = verbose
        self.limiter: anyio.CapacityLimiter | None = None  # made in the serving event loop

    async def __call__(
        self,
        scope: dict[str, Any],
        receive: Callable[[], Any],
        send: Callable[[dict[str, Any]], Any],
    ) -> None:
        if scope["type"] != "http":
            return
        method: str = scope["method"]
        if method not in ("GET", "HEAD"):
            # Any request body is left unread: the connection closes after the answer.
            response = _text(
                HTTPStatus.METHOD_NOT_ALLOWED,
                _(
                    "Méthode non autorisée : {method}. Ce serveur est en lecture seule "
                    "(GET et HEAD uniquement).",
                    method=method,
                ),
                Allow="GET, HEAD",
                Connection="close",
            )
        else:
            response = await self._drop_body(scope, receive) or await self._answer(scope)
        await send(
            {
                "type": "http.response.start",
                "status": int(response.status),
                "headers": [
                    (name.lower().encode("latin-1"), value.encode("latin-1"))
                    for name, value in response.headers.items()
                ]
                + (
                    [(b"content-length", str(len(response.body)).encode())]
                    if response.status != HTTPStatus.NOT_MODIFIED
                    else []
                ),
            }
        )
        await send(
            {"type": "http.response.body", "body": b"" if method == "HEAD" else response.body}
        )
        if self.verbose:
            stamp = datetime.now().strftime("%d/%m/%Y %H:%M:%S")
            path = "".join(c if c.isprintable() else "?" for c in scope["path"])
            _say(f"[{stamp}] {method} {path} {int(response.status)}")

    async def _drop_body(
        self, scope: dict[str, Any], receive: Callable[[], Any]
    ) -> Response | None:
        """Read and drop a small GET body; a 413 (connection closed) for a larger one.

        h11 frames the body by Content-Length or chunked encoding, so whatever it holds is
        never read as another request; reading it keeps the connection usable.
        """
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is None and b"transfer-encoding" not in headers:
            return None
        too_large = _text(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            _(
                "Une requête {method} ne porte pas de corps (au plus {limit} octets sont "
                "acceptés et ignorés).",
                method=scope["method"],
                limit=str(MAX_GET_BODY),
            ),
            Connection="close",
        )
        if length is not None and int(length) > MAX_GET_BODY:
            return too_large
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client left (or took too long)
                return _text(HTTPStatus.BAD_REQUEST, _("Requête interrompue."), Connection="close")
            received += len(message.get("body", b""))
            if received > MAX_GET_BODY:
                return too_large
            if not message.get("more_body", False):
                return None

    async def _answer(self, scope: dict[str, Any]) -> Response:
        """The response to a GET, worked out in a worker thread (catalogue reads block)."""
        path: str = scope["path"]
        query = scope["query_string"].decode("latin-1")
        if_none_match = ",".join(
            value.decode("latin-1") for name, value in scope["headers"] if name == b"if-none-match"
        )
        if self.limiter is None:
            self.limiter = anyio.CapacityLimiter(WORKER_THREADS)
        try:
            return await anyio.to_thread.run_sync(
                self.respond, path, query, if_none_match or None, limiter=self.limiter
            )
        except Exception as exc:
            _say(_("erreur interne : {error}", error=repr(exc)))
            return _text(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                _("Erreur interne du serveur de flux."),
                Connection="close",
            )

    # -- routing (blocking: runs in a worker thread) ----------------------------------------
    def respond(self, path: str, query: str = "", if_none_match: str | None = None) -> Response:
        """The response to ``GET path?query``.

        Args:
            path: The URL path, percent-decoded.
            query: The raw query string (without "?").
            if_none_match: The If-None-Match header, several joined by commas.

        Returns:
            The whole response.
        """
        if path == "/":
            return _text(HTTPStatus.OK, self._index_text())
        if path.startswith("/offre/"):
            return self._offer(path.removeprefix("/offre/"), if_none_match)
        if path.removesuffix(".atom") in _FEEDS:
            return self._feed(path, query, if_none_match)
        return _text(
            HTTPStatus.NOT_FOUND,
            _("Adresse inconnue : {path}", path=path) + "\n\n" + self._index_text(),
        )

    def _index_text(self) -> str:
        base = self.base_url
        search = (
            "/flux/recherche?keywords=…&nature=…&domain=…&organisation=…&level=…&region=…"
            "&department=…"
        )
        feeds = [
            ("/flux/offres", _("offres d'apprentissage")),
            ("/flux/offres_stages", _("offres de stage")),
            (search, _("une recherche")),
        ]
        lines = [_("Flux disponibles (RSS 2.0 ; ajouter .atom pour Atom 1.0) :")]
        lines += [
            "  " + _("{label} : {value}", label=base + path, value=what) for path, what in feeds
        ]
        return "\n".join(lines)

    def _feed(self, path: str, query: str, if_none_match: str | None) -> Response:
        atom = path.endswith(".atom")
        feed = _FEEDS[path.removesuffix(".atom")]
        catalogue = self.services.catalogue
        criteria = feed.criteria
        if criteria is None:
            try:
                criteria = criteria_from_query(query, organisations=catalogue.organisations())
            except BadInput as exc:
                return _text(
                    HTTPStatus.BAD_REQUEST, _("Recherche invalide : {error}", error=str(exc))
                )
        result = catalogue.search(criteria)
        offers = result.offers(0, self.limit)
        base = self.base_url
        if feed.criteria is None:
            body = render_search_feed(
                offers,
                criteria,
                count=result.count,
                format="atom" if atom else "rss",
                base_url=base,
            )
        elif atom:
            body = render_atom(
                offers,
                title=_(feed.title),
                link=base + "/",
                feed_id=base + path,
                self_url=base + path,
                base_url=base,
            )
        else:
            body = render_rss(
                offers,
                title=_(feed.title),
                link=base + "/",
                description=_(feed.description),
                self_url=base + path,
                base_url=base,
            )
        content_type = ATOM_CONTENT_TYPE if atom else RSS_CONTENT_TYPE
        return _cached(body, content_type, _newest(offers), if_none_match)

    def _offer(self, reference: str, if_none_match: str | None) -> Response:
        from pass_tui.data.publishing.render import offer_text

        offer = self.services.catalogue.get(reference) if reference else None
        if offer is None:
            return _text(
                HTTPStatus.NOT_FOUND, _("Offre introuvable : {reference}", reference=reference)
            )
        body = offer_text(offer).encode("utf-8")
        return _cached(body, TEXT_CONTENT_TYPE, offer.published, if_none_match)


# -- the connection: uvicorn's h11 protocol with a deadline for each request -------------------
class _DeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, plus a deadline for receiving each request.

    uvicorn bounds only the idle time between requests (its keep-alive timer, which every
    received byte resets) and nothing while a request arrives, so a client that sends half a
    request, or one byte every few seconds, would hold its connection slot for ever. Here a
    connection waiting for a request (h11: the client is IDLE or still sending its body) gets
    :attr:`request_timeout` seconds in all, then is closed.
    """

    request_timeout: ClassVar[float] = REQUEST_TIMEOUT
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._watch()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _watch(self) -> None:
        """Arm the deadline while a request is awaited or arriving, disarm it once whole."""
        waiting = self.conn.their_state in (h11.IDLE, h11.SEND_BODY)
        if not waiting or self.transport.is_closing():
            self._disarm()
        elif self._deadline is None:
            self._deadline = self.loop.call_later(self.request_timeout, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


class _Server(uvicorn.Server):
    """uvicorn's server without its signal handling: uvicorn re-raises the signal once
    stopped (so SIGTERM would kill the process with status 143); :class:`FeedServer` catches
    SIGINT and SIGTERM itself and returns normally."""

    def capture_signals(self) -> contextlib.AbstractContextManager[None]:  # type: ignore[override]
        return contextlib.nullcontext()


def _listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
    except BaseException:
        sock.close()
        raise
    return sock


class FeedServer:
    """The feed server: a bound socket, the :class:`FeedApp`, and uvicorn to serve it.

    Built by :func:`make_server`; :meth:`serve_forever` serves in the calling thread until
    :meth:`shutdown` (from another thread) or, in the main thread, SIGINT or SIGTERM.

    Attributes:
        server_address: The bound (host, port); the real port when 0 was asked.
        base_url: Public root URL used in links (no trailing slash).
        app: The ASGI application.
    """

    def __init__(
        self,
        services: Services,
        host: str,
        port: int,
        *,
        limit: int,
        base_url: str | None,
        verbose: bool,
        max_connections: int,
        request_timeout: float,
        keep_alive_timeout: int,
    ) -> None:
        if not host.strip():
            raise BadInput(
                _(
                    "adresse d'écoute vide : indiquez 127.0.0.1 (cette machine seulement) ou "
                    "0.0.0.0 (toutes les interfaces)"
                )
            )
        if not 0 <= port <= 65535:
            raise BadInput(_("port d'écoute invalide : {port} (de 0 à 65535)", port=str(port)))
        if limit < 1:
            raise BadInput(_("la limite du nombre d'offres par flux doit être au moins 1"))
        _configure_logging()
        self.socket = _listening_socket(host, port)
        self.server_address: tuple[str, int] = self.socket.getsockname()[:2]
        self.base_url = (base_url or self._default_base_url()).rstrip("/")
        self.app = FeedApp(services, limit=limit, base_url=self.base_url, verbose=verbose)
        protocol = type("FeedProtocol", (_DeadlineProtocol,), {"request_timeout": request_timeout})
        config = uvicorn.Config(
            self.app,
            http=protocol,
            ws="none",
            lifespan="off",
            interface="asgi3",
            log_config=None,
            access_log=False,
            proxy_headers=False,
            headers=[("Server", "pass-tui")],
            limit_concurrency=max_connections,
            backlog=BACKLOG,
            timeout_keep_alive=keep_alive_timeout,
            timeout_graceful_shutdown=SHUTDOWN_GRACE,
            h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        )
        self._server = _Server(config)
        self._started = threading.Event()
        self._done = threading.Event()

    def _default_base_url(self) -> str:
        host, port = self.server_address
        if host in _WILDCARD_HOSTS:
            host = "::1" if ":" in host else "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{port}"

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown`, SIGINT or SIGTERM, then close the socket and return
        (requests in progress get :data:`SHUTDOWN_GRACE` seconds to finish)."""
        self._started.set()
        restore = self._catch_signals()
        try:
            asyncio.run(self._serve())
        finally:
            restore()
            self.server_close()
            self._done.set()

    async def _serve(self) -> None:
        asyncio.get_running_loop().set_exception_handler(_loop_error)
        self.app.limiter = anyio.CapacityLimiter(WORKER_THREADS)
        await self._server.serve(sockets=[self.socket])

    def _catch_signals(self) -> Callable[[], None]:
        if threading.current_thread() is not threading.main_thread():
            return lambda: None
        previous = {sig: signal.signal(sig, self._on_signal) for sig in _STOP_SIGNALS}

        def restore() -> None:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

        return restore

    def _on_signal(self, signum: int, frame: object) -> None:
        if self._server.should_exit:
            self._server.force_exit = True  # a second Ctrl+C: stop waiting for requests
        self._server.should_exit = True

    def shutdown(self) -> None:
        """Ask :meth:`serve_forever` (running in another thread) to stop, and wait for it."""
        self._server.should_exit = True
        if self._started.is_set():
            self._done.wait()

    def server_close(self) -> None:
        """Close the listening socket (done by :meth:`serve_forever` when it returns)."""
        self.socket.close()


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def make_server(
    services: Services,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    limit: int = 100,
    base_url: str | None = None,
    verbose: bool = False,
    max_connections: int = MAX_CONNECTIONS,
    request_timeout: float = REQUEST_TIMEOUT,
    keep_alive_timeout: int = KEEP_ALIVE_TIMEOUT,
) -> FeedServer:
    """A feed server bound to ``host:port``, not yet serving (call ``serve_forever``).

    Args:
        services: Services of the data directory to publish.
        host: Interface to bind ("127.0.0.1" by default; "0.0.0.0" for every IPv4
            interface, "::1" or another IPv6 address for IPv6). Never empty.
        port: TCP port; 0 picks a free one (read it from ``server.server_address``).
        limit: Maximum number of offers per feed, newest first (at least 1).
        base_url: Public root URL used in links (e.g. ``https://flux.example.org``);
            defaults to ``http://host:port`` (127.0.0.1 when bound to every interface).
        verbose: Write one line per request to stderr (never the client's address).
        max_connections: Open connections before new requests get a 503.
        request_timeout: Seconds a client has to send each request.
        keep_alive_timeout: Seconds an idle connection stays open.

    Returns:
        The bound server.

    Raises:
        BadInput: An empty host, a port outside 0–65535, or ``limit`` below 1.
        OSError: The address cannot be bound (port in use, unknown host name, …).
    """
    return FeedServer(
        services,
        host,
        port,
        limit=limit,
        base_url=base_url,
        verbose=verbose,
        max_connections=max_connections,
        request_timeout=request_timeout,
        keep_alive_timeout=keep_alive_timeout,
    )


def serve(
    services: Services,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    limit: int = 100,
    base_url: str | None = None,
    verbose: bool = False,
) -> None:
    """Serve the feeds until Ctrl+C or SIGTERM, then close the socket and return.

    The banner (``Flux servis sur http://HOST:PORT/flux/offres, …``, with the real port) is
    written to stderr once the socket listens.

    Args:
        services: Services of the data directory to publish.
        host: Interface to bind (never empty).
        port: TCP port; 0 picks a free one.
        limit: Maximum number of offers per feed.
        base_url: Public root URL used in links.
        verbose: Write one line per request to stderr.

    Raises:
        BadInput: An empty host, a bad port, or ``limit`` below 1.
        OSError: The address cannot be bound (before anything is written).
    """
    server = make_server(services, host, port, limit=limit, base_url=base_url, verbose=verbose)
    base = server.base_url
    sys.stderr.write(
        _(
            "Flux servis sur {base}/flux/offres, {base}/flux/offres_stages et "
            "{base}/flux/recherche?… (Ctrl+C pour arrêter)",
            base=base,
        )
        + "\n"
    )
    sys.stderr.flush()
    server.serve_forever()
    sys.stderr.write(_("Serveur de flux arrêté.") + "\n")
