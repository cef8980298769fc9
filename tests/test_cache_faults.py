"""Cache faults: a Redis that refuses connections, never answers, restarts with old data
or is flushed costs speed, never an error, a long wait or a stale page.

In process, on either database: every cache operation degrades to a miss; readers get
every kind of page, editors save and publish, logins and the lockout work, the health
check reports the cache as degraded and answers 200; a black hole costs one timeout per
interval, and the fault is logged once per interval. With a Redis server of the test's
own behind a TCP proxy: no page older than the last edit is served after the cache comes
back, however it comes back. On PostgreSQL, the same under gunicorn as `make serve` runs
it, with the latency of every answer bounded.
"""

import contextlib
import http.client
import logging
import re
import secrets
import shutil
import socket
import subprocess
import time
from datetime import timedelta
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
import redis
import time_machine
from django.core.cache import cache as default_cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from bench.tcpproxy import Proxy
from core import caching
from core.models import ContentVersion
from editorial.models import Status
from newsroom import cache as resilient
from newsroom.settings import cache_from_url
from tests.admin_forms import admin_url, changeform_data
from tests.editorial.test_workflow import post_on_change_form
from tests.factories import (
    ArticleFactory,
    EditorFactory,
    MeetingFactory,
    ReviewerFactory,
    TranslationFactory,
    UserFactory,
)
from tests.test_faults import database_url, fetch, gunicorn, on_postgresql
from tests.test_security import PASSWORD, log_in

#: What the tests give the cache: short timeouts, and a breaker that waits long enough
#: that a test's requests all fall in one interval.
TIMEOUT = 0.2
RETRY_SECONDS = 30
needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server, to run a Redis of the test's own"
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_settings(port, **options):
    config = cache_from_url(f"redis://127.0.0.1:{port}/0")
    config["OPTIONS"].update(
        socket_connect_timeout=TIMEOUT,
        socket_timeout=TIMEOUT,
        retry_seconds=RETRY_SECONDS,
        **options,
    )
    return {"default": {**config, "KEY_PREFIX": "newsroom-tests"}}


@pytest.fixture(autouse=True)
def fresh_breakers(monkeypatch):
    """Each test starts with breakers that have seen no fault, and a process that has
    trusted no cache yet."""
    resilient.breakers.clear()
    monkeypatch.setattr(caching, "copied_at_fault", 0)
    yield
    resilient.breakers.clear()


@pytest.fixture
def refused(settings):
    """The cache is a Redis address where nothing listens: every connection refused."""
    settings.CACHES = redis_settings(free_port())
    return default_cache


@pytest.fixture
def black_hole(settings):
    """The cache is a Redis address that accepts connections and never answers."""
    proxy = Proxy(("127.0.0.1", 9))
    proxy.start(forward=False)
    settings.CACHES = redis_settings(proxy.port)
    yield default_cache
    proxy.stop()


class RedisServer:
    """A Redis of the test's own, which it may stop, flush and start from a snapshot."""

    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(redis.RedisError):
                if self.client().ping():
                    return
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=2, retry=None)

    def snapshot(self):
        """Write the data to disk, as a Redis that saves now and then does."""
        self.client().save()

    def stop(self):
        """Stop without saving (no save points are set): a restart loads the last
        snapshot, old data."""
        self.process.terminate()
        self.process.wait(timeout=10)

    def keys(self):
        return self.client().dbsize()


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def proxied_redis(redis_server, settings):
    """The site's cache: the test's Redis, behind a proxy that the test stops and starts."""
    proxy = Proxy(("127.0.0.1", redis_server.port))
    proxy.start()
    settings.CACHES = redis_settings(proxy.port)
    yield proxy
    proxy.stop()


def reader_pages():
    article = ArticleFactory(title="A report readers find")
    meeting = MeetingFactory(title="A meeting readers find")
    return {
        "/en/": "A report readers find",
        "/fr/articles/": "A report readers find",
        article.get_absolute_url(): "A report readers find",
        meeting.get_absolute_url(): "A meeting readers find",
        "/en/meetings/": "A meeting readers find",
        "/en/search/?q=readers": "A report readers find",
        "/en/feeds/articles.rss": "A report readers find",
        "/en/feeds/meetings.atom": "A meeting readers find",
        "/api/v1/articles/": "A report readers find",
        "/api/v1/meetings/": "A meeting readers find",
    }


# 1. Every operation degrades ------------------------------------------------------------


@pytest.mark.parametrize("fault", ["refused", "black_hole"])
def test_every_cache_operation_answers_as_a_miss(request, fault):
    cache = request.getfixturevalue(fault)

    assert cache.get("page") is None
    assert cache.get("page", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set("page", "html") is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.add("page", "html") is False
    assert cache.touch("page") is False
    assert cache.delete("page") is False
    assert cache.delete_many(["a", "b"]) is None
    assert cache.has_key("page") is False
    assert cache.get_or_set("page", "made") == "made"
    assert cache.clear() is False
    with pytest.raises(ValueError, match="the cache is unavailable"):
        cache.incr("counter")


def test_a_black_hole_costs_one_timeout_then_nothing_until_the_next_try(black_hole, monkeypatch):
    started = time.monotonic()
    black_hole.get("page")
    first = time.monotonic() - started
    assert TIMEOUT * 0.9 <= first < TIMEOUT * 3

    started = time.monotonic()
    for _ in range(100):
        black_hole.get("page")
        black_hole.set("page", "html")
    assert time.monotonic() - started < TIMEOUT, "the open breaker still waited on Redis"

    later = time.monotonic() + RETRY_SECONDS + 1
    monkeypatch.setattr(resilient.time, "monotonic", lambda: later)
    started = time.perf_counter()
    black_hole.get("page")
    black_hole.get("page")
    assert TIMEOUT * 0.9 <= time.perf_counter() - started < TIMEOUT * 3, "one try, one timeout"


def test_refused_connections_open_the_breaker_after_repeated_failures(refused, monkeypatch):
    tries = []
    get = resilient.RedisCache.get
    monkeypatch.setattr(
        resilient.RedisCache, "get", lambda *args, **kwargs: tries.append(1) or get(*args, **kwargs)
    )
    for _ in range(10):
        refused.get("page")
    assert len(tries) == resilient.BREAKER_OPTIONS["failure_threshold"]


def test_the_fault_is_logged_once_per_interval_and_the_recovery_once(
    proxied_redis, monkeypatch, caplog
):
    caplog.set_level(logging.WARNING, logger="newsroom.cache")
    proxied_redis.stop()
    for _ in range(20):
        default_cache.get("page")
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert "unavailable (ConnectionError" in warnings[0]
    assert f"tried again every {RETRY_SECONDS:g} s" in warnings[0]

    later = time.monotonic() + RETRY_SECONDS + 1
    monkeypatch.setattr(resilient.time, "monotonic", lambda: later)
    for _ in range(20):
        default_cache.get("page")
    assert len(caplog.records) == 2, "one more warning in the next interval"

    proxied_redis.start()
    later += RETRY_SECONDS + 1
    default_cache.set("page", "html")
    assert default_cache.get("page") == "html"
    assert caplog.records[-1].getMessage().endswith("answers again.")
    assert len(caplog.records) == 3


# 2. Readers, editors, logins and the health check, with the cache away -------------------


@pytest.mark.django_db
@pytest.mark.parametrize("fault", ["refused", "black_hole"])
def test_readers_get_every_page_with_the_cache_away(request, client, fault):
    request.getfixturevalue(fault)
    pages = reader_pages()

    started = time.monotonic()
    for path, text in pages.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert text in response.text, path
    assert time.monotonic() - started < TIMEOUT * 2 + 5, "more than one timeout was waited"


@pytest.mark.django_db
@pytest.mark.parametrize("fault", ["refused", "black_hole"])
def test_editors_save_and_publish_with_the_cache_away(request, fault):
    request.getfixturevalue(fault)
    editor = Client()
    editor.force_login(EditorFactory())
    article = ArticleFactory(title="Before the outage", status=Status.DRAFT)
    url = admin_url(Article, "change", article.pk)

    data = changeform_data(editor.get(url))
    data["title"] = "Saved during the outage"
    assert editor.post(url, data).status_code == 302
    assert post_on_change_form(editor, article, "submit").status_code == 302
    reviewer = Client()
    reviewer.force_login(ReviewerFactory())
    assert post_on_change_form(reviewer, article, "publish").status_code == 302

    article.refresh_from_db()
    assert (article.title, article.status) == ("Saved during the outage", Status.PUBLISHED)
    assert "Saved during the outage" in Client().get("/en/articles/").text


@pytest.mark.django_db
def test_logins_and_the_lockout_work_with_the_cache_away(refused, settings):
    """Sessions and django-axes keep their state in the database, not in the cache."""
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    EditorFactory(username="desk")

    desk = Client()
    assert log_in(desk, "desk", PASSWORD).status_code == 302
    assert desk.get(reverse("admin:index")).status_code == 200

    intruder = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(intruder, "desk", f"wrong {attempt}", address="10.0.0.9")
    assert response.status_code == 429
    assert log_in(intruder, "desk", PASSWORD, address="10.0.0.9").status_code == 429


@pytest.mark.django_db
def test_the_health_check_answers_200_and_reports_a_degraded_cache(refused, client):
    response = client.get("/health/")

    assert response.status_code == 200
    lines = response.text.splitlines()
    assert lines[:2] == ["ok", "database: ok"]
    assert re.fullmatch(
        r"cache: degraded \(\d+ failures in a row \(ConnectionError: .+ refused\.\); "
        r"skipped for \d+ s more\)",
        lines[2],
    )


def test_each_new_connection_counts_as_a_fault(proxied_redis):
    """A Redis restarted from an old snapshot answers on a new connection: opening one
    must move `faults`, so the content version's copy is written again before it is
    trusted."""
    backend = caching.cache()
    backend.get("a-key")
    opened = backend.faults
    backend.get("a-key")
    assert backend.faults == opened  # the same connection, reused
    backend._cache.get_client("a-key").connection_pool.disconnect()

    assert backend.get("a-key") is None  # no failure: a new connection
    assert backend.faults == opened + 1


@pytest.mark.django_db
def test_the_health_check_reports_a_working_cache(proxied_redis, client):
    assert client.get("/health/").text == "ok\ndatabase: ok\ncache: ok\n"


@pytest.mark.django_db
def test_the_health_check_says_when_pages_are_not_cached(settings, client):
    settings.CACHES = {"default": cache_from_url("dummy://")}
    assert client.get("/health/").text == "ok\ndatabase: ok\ncache: off\n"


@pytest.mark.django_db
def test_scheduled_reports_go_live_on_time_with_the_cache_away(refused, client):
    publish_at = timezone.now() + timedelta(hours=1)
    ArticleFactory(title="Embargoed report", published_at=publish_at)
    assert "Embargoed report" not in client.get("/en/articles/").text

    with time_machine.travel(publish_at + timedelta(minutes=1)):
        assert "Embargoed report" in client.get("/en/articles/").text


def test_a_change_moves_the_version_in_the_database_with_the_cache_away(refused, transactional_db):
    before = caching.stored_version().changed
    ArticleFactory()
    assert ContentVersion.objects.get().changed_at > before


def test_etags_follow_the_stored_version_with_the_cache_away(refused, client, transactional_db):
    article = ArticleFactory(title="The first version")
    url = article.get_absolute_url()
    first = client.get(url)["ETag"]
    assert client.get(url)["ETag"] == first
    assert client.get(url, headers={"if-none-match": first}).status_code == 304

    edit(article, "The second version")

    response = client.get(url, headers={"if-none-match": first})
    assert response.status_code == 200
    assert "The second version" in response.text
    assert response["ETag"] != first


# 3. Freshness: nothing stale once the cache is back -------------------------------------


@pytest.fixture
def cached_report(transactional_db, proxied_redis, redis_server):
    """A report whose page and list are in the cache."""
    article = ArticleFactory(title="The first version")
    for path in (article.get_absolute_url(), "/en/articles/"):
        assert "The first version" in Client().get(path).text
    assert redis_server.keys() > 2
    return article


@pytest.fixture
def later(monkeypatch):
    """Moves the breakers' clock past their interval, so that they try Redis again."""
    offset = 0.0
    monotonic = time.monotonic

    def skip():
        nonlocal offset
        offset += RETRY_SECONDS + 1

    monkeypatch.setattr(resilient.time, "monotonic", lambda: monotonic() + offset)
    return skip


def edit(article, title):
    """An editor's change, committed: the content version is recorded in the database."""
    article.title = title
    article.save()


def assert_fresh(article, title):
    for path in (article.get_absolute_url(), "/en/articles/"):
        page = Client().get(path).text
        assert title in page, path
        assert "The first version" not in page, path


def assert_cached_again(article, django_assert_num_queries):
    """Redis serves pages again: the second request of a page asks the database nothing."""
    Client().get(article.get_absolute_url())
    with django_assert_num_queries(0):
        assert Client().get(article.get_absolute_url()).status_code == 200


@needs_redis_server
@pytest.mark.parametrize("fault", ["refused", "black hole"])
def test_an_edit_made_while_redis_was_away_shows_once_it_is_back(
    cached_report, proxied_redis, later, fault, django_assert_num_queries
):
    proxied_redis.stop()
    if fault == "black hole":
        proxied_redis.start(forward=False)
    edit(cached_report, "Corrected while the cache was away")
    assert_fresh(cached_report, "Corrected while the cache was away")

    proxied_redis.stop()
    proxied_redis.start()  # the same Redis, with the pages and version of before the edit
    later()
    assert_fresh(cached_report, "Corrected while the cache was away")
    assert_cached_again(cached_report, django_assert_num_queries)
    assert_fresh(cached_report, "Corrected while the cache was away")


@needs_redis_server
def test_a_redis_restarted_with_old_data_serves_no_page_older_than_the_last_edit(
    cached_report, proxied_redis, redis_server, later, django_assert_num_queries
):
    redis_server.snapshot()  # the pages and the version as they were before the edit
    proxied_redis.stop()
    redis_server.stop()
    edit(cached_report, "Corrected while Redis restarted")
    redis_server.start()  # loads the snapshot: old pages, old version
    assert redis_server.keys() > 2
    proxied_redis.start()
    later()

    assert_fresh(cached_report, "Corrected while Redis restarted")
    assert_cached_again(cached_report, django_assert_num_queries)
    assert_fresh(cached_report, "Corrected while Redis restarted")


def versions_in_fragments(settings):
    """An English report whose page, the page cache off, shows its French version's
    title from a cached fragment."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    english = ArticleFactory(language="en")
    french = ArticleFactory(language="fr", title="Le titre d'avant")
    TranslationFactory(source=english, translation=french)
    assert "Le titre d&#x27;avant" in Client().get(english.get_absolute_url()).text
    return english, french


def assert_new_title_shows(english):
    for _ in range(2):
        page = Client().get(english.get_absolute_url()).text
        assert "Le titre corrigé" in page
        assert "avant" not in page


def test_an_edit_made_while_redis_was_away_sets_every_fragment_aside(
    transactional_db, proxied_redis, later, settings
):
    """The English page shows its French version's title from a cached fragment; the
    French title changes while Redis cannot be reached, so the English report's stamp
    cannot be dropped: when Redis answers again, with that stamp and that fragment, the
    generation renewed in the database sets them aside."""
    english, french = versions_in_fragments(settings)
    proxied_redis.stop()
    french.title = "Le titre corrigé"
    french.save()
    proxied_redis.start()
    later()

    assert_new_title_shows(english)


@needs_redis_server
def test_a_redis_restored_from_a_snapshot_older_than_an_edit_serves_no_stale_fragment(
    transactional_db, proxied_redis, redis_server, later, settings
):
    """Redis saves a snapshot; the French title changes while Redis is up (the English
    report's stamp is dropped); Redis then restarts from the snapshot, which still holds
    the old stamp and fragment. Its new run id sets every fragment aside."""
    english, french = versions_in_fragments(settings)
    redis_server.snapshot()
    french.title = "Le titre corrigé"
    french.save()
    proxied_redis.stop()
    redis_server.stop()
    redis_server.start()
    proxied_redis.start()
    later()

    assert_new_title_shows(english)


def test_a_worker_that_connects_anew_keeps_the_fragments(
    transactional_db, proxied_redis, settings, django_assert_max_num_queries
):
    """A new connection to the same Redis (a worker started or recycled) renews
    nothing: the next page is still assembled from the fragments kept."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    article = ArticleFactory()
    url = article.get_absolute_url()
    first = Client().get(url).text
    with django_assert_max_num_queries(50) as warm:
        assert Client().get(url).text == first
    generation = caching.fragments_generation()
    backend = caching.cache()
    backend._cache.get_client("a-key").connection_pool.disconnect()
    faults = backend.faults

    with django_assert_max_num_queries(len(warm.captured_queries) + 1):
        assert Client().get(url).text == first
    assert backend.faults == faults + 1  # a new connection was opened
    assert caching.fragments_generation() == generation


@needs_redis_server
def test_a_flushed_redis_gives_no_error_and_no_stale_page(cached_report, redis_server):
    redis_server.client().flushall()
    for path in (cached_report.get_absolute_url(), "/en/articles/"):
        assert "The first version" in Client().get(path).text

    edit(cached_report, "Corrected after the flush")
    redis_server.client().flushall()
    assert_fresh(cached_report, "Corrected after the flush")


# 4. Under gunicorn, with Redis behind a proxy that goes away ------------------------------


def save_through_the_site(port, session, article, title):
    """An editor's save through the site: the change form as it is shown (read here),
    posted to gunicorn with a new title. Its status code."""
    local = Client()
    local.cookies = SimpleCookie({"sessionid": session})
    url = admin_url(Article, "change", article.pk)
    data = changeform_data(local.get(url))
    data["title"] = title
    token = local.cookies["csrftoken"].value
    data["csrfmiddlewaretoken"] = token
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            url,
            body=urlencode(data, doseq=True),
            headers={
                "Host": "127.0.0.1",
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={session}; csrftoken={token}",
            },
        )
        return connection.getresponse().status
    finally:
        connection.close()


@on_postgresql
@needs_redis_server
@pytest.mark.django_db(transaction=True)
def test_under_gunicorn_redis_faults_cost_speed_never_an_error_nor_a_stale_page(
    tmp_path, settings, redis_server
):
    settings.SECRET_KEY = secrets.token_urlsafe(50)  # the site's, which signs sessions
    article = ArticleFactory(title="The first version")
    meeting = MeetingFactory(title="A meeting readers find")
    editor = Client()
    editor.force_login(UserFactory(is_staff=True, is_superuser=True))
    session = editor.cookies[settings.SESSION_COOKIE_NAME].value
    pages = [
        "/en/",
        "/en/articles/",
        "/fr/articles/",
        article.get_absolute_url(),
        meeting.get_absolute_url(),
        "/en/feeds/articles.rss",
        "/api/v1/articles/",
    ]
    proxy = Proxy(("127.0.0.1", redis_server.port))
    proxy.start()
    slow = []

    def read_every_page(title, limit=2.0):
        for path in pages:
            page = fetch(port, path)
            assert page.status == 200, (path, page.status, page.text[:300])
            assert page.seconds < limit, (path, page.seconds)
            if page.seconds > 0.2:
                slow.append(path)
            if path != meeting.get_absolute_url():
                assert title in page.text, path
                assert title == "The first version" or "The first version" not in page.text

    def saved(title):
        assert save_through_the_site(port, session, article, title) == 302
        article.refresh_from_db()
        assert article.title == title

    try:
        with gunicorn(
            tmp_path,
            database_url(connection.settings_dict),
            settings.SECRET_KEY,
            cache_url=f"redis://127.0.0.1:{proxy.port}/0",
            NEWSROOM_CACHE_RETRY_SECONDS="2",
        ) as (port, log):
            read_every_page("The first version")
            read_every_page("The first version")  # from the cache
            assert redis_server.keys() >= len(pages)

            proxy.stop()  # refused
            saved("Saved while Redis refused")
            read_every_page("Saved while Redis refused", limit=1.0)
            health = fetch(port, "/health/")
            assert health.status == 200
            assert "cache: degraded" in health.text

            proxy.start(forward=False)  # a black hole: connections hang
            slow.clear()
            started = time.monotonic()
            for _ in range(3):
                read_every_page("Saved while Redis refused", limit=1.0)
            saved("Saved behind a black hole")
            read_every_page("Saved behind a black hole", limit=1.0)
            elapsed = time.monotonic() - started
            # At most one timeout per worker per interval of 2 s.
            assert len(slow) <= 2 * (int(elapsed / 2) + 1), (slow, elapsed)

            proxy.stop()
            proxy.start()  # back, with the pages and version of before both edits
            time.sleep(2.1)  # the breakers try Redis again
            read_every_page("Saved behind a black hole")
            read_every_page("Saved behind a black hole")
            assert "cache: ok" in fetch(port, "/health/").text

            redis_server.snapshot()
            proxy.stop()
            redis_server.stop()
            saved("Saved while Redis restarted")
            redis_server.start()  # with the snapshot: old pages, old version
            proxy.start()
            time.sleep(2.1)
            read_every_page("Saved while Redis restarted")
            read_every_page("Saved while Redis restarted")

            redis_server.client().flushall()
            read_every_page("Saved while Redis restarted")
            saved("Saved after a flush")
            redis_server.client().flushall()
            read_every_page("Saved after a flush")
            read_every_page("Saved after a flush")
            logged = log.read_text()
    finally:
        proxy.stop()
    assert logged.count("Booting worker") == 2, logged  # no worker restarted
    assert "Traceback" not in logged
    assert "[ERROR]" not in logged
    warnings = logged.count("newsroom.cache: Cache redis://")
    assert 1 <= warnings <= 20, logged  # once per worker per interval, not per request
