"""bench/load's checks and arithmetic: what it refuses to run on, how it reads gunicorn's
log, how it compares memory, how it stages a cache outage. The load itself runs in CI
(`bench/load --quick`)."""

import importlib
import sys
import threading
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench():
    """bench/'s modules, imported as `bench/load` imports them: its folder first on
    sys.path. They leave sys.modules afterwards, their names being short and common."""
    before = set(sys.modules)
    sys.path.insert(0, str(BENCH))
    try:
        names = ("load", "prepare", "memory", "access_log", "outage")
        modules = {name: importlib.import_module(name) for name in names}
    finally:
        sys.path.remove(str(BENCH))
    yield modules
    for name in set(sys.modules) - before:
        if Path(getattr(sys.modules[name], "__file__", None) or "/").parent == BENCH:
            del sys.modules[name]


@pytest.fixture
def load(bench):
    return bench["load"]


@pytest.fixture
def prepare(bench):
    return bench["prepare"]


@pytest.fixture
def memory(bench):
    return bench["memory"]


@pytest.fixture
def access_log(bench):
    return bench["access_log"]


@pytest.fixture
def outage(bench):
    return bench["outage"]


def test_it_asks_for_a_database(load, monkeypatch, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(load, "has_wrk", lambda command: True)

    assert load.main([]) == 2
    assert "needs DATABASE_URL" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///tmp/bench.sqlite3", "is not PostgreSQL"),
        ("postgres://postgres@127.0.0.1:5432/newsroom", "must contain 'bench' or 'test'"),
    ],
)
def test_it_refuses_other_databases(prepare, url, message):
    with pytest.raises(prepare.BenchError, match=message):
        prepare.check_database(url, force=False)


def test_the_memory_windows_follow_the_duration(load):
    quick = load.parse_args(["--quick"])
    soak = load.parse_args([])

    assert (quick.duration, quick.articles, quick.window) == (30, 1000, 10)
    assert (soak.duration, soak.articles, soak.window) == (300, 10_000, 60)
    assert (quick.interval, soak.interval) == (2.0, 5.0)


def test_memory_growth_compares_the_first_and_last_window(memory):
    samples = [memory.Sample(0, 25_000, {1: 50_000, 2: 50_000})]
    samples += [
        memory.Sample(seconds, 25_000, {1: 90_000 + 100 * seconds, 2: 90_000})
        for seconds in range(2, 33, 2)
    ]

    report = memory.memory_report(samples, start=1, end=32, window=10)

    assert report.at_start_mb == round(100_000 / 1024, 1)
    # The first window averages seconds 2 to 10 (+600 kB), the last 22 to 32 (+2,700 kB).
    assert report.growth_percent == round(100 * 2_100 / 180_600, 1)
    assert report.workers_started == []


def test_a_replaced_worker_is_noticed(memory):
    samples = [memory.Sample(seconds, 25_000, {1: 90_000, 2: 90_000}) for seconds in range(0, 10)]
    samples += [memory.Sample(seconds, 25_000, {1: 90_000, 3: 60_000}) for seconds in range(10, 31)]

    report = memory.memory_report(samples, start=0, end=30, window=10)

    assert (report.workers_started, report.workers_gone) == ([3], [2])


def test_the_access_log_gives_each_kind_its_time_and_errors(access_log, tmp_path):
    log = tmp_path / "gunicorn.log"
    log.write_text(
        "[2026-01-05 10:00:00 +0000] [10] [INFO] Booting worker with pid: 11\n"
        "load-access 200 1500 <11> [05/Jan/2026:10:00:01 +0000] GET /robots.txt HTTP/1.1\n"
        "load-access 200 12000 <11> [05/Jan/2026:10:00:01 +0000] GET /en/articles/a/ HTTP/1.1\n"
        "load-access 500 30000 <11> [05/Jan/2026:10:00:02 +0000] GET /en/search/?q=x HTTP/1.1\n"
    )
    paths = {"article": ["/en/articles/a/"], "search": ["/en/search/?q=x"]}

    requests = access_log.read_access_log([log], paths)
    kinds = access_log.by_kind(requests)

    assert [item.path for item in requests] == ["/en/articles/a/", "/en/search/?q=x"]
    assert requests[1].at - requests[0].at == 1
    assert kinds["article"]["p50_ms"] == 12.0
    assert kinds["article"]["errors"] == 0
    assert kinds["search"]["errors"] == 1
    assert kinds["search"]["error_examples"] == ["500 /en/search/?q=x"]


def test_server_problems_name_each_exception_once(access_log, tmp_path):
    log = tmp_path / "gunicorn.log"
    traceback = (
        "[ERROR] django.request: Internal Server Error: {path}\n"
        "Traceback (most recent call last):\n"
        '  File "articles/views.py", line 1, in get\n'
        "load-access 200 1000 <12> [05/Jan/2026:10:00:01 +0000] GET /en/ HTTP/1.1\n"
        "    ~~~~^^^\n"
        "NameError: name 'Value' is not defined\n"
    )
    log.write_text(
        traceback.format(path="/en/search/")
        + traceback.format(path="/en/search/?q=y")
        + "[2026-01-05 10:00:03 +0000] [10] [CRITICAL] WORKER TIMEOUT (pid:11)\n"
        + "[2026-01-05 10:00:04 +0000] [10] [INFO] Shutting down: Master\n"
    )

    assert access_log.server_problems([log]) == [
        "[2026-01-05 10:00:03 +0000] [10] [CRITICAL] WORKER TIMEOUT (pid:11)",
        "NameError: name 'Value' is not defined (2 times, e.g. Internal Server Error: /en/search/)",
    ]


def test_the_cache_outage_is_off_unless_asked(load):
    assert load.parse_args(["--quick"]).cache_outage is None


@pytest.mark.parametrize(
    ("argv", "mode"),
    [
        (["--cache-outage"], "refuse"),
        (["--cache-outage", "--quick"], "refuse"),
        (["--quick", "--cache-outage"], "refuse"),
        (["--cache-outage=refuse"], "refuse"),
        (["--cache-outage=blackhole"], "blackhole"),
        (["--cache-outage", "blackhole", "--quick"], "blackhole"),
    ],
)
def test_the_cache_outage_refuses_unless_told_to_black_hole(load, argv, mode):
    args = load.parse_args(argv)

    assert args.cache_outage == mode
    assert args.cache_url == "redis://127.0.0.1:6379/7"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--cache-outage=pause"], "invalid choice: 'pause'"),
        (["--cache-outage", "--cache-url", "locmem://"], "needs a redis:// --cache-url"),
        (["--cache-outage", "--cache-url", "unix:///run/redis.sock"], "needs a redis://"),
        (["--cache-outage", "--cache-url", "rediss://cache.internal:6380/0"], "needs a redis://"),
    ],
)
def test_the_cache_outage_needs_a_redis_address(load, capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        load.parse_args(argv)

    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_locmem_is_still_fine_without_an_outage(load):
    assert load.parse_args(["--cache-url", "locmem://"]).cache_outage is None


@pytest.mark.parametrize(
    ("url", "upstream", "through"),
    [
        (
            "redis://127.0.0.1:6379/7",
            ("127.0.0.1", 6379),
            "redis://127.0.0.1:4242/7",
        ),
        (
            "redis://cache.internal/2",
            ("cache.internal", 6379),
            "redis://127.0.0.1:4242/2",
        ),
        (
            "redis://app:s3cret@10.0.0.5:6380/1?socket_timeout=0.5",
            ("10.0.0.5", 6380),
            "redis://app:s3cret@127.0.0.1:4242/1?socket_timeout=0.5",
        ),
        ("redis://[::1]:6390", ("::1", 6390), "redis://127.0.0.1:4242"),
    ],
)
def test_the_servers_reach_redis_through_the_proxy(outage, url, upstream, through):
    assert outage.proxied(url, 4242) == (upstream, through)


@pytest.fixture
def logged(access_log):
    """A request of gunicorn's access log, as `read_access_log` gives it."""

    def request(at, status=200, ms=10.0):
        return access_log.Logged(
            kind="article", status=status, ms=ms, path="/en/articles/a/", at=at
        )

    return request


def test_phases_count_the_whole_seconds_inside_them(outage):
    assert list(outage.phase_seconds(100.4, 110.5)) == list(range(101, 110))
    assert list(outage.phase_seconds(110.0, 120.0)) == list(range(110, 120))
    assert list(outage.phase_seconds(110.5, 110.9)) == []


def test_the_figures_are_split_before_during_and_after_the_outage(logged, outage):
    # The measurement from 100.4 to 130.2; Redis away from 110.5 to 120.6.
    requests = [logged(100, ms=1.0)]  # the second the measurement began in
    requests += [logged(second, ms=2.0) for second in range(101, 110) for _ in range(10)]
    requests += [logged(110, status=500, ms=900.0)]  # across the first switch
    requests += [logged(111, status=500, ms=50.0)]
    requests += [logged(second, ms=40.0) for second in range(111, 120) for _ in range(4)]
    requests += [logged(120, ms=30.0) for _ in range(3)]  # across the second switch
    requests += [logged(second, ms=3.0) for second in range(121, 130) for _ in range(8)]
    requests += [logged(130, ms=3.0)]  # the last, partial second

    phases = outage.phase_figures(requests, start=100.4, began=110.5, ended=120.6, end=130.2)

    before, during, after = (phases[name] for name in outage.PHASES)
    assert (before["from_s"], before["to_s"], before["seconds_counted"]) == (0.0, 10.1, 9)
    assert (during["from_s"], during["to_s"], during["seconds_counted"]) == (10.1, 20.2, 9)
    assert (after["from_s"], after["to_s"], after["seconds_counted"]) == (20.2, 29.8, 9)
    assert (before["requests"], before["requests_per_second"]) == (90, 10.0)
    assert (during["requests"], during["requests_per_second"]) == (37, 4.1)
    assert (after["requests"], after["requests_per_second"]) == (72, 8.0)
    assert (before["p50_ms"], during["p50_ms"], after["p50_ms"]) == (2.0, 40.0, 3.0)
    assert (during["p99_ms"], during["max_ms"]) == (50.0, 50.0)
    assert (before["errors"], during["errors"], after["errors"]) == (0, 1, 0)
    assert during["error_examples"] == ["500 /en/articles/a/"]
    assert phases["switches"] == {"seconds_from_s": [9.6, 19.6], "requests": 4, "errors": 1}


def test_a_switch_on_the_second_leaves_no_second_out(logged, outage):
    requests = [logged(second) for second in range(100, 130)]

    phases = outage.phase_figures(requests, start=100.0, began=110.0, ended=120.0, end=130.0)

    assert [phases[name]["requests"] for name in outage.PHASES] == [10, 10, 10]
    assert phases["switches"] == {"seconds_from_s": [], "requests": 0, "errors": 0}


class FakeProxy:
    """Notes what the outage does to the proxy, in order."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.port = 4242
        self.calls = []
        self.lock = threading.Lock()
        self.sockets = {object() for _ in range(6)}  # three forwarded connections
        self.listener = None

    def start(self, forward=True):
        self.calls.append(("start", forward))

    def stop(self):
        self.calls.append(("stop",))
        self.sockets = set()


@pytest.mark.parametrize(
    ("mode", "calls"),
    [
        ("refuse", [("start", True), ("stop",), ("stop",), ("start", True), ("stop",)]),
        (
            "blackhole",
            [("start", True), ("stop",), ("start", False), ("stop",), ("start", True), ("stop",)],
        ),
    ],
)
def test_the_outage_takes_the_middle_third(outage, monkeypatch, mode, calls):
    monkeypatch.setattr(outage, "Proxy", FakeProxy)
    monkeypatch.setattr(outage, "log", lambda message: None)

    with outage.CacheOutage("redis://127.0.0.1:6379/7", mode) as staged:
        assert staged.url == "redis://127.0.0.1:4242/7"
        started, wall_started = time.monotonic(), time.time()
        staged.schedule(0.6, started, wall_started)
        time.sleep(0.6)  # the measurement
        staged.finish()
        ended = time.time()

    assert staged.proxy.calls == calls
    assert staged.before == 3
    # From a third to two thirds of the 0.6 s, give or take the threads' scheduling.
    assert 0.19 <= staged.began - wall_started < staged.ended - wall_started
    assert 0.39 <= staged.ended - wall_started <= ended - wall_started


def test_an_outage_cut_short_brings_redis_back(outage, monkeypatch):
    monkeypatch.setattr(outage, "Proxy", FakeProxy)
    monkeypatch.setattr(outage, "log", lambda message: None)

    with outage.CacheOutage("redis://127.0.0.1:6379/7", "refuse") as staged:
        staged.schedule(30, time.monotonic(), time.time())
        time.sleep(0.05)
        staged.finish()  # the measurement stopped before the outage began

    assert staged.proxy.calls == [("start", True), ("stop",)]
    assert staged.began is None
