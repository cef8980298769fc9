"""The resident memory (RSS) of gunicorn's master and workers, sampled from /proc during
the load test, and how much it grew: the first window of the measurement against the
last, and the workers started or gone meanwhile."""

import os
import threading
import time
from dataclasses import dataclass, field
from statistics import mean

from common import BenchError

#: The targets: no request fails, and the workers' memory grows by less than this.
MAX_GROWTH_PERCENT = 10


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
