"""A database that answers but refuses to write: readers are served, saves are refused.

A PostgreSQL standby after a failover refuses writes with SQLSTATE 25006; here the test
connection is made read-only with `SET default_transaction_read_only = on`. A SQLite file
the site may not write says "attempt to write a readonly database"; `PRAGMA query_only`
makes SQLite say the same. Each test turns it back off before the database is emptied.
"""

import contextlib
import json
import sqlite3

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.db import DatabaseError, InternalError, OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article
from core.middleware import READ_ONLY, RETRY_AFTER, unavailable
from tests.admin_forms import admin_url, changeform_data
from tests.factories import ArticleFactory, UserFactory
from tests.test_faults import assert_unavailable

pytestmark = pytest.mark.django_db(transaction=True)  # the writes refused are real ones

PASSWORD = "correct horse battery staple"  # the factories' password
NOT_SAVED = {
    "en": (
        "The site is read-only for the moment: saving is unavailable. Your changes were not "
        "saved; please try again in a few minutes."
    ),
    "fr": (
        "Le site est en lecture seule pour le moment\u00a0: l’enregistrement est indisponible. "
        "Vos modifications n’ont pas été enregistrées\u00a0; veuillez réessayer dans quelques "
        "minutes."
    ),
}


@contextlib.contextmanager
def read_only_database():
    """The test database refuses every write until the block ends."""
    if connection.vendor == "postgresql":
        on, off = (
            "SET default_transaction_read_only = on",
            "SET default_transaction_read_only = off",
        )
    else:
        on, off = "PRAGMA query_only = ON", "PRAGMA query_only = OFF"
    with connection.cursor() as cursor:
        cursor.execute(on)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(off)


def read_only_error(message="cannot execute INSERT in a read-only transaction"):
    """The error this database's driver gives for a write it refuses, as Django raises it."""
    if connection.vendor == "postgresql":
        from psycopg.errors import ReadOnlySqlTransaction

        error, cause = InternalError(message), ReadOnlySqlTransaction(message)
    else:
        message = "attempt to write a readonly database"
        error, cause = OperationalError(message), sqlite3.OperationalError(message)
    error.__cause__ = cause
    return error


def assert_not_saved(response, language):
    assert_unavailable(response, language, NOT_SAVED)


@pytest.fixture
def report():
    return ArticleFactory(title="Khalafov receives a delegation", slug="khalafov-receives")


@pytest.fixture
def editor(client):
    """A browser logged in as an editor who may change articles. (The Editors group is
    made by a migration, and a test that commits empties the database after it.)"""
    user = UserFactory(username="desk", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_article", "change_article"])
    )
    client.force_login(user)
    client.raise_request_exception = False  # as a browser: a failed middleware is a page
    return client


def saved_state(article):
    """What a save would change: the row, its revisions and the admin's log."""
    row = Article.objects.filter(pk=article.pk).values("title", "body", "version").get()
    return row, article.history.count(), LogEntry.objects.count()


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/fr/articles/",
        "/en/articles/khalafov-receives/",
        "/fr/search/?q=delegation",
        "/en/feeds/articles.rss",
        "/api/v1/articles/",
    ],
)
def test_readers_get_every_page_while_the_database_is_read_only(client, report, path):
    with read_only_database():
        response = client.get(path)
        with pytest.raises(DatabaseError):
            Article.objects.update(title="Written")

    assert response.status_code == 200
    assert "Khalafov receives a delegation" in response.content.decode()


def test_the_health_check_answers_200_and_says_the_database_is_read_only(client):
    assert client.get("/health/").text.startswith("ok\ndatabase: ok\n")
    with read_only_database():
        response = client.get("/health/")

    assert response.status_code == 200
    assert response.text.startswith("ok\ndatabase: read-only\ncache: ")


def test_an_editor_still_opens_the_admin_while_the_database_is_read_only(editor, report):
    with read_only_database():
        pages = [
            editor.get(reverse("admin:index")),
            editor.get(admin_url(Article, "changelist")),
            editor.get(admin_url(Article, "change", report.pk)),
        ]

    assert [page.status_code for page in pages] == [200, 200, 200]


@pytest.mark.parametrize(("headers", "language"), [({}, "en"), ({"accept-language": "fr"}, "fr")])
def test_an_editors_save_answers_503_and_changes_nothing(editor, report, headers, language):
    url = admin_url(Article, "change", report.pk)
    data = changeform_data(editor.get(url))
    data["title"] = "A title that is never saved"
    before = saved_state(report)

    with read_only_database():
        response = editor.post(url, data, headers=headers)

    assert_not_saved(response, language)
    assert saved_state(report) == before


def test_a_save_refused_half_way_leaves_nothing_half_written(editor, report):
    """The database refuses the revision after it took the row's update: the admin's
    transaction takes the update back."""
    url = admin_url(Article, "change", report.pk)
    data = changeform_data(editor.get(url))
    data["title"] = "A title that is never saved"
    before = saved_state(report)
    history_table = report.history.model._meta.db_table

    def refuse_the_revision(execute, sql, params, many, context):
        if sql.startswith(f'INSERT INTO "{history_table}"'):
            raise read_only_error()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_the_revision):
        response = editor.post(url, data)

    assert_not_saved(response, "en")
    assert saved_state(report) == before


@pytest.mark.parametrize("password", [PASSWORD, "a wrong password"], ids=["right", "wrong"])
def test_a_login_answers_503_not_500(client, password):
    """A login writes: a session, and django-axes' record of the attempt."""
    UserFactory(username="desk", is_staff=True)
    client.raise_request_exception = False
    login = reverse("admin:login")
    form = {"username": "desk", "password": password, "next": reverse("admin:index")}

    with read_only_database():
        assert client.get(login).status_code == 200
        response = client.post(login, form, headers={"accept-language": "fr"})

    assert_not_saved(response, "fr")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "cause",
    ["database or disk is full", "could not extend file: No space left on device"],
    ids=["sqlite", "postgresql"],
)
def test_a_database_whose_disk_is_full_refuses_saves_alike(editor, report, cause):
    """The database's own disk full (SQLite's SQLITE_FULL, PostgreSQL's SQLSTATE 53100):
    it still reads, and a save gets the same answer as on a read-only database."""
    if cause.startswith("database"):
        error = OperationalError(cause)
        error.__cause__ = sqlite3.OperationalError(cause)
    else:
        errors = pytest.importorskip("psycopg.errors")
        error = OperationalError(cause)
        error.__cause__ = errors.DiskFull(cause)
    url = admin_url(Article, "change", report.pk)
    data = changeform_data(editor.get(url))
    data["title"] = "A title that is never saved"
    before = saved_state(report)

    def disk_full(execute, sql, params, many, context):
        if sql.startswith(("INSERT", "UPDATE", "DELETE")):
            raise error
        return execute(sql, params, many, context)

    with connection.execute_wrapper(disk_full):
        page = editor.get(url)
        response = editor.post(url, data)

    assert page.status_code == 200
    assert_not_saved(response, "en")
    assert saved_state(report) == before


def test_a_write_to_the_api_would_get_the_message_in_json():
    """The API takes GET only; an answer made for a refused write there is JSON."""
    response = unavailable(RequestFactory().post("/api/v1/articles/"), READ_ONLY)

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert json.loads(response.content) == {"detail": NOT_SAVED["en"]}


def test_a_read_that_needed_a_write_does_not_say_changes_were_lost():
    response = unavailable(RequestFactory().get("/fr/articles/"), READ_ONLY)

    assert response.status_code == 503
    text = response.content.decode()
    assert "<h1>Enregistrement indisponible</h1>" in text
    assert (
        "Le site est en lecture seule pour le moment\u00a0: l’enregistrement est indisponible. "
        "Veuillez réessayer dans quelques minutes."
    ) in text
