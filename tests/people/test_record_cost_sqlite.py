"""On SQLite, a person's page costs what their own meetings cost, whatever the number
of other meetings in the archive: their meetings are found by id from their own rows
(`MeetingQuerySet.with_person`). Work is counted in SQLite's virtual-machine steps,
which do not depend on the machine's speed."""

import pytest
from django.db import connection

from core import statistics
from meetings.models import Meeting, Participant
from tests.factories import MeetingFactory, OrganizationFactory, ParticipantFactory, PersonFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner"),
]


def steps(client, url):
    """How many hundred steps of SQLite's virtual machine the page's queries took."""
    counted = []
    connection.ensure_connection()
    connection.connection.set_progress_handler(lambda: counted.append(1) and 0, 100)
    try:
        assert client.get(url).status_code == 200
    finally:
        connection.connection.set_progress_handler(None, 0)
    return len(counted)


def test_a_persons_page_costs_the_same_whatever_the_other_meetings(client, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.NEWSROOM_FRAGMENT_SECONDS = 0
    person = PersonFactory()
    for meeting in MeetingFactory.create_batch(3):
        ParticipantFactory(meeting=meeting, person=person, organization=OrganizationFactory())
    pages = [person.get_absolute_url()]
    statistics.gather()
    alone = [steps(client, url) for url in pages]

    others = Meeting.objects.bulk_create(
        MeetingFactory.build(slug=f"other-{number}") for number in range(3000)
    )
    someone, elsewhere = PersonFactory(), OrganizationFactory()
    Participant.objects.bulk_create(
        Participant(meeting=meeting, person=someone, organization=elsewhere, position=0)
        for meeting in others
    )
    statistics.gather()
    crowded = [steps(client, url) for url in pages]

    for before, after in zip(alone, crowded, strict=True):
        assert after <= before * 2 + 10, (alone, crowded)
