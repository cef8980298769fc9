"""What search engines read in a page: the JSON-LD description of an article or a
meeting, safe from hostile text, and absent from previews."""

import datetime as dt
import json
import re

import pytest
from django.utils import timezone

from articles.models import Article, Meeting
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    OutletFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
    TopicFactory,
    TranslationFactory,
)
from tests.pages import EN_SLUG, FR_SLUG, MEETING_2017, ROOT, html

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script><!--"


def json_ld(page):
    """Every JSON-LD block of the page, parsed."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(script) for script in scripts]


def only_json_ld(response):
    assert response.status_code == 200
    blocks = json_ld(html(response))
    assert len(blocks) == 1
    return blocks[0]


def french_2017():
    return Article.objects.get(slug=FR_SLUG)


class TestArticleJsonLd:
    def test_a_news_article(self, client, db):
        outlet = OutletFactory(name="Caspian Herald", homepage="https://caspian.example/")
        article = ArticleFactory(
            title="Minister receives envoy",
            language="en",
            outlet=outlet,
            byline="A. Writer",
            dateline="Baku",
            source_url="https://caspian.example/news/1",
            body="The minister received the envoy.\n\nA second paragraph.",
        )
        article.refresh_from_db()
        data = only_json_ld(client.get(article.get_absolute_url()))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["inLanguage"] == "en"
        assert data["headline"] == "Minister receives envoy"
        assert data["url"] == f"{ROOT}{article.get_canonical_url()}"
        assert dt.datetime.fromisoformat(data["datePublished"]) == article.published_at
        assert dt.datetime.fromisoformat(data["dateModified"]) == article.updated_at
        assert data["publisher"]["name"] == "Caspian Herald"
        assert data["publisher"]["url"] == "https://caspian.example/"
        assert data["isBasedOn"] == "https://caspian.example/news/1"
        assert data["author"] == {"@type": "Person", "name": "A. Writer"}
        assert data["description"].startswith("The minister received the envoy.")
        assert "translationOfWork" not in data
        assert "workTranslation" not in data

    def test_no_is_based_on_without_an_original_address(self, client, db):
        article = ArticleFactory(source_url="")
        data = only_json_ld(client.get(article.get_absolute_url()))
        assert "isBasedOn" not in data

    def test_language_of_a_french_report(self, client, seed):
        data = only_json_ld(client.get(f"/fr/articles/{FR_SLUG}/"))
        assert data["inLanguage"] == "fr"
        assert data["publisher"]["name"] == "AZERTAC"
        assert data["url"] == f"{ROOT}/fr/articles/{FR_SLUG}/"

    def test_translation_and_source_point_at_each_other(self, client, seed):
        english = only_json_ld(client.get(f"/en/articles/{EN_SLUG}/"))
        french = only_json_ld(client.get(f"/fr/articles/{FR_SLUG}/"))
        assert french["translationOfWork"]["url"] == f"{ROOT}/en/articles/{EN_SLUG}/"
        assert french["translationOfWork"]["inLanguage"] == "en"
        assert "workTranslation" not in french
        assert [t["url"] for t in english["workTranslation"]] == [f"{ROOT}/fr/articles/{FR_SLUG}/"]
        assert english["workTranslation"][0]["inLanguage"] == "fr"
        assert "translationOfWork" not in english

    def test_links_are_canonical_whatever_the_interface(self, client, seed):
        french = only_json_ld(client.get(f"/en/articles/{FR_SLUG}/"))
        assert french["url"] == f"{ROOT}/fr/articles/{FR_SLUG}/"
        assert french["translationOfWork"]["url"] == f"{ROOT}/en/articles/{EN_SLUG}/"

    def test_an_unpublished_translation_is_not_listed(self, client, db):
        link = TranslationFactory(translation__status=Article.Status.DRAFT)
        data = only_json_ld(client.get(link.source.get_absolute_url()))
        assert "workTranslation" not in data
        link = TranslationFactory(source__status=Article.Status.WITHDRAWN)
        data = only_json_ld(client.get(link.translation.get_absolute_url()))
        assert "translationOfWork" not in data

    def test_mentions_people_and_organizations(self, client, seed):
        data = only_json_ld(client.get(f"/en/articles/{EN_SLUG}/"))
        mentions = {(m["@type"], m["name"]): m["url"] for m in data["mentions"]}
        assert mentions[("Person", "Khalaf Khalafov")] == f"{ROOT}/en/people/khalaf-khalafov/"
        assert mentions[("Person", "Georgette Gagnon")] == f"{ROOT}/en/people/georgette-gagnon/"
        assert (
            mentions[
                ("Organization", "Office of the United Nations High Commissioner for Human Rights")
            ]
            == f"{ROOT}/en/organizations/ohchr/"
        )
        article = Article.objects.get(slug=EN_SLUG)
        assert len(data["mentions"]) == article.people.count() + article.organizations.count()

    def test_no_mentions_when_nobody_is_named(self, client, db):
        data = only_json_ld(client.get(ArticleFactory().get_absolute_url()))
        assert "mentions" not in data
        assert "about" not in data

    def test_about_the_published_meetings_it_covers(self, client, db):
        article = ArticleFactory()
        covered = MeetingFactory(title="Covered meeting", date=dt.date(2024, 9, 25))
        covered.reports.add(article)
        MeetingFactory(title="Draft meeting", status=Meeting.Status.DRAFT).reports.add(article)
        data = only_json_ld(client.get(article.get_absolute_url()))
        assert data["about"] == [
            {
                "@type": "Event",
                "name": "Covered meeting",
                "startDate": "2024-09-25",
                "url": f"{ROOT}{covered.get_absolute_url()}",
            }
        ]

    def test_the_seed_report_is_about_its_meeting(self, client, seed):
        data = only_json_ld(client.get(f"/en/articles/{EN_SLUG}/"))
        assert [event["url"] for event in data["about"]] == [f"{ROOT}/en/meetings/{MEETING_2017}/"]
        assert data["about"][0]["startDate"] == "2017-11-27"


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
    def test_article_text_cannot_leave_the_script(self, client, db):
        article = ArticleFactory(
            title=HOSTILE, body=f"{HOSTILE}\n\nMore.", byline=HOSTILE, dateline=HOSTILE
        )
        article.people.add(PersonFactory(name=HOSTILE))
        page = html(client.get(article.get_absolute_url()))
        assert "</script><script>alert" not in page
        assert "<script>alert" not in page
        data = json_ld(page)[0]
        assert data["headline"] == HOSTILE
        assert data["author"]["name"] == HOSTILE
        assert data["dateline"] == HOSTILE
        assert data["description"] == HOSTILE
        assert data["mentions"][0]["name"] == HOSTILE

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

    def test_ampersands_and_quotes_survive(self, client, db):
        title = "Rights & \"Duties\" <in> O'Brien's \u2028 report"
        article = ArticleFactory(title=title)
        data = only_json_ld(client.get(article.get_absolute_url()))
        assert data["headline"] == title


class TestPreviewsHaveNoJsonLd:
    @pytest.mark.parametrize(
        "unpublished",
        [
            {"status": Article.Status.DRAFT},
            {"status": Article.Status.REVIEW},
            {"status": Article.Status.WITHDRAWN},
            {"published_at": timezone.now() + dt.timedelta(days=1)},
        ],
        ids=["draft", "review", "withdrawn", "scheduled"],
    )
    def test_article_preview(self, editor_client, unpublished):
        article = ArticleFactory(title="Embargoed", **unpublished)
        response = editor_client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Embargoed" in html(response)
        assert json_ld(html(response)) == []
        assert "application/ld+json" not in html(response)

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

    def test_editors_see_json_ld_on_published_pages(self, editor_client, seed):
        assert only_json_ld(editor_client.get(f"/en/articles/{EN_SLUG}/"))["@type"] == (
            "NewsArticle"
        )
