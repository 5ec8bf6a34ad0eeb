"""A real HTTP server on 127.0.0.1 for import tests, scripted per path."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)


Script = Callable[[BaseHTTPRequestHandler], Reply]


class ScriptedServer:
    """Paths answer with a list of replies in turn (the last one repeats) or a function."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply] | Script] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    reply = Reply(404, b"introuvable")
                elif callable(route):
                    reply = route(self)
                else:
                    reply = route.pop(0) if len(route) > 1 else route[0]
                if reply.delay and server._stop.wait(reply.delay):
                    return
                self.send_response(reply.status)
                headers = {"Content-Length": str(len(reply.body))} | reply.headers
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if reply.status != 304:
                    with suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(reply.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p.split("?")[0] == path)


@contextmanager
def scripted_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    thread = threading.Thread(target=server.httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server._stop.set()
        server.httpd.shutdown()
        server.httpd.server_close()
        thread.join(timeout=5)
        time.sleep(0)
