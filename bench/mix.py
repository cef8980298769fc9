"""The load test's mix as wrk sends it: each kind of address's share of the requests,
the Lua script that picks a kind by its share and then one of its addresses, running wrk
with it, and what counts as a failed answer."""

import json
import subprocess

from common import BenchError

#: Share of the requests each kind of address gets, in per cent.
MIX = {"article": 30, "list": 15, "meeting": 15, "search": 15, "feed": 10, "api": 15}
WRK_MARK = "LOAD_JSON "

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


def is_error(status):
    """What the targets count as a failed answer: anything but 2xx and 3xx."""
    return not 200 <= status < 400


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
