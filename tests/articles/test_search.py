"""Search as readers use it: ranked, highlighted, published content only, in every language."""

import datetime as dt
import re
import sqlite3
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import filters as article_filters
from articles.models import Article
from core import caching
from editorial import workflow
from meetings.models import Meeting
from search.models import SearchDocument
from search.query import MAX_QUERY_LENGTH
from search.sqlite import fts_expression
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    OutletFactory,
    ParticipantFactory,
    PersonFactory,
    SummaryTranslationFactory,
    TopicFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db

SQLITE = connection.vendor == "sqlite"
POSTGRESQL = connection.vendor == "postgresql"
only_sqlite = pytest.mark.skipif(not SQLITE, reason="SQLite FTS5 behaviour")
only_postgresql = pytest.mark.skipif(not POSTGRESQL, reason="PostgreSQL stemming")

FR_SLUG = "khalafov-s-entretient-avec-une-delegation-du-haut-commissariat-aux-droits-de-l-homme"
EN_SLUG = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
MEETING_2017 = "khalafov-receives-ohchr-delegation-2017"


def html(response):
    return response.content.decode()


def search(client, query, url="/en/search/", **filters):
    return client.get(url, {"q": query, **filters})


def found(response):
    """Slugs of the reports on the page, in the order shown."""
    return [article.slug for article in response.context["article_list"]]


def found_meetings(response):
    """Slugs of the meetings the page shows above the reports, in the order shown."""
    return re.findall(
        r'class="meeting-row-title" href="/\w+/meetings/([^/"]+)/"', meetings_section(response)
    )


def section(page, heading_id):
    """The HTML of the results section labelled by `heading_id`, or '' if absent."""
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', page, re.S)
    return match.group(1) if match else ""


def reports_section(response):
    return section(html(response), "article-results")


def meetings_section(response):
    return section(html(response), "meeting-results")


class TestRanking:
    def test_a_word_in_the_title_ranks_above_one_mention_in_the_body(self, client, db):
        # The title match is older and has the lower id: neither date nor id puts it first.
        in_title = ArticleFactory(
            title="Quennefer delegation arrives in Baku",
            body="The delegation arrived.",
            published_at=timezone.now() - dt.timedelta(days=30),
        )
        in_body = ArticleFactory(
            title="Minister receives guests",
            body="Among the guests was a delegate from Quennefer, who spoke briefly.",
            published_at=timezone.now() - dt.timedelta(days=1),
        )
        response = search(client, "Quennefer")
        assert response.status_code == 200
        assert found(response) == [in_title.slug, in_body.slug]
        reports = reports_section(response)
        assert reports.index(in_title.get_absolute_url()) < reports.index(
            in_body.get_absolute_url()
        )
        assert "2 reports match." in reports

    def test_unrelated_reports_are_not_listed(self, client, db):
        ArticleFactory(title="Zorbalite talks", body="About Zorbalite.")
        other = ArticleFactory(title="Something else", body="Nothing to see.")
        response = search(client, "Zorbalite")
        assert other.slug not in found(response)
        assert other.title not in reports_section(response)

    def test_no_match_says_so(self, client, db):
        ArticleFactory()
        response = search(client, "Zorbalite")
        assert response.status_code == 200
        assert found(response) == []
        assert "No published report matches “Zorbalite”" in html(response)


class TestSnippets:
    def test_matching_words_are_marked(self, client, seed):
        response = search(client, "Gagnon")
        reports = reports_section(response)
        assert reports.count('<p class="snippet"') == 2
        assert "<mark>Gagnon</mark>" in reports
        assert "<mark>Gagnon</mark>" in meetings_section(response)

    def test_markup_in_the_text_is_never_rendered(self, client, db):
        ArticleFactory(
            title="Envoy arrives",
            body="The envoy <b>Gagnon</b> spoke <script>alert(1)</script> & left.",
        )
        reports = reports_section(search(client, "Gagnon"))
        assert "<mark>Gagnon</mark>" in reports
        assert "<b>" not in reports
        assert "<script>" not in reports

    def test_markup_in_the_text_shows_escaped_in_the_snippet(self, client, db):
        ArticleFactory(title="Envoy arrives", body="The envoy <b>Gagnon</b> spoke & left.")
        reports = reports_section(search(client, "Gagnon"))
        assert "&lt;b&gt;<mark>Gagnon</mark>&lt;/b&gt;" in reports

    def test_the_query_is_escaped_wherever_it_is_echoed(self, client, db):
        ArticleFactory()
        page = html(search(client, '<script>alert("q")</script>'))
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in page


class TestSnippetsAreKept:
    """A report's snippet for a search is kept under its search document and the
    terms: the next reader of the results reads no document text, and an edit, which
    replaces the document, shows at once."""

    @pytest.fixture
    def pages_not_cached(self, settings):
        settings.CACHE_MIDDLEWARE_SECONDS = 0

    def document_reads(self, client, query):
        with CaptureQueriesContext(connection) as context:
            response = search(client, query)
        text = '"articles_searchdocument"."body"'
        return response, sum(text in each["sql"] for each in context.captured_queries)

    def test_a_second_search_reads_no_document_text(self, client, db, pages_not_cached):
        ArticleFactory.create_batch(3, title="Visit", body="The ombudsman came on Monday.")
        MeetingFactory(title="Ombudsman meeting", summary="The ombudsman met the envoy.")
        first, reads = self.document_reads(client, "ombudsman")
        assert reads == 2
        second, reads = self.document_reads(client, "ombudsman")
        assert reads == 0
        assert reports_section(second).count("<mark>ombudsman</mark>") == 3
        assert "<mark>ombudsman</mark>" in meetings_section(second)
        assert reports_section(second) == reports_section(first)

    def test_other_words_have_their_own_snippets(self, client, db, pages_not_cached):
        ArticleFactory(title="Visit", body="The ombudsman came on Monday.")
        assert "<mark>ombudsman</mark>" in reports_section(search(client, "ombudsman"))
        reports = reports_section(search(client, "Monday"))
        assert "<mark>Monday</mark>" in reports
        assert "<mark>ombudsman</mark>" not in reports

    def test_an_edit_shows_in_the_next_snippet(self, client, db, pages_not_cached):
        article = ArticleFactory(title="Visit", body="The ombudsman came on Monday.")
        assert "Monday" in reports_section(search(client, "ombudsman"))
        article.body = "The ombudsman came on Friday."
        article.save()
        reports = reports_section(search(client, "ombudsman"))
        assert "Friday" in reports
        assert "Monday" not in reports

    def test_with_fragments_off_every_search_reads_the_text(
        self, client, db, pages_not_cached, settings
    ):
        settings.NEWSROOM_FRAGMENT_SECONDS = 0
        ArticleFactory(title="Visit", body="The ombudsman came on Monday.")
        for _ in range(2):
            assert self.document_reads(client, "ombudsman")[1] == 1


class TestWhatIsSearched:
    def test_people_named_in_a_report_find_it_even_when_not_in_its_text(self, client, db):
        article = ArticleFactory(title="Talks in Geneva", body="The talks went well.")
        article.people.add(PersonFactory(name="Rovshan Zeynalzade"))
        ArticleFactory(title="Other talks", body="Nobody named.")
        assert found(search(client, "Zeynalzade")) == [article.slug]

    def test_organizations_named_in_a_report_find_it(self, client, db):
        article = ArticleFactory(title="Talks in Geneva", body="The talks went well.")
        article.organizations.add(OrganizationFactory(name="Venetian Quorum Commission"))
        ArticleFactory(title="Other talks", body="Nobody named.")
        assert found(search(client, "Venetian Quorum")) == [article.slug]

    def test_meetings_are_found_by_their_summary(self, client, db):
        meeting = MeetingFactory(title="A meeting", summary="They discussed Zorbalite mining.")
        MeetingFactory(title="Another meeting", summary="They discussed the weather.")
        response = search(client, "Zorbalite")
        assert found_meetings(response) == [meeting.slug]
        meetings = meetings_section(response)
        assert f'href="{meeting.get_absolute_url()}"' in meetings
        assert "<mark>Zorbalite</mark>" in meetings

    def test_meetings_are_found_by_their_participants(self, client, db):
        meeting = MeetingFactory(title="A meeting")
        ParticipantFactory(meeting=meeting, person=PersonFactory(name="Tural Qasimzade"))
        MeetingFactory(title="Another meeting")
        response = search(client, "Qasimzade")
        assert found_meetings(response) == [meeting.slug]
        assert f'href="{meeting.get_absolute_url()}"' in meetings_section(response)

    def test_meetings_are_found_by_the_text_of_their_summary_translations(self, client, db):
        meeting = MeetingFactory(title="A meeting", summary="An account in English.")
        SummaryTranslationFactory(
            meeting=meeting, language="fr", title="Réunion", summary="Entretien à Nakhitchevan."
        )
        response = search(client, "Nakhitchevan")
        assert found_meetings(response) == [meeting.slug]
        assert f'href="{meeting.get_absolute_url()}"' in meetings_section(response)

    def test_the_seed_meeting_is_found_with_its_reports(self, client, seed):
        response = search(client, "Gagnon")
        assert found_meetings(response) == [MEETING_2017]
        assert set(found(response)) == {EN_SLUG, FR_SLUG}

    def test_no_meetings_section_without_a_matching_meeting(self, client, db):
        ArticleFactory(body="Zorbalite.")
        MeetingFactory(summary="Nothing of the kind.")
        response = search(client, "Zorbalite")
        assert found_meetings(response) == []
        assert 'id="meeting-results"' not in html(response)


class TestMeetingResultsAreKept:
    """The meetings above the reports are rendered once per content version, words and
    interface language (`SearchView.meeting_results`)."""

    @pytest.fixture(autouse=True)
    def pages_not_cached(self, settings):
        settings.CACHE_MIDDLEWARE_SECONDS = 0

    def meeting_queries(self, client, words, url="/en/search/"):
        with CaptureQueriesContext(connection) as context:
            response = search(client, words, url=url)
        queries = [each["sql"] for each in context.captured_queries]
        return response, [sql for sql in queries if "articles_meeting" in sql]

    def test_the_same_search_reads_no_meeting_again(self, client, db):
        meeting = MeetingFactory(title="A meeting", summary="They discussed Zorbalite.")
        first, read = self.meeting_queries(client, "Zorbalite")
        assert read
        second, read = self.meeting_queries(client, "Zorbalite")
        assert read == []
        assert found_meetings(second) == found_meetings(first) == [meeting.slug]
        assert meetings_section(second) == meetings_section(first)

    def test_an_edit_shows_at_once(self, client, db):
        meeting = MeetingFactory(title="Talks in Geneva", summary="Zorbalite mining.")
        assert "Talks in Geneva" in meetings_section(search(client, "Zorbalite"))
        meeting.title = "Talks in Vienna"
        meeting.save()
        section = meetings_section(search(client, "Zorbalite"))
        assert "Talks in Vienna" in section
        assert "Talks in Geneva" not in section

    def test_each_interface_language_has_its_own(self, client, db):
        meeting = MeetingFactory(title="A meeting", summary="Zorbalite.", date=dt.date(2024, 3, 5))
        english = meetings_section(search(client, "Zorbalite"))
        french = meetings_section(search(client, "Zorbalite", url="/fr/search/"))
        assert f'href="/en/meetings/{meeting.slug}/"' in english
        assert "5 Mar 2024" in english
        assert f'href="/fr/meetings/{meeting.slug}/"' in french
        assert "5 mars 2024" in french

    def test_a_draft_shows_only_once_published(self, client, reviewer, db):
        MeetingFactory(title="Published talks", summary="Zorbalite.")
        draft = MeetingFactory(
            title="Draft talks", summary="Zorbalite.", status=Meeting.Status.REVIEW
        )
        assert "Draft talks" not in html(search(client, "Zorbalite"))
        workflow.apply(workflow.TRANSITIONS["publish"], draft, reviewer)
        assert "Draft talks" in meetings_section(search(client, "Zorbalite"))


class TestFilters:
    def test_language_filter_narrows_the_results(self, client, seed):
        response = search(client, "Khalafov", language="fr")
        assert found(response) == [FR_SLUG]
        assert "1 report matches." in reports_section(response)

    def test_outlet_filter_narrows_the_results(self, client, db):
        outlet = OutletFactory(slug="zorbalite-times")
        kept = ArticleFactory(body="Zorbalite news.", outlet=outlet)
        ArticleFactory(body="Zorbalite news elsewhere.")
        assert found(search(client, "Zorbalite", outlet="zorbalite-times")) == [kept.slug]

    def test_filters_with_no_match_offer_a_search_without_them(self, client, db):
        ArticleFactory(body="Zorbalite news.", language="en")
        response = search(client, "Zorbalite", language="fr")
        assert found(response) == []
        assert 'href="/en/search/?q=Zorbalite"' in html(response)

    def test_the_article_list_searches_too(self, client, db):
        in_title = ArticleFactory(
            title="Quennefer delegation arrives",
            body="It arrived.",
            published_at=timezone.now() - dt.timedelta(days=30),
        )
        in_body = ArticleFactory(title="Guests", body="One guest came from Quennefer.")
        ArticleFactory(title="Unrelated", body="Nothing.")
        response = client.get("/en/articles/", {"q": "Quennefer"})
        assert response.status_code == 200
        assert found(response) == [in_title.slug, in_body.slug]

    def test_the_article_list_combines_words_and_filters(self, client, seed):
        response = client.get("/en/articles/", {"q": "Gagnon", "language": "en"})
        assert found(response) == [EN_SLUG]


class TestOnlyPublished:
    def test_unpublished_articles_never_appear(self, client, db):
        published = ArticleFactory(title="Zorbalite published")
        for status in (Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.WITHDRAWN):
            ArticleFactory(title=f"Zorbalite {status}", status=status)
        ArticleFactory(
            title="Zorbalite scheduled", published_at=timezone.now() + dt.timedelta(hours=3)
        )
        response = search(client, "Zorbalite")
        assert found(response) == [published.slug]
        page = html(response)
        for hidden in ("draft", "review", "withdrawn", "scheduled"):
            assert f"Zorbalite {hidden}" not in page

    def test_unpublished_meetings_never_appear(self, client, db):
        published = MeetingFactory(title="Zorbalite published", summary="Zorbalite.")
        for status in (Meeting.Status.DRAFT, Meeting.Status.REVIEW, Meeting.Status.WITHDRAWN):
            MeetingFactory(title=f"Zorbalite {status}", summary="Zorbalite.", status=status)
        MeetingFactory(
            title="Zorbalite scheduled",
            summary="Zorbalite.",
            published_at=timezone.now() + dt.timedelta(hours=3),
        )
        response = search(client, "Zorbalite")
        assert found_meetings(response) == [published.slug]
        page = html(response)
        for hidden in ("draft", "review", "withdrawn", "scheduled"):
            assert f"Zorbalite {hidden}" not in page

    def test_a_withdrawn_article_disappears_at_once(self, client, reviewer, db):
        article = ArticleFactory(title="Zorbalite report")
        assert found(search(client, "Zorbalite")) == [article.slug]
        workflow.apply(workflow.TRANSITIONS["withdraw"], article, reviewer)
        response = search(client, "Zorbalite")
        assert found(response) == []
        assert "Zorbalite report" not in reports_section(response)

    def test_a_withdrawn_meeting_disappears_at_once(self, client, reviewer, db):
        meeting = MeetingFactory(title="Zorbalite meeting", summary="Zorbalite.")
        assert found_meetings(search(client, "Zorbalite")) == [meeting.slug]
        workflow.apply(workflow.TRANSITIONS["withdraw"], meeting, reviewer)
        assert found_meetings(search(client, "Zorbalite")) == []

    def test_a_scheduled_article_appears_when_its_time_comes(self, client, db):
        article = ArticleFactory(
            title="Zorbalite report", published_at=timezone.now() + dt.timedelta(hours=3)
        )
        assert found(search(client, "Zorbalite")) == []
        with time_machine.travel(timezone.now() + dt.timedelta(hours=4)):
            assert found(search(client, "Zorbalite")) == [article.slug]


class TestLanguageMatching:
    @only_postgresql
    def test_english_words_are_stemmed(self, client, db):
        article = ArticleFactory(title="Talks", body="The meeting took place in Baku.")
        assert found(search(client, "meetings")) == [article.slug]

    @only_postgresql
    def test_french_words_are_stemmed_in_a_french_report(self, client, db):
        article = ArticleFactory(
            title="Entretien", body="La rencontre a eu lieu à Bakou.", language="fr"
        )
        assert found(search(client, "rencontres")) == [article.slug]

    @only_sqlite
    def test_words_match_as_prefixes(self, client, db):
        article = ArticleFactory(title="Talks", body="The meetings took place in Baku.")
        assert found(search(client, "meeting")) == [article.slug]
        assert found(search(client, "Khalaf")) == []
        article.body = "Khalafov received them."
        article.save()
        assert found(search(client, "Khalaf")) == [article.slug]

    def test_accented_words_are_found(self, client, db):
        article = ArticleFactory(title="Visite", body="La délégation à Genève.", language="fr")
        assert found(search(client, "Genève")) == [article.slug]
        if SQLITE:
            assert found(search(client, "Geneve")) == [article.slug]

    def test_cyrillic_words_are_found(self, client, db):
        article = ArticleFactory(title="Встреча", body="Халафов принял делегацию.", language="ru")
        assert found(search(client, "Халафов")) == [article.slug]


class TestQuerySyntax:
    @pytest.fixture
    def corpus(self, db):
        return {
            "phrase": ArticleFactory(body="The human rights council met in Geneva."),
            "reordered": ArticleFactory(body="The council on human rights met in Vienna."),
            "zorbalite": ArticleFactory(body="Zorbalite exports rose."),
            "quennefer": ArticleFactory(body="Quennefer imports fell."),
            "both": ArticleFactory(body="Zorbalite and Quennefer traded."),
        }

    def slugs(self, corpus, *keys):
        return {corpus[key].slug for key in keys}

    def test_a_quoted_phrase_matches_those_words_together(self, client, corpus):
        assert set(found(search(client, '"human rights council"'))) == self.slugs(corpus, "phrase")
        assert set(found(search(client, "human rights council"))) == self.slugs(
            corpus, "phrase", "reordered"
        )

    def test_words_must_all_match(self, client, corpus):
        assert set(found(search(client, "Zorbalite Quennefer"))) == self.slugs(corpus, "both")

    @pytest.mark.parametrize("either", ["or", "OR", "Or"])
    def test_or_between_words_matches_either(self, client, corpus, either):
        assert set(found(search(client, f"Zorbalite {either} Quennefer"))) == self.slugs(
            corpus, "zorbalite", "quennefer", "both"
        )

    def test_a_minus_excludes_a_word(self, client, corpus):
        assert set(found(search(client, "Zorbalite -Quennefer"))) == self.slugs(corpus, "zorbalite")

    def test_a_minus_excludes_a_word_whatever_other_languages_make_of_it(self, client, corpus):
        assert set(found(search(client, "council -Vienna"))) == self.slugs(corpus, "phrase")

    def test_a_minus_excludes_a_phrase(self, client, corpus):
        assert set(found(search(client, 'rights -"human rights council"'))) == self.slugs(
            corpus, "reordered"
        )


class TestQueryValidation:
    @pytest.mark.parametrize("url", ["/en/search/", "/en/search/?q=", "/en/search/?q=%20%20"])
    def test_an_empty_query_shows_help(self, client, seed, url):
        response = client.get(url)
        assert response.status_code == 200
        page = html(response)
        assert "Put words in quotes to find them together" in page
        assert 'id="article-results"' not in page
        assert found(response) == []

    def test_a_too_long_query_is_refused_with_a_reason(self, client, seed):
        response = search(client, "a" * (MAX_QUERY_LENGTH + 1))
        assert response.status_code == 400
        page = html(response)
        assert "Some filters could not be applied" in page
        assert f"at most {MAX_QUERY_LENGTH} characters" in page
        assert f"it has {MAX_QUERY_LENGTH + 1}" in page

    def test_a_too_long_query_is_refused_on_the_article_list(self, client, seed):
        response = client.get("/en/articles/", {"q": "Gagnon " * 40})
        assert response.status_code == 400
        assert f"at most {MAX_QUERY_LENGTH} characters" in html(response)

    def test_a_query_of_the_longest_length_is_accepted(self, client, seed):
        query = ("Gagnon " * 40)[:MAX_QUERY_LENGTH]
        response = search(client, query)
        assert response.status_code == 200

    @pytest.mark.parametrize(
        "query",
        [
            '"',
            '""',
            "(",
            ")",
            "*",
            "AND",
            "NOT",
            "OR",
            "or",
            "-",
            "- -",
            "'; DROP TABLE articles_article; --",
            "😀",
            "🇦🇿 Baku",
            "Халафов",
            "حقوق الإنسان",
            "a" * MAX_QUERY_LENGTH,
            "NEAR(Gagnon Khalafov)",
            "title:Gagnon",
            "Gagnon*",
            "^Gagnon",
            '"Gagnon',
            'Gag"non',
            "-Gagnon",
            "Gagnon or",
            "or Gagnon",
            "Gagnon -",
            "\u0301",
            "\u200b",
            "_",
            "%",
            "\\",
            "&",
            "<>",
        ],
    )
    def test_odd_queries_never_fail(self, client, seed, query):
        response = search(client, query)
        assert response.status_code == 200
        page = html(response)
        assert "<mark></mark>" not in page
        list_response = client.get("/en/articles/", {"q": query})
        assert list_response.status_code == 200

    def test_the_nul_character_is_refused(self, client, seed):
        response = search(client, "Gag\x00non")
        assert response.status_code == 400
        assert client.get("/en/articles/", {"q": "\x00"}).status_code == 400


class TestRankedMatchesAreKept:
    """The matches of a search are kept under the content version: the next page of
    the results, another filter or the API start from the same matches without reading
    the index; a change readers see starts over."""

    @pytest.fixture
    def pages_not_cached(self, settings):
        settings.CACHE_MIDDLEWARE_SECONDS = 0

    def index_reads(self, client, url, **params):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url, params)
        assert response.status_code == 200
        index = "_fts" if SQLITE else "@@"
        return response, sum(index in query["sql"] for query in context.captured_queries)

    def test_the_next_page_and_other_filters_do_not_read_the_index_again(
        self, client, db, pages_not_cached
    ):
        ArticleFactory.create_batch(25, title="Ombudsman visit", language="en")
        first, reads = self.index_reads(client, "/en/articles/", q="ombudsman")
        assert reads == 1
        assert len(first.context["article_list"]) == 20
        second, reads = self.index_reads(client, "/en/articles/", q="ombudsman", page=2)
        assert reads == 0
        assert len(second.context["article_list"]) == 5
        english, reads = self.index_reads(client, "/en/articles/", q="ombudsman", language="en")
        assert reads == 0
        assert english.context["paginator"].count == 25

    def test_a_report_published_after_a_search_is_found_by_the_next(
        self, client, db, pages_not_cached
    ):
        first = ArticleFactory(title="Ombudsman visit")
        assert found(search(client, "ombudsman", url="/en/articles/")) == [first.slug]
        draft = ArticleFactory(title="Ombudsman report", status=Article.Status.DRAFT)
        assert found(search(client, "ombudsman", url="/en/articles/")) == [first.slug]
        draft.status = Article.Status.PUBLISHED
        draft.save()
        assert set(found(search(client, "ombudsman", url="/en/articles/"))) == {
            first.slug,
            draft.slug,
        }

    def test_with_fragments_off_every_search_reads_the_index(
        self, client, db, pages_not_cached, settings
    ):
        settings.NEWSROOM_FRAGMENT_SECONDS = 0
        ArticleFactory(title="Ombudsman visit")
        for _ in range(2):
            assert self.index_reads(client, "/en/articles/", q="ombudsman")[1] == 1


def test_the_next_page_of_results_ranks_nothing_again(client, db, settings):
    """The matches of a search, and the ids the list's filters keep of them in rank
    order, are kept under the content version: the next page reads no index and ranks
    nothing again."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    ArticleFactory.create_batch(25, title="Ombudsman visit", language="en")
    assert len(search(client, "ombudsman").context["article_list"]) == 20
    with CaptureQueriesContext(connection) as context:
        second = search(client, "ombudsman", page=2)
    assert len(second.context["article_list"]) == 5
    assert second.context["paginator"].count == 25
    ranking = ("json_each", "_fts") if SQLITE else ("ts_rank", "@@")
    queries = [each["sql"] for each in context.captured_queries]
    assert [sql for sql in queries if any(word in sql for word in ranking)] == []


def test_the_next_page_of_results_filters_nothing_again(client, db, settings, monkeypatch):
    """With the ranked ids of a search kept, the next page does not build the filtered
    search at all: it reads the rows shown by id."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    ArticleFactory.create_batch(25, title="Ombudsman visit", language="en")
    calls = []
    original = article_filters.search
    monkeypatch.setattr(
        article_filters,
        "search",
        lambda *args, **kwargs: calls.append(args) or original(*args, **kwargs),
    )
    assert len(search(client, "ombudsman", language="en").context["article_list"]) == 20
    assert len(calls) == 1
    second = search(client, "ombudsman", language="en", page=2)
    assert [article.title for article in second.context["article_list"]] == ["Ombudsman visit"] * 5
    assert len(calls) == 1


class TestIndexFollowsEdits:
    def test_renaming_a_person_updates_their_reports(self, client, db):
        person = PersonFactory(name="Rovshan Zeynalzade")
        article = ArticleFactory(title="Talks", body="The talks went well.")
        article.people.add(person)
        assert found(search(client, "Zeynalzade")) == [article.slug]
        person.name = "Rovshan Quliyevski"
        person.save()
        assert found(search(client, "Quliyevski")) == [article.slug]
        assert found(search(client, "Zeynalzade")) == []

    def test_renaming_a_participant_updates_their_meetings(self, client, db):
        person = PersonFactory(name="Tural Qasimzade")
        meeting = MeetingFactory(summary="An account.")
        ParticipantFactory(meeting=meeting, person=person, reported_name="T. Q.")
        assert found_meetings(search(client, "Qasimzade")) == [meeting.slug]
        person.name = "Tural Mirzayevski"
        person.save()
        assert found_meetings(search(client, "Mirzayevski")) == [meeting.slug]
        assert found_meetings(search(client, "Qasimzade")) == []

    def test_renaming_an_organization_updates_its_reports(self, client, db):
        organization = OrganizationFactory(name="Venetian Quorum Commission")
        article = ArticleFactory(title="Talks", body="The talks went well.")
        article.organizations.add(organization)
        organization.name = "Florentine Quorum Commission"
        organization.save()
        assert found(search(client, "Florentine")) == [article.slug]
        assert found(search(client, "Venetian")) == []

    def test_removing_a_person_from_a_report_updates_it(self, client, db):
        person = PersonFactory(name="Rovshan Zeynalzade")
        article = ArticleFactory(title="Talks", body="The talks went well.")
        article.people.add(person)
        article.people.remove(person)
        assert found(search(client, "Zeynalzade")) == []

    def test_editing_a_report_updates_it(self, client, db):
        article = ArticleFactory(title="Talks", body="Zorbalite was discussed.")
        article.body = "Quennefer was discussed."
        article.save()
        assert found(search(client, "Quennefer")) == [article.slug]
        assert found(search(client, "Zorbalite")) == []

    def test_deleting_a_person_updates_their_reports(self, client, db):
        person = PersonFactory(name="Rovshan Zeynalzade")
        article = ArticleFactory(title="Talks", body="The talks went well.")
        article.people.add(person)
        person.delete()
        assert found(search(client, "Zeynalzade")) == []

    def test_clearing_a_persons_reports_updates_them(self, client, db):
        person = PersonFactory(name="Rovshan Zeynalzade")
        article = ArticleFactory(title="Talks", body="The talks went well.")
        article.people.add(person)
        person.articles.clear()
        assert found(search(client, "Zeynalzade")) == []

    def test_renaming_an_outlet_updates_its_reports(self, client, db):
        outlet = OutletFactory(name="Caspian Herald")
        article = ArticleFactory(title="Talks", body="The talks went well.", outlet=outlet)
        assert found(search(client, "Caspian")) == [article.slug]
        outlet.name = "Absheron Gazette"
        outlet.save()
        assert found(search(client, "Absheron")) == [article.slug]
        assert found(search(client, "Caspian")) == []

    def test_renaming_a_topic_updates_its_meetings(self, client, db):
        topic = TopicFactory(name="Zorbalite mining")
        meeting = MeetingFactory(summary="An account.")
        meeting.topics.add(topic)
        assert found_meetings(search(client, "Zorbalite")) == [meeting.slug]
        topic.name = "Quennefer trade"
        topic.save()
        assert found_meetings(search(client, "Quennefer")) == [meeting.slug]
        assert found_meetings(search(client, "Zorbalite")) == []


class TestRebuildCommand:
    def test_rebuild_restores_a_lost_index(self, client, seed):
        assert set(found(search(client, "Gagnon"))) == {EN_SLUG, FR_SLUG}
        SearchDocument.objects.all().delete()
        caching.mark_changed()  # derived rows deleted by hand change no content version
        response = search(client, "Gagnon")
        assert found(response) == []
        assert found_meetings(response) == []
        out = StringIO()
        call_command("rebuild_search_index", stdout=out)
        assert "Indexed 9 published articles and meetings." in out.getvalue()
        response = search(client, "Gagnon")
        assert set(found(response)) == {EN_SLUG, FR_SLUG}
        assert found_meetings(response) == [MEETING_2017]
        assert "<mark>Gagnon</mark>" in reports_section(response)

    def test_rebuild_indexes_only_published_items(self, client, db):
        ArticleFactory(title="Zorbalite published")
        ArticleFactory(title="Zorbalite draft", status=Article.Status.DRAFT)
        MeetingFactory(title="Zorbalite draft meeting", status=Meeting.Status.DRAFT)
        SearchDocument.objects.all().delete()
        call_command("rebuild_search_index", stdout=StringIO())
        assert SearchDocument.objects.count() == 1
        assert [a.title for a in search(client, "Zorbalite").context["article_list"]] == [
            "Zorbalite published"
        ]


class TestFrenchInterface:
    def test_search_under_fr(self, client, seed):
        response = search(client, "Gagnon", url="/fr/search/")
        assert response.status_code == 200
        page = html(response)
        assert '<html lang="fr">' in page
        assert set(found(response)) == {EN_SLUG, FR_SLUG}
        reports = reports_section(response)
        assert f'href="/fr/articles/{FR_SLUG}/"' in reports
        assert f'href="/fr/articles/{EN_SLUG}/"' in reports
        assert "<mark>Gagnon</mark>" in reports
        assert f'href="/fr/meetings/{MEETING_2017}/"' in meetings_section(response)

    def test_empty_search_under_fr(self, client, seed):
        response = client.get("/fr/search/")
        assert response.status_code == 200
        assert 'class="search-help"' in html(response)


class TestQueryBudget:
    def make_matches(self, count):
        for _ in range(count):
            link = TranslationFactory(
                source__body="Zorbalite in English.",
                source__outlet=OutletFactory(),
                translation__body="Zorbalite en français.",
                translation__outlet=OutletFactory(),
            )
            link.source.people.add(PersonFactory())
            meeting = MeetingFactory(summary="Zorbalite meeting.")
            ParticipantFactory(meeting=meeting)
            meeting.reports.add(link.source)

    def count_queries(self, client):
        with CaptureQueriesContext(connection) as context:
            response = search(client, "Zorbalite")
        assert response.status_code == 200
        return len(context.captured_queries), response

    def test_queries_do_not_grow_with_the_results(self, client, db, django_assert_max_num_queries):
        self.make_matches(2)  # 4 reports: 2 originals, 2 translations
        search(client, "warm")  # warm up what is cached per process
        few, response = self.count_queries(client)
        assert len(found(response)) == 4
        assert few <= 15
        self.make_matches(13)  # 30 reports in all
        search(client, "warm")  # the languages in use, read again after a change
        with django_assert_max_num_queries(few):
            response = search(client, "Zorbalite")
        assert len(found(response)) == 20
        assert response.context["paginator"].count == 30
        assert len(found_meetings(response)) == 5

    def test_three_and_thirty_matching_articles_cost_the_same(self, client, db):
        for _ in range(3):
            ArticleFactory(body="Zorbalite.", outlet=OutletFactory())
        search(client, "warm")
        three, response = self.count_queries(client)
        assert len(found(response)) == 3
        for _ in range(27):
            ArticleFactory(body="Zorbalite.", outlet=OutletFactory())
        search(client, "warm")
        thirty, response = self.count_queries(client)
        assert response.context["paginator"].count == 30
        assert thirty == three


# The FTS5 expression, a pure function


def fts_table():
    """An in-memory FTS5 table tokenized as the site's, with a few documents."""
    database = sqlite3.connect(":memory:")
    database.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    rows = {
        1: ("Council", "The human rights council met in Genève."),
        2: ("Council", "The council on human rights met in Vienna."),
        3: ("Meetings", "Several meetings in Baku with the UN."),
        4: ("Trade", "Zorbalite and Quennefer traded; unique goods."),
        5: ("Trade", "Zorbalite exports."),
    }
    database.executemany(
        "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
        [(rowid, *texts) for rowid, texts in rows.items()],
    )
    return database


def fts_match(database, terms):
    expression = fts_expression(terms)
    if expression is None:
        return None
    rows = database.execute("SELECT rowid FROM docs WHERE docs MATCH ?", [expression])
    return {row[0] for row in rows}


ODD_QUERIES = [
    '"',
    '""',
    '"""',
    "(",
    ")",
    "()",
    "*",
    "**",
    "AND",
    "NOT",
    "OR",
    "NEAR",
    "NEAR(a b)",
    "a AND",
    "AND a",
    "a NOT",
    "NOT a",
    "a OR",
    "or",
    "or or or",
    "-",
    "--",
    "- -",
    "-a",
    '-"',
    '-""',
    '-"a b"',
    "a -",
    "'; DROP TABLE x; --",
    "title:a",
    "body:a",
    "{title body}:a",
    "^a",
    "a+b",
    "a:b:c",
    "😀",
    "🇦🇿",
    "Халафов",
    "حقوق الإنسان",
    "ـ",
    "\u0301",
    "\u200b",
    "_",
    "__init__",
    "a" * 200,
    'a "b',
    'a"b"c',
    "\\",
    "\\'",
    "%",
    "a'b",
    "ǅ",
    "１２３",
]


class TestFtsExpression:
    @pytest.mark.parametrize("terms", ["", "   ", '"', '""', "(", "*", "-", "- -", "😀", "\u200b"])
    def test_nothing_to_search_gives_none(self, terms):
        assert fts_expression(terms) is None

    def test_only_exclusions_give_none(self):
        assert fts_expression("-Zorbalite") is None

    def test_words_match_as_prefixes(self):
        database = fts_table()
        assert fts_match(database, "meeting") == {3}
        assert fts_match(database, "Zorb") == {4, 5}

    def test_short_words_match_whole_words_only(self):
        database = fts_table()
        assert fts_match(database, "un") == {3}
        assert '"un"*' not in fts_expression("un")

    def test_every_word_must_match(self):
        database = fts_table()
        assert fts_match(database, "Zorbalite Quennefer") == {4}
        assert fts_match(database, "council Vienna") == {2}

    def test_a_quoted_phrase_is_kept_together(self):
        database = fts_table()
        assert fts_match(database, '"human rights council"') == {1}
        assert fts_match(database, "human rights council") == {1, 2}
        assert fts_match(database, '"rights council') == {1}

    @pytest.mark.parametrize("either", ["or", "OR"])
    def test_or_matches_either(self, either):
        database = fts_table()
        assert fts_match(database, f"Vienna {either} Baku") == {2, 3}
        assert fts_match(database, f"council Vienna {either} Genève") == {1, 2}

    def test_or_alone_or_at_the_start_is_a_word(self):
        assert fts_match(fts_table(), "or Vienna") == set()

    def test_a_minus_excludes(self):
        database = fts_table()
        assert fts_match(database, "Zorbalite -Quennefer") == {5}
        assert fts_match(database, 'council -"human rights council"') == {2}
        assert fts_match(database, "council -Vienna -Genève") == set()

    def test_hyphenated_and_punctuated_words_become_phrases(self):
        database = fts_table()
        assert fts_match(database, "human-rights") == {1, 2}
        assert fts_match(database, "council:on") == {2}

    def test_fts_operators_typed_by_a_reader_are_plain_words(self):
        database = fts_table()
        assert fts_match(database, "Zorbalite NOT Quennefer") == set()
        assert fts_match(database, "title:Trade") == set()

    @pytest.mark.parametrize("terms", ODD_QUERIES)
    def test_no_input_makes_an_invalid_expression(self, terms):
        database = fts_table()
        expression = fts_expression(terms)
        assert expression is None or isinstance(expression, str)
        fts_match(database, terms)  # sqlite3.OperationalError on a syntax error

    @only_sqlite
    @pytest.mark.parametrize("terms", ODD_QUERIES)
    def test_no_input_makes_an_invalid_expression_in_the_site_database(self, db, terms):
        ArticleFactory(body="Zorbalite and Quennefer.")
        expression = fts_expression(terms)
        if expression is None:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM articles_searchdocument_fts "
                "WHERE articles_searchdocument_fts MATCH %s",
                [expression],
            )
            cursor.fetchall()


class TestBoundedRanking:
    """However common a word, search ranks a bounded number of matches, so its cost does
    not grow with the archive."""

    def test_at_most_max_results_matches_are_ranked(self, client, db, monkeypatch):
        monkeypatch.setattr("search.query.MAX_RESULTS", 3)
        for day in range(1, 6):
            ArticleFactory(
                title=f"Ombudsman report {day}",
                slug=f"ombudsman-{day}",
                published_at=timezone.make_aware(dt.datetime(2024, 5, day, 12)),
            )
        response = search(client, "ombudsman")
        slugs = found(response)
        assert len(slugs) == 3
        assert "At least 3 reports match" in html(response)
        if POSTGRESQL:
            # The newest matches, ranked.
            assert set(slugs) == {f"ombudsman-{day}" for day in (3, 4, 5)}

    @only_postgresql
    def test_a_word_every_configuration_reads_alike_is_asked_for_once(self):
        from search.postgresql import tsquery_text

        text = tsquery_text("Gagnon", (), "default")
        assert text.count("'gagnon'") == 1
        assert text.count("|") <= 1  # 'gagnon', and 'gagno' as French stems it
        text = tsquery_text("meetings", ("Geneva",), "default")
        assert text.count("'meet'") == 1
        wanted, unwanted = text.split(" & !")
        assert "'meetings'" in wanted
        assert "'geneva'" in unwanted
