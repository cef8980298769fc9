"""A person's and an organization's meetings as readers explore them: the timeline per
year or month, who shared the meetings ("Met with") and their network, the filters
that narrow all of them, and the feeds the pages announce. Every figure is checked
against the database; nothing unpublished counts."""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html import unescape

import pytest
from django.core.cache import cache
from django.utils import timezone

from meetings.models import Meeting
from people import charts
from people.models import Organization, Person
from people.views import MET_WITH_LENGTH
from tests.factories import (
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<b onmouseover="x()">Ali</b> & "Co"'
YEAR_2021 = {"date_after": "2021-01-01", "date_before": "2021-12-31"}


class Delegations:
    """A minister of a state and the UN officials met over the years, a meeting where
    the minister was only discussed, a session addressed, and meetings readers may not
    see yet."""

    def __init__(self):
        self.state = OrganizationFactory(name="Republic of Azerbaijan", slug="azerbaijan")
        self.ministry = OrganizationFactory(name="Ministry of Foreign Affairs", slug="mfa")
        self.ohchr = OrganizationFactory(
            name="Office of the High Commissioner", slug="ohchr", abbreviation="OHCHR"
        )
        self.field = OrganizationFactory(name="Field Missions Office", slug="field-missions")
        self.council = OrganizationFactory(name="Human Rights Council", slug="hrc")
        self.minister = PersonFactory(name="Jeyhun Bayramov", slug="bayramov")
        self.deputy = PersonFactory(name="Khalaf Khalafov", slug="khalafov")
        self.turk = PersonFactory(name="Volker Türk", slug="turk")
        self.gagnon = PersonFactory(name="Georgette Gagnon", slug="gagnon")
        self.shkolnikov = PersonFactory(name="Vladimir Shkolnikov", slug="shkolnikov")
        self.posts = {
            self.minister: PostFactory(person=self.minister, organization=self.ministry),
            self.deputy: PostFactory(person=self.deputy, organization=self.ministry),
            self.turk: PostFactory(person=self.turk, organization=self.ohchr),
            self.gagnon: PostFactory(person=self.gagnon, organization=self.field),
            self.shkolnikov: PostFactory(person=self.shkolnikov, organization=self.ohchr),
        }
        self.geneva = self.meeting("Geneva 2019", dt.date(2019, 5, 10), self.turk)
        self.visit = self.meeting(
            "Visit 2021", dt.date(2021, 3, 2), self.turk, self.gagnon, kind=Meeting.Kind.VISIT
        )
        self.baku = self.meeting("Baku 2021", dt.date(2021, 11, 20), self.turk, self.deputy)
        self.discussed = MeetingFactory(
            title="Discussed 2022", date=dt.date(2022, 6, 1), kind=Meeting.Kind.CONSULTATION
        )
        self.discussed.mentioned_people.add(self.minister)
        self.take_part(self.discussed, self.shkolnikov)
        self.address = self.meeting(
            "Address 2023", dt.date(2023, 9, 13), kind=Meeting.Kind.ADDRESS, organizer=self.council
        )
        self.meeting(
            "Unpublished 2024",
            dt.date(2024, 2, 2),
            PersonFactory(name="Unpublished Counterpart"),
            status=Meeting.Status.DRAFT,
            organizer=OrganizationFactory(name="Unpublished Organizer"),
        )
        self.meeting(
            "Scheduled 2024",
            dt.date(2024, 3, 3),
            PersonFactory(name="Scheduled Counterpart"),
            published_at=timezone.now() + dt.timedelta(days=1),
        )

    def take_part(self, meeting, person):
        post = self.posts.get(person)
        speaking_for = {self.minister: self.state, self.deputy: self.state}.get(person)
        if post and post.organization in (self.ohchr, self.field):
            speaking_for = self.ohchr
        ParticipantFactory(meeting=meeting, person=person, post=post, organization=speaking_for)

    def meeting(self, title, date, *others, **fields):
        meeting = MeetingFactory(title=title, date=date, **fields)
        for person in (self.minister, *others):
            self.take_part(meeting, person)
        return meeting

    @property
    def published(self):
        return [self.geneva, self.visit, self.baku, self.discussed, self.address]


@pytest.fixture
def desk(db):
    return Delegations()


# Reading the page ----------------------------------------------------------------------------


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content.decode()[:2000]
    return response.content.decode()


def svg(page, name):
    """The page's SVG drawing `name`, read as an XML document of its own."""
    found = re.search(rf'<svg class="{name}".*?</svg>', page, re.S)
    return found and ET.fromstring(found.group(0))


def figures(page):
    """The timeline's table: (period, link or None, count) per row."""
    table = re.search(r"<table>.*?</table>", page, re.S).group(0)
    rows = re.findall(
        r'<tr><th scope="row">(?:<a href="([^"]*)">)?([^<]+)(?:</a>)?</th><td>(\d+)</td></tr>',
        table,
    )
    return [(label, unescape(link) or None, int(count)) for link, label, count in rows]


def met_with(page, heading):
    """The "Met with" list under `heading`: (name, link, meetings shared)."""
    found = re.search(rf"<h3>{heading}</h3>\s*<ol[^>]*>(.*?)</ol>", page, re.S)
    if not found:
        return []
    return [
        (unescape(name), unescape(link), int(count))
        for link, name, count in re.findall(
            r'<li><a href="([^"]+)"[^>]*>([^<]+)</a> <span class="met-with-count">(\d+) meetings?',
            found.group(1),
        )
    ]


def meeting_titles(page):
    section = re.search(r'<h2 id="meetings-heading">.*?</section>', page, re.S).group(0)
    return re.findall(r'class="meeting-row-title"[^>]*>([^<]+)</a>', section)


def notice(page):
    found = re.search(r'<div class="notice notice-error" role="alert">(.*?)</div>', page, re.S)
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", found.group(1))]


def drawn_names(network):
    return [group.findtext(f"{SVG}title") for group in network.iter(f"{SVG}g")]


# The timeline --------------------------------------------------------------------------------


def test_meetings_per_year_are_the_published_meetings_of_each_year(client, desk):
    page = get(client, desk.minister.get_absolute_url())

    meetings = Meeting.objects.published().with_person(desk.minister).distinct()
    per_year = Counter(meeting.date.year for meeting in meetings)
    assert per_year == {2019: 1, 2021: 2, 2022: 1, 2023: 1}
    rows = figures(page)
    assert [(label, count) for label, _, count in rows] == [
        (str(year), per_year[year]) for year in range(2019, 2024)
    ]
    assert rows[0][1] == "?date_after=2019-01-01&date_before=2019-12-31"
    assert rows[1][1] is None  # nothing to see in 2020
    timeline = svg(page, "timeline")
    bars = timeline.findall(f"{SVG}rect")
    assert len(bars) == 4
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[1] == pytest.approx(2 * heights[0], abs=0.1)
    labels = [text.text for text in timeline.iter(f"{SVG}text") if "label" in text.get("class")]
    assert labels == ["2019", "2020", "2021", "2022", "2023"]
    assert timeline.get("role") == "img"
    assert timeline.get("aria-labelledby") == "timeline-title timeline-desc"
    assert timeline.findtext(f"{SVG}title") == "Meetings per year"
    assert "5 meetings" in timeline.findtext(f"{SVG}desc")


def test_one_year_chosen_shows_its_months(client, desk):
    page = get(client, desk.minister.get_absolute_url(), **YEAR_2021)

    assert '<h2 id="timeline-heading">Meetings per month in 2021</h2>' in page
    per_month = Counter(
        meeting.date.month for meeting in desk.published if meeting.date.year == 2021
    )
    rows = figures(page)
    assert [count for _, _, count in rows] == [per_month[month] for month in range(1, 13)]
    assert rows[2] == ("March", "?date_after=2021-03-01&date_before=2021-03-31", 1)
    assert meeting_titles(page) == ["Baku 2021", "Visit 2021"]
    assert 'href="/en/people/bayramov/">Every year</a>' not in page
    assert ">Every year</a>" in page


def test_the_timeline_reads_in_french(client, desk):
    page = get(client, f"/fr/people/{desk.minister.slug}/", **YEAR_2021)

    assert "Réunions par mois en 2021" in page
    assert [label for label, _, _ in figures(page)][2] == "mars"
    assert svg(page, "timeline").findtext(f"{SVG}title") == "Réunions par mois en 2021"
    assert svg(page, "network") is not None


def test_no_chart_without_published_meetings(client, db):
    person = PersonFactory()
    ParticipantFactory(person=person, meeting=MeetingFactory(status=Meeting.Status.DRAFT))

    page = get(client, person.get_absolute_url())

    assert '<svg class="timeline"' not in page
    assert '<svg class="network"' not in page
    assert "No published meeting yet." in page


# Met with ------------------------------------------------------------------------------------


def test_met_with_ranks_everyone_else_at_the_meetings(client, desk):
    """The minister's own posts and state count only through someone else there: the
    deputy, at one meeting."""
    page = get(client, desk.minister.get_absolute_url())

    assert [(name, count) for name, _, count in met_with(page, "People")] == [
        ("Volker Türk", 3),
        ("Georgette Gagnon", 1),
        ("Khalaf Khalafov", 1),
        ("Vladimir Shkolnikov", 1),
    ]
    assert [(name, count) for name, _, count in met_with(page, "Organizations")] == [
        ("Office of the High Commissioner", 4),
        ("Field Missions Office", 1),
        ("Human Rights Council", 1),
        ("Ministry of Foreign Affairs", 1),
        ("Republic of Azerbaijan", 1),
    ]


def shared_meetings(desk, subject, counterpart):
    """The titles of the published meetings of `subject` that `counterpart` shared, read
    from the participants one by one."""
    titles = set()
    for meeting in desk.published:
        participants = list(meeting.participants.select_related("post"))
        if isinstance(subject, Person):
            mine = [p for p in participants if p.person == subject]
            involved = mine or subject in meeting.mentioned_people.all()
        else:
            mine = [p for p in participants if subject in (p.organization, p.post.organization)]
            involved = mine or meeting.organizer == subject
        others = [p for p in participants if p not in mine]
        present = {p.person for p in others} | {p.organization for p in others}
        present |= {p.post.organization for p in others}
        if involved and (counterpart in present or meeting.organizer == counterpart):
            titles.add(meeting.title)
    return titles


@pytest.mark.parametrize("subject", ["minister", "ohchr"])
def test_each_counterpart_links_to_exactly_the_meetings_shared(client, desk, subject):
    subject = getattr(desk, subject)
    page = get(client, subject.get_absolute_url())
    listed = met_with(page, "People") + met_with(page, "Organizations")
    assert listed
    counterparts = {
        item.name: item for item in [*Person.objects.all(), *Organization.objects.all()]
    }

    for name, link, count in listed:
        expected = shared_meetings(desk, subject, counterparts[name])
        shown = get(client, subject.get_absolute_url() + link)
        assert set(meeting_titles(shown)) == expected, name
        assert count == len(expected), name
        assert f'Shared with <a href="{counterparts[name].get_absolute_url()}">' in shown
        timeline = figures(shown)
        assert sum(count for _, _, count in timeline) == len(expected)


def test_an_organizations_counterparts_leave_out_its_own_people(client, desk):
    page = get(client, desk.ohchr.get_absolute_url())

    assert [(name, count) for name, _, count in met_with(page, "People")] == [
        ("Jeyhun Bayramov", 3),
        ("Khalaf Khalafov", 1),
    ]
    assert [(name, count) for name, _, count in met_with(page, "Organizations")] == [
        ("Ministry of Foreign Affairs", 3),
        ("Republic of Azerbaijan", 3),
    ]


def test_an_organizations_parts_are_its_own_side(client, desk):
    """At a session of the United Nations, the High Commissioner's office and its people
    are the United Nations' own: it met the minister and the state."""
    nations = OrganizationFactory(name="United Nations", slug="un")
    desk.ohchr.parent = nations
    desk.ohchr.save()
    desk.field.parent = desk.ohchr
    desk.field.save()
    session = desk.meeting("Session 2024", dt.date(2024, 5, 5), desk.turk, desk.gagnon)
    session.organizer = nations
    session.save()

    page = get(client, nations.get_absolute_url())

    assert [(name, count) for name, _, count in met_with(page, "People")] == [
        ("Jeyhun Bayramov", 1)
    ]
    assert [(name, count) for name, _, count in met_with(page, "Organizations")] == [
        ("Ministry of Foreign Affairs", 1),
        ("Republic of Azerbaijan", 1),
    ]
    page = get(client, desk.minister.get_absolute_url())
    assert ("United Nations", "?organization=un", 1) in met_with(page, "Organizations")


def test_a_chosen_counterpart_narrows_the_list_and_the_timeline_not_the_ranking(client, desk):
    page = get(client, desk.minister.get_absolute_url(), person="gagnon")

    assert meeting_titles(page) == ["Visit 2021"]
    assert [(label, count) for label, _, count in figures(page)] == [("2021", 1)]
    assert met_with(page, "People")[0][:1] == ("Volker Türk",)
    assert 'href="?person=gagnon" aria-current="true">Georgette Gagnon</a>' in page
    assert '<a class="remove-filter" href="/en/people/bayramov/">' in page


def test_the_network_draws_the_counterparts_sharing_the_most(client, desk):
    network = svg(get(client, desk.minister.get_absolute_url()), "network")

    assert drawn_names(network) == [
        "Office of the High Commissioner: 4 meetings",
        "Volker Türk: 3 meetings",
        "Field Missions Office: 1 meeting",
        "Georgette Gagnon: 1 meeting",
        "Human Rights Council: 1 meeting",
        "Khalaf Khalafov: 1 meeting",
        "Ministry of Foreign Affairs: 1 meeting",
        "Republic of Azerbaijan: 1 meeting",
        "Vladimir Shkolnikov: 1 meeting",
    ]
    groups = list(network.iter(f"{SVG}g"))
    assert groups[0].get("class") == "network-organization"
    assert groups[0].find(f"{SVG}rect") is not None
    assert groups[0].findtext(f"{SVG}text") == "OHCHR"
    assert groups[1].get("class") == "network-person"
    assert groups[1].find(f"{SVG}circle") is not None
    edges = [float(line.get("stroke-width")) for line in network.iter(f"{SVG}line")]
    assert edges[0] > edges[1] > edges[2] == edges[-1]
    assert network.get("role") == "img"
    assert network.findtext(f"{SVG}title") == "Who shared meetings with Jeyhun Bayramov"
    assert network.find(f"{SVG}desc").text.startswith("Jeyhun Bayramov in the middle")


def crowd(size):
    """A person who met `size` others, the first once, the second twice..."""
    person = PersonFactory(name="Busy Envoy")
    others = [PersonFactory(name=f"Counterpart {n:02}") for n in range(1, size + 1)]
    for times in range(1, size + 1):
        meeting = MeetingFactory(date=dt.date(2020, 1, times % 28 + 1))
        ParticipantFactory(meeting=meeting, person=person)
        for other in others[times - 1 :]:
            ParticipantFactory(meeting=meeting, person=other)
    return person


def test_the_network_is_bounded_and_the_others_are_listed(client, db):
    person = crowd(15)

    page = get(client, person.get_absolute_url())

    drawn = drawn_names(svg(page, "network"))
    assert len(drawn) == charts.NETWORK_SIZE
    assert drawn[0] == "Counterpart 15: 15 meetings"
    assert drawn[-1] == "Counterpart 04: 4 meetings"
    listed = met_with(page, "People")
    assert [(name, count) for name, _, count in listed] == [
        (f"Counterpart {n:02}", n) for n in range(15, 0, -1)
    ]
    assert "Each list holds only" not in page


def test_met_with_lists_a_bounded_number_of_each_kind(client, db):
    person = crowd(MET_WITH_LENGTH + 2)

    page = get(client, person.get_absolute_url())

    assert len(met_with(page, "People")) == MET_WITH_LENGTH
    assert met_with(page, "People")[-1][0] == "Counterpart 03"
    assert f"Each list holds only the {MET_WITH_LENGTH} sharing the most meetings" in page


def test_the_same_data_draws_the_same_charts_byte_for_byte(client, desk):
    def drawings():
        page = get(client, desk.minister.get_absolute_url())
        return re.findall(r"<svg.*?</svg>", page, re.S)

    first = drawings()
    cache.clear()
    Meeting.objects.filter(pk=desk.baku.pk).update(title="Baku, renamed")
    again = drawings()

    assert len(first) == 2
    assert first == again


def test_names_are_escaped_in_every_drawing_and_list(client, desk):
    hostile = PersonFactory(name=HOSTILE)
    ParticipantFactory(meeting=desk.geneva, person=hostile)
    desk.council.name = HOSTILE
    desk.council.abbreviation = ""
    desk.council.save()

    page = get(client, desk.minister.get_absolute_url())

    assert HOSTILE not in page
    assert "<b " not in page
    network = svg(page, "network")
    assert f"{HOSTILE}: 1 meeting" in drawn_names(network)
    assert charts.Truncator(HOSTILE).chars(charts.LABEL_LENGTH) in [
        text.text for text in network.iter(f"{SVG}text")
    ]
    assert (HOSTILE, "?person=" + hostile.slug, 1) in met_with(page, "People")
    assert HOSTILE in [name for name, _, _ in met_with(page, "Organizations")]


# Filters -------------------------------------------------------------------------------------


def test_dates_and_kind_narrow_every_part_of_the_page(client, desk):
    page = get(client, desk.minister.get_absolute_url(), kind="visit")

    assert meeting_titles(page) == ["Visit 2021"]
    assert [(label, count) for label, _, count in figures(page)] == [("2021", 1)]
    assert [(name, count) for name, _, count in met_with(page, "People")] == [
        ("Georgette Gagnon", 1),
        ("Volker Türk", 1),
    ]
    assert [name for name, _, _ in met_with(page, "Organizations")] == [
        "Field Missions Office",
        "Office of the High Commissioner",
    ]
    assert 'href="?kind=visit&amp;person=turk"' in page

    page = get(client, desk.minister.get_absolute_url(), date_after="2021-06-01")
    assert meeting_titles(page) == ["Address 2023", "Discussed 2022", "Baku 2021"]
    assert [(label, count) for label, _, count in figures(page)] == [
        ("2021", 1),
        ("2022", 1),
        ("2023", 1),
    ]
    assert ("Human Rights Council", "?date_after=2021-06-01&organization=hrc", 1) in met_with(
        page, "Organizations"
    )


def test_pages_of_a_filtered_list_keep_the_filters(client, db):
    person = PersonFactory()
    for day in range(1, 23):
        ParticipantFactory(person=person, meeting=MeetingFactory(date=dt.date(2024, 1, day)))

    page = get(client, person.get_absolute_url(), kind="meeting")

    assert 'rel="next" href="?kind=meeting&amp;page=2"' in page
    assert "22 meetings" in page


@pytest.mark.parametrize(
    ("params", "messages"),
    [
        ({"date_after": "2024-02-30"}, ["Dates: Enter a valid date."]),
        ({"date_before": "soon"}, ["Dates: Enter a valid date."]),
        (
            {"date_after": "2024-05-01", "date_before": "2024-04-01"},
            ["Dates: The first day is after the last."],
        ),
        (
            {"kind": "picnic"},
            ["Kind of meeting: Select a valid choice. picnic is not one of the available choices."],
        ),
        (
            {"person": "nobody"},
            ["Person: Select a valid choice. That choice is not one of the available choices."],
        ),
        (
            {"organization": "nothing", "kind": "visit"},
            [
                "Organization: Select a valid choice. That choice is not one of the available "
                "choices."
            ],
        ),
    ],
)
def test_a_filter_that_makes_no_sense_is_refused_with_its_name(client, desk, params, messages):
    for subject in (desk.minister, desk.ohchr):
        page = get(client, subject.get_absolute_url(), 400, **params)

        assert notice(page) == messages
        assert meeting_titles(page) == []
        assert '<svg class="timeline"' not in page
        assert "No published meeting matches these filters." in page


def test_a_refused_filter_is_named_in_french(client, desk):
    page = get(client, f"/fr/people/{desk.minister.slug}/", 400, kind="picnic")

    assert notice(page) == [
        "Type de réunion\u00a0: Sélectionnez un choix valide. picnic n’en fait pas partie."
    ]


# Only what readers may see, at once ----------------------------------------------------------


def test_unpublished_meetings_count_nowhere(client, desk):
    for subject in (desk.minister, desk.ohchr):
        page = get(client, subject.get_absolute_url())
        assert "Unpublished" not in page
        assert "Scheduled" not in page
        assert "2024" not in [label for label, _, _ in figures(page)]
    assert "Unpublished" not in get(client, desk.minister.get_absolute_url(), kind="meeting")
    page = get(client, desk.minister.get_absolute_url(), person="turk")
    assert meeting_titles(page) == ["Baku 2021", "Visit 2021", "Geneva 2019"]


def test_an_edit_shows_at_once(client, desk, django_assert_max_num_queries):
    url = desk.minister.get_absolute_url()
    get(client, url)
    with django_assert_max_num_queries(2):
        get(client, url)  # from the page cache

    meeting = MeetingFactory(title="Late 2024", date=dt.date(2024, 4, 4))
    ParticipantFactory(meeting=meeting, person=desk.minister)
    ParticipantFactory(meeting=meeting, person=desk.gagnon)
    page = get(client, url)

    assert meeting_titles(page)[0] == "Late 2024"
    assert figures(page)[-1] == ("2024", "?date_after=2024-01-01&date_before=2024-12-31", 1)
    assert ("Georgette Gagnon", "?person=gagnon", 2) in met_with(page, "People")


# Feeds ---------------------------------------------------------------------------------------


def test_the_pages_announce_and_link_their_feeds(client, desk):
    for subject, feeds, title in (
        (desk.minister, "/en/feeds/people/bayramov", "Jeyhun Bayramov"),
        (desk.ohchr, "/en/feeds/organizations/ohchr", "Office of the High Commissioner"),
    ):
        page = get(client, subject.get_absolute_url())
        for path, kind in (
            (f"{feeds}/meetings.rss", "rss"),
            (f"{feeds}/meetings.atom", "atom"),
            (f"{feeds}.rss", "rss"),
            (f"{feeds}.atom", "atom"),
        ):
            announced = rf'<link rel="alternate" type="application/{kind}\+xml" [^>]*href="{path}">'
            assert re.search(announced, page), path
            assert f'<a href="{path}" type="application/{kind}+xml">' in page
            assert client.get(path).status_code == 200
        assert f'title="Meetings of {title} (RSS)" href="{feeds}/meetings.rss"' in page
