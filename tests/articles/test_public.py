"""The home page, the list of reports and a report's page as readers see them: the right
content, the right links, nothing unpublished."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from meetings.models import Meeting
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OutletFactory,
    TopicFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db

EN_2017 = "/en/articles/khalafov-receives-ohchr-delegation-led-by-georgette-gagnon/"
FR_SLUG = "khalafov-s-entretient-avec-une-delegation-du-haut-commissariat-aux-droits-de-l-homme"
FR_2017 = f"/en/articles/{FR_SLUG}/"
MEETING_2017 = "/en/meetings/khalafov-receives-ohchr-delegation-2017/"


def html(response):
    return response.content.decode()


def listed_slugs(response):
    return [article.slug for article in response.context["article_list"]]


class TestHome:
    def test_latest_published_articles_and_meetings(self, client, seed):
        ArticleFactory(title="An unreviewed draft", status=Article.Status.DRAFT)
        MeetingFactory(title="A draft meeting", status=Meeting.Status.DRAFT)
        response = client.get("/en/")
        assert response.status_code == 200
        page = html(response)
        assert "Jeyhun Bayramov meets UN High Commissioner for Human Rights Volker Türk" in page
        assert EN_2017 in page
        assert FR_2017 in page
        assert MEETING_2017 in page
        assert "An unreviewed draft" not in page
        assert "A draft meeting" not in page
        dates = [a.published_at for a in response.context["articles"]]
        assert dates == sorted(dates, reverse=True)

    def test_empty_site_says_so(self, client, db):
        page = html(client.get("/en/"))
        assert "No reports have been published yet." in page
        assert "No meeting summaries have been published yet." in page


class TestArticleList:
    def test_newest_first_with_language_and_versions(self, client, seed):
        response = client.get("/en/articles/")
        assert response.status_code == 200
        assert listed_slugs(response)[0] == "bayramov-meets-un-high-commissioner-volker-turk"
        page = html(response)
        english_row = re.search(
            rf'<li class="article-row">(?:(?!</li>).)*href="{EN_2017}".*?</li>', page, re.S
        ).group(0)
        assert ">en</span>" in english_row
        assert f'href="{FR_2017}" hreflang="fr" lang="fr"' in english_row
        assert "Français" in english_row

    def test_the_language_menu_reads_the_archive_once_per_change_even_uncached(
        self, client, settings
    ):
        settings.CACHE_MIDDLEWARE_SECONDS = 0
        ArticleFactory(language="fr")
        client.get("/en/articles/")
        with CaptureQueriesContext(connection) as again:
            client.get("/en/articles/")
        assert again.captured_queries
        assert not [query for query in again.captured_queries if "DISTINCT" in query["sql"]]

        ArticleFactory(language="ru")
        menu = client.get("/en/articles/").text.split('name="language"')[1].split("</select>")[0]

        assert 'value="ru"' in menu
        assert 'value="fr"' in menu

    def test_paginated_by_cursor(self, client, db):
        articles = ArticleFactory.create_batch(45)
        newest_first = [
            a.slug for a in sorted(articles, key=lambda a: a.published_at, reverse=True)
        ]
        first = client.get("/en/articles/")
        assert listed_slugs(first) == newest_first[:20]
        assert first.context["newer_url"] is None
        second = client.get(first.context["older_url"])
        assert listed_slugs(second) == newest_first[20:40]
        third = client.get(second.context["older_url"])
        assert listed_slugs(third) == newest_first[40:]
        assert third.context["older_url"] is None
        assert listed_slugs(client.get(third.context["newer_url"])) == newest_first[20:40]
        assert 'rel="next"' in html(first)
        assert 'rel="prev"' in html(second)

    @pytest.mark.parametrize("path", ["/en/articles/", "/en/meetings/", "/api/v1/articles/"])
    @pytest.mark.parametrize("cursor", ["not-a-cursor", "%00", "%3D%3D"])
    def test_a_damaged_cursor_is_a_404(self, client, db, path, cursor):
        """Also one that decodes to nothing: the first page's address has no cursor."""
        ArticleFactory.create_batch(21)
        MeetingFactory.create_batch(21)
        response = client.get(f"{path}?cursor={cursor}")
        assert response.status_code == 404

    def test_pagination_keeps_the_filters(self, client, db):
        ArticleFactory.create_batch(21, language="fr")
        older = client.get("/en/articles/?language=fr").context["older_url"]
        assert "language=fr" in older
        assert "cursor=" in older

    def test_filter_by_language(self, client, seed):
        assert listed_slugs(client.get("/en/articles/?language=fr")) == [FR_2017.split("/")[3]]

    def test_filter_by_outlet(self, client, seed):
        assert listed_slugs(client.get("/en/articles/?outlet=trend")) == [
            "bayramov-addresses-54th-session-of-un-human-rights-council"
        ]

    def test_filter_by_date_range_includes_both_ends(self, client, seed):
        response = client.get(
            "/en/articles/?published_after=2017-11-27&published_before=2017-11-28"
        )
        assert set(listed_slugs(response)) == {EN_2017.split("/")[3], FR_2017.split("/")[3]}

    def test_filter_by_person_organization_and_topic(self, client, seed):
        bayramov = set(listed_slugs(client.get("/en/articles/?person=jeyhun-bayramov")))
        assert bayramov == {
            "bayramov-meets-un-high-commissioner-volker-turk",
            "bayramov-addresses-54th-session-of-un-human-rights-council",
        }
        nam = listed_slugs(client.get("/en/articles/?organization=non-aligned-movement"))
        assert nam == ["bayramov-addresses-54th-session-of-un-human-rights-council"]
        cop29 = listed_slugs(client.get("/en/articles/?topic=cop29"))
        assert cop29 == ["bayramov-meets-un-high-commissioner-volker-turk"]

    def test_filters_combine(self, client, seed):
        response = client.get("/en/articles/?person=khalaf-khalafov&language=fr")
        assert listed_slugs(response) == [FR_2017.split("/")[3]]
        assert "1 report matches these filters" in html(response)
        none = client.get("/en/articles/?person=khalaf-khalafov&outlet=trend")
        assert listed_slugs(none) == []
        assert "No report matches these filters." in html(none)

    def test_a_filter_matching_very_many_counts_them_up_to_a_bound(self, client, seed, monkeypatch):
        """The count costs the same however many reports a filter matches."""
        monkeypatch.setattr("articles.views.MATCH_COUNT_LIMIT", 2)
        page = html(client.get("/en/articles/?language=en"))
        assert "More than 2 reports match these filters." in page
        assert "1 report matches these filters" in html(
            client.get("/en/articles/?person=khalaf-khalafov&language=fr")
        )

    def test_topic_filter_lists_each_article_once(self, client, seed):
        topic = TopicFactory(slug="shared")
        article = ArticleFactory()
        for _ in range(2):
            meeting = MeetingFactory()
            meeting.topics.add(topic)
            meeting.reports.add(article)
        assert listed_slugs(client.get("/en/articles/?topic=shared")) == [article.slug]

    def test_a_person_filter_shows_as_a_removable_chip(self, client, seed):
        page = html(client.get("/en/articles/?person=khalaf-khalafov&language=fr"))
        assert "<strong>Khalaf Khalafov</strong>" in page
        assert 'href="?language=fr">Remove the filter Khalaf Khalafov</a>' in page
        assert '<input type="hidden" name="person" value="khalaf-khalafov"' in page
        assert '<select name="person"' not in page

    def test_topic_filter_ignores_unpublished_meetings(self, client, db):
        topic = TopicFactory(slug="sensitive")
        meeting = MeetingFactory(status=Meeting.Status.REVIEW)
        meeting.topics.add(topic)
        meeting.reports.add(ArticleFactory())
        assert listed_slugs(client.get("/en/articles/?topic=sensitive")) == []

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ("language=xx", "Language: Select a valid choice. xx is not one of the available"),
            ("outlet=no-such-outlet", "Outlet: Select a valid choice."),
            ("person=<script>", "Person: Select a valid choice."),
            ("published_after=yesterday", "Published between: Enter a valid date."),
            ("published_before=2024-13-45", "Published between: Enter a valid date."),
        ],
    )
    def test_bad_filter_values_get_a_message(self, client, seed, query, message):
        response = client.get(f"/en/articles/?{query}")
        assert response.status_code == 400
        page = html(response)
        assert "Some filters could not be applied" in page
        assert message in page
        assert "<script>" not in page.split("<main", 1)[1]

    def test_drafts_and_scheduled_articles_are_not_listed(self, client, db):
        live = ArticleFactory()
        ArticleFactory(status=Article.Status.DRAFT)
        ArticleFactory(published_at=timezone.now() + dt.timedelta(hours=2))
        assert listed_slugs(client.get("/en/articles/")) == [live.slug]

    def test_query_count_does_not_grow_with_the_page(
        self, client, db, django_assert_max_num_queries
    ):
        for _ in range(10):
            TranslationFactory(source__outlet=OutletFactory(), translation__outlet=OutletFactory())
        with django_assert_max_num_queries(12):
            response = client.get("/en/articles/")
        assert len(response.context["article_list"]) == 20


class TestArticlePage:
    def test_shows_the_report(self, client, seed):
        response = client.get("/en/articles/bayramov-meets-un-high-commissioner-volker-turk/")
        assert response.status_code == 200
        page = html(response)
        assert "<h1" in page
        assert "Jeyhun Bayramov meets UN High Commissioner" in page
        assert "MENAFN" in page
        assert "via AzerNews" in page
        assert "Fatima Latifova" in page
        assert "26 September 2024" in page
        assert '<article class="report" lang="en"' in page
        assert page.count("<p>On September 25, 2024, Foreign Jeyhun Bayramov met") == 1
        paragraphs = re.search(r'<div class="article-body">(.*?)</div>', page, re.S).group(1)
        assert paragraphs.count("<p>") == 9

    def test_dateline(self, client, seed):
        page = html(client.get(FR_2017))
        assert '<span class="dateline">Bakou</span>' in page
        assert '<article class="report" lang="fr"' in page

    def test_links_the_original_report(self, client, db):
        article = ArticleFactory(source_url="https://news.az/news/khalafov-gagnon")
        page = html(client.get(article.get_absolute_url()))
        assert 'href="https://news.az/news/khalafov-gagnon"' in page
        assert f"Read the original report on {article.outlet.name}" in page

    def test_says_when_the_original_address_is_unknown(self, client, seed):
        assert "The original address of this report was not recorded." in html(client.get(EN_2017))

    def test_translation_links_both_ways(self, client, seed):
        french = html(client.get(FR_2017))
        assert "Translation of" in french
        assert f'<a href="{EN_2017}" hreflang="en" lang="en">' in french
        assert "by a human translator" in french
        assert "English" in french
        english = html(client.get(EN_2017))
        assert "Translation of" not in english
        assert "Also in:" in english
        assert f'href="{FR_2017}" hreflang="fr" lang="fr"' in english
        assert "Français" in english

    def test_siblings_are_linked(self, client, db):
        link = TranslationFactory()
        russian = TranslationFactory(source=link.source, translation__language="ru").translation
        page = html(client.get(link.translation.get_absolute_url()))
        assert f'href="{russian.get_absolute_url()}" hreflang="ru"' in page
        assert "Русский" in page

    def test_hreflang_alternates_are_absolute_reciprocal_and_include_itself(self, client, seed):
        for url in (EN_2017, FR_2017):
            page = html(client.get(url))
            alternates = dict(
                re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)
            )
            assert alternates == {
                "en": f"http://testserver{EN_2017}",
                "fr": f"http://testserver/fr/articles/{FR_SLUG}/",
                "x-default": f"http://testserver{EN_2017}",
            }

    def test_no_alternates_without_versions(self, client, seed):
        page = html(client.get("/en/articles/bayramov-meets-un-high-commissioner-volker-turk/"))
        assert 'hreflang="x-default"' not in page

    def test_shows_the_meetings_it_covers_and_who_it_names(self, client, seed):
        page = html(client.get(FR_2017))
        assert f'href="{MEETING_2017}"' in page
        assert 'href="/en/people/khalaf-khalafov/"' in page
        assert 'href="/en/organizations/ohchr/"' in page

    def test_stored_text_is_escaped(self, client, db):
        hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        article = ArticleFactory(
            title=hostile, body=f"{hostile}\n\nSecond", byline=hostile, dateline=hostile
        )
        page = html(client.get(article.get_absolute_url()))
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page

    def test_a_draft_is_404_for_readers(self, client, db):
        draft = ArticleFactory(status=Article.Status.DRAFT)
        assert client.get(draft.get_absolute_url()).status_code == 404

    def test_a_scheduled_article_is_404_for_readers(self, client, db):
        scheduled = ArticleFactory(published_at=timezone.now() + dt.timedelta(days=1))
        assert client.get(scheduled.get_absolute_url()).status_code == 404

    def test_an_editor_previews_a_draft_never_cached(self, editor_client, db):
        draft = ArticleFactory(status=Article.Status.DRAFT, title="Embargoed report")
        response = editor_client.get(draft.get_absolute_url())
        assert response.status_code == 200
        page = html(response)
        assert "Preview:" in page
        assert "draft, not visible to readers" in page
        assert f'href="{reverse("admin:articles_article_change", args=[draft.pk])}"' in page
        assert "no-cache" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]

    def test_a_published_page_is_not_marked_as_preview(self, editor_client, seed):
        response = editor_client.get(EN_2017)
        assert "Preview:" not in html(response)
        assert "no-store" not in response.get("Cache-Control", "")

    def test_a_draft_translation_is_not_linked_from_its_published_source(self, client, db):
        link = TranslationFactory(translation__status=Article.Status.DRAFT)
        page = html(client.get(link.source.get_absolute_url()))
        assert link.translation.get_absolute_url() not in page
        assert "Also in:" not in page
        assert '<link rel="alternate" hreflang="fr"' not in page

    def test_a_draft_source_is_not_linked_from_its_published_translation(self, client, db):
        link = TranslationFactory(source__status=Article.Status.DRAFT)
        page = html(client.get(link.translation.get_absolute_url()))
        assert link.source.get_absolute_url() not in page
        assert "a report not published here" in page

    def test_query_budget(self, client, seed, django_assert_max_num_queries):
        with django_assert_max_num_queries(8):
            assert client.get(FR_2017).status_code == 200
