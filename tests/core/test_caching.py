"""The public pages' cache: served from the cache, fresh the moment content changes,
never for editors; ETags and 304s on article pages and feeds."""

import datetime as dt
import socket

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.middleware import http as http_middleware
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import set_response_etag

from articles.models import Article
from core import caching
from editorial.models import WorkflowEvent
from newsroom.settings import cache_from_url
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    MeetingProposalFactory,
    PersonFactory,
    PostFactory,
    TopicFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db


def page(client, url, **headers):
    return client.get(url, headers=headers)


class TestPageCache:
    def test_a_second_anonymous_request_is_served_without_the_database(
        self, client, django_assert_num_queries
    ):
        ArticleFactory(title="Cached report")
        assert "Cached report" in page(client, "/en/articles/").text
        with django_assert_num_queries(0):
            response = page(client, "/en/articles/")
        assert "Cached report" in response.text

    @pytest.mark.parametrize(
        "url", ["/api/v1/articles/", "/en/articles/", "/en/feeds/articles.rss"]
    )
    def test_a_cached_answer_is_the_one_first_sent(self, client, url, django_assert_num_queries):
        """What the cache keeps is the answer as sent (status, headers, body), not what made
        it: an API answer's data would bring its serializer and models along."""
        ArticleFactory(title="Cached report")
        first = client.get(url)
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.status_code == first.status_code == 200
        assert again.content == first.content
        assert dict(again.items()) == dict(first.items())
        assert not hasattr(again, "data")

    def test_each_interface_language_is_cached_apart(self, client):
        ArticleFactory()
        assert page(client, "/en/").headers["Content-Language"] == "en"
        assert page(client, "/fr/").headers["Content-Language"] == "fr"
        assert '<html lang="fr">' in page(client, "/fr/").text

    def test_an_edit_shows_at_once(self, client):
        article = ArticleFactory(title="First title")
        url = article.get_absolute_url()
        assert "First title" in page(client, url).text
        assert "First title" in page(client, "/en/articles/").text
        article.title = "Corrected title"
        article.save()
        assert "Corrected title" in page(client, url).text
        assert "Corrected title" in page(client, "/en/articles/").text

    def test_publishing_shows_at_once(self, client):
        draft = ArticleFactory(title="Fresh report", status=Article.Status.DRAFT)
        assert "Fresh report" not in page(client, "/en/articles/").text
        draft.status = Article.Status.PUBLISHED
        draft.save()
        assert "Fresh report" in page(client, "/en/articles/").text

    def test_a_translation_link_shows_at_once(self, client):
        source = ArticleFactory(language="en")
        french = ArticleFactory(language="fr", title="Version française")
        assert "Version française" not in page(client, source.get_absolute_url()).text
        TranslationFactory(source=source, translation=french)
        assert "Version française" in page(client, source.get_absolute_url()).text

    def test_a_meeting_change_shows_at_once(self, client):
        meeting = MeetingFactory(title="Talks in Geneva")
        assert "Talks in Geneva" in page(client, "/en/meetings/").text
        meeting.title = "Talks in Baku"
        meeting.save()
        assert "Talks in Baku" in page(client, "/en/meetings/").text

    def test_a_renamed_person_shows_at_once(self, client):
        person = PersonFactory(name="Old Name")
        assert "Old Name" in page(client, "/en/people/").text
        person.name = "New Name"
        person.save()
        assert "New Name" in page(client, "/en/people/").text

    def test_a_scheduled_report_appears_when_its_time_comes(self, client):
        publish_at = timezone.now() + dt.timedelta(hours=1)
        ArticleFactory(title="Embargoed report", published_at=publish_at)
        assert "Embargoed report" not in page(client, "/en/articles/").text
        with time_machine.travel(publish_at + dt.timedelta(minutes=1)):
            assert "Embargoed report" in page(client, "/en/articles/").text

    def test_editors_always_get_fresh_pages(self, editor_client):
        article = ArticleFactory(title="Before")
        page(Client(), article.get_absolute_url())
        Article.objects.filter(pk=article.pk).update(title="Changed behind the cache")
        response = page(editor_client, article.get_absolute_url())
        assert "Changed behind the cache" in response.text

    def test_an_editors_page_is_not_cached_for_readers(self, editor_client):
        ArticleFactory(title="Published report")
        draft = ArticleFactory(title="Draft preview", status=Article.Status.DRAFT)
        assert page(editor_client, draft.get_absolute_url()).status_code == 200
        assert page(Client(), draft.get_absolute_url()).status_code == 404
        assert "Draft preview" not in page(Client(), "/en/articles/").text

    def test_the_admin_login_page_is_never_cached(self, client):
        first = page(client, reverse("admin:login"))
        second = page(client, reverse("admin:login"))
        assert first.context is not None
        assert second.context is not None, "the second login page came from the cache"
        assert "csrftoken" in second.cookies

    def test_not_found_pages_are_not_cached(self, client):
        assert page(client, "/en/articles/later/").status_code == 404
        ArticleFactory(slug="later")
        assert page(client, "/en/articles/later/").status_code == 200

    def test_html_pages_tell_browsers_to_revalidate(self, client):
        ArticleFactory()
        response = page(client, "/en/articles/")
        assert "no-cache" in response.headers["Cache-Control"]
        assert "Last-Modified" in response.headers


class TestConditionalRequests:
    @pytest.mark.parametrize(
        "url",
        [
            "article",
            reverse("feed-articles"),
            reverse("feed-articles-atom"),
            reverse("feed-meetings"),
        ],
    )
    def test_an_unchanged_page_answers_304(self, client, url):
        article = ArticleFactory()
        MeetingFactory()
        if url == "article":
            url = article.get_absolute_url()
        first = page(client, url)
        assert first.status_code == 200
        etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
        assert page(client, url, if_none_match=etag).status_code == 304
        assert page(client, url, if_modified_since=modified).status_code == 304

    def test_after_a_change_the_old_etag_gets_the_new_page(self, client):
        article = ArticleFactory(title="Old")
        etag = page(client, article.get_absolute_url()).headers["ETag"]
        article.title = "New"
        article.save()
        response = page(client, article.get_absolute_url(), if_none_match=etag)
        assert response.status_code == 200
        assert "New" in response.text
        assert response.headers["ETag"] != etag

    def test_a_cached_page_keeps_its_etag(self, client, monkeypatch):
        """The ETag of a list is worked out when the page is cached, not on every hit
        (`ConditionalGetMiddleware` hashes the body of a page that has none)."""
        ArticleFactory()
        first = page(client, "/en/articles/")
        hashed = []
        monkeypatch.setattr(
            http_middleware,
            "set_response_etag",
            lambda response: hashed.append(response) or set_response_etag(response),
        )
        second = page(client, "/en/articles/")
        assert second.headers["ETag"] == first.headers["ETag"]
        assert hashed == []
        assert page(client, "/en/articles/", if_none_match=first.headers["ETag"]).status_code == 304

    def test_a_304_costs_no_query(self, client, django_assert_num_queries):
        article = ArticleFactory()
        etag = page(client, article.get_absolute_url()).headers["ETag"]
        with django_assert_num_queries(0):
            assert page(client, article.get_absolute_url(), if_none_match=etag).status_code == 304

    def test_the_version_moves_forward_on_every_change(self):
        before = caching.content_version()
        ArticleFactory()
        assert caching.content_version() > before

    @pytest.mark.parametrize(
        "change",
        [
            lambda: PersonFactory().other_names.create(name="Another spelling"),
            lambda: PostFactory(),
            lambda: MeetingFactory().topics.add(TopicFactory()),
            lambda: MeetingFactory().reports.add(ArticleFactory()),
            lambda: ArticleFactory().people.add(PersonFactory()),
        ],
        ids=["person's other name", "post", "meeting's topic", "coverage", "article's person"],
    )
    def test_every_change_readers_see_moves_the_version(self, change):
        before = caching.content_version()
        change()
        assert caching.content_version() > before

    @pytest.mark.parametrize(
        "change",
        [
            lambda article: article.name_proposals.create(kind="person", name="Someone"),
            lambda article: MeetingProposalFactory(reports=[article], participants=[]),
            lambda article: WorkflowEvent.objects.create(
                article=article, transition="submit", from_status="draft", to_status="review"
            ),
        ],
        ids=["name proposal", "meeting proposal", "workflow step"],
    )
    def test_changes_readers_never_see_leave_the_version_alone(self, change):
        article = ArticleFactory()
        before = caching.content_version()
        change(article)
        assert caching.content_version() == before


def test_meeting_published_later_counts_as_a_change(client):
    publish_at = timezone.now() + dt.timedelta(days=1)
    MeetingFactory(title="Upcoming visit", published_at=publish_at)
    assert "Upcoming visit" not in page(client, "/en/meetings/").text
    with time_machine.travel(publish_at + dt.timedelta(seconds=5)):
        assert "Upcoming visit" in page(client, "/en/meetings/").text


class TestCacheSettings:
    @pytest.mark.parametrize(
        ("url", "backend"),
        [
            ("redis://127.0.0.1:6379/1", "newsroom.cache.ResilientRedisCache"),
            ("rediss://cache.example.org:6380/0", "newsroom.cache.ResilientRedisCache"),
            ("locmem://", "django.core.cache.backends.locmem.LocMemCache"),
            ("dummy://", "django.core.cache.backends.dummy.DummyCache"),
        ],
    )
    def test_cache_url(self, url, backend):
        assert cache_from_url(url)["BACKEND"] == backend

    def test_a_cache_url_of_another_kind_is_refused_by_name(self):
        with pytest.raises(ImproperlyConfigured, match="not memcached://"):
            cache_from_url("memcached://127.0.0.1:11211")


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_answers(), reason="no Redis at 127.0.0.1:6379")
def test_pages_are_shared_through_redis(client, settings, django_assert_num_queries):
    settings.CACHES = {
        "default": {
            **cache_from_url("redis://127.0.0.1:6379/15"),
            "KEY_PREFIX": "newsroom-tests",
        }
    }
    from django.core.cache import cache

    cache.clear()
    try:
        ArticleFactory(title="Through Redis")
        assert "Through Redis" in page(client, "/en/articles/").text
        with django_assert_num_queries(0):
            assert "Through Redis" in page(client, "/en/articles/").text
    finally:
        cache.clear()


@pytest.mark.skipif(not redis_answers(), reason="no Redis at 127.0.0.1:6379")
def test_redis_operations_share_one_client(settings, monkeypatch):
    """Django's Redis cache builds a `redis.Redis` for every operation, which cost more
    than the operation itself; the site's keeps one per connection pool."""
    import redis
    from django.core.cache import cache

    settings.CACHES = {
        "default": {
            **cache_from_url("redis://127.0.0.1:6379/15"),
            "KEY_PREFIX": "newsroom-tests-shared-client",
        }
    }
    built = []
    original = redis.Redis.__init__

    def counted(self, *args, **kwargs):
        built.append(kwargs)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counted)
    cache.set("shared", 1)
    assert cache.get("shared") == 1
    assert cache.get_many(["shared", "absent"]) == {"shared": 1}
    cache.delete("shared")
    assert cache.get("shared") is None
    assert len(built) == 1


def test_a_page_reads_the_content_version_once(client, monkeypatch):
    """Every key a page makes (its page-cache key, its filter menus, its ranked search
    results, its rows' fragments) is of the version and generation the request read
    first, in one round trip."""
    ArticleFactory(title="Ombudsman visit")
    reads = []
    original = caching.current_and

    def counted(*keys):
        reads.append(keys)
        return original(*keys)

    monkeypatch.setattr(caching, "current_and", counted)
    response = page(client, "/en/search/?q=ombudsman")
    assert response.status_code == 200
    assert "Ombudsman visit" in response.text
    assert len(reads) == 1
