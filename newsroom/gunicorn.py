"""Gunicorn settings for `make serve`, from the environment.

NEWSROOM_BIND     address to listen on (default 127.0.0.1:8000; several, comma-separated)
WEB_CONCURRENCY   worker processes (default: twice the CPUs plus one)
NEWSROOM_TIMEOUT  seconds a request may take before its worker is restarted (default 30)
NEWSROOM_MAX_REQUESTS  requests a worker serves before it is replaced (default 100000; 0
                  never)
"""

import multiprocessing
import os

wsgi_app = "newsroom.wsgi:application"
bind = [address.strip() for address in os.environ.get("NEWSROOM_BIND", "127.0.0.1:8000").split(",")]
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("NEWSROOM_TIMEOUT", "30"))
graceful_timeout = timeout
keepalive = 5
# Recycle workers now and then, so that no slow leak grows without bound. Not too often:
# a new worker spends a second of CPU starting, and at a thousand requests a second,
# recycling every 10,000 requests cost each worker that second every 20 s.
max_requests = int(os.environ.get("NEWSROOM_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = os.environ.get("NEWSROOM_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("NEWSROOM_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket: its default path is shared by every gunicorn of the user, so two
# servers on one machine (a site and its benchmark) would fight over it.
control_socket_disable = True
