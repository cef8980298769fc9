"""SQLite's planner statistics (core/statistics.py): without them, an article's
translation group is read through the status index, scanning the archive."""

import pytest
from django.db import connection

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


def test_the_translation_group_is_read_by_primary_key_once_statistics_are_gathered():
    outlet = OutletFactory()
    ArticleFactory.create_batch(300, outlet=outlet)
    english = ArticleFactory(outlet=outlet, language="en")
    for language in ("fr", "ru"):
        TranslationFactory(source=english, translation=ArticleFactory(language=language))
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    assert "USING INDEX article_published" in translation_group_plan(english)

    statistics.gather()

    plan = translation_group_plan(english)
    assert "USING INTEGER PRIMARY KEY" in plan
    assert "article_published" not in plan
