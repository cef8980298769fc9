"""The article feeds (RSS and Atom: the latest, and by language, outlet and person):
published articles only, newest first, escaped, in few queries. The feed reader and
helpers here serve tests/meetings/test_feeds.py too."""

import datetime as dt
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from editorial.models import Status
from tests.factories import ArticleFactory, OutletFactory, PersonFactory

pytestmark = pytest.mark.django_db

ATOM = "http://www.w3.org/2005/Atom"
NS = {"atom": ATOM, "dc": "http://purl.org/dc/elements/1.1/"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
HOSTILE = '<script>alert(1)</script> & "x"'
#: Items readers must never see, by the status an item is given.
HIDDEN = ["draft", "review", "withdrawn", "scheduled"]
NOW = timezone.now()


def hours_ago(hours):
    return NOW - dt.timedelta(hours=hours)


def hidden_status(hidden):
    """Factory arguments for an item readers may not see yet, or any more."""
    if hidden == "scheduled":
        return {"status": Status.PUBLISHED, "published_at": NOW + dt.timedelta(days=1)}
    return {"status": hidden}


class ArticleFeedCase:
    """One article feed: its URL and how to make articles that belong in it."""

    def __init__(self, name, atom):
        self.name, self.atom = name, atom
        self.kwargs, self.article_kwargs, self.person = {}, {}, None
        if name == "feed-language":
            self.kwargs = {"language": "ru"}
            self.article_kwargs = {"language": "ru"}
        elif name == "feed-outlet":
            outlet = OutletFactory(name="Azertac", slug="azertac")
            self.kwargs = {"slug": outlet.slug}
            self.article_kwargs = {"outlet": outlet}
        elif name == "feed-person":
            self.person = PersonFactory(name="Fikrat Mammadov", slug="fikrat-mammadov")
            self.kwargs = {"slug": self.person.slug}

    @property
    def url(self):
        return reverse(self.name + ("-atom" if self.atom else ""), kwargs=self.kwargs)

    def article(self, **kwargs):
        article = ArticleFactory(**{**self.article_kwargs, **kwargs})
        if self.person is not None:
            article.people.add(self.person)
        return article

    def other_article(self):
        """A published article that belongs in the latest feed but not in this one."""
        article = ArticleFactory(language="en", published_at=hours_ago(1))
        article.people.add(PersonFactory())
        return article


ARTICLE_FEEDS = ["feed-articles", "feed-language", "feed-outlet", "feed-person"]


@pytest.fixture(autouse=True)
def english_interface():
    """A request leaves its interface language active: start in English, end reset."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(params=[False, True], ids=["rss", "atom"])
def atom(request):
    return request.param


@pytest.fixture(params=ARTICLE_FEEDS)
def article_feed(request, atom, db):
    return ArticleFeedCase(request.param, atom)


class Parsed:
    """A feed's XML, read the same way whatever its format."""

    def __init__(self, response, atom):
        assert response.status_code == 200
        assert response["Content-Type"] == (ATOM_TYPE if atom else RSS_TYPE)
        self.atom = atom
        self.root = ET.fromstring(response.content)
        if atom:
            assert self.root.tag == f"{{{ATOM}}}feed"
            self.channel = self.root
            self.items = self.root.findall("atom:entry", NS)
        else:
            assert self.root.tag == "rss"
            assert self.root.get("version") == "2.0"
            self.channel = self.root.find("channel")
            self.items = self.channel.findall("item")

    def find(self, element, tag):
        return element.find(f"atom:{tag}" if self.atom else tag, NS)

    @property
    def title(self):
        return self.find(self.channel, "title").text

    @property
    def link(self):
        if self.atom:
            return self.channel.find("atom:link[@rel='alternate']", NS).get("href")
        return self.channel.find("link").text

    @property
    def language(self):
        if self.atom:
            return self.root.get(XML_LANG)
        element = self.channel.find("language")
        return None if element is None else element.text

    def links(self):
        if self.atom:
            return [item.find("atom:link", NS).get("href") for item in self.items]
        return [item.find("link").text for item in self.items]

    def ids(self):
        return [self.find(item, "id" if self.atom else "guid").text for item in self.items]

    def titles(self):
        return [self.find(item, "title").text for item in self.items]

    def descriptions(self):
        return [
            self.find(item, "summary" if self.atom else "description").text for item in self.items
        ]

    def pubdates(self):
        """Publication times to the second, as RSS gives them."""
        if self.atom:
            dates = [
                dt.datetime.fromisoformat(item.find("atom:published", NS).text)
                for item in self.items
            ]
        else:
            dates = [parsedate_to_datetime(item.find("pubDate").text) for item in self.items]
        return [date.replace(microsecond=0) for date in dates]


def fetch(client, url, atom):
    return Parsed(client.get(url), atom)


def absolute(path):
    return f"http://testserver{path}"


def canonical(articles):
    return [absolute(article.get_canonical_url()) for article in articles]


def test_article_feed_lists_published_articles_newest_first(client, article_feed):
    middle = article_feed.article(published_at=hours_ago(20))
    newest = article_feed.article(published_at=hours_ago(10), language="ru")
    oldest = article_feed.article(published_at=hours_ago(30))
    expected = [newest, middle, oldest]
    if article_feed.name != "feed-articles":
        article_feed.other_article()

    feed = fetch(client, article_feed.url, article_feed.atom)

    assert feed.links() == canonical(expected)
    assert feed.ids() == canonical(expected)
    assert feed.pubdates() == [article.published_at.replace(microsecond=0) for article in expected]


def test_article_feed_item_details(client, article_feed):
    article = article_feed.article(
        title="Khalafov receives OHCHR delegation",
        byline="Rauf Aliyev",
        body="First paragraph.\n\nSecond paragraph.\n\nThird paragraph.",
    )

    feed = fetch(client, article_feed.url, article_feed.atom)

    (item,) = feed.items
    assert feed.titles() == ["Khalafov receives OHCHR delegation"]
    assert feed.descriptions() == ["First paragraph. Second paragraph."]
    outlet = article.outlet.name
    if feed.atom:
        assert item.find("atom:author/atom:name", NS).text == "Rauf Aliyev"
        categories = [category.get("term") for category in item.findall("atom:category", NS)]
        updated = dt.datetime.fromisoformat(item.find("atom:updated", NS).text)
        assert updated == article.updated_at
    else:
        assert item.find("dc:creator", NS).text == "Rauf Aliyev"
        assert item.find("guid").get("isPermaLink") is None
        assert item.find("comments") is None
        categories = [category.text for category in item.findall("category")]
    assert categories == [outlet, "English" if article.language == "en" else "Russian"]


def test_article_feed_author_falls_back_to_outlet(client, article_feed):
    article = article_feed.article(byline="")

    feed = fetch(client, article_feed.url, article_feed.atom)

    author = "atom:author/atom:name" if feed.atom else "dc:creator"
    assert feed.items[0].find(author, NS).text == article.outlet.name


def test_description_is_shortened_and_escaped(client, atom):
    long_paragraph = " ".join(["word"] * 100)
    ArticleFactory(body=f"<b>Bold</b> & co.\n\n{long_paragraph}\n\nThird.")

    feed = fetch(client, reverse("feed-articles-atom" if atom else "feed-articles"), atom)

    (description,) = feed.descriptions()
    assert description.startswith("&lt;b&gt;Bold&lt;/b&gt; &amp; co. word word")
    assert description.endswith("word…")
    assert len(description.split()) == 80
    assert "Third" not in description


@pytest.mark.parametrize("hidden", HIDDEN)
def test_article_feed_leaves_out_unpublished_articles(client, article_feed, hidden):
    published = article_feed.article(published_at=hours_ago(5))
    article_feed.article(**{"published_at": hours_ago(1), **hidden_status(hidden)})

    feed = fetch(client, article_feed.url, article_feed.atom)

    assert feed.links() == canonical([published])


def test_article_feed_holds_the_latest_thirty_in_constant_queries(
    client, article_feed, django_assert_max_num_queries
):
    for hours in range(3):
        article_feed.article(published_at=hours_ago(hours + 1))
    with CaptureQueriesContext(connection) as few:
        assert len(fetch(client, article_feed.url, article_feed.atom).items) == 3
    articles = [article_feed.article(published_at=hours_ago(hours + 10)) for hours in range(28)]

    with django_assert_max_num_queries(len(few)):
        feed = fetch(client, article_feed.url, article_feed.atom)

    assert len(feed.items) == 30
    assert feed.links()[-1] == canonical([articles[-2]])[0]


def test_article_feed_escapes_hostile_titles(client, article_feed):
    article_feed.article(title=HOSTILE)

    response = client.get(article_feed.url)
    feed = Parsed(response, article_feed.atom)

    (title,) = feed.titles()
    # Atom titles are text; RSS readers take titles as HTML, so Django escapes them.
    assert title == (HOSTILE if feed.atom else escape(HOSTILE))
    assert not list(feed.find(feed.items[0], "title"))
    assert feed.root.find(".//script") is None
    assert b"<script>" not in response.content


CHANNELS = [
    ("feed-articles", "Newsroom: latest reports", "/en/articles/"),
    ("feed-language", "Newsroom: reports in Russian", "/en/articles/?language=ru"),
    ("feed-outlet", "Newsroom: reports from Azertac", "/en/articles/?outlet=azertac"),
    (
        "feed-person",
        "Newsroom: reports mentioning Fikrat Mammadov",
        "/en/people/fikrat-mammadov/",
    ),
]


@pytest.mark.parametrize(("name", "title", "link"), CHANNELS)
def test_article_feed_channel(client, atom, name, title, link):
    case = ArticleFeedCase(name, atom)

    feed = fetch(client, case.url, atom)

    assert feed.title == title
    assert feed.link == absolute(link)
    if atom:
        assert feed.find(feed.root, "subtitle").text
        self_link = feed.root.find("atom:link[@rel='self']", NS).get("href")
        assert self_link == absolute(case.url)
    else:
        assert feed.channel.find("description").text
    assert feed.language == ("ru" if name == "feed-language" else None)


def test_french_interface_links_the_french_pages(client, atom):
    english = ArticleFactory(language="en", published_at=hours_ago(1))
    french = ArticleFactory(language="fr", published_at=hours_ago(2))
    russian = ArticleFactory(language="ru", published_at=hours_ago(3))
    with translation.override("fr"):
        url = reverse("feed-articles-atom" if atom else "feed-articles")
    assert url.startswith("/fr/")

    feed = fetch(client, url, atom)

    assert feed.link == absolute("/fr/articles/")
    assert feed.links() == [
        absolute(f"/en/articles/{english.slug}/"),
        absolute(f"/fr/articles/{french.slug}/"),
        absolute(f"/en/articles/{russian.slug}/"),
    ]


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("feed-language", {"language": "xx"}),
        ("feed-outlet", {"slug": "no-such-outlet"}),
        ("feed-person", {"slug": "no-such-person"}),
    ],
)
def test_unknown_feed_subject_is_404(client, atom, name, kwargs):
    url = reverse(name + ("-atom" if atom else ""), kwargs=kwargs)

    assert client.get(url).status_code == 404


def test_french_feed_of_the_seed_lists_the_french_khalafov_report(client, seed, atom):
    feed = fetch(
        client, reverse("feed-language-atom" if atom else "feed-language", args=["fr"]), atom
    )

    slugs = [link.rstrip("/").rsplit("/", 1)[-1] for link in feed.links()]
    assert any(slug.startswith("khalafov-s-entretient") for slug in slugs)
    assert all(link.startswith("http://testserver/fr/articles/") for link in feed.links())
    assert feed.language == "fr"
