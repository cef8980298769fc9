"""The desk's dashboard in the admin (`meetings.dashboard`): meetings per month by kind
and by organization, the meetings that lack a summary, its translation or a second
report, a date range, and who may see it."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from meetings.models import Meeting
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PostFactory,
    SummaryTranslationFactory,
    UserFactory,
)
from tests.pages import html

pytestmark = pytest.mark.django_db

URL = "/admin/meetings/meeting/dashboard/"
RANGE = {"start": "2024-01-01", "end": "2024-06-30"}
Kind = Meeting.Kind


@pytest.fixture
def desk():
    """Meetings from January to June 2024 (none in February or May), one before and one
    after the range, with participants speaking for two states, summaries, translations
    and reports."""
    azerbaijan = OrganizationFactory(name="Republic of Azerbaijan", slug="azerbaijan")
    ohchr = OrganizationFactory(name="OHCHR", slug="ohchr")
    made = {}
    for slug, day, kind in [
        ("january-call", dt.date(2024, 1, 10), Kind.CALL),
        ("january-meeting", dt.date(2024, 1, 20), Kind.MEETING),
        ("march-meeting", dt.date(2024, 3, 5), Kind.MEETING),
        ("march-visit", dt.date(2024, 3, 31), Kind.VISIT),
        ("april-address", dt.date(2024, 4, 1), Kind.ADDRESS),
        ("june-meeting", dt.date(2024, 6, 30), Kind.MEETING),
        ("before", dt.date(2023, 12, 31), Kind.MEETING),
        ("after", dt.date(2024, 7, 1), Kind.CALL),
    ]:
        made[slug] = MeetingFactory(slug=slug, title=f"Meeting {slug}", date=day, kind=kind)
    made["march-visit"].status = Meeting.Status.DRAFT
    made["march-visit"].summary = "  \n"
    made["march-visit"].save()
    # Azerbaijan takes part in three meetings, OHCHR in two (once through a post only).
    for slug in ("january-call", "january-meeting", "march-meeting"):
        ParticipantFactory(meeting=made[slug], organization=azerbaijan)
    ParticipantFactory(meeting=made["january-meeting"], organization=ohchr)
    ParticipantFactory(
        meeting=made["april-address"], post=PostFactory(organization=ohchr), organization=None
    )
    ParticipantFactory(meeting=made["after"], organization=ohchr)
    for slug in ("january-call", "march-meeting", "before"):
        SummaryTranslationFactory(meeting=made[slug])
    made["january-call"].reports.add(ArticleFactory(), ArticleFactory())
    made["march-meeting"].reports.add(ArticleFactory())
    made["june-meeting"].reports.add(ArticleFactory())
    made["before"].reports.add(ArticleFactory())
    return made


def dashboard_of(client, **query):
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.context["dashboard"], html(response)


class TestMonths:
    def test_meetings_per_month_by_kind_as_in_the_database(self, admin_client, desk):
        dashboard, _ = dashboard_of(admin_client, **RANGE)

        kinds = [kind for kind, _ in dashboard.kinds]
        for month, counts, total in dashboard.by_kind:
            in_month = Meeting.objects.filter(date__year=month.year, date__month=month.month)
            assert counts == [in_month.filter(kind=kind).count() for kind in kinds]
            assert total == in_month.count()
        assert [month.month for month in dashboard.months] == [1, 2, 3, 4, 5, 6]
        assert dashboard.total == 6

    def test_months_without_a_meeting_show(self, admin_client, desk):
        dashboard, page = dashboard_of(admin_client, **RANGE)

        assert [month.month for month in dashboard.empty_months] == [2, 5]
        assert "2 months of 6 have no meeting." in page
        assert '<tr class="gap"><th scope="row">February 2024</th>' in page
        assert page.count("no meeting</span>") == 2

    def test_meetings_per_month_by_organization_taking_part(self, admin_client, desk):
        dashboard, page = dashboard_of(admin_client, **RANGE)

        rows = {org.slug: (counts, total) for org, counts, total in dashboard.by_organization}
        assert rows == {
            "azerbaijan": ([2, 0, 1, 0, 0, 0], 3),
            "ohchr": ([1, 0, 0, 1, 0, 0], 2),
        }
        assert [org.slug for org, _, _ in dashboard.by_organization] == ["azerbaijan", "ohchr"]
        organization = desk["march-meeting"].participants.get().organization
        assert reverse("admin:people_organization_change", args=[organization.pk]) in page

    def test_the_chart_has_a_bar_a_month_the_busiest_the_tallest(self, admin_client, desk):
        dashboard, page = dashboard_of(admin_client, **RANGE)

        assert [bar.height for bar in dashboard.bars] == [100, 0, 100, 50, 0, 50]
        assert page.count("<rect ") == 6
        assert "<title>March 2024: 2</title>" in page


class TestLists:
    def lists(self, client):
        dashboard, page = dashboard_of(client, **RANGE)
        return {item.title: [m.slug for m in item.meetings] for item in dashboard.lists}, page

    def test_meetings_with_no_summary(self, admin_client, desk):
        lists, _ = self.lists(admin_client)

        assert lists["Meetings with no summary"] == ["march-visit"]

    def test_meetings_with_no_translation_of_their_summary(self, admin_client, desk):
        lists, _ = self.lists(admin_client)

        assert lists["Meetings with no translation of their summary"] == [
            "june-meeting",
            "april-address",
            "march-visit",
            "january-meeting",
        ]

    def test_meetings_with_a_single_report(self, admin_client, desk):
        lists, _ = self.lists(admin_client)

        assert lists["Meetings with a single report"] == ["june-meeting", "march-meeting"]

    def test_each_meeting_links_to_its_change_page(self, admin_client, desk):
        _, page = self.lists(admin_client)

        for slug in ("march-visit", "june-meeting", "january-meeting"):
            change = reverse("admin:meetings_meeting_change", args=[desk[slug].pk])
            assert f'<a href="{change}">Meeting {slug}</a>' in page
        assert "Meetings with no summary (1)" in page

    def test_a_long_list_says_how_many_it_leaves_out(self, admin_client, desk, monkeypatch):
        monkeypatch.setattr("meetings.dashboard.LISTED", 2)

        _, page = self.lists(admin_client)

        assert "The newest 2 of 4." in page


class TestRange:
    def test_meetings_outside_the_range_are_left_out(self, admin_client, desk):
        dashboard, page = dashboard_of(admin_client, start="2024-03-01", end="2024-03-31")

        assert dashboard.total == 2
        assert "Meeting january-call" not in page
        assert [[m.slug for m in item.meetings] for item in dashboard.lists] == [
            ["march-visit"],
            ["march-visit"],
            ["march-meeting"],
        ]

    def test_by_default_the_twelve_months_to_this_one(self, admin_client, db):
        dashboard, _ = dashboard_of(admin_client)

        assert len(dashboard.months) == 12
        assert dashboard.end >= dt.date.today() >= dashboard.months[-1]

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ({"start": "2024-13-01"}, "From: Enter a valid date."),
            ({"end": "soon"}, "Until: Enter a valid date."),
            ({"start": "2024-06-01", "end": "2024-01-01"}, "“Until” must not be before “From”."),
            ({"start": "1990-01-01", "end": "2024-01-01"}, "Choose a range of at most 10 years."),
        ],
    )
    def test_a_bad_range_is_refused_with_what_was_wrong(self, admin_client, db, query, message):
        response = admin_client.get(URL, query)

        assert response.status_code == 400
        assert message in html(response)
        assert not response.context["dashboard"]


class TestWhoMaySeeIt:
    def test_readers_are_sent_to_the_login_page(self, client, db):
        assert client.get(URL)["Location"].startswith("/admin/login/")
        client.force_login(UserFactory())
        assert client.get(URL)["Location"].startswith("/admin/login/")

    def test_staff_without_the_permission_to_view_meetings_are_refused(self, client, db):
        client.force_login(UserFactory(is_staff=True))

        assert client.get(URL).status_code == 403
        assert "Desk dashboard" not in html(client.get("/admin/"))

    def test_staff_who_may_view_meetings_see_it_linked_from_the_index(self, client, db):
        user = UserFactory(is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="view_meeting"))
        client.force_login(user)

        assert client.get(URL).status_code == 200
        assert f'<a href="{URL}">Desk dashboard</a>' in html(client.get("/admin/"))

    def test_editors_see_it(self, editor_client, db):
        assert editor_client.get(URL).status_code == 200

    def test_in_french(self, admin_client, desk):
        response = admin_client.get(URL, RANGE, HTTP_ACCEPT_LANGUAGE="fr")

        page = html(response)
        assert "Réunions par mois, par type" in page
        assert "Réunions sans résumé (1)" in page
