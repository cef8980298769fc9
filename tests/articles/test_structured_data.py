"""What search engines read in an article's page: its JSON-LD description, safe from
hostile text, and absent from previews."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article
from meetings.models import Meeting
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OutletFactory,
    PersonFactory,
    TranslationFactory,
)
from tests.pages import EN_SLUG, FR_SLUG, MEETING_2017, ROOT, html, json_ld, only_json_ld

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script><!--"


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

    def test_editors_see_json_ld_on_published_pages(self, editor_client, seed):
        assert only_json_ld(editor_client.get(f"/en/articles/{EN_SLUG}/"))["@type"] == (
            "NewsArticle"
        )
