"""A TCP proxy on one port of the loopback, for fault tests and the load test's outage.

Started, it forwards every connection to `upstream`. Stopped, it drops every
connection and refuses new ones, as a server that went down. Started with
`forward=False`, it accepts connections and never answers, as a black-holed host.
"""

import contextlib
import socket
import threading


class Proxy:
    def __init__(self, upstream):
        self.upstream = upstream
        self.port = 0
        self.listener = None
        self.sockets = set()
        self.lock = threading.Lock()

    def start(self, forward=True):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        listener.settimeout(0.1)
        self.port, self.listener = listener.getsockname()[1], listener
        self.acceptor = threading.Thread(target=self.accept, args=(listener, forward))
        self.acceptor.start()

    def accept(self, listener, forward):
        while self.listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            pair = [client]
            if forward:
                try:
                    pair.append(socket.create_connection(self.upstream))
                except OSError:
                    client.close()
                    continue
            with self.lock:
                self.sockets.update(pair)
            if forward:
                for source, target in (pair, pair[::-1]):
                    threading.Thread(target=self.pipe, args=(source, target), daemon=True).start()

    @staticmethod
    def pipe(source, target):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)

    def stop(self):
        listener, self.listener = self.listener, None
        if listener is None:
            return
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        self.acceptor.join()  # the port is free once it no longer waits on it
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()
