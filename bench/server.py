"""gunicorn as `make serve` starts it (its config module, the environment's settings) on a
free port of the loopback, with its log in a file; and asking it for a page."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, BenchError

BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn as `make serve` starts it: its config module, the environment's settings."""

    def __init__(self, env, app=None, probe="/", logdir=None):
        self.env = env
        self.app = app
        self.probe = probe
        self.logdir = Path(logdir)
        self.log_paths = []
        self.process = None
        self.port = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def start(self):
        self.port = free_port()
        name = (self.app or "site").split(":")[0]
        log_path = self.logdir / f"gunicorn-{name}-{self.port}.log"
        self.log_paths.append(log_path)
        command = [str(BIN / "gunicorn"), "--config", "python:newsroom.gunicorn"]
        if self.app:
            command.append(self.app)
        with open(log_path, "w") as output:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**self.env, "NEWSROOM_BIND": f"127.0.0.1:{self.port}"},
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn stopped at start:\n{self.log_tail()}")
            with contextlib.suppress(OSError):
                status, _ = fetch(self.port, self.probe)
                if status:
                    return
            time.sleep(0.2)
        raise BenchError(f"gunicorn did not answer within 60 s:\n{self.log_tail()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        # QUIT: a quick shutdown, not waiting for requests wrk gave up on.
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def restart(self):
        self.stop()
        self.start()

    def settled(self, timeout=30):
        """Whether the workers are done with what wrk left them: they answer the probe."""
        try:
            fetch(self.port, self.probe, timeout=timeout)
        except OSError:
            return False
        return True

    def log_problems(self):
        """What gunicorn logged as an error: workers killed on timeout, tracebacks."""
        return [
            line.strip()
            for path in self.log_paths
            if path.exists()
            for line in path.read_text(errors="replace").splitlines()
            if "[CRITICAL]" in line or "[ERROR]" in line or line.startswith("Traceback")
        ]

    def worker_boots(self):
        """How many workers gunicorn started so far: at start, and to replace one
        recycled after `max_requests` or killed on timeout."""
        return sum(
            path.read_text(errors="replace").count("Booting worker")
            for path in self.log_paths
            if path.exists()
        )

    def log_tail(self, lines=30):
        with contextlib.suppress(OSError, IndexError):
            text = self.log_paths[-1].read_text(errors="replace")
            return "\n".join(text.splitlines()[-lines:])
        return ""


def fetch(port, path, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)  # Host: 127.0.0.1:port, as wrk sends it
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()
