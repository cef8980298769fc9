"""On SQLite, a page deep in the article list costs what the first page costs: the
database starts reading at the page's own bound, not at "gone live by now"
(`editorial.models.NotABound`). Work is counted in SQLite's virtual-machine steps, which
do not depend on the machine's speed."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.pagination import Cursor

from articles.models import Article
from articles.views import ArticleCursor
from core import statistics
from editorial.models import Status
from tests.factories import ArticleFactory, OutletFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner"),
]

START = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
ARTICLES = 3000


@pytest.fixture
def archive(db, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    outlet = OutletFactory()
    Article.objects.bulk_create(
        ArticleFactory.build(
            outlet=outlet,
            language=("en", "fr")[n % 2],
            published_at=START + dt.timedelta(hours=n),
            status=Status.PUBLISHED,
            slug=f"archive-{n}",
        )
        for n in range(ARTICLES)
    )
    statistics.gather()


def steps(client, url):
    """How many steps of SQLite's virtual machine the page's queries took, in
    hundreds."""
    counted = []
    connection.ensure_connection()
    connection.connection.set_progress_handler(lambda: counted.append(1) and 0, 100)
    try:
        assert client.get(url).status_code == 200
    finally:
        connection.connection.set_progress_handler(None, 0)
    return len(counted)


def deep_page(base_url, hours):
    pager = ArticleCursor()
    pager.base_url = base_url
    position = START + dt.timedelta(hours=hours)
    return pager.encode_cursor(Cursor(offset=0, reverse=False, position=str(position)))


@pytest.mark.parametrize("filters", ["", "?language=fr"])
def test_a_page_deep_in_the_archive_costs_what_the_first_costs(client, archive, filters):
    first_url = reverse("article-list") + filters
    first = steps(client, first_url)
    deep = steps(client, deep_page(first_url, hours=ARTICLES // 10))
    assert deep <= first * 1.2, (first, deep)
