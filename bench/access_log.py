"""gunicorn's log of the load test: each request of the mix from the access log (its
kind, status, server time and second), the figures per kind and per window, the slowest
requests, and the errors gunicorn and Django logged."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from mix import MIX, is_error

ACCESS_MARK = "load-access"
#: How the settings (LOGGING) log the errors Django answers 500 for, and the lines of a
#: traceback that come before the exception.
DJANGO_ERROR = "[ERROR] django.request: "
CHAINED = ("Traceback", "During handling", "The above exception")


@dataclass(slots=True)
class Logged:
    """A request in gunicorn's access log."""

    kind: str
    status: int
    ms: float
    path: str
    #: When it ended, in seconds since the epoch (to the second).
    at: float


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
