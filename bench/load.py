"""Load and soak test: the public site under gunicorn, a mix of pages for minutes, with
the workers' memory watched.

Run it through `bench/load` (see `bench/load --help`). It reuses the web benchmark's
database preparation and server (`bench/web.py`).
"""

import argparse
import contextlib
import fcntl
import json
import math
import os
import platform
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from statistics import mean
from urllib.parse import urlencode, urlsplit, urlunsplit

import web
from tcpproxy import Proxy
from web import ROOT, SEED, WORKDIR, BenchError, Server, log, manage

#: Share of the requests each kind of address gets, in per cent.
MIX = {"article": 30, "list": 15, "meeting": 15, "search": 15, "feed": 10, "api": 15}
WORKERS = 4
#: The targets: no request fails, and the workers' memory grows by less than this.
MAX_GROWTH_PERCENT = 10
WRK_MARK = "LOAD_JSON "
ACCESS_MARK = "load-access"
#: How the settings (LOGGING) log the errors Django answers 500 for, and the lines of a
#: traceback that come before the exception.
DJANGO_ERROR = "[ERROR] django.request: "
CHAINED = ("Traceback", "During handling", "The above exception")
#: gunicorn's settings for the run, overriding its config module (GUNICORN_CMD_ARGS
#: comes after it): no recycling of workers after max_requests, which would reset
#: their memory, and an access log that gives each request's status, time and worker.
GUNICORN_ARGS = f"--max-requests 0 --access-logformat '{ACCESS_MARK} %(s)s %(D)s %(p)s %(t)s %(r)s'"
#: The ways --cache-outage takes Redis away, the first the default: "refuse" drops every
#: connection and refuses new ones (Redis stopped), "blackhole" drops them and accepts
#: new ones that are never answered (a host gone from the network).
OUTAGES = ("refuse", "blackhole")
PHASES = ("before", "during", "after")

DESCRIPTION = f"""\
Load and soak test: gunicorn as `make serve` starts it ({WORKERS} workers, the page cache
in Redis), driven by wrk with a mix of the public pages for minutes, while the resident
memory (RSS) of the master and of every worker is sampled.

The settings are production's (DJANGO_DEBUG=0, a random secret key), served over plain
HTTP (DJANGO_SECURE_SSL_REDIRECT=0), with Django's 500 errors logged to gunicorn's log,
where the test reads them.

It prepares the PostgreSQL database DATABASE_URL names (created if missing, emptied,
then filled by `generate_demo_data --articles N --seed 1`), picks thousands of
addresses from it, and runs wrk, C connections for S seconds, each request a random
address of a random kind:

  article  30 %  article pages
  list     15 %  the home page, the article list: first pages, every language, outlet
                 and topic filter, people and organizations, deep keyset cursors
  meeting  15 %  meeting pages, the timeline (first page, deep cursors, years)
  search   15 %  searches for varied words, pairs and names, some filtered or page 2,
                 some matching nothing: most are rendered, not cached
  feed     10 %  RSS and Atom feeds: latest, by language, outlet, person, meetings
  api      15 %  the API: lists, filters, cursors, searches, articles, meetings

A warm-up of the same mix comes first (10 s, --warmup): the workers' first requests
load code and templates, which is no leak.

Targets: no errors (every answer 2xx or 3xx, no socket errors or timeouts, warm-up
included) and the workers' total RSS averaged over the last minute of the measurement
less than {MAX_GROWTH_PERCENT} % above its average over the first minute (for runs under
3 minutes, the first and last third, e.g. 10 s of 30 s). Workers are not recycled
during the run (GUNICORN_CMD_ARGS sets --max-requests 0, over newsroom/gunicorn.py's
10000), and a worker started during the run (killed on timeout, crashed) misses the
target too.

With --cache-outage, the servers reach Redis through a TCP proxy on the loopback, and
Redis goes away for the middle third of the measurement: the first third runs as usual,
then the proxy drops every connection and refuses new ones, as a stopped Redis
(--cache-outage=blackhole: it accepts new ones and never answers, as a host gone from
the network), and for the last third it forwards again. The targets stay the same (no
errors at all, the outage included; the memory of the first and last window). It prints
when the outage began and ended, and, from gunicorn's access log, requests per second,
p50, p99, max and errors before, during and after it. The access log gives the second
each request ended: each phase counts the whole seconds inside it, and the seconds
across a switch are counted apart.

It prints requests per second, latency (p50, p99), errors, memory and, from gunicorn's
access log, each kind's share, server time and errors; it writes all of it as JSON.
Exit status: 0 if the targets are met, 1 if one is missed, 2 if it could not run.

Requires wrk (Debian/Ubuntu: sudo apt-get install wrk), PostgreSQL and, by default,
Redis at 127.0.0.1:6379 (database 7; other --cache-url databases work too;
--cache-outage needs a redis:// address).
"""

EPILOG = """\
examples:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load bench/load
        the soak: 10,000 articles, 64 connections, 5 minutes
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_load bench/load --quick --cache-outage
        what CI runs: 1,000 articles, 30 s, Redis stopped from 10 s to 20 s (about a
        minute in all)
  bench/load --cache-outage=blackhole  (DATABASE_URL as above) the soak, Redis
                                       black-holed from 100 s to 200 s
  bench/load --duration 1800 --keep    (DATABASE_URL as above) half an hour, on the
                                       database of the last run
"""

# The Lua script wrk runs. `request` picks a kind by its weight, then one of its
# addresses; `response` counts the answers by status; `done` prints it all as JSON.
WRK_SCRIPT = """\
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("number", counter)
  table.insert(threads, thread)
end

function init(args)
  kinds, bounds, paths, sent, statuses = {}, {}, {}, {}, {}
  local total = 0
  for i = 3, #args do
    local kind, weight = args[i]:match("^(%w+)=(%d+)$")
    total = total + tonumber(weight)
    kinds[#kinds + 1] = kind
    bounds[#bounds + 1] = total
    paths[kind] = {}
    sent[kind] = 0
  end
  for i = 1, #bounds do bounds[i] = bounds[i] / total end
  for line in io.lines(args[1]) do
    local kind, path = line:match("^(%w+)\\t(.+)$")
    if kind and paths[kind] then table.insert(paths[kind], path) end
  end
  math.randomseed(tonumber(args[2]) * 1000 + number)
end

function request()
  local r = math.random()
  local i = 1
  while i < #kinds and r > bounds[i] do i = i + 1 end
  local kind = kinds[i]
  local list = paths[kind]
  sent[kind] = sent[kind] + 1
  return wrk.format(nil, list[math.random(#list)])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local function merge(name)
  local merged = {}
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get(name) or {}) do
      merged[key] = (merged[key] or 0) + value
    end
  end
  local items = {}
  for key, value in pairs(merged) do
    items[#items + 1] = string.format('"%s": %d', tostring(key), value)
  end
  return "{" .. table.concat(items, ", ") .. "}"
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "mean_us": %.1f, "connect": %d, "read": %d, '
      .. '"write": %d, "timeout": %d, "statuses": %s, "sent": %s}\\n',
    "LOAD_JSON ", summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean, errors.connect, errors.read, errors.write, errors.timeout,
    merge("statuses"), merge("sent")))
end
"""


@dataclass
class Sample:
    """The resident memory of gunicorn's processes at one moment, in kB."""

    seconds: float
    master_kb: int
    workers_kb: dict

    @property
    def total_kb(self):
        return sum(self.workers_kb.values())


@dataclass
class Memory:
    """The workers' total RSS over the measurement, in MB, and how it grew."""

    window_s: float
    first_mb: float
    last_mb: float
    growth_percent: float
    master_first_mb: float
    master_last_mb: float
    at_start_mb: float
    after_warmup_mb: float
    peak_mb: float
    per_worker_growth_percent: dict
    #: Workers that appeared during the run (a worker killed on timeout is replaced).
    workers_started: list = field(default_factory=list)
    workers_gone: list = field(default_factory=list)


@dataclass(slots=True)
class Logged:
    """A request in gunicorn's access log."""

    kind: str
    status: int
    ms: float
    path: str
    #: When it ended, in seconds since the epoch (to the second).
    at: float


def is_error(status):
    """What the targets count as a failed answer: anything but 2xx and 3xx."""
    return not 200 <= status < 400


# Choosing the addresses (run in a subprocess with Django set up on the test's database:
# `load.py --pick-urls COUNT`)


def pick_urls(count):
    """Print as JSON the addresses of each kind, up to about `count` of each."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()

    from django.urls import reverse
    from django.utils import translation
    from rest_framework.pagination import Cursor

    from api.views import LatestMeetingFirst, NewestFirst
    from articles.models import Article, Meeting, Outlet, Topic
    from articles.search import search
    from articles.views import ArticleCursor, MeetingCursor, listed_articles
    from people.models import Organization, Person

    translation.activate("en")
    rng = random.Random(SEED)

    def sample(items, size):
        items = list(items)
        return rng.sample(items, min(size, len(items)))

    def query(path, **parameters):
        return f"{path}?{urlencode(parameters)}"

    def cursor(pager_class, base_url, position, **parameters):
        pager = pager_class()
        pager.base_url = query(base_url, **parameters) if parameters else base_url
        return pager.encode_cursor(Cursor(offset=0, reverse=False, position=str(position)))

    listed = listed_articles()
    published_at = list(listed.values_list("published_at", flat=True))
    article_ids = sorted(Article.objects.published().values_list("pk", flat=True))
    articles = list(
        Article.objects.filter(pk__in=sample(article_ids, count))
        .only("slug", "language")
        .order_by("pk")
    )
    meetings = list(Meeting.objects.published().only("slug", "date").order_by("pk"))
    meeting_dates = [meeting.date for meeting in meetings]
    languages = sorted(set(Article.objects.published().values_list("language", flat=True)))
    outlets = list(Outlet.objects.order_by("pk").values_list("slug", flat=True))
    topics = list(Topic.objects.order_by("pk").values_list("slug", flat=True))
    people = list(Person.objects.order_by("pk"))
    organizations = list(Organization.objects.order_by("pk"))
    years = sorted({date.year for date in meeting_dates})
    list_url = reverse("article-list")
    meeting_url = reverse("meeting-list")
    api_articles = reverse("api:article-list")
    api_meetings = reverse("api:meeting-list")

    article = [item.get_canonical_url() for item in articles]

    lists = ["/en/", "/fr/", list_url, "/fr/articles/"]
    lists += [query(list_url, language=language) for language in languages]
    lists += [query(list_url, outlet=slug) for slug in outlets]
    lists += [query(list_url, topic=slug) for slug in sample(topics, 20)]
    lists += [query(list_url, person=item.slug) for item in sample(people, 20)]
    lists += [query(list_url, organization=item.slug) for item in sample(organizations, 20)]
    lists += [
        query(list_url, published_after=f"{year}-01-01", published_before=f"{year}-12-31")
        for year in sorted({moment.year for moment in published_at})
    ]
    lists += [reverse("person-list"), reverse("organization-list")]
    lists += [item.get_absolute_url() for item in sample(people, 20)]
    lists += [item.get_absolute_url() for item in sample(organizations, 20)]
    deep = sample(published_at, min(count // 5, 300))
    lists += [cursor(ArticleCursor, list_url, position) for position in deep]
    lists += [
        cursor(ArticleCursor, list_url, position, language=rng.choice(languages))
        for position in deep[:50]
    ]

    meeting = [item.get_absolute_url() for item in sample(meetings, count)]
    meeting += [meeting_url] * 10
    meeting += [reverse("meeting-year", args=[year]) for year in years]
    meeting += [
        cursor(MeetingCursor, meeting_url, position) for position in sample(meeting_dates, 100)
    ]

    # Words of the titles in every language, pairs of them, names, and words that match
    # nothing: far more searches than the cache keeps for a few minutes' run.
    titles = list(listed.values_list("title", "language")[:20000])
    counts = Counter(
        word.lower() for title, _ in titles for word in re.findall(r"[^\W\d_]{4,}", title)
    )
    words = sorted(counts)
    # Words with a second page of results (a page beyond the last answers 404).
    common = [word for word, _ in counts.most_common(100)]
    common = [word for word in sample(common, 30) if search(listed, word).count() > 20]
    queries = sample(words, count // 2)
    for title, _ in sample(titles, count // 4):
        found = re.findall(r"[^\W\d_]{4,}", title)
        if len(found) >= 2:
            start = rng.randrange(len(found) - 1)
            queries.append(f"{found[start]} {found[start + 1]}")
    queries += [item.name for item in sample(people, 50)]
    queries += [f"zq{rng.randrange(10**6)}" for _ in range(20)]
    search_url = reverse("search")
    search = [query(search_url, q=terms) for terms in queries]
    search += [query("/fr/search/", q=word) for word in sample(words, 50)]
    search += [
        query(search_url, q=word, language=rng.choice(languages)) for word in sample(words, 50)
    ]
    search += [query(search_url, q=word, page=2) for word in common]

    feed = []
    for name in ("feed-articles", "feed-meetings"):
        feed += [reverse(name), reverse(f"{name}-atom")]
    for language in languages:
        feed += [reverse("feed-language", args=[language])]
        feed += [reverse("feed-language-atom", args=[language])]
    for slug in outlets:
        feed += [reverse("feed-outlet", args=[slug]), reverse("feed-outlet-atom", args=[slug])]
    for item in sample(people, 30):
        feed += [reverse("feed-person", args=[item.slug])]
        feed += [reverse("feed-person-atom", args=[item.slug])]

    api = [api_articles, api_meetings, f"{api_articles}?page_size=100"]
    api += [reverse(f"api:{name}-list") for name in ("person", "organization", "outlet")]
    api += [query(api_articles, language=language) for language in languages]
    api += [query(api_articles, outlet=slug) for slug in outlets]
    api += [query(api_articles, q=word) for word in sample(words, 100)]
    api += [cursor(NewestFirst, api_articles, position) for position in sample(published_at, 100)]
    api += [
        cursor(LatestMeetingFirst, api_meetings, position) for position in sample(meeting_dates, 50)
    ]
    api += [reverse("api:article-detail", args=[item.slug]) for item in articles[: count // 2]]
    api += [
        reverse("api:meeting-detail", args=[item.slug]) for item in sample(meetings, count // 5)
    ]
    api += [reverse("api:person-detail", args=[item.slug]) for item in sample(people, 50)]

    json.dump(
        {
            "articles_total": Article.objects.count(),
            "articles_listed": len(published_at),
            "meetings_published": len(meetings),
            "paths": {
                "article": article,
                "list": lists,
                "meeting": meeting,
                "search": search,
                "feed": feed,
                "api": api,
            },
        },
        sys.stdout,
    )


def choose_paths(env, count):
    result = subprocess.run(
        [sys.executable, __file__, "--pick-urls", str(count)],
        cwd=ROOT,
        env={**env, "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BenchError(f"Choosing the addresses failed:\n{result.stderr}")
    data = json.loads(result.stdout)
    empty = [kind for kind in MIX if not data["paths"].get(kind)]
    if empty:
        raise BenchError(f"The database gives no addresses of these kinds: {', '.join(empty)}")
    return data


# The database


def check_database(url, force):
    """Refuse a database that is not PostgreSQL or not named for tests; create it if
    missing. Return its settings."""
    settings = web.database_settings(url)
    if not settings["ENGINE"].endswith("postgresql"):
        raise BenchError(
            f"DATABASE_URL ({web.redacted(url)}) is not PostgreSQL: the load test measures the "
            "production database, e.g. postgres://postgres@127.0.0.1:5432/bench_load"
        )
    name = str(settings.get("NAME", ""))
    if not re.search("bench|test", name, re.IGNORECASE) and not force:
        raise BenchError(
            f"DATABASE_URL names the database {name!r}: the load test empties it, so its "
            "name must contain 'bench' or 'test' (or pass --force)."
        )
    import psycopg
    from psycopg import sql

    options = {
        "host": settings.get("HOST") or None,
        "port": settings.get("PORT") or None,
        "user": settings.get("USER") or None,
        "password": settings.get("PASSWORD") or None,
        "connect_timeout": 5,
    }
    try:
        with psycopg.connect(dbname=name, **options):
            return settings
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            raise BenchError(f"PostgreSQL does not answer ({web.redacted(url)}): {error}") from None
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, **options) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise BenchError(f"Could not create the database {name!r}: {error}") from None
    log(f"Created the database {name!r}.")
    return settings


def check_cache(url):
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise BenchError(
            f"Redis does not answer at {web.redacted(url)} ({error}): start it, or name"
            " another cache with --cache-url"
        ) from None


# Memory


def rss_kb(pid):
    """The resident set size of a process in kB, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def children(pid):
    """The processes whose parent is `pid` (gunicorn's workers, for its master)."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as stat:
                # The name in parentheses may hold spaces: the fields follow the last ")".
                fields = stat.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


class Sampler(threading.Thread):
    """Samples the RSS of gunicorn's master and workers every `interval` seconds."""

    def __init__(self, master, interval):
        super().__init__(daemon=True)
        self.master = master
        self.interval = interval
        self.samples = []
        self.started = None
        self.stopping = threading.Event()

    def run(self):
        self.started = time.monotonic()
        while not self.stopping.is_set():
            self.take()
            self.stopping.wait(self.interval)

    def take(self):
        seconds = time.monotonic() - self.started
        workers = {}
        for pid in children(self.master):
            kb = rss_kb(pid)
            if kb is not None:
                workers[pid] = kb
        self.samples.append(Sample(round(seconds, 2), rss_kb(self.master) or 0, workers))

    def stop(self):
        self.stopping.set()
        self.join()
        self.take()


def memory_report(samples, start, end, window):
    """Compare the workers' total RSS over the first and last `window` seconds of the
    measurement, from `start` to `end` (seconds on the sampler's clock)."""
    measured = [sample for sample in samples if start <= sample.seconds <= end]
    first = [sample for sample in measured if sample.seconds <= start + window]
    last = [sample for sample in measured if sample.seconds >= end - window]
    if not first or not last:
        raise BenchError("Too few memory samples: the run was too short.")

    def mb(kb):
        return round(kb / 1024, 1)

    first_kb = mean(sample.total_kb for sample in first)
    last_kb = mean(sample.total_kb for sample in last)
    at_start = measured[0].workers_kb
    at_end = measured[-1].workers_kb
    per_worker = {
        str(pid): round(100 * (at_end[pid] - kb) / kb, 1)
        for pid, kb in at_start.items()
        if pid in at_end and kb
    }
    seen = set().union(*(sample.workers_kb for sample in samples))
    initial = set(samples[0].workers_kb)
    return Memory(
        window_s=window,
        first_mb=mb(first_kb),
        last_mb=mb(last_kb),
        growth_percent=round(100 * (last_kb - first_kb) / first_kb, 1),
        master_first_mb=mb(mean(sample.master_kb for sample in first)),
        master_last_mb=mb(mean(sample.master_kb for sample in last)),
        at_start_mb=mb(samples[0].total_kb),
        after_warmup_mb=mb(measured[0].total_kb),
        peak_mb=mb(max(sample.total_kb for sample in samples)),
        per_worker_growth_percent=per_worker,
        workers_started=sorted(seen - initial),
        workers_gone=sorted(initial - set(samples[-1].workers_kb)),
    )


# The access log


def read_access_log(paths, kinds):
    """Each request of the mix gunicorn logged."""
    by_path = {path: kind for kind, items in kinds.items() for path in items}
    moments = {}
    requests = []
    for log_path in paths:
        for line in log_path.read_text(errors="replace").splitlines():
            if not line.startswith(ACCESS_MARK):
                continue
            parts = line.split(" ")
            # load-access STATUS MICROSECONDS <PID> [DD/Mon/YYYY:HH:MM:SS ZONE] METHOD PATH ...
            if len(parts) < 9 or parts[7] not in by_path:
                continue  # the server's probe
            stamp = f"{parts[4]} {parts[5]}"
            if stamp not in moments:
                moments[stamp] = datetime.strptime(stamp, "[%d/%b/%Y:%H:%M:%S %z]").timestamp()
            requests.append(
                Logged(
                    kind=by_path[parts[7]],
                    status=int(parts[1]),
                    ms=int(parts[2]) / 1000,
                    path=parts[7],
                    at=moments[stamp],
                )
            )
    return requests


def windows(requests, start, end, window):
    """Requests per second and server time over the first and the last `window` seconds
    (gunicorn logs the second each request ended, so the figures are approximate)."""
    result = {}
    for name, low, high in (("first", start, start + window), ("last", end - window, end)):
        times = [item.ms for item in requests if low <= item.at < high]
        result[name] = {
            "requests_per_second": round(len(times) / window, 1),
            "p50_ms": round(percentile(times, 50), 1),
            "p99_ms": round(percentile(times, 99), 1),
        }
    return result


def server_problems(paths):
    """What gunicorn and Django logged as errors: workers killed on timeout, and each
    exception Django answered 500 for (once, with a count and an address)."""
    gunicorn, exceptions, examples = [], Counter(), {}
    for log_path in paths:
        message, exception = None, None
        # A traceback ends at the next error or at the end: other workers' lines may
        # come in between, but none starts unindented except the access log's.
        for line in [*log_path.read_text(errors="replace").splitlines(), DJANGO_ERROR]:
            if line.startswith(DJANGO_ERROR):
                if message:
                    exceptions[exception or message] += 1
                    examples.setdefault(exception or message, message)
                message, exception = line.removeprefix(DJANGO_ERROR), None
            elif line.startswith(ACCESS_MARK):
                continue
            elif line.startswith("["):
                if "[CRITICAL]" in line or "[ERROR]" in line:
                    gunicorn.append(line.strip())
            elif message and line and not line[0].isspace() and not line.startswith(CHAINED):
                exception = line
    return gunicorn + [
        f"{exception} ({count} times, e.g. {examples[exception]})"
        for exception, count in exceptions.most_common()
    ]


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(share / 100 * len(ordered)))]


def by_kind(requests):
    rows = {}
    for kind in MIX:
        times = [item.ms for item in requests if item.kind == kind]
        if not times:
            continue
        failed = [item for item in requests if item.kind == kind and is_error(item.status)]
        rows[kind] = {
            "requests": len(times),
            "share_percent": round(100 * len(times) / len(requests), 1),
            "p50_ms": round(percentile(times, 50), 1),
            "p99_ms": round(percentile(times, 99), 1),
            "max_ms": round(max(times), 1),
            "errors": len(failed),
            "error_examples": [f"{item.status} {item.path}" for item in failed[:5]],
        }
    return rows


def slowest(requests, count=5):
    return [
        {"kind": item.kind, "status": item.status, "ms": round(item.ms, 1), "path": item.path}
        for item in sorted(requests, key=lambda item: -item.ms)[:count]
    ]


# The cache outage


def proxied(url, port):
    """The Redis `url` names, as (host, port), and the same URL through a proxy on the
    loopback's `port` (credentials, database and options kept)."""
    parts = urlsplit(url)
    if parts.scheme != "redis" or not parts.hostname:
        raise ValueError(f"not a redis:// address: {web.redacted(url)}")
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@127.0.0.1:{port}" if userinfo else f"127.0.0.1:{port}"
    return (parts.hostname, parts.port or 6379), urlunsplit(parts._replace(netloc=netloc))


class CacheOutage:
    """The servers' way to Redis, through a TCP proxy (bench/tcpproxy.py), and the outage
    staged on it: for the middle third of the measurement, the proxy drops every
    connection and refuses new ones ("refuse"), or drops them and accepts new ones it
    never answers ("blackhole"); then it forwards again. The moments are noted on the
    wall clock, as gunicorn's access log has them."""

    def __init__(self, cache_url, mode):
        self.mode = mode
        self.cache_url = cache_url
        self.upstream, _ = proxied(cache_url, 0)
        self.proxy = Proxy(self.upstream)
        self.forwarding = True
        self.url = None
        self.thread = None
        self.cancelled = threading.Event()
        self.wall_started = None
        self.began = self.ended = None
        #: Connections to Redis the servers opened through the proxy before the outage,
        #: those it held unanswered in a black hole, and those opened after the outage.
        self.before = self.held = self.after = 0
        self.error = None

    def __enter__(self):
        self.proxy.start()
        _, self.url = proxied(self.cache_url, self.proxy.port)
        return self

    def __exit__(self, *exc_info):
        self.cancelled.set()
        if self.thread is not None:
            self.thread.join()
        self.proxy.stop()

    def connections(self):
        """The connections the proxy took since it last started."""
        with self.proxy.lock:
            count = len(self.proxy.sockets)
        # A forwarded connection is a pair of sockets (client, Redis), a held one one.
        return count // 2 if self.forwarding else count

    def schedule(self, seconds, started, wall_started):
        """Stage the outage over the middle third of the `seconds` from `started` (on
        the monotonic clock; `wall_started` on the wall clock)."""
        self.wall_started = wall_started
        self.thread = threading.Thread(target=self.stage, args=(seconds, started), daemon=True)
        self.thread.start()

    def stage(self, seconds, started):
        try:
            if self.cancelled.wait(max(0.0, started + seconds / 3 - time.monotonic())):
                return
            self.before = self.connections()
            self.began = time.time()
            self.proxy.stop()
            if self.mode == "blackhole":
                self.forwarding = False
                self.proxy.start(forward=False)
            log(
                f"  {self.began - self.wall_started:.1f} s: Redis "
                + ("black-holed" if self.mode == "blackhole" else "stopped")
                + f" ({self.before} connections to it dropped)"
            )
            self.cancelled.wait(max(0.0, started + 2 * seconds / 3 - time.monotonic()))
            if not self.forwarding:
                self.held = self.connections()
            self.proxy.stop()
            self.forwarding = True
            self.proxy.start()
            self.ended = time.time()
            log(
                f"  {self.ended - self.wall_started:.1f} s: Redis back"
                + (f" ({self.held} connections held unanswered dropped)" if self.held else "")
            )
        except OSError as error:
            self.error = error

    def finish(self):
        """End the outage now if it is still on (the measurement stopped early); count
        the connections opened since it ended."""
        self.cancelled.set()
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None:
            raise BenchError(f"The proxy in front of Redis failed: {self.error}")
        if self.ended is not None:
            self.after = self.connections()


def phase_seconds(low, high):
    """The whole seconds, as gunicorn's access log stamps them, that lie entirely within
    [low, high): the second stamped s holds the requests that ended in [s, s + 1)."""
    return range(math.ceil(low), math.floor(high))


def phase_figures(requests, start, began, ended, end):
    """Requests per second, server time and errors before, during and after the outage
    (it began at `began` and ended at `ended`, the measurement ran from `start` to
    `end`; all on the wall clock), from the whole seconds inside each phase; and the
    requests of the seconds across the switches, which belong to none."""
    bounds = {"before": (start, began), "during": (began, ended), "after": (ended, end)}
    result = {}
    inside = set()
    for name, (low, high) in bounds.items():
        seconds = phase_seconds(low, high)
        inside.update(seconds)
        chosen = [item for item in requests if int(item.at) in seconds]
        times = [item.ms for item in chosen]
        failed = [item for item in chosen if is_error(item.status)]
        result[name] = {
            "from_s": round(low - start, 1),
            "to_s": round(high - start, 1),
            "seconds_counted": len(seconds),
            "requests": len(chosen),
            "requests_per_second": round(len(chosen) / len(seconds), 1) if seconds else 0.0,
            "p50_ms": round(percentile(times, 50), 1),
            "p99_ms": round(percentile(times, 99), 1),
            "max_ms": round(max(times, default=0.0), 1),
            "errors": len(failed),
            "error_examples": [f"{item.status} {item.path}" for item in failed[:5]],
        }
    switches = sorted({math.floor(moment) for moment in (began, ended)} - inside)
    chosen = [item for item in requests if int(item.at) in switches]
    result["switches"] = {
        # Where each second across a switch begins, in seconds into the measurement.
        "seconds_from_s": [round(second - start, 1) for second in switches],
        "requests": len(chosen),
        "errors": sum(1 for item in chosen if is_error(item.status)),
    }
    return result


# The run


def run_wrk(port, args, workdir, paths, seconds, seed):
    """Run wrk with the mix for `seconds`; return its figures."""
    paths_file = workdir / "paths.tsv"
    paths_file.write_text(
        "".join(f"{kind}\t{path}\n" for kind, items in paths.items() for path in items)
    )
    script = workdir / "mix.lua"
    script.write_text(WRK_SCRIPT)
    command = [
        "wrk",
        "--threads",
        str(args.threads),
        "--connections",
        str(args.connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        f"{args.timeout}s",
        "--script",
        str(script),
        f"http://127.0.0.1:{port}/",
        "--",
        str(paths_file),
        str(seed),
        *(f"{kind}={weight}" for kind, weight in MIX.items()),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((line for line in result.stdout.splitlines() if line.startswith(WRK_MARK)), None)
    if result.returncode or line is None:
        raise BenchError(f"wrk failed:\n{result.stdout}{result.stderr}")
    return json.loads(line[len(WRK_MARK) :])


def count_errors(stats):
    """wrk's answers by status, its socket errors, and the errors in all."""
    statuses = dict(sorted((int(code), count) for code, count in stats["statuses"].items()))
    failed = sum(count for code, count in statuses.items() if is_error(code))
    socket_errors = {key: stats[key] for key in ("connect", "read", "write", "timeout")}
    return statuses, socket_errors, failed + sum(socket_errors.values())


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/load",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--articles",
        type=int,
        metavar="N",
        help="articles to generate, translations included (default: 10000, 1000 with --quick)",
    )
    parser.add_argument(
        "--duration",
        type=int,
        metavar="S",
        help="seconds of load (default: 300, 30 with --quick)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the CI run: --articles 1000 --duration 30, unless given",
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=64,
        metavar="C",
        help="concurrent connections wrk keeps open (default: 64)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=WORKERS,
        metavar="W",
        help=f"gunicorn worker processes, WEB_CONCURRENCY (default: {WORKERS})",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=10,
        metavar="S",
        help="seconds of the same mix before the measurement, to let the workers load their"
        " code and templates; its errors count, its memory and speed do not (default: 10)",
    )
    parser.add_argument(
        "--interval",
        type=float,
        metavar="S",
        help="seconds between memory samples (default: 5, or 2 for runs under 3 minutes)",
    )
    parser.add_argument(
        "--timeout",
        type=int,
        default=30,
        metavar="S",
        help="seconds wrk waits for an answer before counting an error (default: 30,"
        " gunicorn's own timeout)",
    )
    parser.add_argument(
        "--cache-url",
        default="redis://127.0.0.1:6379/7",
        metavar="URL",
        help="the cache of the servers, as CACHE_URL (default: redis://127.0.0.1:6379/7)",
    )
    parser.add_argument(
        "--cache-outage",
        nargs="?",
        const=OUTAGES[0],
        choices=OUTAGES,
        metavar="HOW",
        help="take Redis away for the middle third of the measurement, through a TCP proxy"
        " between the servers and --cache-url (a redis:// address): 'refuse' (the default)"
        " drops the connections and refuses new ones, as a stopped Redis; 'blackhole'"
        " accepts new ones and never answers. The figures are also given before, during"
        " and after it",
    )
    parser.add_argument(
        "--json",
        metavar="PATH",
        help=f"where to write the report (default: {WORKDIR / 'load' / 'results.json'})",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the database of a previous run with the same --articles, if complete",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="use (and empty) DATABASE_URL even if its name has neither 'bench' nor 'test'",
    )
    parser.add_argument("--pick-urls", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles is None:
        args.articles = 1000 if args.quick else 10_000
    if args.duration is None:
        args.duration = 30 if args.quick else 300
    if args.interval is None:
        args.interval = 5.0 if args.duration >= 180 else 2.0
    for name in ("articles", "duration", "connections", "workers", "timeout"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup must be 0 or more")
    if args.duration < 9:
        parser.error("--duration must be at least 9 seconds: memory is compared over thirds")
    if not 0 < args.interval <= args.duration / 6:
        parser.error("--interval must be positive and at most a sixth of --duration")
    if args.cache_outage:
        try:
            proxied(args.cache_url, 0)
        except ValueError:
            parser.error(
                "--cache-outage needs a redis:// --cache-url (host and port): the servers"
                " reach it through a TCP proxy"
            )
    args.threads = max(1, min(args.connections, os.cpu_count() or 1))
    #: The first and last minute, or the first and last third of a shorter run.
    args.window = min(60.0, args.duration / 3)
    #: Addresses of each kind to pick (articles, meetings, searches...): enough that most
    #: requests of a run are rendered, not served from the cache, for the first minutes.
    args.sample = max(100, min(5000, args.articles // 2))
    args.analyze = True
    args.scratch = None
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.pick_urls is not None:
        pick_urls(args.pick_urls)
        return 0
    if shutil.which("wrk") is None:
        log(
            "bench/load needs wrk, the HTTP benchmarking tool, on PATH. Install it:\n"
            "  Debian/Ubuntu: sudo apt-get install wrk\n"
            "  macOS:         brew install wrk"
        )
        return 2
    if not Path("/proc/self/status").exists():
        log("bench/load samples memory from /proc: it runs on Linux only.")
        return 2
    if not os.environ.get("DATABASE_URL"):
        log(
            "bench/load needs DATABASE_URL, a PostgreSQL database it may empty, e.g.\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load bench/load"
        )
        return 2
    signal.signal(signal.SIGTERM, signal.getsignal(signal.SIGINT))  # stop as on Ctrl-C
    try:
        return run(args)
    except BenchError as error:
        log(f"\nbench/load: {error}")
        return 2
    except KeyboardInterrupt:
        log("\nbench/load: interrupted")
        return 130


def run(args):
    url = os.environ["DATABASE_URL"]
    check_database(url, args.force)
    check_cache(args.cache_url)
    WORKDIR.mkdir(parents=True, exist_ok=True)
    # One benchmark at a time (bench/run takes the same lock): they would share the CPUs.
    lock = open(WORKDIR / "run.lock", "w")  # noqa: SIM115 (held until the process ends)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log(f"Another benchmark is running (lock {WORKDIR / 'run.lock'}): waiting for it...")
        fcntl.flock(lock, fcntl.LOCK_EX)
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS", "CACHE_URL"}
    }
    log(f"WARNING: the database {web.redacted(url)} will be emptied.")
    json_path = Path(args.json) if args.json else WORKDIR / "load" / "results.json"
    started = time.monotonic()

    web.prepare_database(args, env)
    server_env = {
        **env,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WEB_CONCURRENCY": str(args.workers),
        "CACHE_URL": args.cache_url,
        "NEWSROOM_ACCESS_LOG": "-",
        "GUNICORN_CMD_ARGS": GUNICORN_ARGS,
    }
    manage(server_env, "check", "--deploy", "--fail-level", "ERROR")
    web.collect_static(server_env)
    picked = choose_paths(env, args.sample)
    paths = picked["paths"]
    if not args.cache_url.startswith(("locmem", "dummy")):
        # The shared cache may hold pages of an earlier run: start a new content version.
        code = "from articles.caching import mark_changed; mark_changed()"
        manage(server_env, "shell", "--no-imports", "-c", code)

    logdir = WORKDIR / "load"
    logdir.mkdir(exist_ok=True)
    for old in logdir.glob("gunicorn-*.log"):
        old.unlink()
    mix = ", ".join(f"{kind} {weight} % ({len(paths[kind])})" for kind, weight in MIX.items())
    log(
        f"{args.connections} connections, {args.workers} workers, {args.threads} wrk threads"
        f" ({os.cpu_count()} CPUs); the mix (and addresses of each kind): {mix}"
    )
    outage = CacheOutage(args.cache_url, args.cache_outage) if args.cache_outage else None
    with (
        tempfile.TemporaryDirectory(prefix="newsroom-load-") as workdir,
        outage or contextlib.nullcontext(),
        Server(
            {**server_env, "CACHE_URL": outage.url} if outage else server_env,
            probe="/robots.txt",
            logdir=logdir,
        ) as server,
    ):
        sampler = Sampler(server.process.pid, args.interval)
        sampler.start()
        time.sleep(min(args.interval, 1))
        warm = None
        if args.warmup:
            log(f"Warming up for {args.warmup} s (the same mix, not measured)...")
            warm = run_wrk(server.port, args, Path(workdir), paths, args.warmup, SEED + 1)
        if outage:
            third = args.duration / 3
            log(
                f"Measuring for {args.duration} s, the servers reaching Redis"
                f" ({outage.upstream[0]}:{outage.upstream[1]}) through a proxy at"
                f" 127.0.0.1:{outage.proxy.port}, which "
                + ("black-holes" if args.cache_outage == "blackhole" else "refuses")
                + f" it from {third:.1f} s to {2 * third:.1f} s..."
            )
        else:
            log(f"Measuring for {args.duration} s...")
        measure_started = time.monotonic()
        load_started = measure_started - sampler.started
        wall_started = time.time()
        if outage:
            outage.schedule(args.duration, measure_started, wall_started)
        try:
            stats = run_wrk(server.port, args, Path(workdir), paths, args.duration, SEED)
        finally:
            load_ended = time.monotonic() - sampler.started
            wall_ended = time.time()
            sampler.stop()
            if outage:
                outage.finish()
        # The requests wrk left queued are answered, then gunicorn stops gracefully: a
        # worker stopped in the middle of one would log an error.
        server.settled()
        server.process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.process.wait(timeout=60)
        log_paths = list(server.log_paths)
    problems = server_problems(log_paths)
    memory = memory_report(sampler.samples, load_started, load_ended, args.window)
    # The measurement's requests (and those of the warm-up that ended in its first second).
    requests = [item for item in read_access_log(log_paths, paths) if item.at >= int(wall_started)]
    kinds = by_kind(requests)
    throughput = windows(requests, wall_started, wall_ended, args.window)
    cache_outage = None
    if outage:
        if outage.began is None or outage.ended is None:
            raise BenchError("The measurement ended before the cache outage did.")
        cache_outage = {
            "mode": args.cache_outage,
            "upstream": f"{outage.upstream[0]}:{outage.upstream[1]}",
            "proxy": f"127.0.0.1:{outage.proxy.port}",
            "began_s": round(outage.began - wall_started, 1),
            "ended_s": round(outage.ended - wall_started, 1),
            "began_at": datetime.fromtimestamp(outage.began).astimezone().isoformat(),
            "ended_at": datetime.fromtimestamp(outage.ended).astimezone().isoformat(),
            "connections_dropped": outage.before,
            "connections_held": outage.held,
            "connections_after": outage.after,
            "phases": phase_figures(requests, wall_started, outage.began, outage.ended, wall_ended),
        }

    statuses, socket_errors, errors = count_errors(stats)
    warmup = None
    if warm:
        warm_statuses, warm_socket_errors, warm_errors = count_errors(warm)
        errors += warm_errors
        warmup = {
            "seconds": args.warmup,
            "requests": warm["requests"],
            "errors": warm_errors,
            "statuses": warm_statuses,
            "socket_errors": warm_socket_errors,
        }
    seconds = stats["duration_us"] / 1e6
    targets = {
        "errors": {"value": errors, "target": 0, "met": errors == 0},
        "memory_growth_percent": {
            "value": memory.growth_percent,
            "target": f"< {MAX_GROWTH_PERCENT}",
            "met": memory.growth_percent < MAX_GROWTH_PERCENT,
        },
        "workers_started_during_run": {
            "value": len(memory.workers_started),
            "target": 0,
            "met": not memory.workers_started,
        },
        "server_log_errors": {"value": len(problems), "target": 0, "met": not problems},
    }
    report = {
        "meta": {
            "database": "postgresql",
            "database_url": web.redacted(url),
            "articles": picked["articles_total"],
            "articles_listed": picked["articles_listed"],
            "meetings_published": picked["meetings_published"],
            "workers": args.workers,
            "connections": args.connections,
            "wrk_threads": args.threads,
            "duration_s": args.duration,
            "wrk_timeout_s": args.timeout,
            "memory_interval_s": args.interval,
            "memory_window_s": args.window,
            "cache_url": web.redacted(args.cache_url),
            "cache_outage": args.cache_outage,
            "gunicorn_cmd_args": GUNICORN_ARGS,
            "mix_percent": MIX,
            "addresses": {kind: len(items) for kind, items in paths.items()},
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "gunicorn_log": [str(path) for path in log_paths],
        },
        "requests": stats["requests"],
        "requests_per_second": round(stats["requests"] / seconds, 1) if seconds else 0.0,
        "latency_ms": {
            name: round(stats[f"{name}_us"] / 1000, 1) for name in ("p50", "p90", "p99", "max")
        },
        "errors": errors,
        "warmup": warmup,
        "statuses": statuses,
        "socket_errors": socket_errors,
        "sent_by_kind": stats["sent"],
        "by_kind": kinds,
        "server_windows": throughput,
        "cache_outage": cache_outage,
        "slowest": slowest(requests),
        "memory": asdict(memory),
        "memory_samples": [
            {
                "s": round(sample.seconds - load_started, 1),
                "master_kb": sample.master_kb,
                "workers_kb": {str(pid): kb for pid, kb in sample.workers_kb.items()},
            }
            for sample in sampler.samples
        ],
        "targets": targets,
        "problems": problems,
    }
    report["meta"]["seconds"] = round(time.monotonic() - started, 1)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print_report(report, args)
    print(
        f"\nWritten to {json_path} in {time.monotonic() - started:.0f} s;"
        f" gunicorn's log: {', '.join(map(str, log_paths))}"
    )
    missed = [name for name, target in targets.items() if not target["met"]]
    if missed:
        print(f"\nTargets missed: {', '.join(missed)}", file=sys.stderr)
        for problem in problems[:30]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    return 0


def print_report(report, args):
    meta, memory, targets = report["meta"], report["memory"], report["targets"]
    window = (
        "the first minute vs the last minute"
        if args.window == 60
        else f"the first {args.window:.0f} s vs the last {args.window:.0f} s"
    )

    def verdict(name):
        target = targets[name]
        return f"target {target['target']}: {'ok' if target['met'] else 'MISSED'}"

    latency = report["latency_ms"]
    socket = ", ".join(f"{key} {value}" for key, value in report["socket_errors"].items())
    answers = ", ".join(f"{code} {count}" for code, count in report["statuses"].items())
    failed = sum(count for code, count in report["statuses"].items() if is_error(code))
    warmup = report["warmup"]
    print()
    print(
        f"Newsroom load test: PostgreSQL, {meta['articles']} articles, {meta['workers']} workers,"
        f" {meta['connections']} connections, {meta['duration_s']} s"
        + (f" after a {warmup['seconds']}-s warm-up" if warmup else "")
    )
    print(f"  requests     {report['requests']} ({report['requests_per_second']:.1f} req/s)")
    print(
        f"  latency      p50 {latency['p50']:.1f} ms, p99 {latency['p99']:.1f} ms,"
        f" max {latency['max']:.1f} ms (wrk: queueing for a worker included)"
    )
    print(f"  answers      {answers}")
    print(
        f"  errors       {report['errors']}: {failed} answers not 2xx/3xx; {socket}"
        + (f"; {warmup['errors']} in the warm-up" if warmup else "")
        + f"   {verdict('errors')}"
    )
    print(
        f"  memory       the workers' RSS over {window}:"
        f" {memory['first_mb']:.1f} -> {memory['last_mb']:.1f} MB,"
        f" {memory['growth_percent']:+.1f} %   target < {MAX_GROWTH_PERCENT} %:"
        f" {'ok' if targets['memory_growth_percent']['met'] else 'MISSED'}"
    )
    print(
        f"               just started {memory['at_start_mb']:.1f} MB,"
        f" after the warm-up {memory['after_warmup_mb']:.1f} MB, peak {memory['peak_mb']:.1f}"
        f" MB; the master {memory['master_first_mb']:.1f} -> {memory['master_last_mb']:.1f} MB"
    )
    print(
        "               each worker from the start to the end of the measurement: "
        + ", ".join(f"{value:+.1f} %" for value in memory["per_worker_growth_percent"].values())
    )
    first, last = report["server_windows"]["first"], report["server_windows"]["last"]
    print(
        f"  drift        {first['requests_per_second']:.1f} -> {last['requests_per_second']:.1f}"
        f" req/s, server p50 {first['p50_ms']:.1f} -> {last['p50_ms']:.1f} ms,"
        f" p99 {first['p99_ms']:.1f} -> {last['p99_ms']:.1f} ms (same windows, access log)"
    )
    print(
        f"  workers      {len(memory['workers_started'])} started during the run"
        f"   {verdict('workers_started_during_run')}"
    )
    print(f"  gunicorn log {len(report['problems'])} errors   {verdict('server_log_errors')}")
    if report["cache_outage"]:
        print_outage(report["cache_outage"], meta["duration_s"])
    print("\nBy kind (gunicorn's access log: time in the server, queueing excluded):")
    header = ("kind", "share", "requests", "p50 ms", "p99 ms", "max ms", "errors")
    lines = [header]
    for kind, row in report["by_kind"].items():
        lines.append(
            (
                kind,
                f"{row['share_percent']:.1f} %",
                str(row["requests"]),
                f"{row['p50_ms']:.1f}",
                f"{row['p99_ms']:.1f}",
                f"{row['max_ms']:.1f}",
                str(row["errors"]),
            )
        )
    print_table(lines)
    for row in report["by_kind"].values():
        for example in row["error_examples"]:
            print(f"  error: {example}")
    print("\nSlowest requests:")
    for item in report["slowest"]:
        print(f"  {item['ms']:>8.1f} ms  {item['status']}  {item['kind']:<8} {item['path']}")


def print_outage(outage, duration):
    phases, switches = outage["phases"], outage["phases"]["switches"]
    how = (
        "black-holed (connections accepted, never answered)"
        if outage["mode"] == "blackhole"
        else "stopped (connections dropped, new ones refused)"
    )
    print(
        f"\nCache outage: Redis {how} from {outage['began_s']:.1f} s to"
        f" {outage['ended_s']:.1f} s of {duration} s ({outage['began_at']} to"
        f" {outage['ended_at']}), through a proxy at {outage['proxy']} in front of"
        f" {outage['upstream']}"
    )
    print(
        f"  connections to Redis: {outage['connections_dropped']} dropped at the start"
        + (
            f", {outage['connections_held']} held unanswered"
            if outage["mode"] == "blackhole"
            else ""
        )
        + f", {outage['connections_after']} opened after the end"
    )
    print("  gunicorn's access log, the whole seconds inside each phase:")
    header = ("phase", "from s", "to s", "seconds", "requests", "req/s", "p50 ms", "p99 ms")
    header += ("max ms", "errors")
    lines = [header]
    for name in PHASES:
        row = phases[name]
        lines.append(
            (
                name,
                f"{row['from_s']:.1f}",
                f"{row['to_s']:.1f}",
                str(row["seconds_counted"]),
                str(row["requests"]),
                f"{row['requests_per_second']:.1f}",
                f"{row['p50_ms']:.1f}",
                f"{row['p99_ms']:.1f}",
                f"{row['max_ms']:.1f}",
                str(row["errors"]),
            )
        )
    print_table(lines, indent=4)
    if switches["seconds_from_s"]:
        print(
            "    the seconds across the switches (from "
            + ", ".join(f"{second:.1f} s" for second in switches["seconds_from_s"])
            + f"): {switches['requests']} requests, {switches['errors']} errors"
        )
    for name in PHASES:
        for example in phases[name]["error_examples"]:
            print(f"    error {name}: {example}")


def print_table(lines, indent=2):
    """Print rows of cells in columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        print(
            " " * indent
            + "  ".join(
                cell.ljust(width) if i == 0 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            )
        )


if __name__ == "__main__":
    sys.exit(main())
