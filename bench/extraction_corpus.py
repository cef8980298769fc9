"""Reading the reports to measure: every NAME.txt with its NAME.expected.json, and the
text of a report for finding its furniture."""

import json
from dataclasses import dataclass
from pathlib import Path

EXPECTED_SUFFIX = ".expected.json"


class CannotRun(Exception):
    """The measurement cannot be made; the message says why."""


@dataclass
class Case:
    """A report to measure: its text file and what it is expected to give."""

    stem: str
    path: Path
    expected: dict


def find_cases(directories):
    """The reports of `directories` that have an expected file, and notes on those without."""
    cases, notes, seen = [], [], {}
    for directory in directories:
        if not directory.is_dir():
            raise CannotRun(f"{directory} is not a directory")
        for path in sorted(directory.glob("*.txt")):
            expected_path = path.with_name(path.stem + EXPECTED_SUFFIX)
            if not expected_path.is_file():
                notes.append(f"{path}: no {expected_path.name}, left out")
                continue
            if path.stem in seen:
                raise CannotRun(f"{path.stem} is in both {seen[path.stem]} and {directory}")
            seen[path.stem] = directory
            cases.append(Case(path.stem, path, read_expected(expected_path)))
    if not cases:
        names = ", ".join(str(d) for d in directories)
        raise CannotRun(f"no NAME.txt with a NAME{EXPECTED_SUFFIX} beside it in {names}")
    return cases, notes


def read_expected(path):
    """The expected fields of a report, as a dict."""
    try:
        expected = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CannotRun(f"{path}: {error}") from error
    if not isinstance(expected, dict):
        raise CannotRun(f"{path}: not a JSON object")
    return expected


def source_text(data):
    """A report's bytes as text, for finding its furniture: UTF-8, else Windows-1251."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")
