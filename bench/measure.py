"""Measuring one page of `bench/run` with wrk: the Lua script (one address, or a random
one of a list per request), a row of figures from its JSON, each row's share of the
ceiling and of its textbook version against the targets, and the printed table."""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from common import SEED, BenchError, log

#: Shares of the ceiling each page should reach, by mode, in per cent.
TARGETS = {
    "article": {"uncached": 50, "cached": 90},
    "meeting": {"uncached": 50, "cached": 90},
    "list": {"uncached": 35, "cached": 90},
    "list-deep": {"uncached": 35, "cached": 90},
    "list-language": {"uncached": 35, "cached": 90},
    "search": {"uncached": 5, "cached": 90},
    "api": {"uncached": 35, "cached": 90},
}
#: The textbook page each page is compared with (`bench/ceiling_urls.py`): uncached,
#: a page should serve at least as many requests as its textbook version.
TEXTBOOK = {
    "article": "textbook-article",
    "meeting": "textbook-article",
    "list": "textbook-list",
    "list-deep": "textbook-list",
    "list-language": "textbook-list",
    "api": "textbook-list",
}
#: "cold": the page cache and the fragment cache off, every page rendered whole;
#: "uncached": the page cache off, fragments kept (`core.fragments`); "cached": both on.
MODES = ("cold", "uncached", "cached")
WRK_MARK = "WRK_JSON "

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
    percent_of_textbook: float | None = None
    target_percent: int | None = None
    target_met: bool | None = None
    #: Uncached, whether the page serves at least as many requests as its textbook one.
    floor_met: bool | None = None


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


def measure(server, target, mode, args, workdir):
    stats = run_wrk(server.port, target, args, workdir)
    row = to_row(target, mode, stats)
    log(
        f"  {row.name:<14} {row.requests_per_second:>9.1f} req/s  p50 {row.p50_ms:>7.2f} ms"
        f"  p99 {row.p99_ms:>8.2f} ms  errors {row.errors}"
    )
    return row


def score(rows):
    speeds = {(row.mode, row.name): row.requests_per_second for row in rows}
    for row in rows:
        ceiling = speeds.get((row.mode, "ceiling"))
        if ceiling:
            row.percent_of_ceiling = round(100 * row.requests_per_second / ceiling, 1)
        textbook = speeds.get((row.mode, TEXTBOOK.get(row.name)))
        if textbook:
            row.percent_of_textbook = round(100 * row.requests_per_second / textbook, 1)
            if row.mode == "uncached":
                row.floor_met = row.percent_of_textbook >= 100
        row.target_percent = TARGETS.get(row.name, {}).get(row.mode)
        if row.target_percent is not None and row.percent_of_ceiling is not None:
            row.target_met = row.percent_of_ceiling >= row.target_percent


def table(rows):
    header = (
        "page",
        "mode",
        "req/s",
        "p50 ms",
        "p99 ms",
        "% ceiling",
        "% textbook",
        "errors",
        "restarts",
        "target",
    )
    lines = [header]
    for row in rows:
        target = ""
        if row.target_percent is not None:
            target = f"≥{row.target_percent}% " + ("ok" if row.target_met else "MISSED")
        if row.floor_met is not None:
            target += ", ≥textbook " + ("ok" if row.floor_met else "MISSED")
        lines.append(
            (
                row.name,
                row.mode,
                f"{row.requests_per_second:.1f}",
                f"{row.p50_ms:.2f}",
                f"{row.p99_ms:.2f}",
                "" if row.percent_of_ceiling is None else f"{row.percent_of_ceiling:.1f}",
                "" if row.percent_of_textbook is None else f"{row.percent_of_textbook:.1f}",
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
