"""`bench/run --quick`, the web benchmark as CI runs it: every page answers, none fails,
and each is compared with the bare view and with the textbook version of its kind.

It needs wrk; without it the test is skipped, except in CI (CI=true), where it fails.
It runs on a scratch SQLite database whatever DATABASE_URL says, in about a minute.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROWS = {"ceiling", "article", "list", "list-deep", "list-language", "search", "meeting"}
ROWS |= {"coverage", "api", "person"}
#: The textbook Django pages the site's pages are compared with, on the ceiling's server.
TEXTBOOK = {"article": "textbook-article", "list": "textbook-list", "api": "textbook-list"}


@pytest.fixture
def wrk():
    if shutil.which("wrk"):
        return
    message = "wrk is not installed (Debian/Ubuntu: apt-get install wrk)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="it always runs on SQLite: once, in the suite's SQLite run, is enough",
)
def test_quick_web_benchmark_answers_every_page(wrk, tmp_path):
    results = tmp_path / "results.json"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["TMPDIR"] = str(tmp_path)  # the scratch database, gone with the test
    result = subprocess.run(
        [ROOT / "bench" / "run", "--articles", "2000", "--quick", "--json", results],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(results.read_text())
    assert report["meta"]["articles"] == 2000
    assert report["problems"] == []
    measured = {(row["name"], row["mode"]) for row in report["rows"]}
    rows = ROWS | set(TEXTBOOK.values())
    assert measured == {(name, mode) for name in rows for mode in ("cold", "uncached", "cached")}
    for row in report["rows"]:
        assert row["requests_per_second"] > 0, row
        assert row["errors"] == 0, row
    speed = {(row["name"], row["mode"]): row["requests_per_second"] for row in report["rows"]}
    for row in report["rows"]:
        if row["name"] in TEXTBOOK:
            textbook = speed[(TEXTBOOK[row["name"]], row["mode"])]
            assert row["percent_of_textbook"] == round(
                100 * row["requests_per_second"] / textbook, 1
            )
            assert (row["floor_met"] is not None) == (row["mode"] == "uncached")
