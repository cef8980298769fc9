"""How much of each report the importer reads right, against the report's expected fields.

Run it through `bench/extraction` (`bench/extraction --help`). Every `NAME.txt` of the
directories that has a `NAME.expected.json` beside it (keys: tests/data/formats/CATALOGUE.md,
section 9) goes through `ingest.importers.Importer` in a dry run, all in one run so that
related reports can be proposed, on a throw-away SQLite database holding the seed fixture.
Each result is compared with its expected fields; the figures come with the targets.

How results are judged:

- A refused report (status "failed") is a miss on every field it was expected to get;
  the "among imported" rows leave refused reports out.
- Outlet and agency: names compared blind to case and accents, or written in Latin
  letters (the importer may transliterate "ТАСС" to "TASS"); a known outlet counts with
  any of its names. An expected null is right when the importer names none or leaves one
  to confirm.
- Publication date: a date the text does not pin is not right. A date given where the
  expected one is null counts as invented; so does one in another year than a partial
  "YYYY-MM", and any full date for a partial "--MM-DD", whose year the text never gives.
- Dateline: the place before any comma, blind to case and to surrounding punctuation.
- People and organizations: folded names (lower case, no accents, no apostrophes) matched
  one to one; a proposal counts by its name, a known record by any of its names.
- Furniture: an expected line is left when the body holds it more often than the report's
  own text does outside the furniture itself.
- Pairs: an expected pair A-B is found when A's result proposes B or B's proposes A.
- Held out: the reports whose names begin with "heldout-", written after the people
  rules to test them afresh, get people recall and precision rows of their own.

A key missing from an expected file leaves that field unmeasured for that report.
"""

import argparse
import datetime as dt
import json
import os
import re
import sys
import tempfile
import time
import traceback
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRECTORY = ROOT / "tests" / "data" / "formats" / "reports"
EXPECTED_SUFFIX = ".expected.json"
#: The statuses of a report the importer refused.
REFUSED = {"failed"}
#: Per-report fields compared one value to one value, with their labels.
FIELDS = {
    "outlet": "outlet right",
    "agency": "agency right",
    "language": "language right",
    "published": "publication date right",
    "dateline": "dateline right",
}
#: The targets: (comparison, value); shares are fractions, counts are counts.
TARGETS = {
    "imported": (">=", 1.0),
    "outlet": (">=", 0.9),
    "published": (">=", 0.9),
    "invented": ("<=", 0),
    "dateline": (">=", 0.85),
    "people_recall": (">=", 0.85),
    "people_precision": (">=", 0.85),
    "people_recall_heldout": (">=", 0.85),
    "people_precision_heldout": (">=", 0.85),
    "furniture": ("<=", 0.0),
    "pairs": (">=", 0.8),
}
APOSTROPHES = re.compile("['’ʼʻ`‘´ʹ′]")
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
DATELINE_PUNCTUATION = " \t.:;-–—/|"


class CannotRun(Exception):
    """The measurement cannot be made; the message says why."""


@dataclass
class Case:
    """A report to measure: its text file and what it is expected to give."""

    stem: str
    path: Path
    expected: dict


# Reading the reports


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


# Comparing values


def squeeze(text):
    """Text in NFC, without invisible characters, each run of white space one space."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text or ""))
    return " ".join(text.split())


def fold_name(name):
    """A name for comparison: lower case, no accents, no apostrophes, single spaces, and
    no space after an initial's full stop ("B. Tugsjargal" is "b.tugsjargal")."""
    text = unicodedata.normalize("NFKD", squeeze(name))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = APOSTROPHES.sub("", text)
    return re.sub(r"\.\s+", ".", text)


def same_outlet_name(expected, got):
    """Whether two outlet names are one: folded, or once written in Latin letters."""
    if fold_name(expected) == fold_name(got):
        return True
    return fold_name(anyascii(expected)) == fold_name(anyascii(got))


def outlet_right(expected, names, to_confirm=False):
    """Whether an outlet (or agency) found under `names` is the expected one. With none
    expected, naming none or leaving the name to confirm is right."""
    if expected is None:
        return not names or to_confirm
    return any(same_outlet_name(expected, name) for name in names)


def dateline_place(dateline):
    """The place of a dateline: before any comma, blind to case and outer punctuation."""
    place = squeeze(dateline).split(",")[0]
    return place.strip(DATELINE_PUNCTUATION).casefold()


def dateline_right(expected, got):
    """Whether the dateline's place is the expected one (none when none is expected)."""
    if not expected:
        return not dateline_place(got)
    return dateline_place(got) == dateline_place(expected)


def date_verdict(expected, partial, got, got_partial=None):
    """(right, invented) for a publication date, all as ISO strings or None.

    `expected` is the full date the text pins; `partial` is "--MM-DD" or "YYYY-MM" when
    the text pins only that. A date the text does not pin fully is never right; it is
    invented when no date is pinned, when it falls in another year than a "YYYY-MM", and
    for any "--MM-DD", whose year the text does not give.
    """
    if expected:
        return got == expected, False
    if got is None:
        return got_partial in (None, partial), False
    if partial and re.fullmatch(r"\d{4}-\d{2}", partial):
        return False, got[:4] != partial[:4]
    return False, True


def match_names(expected, found):
    """Expected names paired one to one with found ones.

    `found` items are dicts with "name" and "names" (every name the find goes by).
    Returns (matched as (expected, found) pairs, expected names missed, found names not
    expected).
    """
    wanted = [fold_name(name) for name in expected]
    taken = [False] * len(expected)
    matched, extra = [], []
    for item in found:
        forms = {fold_name(name) for name in item["names"]}
        index = next(
            (i for i, name in enumerate(wanted) if not taken[i] and name in forms),
            None,
        )
        if index is None:
            extra.append(item["name"])
        else:
            taken[index] = True
            matched.append((expected[index], item["name"]))
    missed = [name for name, hit in zip(expected, taken, strict=True) if not hit]
    return matched, missed, extra


def ratio(count, total):
    """count / total, or None when there is nothing to divide."""
    return count / total if total else None


def furniture_left(entry, source, body):
    """Whether a furniture line of the report's text is still in the imported body.

    The body may hold the same words legitimately (an institution's name both as a page
    header and in a sentence), so the entry is left when the body holds it more often than
    the text does outside its furniture occurrences: the lines it is, else the lines it
    begins or ends, else one occurrence inside a line.
    """
    wanted = squeeze(entry)
    if not wanted or not body:
        return False
    lines = [squeeze(line) for line in source.splitlines()]
    as_furniture = (
        sum(line == wanted for line in lines)
        or sum(line.startswith(wanted) or line.endswith(wanted) for line in lines)
        or 1
    )
    legitimate = max(0, squeeze(source).count(wanted) - as_furniture)
    return squeeze(body).count(wanted) > legitimate


def pair_key(stem, other):
    """A pair of reports, the same whichever side names it."""
    return tuple(sorted((stem, other)))


def expected_pairs(expectations):
    """{pair: relation} of the pairs expected between measured reports."""
    pairs = {}
    for stem, expected in expectations.items():
        for pair in expected.get("pairs") or []:
            other = pair.get("with")
            if other in expectations and other != stem:
                pairs.setdefault(pair_key(stem, other), pair.get("relation"))
    return pairs


def proposed_pairs(related):
    """From {stem: related reports proposed}, ({pair: relations}, [(stem, stored article)]).

    A proposal's "with" is the other report's stem, or None for an article already stored.
    """
    pairs, stored = {}, []
    for stem, proposals in related.items():
        for proposal in proposals:
            other = proposal["with"]
            if other is None:
                stored.append((stem, proposal["article"]))
            elif other != stem:
                pairs.setdefault(pair_key(stem, other), set()).add(proposal["relation"])
    return pairs, stored


def pair_figures(expected, proposed, stored):
    """Expected pairs found and missed, with the right relation, and proposals not expected."""
    found = [pair for pair in expected if pair in proposed]
    return {
        "expected": len(expected),
        "found": len(found),
        "right_relation": sum(expected[pair] in proposed[pair] for pair in found),
        "missed": [
            {"pair": list(pair), "relation": expected[pair]}
            for pair in expected
            if pair not in proposed
        ],
        "unexpected": [
            {"pair": list(pair), "relations": sorted(map(str, proposed[pair]))}
            for pair in proposed
            if pair not in expected
        ],
        "stored": [{"report": stem, "article": article} for stem, article in stored],
    }


# Judging reports


def judge_report(case, observed, source):
    """Each field of one result against the expected ones: a dict for the table and JSON."""
    expected = case.expected
    refused = observed["status"] in REFUSED
    fields = judge_fields(expected, observed)
    if refused:
        for judged in fields.values():
            judged["right"] = False
        if "published" in fields:
            fields["published"]["invented"] = False
    furniture = None
    if not refused and expected.get("furniture"):
        entries = expected["furniture"]
        left = [entry for entry in entries if furniture_left(entry, source, observed["body"])]
        furniture = {"expected": len(entries), "left": left}
    return {
        "stem": case.stem,
        "path": str(case.path),
        "status": observed["status"],
        "error": observed["error"],
        "imported": not refused,
        "fields": fields,
        "names": {
            kind: judge_names(expected[kind] or [], observed[kind])
            for kind in ("people", "organizations")
            if kind in expected
        },
        "furniture": furniture,
        "related": observed["related"],
    }


def judge_fields(expected, observed):
    """{field: expected, got, right} for the expected fields of one report."""
    fields = {}
    for key in ("outlet", "agency"):
        if key in expected:
            names, to_confirm = observed[f"{key}_names"], observed[f"{key}_to_confirm"]
            fields[key] = {
                "expected": expected[key],
                "got": observed[key],
                "right": outlet_right(expected[key], names, to_confirm),
            }
    if "language" in expected:
        got = observed["language"]
        right = (got or "").lower() == (expected["language"] or "").lower()
        fields["language"] = {"expected": expected["language"], "got": got, "right": right}
    if "published" in expected:
        fields["published"] = judge_date(expected, observed)
    if "dateline" in expected:
        fields["dateline"] = {
            "expected": expected["dateline"],
            "got": observed["dateline"],
            "right": dateline_right(expected["dateline"], observed["dateline"]),
        }
    return fields


def judge_date(expected, observed):
    """The publication date of one result against the expected one. A year the importer
    took from a related report of the same meeting (its warning says so) is evidence,
    not invention; it is counted apart."""
    right, invented = date_verdict(
        expected["published"],
        expected.get("published_partial"),
        observed["published"],
        observed["published_partial"],
    )
    from_related = invented and observed.get("published_from_related", False)
    invented = invented and not from_related
    return {
        "expected": expected["published"],
        "expected_partial": expected.get("published_partial"),
        "got": observed["published"],
        "got_partial": observed["published_partial"],
        "got_is_today": observed["published_is_today"],
        "right": right,
        "invented": invented,
        "from_related": from_related,
    }


def judge_names(expected, found):
    """The people or organizations of one result against the expected names."""
    matched, missed, extra = match_names(expected, found)
    return {
        "expected": list(expected),
        "found": [item["name"] for item in found],
        "known": sum(bool(item["known"]) for item in found),
        "matched": [list(pair) for pair in matched],
        "missed": missed,
        "extra": extra,
    }


# The figures


def target_text(key, unit):
    """A target as printed: "≥ 90 %", "0"."""
    if key not in TARGETS:
        return ""
    comparison, value = TARGETS[key]
    if unit == "count":
        return f"{value}"
    amount = f"{value * 100:g} %"
    if (comparison, value) in {(">=", 1.0), ("<=", 0.0)}:
        return amount
    return f"{'≥' if comparison == '>=' else '≤'} {amount}"


def verdict(key, value):
    """The verdict on a target: "met", "missed", "n/a" (nothing measured) or ""."""
    if key not in TARGETS:
        return ""
    if value is None:
        return "n/a"
    comparison, target = TARGETS[key]
    met = value >= target - 1e-9 if comparison == ">=" else value <= target + 1e-9
    return "met" if met else "missed"


def measure(key, label, count, total=None, *, unit="share", note="", indent=False):
    """One row of the table."""
    value = count if unit in {"count", "seconds", "rate"} else ratio(count, total)
    return {
        "key": key,
        "label": label,
        "count": count,
        "of": total,
        "value": value,
        "unit": unit,
        "note": note,
        "indent": indent,
        "target": "" if indent else target_text(key, unit),
        "verdict": "" if indent else verdict(key, value),
    }


def field_measures(reports, key, label):
    """The share of reports right on one field, and the share among imported ones."""
    judged = [report for report in reports if key in report["fields"]]
    imported = [report for report in judged if report["imported"]]
    right = [report for report in judged if report["fields"][key]["right"]]
    return [
        measure(key, label, len(right), len(judged)),
        measure(
            f"{key}_imported",
            "among imported",
            sum(report["fields"][key]["right"] for report in imported),
            len(imported),
            indent=True,
        ),
    ]


def name_measures(reports, kind):
    """Recall and precision over every name occurrence of one kind."""
    judged = [report["names"][kind] for report in reports if kind in report["names"]]
    imported = [r["names"][kind] for r in reports if r["imported"] and kind in r["names"]]
    expected = sum(len(names["expected"]) for names in judged)
    found = sum(len(names["found"]) for names in judged)
    known = sum(names["known"] for names in judged)
    matched = sum(len(names["matched"]) for names in judged)
    return [
        measure(f"{kind}_recall", f"{kind} recall", matched, expected),
        measure(
            f"{kind}_recall_imported",
            "among imported",
            sum(len(names["matched"]) for names in imported),
            sum(len(names["expected"]) for names in imported),
            indent=True,
        ),
        measure(
            f"{kind}_precision",
            f"{kind} precision",
            matched,
            found,
            note=f"{known} known, {found - known} proposed",
        ),
    ]


#: The beginning of the names of reports written after the rules, to test them afresh.
HELDOUT_PREFIX = "heldout-"


def heldout_measures(reports):
    """People recall and precision over the held-out reports alone, when there are any."""
    heldout = [r["names"].get("people") for r in reports if r["stem"].startswith(HELDOUT_PREFIX)]
    heldout = [names for names in heldout if names is not None]
    if not heldout:
        return []
    matched = sum(len(names["matched"]) for names in heldout)
    return [
        measure(
            "people_recall_heldout",
            "people recall (held out)",
            matched,
            sum(len(names["expected"]) for names in heldout),
            note=f"{len(heldout)} {HELDOUT_PREFIX}* reports",
        ),
        measure(
            "people_precision_heldout",
            "people precision (held out)",
            matched,
            sum(len(names["found"]) for names in heldout),
        ),
    ]


def all_measures(reports, pairs, seconds):
    """Every row of the table, in order."""
    rows = [
        measure("imported", "imported", sum(r["imported"] for r in reports), len(reports)),
    ]
    for key, label in FIELDS.items():
        rows += field_measures(reports, key, label)
        if key == "published":
            invented = [r for r in reports if r["fields"].get(key, {}).get("invented")]
            today = sum(r["fields"][key]["got_is_today"] for r in invented)
            related = sum(bool(r["fields"].get(key, {}).get("from_related")) for r in reports)
            rows.append(
                measure(
                    "invented",
                    "invented dates",
                    len(invented),
                    unit="count",
                    note=f"{today} of them the import date" if today else "",
                )
            )
            rows.append(
                measure(
                    "from_related",
                    "years from a related report",
                    related,
                    unit="count",
                    note="a day and month the text gives, in the year of the same meeting's report",
                )
            )
    rows += name_measures(reports, "people")
    rows += heldout_measures(reports)
    rows += name_measures(reports, "organizations")
    furniture = [r["furniture"] for r in reports if r["furniture"]]
    rows.append(
        measure(
            "furniture",
            "furniture left",
            sum(len(f["left"]) for f in furniture),
            sum(f["expected"] for f in furniture),
            note="lines of imported reports",
        )
    )
    rows.append(measure("pairs", "pairs found", pairs["found"], pairs["expected"]))
    rows.append(
        measure(
            "pairs_relation",
            "with the expected relation",
            pairs["right_relation"],
            pairs["found"],
            indent=True,
        )
    )
    stored = len(pairs["stored"])
    rows.append(
        measure(
            "pairs_unexpected",
            "proposals not expected",
            len(pairs["unexpected"]) + stored,
            unit="count",
            note=f"{stored} of them stored articles" if stored else "",
        )
    )
    rows.append(measure("seconds", "seconds", round(seconds, 2), unit="seconds"))
    rate = round(len(reports) / seconds, 1) if seconds else None
    rows.append(measure("rate", "reports per second", rate, unit="rate"))
    return rows


# Printing


def value_text(row):
    """A row's value as printed."""
    if row["value"] is None:
        return "–"
    if row["unit"] == "share":
        return f"{row['value'] * 100:.1f} %"
    return f"{row['value']:g}"


def count_text(row):
    """A row's count as printed: "12 / 49" for a share, else nothing (the value says it)."""
    if row["unit"] == "share":
        return f"{row['count']} / {row['of']}"
    return ""


def table(rows):
    """The figures as a text table."""
    lines = [f"{'measure':<32}{'count':>10}{'value':>10}  {'target':<9}{'result':<7}  note"]
    for row in rows:
        label = f"  {row['label']}" if row["indent"] else row["label"]
        lines.append(
            f"{label:<32}{count_text(row):>10}{value_text(row):>10}  "
            f"{row['target']:<9}{row['verdict']:<7}  {row['note']}".rstrip()
        )
    return "\n".join(lines)


def header(cases, directories):
    """What is measured, and on what."""
    places = ", ".join(relative(d) for d in directories)
    return (
        "Extraction benchmark: what ingest.importers.Importer reads from each report\n"
        "(dry run, all reports in one run, a throw-away SQLite database with the seed\n"
        "fixture), compared with NAME.expected.json (tests/data/formats/CATALOGUE.md, §9).\n"
        f"Reports: {len(cases)} in {places}.\n"
        'Refused reports are misses on every field; "among imported" leaves them out.'
    )


def relative(path):
    """A path relative to the working directory when it is under it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def shown(value):
    """A value for the list of misses."""
    return "none" if value in (None, "") else repr(value)


def misses(report):
    """The lines listing what one report got wrong, empty when nothing."""
    if not report["imported"]:
        return [f"  refused: {report['error']}"]
    lines = []
    for key, judged in report["fields"].items():
        if judged["right"]:
            continue
        expected = judged["expected"]
        got = shown(judged["got"])
        if key == "published":
            if expected is None:
                partial = judged["expected_partial"]
                expected = f"only {partial}" if partial else "none pinned"
            if judged["got_partial"]:
                got += f" (partial {judged['got_partial']})"
            if judged["got_is_today"]:
                got += " (the import date)"
            if judged["invented"]:
                got += ": invented"
        lines.append(f"  {key:<14}expected {shown(expected)}, got {got}")
    for kind, names in report["names"].items():
        parts = []
        if names["missed"]:
            parts.append("missed " + ", ".join(map(repr, names["missed"])))
        if names["extra"]:
            parts.append("not expected " + ", ".join(map(repr, names["extra"])))
        if parts:
            lines.append(f"  {kind:<14}{'; '.join(parts)}")
    if report["furniture"] and report["furniture"]["left"]:
        left = ", ".join(map(repr, report["furniture"]["left"]))
        lines.append(f"  {'furniture':<14}left {left}")
    return lines


def miss_list(reports, pairs):
    """Every miss, report by report, then the pairs."""
    lines = ["", "Misses by report"]
    for report in reports:
        found = misses(report)
        if found:
            lines += [f"{report['stem']} ({report['status']})", *found]
    lines += ["", "Pairs"]
    for missed in pairs["missed"]:
        first, second = missed["pair"]
        lines.append(f"  not proposed: {first} – {second} ({missed['relation']})")
    for unexpected in pairs["unexpected"]:
        first, second = unexpected["pair"]
        relations = ", ".join(unexpected["relations"])
        lines.append(f"  not expected: {first} – {second} ({relations})")
    for stored in pairs["stored"]:
        lines.append(f"  not expected: {stored['report']} – stored {stored['article']}")
    if lines[-1] == "Pairs":
        lines.append("  every expected pair proposed, and nothing else")
    return "\n".join(lines)


# Running the importer


def set_up_django(workdir):
    """Django on a new SQLite database in `workdir`, migrated, with the seed fixture."""
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/extraction.sqlite3"
    os.environ["CACHE_URL"] = "locmem://"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddata", "seed", verbosity=0)


def import_reports(cases, data):
    """The importer's results for every report, in one dry run, and the seconds it took."""
    from ingest.importers import Importer

    started = time.perf_counter()
    importer = Importer(dry_run=True, outlet=None)
    inputs = [(str(case.path), data[case.stem]) for case in cases]
    results = list(importer.import_many(inputs))
    seconds = time.perf_counter() - started
    if len(results) != len(cases):
        raise CannotRun(f"the importer gave {len(results)} results for {len(cases)} reports")
    return results, seconds


def outlet_names(outlet):
    """The names an outlet of the result goes by: all those of a stored outlet."""
    from articles.models import Outlet

    name = name_of(outlet)
    if not name:
        return []
    record = outlet if isinstance(outlet, Outlet) else Outlet.objects.filter(name=name).first()
    if record is None:
        return [name]
    return unique([name, record.name, *(other.name for other in record.other_names.all())])


def name_of(value):
    """The name of an outlet, person or organization given as text, record or dict."""
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        return value.get("name")
    return getattr(value, "name", None) or str(value)


def to_confirm(result, key):
    """Whether the result leaves its outlet (or agency) for an editor to confirm: a
    `<key>_to_confirm` or `<key>_is_provisional` flag, or a proposal (`known` false)."""
    value = getattr(result, key, None)
    known = value.get("known") if isinstance(value, dict) else getattr(value, "known", None)
    flags = (
        getattr(result, f"{key}_to_confirm", False),
        getattr(result, f"{key}_is_provisional", False),
    )
    return any(flags) or known is False


def found_item(found):
    """A person or organization of a result: its name, whether known, and every name it
    goes by (for a known record, its stored name, other names and abbreviation)."""
    name = name_of(found)
    known = found.get("known") if isinstance(found, dict) else getattr(found, "known", False)
    names = [name]
    record = getattr(found, "record", None)
    if record is not None:
        names.append(record.name)
        others = getattr(record, "other_names", None)
        if others is not None:
            names += [other.name for other in others.all()]
        if getattr(record, "abbreviation", ""):
            names.append(record.abbreviation)
    return {"name": name, "known": bool(known), "names": unique(names)}


def related_items(result, stems):
    """The related reports a result proposes, with the other report's stem (None for an
    article already stored)."""
    items = []
    for proposal in result.related or []:
        reference = proposal.get("article") if isinstance(proposal, dict) else proposal
        reference = str(reference)
        stem = stems.get(reference) or stems.get(str(Path(reference).resolve()))
        relation = proposal.get("relation") if isinstance(proposal, dict) else None
        items.append({"with": stem, "article": reference, "relation": relation})
    return items


#: The importer's warning for a year taken from a related report.
RELATED_YEAR = "the year of"


def observe(result, stems, today):
    """What a result holds, as plain values."""
    published = getattr(result, "published", None)
    if isinstance(published, dt.datetime):
        published = published.date()
    if isinstance(published, dt.date):
        published = published.isoformat()
    outlet, agency = getattr(result, "outlet", None), getattr(result, "agency", None)
    return {
        "status": result.status,
        "error": result.error,
        "outlet": name_of(outlet),
        "outlet_names": outlet_names(outlet),
        "outlet_to_confirm": to_confirm(result, "outlet"),
        "agency": name_of(agency),
        "agency_names": outlet_names(agency),
        "agency_to_confirm": to_confirm(result, "agency"),
        "language": result.language,
        "published": published or None,
        "published_partial": getattr(result, "published_partial", None),
        "published_is_today": published == today.isoformat(),
        "published_from_related": any(RELATED_YEAR in w for w in result.warnings or []),
        "dateline": result.dateline or None,
        "body": result.body or "",
        "people": [found_item(found) for found in result.people or []],
        "organizations": [found_item(found) for found in result.organizations or []],
        "related": related_items(result, stems),
    }


def unique(names):
    """The names without repeats or blanks, in order."""
    return list(dict.fromkeys(name for name in names if name))


def measure_cases(cases):
    """Import the reports and judge every result: (reports, pair figures, seconds)."""
    from django.utils import timezone

    data = {case.stem: case.path.read_bytes() for case in cases}
    results, seconds = import_reports(cases, data)
    stems = {}
    for case in cases:
        stems[str(case.path)] = case.stem
        stems[str(case.path.resolve())] = case.stem
    today = timezone.localdate()
    reports, related = [], {}
    for case, result in zip(cases, results, strict=True):
        observed = observe(result, stems, today)
        reports.append(judge_report(case, observed, source_text(data[case.stem])))
        related[case.stem] = observed["related"]
    expected = expected_pairs({case.stem: case.expected for case in cases})
    pairs = pair_figures(expected, *proposed_pairs(related))
    return reports, pairs, seconds


def parse_arguments(argv):
    """The command line: directories, --json, --verbose."""
    parser = argparse.ArgumentParser(
        prog="bench/extraction",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "directories",
        nargs="*",
        type=Path,
        metavar="DIR",
        help="directories of NAME.txt with NAME.expected.json (default: the test reports)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every figure here")
    parser.add_argument("--verbose", action="store_true", help="list every miss per report")
    return parser.parse_args(argv)


def main(argv=None):
    """Measure, print, write the JSON; 0 when it ran, 2 when it could not."""
    args = parse_arguments(argv)
    directories = args.directories or [DEFAULT_DIRECTORY]
    try:
        cases, notes = find_cases(directories)
        print(header(cases, directories), flush=True)
        for note in notes:
            print(f"note: {note}", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="extraction-") as workdir:
            set_up_django(workdir)
            reports, pairs, seconds = measure_cases(cases)
        rows = all_measures(reports, pairs, seconds)
        print()
        print(table(rows))
        if args.verbose:
            print(miss_list(reports, pairs))
        if args.json:
            document = {
                "directories": [str(d) for d in directories],
                "reports_measured": len(cases),
                "measures": rows,
                "pairs": pairs,
                "reports": reports,
            }
            args.json.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
            print(f"\nWritten to {args.json}.")
    except CannotRun as error:
        print(f"bench/extraction: {error}", file=sys.stderr)
        return 2
    except Exception:
        traceback.print_exc()
        print("bench/extraction: could not measure (see above)", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
