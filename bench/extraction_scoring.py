"""Judging each report's result field by field, and the figures of the table with their
targets."""

from bench.extraction_compare import (
    date_verdict,
    dateline_right,
    furniture_left,
    match_names,
    outlet_right,
)

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


def ratio(count, total):
    """count / total, or None when there is nothing to divide."""
    return count / total if total else None


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
