"""Person and organization pages as readers see them: their posts, names, meetings and
reports, a page of meetings at a time, and the indexes; nothing unpublished."""

import datetime as dt

import pytest

from articles.models import Article
from meetings.models import Meeting
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
)
from tests.pages import html

pytestmark = pytest.mark.django_db

MEETING_2017 = "/en/meetings/khalafov-receives-ohchr-delegation-2017/"


class TestPeopleAndOrganizations:
    def test_person_page(self, client, seed):
        response = client.get("/en/people/jeyhun-bayramov/")
        assert response.status_code == 200
        page = html(response)
        assert "Minister of Foreign Affairs" in page
        assert 'href="/en/organizations/azerbaijan-foreign-ministry/"' in page
        assert 'href="/en/meetings/bayramov-meets-turk-unga-79-2024/"' in page
        assert 'href="/en/meetings/bayramov-addresses-hrc-54th-session-2023/"' in page
        assert '<span lang="ru">Джейхун Байрамов</span>' in page
        assert 'href="/en/articles/bayramov-meets-un-high-commissioner-volker-turk/"' in page

    def test_mentioned_people_list_their_meetings(self, client, seed):
        page = html(client.get("/en/people/shahbaz-guliyev/"))
        assert f'href="{MEETING_2017}"' in page

    def test_organization_page(self, client, seed):
        page = html(client.get("/en/organizations/ohchr/"))
        assert "Office of the United Nations High Commissioner for Human Rights" in page
        assert 'href="/en/organizations/united-nations/"' in page
        assert 'href="/en/organizations/ohchr-field-missions-technical-cooperation/"' in page
        assert 'href="/en/people/volker-turk/"' in page
        assert 'href="/en/meetings/aliyeva-meets-shkolnikov-2023/"' in page

    def test_person_and_organization_pages_hide_drafts(self, client, db):
        person = PersonFactory()
        organization = OrganizationFactory()
        post = PostFactory(person=person, organization=organization)
        meeting = MeetingFactory(status=Meeting.Status.DRAFT, title="Unreviewed meeting")
        ParticipantFactory(meeting=meeting, person=person, post=post)
        draft = ArticleFactory(status=Article.Status.DRAFT, title="Unreviewed report")
        draft.people.add(person)
        draft.organizations.add(organization)
        for url in (person.get_absolute_url(), organization.get_absolute_url()):
            page = html(client.get(url))
            assert "Unreviewed meeting" not in page
            assert "Unreviewed report" not in page

    def test_person_and_organization_pages_page_their_meetings(self, client, db):
        """A busy delegation's page shows 20 meetings at a time, newest first, with
        numbered pages, however many meetings there are."""
        person = PersonFactory()
        organization = OrganizationFactory()
        for day in range(1, 26):
            MeetingFactory(
                title=f"Meeting of {day} March", date=dt.date(2024, 3, day), organizer=organization
            ).participants.create(person=person, reported_name=person.name)
        for url in (person.get_absolute_url(), organization.get_absolute_url()):
            first = html(client.get(url))
            assert "Meeting of 25 March" in first
            assert "Meeting of 6 March" in first
            assert "Meeting of 5 March" not in first
            assert "Page 1 of 2" in first
            assert 'rel="next" href="?page=2"' in first
            second = html(client.get(url, {"page": 2}))
            assert "Meeting of 5 March" in second
            assert "Meeting of 6 March" not in second
            assert "Page 2 of 2" in second

    def test_indexes(self, client, seed):
        people = html(client.get("/en/people/"))
        assert 'href="/en/people/volker-turk/"' in people
        organizations = html(client.get("/en/organizations/"))
        assert "UN body" in organizations
        assert 'href="/en/organizations/ohchr/"' in organizations

    def test_query_budgets(self, client, seed, django_assert_max_num_queries):
        for url in (
            "/en/people/",
            "/en/organizations/",
            "/en/people/khalaf-khalafov/",
            "/en/organizations/ohchr/",
        ):
            with django_assert_max_num_queries(14):
                assert client.get(url).status_code == 200

    def test_unknown_pages_are_404(self, client, db):
        assert client.get("/en/people/nobody/").status_code == 404
        assert client.get("/en/organizations/nothing/").status_code == 404
        assert client.get("/en/meetings/nothing/").status_code == 404
