"""What every public page's head and frame say: canonical addresses, Open Graph and
Twitter meta, hreflang alternates, language-prefixed addresses and the language
switcher."""

import re

import pytest

from articles.models import Article
from tests.factories import ArticleFactory
from tests.pages import EN_SLUG, FR_SLUG, MEETING_2017, ROOT, head, html

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    ("/en/", 200),
    ("/fr/", 200),
    ("/en/articles/", 200),
    ("/en/articles/?language=fr", 200),
    (f"/en/articles/{EN_SLUG}/", 200),
    (f"/fr/articles/{FR_SLUG}/", 200),
    ("/en/meetings/", 200),
    ("/en/meetings/2017/", 200),
    (f"/en/meetings/{MEETING_2017}/", 200),
    (f"/fr/meetings/{MEETING_2017}/", 200),
    ("/en/people/", 200),
    ("/en/people/khalaf-khalafov/", 200),
    ("/en/organizations/", 200),
    ("/en/organizations/ohchr/", 200),
    ("/en/search/", 200),
    ("/en/search/?q=Gagnon", 200),
    ("/fr/search/?q=Gagnon", 200),
    ("/en/no-such-page/", 404),
    ("/fr/no-such-page/", 404),
    ("/en/articles/no-such-report/", 404),
    ("/en/meetings/1999/", 404),
]


class TestMetaOnEveryPage:
    @pytest.mark.parametrize(("url", "status"), PUBLIC_PAGES)
    def test_canonical_open_graph_and_twitter(self, client, seed, url, status):
        response = client.get(url)
        assert response.status_code == status
        page = head(response)
        canonical = page.canonical
        assert canonical.startswith(f"{ROOT}/")
        assert page.meta("og:url") == canonical
        assert page.meta("og:title")
        assert page.meta("og:description")
        assert page.meta("og:type") in {"website", "article"}
        assert page.meta("og:site_name") == "Newsroom"
        assert page.meta("twitter:card") in {"summary", "summary_large_image"}

    @pytest.mark.parametrize(("url", "status"), PUBLIC_PAGES)
    def test_language_skip_link_and_main(self, client, seed, url, status):
        response = client.get(url)
        page = head(response)
        assert page.html_lang == url.split("/")[1]
        assert page.first_body_link["href"] == "#content"
        assert [main.get("id") for main in page.mains] == ["content"]

    @pytest.mark.parametrize(("url", "status"), PUBLIC_PAGES)
    def test_feeds_are_discoverable(self, client, seed, url, status):
        page = head(client.get(url))
        rss = page.links_where(rel="alternate", type="application/rss+xml")
        atom = page.links_where(rel="alternate", type="application/atom+xml")
        assert rss
        assert atom
        for link in rss + atom:
            assert link["href"]
            feed = client.get(link["href"])
            assert feed.status_code == 200

    def test_footer_feed_links_lead_to_the_feeds(self, client, seed):
        page = html(client.get("/en/"))
        footer = page[page.index('<footer class="site-footer"') :]
        hrefs = re.findall(r'href="([^"]*)"', footer)
        assert "" not in hrefs
        assert "/en/feeds/articles.rss" in hrefs
        assert "/en/feeds/meetings.rss" in hrefs

    def test_an_article_page_is_typed_article(self, client, seed):
        page = head(client.get(f"/en/articles/{EN_SLUG}/"))
        assert page.meta("og:type") == "article"
        assert page.meta("og:title") == Article.objects.get(slug=EN_SLUG).title
        assert page.meta("og:description").startswith("Deputy Foreign Minister Khalaf Khalafov")

    def test_list_canonical_keeps_the_page_number(self, client, db):
        ArticleFactory.create_batch(21)
        assert head(client.get("/en/articles/?page=2")).canonical == f"{ROOT}/en/articles/?page=2"
        assert head(client.get("/en/articles/?page=1")).canonical == f"{ROOT}/en/articles/"

    def test_canonical_of_a_page_is_under_its_own_prefix(self, client, seed):
        url = f"/fr/meetings/{MEETING_2017}/"
        assert head(client.get(url)).canonical == f"{ROOT}{url}"


class TestArticleCanonical:
    def test_a_french_report_is_canonical_under_fr(self, client, seed):
        for prefix in ("en", "fr"):
            page = head(client.get(f"/{prefix}/articles/{FR_SLUG}/"))
            assert page.canonical == f"{ROOT}/fr/articles/{FR_SLUG}/"
            assert page.meta("og:url") == f"{ROOT}/fr/articles/{FR_SLUG}/"

    def test_an_english_report_is_canonical_under_en(self, client, seed):
        for prefix in ("en", "fr"):
            page = head(client.get(f"/{prefix}/articles/{EN_SLUG}/"))
            assert page.canonical == f"{ROOT}/en/articles/{EN_SLUG}/"

    def test_other_languages_are_canonical_under_the_default_prefix(self, client, db):
        article = ArticleFactory(language="ru", slug="russian-report")
        for prefix in ("en", "fr"):
            page = head(client.get(f"/{prefix}/articles/russian-report/"))
            assert page.canonical == f"{ROOT}/en/articles/russian-report/"
        assert article.get_canonical_url() == "/en/articles/russian-report/"

    def test_hreflang_alternates_of_a_translation_group(self, client, seed):
        expected = {
            "en": f"{ROOT}/en/articles/{EN_SLUG}/",
            "fr": f"{ROOT}/fr/articles/{FR_SLUG}/",
            "x-default": f"{ROOT}/en/articles/{EN_SLUG}/",
        }
        for url in (
            f"/en/articles/{EN_SLUG}/",
            f"/fr/articles/{EN_SLUG}/",
            f"/en/articles/{FR_SLUG}/",
            f"/fr/articles/{FR_SLUG}/",
        ):
            assert head(client.get(url)).hreflangs() == expected, url

    def test_html_lang_follows_the_interface_and_the_body_the_report(self, client, seed):
        response = client.get(f"/fr/articles/{EN_SLUG}/")
        assert head(response).html_lang == "fr"
        assert '<article class="report" lang="en"' in html(response)
        response = client.get(f"/en/articles/{FR_SLUG}/")
        assert head(response).html_lang == "en"
        assert '<article class="report" lang="fr"' in html(response)

    def test_body_lang_of_a_russian_report(self, client, db):
        article = ArticleFactory(language="ru", body="Текст статьи.")
        response = client.get(article.get_absolute_url())
        assert '<article class="report" lang="ru"' in html(response)
        assert '"inLanguage": "ru"' in html(response)


class TestLanguagePrefixes:
    def test_the_root_redirects_to_the_default_language(self, client, db):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/en/"

    def test_the_root_redirects_to_the_readers_language(self, client, db):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")
        assert response.status_code == 302
        assert response["Location"] == "/fr/"

    def test_an_unprefixed_address_redirects_to_a_prefixed_one(self, client, seed):
        response = client.get("/articles/")
        assert response.status_code == 302
        assert response["Location"] == "/en/articles/"
        response = client.get(f"/articles/{EN_SLUG}/", HTTP_ACCEPT_LANGUAGE="fr")
        assert response["Location"] == f"/fr/articles/{EN_SLUG}/"

    def test_the_redirect_keeps_the_query(self, client, seed):
        response = client.get("/articles/?language=fr")
        assert response["Location"] == "/en/articles/?language=fr"

    def test_an_unknown_prefix_is_404(self, client, db):
        assert client.get("/de/articles/").status_code == 404


def switcher(response):
    page = html(response)
    nav = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S)
    assert nav, "no language switcher"
    return nav.group(0)


def switcher_links(response):
    return dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"', switcher(response)))


class TestLanguageSwitcher:
    def test_keeps_the_page_and_the_query(self, client, seed):
        response = client.get("/en/articles/?language=fr")
        links = {lang: href for href, lang in switcher_links(response).items()}
        assert links == {"fr": "/fr/articles/?language=fr"}

    def test_keeps_the_page_number(self, client, db):
        ArticleFactory.create_batch(21, language="fr")
        response = client.get("/en/articles/?language=fr&page=2")
        assert "/fr/articles/?language=fr&amp;page=2" in switcher(response)

    def test_marks_the_current_language(self, client, seed):
        for current, other in (("en", "fr"), ("fr", "en")):
            nav = switcher(client.get(f"/{current}/meetings/"))
            assert re.search(rf'<[^>]*aria-current="[^"]+"[^>]*lang="{current}"', nav)
            assert not re.search(rf'<[^>]*aria-current="[^"]+"[^>]*lang="{other}"', nav)
            assert f'href="/{other}/meetings/"' in nav
            assert f'href="/{current}/meetings/"' not in nav

    def test_on_a_report_leads_to_the_same_report(self, client, seed):
        nav = switcher(client.get(f"/en/articles/{EN_SLUG}/"))
        assert f'href="/fr/articles/{EN_SLUG}/"' in nav

    def test_on_search_keeps_the_words(self, client, seed):
        nav = switcher(client.get("/en/search/?q=Gagnon"))
        assert 'href="/fr/search/?q=Gagnon"' in nav

    def test_interface_hreflang_alternates(self, client, seed):
        page = head(client.get(f"/en/meetings/{MEETING_2017}/"))
        assert page.hreflangs() == {
            "en": f"{ROOT}/en/meetings/{MEETING_2017}/",
            "fr": f"{ROOT}/fr/meetings/{MEETING_2017}/",
            "x-default": f"{ROOT}/en/meetings/{MEETING_2017}/",
        }

    def test_on_a_missing_page_still_switches_language(self, client, db):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        links = {lang: href for href, lang in switcher_links(response).items()}
        assert links["fr"].startswith("/fr/")
