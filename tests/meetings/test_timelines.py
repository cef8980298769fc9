"""Meetings through time: the timeline by year, and the meetings of a person or organization."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from meetings.models import Meeting
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def year_sections(response):
    """[(year heading, [meeting titles in order])] as the page shows them."""
    page = html(response)
    sections = re.findall(
        r'<section class="timeline-year"[^>]*>\s*<h2[^>]*>(\d{4})</h2>(.*?)</section>', page, re.S
    )
    return [
        (int(year), re.findall(r'class="meeting-row-title"[^>]*>([^<]+)</a>', body))
        for year, body in sections
    ]


def year_links(response):
    """The year navigation: [(year, href or None for the current one)]."""
    page = html(response)
    nav = re.search(r'<nav class="timeline-years".*?</nav>', page, re.S)
    assert nav, "no year navigation"
    items = []
    for item in re.findall(r"<li>(.*?)</li>", nav.group(0), re.S):
        link = re.search(r'<a href="([^"]+)">(\d{4})</a>', item)
        current = re.search(r'<span aria-current="page">(\d{4})</span>', item)
        if link:
            items.append((int(link.group(2)), link.group(1)))
        elif current:
            items.append((int(current.group(1)), None))
    return items


def meetings_section(response):
    """Titles of the meetings in a profile's "Meetings" section, in order."""
    page = html(response)
    section = re.search(r'<h2 id="meetings-heading">.*?</section>', page, re.S)
    assert section, "no meetings section"
    return re.findall(r'class="meeting-row-title"[^>]*>([^<]+)</a>', section.group(0))


@pytest.fixture
def timeline(db):
    """Published meetings over four years, and hidden ones around them."""
    meetings = {
        "2017": MeetingFactory(title="Talks 2017", slug="talks-2017", date=dt.date(2017, 11, 27)),
        "2019a": MeetingFactory(title="Talks March 2019", date=dt.date(2019, 3, 1)),
        "2019b": MeetingFactory(title="Talks October 2019", date=dt.date(2019, 10, 9)),
        "2019c": MeetingFactory(title="Talks June 2019", date=dt.date(2019, 6, 15)),
        "2023": MeetingFactory(title="Talks 2023", date=dt.date(2023, 9, 21)),
    }
    MeetingFactory(title="Draft 2019", date=dt.date(2019, 12, 1), status=Meeting.Status.DRAFT)
    MeetingFactory(
        title="Withdrawn 2019", date=dt.date(2019, 12, 2), status=Meeting.Status.WITHDRAWN
    )
    MeetingFactory(
        title="Scheduled 2019",
        date=dt.date(2019, 12, 3),
        published_at=timezone.now() + dt.timedelta(days=1),
    )
    MeetingFactory(title="Draft 2015", date=dt.date(2015, 1, 1), status=Meeting.Status.DRAFT)
    MeetingFactory(title="In review 2016", date=dt.date(2016, 1, 1), status=Meeting.Status.REVIEW)
    MeetingFactory(
        title="Scheduled 2021",
        date=dt.date(2021, 1, 1),
        published_at=timezone.now() + dt.timedelta(days=1),
    )
    return meetings


HIDDEN = [
    "Draft 2019",
    "Withdrawn 2019",
    "Scheduled 2019",
    "Draft 2015",
    "In review 2016",
    "Scheduled 2021",
]


class TestAllYears:
    def test_grouped_under_year_headings_newest_first(self, client, timeline):
        response = client.get("/en/meetings/")
        assert response.status_code == 200
        assert year_sections(response) == [
            (2023, ["Talks 2023"]),
            (2019, ["Talks October 2019", "Talks June 2019", "Talks March 2019"]),
            (2017, ["Talks 2017"]),
        ]

    def test_lists_links_to_each_year_with_published_meetings(self, client, timeline):
        response = client.get("/en/meetings/")
        assert year_links(response) == [
            (2023, "/en/meetings/2023/"),
            (2019, "/en/meetings/2019/"),
            (2017, "/en/meetings/2017/"),
        ]
        nav = re.search(r'<nav class="timeline-years".*?</nav>', html(response), re.S).group(0)
        assert '<span aria-current="page">' in nav

    def test_hides_unpublished_meetings(self, client, timeline):
        page = html(client.get("/en/meetings/"))
        for title in HIDDEN:
            assert title not in page

    def test_the_seed_timeline(self, client, seed):
        response = client.get("/en/meetings/")
        assert [year for year, _ in year_sections(response)] == [2024, 2023, 2017]
        assert [year for year, _ in year_links(response)] == [2024, 2023, 2017]

    def test_years_under_fr(self, client, timeline):
        response = client.get("/fr/meetings/")
        assert response.status_code == 200
        assert [year for year, _ in year_sections(response)] == [2023, 2019, 2017]
        assert ("/fr/meetings/2019/") in dict(year_links(response)).values()

    def test_no_year_navigation_without_meetings(self, client, db):
        MeetingFactory(status=Meeting.Status.DRAFT, date=dt.date(2020, 1, 1))
        response = client.get("/en/meetings/")
        assert response.status_code == 200
        assert year_sections(response) == []
        assert "/en/meetings/2020/" not in html(response)


class TestOneYear:
    def test_lists_only_that_years_published_meetings_newest_first(self, client, timeline):
        response = client.get("/en/meetings/2019/")
        assert response.status_code == 200
        assert year_sections(response) == [
            (2019, ["Talks October 2019", "Talks June 2019", "Talks March 2019"]),
        ]
        page = html(response)
        for title in ("Talks 2017", "Talks 2023", *HIDDEN):
            assert title not in page

    def test_marks_the_year_and_links_the_others(self, client, timeline):
        response = client.get("/en/meetings/2019/")
        assert year_links(response) == [
            (2023, "/en/meetings/2023/"),
            (2019, None),
            (2017, "/en/meetings/2017/"),
        ]
        assert 'href="/en/meetings/"' in html(response)

    def test_the_title_names_the_year(self, client, timeline):
        page = html(client.get("/en/meetings/2017/"))
        assert re.search(r"<h1>[^<]*2017[^<]*</h1>", page)
        assert re.search(r"<title>[^<]*2017[^<]*</title>", page)

    def test_the_seed_year_2017(self, client, seed):
        response = client.get("/en/meetings/2017/")
        assert [m.slug for m in response.context["object_list"]] == [
            "khalafov-receives-ohchr-delegation-2017"
        ]
        assert 'href="/en/meetings/khalafov-receives-ohchr-delegation-2017/"' in html(response)

    def test_the_seed_year_2023_newest_first(self, client, seed):
        response = client.get("/en/meetings/2023/")
        assert [m.slug for m in response.context["object_list"]] == [
            "aliyeva-meets-shkolnikov-2023",
            "bayramov-addresses-hrc-54th-session-2023",
        ]

    def test_the_same_day_is_ordered_consistently(self, client, db):
        first = MeetingFactory(title="Morning talks", date=dt.date(2020, 5, 5))
        second = MeetingFactory(title="Evening talks", date=dt.date(2020, 5, 5))
        response = client.get("/en/meetings/2020/")
        assert [m.pk for m in response.context["object_list"]] == [second.pk, first.pk]

    @pytest.mark.parametrize(
        "year",
        [
            2015,  # only a draft
            2016,  # only a meeting in review
            2021,  # only a meeting scheduled for later
            1999,  # nothing at all
            2099,
        ],
    )
    def test_a_year_without_published_meetings_is_404(self, client, timeline, year):
        assert client.get(f"/en/meetings/{year}/").status_code == 404

    def test_a_year_whose_only_meeting_is_withdrawn_is_404(self, client, db):
        MeetingFactory(date=dt.date(2018, 4, 4), status=Meeting.Status.WITHDRAWN)
        assert client.get("/en/meetings/2018/").status_code == 404

    def test_a_year_is_404_once_its_meeting_is_withdrawn(self, client, reviewer, db):
        from editorial import workflow

        meeting = MeetingFactory(date=dt.date(2018, 4, 4))
        assert client.get("/en/meetings/2018/").status_code == 200
        workflow.apply(workflow.TRANSITIONS["withdraw"], meeting, reviewer)
        assert client.get("/en/meetings/2018/").status_code == 404
        assert "/en/meetings/2018/" not in html(client.get("/en/meetings/"))

    def test_a_year_under_fr(self, client, timeline):
        response = client.get("/fr/meetings/2019/")
        assert response.status_code == 200
        assert 'href="/fr/meetings/' in html(response)
        assert len(response.context["object_list"]) == 3


class TestProfiles:
    def test_a_persons_meetings_newest_first(self, client, db):
        person = PersonFactory(slug="the-person")
        for title, date in (
            ("Met in 2018", dt.date(2018, 1, 1)),
            ("Met in 2024", dt.date(2024, 2, 2)),
            ("Met in 2020", dt.date(2020, 3, 3)),
        ):
            ParticipantFactory(meeting=MeetingFactory(title=title, date=date), person=person)
        mentioned = MeetingFactory(title="Mentioned in 2022", date=dt.date(2022, 4, 4))
        mentioned.mentioned_people.add(person)
        ParticipantFactory(
            meeting=MeetingFactory(
                title="Draft 2025", date=dt.date(2025, 1, 1), status=Meeting.Status.DRAFT
            ),
            person=person,
        )
        ParticipantFactory(meeting=MeetingFactory(title="Someone else's meeting"))
        response = client.get("/en/people/the-person/")
        assert response.status_code == 200
        assert meetings_section(response) == [
            "Met in 2024",
            "Mentioned in 2022",
            "Met in 2020",
            "Met in 2018",
        ]

    def test_a_person_in_and_mentioned_at_the_same_meeting_is_listed_once(self, client, db):
        person = PersonFactory(slug="the-person")
        meeting = MeetingFactory(title="Both ways")
        ParticipantFactory(meeting=meeting, person=person)
        meeting.mentioned_people.add(person)
        assert meetings_section(client.get("/en/people/the-person/")) == ["Both ways"]

    def test_an_organizations_meetings_newest_first(self, client, db):
        organization = OrganizationFactory(slug="the-organization")
        MeetingFactory(title="Organized 2019", date=dt.date(2019, 5, 5), organizer=organization)
        ParticipantFactory(
            meeting=MeetingFactory(title="Represented 2023", date=dt.date(2023, 6, 6)),
            organization=organization,
        )
        ParticipantFactory(
            meeting=MeetingFactory(title="Through a post 2021", date=dt.date(2021, 7, 7)),
            post=PostFactory(organization=organization),
        )
        both = MeetingFactory(title="Every way 2017", date=dt.date(2017, 8, 8))
        both.organizer = organization
        both.save()
        ParticipantFactory(meeting=both, organization=organization)
        ParticipantFactory(meeting=both, post=PostFactory(organization=organization))
        MeetingFactory(
            title="Draft 2025",
            date=dt.date(2025, 1, 1),
            organizer=organization,
            status=Meeting.Status.DRAFT,
        )
        MeetingFactory(title="Someone else's meeting")
        response = client.get("/en/organizations/the-organization/")
        assert response.status_code == 200
        assert meetings_section(response) == [
            "Represented 2023",
            "Through a post 2021",
            "Organized 2019",
            "Every way 2017",
        ]

    def test_the_seed_profiles(self, client, seed):
        assert meetings_section(client.get("/en/people/jeyhun-bayramov/")) == [
            "Jeyhun Bayramov meets UN High Commissioner for Human Rights Volker Türk",
            "Jeyhun Bayramov addresses the 54th session of the UN Human Rights Council",
        ]
        ohchr = meetings_section(client.get("/en/organizations/ohchr/"))
        dates = [Meeting.objects.get(title=title).date for title in ohchr]
        assert dates == sorted(dates, reverse=True)
        assert len(ohchr) >= 2
