"""What every benchmark module shares: the project's folder, the seed of the generated
archive and of the random choices, the scratch folder, the error that stops a run,
the log (standard error) and the check for wrk."""

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 1
WORKDIR = Path(tempfile.gettempdir()) / "newsroom-bench"


class BenchError(Exception):
    """The benchmark could not run; the message says why."""


def log(message=""):
    print(message, file=sys.stderr, flush=True)


def has_wrk(command):
    """Whether wrk is on PATH; if not, says so (for `command`) and how to install it."""
    if shutil.which("wrk"):
        return True
    log(
        f"{command} needs wrk, the HTTP benchmarking tool, on PATH. Install it:\n"
        "  Debian/Ubuntu: sudo apt-get install wrk\n"
        "  macOS:         brew install wrk"
    )
    return False
