"""The meeting list's filters: kind, topic, days, person and organization narrow the
timeline; the chosen person or organization shows with a link to remove it; a wrong
value gets a message naming the filter (400)."""

import datetime as dt
import re

import pytest

from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/en/meetings/"


@pytest.fixture
def meetings(db):
    person = PersonFactory(name="Volker Türk", slug="volker-turk")
    ohchr = OrganizationFactory(name="OHCHR", slug="ohchr")
    topic = TopicFactory(name="Mines", slug="mines")
    address = MeetingFactory(
        title="An address", slug="address", kind="address", date=dt.date(2023, 9, 13)
    )
    visit = MeetingFactory(
        title="A visit", slug="visit", kind="visit", date=dt.date(2024, 5, 2), organizer=ohchr
    )
    visit.topics.set([topic])
    ParticipantFactory(meeting=address, person=person)
    return address, visit


def shown(response):
    return [meeting.slug for meeting in response.context["meeting_list"]]


def test_each_filter_narrows_the_timeline(client, meetings):
    assert shown(client.get(LIST)) == ["visit", "address"]
    assert shown(client.get(LIST, {"kind": "address"})) == ["address"]
    assert shown(client.get(LIST, {"topic": "mines"})) == ["visit"]
    assert shown(client.get(LIST, {"date_after": "2024-01-01"})) == ["visit"]
    assert shown(client.get(LIST, {"date_before": "2023-12-31"})) == ["address"]
    assert shown(client.get(LIST, {"person": "volker-turk"})) == ["address"]
    assert shown(client.get(LIST, {"organization": "ohchr"})) == ["visit"]
    assert shown(client.get(LIST, {"kind": "visit", "person": "volker-turk"})) == []


def test_the_form_offers_the_kinds_and_topics(client, meetings):
    page = client.get(LIST).content.decode()
    form = re.search(r'<form class="filters".*?</form>', page, re.S).group(0)
    assert '<option value="visit">Visit</option>' in form
    assert '<option value="mines">Mines</option>' in form
    assert 'name="date_after"' in form
    assert 'name="date_before"' in form
    assert "Clear" not in form


def test_a_chosen_person_shows_with_a_link_to_remove_it(client, meetings):
    page = client.get(LIST, {"person": "volker-turk", "kind": "address"}).content.decode()
    assert '<a href="/en/people/volker-turk/"><strong>Volker Türk</strong></a>' in page
    assert '<a class="remove-filter" href="?kind=address">' in page
    assert "Remove the filter Volker Türk" in page
    assert "No meeting matches these filters." not in page


def test_nothing_found_says_so(client, meetings):
    page = client.get(LIST, {"kind": "call"}).content.decode()
    assert "No meeting matches these filters." in page
    assert '<a href="/en/meetings/">Clear</a>' in page


def test_a_wrong_value_gets_a_message_naming_the_filter(client, meetings):
    response = client.get(LIST, {"kind": "party", "date_after": "someday"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Some filters could not be applied:" in page
    assert "<li>Kind: Select a valid choice. party is not one of the available choices.</li>" in (
        page
    )
    assert "<li>Held between: Enter a valid date.</li>" in page
    assert "Correct the filters to see meetings." in page


def test_the_filters_speak_french(client, meetings):
    response = client.get("/fr/meetings/", {"kind": "party"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tenue entre" in page
    assert "Tous les types" in page
    assert "Corrigez les filtres pour voir les réunions." in page


def test_a_year_has_no_filters(client, meetings):
    page = client.get("/en/meetings/2024/").content.decode()
    assert '<form class="filters"' not in page
    assert "A visit" in page
