"""Meeting pages as readers see them: the list of meetings, and a meeting's participants,
summary and the reports that cover it, in every language; nothing unpublished."""

import pytest

from articles.models import Article
from meetings.models import Meeting
from tests.factories import ArticleFactory, MeetingFactory, ParticipantFactory
from tests.pages import EN_SLUG, FR_SLUG, html

pytestmark = pytest.mark.django_db

EN_2017 = f"/en/articles/{EN_SLUG}/"
FR_2017 = f"/en/articles/{FR_SLUG}/"
MEETING_2017 = "/en/meetings/khalafov-receives-ohchr-delegation-2017/"


class TestMeetings:
    def test_list_newest_first(self, client, seed):
        response = client.get("/en/meetings/")
        assert [m.slug for m in response.context["meeting_list"]] == [
            "bayramov-meets-turk-unga-79-2024",
            "aliyeva-meets-shkolnikov-2023",
            "bayramov-addresses-hrc-54th-session-2023",
            "khalafov-receives-ohchr-delegation-2017",
        ]
        assert "With Khalaf Khalafov, Georgette Gagnon" in html(response)

    def test_meeting_page(self, client, seed):
        response = client.get(MEETING_2017)
        assert response.status_code == 200
        page = html(response)
        assert "27 November 2017" in page
        assert "Baku, Azerbaijan" in page
        assert "Bilateral meeting" in page
        assert 'href="/en/people/khalaf-khalafov/"' in page
        assert "Deputy Minister of Foreign Affairs" in page
        assert 'href="/en/organizations/azerbaijan-foreign-ministry/"' in page
        assert 'for <a href="/en/organizations/azerbaijan/">Republic of Azerbaijan</a>' in page
        assert "Head of the Office for Field Missions and Technical Cooperation" in page
        assert "Deputy Foreign Minister Khalaf Khalafov received a delegation" in page
        assert 'href="/en/people/shahbaz-guliyev/"' in page
        assert "Captured civilians" in page

    def test_participants_come_before_the_summary(self, client, seed):
        page = html(client.get(MEETING_2017))
        assert page.index("Participants") < page.index("Summary") < page.index("Reports")

    def test_reports_grouped_by_language_with_source_and_translation_links(self, client, seed):
        page = html(client.get(MEETING_2017))
        reports = page[page.index('id="reports-heading"') :]
        assert reports.index("<h3>English</h3>") < reports.index("<h3>French</h3>")
        english = reports[reports.index("<h3>English</h3>") : reports.index("<h3>French</h3>")]
        assert f'href="{EN_2017}"' in english
        assert f'href="{FR_2017}" hreflang="fr"' in english
        french = reports[reports.index("<h3>French</h3>") :]
        assert f'href="{EN_2017}" hreflang="en"' in french
        assert "original address not recorded" in reports

    def test_source_link_of_a_report(self, client, db):
        meeting = MeetingFactory()
        meeting.reports.add(ArticleFactory(source_url="https://trend.az/report"))
        page = html(client.get(meeting.get_absolute_url()))
        assert 'href="https://trend.az/report"' in page

    def test_reported_name_is_kept_when_no_person_is_known(self, client, db):
        participant = ParticipantFactory(person=None, reported_name="Mme Dupont")
        page = html(client.get(participant.meeting.get_absolute_url()))
        assert "Mme Dupont" in page

    def test_draft_meetings_are_hidden_from_readers(self, client, editor, db):
        draft = MeetingFactory(status=Meeting.Status.DRAFT, title="Sensitive meeting")
        assert client.get(draft.get_absolute_url()).status_code == 404
        assert "Sensitive meeting" not in html(client.get("/en/meetings/"))
        client.force_login(editor)
        preview = client.get(draft.get_absolute_url())
        assert preview.status_code == 200
        assert "no-store" in preview["Cache-Control"]

    def test_draft_reports_are_not_listed_on_a_meeting(self, client, db):
        meeting = MeetingFactory()
        meeting.reports.add(ArticleFactory(status=Article.Status.DRAFT, title="Draft report"))
        page = html(client.get(meeting.get_absolute_url()))
        assert "Draft report" not in page
        assert "No published report covers this meeting yet." in page

    def test_query_budget(self, client, seed, django_assert_max_num_queries):
        with django_assert_max_num_queries(10):
            assert client.get(MEETING_2017).status_code == 200
        with django_assert_max_num_queries(6):
            assert client.get("/en/meetings/").status_code == 200
