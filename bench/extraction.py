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
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRECTORY = ROOT / "tests" / "data" / "formats" / "reports"
# The modules beside this one are imported as bench.*, whether this runs as a script
# (bench/extraction) or is imported by the tests; Django needs the project here too.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.extraction_compare import expected_pairs, pair_figures, proposed_pairs  # noqa: E402
from bench.extraction_corpus import CannotRun, find_cases, source_text  # noqa: E402
from bench.extraction_printing import header, miss_list, table  # noqa: E402
from bench.extraction_scoring import all_measures, judge_report  # noqa: E402

# Running the importer


def set_up_django(workdir):
    """Django on a new SQLite database in `workdir`, migrated, with the seed fixture."""
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/extraction.sqlite3"
    os.environ["CACHE_URL"] = "locmem://"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
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
