"""bench/load.py's checks and arithmetic: what it refuses to run on, how it reads gunicorn's
log, how it compares memory. The load itself runs in CI (`bench/load --quick`)."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def load():
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_load", BENCH / "load.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_it_asks_for_a_database(load, monkeypatch, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(load.shutil, "which", lambda name: f"/usr/bin/{name}")

    assert load.main([]) == 2
    assert "needs DATABASE_URL" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///tmp/bench.sqlite3", "is not PostgreSQL"),
        ("postgres://postgres@127.0.0.1:5432/newsroom", "must contain 'bench' or 'test'"),
    ],
)
def test_it_refuses_other_databases(load, url, message):
    with pytest.raises(load.BenchError, match=message):
        load.check_database(url, force=False)


def test_the_memory_windows_follow_the_duration(load):
    quick = load.parse_args(["--quick"])
    soak = load.parse_args([])

    assert (quick.duration, quick.articles, quick.window) == (30, 1000, 10)
    assert (soak.duration, soak.articles, soak.window) == (300, 10_000, 60)
    assert (quick.interval, soak.interval) == (2.0, 5.0)


def test_memory_growth_compares_the_first_and_last_window(load):
    samples = [load.Sample(0, 25_000, {1: 50_000, 2: 50_000})]
    samples += [
        load.Sample(seconds, 25_000, {1: 90_000 + 100 * seconds, 2: 90_000})
        for seconds in range(2, 33, 2)
    ]

    memory = load.memory_report(samples, start=1, end=32, window=10)

    assert memory.at_start_mb == round(100_000 / 1024, 1)
    # The first window averages seconds 2 to 10 (+600 kB), the last 22 to 32 (+2,700 kB).
    assert memory.growth_percent == round(100 * 2_100 / 180_600, 1)
    assert memory.workers_started == []


def test_a_replaced_worker_is_noticed(load):
    samples = [load.Sample(seconds, 25_000, {1: 90_000, 2: 90_000}) for seconds in range(0, 10)]
    samples += [load.Sample(seconds, 25_000, {1: 90_000, 3: 60_000}) for seconds in range(10, 31)]

    memory = load.memory_report(samples, start=0, end=30, window=10)

    assert (memory.workers_started, memory.workers_gone) == ([3], [2])


def test_the_access_log_gives_each_kind_its_time_and_errors(load, tmp_path):
    log = tmp_path / "gunicorn.log"
    log.write_text(
        "[2026-01-05 10:00:00 +0000] [10] [INFO] Booting worker with pid: 11\n"
        "load-access 200 1500 <11> [05/Jan/2026:10:00:01 +0000] GET /robots.txt HTTP/1.1\n"
        "load-access 200 12000 <11> [05/Jan/2026:10:00:01 +0000] GET /en/articles/a/ HTTP/1.1\n"
        "load-access 500 30000 <11> [05/Jan/2026:10:00:02 +0000] GET /en/search/?q=x HTTP/1.1\n"
    )
    paths = {"article": ["/en/articles/a/"], "search": ["/en/search/?q=x"]}

    requests = load.read_access_log([log], paths)
    kinds = load.by_kind(requests)

    assert [item.path for item in requests] == ["/en/articles/a/", "/en/search/?q=x"]
    assert requests[1].at - requests[0].at == 1
    assert kinds["article"]["p50_ms"] == 12.0
    assert kinds["article"]["errors"] == 0
    assert kinds["search"]["errors"] == 1
    assert kinds["search"]["error_examples"] == ["500 /en/search/?q=x"]


def test_server_problems_name_each_exception_once(load, tmp_path):
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

    assert load.server_problems([log]) == [
        "[2026-01-05 10:00:03 +0000] [10] [CRITICAL] WORKER TIMEOUT (pid:11)",
        "NameError: name 'Value' is not defined (2 times, e.g. Internal Server Error: /en/search/)",
    ]
