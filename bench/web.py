"""Measure the public site under gunicorn with wrk, next to a bare Django view.

Run it through `bench/run` (see `bench/run --help`). Each page is measured twice:
"uncached", every request rendered (the page cache keeps nothing), and "cached", served
by the anonymous page cache after a warm-up. Each is compared with the ceiling, a bare
view behind the same settings, middleware and server (`bench/ceiling.py`).
"""

import argparse
import contextlib
import fcntl
import hashlib
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "manage.py")]
SEED = 1
WORKDIR = Path(tempfile.gettempdir()) / "newsroom-bench"

#: Shares of the ceiling each page should reach: (uncached, cached), in per cent.
TARGETS = {
    "article": (50, 90),
    "meeting": (50, 90),
    "list": (35, 90),
    "list-deep": (35, 90),
    "list-language": (35, 90),
    "search": (35, 90),
    "api": (35, 90),
}
MODES = ("uncached", "cached")
WRK_MARK = "WRK_JSON "

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
  api            the API's article list (/api/v1/articles/)

each twice: "uncached", on a server with the page cache off
(NEWSROOM_PAGE_CACHE_SECONDS=0: every request is rendered), and "cached", on a server
restarted with the page cache on, after a warm-up that asks for every address (2 x W
times with locmem://, a cache per worker). It prints a
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

# The Lua script wrk runs. `done` prints the results as one line of JSON; `response`
# counts the answers that are not 2xx (wrk itself only counts those above 399).
WRK_SCRIPT = """\
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  paths = {}
  if args[1] then
    for line in io.lines(args[1]) do
      if #line > 0 then paths[#paths + 1] = line end
    end
    math.randomseed(tonumber(args[2]) or 1)
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + (thread:get("non2xx") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "mean_us": %.1f, "non2xx": %d, "connect": %d, '
      .. '"read": %d, "write": %d, "status": %d, "timeout": %d}\\n',
    "WRK_JSON ", summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean, non2xx, errors.connect, errors.read, errors.write, errors.status,
    errors.timeout))
end
"""
# Defined only for the random addresses: without `request`, wrk sends one prepared request.
WRK_RANDOM_REQUEST = """
function request()
  return wrk.format(nil, paths[math.random(#paths)])
end
"""


class BenchError(Exception):
    """The benchmark could not run; the message says why."""


@dataclass
class Target:
    """What one row measures: one address, or a random one of `paths` per request."""

    name: str
    path: str
    paths: list = field(default_factory=list)
    #: How many `class="article-row"` the page must list (checked on the warm-up).
    rows: int | None = None


@dataclass
class Row:
    name: str
    mode: str
    url: str
    requests: int
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    error_detail: dict
    #: Workers gunicorn started during the warm-up and measurement (recycled after
    #: `max_requests`, or killed on timeout): a new worker has an empty local cache.
    worker_restarts: int = 0
    percent_of_ceiling: float | None = None
    target_percent: int | None = None
    target_met: bool | None = None


def log(message=""):
    print(message, file=sys.stderr, flush=True)


# The database


def database_settings(url):
    import dj_database_url

    return dj_database_url.parse(url)


def redacted(url):
    return re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", url)


def prepare_database(args, env):
    """Migrate, empty and fill the database, unless --keep finds it filled already."""
    marker = WORKDIR / f"{hashlib.sha256(env['DATABASE_URL'].encode()).hexdigest()[:16]}.json"
    wanted = {
        "database": redacted(env["DATABASE_URL"]),
        "articles": args.articles,
        "seed": SEED,
        "analyzed": args.analyze,
    }
    if args.keep and marker.exists() and json.loads(marker.read_text()) == wanted:
        count = article_count(env)
        if count == args.articles:
            log(f"Reusing the database of a previous run ({count} articles): --keep")
            return
        log(f"--keep: the database holds {count} articles, not {args.articles}: regenerating")
    marker.unlink(missing_ok=True)
    if args.scratch:
        Path(args.scratch).unlink(missing_ok=True)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(args.scratch + suffix).unlink(missing_ok=True)
    started = time.monotonic()
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    if not args.scratch:
        manage(env, "flush", "--no-input", "--verbosity", "0")
    log(f"Generating {args.articles} articles (seed {SEED})...")
    output = manage(
        env,
        "generate_demo_data",
        "--articles",
        str(args.articles),
        "--seed",
        str(SEED),
        "--no-progress",
        capture=True,
    )
    log(f"  {output.strip()} (with migrate: {time.monotonic() - started:.1f} s)")
    if args.analyze:
        # The query planner's statistics. PostgreSQL's autovacuum gathers them soon after
        # a bulk load; SQLite never does unless asked.
        code = "from django.db import connection; connection.cursor().execute('ANALYZE')"
        manage(env, "shell", "--no-imports", "-c", code)
        log("  ANALYZE done")
    marker.write_text(json.dumps(wanted))


def article_count(env):
    code = "from articles.models import Article; print(Article.objects.count())"
    try:
        return int(manage(env, "shell", "--no-imports", "-c", code, capture=True).split()[-1])
    except (BenchError, ValueError, IndexError):
        return None


def manage(env, *arguments, capture=False):
    result = subprocess.run(
        [*MANAGE, *arguments], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise BenchError(
            f"manage.py {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}".rstrip()
        )
    if capture:
        return result.stdout
    return None


def collect_static(env):
    """`collectstatic` as `make serve` runs it, unless the manifest is newer than every
    source (it takes seconds: it hashes and compresses every file)."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    if manifest.exists():
        sources = [ROOT / "static", ROOT / "articles" / "static", ROOT / ".venv" / ".installed"]
        newest = max(
            (
                path.stat().st_mtime
                for source in sources
                if source.exists()
                for path in ([source] if source.is_file() else source.rglob("*"))
            ),
            default=0,
        )
        if manifest.stat().st_mtime > newest:
            return
    log("Collecting static files...")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


# Choosing the addresses (run in a subprocess, with Django set up on the benchmark's
# database: `web.py --pick-urls COUNT`)


def pick_urls(count):
    """Print as JSON the addresses to measure, chosen from the database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()

    from collections import Counter

    from django.test import RequestFactory
    from django.urls import reverse
    from django.utils import translation
    from rest_framework.pagination import Cursor
    from rest_framework.request import Request

    from articles.models import Article, Meeting
    from articles.search import search
    from articles.views import ArticleCursor, listed_articles

    translation.activate("en")
    rng = random.Random(SEED)

    article_ids = sorted(Article.objects.published().values_list("pk", flat=True))
    chosen = rng.sample(article_ids, min(count, len(article_ids)))
    articles = [
        article.get_canonical_url()
        for article in Article.objects.filter(pk__in=chosen).only("slug", "language")
    ]
    meeting_ids = sorted(Meeting.objects.published().values_list("pk", flat=True))
    chosen = rng.sample(meeting_ids, min(count, len(meeting_ids)))
    meetings = [
        meeting.get_absolute_url() for meeting in Meeting.objects.filter(pk__in=chosen).only("slug")
    ]
    rng.shuffle(articles)
    rng.shuffle(meetings)

    # Half-way down the archive, encoded as DRF encodes the "Older" link of the page
    # before: the position is the `published_at` of the last article shown.
    listed = listed_articles()
    total = listed.count()
    middle = listed.values_list("published_at", flat=True)[total // 2]
    pager = ArticleCursor()
    pager.base_url = reverse("article-list")
    deep = pager.encode_cursor(Cursor(offset=0, reverse=False, position=str(middle)))
    request = Request(RequestFactory(HTTP_HOST="localhost").get(deep))
    deep_items = len(ArticleCursor().paginate_queryset(listed_articles(), request))

    # The commonest word of English titles: what a search is most likely to ask for, and
    # the most work for the ranking.
    words = Counter(
        word.lower()
        for title in listed.filter(language="en").values_list("title", flat=True)[:20000]
        for word in re.findall(r"[^\W\d_]{5,}", title)
    )
    stop = {"about", "after", "their", "which", "there", "these", "under", "while", "with"}
    word = next(word for word, _ in words.most_common() if word not in stop)
    matches = search(Article.objects.published(), word).count()

    json.dump(
        {
            "articles_total": Article.objects.count(),
            "articles_listed": total,
            "article_paths": articles,
            "meeting_paths": meetings,
            "deep_path": deep,
            "deep_position": str(middle),
            "deep_items": deep_items,
            "search_word": word,
            "search_matches": matches,
        },
        sys.stdout,
    )


def choose_targets(env, count):
    result = subprocess.run(
        [PYTHON, __file__, "--pick-urls", str(count)],
        cwd=ROOT,
        env={**env, "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BenchError(f"Choosing the addresses failed:\n{result.stderr}")
    data = json.loads(result.stdout)
    if not data["article_paths"] or not data["meeting_paths"]:
        raise BenchError("The database has no published articles or meetings to measure.")
    if data["deep_items"] != 20:
        raise BenchError(
            f"The deep list page ({data['deep_path']}) lists {data['deep_items']} articles, "
            "not 20: the cursor is wrong."
        )
    targets = [
        Target("article", data["article_paths"][0], paths=data["article_paths"]),
        Target("list", "/en/articles/", rows=20),
        Target("list-deep", data["deep_path"], rows=20),
        Target("list-language", "/en/articles/?language=fr", rows=20),
        Target("search", f"/en/search/?q={data['search_word']}"),
        Target("meeting", data["meeting_paths"][0], paths=data["meeting_paths"]),
        Target("api", "/api/v1/articles/"),
    ]
    return targets, data


# The servers


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


# wrk


def run_wrk(port, target, args, scriptdir):
    script = Path(scriptdir) / ("random.lua" if target.paths else "fixed.lua")
    if not script.exists():
        script.write_text(WRK_SCRIPT + (WRK_RANDOM_REQUEST if target.paths else ""))
    command = [
        "wrk",
        "--threads",
        str(args.threads),
        "--connections",
        str(args.connections),
        "--duration",
        f"{args.duration}s",
        "--timeout",
        "10s",
        "--script",
        str(script),
        f"http://127.0.0.1:{port}{target.path}",
    ]
    if target.paths:
        paths_file = Path(scriptdir) / f"{target.name}.paths"
        paths_file.write_text("\n".join(target.paths) + "\n")
        command += ["--", str(paths_file), str(SEED)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((line for line in result.stdout.splitlines() if line.startswith(WRK_MARK)), None)
    if result.returncode or line is None:
        raise BenchError(f"wrk failed ({' '.join(command)}):\n{result.stdout}{result.stderr}")
    return json.loads(line[len(WRK_MARK) :])


def to_row(target, mode, stats):
    seconds = stats["duration_us"] / 1e6
    detail = {
        key: stats[key] for key in ("non2xx", "connect", "read", "write", "timeout") if stats[key]
    }
    if not stats["requests"]:
        detail["no answer"] = 1  # every request took longer than the measurement
    url = f"random of {len(target.paths)} like {target.path}" if target.paths else target.path
    return Row(
        name=target.name,
        mode=mode,
        url=url,
        requests=stats["requests"],
        requests_per_second=round(stats["requests"] / seconds, 1) if seconds else 0.0,
        p50_ms=round(stats["p50_us"] / 1000, 2),
        p90_ms=round(stats["p90_us"] / 1000, 2),
        p99_ms=round(stats["p99_us"] / 1000, 2),
        max_ms=round(stats["max_us"] / 1000, 2),
        errors=sum(detail.values()),
        error_detail=detail,
    )


# The run


def measure_mode(mode, targets, args, env, workdir):
    """Measure the ceiling, then every target, on servers started for `mode`."""
    env = {**env, "CACHE_URL": args.cache_url}
    if mode == "uncached":
        # The page cache off (articles.caching.enabled): every request is rendered.
        env["NEWSROOM_PAGE_CACHE_SECONDS"] = "0"
    if not args.cache_url.startswith(("locmem", "dummy")):
        # A shared cache may hold pages of an earlier database: start a new version.
        code = "from articles.caching import mark_changed; mark_changed()"
        manage(env, "shell", "--no-imports", "-c", code)
    rows, problems = [], []
    ceiling = Target("ceiling", "/ceiling/")
    ceiling_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.ceiling_settings"}
    log(f"\n{mode}: the ceiling (bench/ceiling.py)")
    with Server(
        ceiling_env, app="bench.ceiling:application", probe="/ceiling/", logdir=workdir
    ) as server:
        boots = server.worker_boots()
        problems += warm_up(server.port, ceiling, args.connections)
        rows.append(measure(server, ceiling, mode, args, workdir))
        rows[-1].worker_restarts = server.worker_boots() - boots
        problems += [f"ceiling server: {line}" for line in server.log_problems()]
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
    answer and fill a shared cache. A local-memory cache is one per worker, so cached,
    each address is asked for often enough for every worker to have it, most likely."""
    if mode == "cached" and args.cache_url.startswith("locmem"):
        return 2 * args.workers
    return 1


def measure(server, target, mode, args, workdir):
    stats = run_wrk(server.port, target, args, workdir)
    row = to_row(target, mode, stats)
    log(
        f"  {row.name:<14} {row.requests_per_second:>9.1f} req/s  p50 {row.p50_ms:>7.2f} ms"
        f"  p99 {row.p99_ms:>8.2f} ms  errors {row.errors}"
    )
    return row


def score(rows):
    ceilings = {row.mode: row.requests_per_second for row in rows if row.name == "ceiling"}
    for row in rows:
        ceiling = ceilings.get(row.mode)
        if ceiling:
            row.percent_of_ceiling = round(100 * row.requests_per_second / ceiling, 1)
        if row.name in TARGETS:
            row.target_percent = TARGETS[row.name][MODES.index(row.mode)]
            if row.percent_of_ceiling is not None:
                row.target_met = row.percent_of_ceiling >= row.target_percent


def table(rows):
    header = (
        "page",
        "mode",
        "req/s",
        "p50 ms",
        "p99 ms",
        "% ceiling",
        "errors",
        "restarts",
        "target",
    )
    lines = [header]
    for row in rows:
        target = ""
        if row.target_percent is not None:
            target = f"≥{row.target_percent}% " + ("ok" if row.target_met else "MISSED")
        lines.append(
            (
                row.name,
                row.mode,
                f"{row.requests_per_second:.1f}",
                f"{row.p50_ms:.2f}",
                f"{row.p99_ms:.2f}",
                "" if row.percent_of_ceiling is None else f"{row.percent_of_ceiling:.1f}",
                str(row.errors),
                str(row.worker_restarts),
                target,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    aligned = [
        "  ".join(
            cell.ljust(width) if i < 2 or i == len(header) - 1 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    ]
    aligned.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(aligned)


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
        pick_urls(args.pick_urls)
        return 0
    if shutil.which("wrk") is None:
        log(
            "bench/run needs wrk, the HTTP benchmarking tool, on PATH. Install it:\n"
            "  Debian/Ubuntu: sudo apt-get install wrk\n"
            "  macOS:         brew install wrk"
        )
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
        " on the same server and mode. Targets: article and meeting uncached ≥50%;"
        " lists, search and API uncached ≥35%; cached ≥90%. restarts: gunicorn workers"
        " started during the row (recycled after max_requests, or killed on timeout)."
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
