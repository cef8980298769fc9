"""Which pages of the site a benchmark requests, picked from the database.

`bench/run` (web.py) measures a few pages, one at a time (`choose_targets`): random
article and meeting pages and comparisons of a meeting's reports (1,000 of each, 100
with --quick), the article list's first page, a page half-way down the archive and the
list filtered by language, a search for the commonest word of English titles, the API's
article list, and the page of the person with the most meetings. `bench/load` (load.py)
sends a mix (`mix.MIX`) of thousands of addresses of six kinds (`choose_paths`): article
pages, lists, meetings, searches, feeds and the API.

Both pick with the same helpers and seed (`Picker`): the same database gives the same
addresses. Picking needs Django set up on the benchmark's database, which the
benchmarks' own processes are not, so it runs in a subprocess, `pages.py web|load COUNT`,
which prints the addresses as JSON.
"""

import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from common import ROOT, SEED, BenchError
from mix import MIX


@dataclass
class Target:
    """What one row measures: one address, or a random one of `paths` per request."""

    name: str
    path: str
    paths: list = field(default_factory=list)
    #: How many `class="article-row"` the page must list (checked on the warm-up).
    rows: int | None = None


# Choosing the addresses (in the subprocess, with Django set up on the benchmark's database)


class Picker:
    """Django set up on the benchmark's database, in English, and the random choices
    seeded: the same database gives the same addresses."""

    def __init__(self):
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
        sys.path.insert(0, str(ROOT))
        django.setup()

        from django.utils import translation

        translation.activate("en")
        self.rng = random.Random(SEED)

    def sample(self, items, size):
        """Up to `size` of `items`, chosen at random."""
        items = list(items)
        return self.rng.sample(items, min(size, len(items)))

    def published(self, model, count, *fields):
        """Up to `count` published objects of `model` (their `fields` loaded), chosen at
        random, in the order of their keys."""
        ids = sorted(model.objects.published().values_list("pk", flat=True))
        chosen = self.sample(ids, count)
        return list(model.objects.filter(pk__in=chosen).only(*fields).order_by("pk"))


def query(path, **parameters):
    return f"{path}?{urlencode(parameters)}"


def cursor(pager_class, base_url, position, **parameters):
    """The address of the list page that follows the item at `position`, encoded as the
    pager encodes its "next" link."""
    from rest_framework.pagination import Cursor

    pager = pager_class()
    pager.base_url = query(base_url, **parameters) if parameters else base_url
    return pager.encode_cursor(Cursor(offset=0, reverse=False, position=str(position)))


def words(title, shortest):
    """The words of `title` of at least `shortest` letters."""
    return re.findall(rf"[^\W\d_]{{{shortest},}}", title)


def pick_web(picker, count):
    """bench/run's addresses: `count` article and meeting pages, the deep list page, the
    search word, the busiest person's page."""
    from django.db.models import Count
    from django.test import RequestFactory
    from django.urls import reverse
    from rest_framework.request import Request

    from articles.models import Article
    from articles.views import ArticleCursor, listed_articles
    from meetings.models import Meeting
    from people.models import Person
    from search.query import search

    articles = [
        article.get_canonical_url()
        for article in picker.published(Article, count, "slug", "language")
    ]
    chosen = picker.published(Meeting, count, "slug")
    meetings = [meeting.get_absolute_url() for meeting in chosen]
    coverage = [reverse("meeting-coverage", args=[meeting.slug]) for meeting in chosen]
    picker.rng.shuffle(articles)
    picker.rng.shuffle(meetings)
    picker.rng.shuffle(coverage)

    # Half-way down the archive, encoded as DRF encodes the "Older" link of the page
    # before: the position is the `published_at` of the last article shown.
    listed = listed_articles()
    total = listed.count()
    middle = listed.values_list("published_at", flat=True)[total // 2]
    deep = cursor(ArticleCursor, reverse("article-list"), middle)
    request = Request(RequestFactory(HTTP_HOST="localhost").get(deep))
    deep_items = len(ArticleCursor().paginate_queryset(listed_articles(), request))

    # The commonest word of English titles: what a search is most likely to ask for, and
    # the most work for the ranking.
    counts = Counter(
        word.lower()
        for title in listed.filter(language="en").values_list("title", flat=True)[:20000]
        for word in words(title, 5)
    )
    stop = {"about", "after", "their", "which", "there", "these", "under", "while", "with"}
    word = next(word for word, _ in counts.most_common() if word not in stop)
    matches = search(Article.objects.published(), word).count()

    # The person with the most published meetings: the largest timeline and network.
    busiest = (
        Person.objects.filter(participations__meeting__in=Meeting.objects.published())
        .annotate(meetings=Count("participations__meeting", distinct=True))
        .order_by("-meetings", "pk")
        .first()
    )

    return {
        "articles_total": Article.objects.count(),
        "articles_listed": total,
        "article_paths": articles,
        "meeting_paths": meetings,
        "coverage_paths": coverage,
        "deep_path": deep,
        "deep_position": str(middle),
        "deep_items": deep_items,
        "search_word": word,
        "search_matches": matches,
        "person_path": busiest and busiest.get_absolute_url(),
    }


def pick_load(picker, count):
    """bench/load's addresses of each kind of the mix, up to about `count` of each."""
    from django.urls import reverse

    from api.views import LatestMeetingFirst, NewestFirst
    from articles.models import Article, Outlet
    from articles.views import ArticleCursor, listed_articles
    from meetings.models import Meeting, Topic
    from meetings.views import MeetingCursor
    from people.models import Organization, Person
    from search.query import search

    rng, sample = picker.rng, picker.sample
    listed = listed_articles()
    published_at = list(listed.values_list("published_at", flat=True))
    articles = picker.published(Article, count, "slug", "language")
    meetings = list(Meeting.objects.published().only("slug", "date").order_by("pk"))
    meeting_dates = [meeting.date for meeting in meetings]
    languages = sorted(set(Article.objects.published().values_list("language", flat=True)))
    outlets = list(Outlet.objects.order_by("pk").values_list("slug", flat=True))
    topics = list(Topic.objects.order_by("pk").values_list("slug", flat=True))
    people = list(Person.objects.order_by("pk"))
    organizations = list(Organization.objects.order_by("pk"))
    years = sorted({date.year for date in meeting_dates})
    list_url = reverse("article-list")
    meeting_url = reverse("meeting-list")
    api_articles = reverse("api:article-list")
    api_meetings = reverse("api:meeting-list")

    article = [item.get_canonical_url() for item in articles]

    lists = ["/en/", "/fr/", list_url, "/fr/articles/"]
    lists += [query(list_url, language=language) for language in languages]
    lists += [query(list_url, outlet=slug) for slug in outlets]
    lists += [query(list_url, topic=slug) for slug in sample(topics, 20)]
    lists += [query(list_url, person=item.slug) for item in sample(people, 20)]
    lists += [query(list_url, organization=item.slug) for item in sample(organizations, 20)]
    lists += [
        query(list_url, published_after=f"{year}-01-01", published_before=f"{year}-12-31")
        for year in sorted({moment.year for moment in published_at})
    ]
    lists += [reverse("person-list"), reverse("organization-list")]
    lists += [item.get_absolute_url() for item in sample(people, 20)]
    lists += [item.get_absolute_url() for item in sample(organizations, 20)]
    deep = sample(published_at, min(count // 5, 300))
    lists += [cursor(ArticleCursor, list_url, position) for position in deep]
    lists += [
        cursor(ArticleCursor, list_url, position, language=rng.choice(languages))
        for position in deep[:50]
    ]

    meeting = [item.get_absolute_url() for item in sample(meetings, count)]
    meeting += [meeting_url] * 10
    meeting += [reverse("meeting-year", args=[year]) for year in years]
    meeting += [
        cursor(MeetingCursor, meeting_url, position) for position in sample(meeting_dates, 100)
    ]

    # Words of the titles in every language, pairs of them, names, and words that match
    # nothing: far more searches than the cache keeps for a few minutes' run.
    titles = list(listed.values_list("title", "language")[:20000])
    counts = Counter(word.lower() for title, _ in titles for word in words(title, 4))
    vocabulary = sorted(counts)
    # Words with a second page of results (a page beyond the last answers 404).
    common = [word for word, _ in counts.most_common(100)]
    common = [word for word in sample(common, 30) if search(listed, word).count() > 20]
    queries = sample(vocabulary, count // 2)
    for title, _ in sample(titles, count // 4):
        found = words(title, 4)
        if len(found) >= 2:
            start = rng.randrange(len(found) - 1)
            queries.append(f"{found[start]} {found[start + 1]}")
    queries += [item.name for item in sample(people, 50)]
    queries += [f"zq{rng.randrange(10**6)}" for _ in range(20)]
    search_url = reverse("search")
    searches = [query(search_url, q=terms) for terms in queries]
    searches += [query("/fr/search/", q=word) for word in sample(vocabulary, 50)]
    searches += [
        query(search_url, q=word, language=rng.choice(languages)) for word in sample(vocabulary, 50)
    ]
    searches += [query(search_url, q=word, page=2) for word in common]

    feed = []
    for name in ("feed-articles", "feed-meetings"):
        feed += [reverse(name), reverse(f"{name}-atom")]
    for language in languages:
        feed += [reverse("feed-language", args=[language])]
        feed += [reverse("feed-language-atom", args=[language])]
    for slug in outlets:
        feed += [reverse("feed-outlet", args=[slug]), reverse("feed-outlet-atom", args=[slug])]
    for item in sample(people, 30):
        feed += [reverse("feed-person", args=[item.slug])]
        feed += [reverse("feed-person-atom", args=[item.slug])]

    api = [api_articles, api_meetings, f"{api_articles}?page_size=100"]
    api += [reverse(f"api:{name}-list") for name in ("person", "organization", "outlet")]
    api += [query(api_articles, language=language) for language in languages]
    api += [query(api_articles, outlet=slug) for slug in outlets]
    api += [query(api_articles, q=word) for word in sample(vocabulary, 100)]
    api += [cursor(NewestFirst, api_articles, position) for position in sample(published_at, 100)]
    api += [
        cursor(LatestMeetingFirst, api_meetings, position) for position in sample(meeting_dates, 50)
    ]
    api += [reverse("api:article-detail", args=[item.slug]) for item in articles[: count // 2]]
    api += [
        reverse("api:meeting-detail", args=[item.slug]) for item in sample(meetings, count // 5)
    ]
    api += [reverse("api:person-detail", args=[item.slug]) for item in sample(people, 50)]

    return {
        "articles_total": Article.objects.count(),
        "articles_listed": len(published_at),
        "meetings_published": len(meetings),
        "paths": {
            "article": article,
            "list": lists,
            "meeting": meeting,
            "search": searches,
            "feed": feed,
            "api": api,
        },
    }


PICKERS = {"web": pick_web, "load": pick_load}


def pick_urls(benchmark, count):
    """Print as JSON the addresses `benchmark` ("web" or "load") requests, up to about
    `count` of each kind."""
    json.dump(PICKERS[benchmark](Picker(), count), sys.stdout)


# Asking for them (in the benchmark's process)


def picked(benchmark, env, count):
    """The addresses `benchmark` requests, picked by `pages.py` run on its database."""
    result = subprocess.run(
        [sys.executable, __file__, benchmark, str(count)],
        cwd=ROOT,
        env={**env, "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BenchError(f"Choosing the addresses failed:\n{result.stderr}")
    return json.loads(result.stdout)


def choose_targets(env, count):
    """bench/run's rows, and what `pick_web` found."""
    data = picked("web", env, count)
    if not data["article_paths"] or not data["meeting_paths"] or not data["person_path"]:
        raise BenchError("The database has no published articles, or meetings with people.")
    if data["deep_items"] != 20:
        raise BenchError(
            f"The deep list page ({data['deep_path']}) lists {data['deep_items']} articles, "
            "not 20: the cursor is wrong."
        )
    targets = [
        Target("article", data["article_paths"][0], paths=data["article_paths"]),
        Target("list", "/en/articles/", rows=20),
        Target("list-deep", data["deep_path"], rows=20),
        Target("list-language", "/en/articles/?language=fr", rows=20),
        Target("search", f"/en/search/?q={data['search_word']}"),
        Target("meeting", data["meeting_paths"][0], paths=data["meeting_paths"]),
        Target("coverage", data["coverage_paths"][0], paths=data["coverage_paths"]),
        Target("person", data["person_path"]),
        Target("api", "/api/v1/articles/"),
    ]
    return targets, data


def textbook_targets(targets):
    """The textbook Django version of the article list and page (`bench/ceiling_urls.py`),
    over the same articles as the site's rows."""
    article = next(target for target in targets if target.name == "article")
    paths = [f"/textbook/articles/{path.rstrip('/').rsplit('/', 1)[1]}/" for path in article.paths]
    return [
        Target("textbook-list", "/textbook/articles/"),
        Target("textbook-article", paths[0], paths=paths),
    ]


def choose_paths(env, count):
    """bench/load's addresses of each kind, and what `pick_load` found."""
    data = picked("load", env, count)
    empty = [kind for kind in MIX if not data["paths"].get(kind)]
    if empty:
        raise BenchError(f"The database gives no addresses of these kinds: {', '.join(empty)}")
    return data


if __name__ == "__main__":
    pick_urls(sys.argv[1], int(sys.argv[2]))
