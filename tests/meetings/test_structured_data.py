"""What search engines read in a meeting's page: its JSON-LD description as an event,
safe from hostile text, and absent from previews."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article
from meetings.models import Meeting
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
    TopicFactory,
)
from tests.pages import EN_SLUG, FR_SLUG, MEETING_2017, ROOT, html, json_ld, only_json_ld

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script><!--"


class TestMeetingJsonLd:
    def test_an_event_with_place_attendees_topics_and_reports(self, client, db):
        meeting = MeetingFactory(
            title="Minister meets envoy",
            date=dt.date(2023, 9, 21),
            venue="Government House",
            city="Baku",
            country="AZ",
        )
        minister = PersonFactory(name="Jeyhun Minister")
        ministry = OrganizationFactory(name="Foreign Ministry")
        state = OrganizationFactory(name="Republic of Somewhere")
        post = PostFactory(person=minister, organization=ministry, title="Minister")
        ParticipantFactory(meeting=meeting, person=minister, post=post, position=1)
        envoy = PersonFactory(name="Envoy Person")
        ParticipantFactory(
            meeting=meeting,
            person=envoy,
            organization=state,
            reported_title="Special Envoy",
            position=2,
        )
        ParticipantFactory(meeting=meeting, person=None, reported_name="Mme Dupont", position=3)
        meeting.topics.add(TopicFactory(name="Landmines"), TopicFactory(name="Refugees"))
        published = ArticleFactory(title="Published report")
        meeting.reports.add(published, ArticleFactory(title="Draft", status=Article.Status.DRAFT))
        meeting.reports.add(
            ArticleFactory(title="Scheduled", published_at=timezone.now() + dt.timedelta(days=1))
        )

        data = only_json_ld(client.get(meeting.get_absolute_url()))
        assert data["@type"] == "Event"
        assert data["name"] == "Minister meets envoy"
        assert data["startDate"] == "2023-09-21"
        assert data["url"] == f"{ROOT}/en/meetings/{meeting.slug}/"
        assert data["location"]["name"] == "Government House"
        assert data["location"]["address"]["addressLocality"] == "Baku"
        assert data["location"]["address"]["addressCountry"] == "AZ"
        assert data["attendee"] == [
            {
                "@type": "Person",
                "name": "Jeyhun Minister",
                "url": f"{ROOT}{minister.get_absolute_url()}",
                "jobTitle": "Minister",
                "affiliation": {
                    "@type": "Organization",
                    "name": "Foreign Ministry",
                    "url": f"{ROOT}{ministry.get_absolute_url()}",
                },
            },
            {
                "@type": "Person",
                "name": "Envoy Person",
                "url": f"{ROOT}{envoy.get_absolute_url()}",
                "jobTitle": "Special Envoy",
                "affiliation": {
                    "@type": "Organization",
                    "name": "Republic of Somewhere",
                    "url": f"{ROOT}{state.get_absolute_url()}",
                },
            },
            {"@type": "Person", "name": "Mme Dupont"},
        ]
        assert [topic["name"] for topic in data["about"]] == ["Landmines", "Refugees"]
        assert [report["headline"] for report in data["subjectOf"]] == ["Published report"]
        assert data["subjectOf"][0]["url"] == f"{ROOT}{published.get_canonical_url()}"

    def test_location_without_address_details(self, client, db):
        meeting = MeetingFactory(venue="UN General Assembly", city="", country="")
        data = only_json_ld(client.get(meeting.get_absolute_url()))
        assert data["location"] == {"@type": "Place", "name": "UN General Assembly"}

    def test_no_location_when_none_is_known(self, client, db):
        meeting = MeetingFactory(venue="", city="", country="")
        assert "location" not in only_json_ld(client.get(meeting.get_absolute_url()))

    def test_no_subject_of_without_published_reports(self, client, db):
        meeting = MeetingFactory()
        meeting.reports.add(ArticleFactory(status=Article.Status.REVIEW))
        data = only_json_ld(client.get(meeting.get_absolute_url()))
        assert "subjectOf" not in data
        assert data["attendee"] == []

    def test_the_seed_meeting(self, client, seed):
        data = only_json_ld(client.get(f"/en/meetings/{MEETING_2017}/"))
        assert data["startDate"] == "2017-11-27"
        assert data["location"]["address"] == {
            "@type": "PostalAddress",
            "addressLocality": "Baku",
            "addressCountry": "AZ",
        }
        attendees = {person["name"]: person for person in data["attendee"]}
        assert attendees["Khalaf Khalafov"]["jobTitle"] == "Deputy Minister of Foreign Affairs"
        assert attendees["Georgette Gagnon"]["affiliation"]["url"] == (
            f"{ROOT}/en/organizations/ohchr/"
        )
        assert {report["url"] for report in data["subjectOf"]} == {
            f"{ROOT}/en/articles/{EN_SLUG}/",
            f"{ROOT}/fr/articles/{FR_SLUG}/",
        }


class TestHostileText:
    def test_meeting_text_cannot_leave_the_script(self, client, db):
        meeting = MeetingFactory(title=HOSTILE, summary=HOSTILE, venue=HOSTILE)
        ParticipantFactory(
            meeting=meeting, person=None, reported_name=HOSTILE, reported_title=HOSTILE
        )
        ParticipantFactory(meeting=meeting, person=PersonFactory(name=f"{HOSTILE} 2"))
        meeting.topics.add(TopicFactory(name=HOSTILE))
        page = html(client.get(meeting.get_absolute_url()))
        assert "</script><script>alert" not in page
        assert "<script>alert" not in page
        data = json_ld(page)[0]
        assert data["name"] == HOSTILE
        assert data["description"] == HOSTILE
        assert data["location"]["name"] == HOSTILE
        names = [attendee["name"] for attendee in data["attendee"]]
        assert HOSTILE in names
        assert f"{HOSTILE} 2" in names
        assert data["about"] == [{"@type": "Thing", "name": HOSTILE}]


class TestPreviewsHaveNoJsonLd:
    @pytest.mark.parametrize(
        "unpublished",
        [
            {"status": Meeting.Status.DRAFT},
            {"status": Meeting.Status.REVIEW},
            {"status": Meeting.Status.WITHDRAWN},
            {"published_at": timezone.now() + dt.timedelta(days=1)},
        ],
        ids=["draft", "review", "withdrawn", "scheduled"],
    )
    def test_meeting_preview(self, editor_client, unpublished):
        meeting = MeetingFactory(title="Embargoed meeting", **unpublished)
        response = editor_client.get(meeting.get_absolute_url())
        assert response.status_code == 200
        assert "Embargoed meeting" in html(response)
        assert "application/ld+json" not in html(response)
