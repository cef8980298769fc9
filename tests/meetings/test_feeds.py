"""The meetings feeds (RSS and Atom): published meetings only, latest first, escaped, in
few queries, linking the pages of the interface's language."""

import datetime as dt
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.articles.test_feeds import (
    HIDDEN,
    HOSTILE,
    Parsed,
    absolute,
    fetch,
    hidden_status,
    hours_ago,
)
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_interface():
    """A request leaves its interface language active: start in English, end reset."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(params=[False, True], ids=["rss", "atom"])
def atom(request):
    return request.param


@pytest.fixture
def meetings_url(atom):
    return reverse("feed-meetings-atom" if atom else "feed-meetings")


def test_meetings_feed_lists_published_meetings_latest_first(client, atom, meetings_url):
    older = MeetingFactory(date=dt.date(2024, 3, 1), published_at=hours_ago(2))
    newer = MeetingFactory(
        date=dt.date(2024, 9, 25),
        summary="First paragraph.\n\nSecond paragraph.\n\nThird paragraph.",
    )

    feed = fetch(client, meetings_url, atom)

    expected = [absolute(f"/en/meetings/{meeting.slug}/") for meeting in (newer, older)]
    assert feed.title == "Newsroom: latest meetings"
    assert feed.link == absolute("/en/meetings/")
    assert feed.language is None
    assert feed.links() == expected
    assert feed.ids() == expected
    assert feed.descriptions()[0] == "First paragraph. Second paragraph."
    assert feed.pubdates() == [
        dt.datetime(2024, 9, 25, tzinfo=dt.UTC),
        older.published_at.replace(microsecond=0),
    ]


@pytest.mark.parametrize("hidden", HIDDEN)
def test_meetings_feed_leaves_out_unpublished_meetings(client, atom, meetings_url, hidden):
    published = MeetingFactory(date=dt.date(2024, 1, 1))
    MeetingFactory(date=dt.date(2024, 6, 1), **hidden_status(hidden))

    feed = fetch(client, meetings_url, atom)

    assert feed.links() == [absolute(f"/en/meetings/{published.slug}/")]


def test_meetings_feed_holds_the_latest_thirty_in_constant_queries(
    client, atom, meetings_url, django_assert_max_num_queries
):
    start = dt.date(2024, 1, 1)
    oldest = MeetingFactory(date=start)
    for days in range(1, 3):
        MeetingFactory(date=start + dt.timedelta(days=days))
    with CaptureQueriesContext(connection) as few:
        assert len(fetch(client, meetings_url, atom).items) == 3
    for days in range(3, 31):
        MeetingFactory(date=start + dt.timedelta(days=days))

    with django_assert_max_num_queries(len(few)):
        feed = fetch(client, meetings_url, atom)

    assert len(feed.items) == 30
    assert absolute(f"/en/meetings/{oldest.slug}/") not in feed.links()


def test_meetings_feed_escapes_hostile_titles(client, atom, meetings_url):
    MeetingFactory(title=HOSTILE)

    response = client.get(meetings_url)
    feed = Parsed(response, atom)

    assert feed.titles() == [HOSTILE if atom else escape(HOSTILE)]
    assert feed.root.find(".//script") is None
    assert b"<script>" not in response.content


def test_french_interface_links_the_french_meeting_pages(client, atom):
    meeting = MeetingFactory()
    with translation.override("fr"):
        url = reverse("feed-meetings-atom" if atom else "feed-meetings")

    feed = fetch(client, url, atom)

    assert feed.link == absolute("/fr/meetings/")
    assert feed.links() == [absolute(f"/fr/meetings/{meeting.slug}/")]
