"""PostgreSQL answers the public lists from indexes: every filter and sort order of the
article list, the meeting timeline, deep keyset pages and search, checked with EXPLAIN
on an archive big enough for the planner to care."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from editorial.models import Status
from meetings.models import Meeting
from search import documents as search_documents
from search import postgresql
from search.query import MAX_RESULTS
from tests.factories import ArticleFactory, MeetingFactory, OutletFactory, PersonFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans of PostgreSQL"),
]

ARTICLES = 6000
START = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def archive(db):
    outlets = [OutletFactory() for _ in range(20)]
    person = PersonFactory(slug="someone")
    crowd = PersonFactory.create_batch(10)
    articles = Article.objects.bulk_create(
        ArticleFactory.build(
            outlet=outlets[n % 20],
            language=("en", "fr", "ru", "az")[n % 4],
            published_at=START + dt.timedelta(hours=n),
            status=Status.PUBLISHED if n % 10 else Status.DRAFT,
            title=f"Report {n} on {'landmines' if n % 100 == 0 else 'cooperation'}",
            slug=f"archive-{n}",
        )
        for n in range(ARTICLES)
    )
    links = [Article.people.through(article=a, person=person) for a in articles[::50]]
    links += [
        Article.people.through(article=a, person=other)
        for n, other in enumerate(crowd)
        for a in articles[n::2]
    ]
    Article.people.through.objects.bulk_create(links)
    Meeting.objects.bulk_create(
        MeetingFactory.build(slug=f"meeting-{n}", date=START.date() + dt.timedelta(days=n))
        for n in range(2000)
    )
    search_documents.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return outlets


def plan_of(client, url):
    """The EXPLAIN of the query that fetched the page's items."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    listing = [
        query["sql"]
        for query in queries.captured_queries
        if re.search(r"FROM \"articles_(article|meeting)\"", query["sql"])
        and "LIMIT" in query["sql"]
    ]
    assert listing, "no list query found"
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {listing[0]}")
        return "\n".join(row[0] for row in cursor.fetchall())


def assert_uses_index(plan, *indexes):
    """One of `indexes` answers the query (the planner may pick either when a filter is
    not selective), never a scan of the whole table."""
    assert any(f"using {index}" in plan or f"on {index}" in plan for index in indexes), plan
    assert "Seq Scan on articles_article " not in plan, plan
    assert "Sort" not in plan.split("->")[0] or "Top-N" not in plan, plan


@pytest.mark.parametrize(
    ("url", "index"),
    [
        ("/en/articles/", "article_published"),
        ("/en/articles/?language=ru", ("article_language_published", "article_published")),
        (
            "/en/articles/?published_after=2015-03-01&published_before=2015-03-20",
            "article_published",
        ),
    ],
)
def test_article_list_filters_use_their_index(client, archive, url, index):
    indexes = index if isinstance(index, tuple) else (index,)
    assert_uses_index(plan_of(client, url), *indexes)


def test_the_outlet_filter_uses_its_index(client, archive):
    url = f"/en/articles/?outlet={archive[3].slug}"
    assert_uses_index(plan_of(client, url), "article_outlet_published", "article_published")


def test_a_deep_keyset_page_uses_the_index(client, archive):
    first = client.get("/en/articles/")
    url = first.context["older_url"]
    for _ in range(3):
        url = client.get(url).context["older_url"]
    assert_uses_index(plan_of(client, url), "article_published")


def test_the_person_filter_starts_from_the_person(client, archive):
    plan = plan_of(client, "/en/articles/?person=someone")
    assert "articles_article_people" in plan
    assert "Seq Scan on articles_article_people" not in plan, plan


def test_the_meeting_timeline_uses_its_index(client, archive):
    assert_uses_index(plan_of(client, "/en/meetings/"), "meeting_published")


def test_search_uses_the_gin_index(archive):
    """A word in one report of a hundred is looked up in the GIN index, not by walking
    the archive newest first (the planner knows it is rare: `0013_search_statistics`)."""
    query = postgresql.postgresql_query("landmines")
    newest = postgresql.newest_matches(Article.objects.published(), query)
    plan = newest[:MAX_RESULTS].explain()
    assert "articles_searchdocument_vector" in plan, plan
