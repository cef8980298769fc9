"""Change lists of a large archive: no full COUNT(*) of the table on each page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import admin as archive_admin
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def counts_of(queries, table):
    return [
        query["sql"]
        for query in queries.captured_queries
        if "COUNT(" in query["sql"] and f'FROM "{table}"' in query["sql"]
    ]


@pytest.fixture
def archive(db):
    ArticleFactory.create_batch(30)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_article")


def test_no_second_unfiltered_count(admin_client, archive):
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(reverse("admin:articles_article_changelist") + "?q=Report")
    assert response.status_code == 200
    assert len(counts_of(queries, "articles_article")) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's row estimate")
def test_an_unfiltered_large_list_uses_the_estimate(admin_client, archive, monkeypatch):
    monkeypatch.setattr(archive_admin, "ESTIMATE_ABOVE", 10)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert counts_of(queries, "articles_article") == []
    assert "30 articles" in response.text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's row estimate")
def test_a_filtered_list_counts_exactly(admin_client, archive, monkeypatch):
    monkeypatch.setattr(archive_admin, "ESTIMATE_ABOVE", 10)
    ArticleFactory(status="draft")
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(
            reverse("admin:articles_article_changelist") + "?status__exact=draft"
        )
    assert len(counts_of(queries, "articles_article")) == 1
    assert "1 article" in response.text


def test_a_small_list_counts_exactly(admin_client, archive):
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    assert "30 articles" in response.text
