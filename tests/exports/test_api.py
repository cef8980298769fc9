"""The open data in the JSON API (/api/v1/open-data/): the meeting list's downloads with
its filters, read as the API reads parameters, the Popolo JSON and the latest archive,
each answer as the OpenAPI document describes it."""

import datetime as dt

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from editorial.models import Status
from exports import archive, columns
from meetings.filters import MeetingFilter
from meetings.models import Meeting
from tests.factories import MeetingFactory, ParticipantFactory, PersonFactory, TopicFactory

from .reading import csv_rows, json_of, text

pytestmark = pytest.mark.django_db

API = "/api/v1/open-data"
PATHS = {
    f"{API}/meetings.csv": "text/csv",
    f"{API}/meetings.json": "application/json",
    f"{API}/popolo.json": "application/json",
    f"{API}/archive/": "application/json",
}


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def meetings(db):
    person = PersonFactory(slug="volker-turk")
    topic = TopicFactory(slug="mines")
    visit = MeetingFactory(slug="visit", kind="visit", date=dt.date(2024, 9, 20))
    meeting = MeetingFactory(slug="meeting", date=dt.date(2024, 9, 25), parent=visit)
    meeting.topics.set([topic])
    ParticipantFactory(meeting=meeting, person=person, position=1)
    ParticipantFactory(meeting=meeting, reported_name="Someone", position=2)
    MeetingFactory(slug="draft", status=Status.DRAFT)
    return meeting


def json_schema(node):
    """An OpenAPI 3.0 schema as JSON Schema: `nullable` becomes a null type."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        node = (
            {**node, "type": [node["type"], "null"]}
            if "type" in node
            else {"anyOf": [node, {"type": "null"}]}
        )
    return node


def check(document, path, response, status=200):
    """The answer has the status, content type and body the document gives."""
    assert response.status_code == status
    content = document["paths"][path]["get"]["responses"][str(status)]["content"]
    (media_type,) = content
    assert response["Content-Type"].split(";")[0] == media_type
    if media_type == "application/json":
        schema = json_schema(content[media_type]["schema"])
        schema["components"] = json_schema(document["components"])
        Draft202012Validator.check_schema(schema)
        Draft202012Validator(schema, format_checker=FormatChecker()).validate(json_of(response))


class TestDocument:
    def test_each_address_is_documented_with_its_answers(self, document):
        for path, media_type in PATHS.items():
            operation = document["paths"][path]["get"]
            assert media_type in operation["responses"]["200"]["content"]
            assert operation["summary"]
        for path in (f"{API}/meetings.csv", f"{API}/meetings.json"):
            assert (
                "application/json" in document["paths"][path]["get"]["responses"]["400"]["content"]
            )
        assert "404" in document["paths"][f"{API}/archive/"]["get"]["responses"]

    def test_every_filter_of_the_meeting_list_is_a_documented_parameter(self, document):
        filters = set()
        for name, meeting_filter in MeetingFilter.base_filters.items():
            suffixes = getattr(meeting_filter.field.widget, "suffixes", None) or [""]
            filters |= {"_".join(part for part in (name, suffix) if part) for suffix in suffixes}
        for path in (f"{API}/meetings.csv", f"{API}/meetings.json"):
            parameters = {
                parameter["name"]: parameter
                for parameter in document["paths"][path]["get"]["parameters"]
            }
            assert set(parameters) == filters | {"rows"}
            assert parameters["kind"]["schema"]["enum"] == sorted(Meeting.Kind.values)
            assert parameters["rows"]["schema"]["enum"] == ["meetings", "participants"]
            assert parameters["date_after"]["schema"]["format"] == "date"
            for name in ("topic", "person", "organization"):
                assert parameters[name]["schema"]["pattern"] == "^[-a-zA-Z0-9_]+$"
            assert all(parameter["description"] for parameter in parameters.values())

    def test_the_json_rows_are_the_downloads_columns(self, document):
        content = document["paths"][f"{API}/meetings.json"]["get"]["responses"]["200"]["content"]
        shapes = content["application/json"]["schema"]["items"]["oneOf"]
        assert [list(shape["properties"]) for shape in shapes] == [
            [column.name for column in table.columns] for table in columns.MEETING_ROWS.values()
        ]


class TestAnswers:
    def test_every_answer_matches_the_document(self, client, document, meetings, open_data_dir):
        for rows in ("meetings", "participants"):
            path = f"{API}/meetings.json"
            check(document, path, client.get(path, {"rows": rows}))
            check(document, f"{API}/meetings.csv", client.get(f"{API}/meetings.csv"))
        check(document, f"{API}/popolo.json", client.get(f"{API}/popolo.json"))
        check(document, f"{API}/archive/", client.get(f"{API}/archive/"), status=404)
        for path in (f"{API}/meetings.csv", f"{API}/meetings.json"):
            check(document, path, client.get(path, {"kind": "party", "rows": ""}), status=400)
        archive.build("http://testserver", keep=1)
        check(document, f"{API}/archive/", client.get(f"{API}/archive/"))

    def test_the_api_gives_the_sites_rows(self, client, meetings):
        for query in ({}, {"rows": "participants"}, {"topic": "mines"}, {"kind": "visit"}):
            site = json_of(client.get("/en/open-data/meetings.json", query))
            assert json_of(client.get(f"{API}/meetings.json", query)) == site
            assert text(client.get(f"{API}/meetings.csv", query)) == text(
                client.get("/en/open-data/meetings.csv", query)
            )
        assert [row["slug"] for row in json_of(client.get(f"{API}/meetings.json"))] == [
            "meeting",
            "visit",
        ]

    def test_a_parameter_given_empty_is_refused(self, client, meetings):
        response = client.get(f"{API}/meetings.json", {"kind": "", "person": "", "rows": ""})
        assert response.status_code == 400
        assert response.json() == {
            name: ["Give this parameter a value, or leave it out."]
            for name in ("rows", "kind", "person")
        }

    def test_days_are_year_month_day(self, client, meetings):
        response = client.get(f"{API}/meetings.csv", {"date_after": "09/25/2024"})
        assert response.status_code == 400
        assert response.json() == {"date_after": ["Enter a valid date."]}
        rows = csv_rows(client.get(f"{API}/meetings.csv", {"date_after": "2024-09-25"}))
        assert [row["slug"] for row in rows] == ["meeting"]

    def test_a_slug_that_names_nothing_finds_no_meeting(self, client, meetings):
        for name in ("topic", "person", "organization"):
            assert json_of(client.get(f"{API}/meetings.json", {name: "nobody"})) == []
            response = client.get(f"{API}/meetings.json", {name: "no body"})
            assert response.status_code == 400
            assert list(response.json()) == [name]
        both = client.get(f"{API}/meetings.json", {"person": "nobody", "kind": "party"})
        assert both.status_code == 400
        assert list(both.json()) == ["kind"]

    def test_a_wrong_value_is_refused_under_its_name(self, client, meetings):
        response = client.get(f"{API}/meetings.csv", {"kind": "party", "rows": "both"})
        assert response.status_code == 400
        assert response.json() == {
            "rows": ["Select a valid choice. both is not one of the available choices."],
            "kind": ["Select a valid choice. party is not one of the available choices."],
        }

    def test_the_format_is_the_addresss_whatever_the_client_accepts(self, client, meetings):
        response = client.get(f"{API}/meetings.csv", HTTP_ACCEPT="application/xml")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="meetings.csv"'
        response = client.get(f"{API}/meetings.json", HTTP_ACCEPT="text/csv")
        assert response["Content-Type"] == "application/json"

    @pytest.mark.parametrize("path", PATHS)
    def test_only_get_is_answered(self, client, db, path):
        response = client.post(path)
        assert response.status_code == 405
        assert "GET" in response["Allow"]
