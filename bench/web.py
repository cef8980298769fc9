"""Measure the public site under gunicorn with wrk, next to a bare Django view.

Run it through `bench/run` (see `bench/run --help`). Each page is measured three
times: "cold", every request rendered whole (the page cache and the fragment cache
off), "uncached", every request rendered from the fragments kept after a warm-up (the
page cache off), and "cached", served by the anonymous page cache after a warm-up.
Each is compared with the ceiling, a bare view behind the same settings, middleware and
server (`bench/ceiling.py`).

This module holds its options and the run; the database and the server are prepared by
`prepare.py` and `server.py` (which `bench/load` shares), the addresses picked by
`pages.py`, and each page measured, scored and tabulated by `measure.py`.
"""

import argparse
import fcntl
import json
import os
import platform
import re
import secrets
import signal
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from common import ROOT, WORKDIR, BenchError, has_wrk, log
from measure import MODES, measure, score, table
from pages import Target, choose_targets, pick_urls, textbook_targets
from prepare import (
    check_database,
    collect_static,
    database_settings,
    manage,
    prepare_database,
    redacted,
)
from server import Server, fetch

DESCRIPTION = """\
Benchmark the public site: the pages readers ask for most, served by gunicorn as
`make serve` serves them, measured with wrk.

It prepares a database with `generate_demo_data --articles N --seed 1` (a scratch
SQLite file under {workdir}, or DATABASE_URL, which is flushed first), picks the
addresses from it, and measures with wrk, C connections for S seconds each:

  ceiling        a bare Django view (bench/ceiling.py): same settings, middleware, server
  article        article pages, a random one of ~1000 per request
  list           the article list, first page (/en/articles/)
  list-deep      the article list half-way down the archive (a keyset cursor)
  list-language  the article list filtered by language (?language=fr)
  search         a search for the commonest word of the titles
  meeting        meeting pages, a random one of ~1000 per request
  coverage       the comparisons of those meetings' reports (/en/meetings/<slug>/coverage/)
  person         the page of the person with the most meetings: timeline, met with, network
  api            the API's article list (/api/v1/articles/)

each three times, on a server started for each: "cold", with the page cache and the
fragment cache off (NEWSROOM_PAGE_CACHE_SECONDS=0, NEWSROOM_FRAGMENT_CACHE_SECONDS=0:
every page rendered whole); "uncached", with the page cache off (every page rendered,
from the fragments of its rows and body kept in the cache, core/fragments.py: what
readers get right after an edit); and "cached", with the page cache on. Before each
measurement a warm-up asks for every address (2 x W times with locmem://, a cache per
worker). It prints a
table (requests per second, latency p50 and p99, share of the ceiling, errors, and the
targets) and writes it as JSON. It exits with status 1 if any address answered anything
but 200 or a request failed, 2 if it could not run.

Requires wrk (Debian/Ubuntu: sudo apt-get install wrk; macOS: brew install wrk).
"""

EPILOG = """\
examples:
  bench/run                                  100,000 articles on SQLite, 15 s per measurement
  bench/run --articles 2000 --quick          what CI runs (under 2 minutes)
  bench/run --keep                           reuse the database of the previous run
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench bench/run
"""


# The run


def warm_up(port, target, connections):
    """Ask for every address of `target` once; return what answered other than expected."""

    def one(path):
        try:
            status, body = fetch(port, path, timeout=60)
        except OSError as error:
            return f"{path}: {error}"
        if status != 200:
            return f"{path}: HTTP {status}"
        if target.rows is not None:
            found = body.count(b'class="article-row"')
            if found != target.rows:
                return f"{path}: {found} articles listed, not {target.rows}"
        return None

    paths = target.paths or [target.path]
    pool = ThreadPoolExecutor(max_workers=connections)
    try:
        return [problem for problem in pool.map(one, paths) if problem]
    finally:
        pool.shutdown(cancel_futures=True)


def measure_mode(mode, targets, args, env, workdir):
    """Measure the ceiling, then every target, on servers started for `mode`."""
    env = {**env, "CACHE_URL": args.cache_url}
    if mode in ("cold", "uncached"):
        # The page cache off (core.caching.enabled): every request is rendered.
        env["NEWSROOM_PAGE_CACHE_SECONDS"] = "0"
    if mode == "cold":
        # The fragments off too (core.fragments.enabled): every page rendered whole.
        env["NEWSROOM_FRAGMENT_CACHE_SECONDS"] = "0"
    if not args.cache_url.startswith(("locmem", "dummy")):
        # A shared cache may hold pages of an earlier database: start a new version.
        code = "from core.caching import mark_changed; mark_changed()"
        manage(env, "shell", "--no-imports", "-c", code)
    rows, problems = [], []
    ceiling_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.ceiling_settings"}
    log(f"\n{mode}: the ceiling and the textbook pages (bench/ceiling.py)")
    with Server(
        ceiling_env, app="bench.ceiling:application", probe="/ceiling/", logdir=workdir
    ) as server:
        for reference in [Target("ceiling", "/ceiling/"), *textbook_targets(targets)]:
            boots = server.worker_boots()
            for _ in range(warm_passes(mode, reference, args)):
                problems += warm_up(server.port, reference, args.connections)
            rows.append(measure(server, reference, mode, args, workdir))
            rows[-1].worker_restarts = server.worker_boots() - boots
        problems += [f"reference server: {line}" for line in server.log_problems()]
    log(f"{mode}: the site")
    with Server(env, probe="/robots.txt", logdir=workdir) as server:
        for target in targets:
            started, boots = time.monotonic(), server.worker_boots()
            for _ in range(warm_passes(mode, target, args)):
                failed = warm_up(server.port, target, args.connections)
                problems += failed
                if failed:
                    break
            log(f"  {target.name}: warmed up in {time.monotonic() - started:.1f} s")
            row = measure(server, target, mode, args, workdir)
            row.worker_restarts = server.worker_boots() - boots
            rows.append(row)
            if row.errors or not server.settled():
                log("  (restarting the server, still busy with what wrk left it)")
                server.restart()
        problems += [f"site server: {line}" for line in server.log_problems()]
    return rows, problems


def warm_passes(mode, target, args):
    """How many times to ask for each address before measuring: once, to check every
    answer and fill a shared cache. A local-memory cache is one per worker, so with a
    cache, each address is asked for often enough for every worker to have it."""
    if mode != "cold" and args.cache_url.startswith("locmem"):
        return 2 * args.workers
    return 1


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/run",
        description=DESCRIPTION.format(workdir=WORKDIR),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=100_000,
        metavar="N",
        help="articles to generate, translations included (default: 100000)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="short runs for CI: 3 s per measurement, 100 random addresses instead of 1000",
    )
    parser.add_argument(
        "--duration",
        type=int,
        metavar="S",
        help="seconds per measurement (default: 15, or 3 with --quick)",
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=16,
        metavar="C",
        help="concurrent connections wrk keeps open (default: 16)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        metavar="W",
        help="gunicorn worker processes, WEB_CONCURRENCY (default: 2)",
    )
    parser.add_argument(
        "--json",
        metavar="PATH",
        help="where to write the results (default: bench/results-<database>.json)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the database of a previous run with the same --articles, if complete",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="use (and flush) DATABASE_URL even if its name has neither 'bench' nor 'test'",
    )
    parser.add_argument(
        "--cache-url",
        default="locmem://",
        metavar="URL",
        help="the cache of the servers, as CACHE_URL (default: locmem://, one per worker)",
    )
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="run ANALYZE after generating (always done on PostgreSQL, as autovacuum would;"
        " SQLite gathers no planner statistics unless asked)",
    )
    parser.add_argument("--pick-urls", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.duration is None:
        args.duration = 3 if args.quick else 15
    for name in ("articles", "duration", "connections", "workers"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    args.threads = max(1, min(args.connections, os.cpu_count() or 1))
    args.sample = 100 if args.quick else 1000
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.pick_urls is not None:
        pick_urls("web", args.pick_urls)
        return 0
    if not has_wrk("bench/run"):
        return 2
    handler = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGTERM, handler)  # stop the servers as on Ctrl-C
    try:
        return run(args)
    except BenchError as error:
        log(f"\nbench/run: {error}")
        return 2
    except KeyboardInterrupt:
        log("\nbench/run: interrupted")
        return 130


def run(args):
    WORKDIR.mkdir(parents=True, exist_ok=True)
    # One run at a time: runs share the scratch databases, and would share the CPUs.
    lock = open(WORKDIR / "run.lock", "w")  # noqa: SIM115 (held until the process ends)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log(f"Another bench/run is running (lock {WORKDIR / 'run.lock'}): waiting for it...")
        fcntl.flock(lock, fcntl.LOCK_EX)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS"}
    }
    if os.environ.get("DATABASE_URL"):
        args.scratch = None
        settings = database_settings(os.environ["DATABASE_URL"])
        name = str(settings.get("NAME", ""))
        if not re.search("bench|test", Path(name).name, re.IGNORECASE) and not args.force:
            raise BenchError(
                f"DATABASE_URL names the database {name!r}: the benchmark flushes it, so its "
                "name must contain 'bench' or 'test' (or pass --force)."
            )
        if settings["ENGINE"].endswith("postgresql"):
            check_database(os.environ["DATABASE_URL"], force=True)  # created if missing
        log(f"WARNING: the database {redacted(os.environ['DATABASE_URL'])} will be flushed.")
    else:
        args.scratch = str(WORKDIR / f"sqlite-{args.articles}.sqlite3")
        env["DATABASE_URL"] = f"sqlite:///{args.scratch}"
        settings = database_settings(env["DATABASE_URL"])
    vendor = settings["ENGINE"].rsplit(".", 1)[-1]
    vendor = {"postgresql": "postgresql", "sqlite3": "sqlite"}.get(vendor, vendor)
    args.analyze = args.analyze or vendor == "postgresql"
    if args.cache_url.startswith("locmem"):
        log(
            "Note: with locmem:// each worker has its own page cache, which a worker"
            " recycled by gunicorn (max_requests) starts empty; --cache-url redis://..."
            " measures a shared cache."
        )
    json_path = Path(args.json) if args.json else ROOT / "bench" / f"results-{vendor}.json"

    started = time.monotonic()
    prepare_database(args, env)
    server_env = {
        **env,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # gunicorn answers plain HTTP here
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WEB_CONCURRENCY": str(args.workers),
        "NEWSROOM_ACCESS_LOG": "",
    }
    manage(server_env, "check", "--deploy", "--fail-level", "ERROR")
    collect_static(server_env)
    targets, picked = choose_targets(env, args.sample)
    log(
        f"Measuring {len(targets) + 1} addresses x {len(MODES)} modes, {args.duration} s each,"
        f" {args.connections} connections, {args.workers} workers, {args.threads} wrk threads"
        f" ({os.cpu_count()} CPUs); search word {picked['search_word']!r}"
        f" ({picked['search_matches']} matches)"
    )

    rows, problems = [], []
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as workdir:
        for mode in MODES:
            mode_rows, mode_problems = measure_mode(mode, targets, args, server_env, workdir)
            rows += mode_rows
            problems += [f"{mode}: {problem}" for problem in mode_problems]
    score(rows)

    print()
    print(
        f"Newsroom web benchmark: {vendor}, {picked['articles_total']} articles, "
        f"{args.workers} workers, {args.connections} connections, {args.duration} s each"
    )
    print(table(rows))
    print(
        "\n% ceiling: requests per second as a share of the bare view's (bench/ceiling.py)"
        " on the same server and mode. % textbook: as a share of the textbook Django"
        " version of the same page (a 20-row ListView or a DetailView over the same"
        " articles, bench/ceiling_urls.py), which every page should reach uncached."
        " cold: nothing cached; uncached: the page cache off, fragments kept."
        " Targets: article and meeting uncached ≥50%; lists and API uncached ≥35%; search"
        " uncached ≥5%; cached ≥90%. restarts: gunicorn workers started during the row"
        " (recycled after max_requests, or killed on timeout)."
    )
    report = {
        "meta": {
            "database": vendor,
            "database_url": redacted(env["DATABASE_URL"]),
            "articles": picked["articles_total"],
            "articles_listed": picked["articles_listed"],
            "workers": args.workers,
            "connections": args.connections,
            "wrk_threads": args.threads,
            "duration_s": args.duration,
            "quick": args.quick,
            "cache_url": args.cache_url,
            "analyzed": args.analyze,
            "random_addresses": args.sample,
            "search_word": picked["search_word"],
            "search_matches": picked["search_matches"],
            "deep_path": picked["deep_path"],
            "deep_position": picked["deep_position"],
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "seconds": round(time.monotonic() - started, 1),
        },
        "rows": [asdict(row) for row in rows],
        "problems": problems,
    }
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {json_path} in {time.monotonic() - started:.0f} s.")
    if args.scratch:
        size = Path(args.scratch).stat().st_size / 1e6
        print(f"The database is kept for --keep: {args.scratch} ({size:.0f} MB).")

    failed = [row for row in rows if row.errors]
    if failed or problems:
        print("\nErrors:", file=sys.stderr)
        for row in failed:
            print(f"  {row.name} ({row.mode}, {row.url}): {row.error_detail}", file=sys.stderr)
        for problem in problems[:50]:
            print(f"  {problem}", file=sys.stderr)
        if len(problems) > 50:
            print(f"  ... and {len(problems) - 50} more", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
