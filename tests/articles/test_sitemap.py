"""The sitemap as search engines read it: every published page once, at its canonical
address, with reciprocal hreflang alternates; nothing unpublished. The section reader
here serves tests/meetings/test_sitemap.py too."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article
from meetings.models import Meeting
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    PersonFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
NS = {"sm": SITEMAP, "xhtml": XHTML}
ROOT = "http://testserver"

EN_SLUG = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
EN_2017 = f"{ROOT}/en/articles/{EN_SLUG}/"
SECTIONS = ("articles", "meetings", "people", "organizations")


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def entries(client, section):
    """{location: {"lastmod": str or None, "alternates": {hreflang: href}}} of a section,
    failing if a location is listed twice."""
    urlset = fetch(client, f"/sitemap-{section}.xml")
    assert urlset.tag == f"{{{SITEMAP}}}urlset"
    result = {}
    for url in urlset.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        assert location not in result, f"{location} is listed twice"
        links = url.findall("xhtml:link", NS)
        assert all(link.get("rel") == "alternate" for link in links)
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        assert len(alternates) == len(links), f"{location} repeats an hreflang"
        result[location] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": alternates,
        }
    return result


def absolute(path):
    return f"{ROOT}{path}"


def french_2017():
    return Article.objects.get(slug__startswith="khalafov-s-entretient")


class TestIndex:
    def test_lists_every_section(self, client, seed):
        index = fetch(client, "/sitemap.xml")
        assert index.tag == f"{{{SITEMAP}}}sitemapindex"
        locations = [s.findtext("sm:loc", namespaces=NS) for s in index.findall("sm:sitemap", NS)]
        assert locations == [f"{ROOT}/sitemap-{section}.xml" for section in SECTIONS]

    @pytest.mark.parametrize("section", SECTIONS)
    def test_each_section_parses(self, client, seed, section):
        assert entries(client, section)

    def test_article_and_meeting_sections_have_a_lastmod(self, client, seed):
        index = fetch(client, "/sitemap.xml")
        lastmods = {
            s.findtext("sm:loc", namespaces=NS): s.findtext("sm:lastmod", namespaces=NS)
            for s in index.findall("sm:sitemap", NS)
        }
        for section in ("articles", "meetings"):
            assert lastmods[f"{ROOT}/sitemap-{section}.xml"]

    def test_an_unknown_section_is_404(self, client, seed):
        assert client.get("/sitemap-nothing.xml").status_code == 404

    def test_an_empty_site_still_has_a_valid_sitemap(self, client, db):
        assert fetch(client, "/sitemap.xml").tag == f"{{{SITEMAP}}}sitemapindex"
        for section in SECTIONS:
            assert entries(client, section) == {}


class TestArticles:
    def test_each_published_article_once_at_its_canonical_address(self, client, seed):
        russian = ArticleFactory(language="ru", slug="russian-report")
        listed = entries(client, "articles")
        expected = {
            absolute(article.get_canonical_url())
            for article in Article.objects.filter(status=Article.Status.PUBLISHED)
        }
        assert set(listed) == expected
        assert len(listed) == 6
        assert EN_2017 in listed
        assert absolute(f"/fr/articles/{french_2017().slug}/") in listed
        assert absolute("/en/articles/russian-report/") in listed
        assert russian.get_canonical_url() == "/en/articles/russian-report/"

    def test_lastmod_is_the_day_of_the_last_change(self, client, db):
        article = ArticleFactory()
        Article.objects.filter(pk=article.pk).update(
            updated_at=dt.datetime(2025, 3, 4, 10, 0, tzinfo=dt.UTC)
        )
        listed = entries(client, "articles")
        assert listed[absolute(article.get_canonical_url())]["lastmod"] == "2025-03-04"

    def test_the_seed_translation_pair_names_each_other(self, client, seed):
        french = absolute(f"/fr/articles/{french_2017().slug}/")
        listed = entries(client, "articles")
        expected = {"en": EN_2017, "fr": french, "x-default": EN_2017}
        assert listed[EN_2017]["alternates"] == expected
        assert listed[french]["alternates"] == expected

    def test_every_version_of_a_group_lists_the_whole_group(self, client, db):
        source = ArticleFactory(language="en", slug="source")
        TranslationFactory(source=source, translation__language="fr", translation__slug="fr")
        TranslationFactory(source=source, translation__language="ru", translation__slug="ru")
        TranslationFactory(source=source, translation__language="de", translation__slug="de")
        listed = entries(client, "articles")
        group = {
            "en": absolute("/en/articles/source/"),
            "fr": absolute("/fr/articles/fr/"),
            "ru": absolute("/en/articles/ru/"),
            "de": absolute("/en/articles/de/"),
            "x-default": absolute("/en/articles/source/"),
        }
        for language, location in group.items():
            if language != "x-default":
                assert listed[location]["alternates"] == group

    def test_x_default_is_the_original_even_when_it_is_not_english(self, client, db):
        source = ArticleFactory(language="ru", slug="original-ru")
        TranslationFactory(source=source, translation__language="en", translation__slug="en")
        listed = entries(client, "articles")
        for location in (absolute("/en/articles/original-ru/"), absolute("/en/articles/en/")):
            assert listed[location]["alternates"]["x-default"] == absolute(
                "/en/articles/original-ru/"
            )
            assert listed[location]["alternates"]["ru"] == absolute("/en/articles/original-ru/")

    def test_alternates_are_reciprocal(self, client, seed):
        for number in range(3):
            source = ArticleFactory(slug=f"group-{number}")
            for language in ("fr", "ru", "es")[: number + 1]:
                TranslationFactory(
                    source=source,
                    translation__language=language,
                    translation__slug=f"group-{number}-{language}",
                )
        listed = entries(client, "articles")
        for location, entry in listed.items():
            alternates = entry["alternates"]
            if not alternates:
                continue
            assert location in alternates.values(), f"{location} does not list itself"
            for href in alternates.values():
                assert href in listed, f"{href} is an alternate but not in the sitemap"
                assert listed[href]["alternates"] == alternates, f"{href} and {location}"

    def test_an_article_without_translations_has_no_alternates(self, client, seed):
        article = ArticleFactory(slug="alone")
        listed = entries(client, "articles")
        assert listed[absolute(article.get_canonical_url())]["alternates"] == {}
        assert (
            listed[absolute("/en/articles/bayramov-meets-un-high-commissioner-volker-turk/")][
                "alternates"
            ]
            == {}
        )

    @pytest.mark.parametrize(
        "unpublished",
        [
            {"status": Article.Status.DRAFT},
            {"status": Article.Status.REVIEW},
            {"status": Article.Status.WITHDRAWN},
            {"published_at": timezone.now() + dt.timedelta(days=2)},
        ],
        ids=["draft", "review", "withdrawn", "scheduled"],
    )
    def test_unpublished_articles_never_appear(self, client, db, unpublished):
        published = ArticleFactory(slug="published")
        hidden = ArticleFactory(slug="hidden", **unpublished)
        hidden_fr = ArticleFactory(slug="hidden-fr", language="fr", **unpublished)
        listed = entries(client, "articles")
        assert set(listed) == {absolute(published.get_canonical_url())}
        body = client.get("/sitemap-articles.xml").content.decode()
        assert hidden.slug not in body
        assert hidden_fr.slug not in body

    @pytest.mark.parametrize(
        "unpublished",
        [
            {"translation__status": Article.Status.DRAFT},
            {"translation__status": Article.Status.REVIEW},
            {"translation__status": Article.Status.WITHDRAWN},
            {"translation__published_at": timezone.now() + dt.timedelta(days=2)},
        ],
        ids=["draft", "review", "withdrawn", "scheduled"],
    )
    def test_an_unpublished_translation_is_not_an_alternate(self, client, db, unpublished):
        source = ArticleFactory(slug="source")
        TranslationFactory(
            source=source, translation__language="fr", translation__slug="fr-hidden", **unpublished
        )
        TranslationFactory(source=source, translation__language="ru", translation__slug="ru")
        listed = entries(client, "articles")
        assert set(listed) == {absolute("/en/articles/source/"), absolute("/en/articles/ru/")}
        expected = {
            "en": absolute("/en/articles/source/"),
            "ru": absolute("/en/articles/ru/"),
            "x-default": absolute("/en/articles/source/"),
        }
        for location in listed:
            assert listed[location]["alternates"] == expected
        assert "fr-hidden" not in client.get("/sitemap-articles.xml").content.decode()

    def test_a_single_published_version_of_a_group_has_no_alternates(self, client, db):
        link = TranslationFactory(
            translation__status=Article.Status.DRAFT, translation__slug="draft-fr"
        )
        listed = entries(client, "articles")
        assert list(listed) == [absolute(link.source.get_canonical_url())]
        assert listed[absolute(link.source.get_canonical_url())]["alternates"] == {}

    def test_translations_of_an_unpublished_original_are_listed(self, client, db):
        source = ArticleFactory(slug="withdrawn-source", status=Article.Status.WITHDRAWN)
        TranslationFactory(source=source, translation__language="fr", translation__slug="fr")
        TranslationFactory(source=source, translation__language="ru", translation__slug="ru")
        listed = entries(client, "articles")
        french, russian = absolute("/fr/articles/fr/"), absolute("/en/articles/ru/")
        assert set(listed) == {french, russian}
        for location in (french, russian):
            alternates = listed[location]["alternates"]
            assert {alternates["fr"], alternates["ru"]} == {french, russian}
            assert "withdrawn-source" not in str(alternates)


class TestInterfacePages:
    @pytest.mark.parametrize(
        ("section", "paths"),
        [
            (
                "meetings",
                ["/meetings/khalafov-receives-ohchr-delegation-2017/"],
            ),
            ("people", ["/people/khalaf-khalafov/", "/people/volker-turk/"]),
            ("organizations", ["/organizations/ohchr/", "/organizations/united-nations/"]),
        ],
    )
    def test_listed_in_every_interface_language_with_alternates(self, client, seed, section, paths):
        listed = entries(client, section)
        for path in paths:
            english, french = absolute(f"/en{path}"), absolute(f"/fr{path}")
            assert english in listed
            assert french in listed
            for location in (english, french):
                alternates = listed[location]["alternates"]
                assert set(alternates) == {"en", "fr", "x-default"}
                assert alternates["en"] == english
                assert alternates["fr"] == french

    def test_each_listed_address_answers(self, client, seed):
        for section in ("meetings", "people", "organizations"):
            for location in entries(client, section):
                path = location.removeprefix(ROOT)
                assert client.get(path).status_code == 200, path

    def test_counts(self, client, seed):
        assert len(entries(client, "meetings")) == 2 * Meeting.objects.count()
        PersonFactory()
        OrganizationFactory()
        listed_people = entries(client, "people")
        listed_organizations = entries(client, "organizations")
        assert len(listed_people) == 2 * 9
        assert len(listed_organizations) == 2 * 12
