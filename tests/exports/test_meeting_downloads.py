"""The meeting list's downloads: CSV and JSON, one row per meeting or per participant,
with the list's own filters and messages, published meetings only, streamed and never
older than the last edit; and the list's links to the download of what it shows."""

import datetime as dt
import html
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editorial.models import Status
from exports import columns
from meetings.models import Coverage, Meeting, Participant
from people.models import Person
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
    TopicFactory,
)

from .reading import csv_header, csv_rows, json_of, text

pytestmark = pytest.mark.django_db

CSV = "/en/open-data/meetings.csv"
JSON = "/en/open-data/meetings.json"
LIST = "/en/meetings/"


@pytest.fixture
def world(db):
    """Three published meetings: one with every field and kind of participant, part of a
    visit, and an older call; and the people, posts, topics and reports they name."""
    state = OrganizationFactory(name="Republic of Azerbaijan", slug="azerbaijan", kind="state")
    ohchr = OrganizationFactory(name="Office of the High Commissioner", slug="ohchr")
    minister = PersonFactory(name="Jeyhun Bayramov", slug="jeyhun-bayramov")
    commissioner = PersonFactory(name="Volker Türk", slug="volker-turk")
    discussed = PersonFactory(name="Dilgam Asgarov", slug="dilgam-asgarov")
    post = PostFactory(
        person=commissioner,
        organization=ohchr,
        title="High Commissioner",
        start_date=dt.date(2022, 10, 17),
    )
    rights = TopicFactory(name="Human rights", slug="human-rights")
    mines = TopicFactory(name="Mines", slug="mines")
    visit = MeetingFactory(
        title="Visit to Baku", slug="visit-2024", kind="visit", date=dt.date(2024, 9, 20)
    )
    meeting = MeetingFactory(
        title="Bayramov meets Türk",
        slug="meeting-2024",
        date=dt.date(2024, 9, 25),
        organizer=ohchr,
        parent=visit,
        venue="UN headquarters",
        city="New York",
        country="US",
        summary="First paragraph.\n\nSecond paragraph.",
    )
    meeting.topics.set([rights, mines])
    meeting.mentioned_people.set([discussed])
    ParticipantFactory(
        meeting=meeting,
        person=minister,
        reported_name="J. Bayramov",
        reported_title="Minister",
        organization=state,
        side="guest",
        position=1,
    )
    ParticipantFactory(
        meeting=meeting,
        person=commissioner,
        post=post,
        reported_name="Volker Turk",
        reported_title="UN High Commissioner",
        organization=ohchr,
        side="host",
        position=2,
    )
    Participant.objects.create(meeting=meeting, reported_name="An aide", position=3)
    report = ArticleFactory(slug="report-2024")
    Coverage.objects.create(meeting=meeting, article=report)
    Coverage.objects.create(meeting=meeting, article=ArticleFactory(status=Status.DRAFT))
    call = MeetingFactory(title="A call", slug="call-2017", kind="call", date=dt.date(2017, 11, 27))
    ParticipantFactory(meeting=call, person=minister, position=1)
    call.topics.set([rights])
    return meeting


def expected_meeting(meeting):
    meeting.refresh_from_db()
    return {
        "slug": "meeting-2024",
        "title": "Bayramov meets Türk",
        "date": "2024-09-25",
        "kind": "meeting",
        "venue": "UN headquarters",
        "city": "New York",
        "country": "US",
        "organizer": "ohchr",
        "organizer_name": "Office of the High Commissioner",
        "part_of": "visit-2024",
        "language": "en",
        "summary": "First paragraph.\n\nSecond paragraph.",
        "topics": ["Human rights", "Mines"],
        "participants": ["Jeyhun Bayramov", "Volker Türk", "An aide"],
        "mentioned_people": ["Dilgam Asgarov"],
        "reports": ["report-2024"],
        "url": "http://testserver/en/meetings/meeting-2024/",
        "updated_at": meeting.updated_at.isoformat().replace("+00:00", "Z"),
    }


EXPECTED_PARTICIPANTS = [
    {
        "position": 1,
        "person": "jeyhun-bayramov",
        "name": "Jeyhun Bayramov",
        "reported_name": "J. Bayramov",
        "reported_title": "Minister",
        "side": "guest",
        "post": None,
        "post_title": None,
        "post_organization": None,
        "post_organization_name": None,
        "post_start_date": None,
        "post_end_date": None,
        "representing": "azerbaijan",
        "representing_name": "Republic of Azerbaijan",
    },
    {
        "position": 2,
        "person": "volker-turk",
        "name": "Volker Türk",
        "reported_name": "Volker Turk",
        "reported_title": "UN High Commissioner",
        "side": "host",
        "post_title": "High Commissioner",
        "post_organization": "ohchr",
        "post_organization_name": "Office of the High Commissioner",
        "post_start_date": "2022-10-17",
        "post_end_date": None,
        "representing": "ohchr",
        "representing_name": "Office of the High Commissioner",
    },
    {
        "position": 3,
        "person": None,
        "name": "An aide",
        "reported_name": "An aide",
        "reported_title": "",
        "side": "other",
        "post": None,
        "post_title": None,
        "post_organization": None,
        "post_organization_name": None,
        "post_start_date": None,
        "post_end_date": None,
        "representing": None,
        "representing_name": None,
    },
]

MEETING_OF_PARTICIPANT = {
    "meeting": "meeting-2024",
    "meeting_title": "Bayramov meets Türk",
    "meeting_date": "2024-09-25",
    "meeting_kind": "meeting",
    "meeting_city": "New York",
    "meeting_country": "US",
}


def as_csv(row):
    """A JSON row as the CSV gives it: empty cells for null, lists joined."""
    cells = {}
    for name, value in row.items():
        if value is None:
            value = ""
        elif isinstance(value, list):
            value = columns.LIST_SEPARATOR.join(value)
        cells[name] = str(value)
    return cells


class TestOneRowPerMeeting:
    def test_json_gives_every_column_of_each_meeting_latest_first(self, client, world):
        rows = json_of(client.get(JSON))

        assert [row["slug"] for row in rows] == ["meeting-2024", "visit-2024", "call-2017"]
        assert rows[0] == expected_meeting(world)
        assert list(rows[0]) == [column.name for column in columns.MEETINGS.columns]

    def test_csv_gives_the_same_rows_as_text(self, client, world):
        body = text(client.get(CSV, {"rows": "meetings"}))

        assert csv_header(body) == [column.name for column in columns.MEETINGS.columns]
        rows = csv_rows(body)
        assert len(rows) == 3
        assert rows[0] == as_csv(expected_meeting(world))
        assert rows[1]["part_of"] == rows[1]["organizer"] == ""

    def test_without_rows_each_row_is_a_meeting(self, client, world):
        assert [row["slug"] for row in csv_rows(client.get(CSV))] == [
            "meeting-2024",
            "visit-2024",
            "call-2017",
        ]


class TestOneRowPerParticipant:
    def test_json_gives_each_participant_in_the_meetings_order(self, client, world):
        post = world.participants.get(position=2).post_id

        rows = json_of(client.get(JSON, {"rows": "participants"}))

        assert [(row["meeting"], row["position"]) for row in rows] == [
            ("meeting-2024", 1),
            ("meeting-2024", 2),
            ("meeting-2024", 3),
            ("call-2017", 1),
        ]
        assert rows[:3] == [
            {**MEETING_OF_PARTICIPANT, **expected, "post": expected.get("post", f"post-{post}")}
            for expected in EXPECTED_PARTICIPANTS
        ]
        assert list(rows[0]) == [column.name for column in columns.PARTICIPANTS.columns]

    def test_csv_gives_the_same_rows_as_text(self, client, world):
        json_rows = json_of(client.get(JSON, {"rows": "participants"}))

        rows = csv_rows(client.get(CSV, {"rows": "participants"}))

        assert rows == [as_csv(row) for row in json_rows]


class TestAnswers:
    def test_csv_is_an_attachment_streamed_in_utf_8(self, client, world):
        for rows, filename in [("meetings", "meetings.csv"), ("participants", "participants.csv")]:
            response = client.get(CSV, {"rows": rows})
            assert response.status_code == 200
            assert response.streaming
            assert response["Content-Type"] == "text/csv; charset=utf-8"
            assert response["Content-Disposition"] == f'attachment; filename="{filename}"'

    def test_json_is_streamed(self, client, world):
        response = client.get(JSON)
        assert response.streaming
        assert response["Content-Type"] == "application/json"

    def test_an_edit_shows_at_once(self, client, world):
        assert json_of(client.get(JSON))[0]["title"] == "Bayramov meets Türk"
        world.title = "Renamed"
        world.save()
        minister = Person.objects.get(slug="jeyhun-bayramov")
        minister.name = "Ceyhun Bayramov"
        minister.save()

        assert json_of(client.get(JSON))[0]["title"] == "Renamed"
        assert csv_rows(client.get(CSV, {"rows": "participants"}))[0]["name"] == "Ceyhun Bayramov"

    def test_no_meetings_gives_the_header_or_an_empty_list(self, client, db):
        assert text(client.get(CSV)).splitlines() == [
            ",".join(column.name for column in columns.MEETINGS.columns)
        ]
        assert json_of(client.get(JSON, {"rows": "participants"})) == []

    def test_french_addresses_give_the_same_rows(self, client, world):
        english = json_of(client.get(JSON))
        assert json_of(client.get(JSON.replace("/en/", "/fr/"))) == english


def listed(response):
    return [meeting.slug for meeting in response.context["meeting_list"]]


class TestFilters:
    @pytest.mark.parametrize(
        "query",
        [
            {"kind": "visit"},
            {"kind": "call"},
            {"topic": "human-rights"},
            {"topic": "mines"},
            {"date_after": "2024-09-21"},
            {"date_before": "2024-09-20"},
            {"date_after": "2017-01-01", "date_before": "2017-12-31"},
            {"person": "jeyhun-bayramov"},
            {"person": "dilgam-asgarov"},
            {"organization": "ohchr"},
            {"organization": "azerbaijan"},
            {"topic": "human-rights", "person": "jeyhun-bayramov", "date_after": "2020-01-01"},
            {"kind": ""},
        ],
    )
    def test_each_download_holds_what_the_list_shows(self, client, world, query):
        page = client.get(LIST, query)
        assert page.status_code == 200
        shown = listed(page)
        assert 0 < len(shown) <= 3

        assert [row["slug"] for row in json_of(client.get(JSON, query))] == shown
        assert [row["slug"] for row in csv_rows(client.get(CSV, query))] == shown
        for_participants = json_of(client.get(JSON, {**query, "rows": "participants"}))
        assert list(dict.fromkeys(row["meeting"] for row in for_participants)) == [
            slug for slug in shown if slug != "visit-2024"
        ]

    def test_the_filters_narrow_the_list(self, client, world):
        assert listed(client.get(LIST, {"kind": "visit"})) == ["visit-2024"]
        assert listed(client.get(LIST, {"person": "dilgam-asgarov"})) == ["meeting-2024"]
        assert listed(client.get(LIST, {"organization": "azerbaijan"})) == ["meeting-2024"]
        assert listed(client.get(LIST, {"date_before": "2024-09-20"})) == [
            "visit-2024",
            "call-2017",
        ]

    @pytest.mark.parametrize(
        ("query", "name", "message"),
        [
            ({"kind": "party"}, "kind", "Select a valid choice. party is not one of"),
            ({"topic": "no-such-topic"}, "topic", "Select a valid choice."),
            ({"person": "nobody"}, "person", "Select a valid choice."),
            ({"organization": "nowhere"}, "organization", "Select a valid choice."),
            ({"date_after": "2017-13-45"}, "date", "Enter a valid date."),
            ({"date_before": "yesterday"}, "date", "Enter a valid date."),
        ],
    )
    def test_a_wrong_filter_is_refused_with_the_lists_message(
        self, client, world, query, name, message
    ):
        page = client.get(LIST, query)
        assert page.status_code == 400
        for address in (CSV, JSON):
            response = client.get(address, query)
            assert response.status_code == 400
            assert response["Content-Type"] == "application/json"
            (shown,) = response.json()[name]
            assert shown.startswith(message)
            assert html.escape(shown) in page.content.decode()

    def test_a_wrong_shape_is_refused(self, client, world):
        response = client.get(CSV, {"rows": "both", "kind": "party"})
        assert response.status_code == 400
        assert set(response.json()) == {"rows", "kind"}
        assert response.json()["rows"] == [
            "Select a valid choice. both is not one of the available choices."
        ]

    def test_messages_follow_the_interface_language(self, client, world):
        response = client.get(JSON.replace("/en/", "/fr/"), {"kind": "party"})
        assert response.status_code == 400
        assert response.json()["kind"][0].startswith("Sélectionnez un choix valide")


def later():
    return timezone.now() + dt.timedelta(days=1)


HIDDEN = {
    "draft": {"status": Status.DRAFT},
    "in review": {"status": Status.REVIEW},
    "withdrawn": {"status": Status.WITHDRAWN},
    "scheduled": {"status": Status.PUBLISHED, "published_at": later},
}


@pytest.mark.parametrize("state", HIDDEN)
def test_only_published_meetings_and_reports(client, world, state):
    fields = {key: value() if callable(value) else value for key, value in HIDDEN[state].items()}
    secret = MeetingFactory(title="SECRET meeting", slug="secret-meeting", **fields)
    ParticipantFactory(meeting=secret, reported_name="SECRET participant")
    world.parent.status = fields["status"]
    world.parent.published_at = fields.get("published_at")
    world.parent.save()
    Coverage.objects.create(meeting=world, article=ArticleFactory(slug="secret-report", **fields))

    for query in ({}, {"rows": "participants"}, {"kind": "meeting"}, {"person": secret_person()}):
        for address in (CSV, JSON):
            body = text(client.get(address, query))
            assert "SECRET" not in body
            assert "secret-" not in body
            assert "visit-2024" not in body
    assert json_of(client.get(JSON))[0]["reports"] == ["report-2024"]


def secret_person():
    return Participant.objects.get(reported_name="SECRET participant").person.slug


class TestListLinks:
    def links(self, response):
        page = response.content.decode()
        return [
            html.unescape(link)
            for link in re.findall(r'href="(/en/open-data/meetings[^"]+)"', page)
        ]

    def test_the_list_links_the_downloads_of_all_meetings(self, client, world):
        assert self.links(client.get(LIST)) == [
            f"{CSV}?rows=meetings",
            f"{JSON}?rows=meetings",
            f"{CSV}?rows=participants",
            f"{JSON}?rows=participants",
        ]
        assert 'href="/en/open-data/"' in client.get(LIST).content.decode()

    def test_a_filtered_list_links_the_download_of_what_it_shows(self, client, world):
        response = client.get(LIST, {"kind": "meeting", "person": "volker-turk"})
        links = self.links(response)
        assert len(links) == 4
        for link in links:
            assert "kind=meeting&person=volker-turk" in link
            rows = json_of(client.get(link.replace(".csv", ".json")))
            slugs = dict.fromkeys(row.get("slug", row.get("meeting")) for row in rows)
            assert list(slugs) == listed(response)

    def test_a_later_page_links_the_whole_filtered_list(self, client, world, monkeypatch):
        monkeypatch.setattr("meetings.views.MeetingCursor.page_size", 1)
        first = client.get(LIST, {"topic": "human-rights"})
        second = client.get(html.unescape(first.context["older_url"]))
        links = self.links(second)
        assert links
        assert all("cursor" not in link for link in links)

    def test_a_year_links_the_download_of_its_meetings(self, client, world):
        response = client.get("/en/meetings/2017/")
        links = self.links(response)
        assert f"{CSV}?rows=meetings&date_after=2017-01-01&date_before=2017-12-31" in links
        for link in links:
            rows = json_of(client.get(link.replace(".csv", ".json")))
            assert {row.get("slug", row.get("meeting")) for row in rows} == {"call-2017"}

    def test_a_refused_list_links_no_download(self, client, world):
        response = client.get(LIST, {"kind": "party"})
        assert response.status_code == 400
        assert self.links(response) == []
        assert "Correct the filters to see meetings." in response.content.decode()


NAMES = ["rows", "kind", "topic", "date_after", "date_before", "person", "organization", "x"]


@settings(
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.dictionaries(st.sampled_from(NAMES), st.text(max_size=12), max_size=4))
@example(query={"date_after": "9999-12-31", "date_before": "0001-01-01"})
@example(query={"rows": "participants", "topic": "mines", "person": "volker-turk"})
def test_any_query_gives_rows_or_a_message_naming_each_wrong_parameter(client, world, query):
    for address in (CSV, JSON):
        response = client.get(address, query)
        assert response.status_code in {200, 400}
        if response.status_code == 400:
            errors = response.json()
            assert errors
            assert set(errors) <= {*NAMES, "date"} - {"x"}
            assert all(messages and all(messages) for messages in errors.values())
        else:
            text(response)


def add_meetings(count):
    """`count` published meetings, each with a topic and two participants, one in a post
    (people read a chunk at a time too: the few here are one chunk)."""
    topic = TopicFactory()
    post = PostFactory()
    other = PersonFactory()
    for index in range(count):
        meeting = MeetingFactory(date=dt.date(2020, 1, 1) + dt.timedelta(days=index))
        meeting.topics.set([topic])
        ParticipantFactory(meeting=meeting, person=post.person, post=post, position=1)
        ParticipantFactory(meeting=meeting, person=other, position=2)


@pytest.mark.parametrize(
    "address",
    [
        f"{CSV}?rows=participants",
        JSON,
        "/en/open-data/popolo.json",
        "/api/v1/open-data/popolo.json",
    ],
)
def test_the_queries_do_not_grow_with_the_meetings(client, db, address):
    """Reading 5 or 200 meetings costs the same queries: rows come a chunk at a time."""
    counts = []
    for count in (5, 195):
        add_meetings(count)
        cache.clear()  # the content version is read from the database each time
        with CaptureQueriesContext(connection) as queries:
            body = text(client.get(address))
        counts.append(len(queries))
    assert counts[0] == counts[1]
    newest = Meeting.objects.published().newest_first().first()
    assert Meeting.objects.published().count() == 200
    assert newest.slug in body
