"""What every benchmark module shares: the project's folder, the seed of the generated
archive and of the random choices, the scratch folder, the error that stops a run, and
the log (standard error)."""

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
