"""The load test's report as it prints it: the figures and targets, the memory, the cache
outage's phases, and each kind of address, from the report `load.run` writes as JSON."""

from memory import MAX_GROWTH_PERCENT
from mix import is_error
from outage import PHASES


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
