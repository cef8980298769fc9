"""The feeds of one person or organization (RSS and Atom): their published meetings,
the latest first, and the reports naming an organization; unknown ones are 404."""

import datetime as dt
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from editorial.models import Status
from tests.articles.test_feeds import HIDDEN, absolute, canonical, fetch, hidden_status, hours_ago
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_interface():
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(params=[False, True], ids=["rss", "atom"])
def atom(request):
    return request.param


def url(name, atom, slug):
    return reverse(name + ("-atom" if atom else ""), kwargs={"slug": slug})


def meeting_links(*meetings):
    return [absolute(meeting.get_absolute_url()) for meeting in meetings]


def test_a_persons_meetings_feed_holds_their_published_meetings_latest_first(client, atom):
    person = PersonFactory(name="Sabina Aliyeva", slug="aliyeva")
    older = MeetingFactory(title="Met in March", date=dt.date(2024, 3, 1))
    ParticipantFactory(meeting=older, person=person)
    discussed = MeetingFactory(title="Discussed in June", date=dt.date(2024, 6, 1))
    discussed.mentioned_people.add(person)
    newer = MeetingFactory(title="Met in September", date=dt.date(2024, 9, 1))
    ParticipantFactory(meeting=newer, person=person)
    newer.mentioned_people.add(person)  # listed once all the same
    ParticipantFactory(meeting=MeetingFactory(title="Someone else's"))

    feed = fetch(client, url("feed-person-meetings", atom, "aliyeva"), atom)

    assert feed.title == "Newsroom: meetings of Sabina Aliyeva"
    assert feed.link == absolute("/en/people/aliyeva/")
    assert feed.links() == meeting_links(newer, discussed, older)
    assert feed.titles() == ["Met in September", "Discussed in June", "Met in March"]
    assert unescape(feed.descriptions()[0]) == (
        "The desk's account of the meeting. A second paragraph."
    )


def test_an_organizations_meetings_feed_holds_every_way_it_took_part(client, atom):
    organization = OrganizationFactory(name="Ombudsman of Azerbaijan", slug="ombudsman")
    organized = MeetingFactory(date=dt.date(2024, 1, 1), organizer=organization)
    represented = MeetingFactory(date=dt.date(2024, 2, 1))
    ParticipantFactory(meeting=represented, organization=organization)
    through_a_post = MeetingFactory(date=dt.date(2024, 3, 1))
    ParticipantFactory(meeting=through_a_post, post=PostFactory(organization=organization))
    MeetingFactory(date=dt.date(2024, 4, 1))

    feed = fetch(client, url("feed-organization-meetings", atom, "ombudsman"), atom)

    assert feed.title == "Newsroom: meetings of Ombudsman of Azerbaijan"
    assert feed.link == absolute("/en/organizations/ombudsman/")
    assert feed.links() == meeting_links(through_a_post, represented, organized)


def test_an_organizations_reports_feed_holds_the_reports_naming_it(client, atom):
    organization = OrganizationFactory(name="Ombudsman of Azerbaijan", slug="ombudsman")
    newer = ArticleFactory(published_at=hours_ago(1), language="ru")
    older = ArticleFactory(published_at=hours_ago(5))
    for article in (newer, older):
        article.organizations.add(organization)
    ArticleFactory(published_at=hours_ago(2))

    feed = fetch(client, url("feed-organization", atom, "ombudsman"), atom)

    assert feed.title == "Newsroom: reports naming Ombudsman of Azerbaijan"
    assert feed.link == absolute("/en/organizations/ombudsman/")
    assert feed.links() == canonical([newer, older])


@pytest.mark.parametrize("hidden", HIDDEN)
def test_the_feeds_leave_out_what_readers_may_not_see(client, atom, hidden):
    person = PersonFactory(slug="aliyeva")
    organization = OrganizationFactory(slug="ombudsman")
    post = PostFactory(person=person, organization=organization)
    shown = MeetingFactory(date=dt.date(2024, 1, 1))
    ParticipantFactory(meeting=shown, person=person, post=post)
    unseen = MeetingFactory(date=dt.date(2024, 6, 1), **hidden_status(hidden))
    ParticipantFactory(meeting=unseen, person=person, post=post)
    report = ArticleFactory()
    draft = ArticleFactory(**hidden_status(hidden))
    for article in (report, draft):
        article.organizations.add(organization)

    for name, slug, expected in (
        ("feed-person-meetings", "aliyeva", meeting_links(shown)),
        ("feed-organization-meetings", "ombudsman", meeting_links(shown)),
        ("feed-organization", "ombudsman", canonical([report])),
    ):
        assert fetch(client, url(name, atom, slug), atom).links() == expected, name


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("feed-person-meetings", "no-such-person"),
        ("feed-organization-meetings", "no-such-organization"),
        ("feed-organization", "no-such-organization"),
    ],
)
def test_an_unknown_person_or_organization_has_no_feed(client, atom, name, slug):
    assert client.get(url(name, atom, slug)).status_code == 404


def test_the_feeds_speak_french_under_fr(client, atom):
    organization = OrganizationFactory(name="Ombudsman", slug="ombudsman")
    MeetingFactory(organizer=organization, status=Status.PUBLISHED)
    with translation.override("fr"):
        address = url("feed-organization-meetings", atom, "ombudsman")

    feed = fetch(client, address, atom)

    assert feed.title == "Newsroom\u00a0: réunions de Ombudsman"
    assert feed.link == absolute("/fr/organizations/ombudsman/")
