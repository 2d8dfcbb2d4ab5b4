import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest


class Receiver:
    """An HTTP receiver on 127.0.0.1 that can be down (nothing listening) and brought up on the same port."""

    def __init__(self) -> None:
        with socket.socket() as probe:  # pick a free port, then leave it closed: "down"
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/giaoban"
        self.received: list[dict] = []
        self._server: HTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append({"headers": dict(self.headers), "body": body})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self._server = HTTPServer(("127.0.0.1", self.port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def json(self, index: int = 0) -> dict:
        return json.loads(self.received[index]["body"])


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()
