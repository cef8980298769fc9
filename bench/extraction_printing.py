"""Printing the figures: the header, the table, and the list of misses."""

from pathlib import Path


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
