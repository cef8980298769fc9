"""bench/extraction.py and its modules (bench/extraction_*.py): how it compares an import
result with the expected fields, its arithmetic, and one whole run on three small reports
written here."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import extraction
from bench import extraction_compare as compare
from bench import extraction_corpus as corpus
from bench import extraction_scoring as scoring

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "bench" / "extraction.py"
PYTHON = ROOT / ".venv" / "bin" / "python"


def found(name, *others, known=False):
    """A person or organization as a result gives it, with the other names it goes by."""
    return {"name": name, "known": known, "names": [name, *others]}


# Names


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Volker Türk", "volker turk"),
        ("  Sabina   ALIYEVA ", "sabina aliyeva"),
        ("Oʻzbek O'zbek O’zbek", "ozbek ozbek ozbek"),
        ("B. Tugsjargal", "b.tugsjargal"),
        ("İnqrid Sörbi", "inqrid sorbi"),
        ("Сёрби", "серби"),
    ],
)
def test_names_are_folded(name, folded):
    assert compare.fold_name(name) == folded


def test_names_match_one_to_one():
    matched, missed, extra = compare.match_names(
        ["Sabina Aliyeva", "Ingrid Sørby", "Volker Türk"],
        [
            found("Sabina Aliyeva", "Səbinə Əliyeva", known=True),
            found("Volker Turk"),
            found("Volker Türk"),
            found("Ombudsman Sabina"),
        ],
    )

    assert matched == [("Sabina Aliyeva", "Sabina Aliyeva"), ("Volker Türk", "Volker Turk")]
    assert missed == ["Ingrid Sørby"]
    assert extra == ["Volker Türk", "Ombudsman Sabina"]


def test_a_known_person_counts_with_any_of_its_names():
    matched, missed, extra = compare.match_names(
        ["Сабина Алиева"], [found("Sabina Aliyeva", "Səbinə Əliyeva", "Сабина Алиева", known=True)]
    )

    assert matched == [("Сабина Алиева", "Sabina Aliyeva")]
    assert (missed, extra) == ([], [])


def test_ratio():
    assert scoring.ratio(3, 4) == 0.75
    assert scoring.ratio(0, 0) is None


# Outlets and datelines


@pytest.mark.parametrize(
    ("expected", "names", "to_confirm", "right"),
    [
        ("Trend", ["TREND"], False, True),
        ("AZƏRTAC", ["AZERTAC", "Azertaj", "AZƏRTAC"], False, True),
        ("Şərq Xəbər", ["Serq Xeber"], False, True),
        ("ТАСС", ["TASS"], False, True),
        ("Trend", ["Follow Trend on Telegram"], False, False),
        ("Trend", [], False, False),
        (None, [], False, True),
        (None, ["Kommentarii (0)"], True, True),
        (None, ["Kommentarii (0)"], False, False),
    ],
)
def test_outlets(expected, names, to_confirm, right):
    assert compare.outlet_right(expected, names, to_confirm) is right


@pytest.mark.parametrize(
    ("expected", "got", "right"),
    [
        ("Baku", "BAKU, Azerbaijan", True),
        ("Baku", "Baku", True),
        ("Астана", "АСТАНА.", True),
        ("Тбилиси", "Грузия, Тбилиси", False),
        ("Baku", None, False),
        (None, None, True),
        (None, "", True),
        (None, "Baku", False),
    ],
)
def test_datelines(expected, got, right):
    assert compare.dateline_right(expected, got) is right


# Dates


@pytest.mark.parametrize(
    ("expected", "partial", "got", "got_partial", "verdict"),
    [
        ("2025-03-12", None, "2025-03-12", None, (True, False)),
        ("2025-03-12", None, "2025-03-11", None, (False, False)),
        ("2025-03-12", None, None, None, (False, False)),
        (None, None, None, None, (True, False)),
        (None, None, "2026-01-05", None, (False, True)),
        (None, "--10-14", None, None, (True, False)),
        (None, "--10-14", None, "--10-14", (True, False)),
        (None, "--10-14", None, "--10-15", (False, False)),
        (None, "--10-14", "2024-10-14", None, (False, True)),
        (None, "2023-11", None, "2023-11", (True, False)),
        (None, "2023-11", "2023-11-01", None, (False, False)),
        (None, "2023-11", "2026-11-01", None, (False, True)),
    ],
)
def test_dates_right_and_invented(expected, partial, got, got_partial, verdict):
    assert compare.date_verdict(expected, partial, got, got_partial) == verdict


# Furniture

SOURCE = (
    "Commissioner for Human Rights (Ombudsman)\n"
    "13.05.2025 | 14:20Today the Commissioner for Human Rights (Ombudsman) met a delegation.\n"
    "The ICRC delegation thanked the ICRC staff.\n"
    "Tags\n"
    "ICRC\n"
)


@pytest.mark.parametrize(
    ("entry", "body", "left"),
    [
        ("Tags", "Today the Commissioner met a delegation.", False),
        ("Tags", "Today the Commissioner met a delegation.\n\nTags", True),
        ("13.05.2025 | 14:20", "13.05.2025 | 14:20Today the Commissioner met.", True),
        ("13.05.2025 | 14:20", "Today the Commissioner met.", False),
        # the header line gone, the same words in a sentence kept
        (
            "Commissioner for Human Rights (Ombudsman)",
            "Today the Commissioner for Human Rights (Ombudsman) met a delegation.",
            False,
        ),
        (
            "Commissioner for Human Rights (Ombudsman)",
            "Commissioner for Human Rights (Ombudsman)\n\n"
            "Today the Commissioner for Human Rights (Ombudsman) met a delegation.",
            True,
        ),
        ("ICRC", "The ICRC delegation thanked the ICRC staff.", False),
        ("ICRC", "The ICRC delegation thanked the ICRC staff.\n\nICRC", True),
        ("Share", "", False),
    ],
)
def test_furniture_left(entry, body, left):
    assert compare.furniture_left(entry, SOURCE, body) is left


def test_furniture_is_compared_blind_to_spacing():
    source = "Zeynep Arslan   |20.06.2025\nText.\n"

    assert compare.furniture_left(
        "Zeynep Arslan   |20.06.2025", source, "Zeynep Arslan |20.06.2025"
    )


# Pairs


def test_pairs_are_found_from_either_side():
    expected = compare.expected_pairs(
        {
            "a": {"pairs": [{"with": "b", "relation": "translation"}]},
            "b": {"pairs": [{"with": "a", "relation": "translation"}]},
            "c": {"pairs": [{"with": "d", "relation": "same_event"}]},
            "d": {"pairs": [{"with": "c", "relation": "same_event"}, {"with": "x"}]},
            "e": {},
        }
    )
    proposed, stored = compare.proposed_pairs(
        {
            "a": [],
            "b": [{"with": "a", "article": "r/a.txt", "relation": "same_event"}],
            "c": [{"with": "e", "article": "r/e.txt", "relation": "same_event"}],
            "d": [{"with": None, "article": "/en/articles/old/", "relation": "same_event"}],
            "e": [{"with": "c", "article": "r/c.txt", "relation": "same_event"}],
        }
    )

    figures = compare.pair_figures(expected, proposed, stored)

    assert expected == {("a", "b"): "translation", ("c", "d"): "same_event"}
    assert (figures["expected"], figures["found"], figures["right_relation"]) == (2, 1, 0)
    assert figures["missed"] == [{"pair": ["c", "d"], "relation": "same_event"}]
    assert figures["unexpected"] == [{"pair": ["c", "e"], "relations": ["same_event"]}]
    assert figures["stored"] == [{"report": "d", "article": "/en/articles/old/"}]


# Judging and counting


def observed(**values):
    """An import result as the script reads it, right about nothing unless told."""
    result = {
        "status": "would-import",
        "error": None,
        "outlet": None,
        "outlet_names": [],
        "outlet_to_confirm": False,
        "agency": None,
        "agency_names": [],
        "agency_to_confirm": False,
        "language": None,
        "published": None,
        "published_partial": None,
        "published_is_today": False,
        "dateline": None,
        "body": "",
        "people": [],
        "organizations": [],
        "related": [],
    }
    result.update(values)
    return result


EXPECTED = {
    "outlet": "Trend",
    "agency": None,
    "language": "en",
    "published": None,
    "published_partial": None,
    "dateline": "Baku",
    "people": ["Rauf Talibov", "Bruno Lafitte"],
    "organizations": [],
    "furniture": ["Follow Trend on Telegram", "Trend:"],
    "pairs": [],
}
SOURCE_TEXT = (
    "BAKU, Feb. 3\n\nTrend:\n\nRauf Talibov met Bruno Lafitte.\n\nFollow Trend on Telegram\n"
)


def test_a_report_is_judged_field_by_field(tmp_path):
    case = corpus.Case("en_trend", tmp_path / "en_trend.txt", EXPECTED)
    report = scoring.judge_report(
        case,
        observed(
            outlet="Trend",
            outlet_names=["Trend", "Trend.az"],
            language="en",
            published="2026-12-02",
            published_is_today=True,
            dateline="BAKU",
            body="Trend:\n\nRauf Talibov met Bruno Lafitte.",
            people=[found("Rauf Talibov"), found("Bruno Lafitte met")],
        ),
        SOURCE_TEXT,
    )

    rights = {key: field["right"] for key, field in report["fields"].items()}
    assert rights == {
        "outlet": True,
        "agency": True,
        "language": True,
        "published": False,
        "dateline": True,
    }
    assert report["fields"]["published"]["invented"]
    assert report["names"]["people"]["missed"] == ["Bruno Lafitte"]
    assert report["furniture"] == {"expected": 2, "left": ["Trend:"]}


def test_a_refused_report_misses_every_field_and_invents_nothing(tmp_path):
    case = corpus.Case("en_trend", tmp_path / "en_trend.txt", EXPECTED)
    report = scoring.judge_report(
        case,
        observed(status="failed", error="no outlet recognised", language="en", dateline=None),
        SOURCE_TEXT,
    )

    assert not report["imported"]
    assert not any(field["right"] for field in report["fields"].values())
    assert not report["fields"]["published"]["invented"]
    assert report["furniture"] is None


def test_the_figures_add_up(tmp_path):
    cases = [
        corpus.Case(stem, tmp_path / f"{stem}.txt", EXPECTED) for stem in ("one", "two", "three")
    ]
    results = [
        observed(
            outlet="Trend",
            outlet_names=["Trend"],
            language="en",
            dateline="Baku",
            people=[found("Rauf Talibov"), found("Bruno Lafitte"), found("Baku")],
            body="Rauf Talibov met Bruno Lafitte.",
        ),
        observed(
            outlet="Trend:",
            outlet_names=["Trend:"],
            language="en",
            published="2026-02-03",
            people=[found("Rauf Talibov")],
            body="Trend:\n\nRauf Talibov met Bruno Lafitte.\n\nFollow Trend on Telegram",
        ),
        observed(status="failed", error="no outlet recognised"),
    ]
    reports = [
        scoring.judge_report(case, result, SOURCE_TEXT)
        for case, result in zip(cases, results, strict=True)
    ]
    pairs = compare.pair_figures({("one", "two"): "same_event"}, {}, [])

    rows = {
        (row["label"], row["key"]): row for row in scoring.all_measures(reports, pairs, seconds=2.0)
    }

    def figures(label, key):
        row = rows[(label, key)]
        return row["count"], row["of"], row["verdict"]

    assert figures("imported", "imported") == (2, 3, "missed")
    assert figures("outlet right", "outlet") == (1, 3, "missed")
    assert figures("among imported", "outlet_imported") == (1, 2, "")
    assert figures("language right", "language") == (2, 3, "")
    assert figures("publication date right", "published") == (1, 3, "missed")
    assert figures("invented dates", "invented") == (1, None, "missed")
    assert figures("dateline right", "dateline") == (1, 3, "missed")
    assert figures("people recall", "people_recall") == (3, 6, "missed")
    assert figures("among imported", "people_recall_imported") == (3, 4, "")
    assert figures("people precision", "people_precision") == (3, 4, "missed")
    assert figures("organizations recall", "organizations_recall") == (0, 0, "")
    assert rows[("organizations recall", "organizations_recall")]["value"] is None
    assert figures("furniture left", "furniture") == (2, 4, "missed")
    assert figures("pairs found", "pairs") == (0, 1, "missed")
    assert rows[("reports per second", "rate")]["value"] == 1.5


def test_targets_are_met_at_the_line():
    assert scoring.verdict("outlet", 0.9) == "met"
    assert scoring.verdict("outlet", 0.89) == "missed"
    assert scoring.verdict("furniture", 0.0) == "met"
    assert scoring.verdict("invented", 1) == "missed"
    assert scoring.verdict("people_precision", None) == "n/a"
    assert scoring.verdict("language", 0.5) == ""
    assert scoring.target_text("outlet", "share") == "≥ 90 %"
    assert scoring.target_text("imported", "share") == "100 %"
    assert scoring.target_text("invented", "count") == "0"


def test_it_cannot_run_without_expected_files(tmp_path, capsys):
    (tmp_path / "page.txt").write_text("A page with no expected fields.\n")

    assert extraction.main([str(tmp_path)]) == 2
    assert "no NAME.txt with a NAME.expected.json" in capsys.readouterr().err


# A whole run

REPORTS = {
    "en_trend_aliyeva_turk": (
        "BAKU, Azerbaijan, October 15, 2025. Ombudsman Sabina Aliyeva met with UN High "
        "Commissioner for Human Rights Volker Türk, Trend reports.\n\n"
        "The sides discussed cooperation in the protection of the rights of refugees.\n\n"
        "He spoke with the staff about training.\n",
        {
            "outlet": "Trend",
            "published": "2025-10-15",
            "dateline": "Baku",
            "people": ["Sabina Aliyeva", "Volker Türk"],
            # a sentence of the report: no importer drops it, so it is always "left"
            "furniture": ["He spoke with the staff about training."],
            "pairs": [{"with": "en_newsaz_turk_aliyeva", "relation": "same_event"}],
        },
    ),
    "en_newsaz_turk_aliyeva": (
        "BAKU, Azerbaijan, October 16, 2025. UN High Commissioner for Human Rights Volker "
        "Türk and Ombudsman Sabina Aliyeva discussed the rights of refugees, the "
        "ombudsman's office told News.Az.\n\nThe meeting took place in Baku.\n",
        {
            "outlet": "News.Az",
            "published": "2025-10-16",
            "dateline": "Baku",
            "people": ["Volker Türk", "Sabina Aliyeva"],
            "pairs": [{"with": "en_trend_aliyeva_turk", "relation": "same_event"}],
        },
    ),
    "en_trend_ganja_ahmadov": (
        "GANJA, Azerbaijan, October 20, 2025. Minister of Justice Farid Ahmadov visited a "
        "detention centre, Trend reports.\n\nHe spoke with the staff about training.\n",
        {
            # neither is in the text: always missed
            "outlet": "Nowhere Times",
            "people": ["Farid Ahmadov", "Nobody Here"],
            # the text gives a full date, so any date read from it counts as invented
            "published": None,
            "dateline": "Ganja",
        },
    ),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """bench/extraction.py on the three reports, as a person runs it."""
    directory = tmp_path_factory.mktemp("reports")
    for stem, (text, fields) in REPORTS.items():
        (directory / f"{stem}.txt").write_text(text, encoding="utf-8")
        expected = {
            "agency": None,
            "language": "en",
            "published_partial": None,
            "organizations": [],
            "furniture": [],
            "pairs": [],
            **fields,
        }
        (directory / f"{stem}.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    (directory / "notes.txt").write_text("No expected file: left out.\n")
    results = directory / "results.json"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["TMPDIR"] = str(directory)
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    completed = subprocess.run(
        [python, SCRIPT, directory, "--json", results, "--verbose"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return completed, json.loads(results.read_text()) if results.exists() else None


def row(output, label):
    """The printed row of a measure, its cells split on runs of spaces."""
    line = next(line for line in output.splitlines() if line.startswith(label + "  "))
    return re.split(r"\s{2,}", line.strip())


def test_the_whole_script_prints_the_figures(run):
    completed, _ = run
    output = completed.stdout

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Reports: 3 in" in output
    assert "notes.txt: no notes.expected.json, left out" in completed.stderr
    assert row(output, "imported") == ["imported", "3 / 3", "100.0 %", "100 %", "met"]
    assert row(output, "outlet right") == ["outlet right", "2 / 3", "66.7 %", "≥ 90 %", "missed"]
    assert row(output, "language right") == ["language right", "3 / 3", "100.0 %"]
    assert row(output, "publication date right")[1:3] == ["2 / 3", "66.7 %"]
    assert row(output, "invented dates")[:3] == ["invented dates", "1", "0"]
    assert row(output, "people recall") == ["people recall", "5 / 6", "83.3 %", "≥ 85 %", "missed"]
    assert row(output, "furniture left")[:2] == ["furniture left", "1 / 1"]
    assert row(output, "pairs found") == ["pairs found", "1 / 1", "100.0 %", "≥ 80 %", "met"]
    assert "reports per second" in output


def test_the_whole_script_lists_the_misses(run):
    output = run[0].stdout

    assert "expected 'Nowhere Times', got 'Trend'" in output
    assert "missed 'Nobody Here'" in output
    assert "left 'He spoke with the staff about training.'" in output
    assert "every expected pair proposed, and nothing else" in output


def test_the_whole_script_writes_what_it_prints(run):
    completed, document = run
    measures = {(m["label"], m["key"]): m for m in document["measures"]}

    assert document["reports_measured"] == 3
    assert [report["stem"] for report in document["reports"]] == sorted(REPORTS)
    for measure in document["measures"]:
        if measure["unit"] == "share" and not measure["indent"]:
            assert f"{measure['count']} / {measure['of']}" in completed.stdout
    assert measures[("people recall", "people_recall")]["value"] == pytest.approx(5 / 6)
    assert document["pairs"]["found"] == 1
