"""SQLite's planner statistics (core/statistics.py): with them, the few rows a page
names (an article's translation group, a search's matches) are read by primary key,
not by scanning the status index through the archive."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from core import statistics
from tests.factories import ArticleFactory, OutletFactory, TranslationFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner"),
]


def translation_group_plan(article):
    group = (
        Article.objects.published().with_original().versions_of(article).order_by("language", "pk")
    )
    sql, params = group.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " / ".join(row[-1] for row in cursor.fetchall())


def test_the_translation_group_is_read_by_primary_key():
    outlet = OutletFactory()
    ArticleFactory.create_batch(300, outlet=outlet)
    english = ArticleFactory(outlet=outlet, language="en")
    for language in ("fr", "ru"):
        TranslationFactory(source=english, translation=ArticleFactory(language=language))

    statistics.gather()

    plan = translation_group_plan(english)
    assert "USING INTEGER PRIMARY KEY" in plan
    assert "article_published" not in plan


def test_a_hundred_matches_are_found_by_primary_key_in_a_large_archive():
    """Statistics from a sample misjudge the status column (a few values over thousands
    of rows): the matches of a search were then looked for by scanning the status index."""
    outlet = OutletFactory()
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Report {number}",
            slug=f"report-{number}",
            language="en",
            outlet=outlet,
            source_url=f"https://example.org/report-{number}",
            body="Text.",
            status=Article.Status.PUBLISHED,
            published_at=now - dt.timedelta(hours=number),
        )
        for number in range(3000)
    )
    matches = list(Article.objects.order_by("-pk").values_list("pk", flat=True)[:100])
    statistics.gather()

    sql, params = Article.objects.published().filter(pk__in=matches).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " / ".join(row[-1] for row in cursor.fetchall())
    assert "USING INTEGER PRIMARY KEY" in plan
