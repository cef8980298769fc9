"""The API's contract: schemathesis reads the OpenAPI document the site serves at
/api/v1/openapi.json, sends every operation it describes requests made from it, valid
and invalid, and checks each answer against it.

Run it through `bench/contract` (see `bench/contract --help`). It shares the web
benchmark's server (`server.py`) and its `manage.py` runner (`prepare.py`).
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import SEED, BenchError, log
from prepare import collect_static, manage
from server import BIN, Server

#: Test cases per operation in each phase that generates them: with the coverage and
#: stateful phases, about 170 requests per operation in all.
EXAMPLES = 100
SCHEMA = "/api/v1/openapi.json"

DESCRIPTION = f"""\
Check the JSON API against its own OpenAPI document with schemathesis.

It makes a scratch SQLite database, migrates it and loads the seed fixture
(fixtures/seed.json), starts gunicorn as `make serve` does (production settings,
2 workers, plain HTTP on a free port of the loopback), then runs

  schemathesis run http://127.0.0.1:PORT{SCHEMA} --checks all --seed S --max-examples N

Every operation of the document is tested, endpoints added later included, with valid
requests (which must be answered 2xx or 404) and invalid ones (which must be answered
4xx), each answer checked against the documented status codes, content types, headers
and schemas. It exits with status 1 if any check failed or the server logged an error,
2 if it could not run.
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/contract",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=SEED,
        metavar="S",
        help=f"schemathesis' random seed: the same seed sends the same requests (default: {SEED})",
    )
    parser.add_argument(
        "--max-examples",
        type=int,
        default=EXAMPLES,
        metavar="N",
        help=f"test cases per operation and phase (default: {EXAMPLES})",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        metavar="W",
        help="gunicorn worker processes, WEB_CONCURRENCY (default: 2)",
    )
    args = parser.parse_args(argv)
    for name in ("max_examples", "workers"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.getsignal(signal.SIGINT))  # stop as on Ctrl-C
    try:
        return run(args)
    except BenchError as error:
        log(f"\nbench/contract: {error}")
        return 2
    except KeyboardInterrupt:
        log("\nbench/contract: interrupted")
        return 130


def run(args):
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="newsroom-contract-") as workdir:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "CACHE_URL", "REDIS_URL"}
        }
        env |= {
            "DATABASE_URL": f"sqlite:///{Path(workdir) / 'contract.sqlite3'}",
            "CACHE_URL": "locmem://",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_SECURE_SSL_REDIRECT": "0",  # gunicorn answers plain HTTP here
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WEB_CONCURRENCY": str(args.workers),
            "NEWSROOM_ACCESS_LOG": "",
            "NEWSROOM_OPEN_DATA_DIR": str(Path(workdir) / "opendata"),
        }
        log("Migrating a scratch SQLite database and loading the seed fixture...")
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        manage(env, "loaddata", "seed", "--verbosity", "0")
        manage(env, "build_archive")  # the open data's latest archive, for its endpoint
        manage(env, "check", "--deploy", "--fail-level", "ERROR")
        collect_static(env)
        with Server(env, probe=SCHEMA, logdir=workdir) as server:
            log(f"Serving on 127.0.0.1:{server.port} ({args.workers} workers)")
            command = [
                str(BIN / "schemathesis"),
                "run",
                f"http://127.0.0.1:{server.port}{SCHEMA}",
                "--checks",
                "all",
                "--seed",
                str(args.seed),
                "--max-examples",
                str(args.max_examples),
                # Every run sends the same requests: no examples replayed from earlier runs.
                "--generation-database",
                "none",
                "--workers",
                "1",
                "--request-timeout",
                "30",
                "--no-color",
            ]
            checked = subprocess.run(command, cwd=workdir, stdin=subprocess.DEVNULL, check=False)
            problems = server.log_problems()
    for line in problems:
        log(f"server: {line}")
    log(f"bench/contract: {time.monotonic() - started:.0f} s")
    if checked.returncode or problems:
        log("bench/contract: the API does not keep its contract (above)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
