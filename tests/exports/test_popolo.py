"""People and organizations as Popolo JSON: valid against the committed JSON Schema
(exports/schemas/popolo.json), with every person, organization and post the site shows,
and the published meetings only, with their attendees, organizer, date and place."""

import copy
import datetime as dt
import json

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from editorial.models import Status
from exports import popolo
from meetings.models import Coverage, Participant
from people.models import OrganizationName, PersonName
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
)

from .reading import json_of

pytestmark = pytest.mark.django_db

URL = "/en/open-data/popolo.json"
SCHEMA = json.loads(popolo.SCHEMA.read_text())


def validate(document):
    Draft202012Validator.check_schema(SCHEMA)
    Draft202012Validator(SCHEMA, format_checker=FormatChecker()).validate(document)


def references_hold(document):
    """Every id an object names is one of the document's objects."""
    people = {person["id"] for person in document["persons"]}
    organizations = {organization["id"] for organization in document["organizations"]}
    memberships = {membership["id"] for membership in document["memberships"]}
    events = {event["id"] for event in document["events"]}
    assert len(people) == len(document["persons"])
    assert len(organizations) == len(document["organizations"])
    for organization in document["organizations"]:
        assert organization["parent_id"] in organizations | {None}
    for membership in document["memberships"]:
        assert membership["person_id"] in people
        assert membership["organization_id"] in organizations
    for event in document["events"]:
        assert event["organization_id"] in organizations | {None}
        assert event["parent_id"] in events | {None}
        for attendee in event["attendees"]:
            assert attendee["id"] in people | {None}
            for held in attendee["memberships"]:
                assert held["id"] in memberships | {None}
                assert held["organization_id"] in organizations | {None}
                assert held["on_behalf_of_id"] in organizations | {None}


def test_the_seed_is_valid_popolo(client, seed):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/json"
    document = json_of(response)
    validate(document)
    references_hold(document)
    assert len(document["events"]) == 4
    assert all(event["attendees"] for event in document["events"])
    assert any(event["sources"] for event in document["events"])


def test_the_schema_refuses_what_popolo_does_not_allow(client, seed):
    document = json_of(client.get(URL))
    breakages = [
        lambda d: d["events"][0].pop("start_date"),
        lambda d: d["events"][0].update(start_date="25 September 2024"),
        lambda d: d["persons"][0].update(id="Not a slug"),
        lambda d: d["memberships"][0].update(person_id=None),
        lambda d: d["organizations"][0].update(classification="party"),
        lambda d: d["events"][0]["attendees"][0].update(role="Minister"),
        lambda d: d.pop("memberships"),
    ]
    for breakage in breakages:
        broken = copy.deepcopy(document)
        breakage(broken)
        with pytest.raises(ValidationError):
            validate(broken)


def test_people_organizations_and_posts_are_popolos(client, db):
    state = OrganizationFactory(name="Republic of Azerbaijan", slug="azerbaijan", kind="state")
    ministry = OrganizationFactory(
        name="Ministry of Foreign Affairs",
        slug="mfa",
        abbreviation="MFA",
        kind="ministry",
        parent=state,
    )
    OrganizationName.objects.create(organization=ministry, name="XİN", language="az")
    minister = PersonFactory(name="Jeyhun Bayramov", slug="jeyhun-bayramov", summary="Minister.")
    PersonName.objects.create(person=minister, name="Ceyhun Bayramov", language="az")
    PersonName.objects.create(person=minister, name="J. Bayramov", note="initials")
    post = PostFactory(
        person=minister,
        organization=ministry,
        title="Minister of Foreign Affairs",
        start_date=dt.date(2020, 7, 16),
    )

    document = json_of(client.get(URL))

    validate(document)
    assert document["persons"] == [
        {
            "id": "jeyhun-bayramov",
            "name": "Jeyhun Bayramov",
            "other_names": [
                {"name": "J. Bayramov", "lang": None, "note": "initials"},
                {"name": "Ceyhun Bayramov", "lang": "az", "note": None},
            ],
            "summary": "Minister.",
            "links": [{"url": "http://testserver/en/people/jeyhun-bayramov/", "note": "Newsroom"}],
        }
    ]
    assert document["organizations"] == [
        {
            "id": "mfa",
            "name": "Ministry of Foreign Affairs",
            "other_names": [
                {"name": "MFA", "lang": None, "note": "abbreviation"},
                {"name": "XİN", "lang": "az", "note": None},
            ],
            "classification": "ministry",
            "parent_id": "azerbaijan",
            "links": [{"url": "http://testserver/en/organizations/mfa/", "note": "Newsroom"}],
        },
        {
            "id": "azerbaijan",
            "name": "Republic of Azerbaijan",
            "other_names": [],
            "classification": "state",
            "parent_id": None,
            "links": [
                {"url": "http://testserver/en/organizations/azerbaijan/", "note": "Newsroom"}
            ],
        },
    ]
    assert document["memberships"] == [
        {
            "id": f"post-{post.pk}",
            "label": "Minister of Foreign Affairs",
            "role": "Minister of Foreign Affairs",
            "person_id": "jeyhun-bayramov",
            "organization_id": "mfa",
            "start_date": "2020-07-16",
            "end_date": None,
        }
    ]
    assert document["events"] == []


def test_a_meeting_is_an_event_with_its_attendees(client, db):
    state = OrganizationFactory(slug="azerbaijan", kind="state")
    ohchr = OrganizationFactory(slug="ohchr")
    commissioner = PersonFactory(name="Volker Türk", slug="volker-turk")
    post = PostFactory(
        person=commissioner,
        organization=ohchr,
        title="High Commissioner",
        start_date=dt.date(2022, 10, 17),
        end_date=dt.date(2026, 10, 16),
    )
    visit = MeetingFactory(slug="visit", date=dt.date(2024, 9, 20))
    meeting = MeetingFactory(
        title="Bayramov meets Türk",
        slug="meeting",
        kind="meeting",
        date=dt.date(2024, 9, 25),
        venue="UN headquarters",
        city="New York",
        country="US",
        organizer=ohchr,
        parent=visit,
        summary="They met.",
    )
    ParticipantFactory(
        meeting=meeting,
        person=commissioner,
        post=post,
        organization=ohchr,
        reported_name="Volker Turk",
        reported_title="UN rights chief",
        position=1,
    )
    Participant.objects.create(
        meeting=meeting, reported_name="A delegate", organization=state, position=2
    )
    Participant.objects.create(meeting=meeting, reported_name="An aide", position=3)
    report = ArticleFactory(slug="report", title="Türk meets Bayramov", language="fr")
    Coverage.objects.create(meeting=meeting, article=report)
    Coverage.objects.create(meeting=meeting, article=ArticleFactory(status=Status.DRAFT))

    document = json_of(client.get(URL))

    validate(document)
    references_hold(document)
    event = document["events"][0]
    assert event == {
        "id": "meeting",
        "name": "Bayramov meets Türk",
        "description": "They met.",
        "start_date": "2024-09-25",
        "location": "UN headquarters, New York, United States of America",
        "classification": "meeting",
        "organization_id": "ohchr",
        "parent_id": "visit",
        "attendees": [
            {
                "id": "volker-turk",
                "name": "Volker Türk",
                "memberships": [
                    {
                        "id": f"post-{post.pk}",
                        "label": "UN rights chief",
                        "role": "High Commissioner",
                        "person_id": "volker-turk",
                        "organization_id": "ohchr",
                        "on_behalf_of_id": "ohchr",
                        "start_date": "2022-10-17",
                        "end_date": "2026-10-16",
                    }
                ],
            },
            {
                "id": None,
                "name": "A delegate",
                "memberships": [
                    {
                        "id": None,
                        "label": None,
                        "role": None,
                        "person_id": None,
                        "organization_id": None,
                        "on_behalf_of_id": "azerbaijan",
                        "start_date": None,
                        "end_date": None,
                    }
                ],
            },
            {"id": None, "name": "An aide", "memberships": []},
        ],
        "sources": [
            {"url": "http://testserver/fr/articles/report/", "note": "Türk meets Bayramov"}
        ],
    }
    assert [event["id"] for event in document["events"]] == ["meeting", "visit"]


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.WITHDRAWN},
        {"status": Status.PUBLISHED, "published_at": "later"},
    ],
)
def test_only_published_meetings_are_events(client, db, hidden):
    if hidden.get("published_at"):
        hidden = {**hidden, "published_at": timezone.now() + dt.timedelta(days=1)}
    shown = MeetingFactory(slug="shown")
    secret = MeetingFactory(slug="secret", **hidden)
    shown.parent = secret
    shown.save()
    ParticipantFactory(meeting=secret, reported_name="Secret participant")

    document = json_of(client.get(URL))

    validate(document)
    assert [event["id"] for event in document["events"]] == ["shown"]
    assert document["events"][0]["parent_id"] is None
    assert "Secret participant" not in json.dumps(document)


def test_the_api_gives_the_same_document(client, seed):
    assert json_of(client.get("/api/v1/open-data/popolo.json")) == json_of(client.get(URL))
