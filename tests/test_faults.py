"""Faults: the database going away, and an import killed half-way.

- While the database is out of reach, pages answer 503 in the interface language with
  `Retry-After`, never 500; the admin and the API too. In process on either database,
  with every query refused; and on PostgreSQL under gunicorn as `make serve` runs it,
  behind a TCP proxy that the test stops (every connection dropped), turns into a black
  hole (`connect_timeout` bounds the wait) and starts again: the site recovers by
  itself, without a restart.
- An import killed (SIGKILL) while it writes a batch leaves whole batches only: each
  article stored is exactly what an uninterrupted import of the same reports stores.
"""

import contextlib
import http.client
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import OperationalError, ProgrammingError, connection
from django.test import Client
from django.urls import reverse

from articles.models import Article, Outlet
from bench.tcpproxy import Proxy
from core import caching
from core.middleware import RETRY_AFTER, unavailable
from editorial.models import Status
from ingest.importers import Importer
from tests.admin_forms import admin_url, changeform_data
from tests.factories import ArticleFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent
REPORTS = Path(__file__).parent / "data" / "reports"
UNAVAILABLE = {
    "en": "The site is temporarily unavailable. Please try again in a few minutes.",
    "fr": "Le site est momentanément indisponible. Veuillez réessayer dans quelques minutes.",
}
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a PostgreSQL server to put a proxy in front of"
)


def refuse(execute, sql, params, many, context):
    """Every query fails as when the database cannot be reached."""
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: refused")


def assert_unavailable(response, language, messages=UNAVAILABLE):
    """A 503 page in `language`, with `messages[language]`, never stored."""
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert f'<html lang="{language}">' in text
    assert messages[language] in text


# 1. In process: every query refused -------------------------------------------------------


@pytest.fixture
def reader(client):
    """A reader's browser; a failure in a middleware reaches it as a response."""
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("failing", ["view", "page cache"])
@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/en/articles/", "en"),
        ("/fr/articles/", "fr"),
        ("/fr/", "fr"),
        ("/en/articles/report-1/", "en"),
    ],
)
def test_public_pages_answer_503_in_the_interface_language(reader, path, language, failing):
    ArticleFactory(slug="report-1")
    if failing == "view":
        caching.content_version()  # known, so the page cache asks the database nothing

    with connection.execute_wrapper(refuse):
        response = reader.get(path)

    assert_unavailable(response, language)


@pytest.mark.django_db
def test_the_admin_answers_503(client):
    article = ArticleFactory(status=Status.DRAFT)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.raise_request_exception = False
    url = admin_url(Article, "change", article.pk)
    data = changeform_data(client.get(url))

    with connection.execute_wrapper(refuse):
        pages = [
            client.get(reverse("admin:index"), headers={"accept-language": "fr"}),
            client.get(url),
            client.post(url, data),
        ]

    assert_unavailable(pages[0], "fr")
    for response in pages[1:]:
        assert_unavailable(response, "en")


@pytest.mark.django_db
def test_the_api_answers_503_in_json(reader):
    with connection.execute_wrapper(refuse):
        response = reader.get("/api/v1/articles/")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert response.json() == {"detail": UNAVAILABLE["en"]}


def test_the_503_page_needs_no_database_nor_cache(rf, monkeypatch):
    monkeypatch.setattr(caching, "cache", lambda: pytest.fail("the 503 page used the cache"))
    with connection.execute_wrapper(refuse):
        response = unavailable(rf.get("/fr/meetings/"))

    assert_unavailable(response, "fr")
    assert 'href="/en/meetings/"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("error", "cause", "status"),
    [
        (ProgrammingError('relation "articles_article" does not exist'), None, 500),
        (OperationalError('fts5: syntax error near "OR"'), sqlite3.OperationalError(), 500),
        (OperationalError("database is locked"), sqlite3.OperationalError(), 503),
    ],
    ids=["bad-query", "bad-query-sqlite", "locked-sqlite"],
)
def test_only_an_unreachable_database_is_a_503(reader, error, cause, status):
    """A query that fails is a bug, and says so (SQLite reports bad SQL and a locked file
    alike, as OperationalError)."""

    def fail(execute, sql, params, many, context):
        raise error from cause

    with connection.execute_wrapper(fail):
        response = reader.get("/en/articles/")

    assert response.status_code == status


# 2. Under gunicorn, with PostgreSQL behind a proxy that goes away ------------------------


def database_url(settings_dict, host=None, port=None, **options):
    credentials = quote(settings_dict["USER"] or "", safe="")
    if settings_dict["PASSWORD"]:
        credentials += ":" + quote(settings_dict["PASSWORD"], safe="")
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return (
        f"postgres://{credentials}@{host or settings_dict['HOST'] or '127.0.0.1'}:"
        f"{port or settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
        + (f"?{query}" if query else "")
    )


#: Production settings, but static files as in development: these tests serve pages, and
#: must neither need `collectstatic` nor touch `staticfiles/`.
SITE_SETTINGS = """
from newsroom.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
"""


@contextlib.contextmanager
def gunicorn(tmp_path, database, secret_key, workers=2, cache_url="dummy://", **environ):
    """The site under gunicorn as `make serve` starts it, in production mode; its port.
    By default every page asks the database; none comes from a cache."""
    (tmp_path / "fault_settings.py").write_text(SITE_SETTINGS)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fault_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DATABASE_URL": database,
        "CACHE_URL": cache_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "NEWSROOM_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "NEWSROOM_ACCESS_LOG": "",
        **environ,
    }
    log = tmp_path / "gunicorn.log"
    with open(log, "w") as output:
        server = subprocess.Popen(
            [
                Path(sys.executable).parent / "gunicorn",
                "--config",
                "python:newsroom.gunicorn",
                "--no-control-socket",  # leave any other gunicorn's control socket alone
            ],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, log.read_text()
            with contextlib.suppress(OSError):
                if fetch(port, "/robots.txt").status == 200:
                    break
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield port, log
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


class Page:
    def __init__(self, response, started):
        self.status = response.status
        self.headers = response.headers
        self.text = response.read().decode()
        self.seconds = time.monotonic() - started


def fetch(port, path, **headers):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        started = time.monotonic()
        client.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        return Page(client.getresponse(), started)
    finally:
        client.close()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_under_gunicorn_the_site_answers_503_while_postgresql_is_away_then_recovers(
    tmp_path, settings
):
    settings.SECRET_KEY = secrets.token_urlsafe(50)  # the site's, which signs sessions
    ArticleFactory(slug="report-1")
    browser = Client()
    browser.force_login(UserFactory(is_staff=True, is_superuser=True))
    session = (
        f"{settings.SESSION_COOKIE_NAME}={browser.cookies[settings.SESSION_COOKIE_NAME].value}"
    )
    #: (address, headers, interface language, or None for the API's JSON)
    pages = [
        ("/en/articles/", {}, "en"),
        ("/fr/articles/", {}, "fr"),
        ("/en/articles/report-1/", {}, "en"),
        ("/fr/", {}, "fr"),
        (reverse("admin:index"), {"Cookie": session, "Accept-Language": "fr"}, "fr"),
        ("/api/v1/articles/", {}, None),
    ]
    test_database = connection.settings_dict
    proxy = Proxy((test_database["HOST"] or "127.0.0.1", int(test_database["PORT"] or 5432)))
    proxy.start()
    database = database_url(test_database, port=proxy.port, connect_timeout=2)
    seen = []

    def visit(path, headers):
        page = fetch(port, path, **headers)
        seen.append((path, page.status))
        return page

    def assert_all_up():
        for path, headers, _ in pages:
            assert visit(path, headers).status == 200, path

    def assert_all_unavailable(paths=pages):
        for path, headers, language in paths:
            page = visit(path, headers)
            assert page.status == 503, (path, page.status, page.text[:500])
            assert page.headers["Retry-After"] == str(RETRY_AFTER)
            assert page.seconds < 8, (path, page.seconds)
            if language is None:
                assert json.loads(page.text) == {"detail": UNAVAILABLE["en"]}
            else:
                assert f'<html lang="{language}">' in page.text, path
                assert UNAVAILABLE[language] in page.text, path

    try:
        with gunicorn(tmp_path, database, settings.SECRET_KEY) as (port, log):
            assert_all_up()

            proxy.stop()  # the database goes down: connections dropped, new ones refused
            assert_all_unavailable()
            assert_all_unavailable()  # each worker met it, and still answers

            proxy.start(forward=False)  # connections hang: connect_timeout ends the wait
            assert_all_unavailable(pages[:2])

            proxy.stop()
            proxy.start()  # the database is back
            deadline = time.monotonic() + 10
            while visit("/en/articles/", {}).status != 200:
                assert time.monotonic() < deadline, "the site did not recover by itself"
                time.sleep(0.2)
            assert_all_up()
            assert_all_up()

            logged = log.read_text()
        assert logged.count("Booting worker") == 2, logged  # no worker restarted
        assert "WORKER TIMEOUT" not in logged
        assert not [visited for visited in seen if visited[1] >= 500 and visited[1] != 503]
    finally:
        if proxy.listener is not None:
            proxy.stop()


# 3. An import killed half-way ------------------------------------------------------------

COPIES = 34  # of the 12 text reports: 408 reports, four full batches and a part
BATCH = Importer.batch_size

#: What a database holds after an import, as JSON: every article with what the importer
#: writes for it, by fingerprint and in the order written, and the outlets no report uses.
SIGNATURE = """
import json
import django

django.setup()
from articles.models import Article, HistoricalArticle, Outlet

articles = {}
for a in Article.objects.select_related("outlet", "agency").order_by("pk"):
    articles[a.import_fingerprint] = {
        "fields": [
            a.title, a.title_is_provisional, a.slug, a.language,
            a.outlet.name if a.outlet else None, a.agency.name if a.agency else None,
            a.source_url, a.published_at.isoformat() if a.published_at else None,
            a.dateline, a.byline, a.body, a.status, a.version,
        ],
        "people": sorted(a.people.values_list("slug", flat=True)),
        "organizations": sorted(a.organizations.values_list("slug", flat=True)),
        "names": sorted(a.name_proposals.values_list("kind", "name")),
        "related": sorted(
            [r.candidate.import_fingerprint, r.relation, round(r.score, 9)]
            for r in a.relation_proposals.select_related("candidate")
        ),
        "revisions": list(a.history.values_list("history_change_reason", flat=True)),
    }
print(json.dumps({
    "articles": articles,
    "order": list(articles),
    "orphan_revisions": HistoricalArticle.objects.exclude(
        id__in=Article.objects.values("id")
    ).count(),
    "unused_outlets": sorted(
        Outlet.objects.filter(articles=None, syndicated_articles=None).values_list(
            "name", flat=True
        )
    ),
}))
"""


def write_reports(directory):
    """Copies of the text reports, each made unique by a number in its second paragraph."""
    directory.mkdir()
    for copy in range(COPIES):
        for path in sorted(REPORTS.glob("*.txt")):
            lines = path.read_text().split("\n")
            second = [n for n, line in enumerate(lines) if len(line) > 150][1]
            lines[second] += f" (No. {copy + 1})"
            (directory / f"{copy:03d}_{path.name}").write_text("\n".join(lines))
    return COPIES * len(list(REPORTS.glob("*.txt")))


def environment(database):
    return {**os.environ, "DATABASE_URL": database, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}


def start_import(database, reports, log):
    with open(log, "w") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", "import_reports", str(reports), "--jobs", "1"],
            cwd=ROOT,
            env=environment(database),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def signature(database):
    result = subprocess.run(
        [sys.executable, "-c", SIGNATURE],
        cwd=ROOT,
        env=environment(database),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class SQLiteProbe:
    """Looks into the SQLite file an import writes to."""

    def __init__(self, path):
        self.db = sqlite3.connect(path, timeout=10, isolation_level=None)
        self.lock = sqlite3.connect(path, timeout=0, isolation_level=None)

    def articles(self):
        return self.db.execute(f"SELECT count(*) FROM {Article._meta.db_table}").fetchone()[0]

    def writing(self):
        """Whether a transaction holds the write lock."""
        try:
            self.lock.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return True
        self.lock.execute("ROLLBACK")
        return False

    def settled(self):
        return True

    def close(self):
        self.db.close()
        self.lock.close()


class PostgreSQLProbe:
    """Looks into the PostgreSQL database an import writes to."""

    def __init__(self, settings_dict):
        import psycopg

        self.db = psycopg.connect(
            dbname=settings_dict["NAME"],
            user=settings_dict["USER"],
            password=settings_dict["PASSWORD"] or None,
            host=settings_dict["HOST"] or "127.0.0.1",
            port=settings_dict["PORT"] or 5432,
            autocommit=True,
        )

    def value(self, sql):
        return self.db.execute(sql).fetchone()[0]

    def articles(self):
        return self.value(f"SELECT count(*) FROM {Article._meta.db_table}")

    def others(self, condition="true"):
        return self.value(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            f"AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND {condition}"
        )

    def writing(self):
        """Whether another session is in a transaction that has written."""
        return self.others("backend_xid IS NOT NULL") > 0

    def settled(self):
        """Whether the killed import's session is gone (its transaction rolled back)."""
        return self.others() == 0

    def close(self):
        self.db.close()


@pytest.fixture
def seeded_databases(transactional_db, tmp_path):
    """Two databases with the seed data, and a probe into the second: (URL, URL, probe)."""
    call_command("loaddata", "seed", verbosity=0)
    if connection.vendor == "sqlite":
        paths = [tmp_path / "complete.sqlite3", tmp_path / "killed.sqlite3"]
        connection.ensure_connection()
        for path in paths:
            with contextlib.closing(sqlite3.connect(path)) as copy:
                connection.connection.backup(copy)
                copy.execute("PRAGMA journal_mode=WAL")  # as the site's settings make it
        probe = SQLiteProbe(paths[1])
        yield f"sqlite:///{paths[0]}", f"sqlite:///{paths[1]}", probe
        probe.close()
        return
    connection.creation.clone_test_db(suffix="killed", verbosity=0)
    clone = connection.creation.get_test_db_clone_settings("killed")
    probe = PostgreSQLProbe(clone)
    try:
        yield database_url(connection.settings_dict), database_url(clone), probe
    finally:
        probe.close()
        connection.creation.destroy_test_db(verbosity=0, suffix="killed")


def test_an_import_killed_while_writing_leaves_only_whole_articles(seeded_databases, tmp_path):
    complete_database, killed_database, probe = seeded_databases
    reports = tmp_path / "reports"
    count = write_reports(reports)
    before = probe.articles()

    logs = tmp_path / "complete.log", tmp_path / "killed.log"
    complete = start_import(complete_database, reports, logs[0])
    killed = start_import(killed_database, reports, logs[1])
    try:
        # Once the first batch is in, freeze the import now and then; kill it when it is
        # caught inside a batch's transaction, with part of the batch written.
        while killed.poll() is None:
            if probe.articles() >= before + BATCH:
                os.kill(killed.pid, signal.SIGSTOP)
                if probe.writing():
                    committed = probe.articles()
                    os.killpg(killed.pid, signal.SIGKILL)
                    break
                os.kill(killed.pid, signal.SIGCONT)
            time.sleep(0.005)
        assert killed.wait(timeout=60) == -signal.SIGKILL, logs[1].read_text()[-2000:]
        assert complete.wait(timeout=600) == 0, logs[0].read_text()[-2000:]
    finally:
        for process in (complete, killed):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    deadline = time.monotonic() + 30
    while not probe.settled():
        assert time.monotonic() < deadline, "the killed import's session lingers"
        time.sleep(0.1)

    whole, partial = signature(complete_database), signature(killed_database)

    assert len(whole["order"]) == before + count
    stored = len(partial["order"])
    assert stored == probe.articles() == committed, "the batch being written was kept"
    assert (stored - before) % BATCH == 0
    assert before + BATCH <= stored < before + count
    assert partial["order"] == whole["order"][:stored]
    for fingerprint in partial["order"]:
        assert partial["articles"][fingerprint] == whole["articles"][fingerprint]
    assert partial["orphan_revisions"] == whole["orphan_revisions"] == 0
    assert partial["unused_outlets"] == whole["unused_outlets"]


# 4. A batch that fails once written is written again, report by report ------------------


@pytest.mark.django_db(transaction=True)  # each report's transaction really commits
def test_a_batch_rolled_back_after_creating_outlets_is_written_again_with_them(seed, monkeypatch):
    """A batch can fail late: a report's address just taken by an editor's article, a
    rule the database checks at commit. Its reports are written again one by one, and
    the outlet the failed batch had created (one named for the import, new to the desk)
    is created again, not taken for stored."""
    write = Importer.write

    def write_then_fail(self, batch):
        write(self, batch)
        if len(batch) > 1:
            raise RuntimeError("the batch fails once written")

    monkeypatch.setattr(Importer, "write", write_then_fail)
    outlets = set(Outlet.objects.values_list("name", flat=True))
    inputs = [(path.name, path.read_bytes) for path in sorted(REPORTS.glob("*.txt"))]

    results = list(Importer(outlet="Desk Wire").import_many(inputs))

    assert [(r.path, r.status, r.error) for r in results if r.status != "imported"] == []
    created = set(Outlet.objects.values_list("name", flat=True)) - outlets
    assert created == {"Desk Wire"}
    for result in results:
        assert Article.objects.get(pk=result.article.pk).outlet.name == "Desk Wire"


@pytest.mark.django_db
def test_the_health_check_answers_ok_then_503_while_the_database_is_away(reader):
    response = reader.get("/health/")
    assert response.status_code == 200
    assert response.content.startswith(b"ok\ndatabase: ok\n")
    assert "no-cache" in response["Cache-Control"]

    with connection.execute_wrapper(refuse):
        response = reader.get("/health/")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
