"""Real network faults on 127.0.0.1 for outage tests: a closed port and a switchable proxy.

- :func:`closed_port` is a port nothing listens on (connections are refused at once).
- :class:`FaultyProxy` listens on a local port and either forwards every byte to a real
  service (``"forward"``) or accepts connections and never answers (``"silent"``, the hung
  server that made pages wait a minute). Switch with ``proxy.mode = ...``; it counts the
  connections it accepted.
"""

import contextlib
import socket
import threading


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FaultyProxy:
    def __init__(self, target: tuple[str, int] | None = None, mode: str = "silent"):
        self.target, self.mode = target, mode
        self.accepted = 0
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(64)
        self.port = self._server.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        self._stopped.set()
        for sock in [self._server, *self._sockets]:
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            self.accepted += 1
            self._sockets.append(client)
            if self.mode == "forward" and self.target:
                upstream = socket.create_connection(self.target, timeout=5)
                self._sockets.append(upstream)
                for source, sink in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()
            # silent: keep the connection open, read nothing, answer nothing

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        while not self._stopped.is_set():
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            if self.mode != "forward":
                continue  # swallowed: the service has gone silent
            try:
                sink.sendall(data)
            except OSError:
                return
