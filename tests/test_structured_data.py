"""What search engines and link previews read: JSON-LD, canonical addresses, Open Graph
and Twitter meta, hreflang alternates, language-prefixed addresses and the switcher."""

import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from articles.models import Article, Meeting
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    OutletFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
    TopicFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db

ROOT = "http://testserver"
EN_SLUG = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
FR_SLUG = "khalafov-s-entretient-avec-une-delegation-du-haut-commissariat-aux-droits-de-l-homme"
MEETING_2017 = "khalafov-receives-ohchr-delegation-2017"
HOSTILE = "</script><script>alert(1)</script><!--"


def html(response):
    return response.content.decode()


def json_ld(page):
    """Every JSON-LD block of the page, parsed."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(script) for script in scripts]


def only_json_ld(response):
    assert response.status_code == 200
    blocks = json_ld(html(response))
    assert len(blocks) == 1
    return blocks[0]


class Head(HTMLParser):
    """The <html lang>, <link> and <meta> elements of a page, and a few body landmarks."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.links = []
        self.metas = []
        self.first_body_link = None
        self.in_body = False
        self.mains = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "body":
            self.in_body = True
        elif tag == "a" and self.in_body and self.first_body_link is None:
            self.first_body_link = attrs
        elif tag == "main":
            self.mains.append(attrs)

    def links_where(self, **wanted):
        return [
            link
            for link in self.links
            if all(link.get(key.replace("_", "-")) == value for key, value in wanted.items())
        ]

    def meta(self, key):
        values = [
            meta.get("content")
            for meta in self.metas
            if meta.get("property") == key or meta.get("name") == key
        ]
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    @property
    def canonical(self):
        canonicals = [link for link in self.links if link.get("rel") == "canonical"]
        assert len(canonicals) == 1, canonicals
        return canonicals[0]["href"]

    def hreflangs(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }


def head(response):
    return Head(html(response))


def french_2017():
    return Article.objects.get(slug=FR_SLUG)


class TestArticleJsonLd:
    def test_a_news_article(self, client, db):
        outlet = OutletFactory(name="Caspian Herald", homepage="https://caspian.example/")
        article = ArticleFactory(
            title="Minister receives envoy",
            language="en",
            outlet=outlet,
            byline="A. Writer",
            dateline="Baku",
            source_url="https://caspian.example/news/1",
            body="The minister received the envoy.\n\nA second paragraph.",
        )
        article.refresh_from_db()
        data = only_json_ld(client.get(article.get_absolute_url()))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["inLanguage"] == "en"
        assert data["headline"] == "Minister receives envoy"
        assert data["url"] == f"{ROOT}{article.get_canonical_url()}"
        assert dt.datetime.fromisoformat(data["datePublished"]) == article.published_at
        assert dt.datetime.fromisoformat(data["dateModified"]) == article.updated_at
        assert data["publisher"]["name"] == "Caspian Herald"
        assert data["publisher"]["url"] == "https://caspian.example/"
        assert data["isBasedOn"] == "https://caspian.example/news/1"
        assert data["author"] == {"@type": "Person", "name": "A. Writer"}
        assert data["description"].startswith("The minister received the envoy.")
        assert "translationOfWork" not in data
        assert "workTranslation" not in data

    def test_no_is_based_on_without_an_original_address(self, client, db):
        article = ArticleFactory(source_url="")
        data = only_json_ld(client.get(article.get_absolute_url()))
        assert "isBasedOn" not in data

    def test_language_of_a_french_report(self, client, seed):
        data = only_json_ld(client.get(f"/fr/articles/{FR_SLUG}/"))
        assert data["inLanguage"] == "fr"
        assert data["publisher"]["name"] == "AZERTAC"
        assert data["url"] == f"{ROOT}/fr/articles/{FR_SLUG}/"

    def test_translation_and_source_point_at_each_other(self, client, seed):
        english = only_json_ld(client.get(f"/en/articles/{EN_SLUG}/"))
        french = only_json_ld(client.get(f"/fr/articles/{FR_SLUG}/"))
        assert french["translationOfWork"]["url"] == f"{ROOT}/en/articles/{EN_SLUG}/"
        assert french["translationOfWork"]["inLanguage"] == "en"
        assert "workTranslation" not in french
        assert [t["url"] for t in english["workTranslation"]] == [f"{ROOT}/fr/articles/{FR_SLUG}/"]
        assert english["workTranslation"][0]["inLanguage"] == "fr"
        assert "translationOfWork" not in english

    def test_links_are_canonical_whatever_the_interface(self, client, seed):
        french = only_json_ld(client.get(f"/en/articles/{FR_SLUG}/"))
        assert french["url"] == f"{ROOT}/fr/articles/{FR_SLUG}/"
        assert french["translationOfWork"]["url"] == f"{ROOT}/en/articles/{EN_SLUG}/"

    def test_an_unpublished_translation_is_not_listed(self, client, db):
        link = TranslationFactory(translation__status=Article.Status.DRAFT)
        data = only_json_ld(client.get(link.source.get_absolute_url()))
        assert "workTranslation" not in data
        link = TranslationFactory(source__status=Article.Status.WITHDRAWN)
        data = only_json_ld(client.get(link.translation.get_absolute_url()))
        assert "translationOfWork" not in data

    def test_mentions_people_and_organizations(self, client, seed):
        data = only_json_ld(client.get(f"/en/articles/{EN_SLUG}/"))
        mentions = {(m["@type"], m["name"]): m["url"] for m in data["mentions"]}
        assert mentions[("Person", "Khalaf Khalafov")] == f"{ROOT}/en/people/khalaf-khalafov/"
        assert mentions[("Person", "Georgette Gagnon")] == f"{ROOT}/en/people/georgette-gagnon/"
        assert (
            mentions[
                ("Organization", "Office of the United Nations High Commissioner for Human Rights")
            ]
            == f"{ROOT}/en/organizations/ohchr/"
        )
        article = Article.objects.get(slug=EN_SLUG)
        assert len(data["mentions"]) == article.people.count() + article.organizations.count()

    def test_no_mentions_when_nobody_is_named(self, client, db):
        data = only_json_ld(client.get(ArticleFactory().get_absolute_url()))
        assert "mentions" not in data
        assert "about" not in data

    def test_about_the_published_meetings_it_covers(self, client, db):
        article = ArticleFactory()
        covered = MeetingFactory(title="Covered meeting", date=dt.date(2024, 9, 25))
        covered.reports.add(article)
        MeetingFactory(title="Draft meeting", status=Meeting.Status.DRAFT).reports.add(article)
        data = only_json_ld(client.get(article.get_absolute_url()))
        assert data["about"] == [
            {
                "@type": "Event",
                "name": "Covered meeting",
                "startDate": "2024-09-25",
                "url": f"{ROOT}{covered.get_absolute_url()}",
            }
        ]

    def test_the_seed_report_is_about_its_meeting(self, client, seed):
        data = only_json_ld(client.get(f"/en/articles/{EN_SLUG}/"))
        assert [event["url"] for event in data["about"]] == [f"{ROOT}/en/meetings/{MEETING_2017}/"]
        assert data["about"][0]["startDate"] == "2017-11-27"


class TestMeetingJsonLd:
    def test_an_event_with_place_attendees_topics_and_reports(self, client, db):
        meeting = MeetingFactory(
            title="Minister meets envoy",
            date=dt.date(2023, 9, 21),
            venue="Government House",
            city="Baku",
            country="AZ",
        )
        minister = PersonFactory(name="Jeyhun Minister")
        ministry = OrganizationFactory(name="Foreign Ministry")
        state = OrganizationFactory(name="Republic of Somewhere")
        post = PostFactory(person=minister, organization=ministry, title="Minister")
        ParticipantFactory(meeting=meeting, person=minister, post=post, position=1)
        envoy = PersonFactory(name="Envoy Person")
        ParticipantFactory(
            meeting=meeting,
            person=envoy,
            organization=state,
            reported_title="Special Envoy",
            position=2,
        )
        ParticipantFactory(meeting=meeting, person=None, reported_name="Mme Dupont", position=3)
        meeting.topics.add(TopicFactory(name="Landmines"), TopicFactory(name="Refugees"))
        published = ArticleFactory(title="Published report")
        meeting.reports.add(published, ArticleFactory(title="Draft", status=Article.Status.DRAFT))
        meeting.reports.add(
            ArticleFactory(title="Scheduled", published_at=timezone.now() + dt.timedelta(days=1))
        )

        data = only_json_ld(client.get(meeting.get_absolute_url()))
        assert data["@type"] == "Event"
        assert data["name"] == "Minister meets envoy"
        assert data["startDate"] == "2023-09-21"
        assert data["url"] == f"{ROOT}/en/meetings/{meeting.slug}/"
        assert data["location"]["name"] == "Government House"
        assert data["location"]["address"]["addressLocality"] == "Baku"
        assert data["location"]["address"]["addressCountry"] == "AZ"
        assert data["attendee"] == [
            {
                "@type": "Person",
                "name": "Jeyhun Minister",
                "url": f"{ROOT}{minister.get_absolute_url()}",
                "jobTitle": "Minister",
                "affiliation": {
                    "@type": "Organization",
                    "name": "Foreign Ministry",
                    "url": f"{ROOT}{ministry.get_absolute_url()}",
                },
            },
            {
                "@type": "Person",
                "name": "Envoy Person",
                "url": f"{ROOT}{envoy.get_absolute_url()}",
                "jobTitle": "Special Envoy",
                "affiliation": {
                    "@type": "Organization",
                    "name": "Republic of Somewhere",
                    "url": f"{ROOT}{state.get_absolute_url()}",
                },
            },
            {"@type": "Person", "name": "Mme Dupont"},
        ]
        assert [topic["name"] for topic in data["about"]] == ["Landmines", "Refugees"]
        assert [report["headline"] for report in data["subjectOf"]] == ["Published report"]
        assert data["subjectOf"][0]["url"] == f"{ROOT}{published.get_canonical_url()}"

    def test_location_without_address_details(self, client, db):
        meeting = MeetingFactory(venue="UN General Assembly", city="", country="")
        data = only_json_ld(client.get(meeting.get_absolute_url()))
        assert data["location"] == {"@type": "Place", "name": "UN General Assembly"}

    def test_no_location_when_none_is_known(self, client, db):
        meeting = MeetingFactory(venue="", city="", country="")
        assert "location" not in only_json_ld(client.get(meeting.get_absolute_url()))

    def test_no_subject_of_without_published_reports(self, client, db):
        meeting = MeetingFactory()
        meeting.reports.add(ArticleFactory(status=Article.Status.REVIEW))
        data = only_json_ld(client.get(meeting.get_absolute_url()))
        assert "subjectOf" not in data
        assert data["attendee"] == []

    def test_the_seed_meeting(self, client, seed):
        data = only_json_ld(client.get(f"/en/meetings/{MEETING_2017}/"))
        assert data["startDate"] == "2017-11-27"
        assert data["location"]["address"] == {
            "@type": "PostalAddress",
            "addressLocality": "Baku",
            "addressCountry": "AZ",
        }
        attendees = {person["name"]: person for person in data["attendee"]}
        assert attendees["Khalaf Khalafov"]["jobTitle"] == "Deputy Minister of Foreign Affairs"
        assert attendees["Georgette Gagnon"]["affiliation"]["url"] == (
            f"{ROOT}/en/organizations/ohchr/"
        )
        assert {report["url"] for report in data["subjectOf"]} == {
            f"{ROOT}/en/articles/{EN_SLUG}/",
            f"{ROOT}/fr/articles/{FR_SLUG}/",
        }


class TestHostileText:
    def test_article_text_cannot_leave_the_script(self, client, db):
        article = ArticleFactory(
            title=HOSTILE, body=f"{HOSTILE}\n\nMore.", byline=HOSTILE, dateline=HOSTILE
        )
        article.people.add(PersonFactory(name=HOSTILE))
        page = html(client.get(article.get_absolute_url()))
        assert "</script><script>alert" not in page
        assert "<script>alert" not in page
        data = json_ld(page)[0]
        assert data["headline"] == HOSTILE
        assert data["author"]["name"] == HOSTILE
        assert data["dateline"] == HOSTILE
        assert data["description"] == HOSTILE
        assert data["mentions"][0]["name"] == HOSTILE

    def test_meeting_text_cannot_leave_the_script(self, client, db):
        meeting = MeetingFactory(title=HOSTILE, summary=HOSTILE, venue=HOSTILE)
        ParticipantFactory(
            meeting=meeting, person=None, reported_name=HOSTILE, reported_title=HOSTILE
        )
        ParticipantFactory(meeting=meeting, person=PersonFactory(name=f"{HOSTILE} 2"))
        meeting.topics.add(TopicFactory(name=HOSTILE))
        page = html(client.get(meeting.get_absolute_url()))
        assert "</script><script>alert" not in page
        assert "<script>alert" not in page
        data = json_ld(page)[0]
        assert data["name"] == HOSTILE
        assert data["description"] == HOSTILE
        assert data["location"]["name"] == HOSTILE
        names = [attendee["name"] for attendee in data["attendee"]]
        assert HOSTILE in names
        assert f"{HOSTILE} 2" in names
        assert data["about"] == [{"@type": "Thing", "name": HOSTILE}]

    def test_ampersands_and_quotes_survive(self, client, db):
        title = "Rights & \"Duties\" <in> O'Brien's \u2028 report"
        article = ArticleFactory(title=title)
        data = only_json_ld(client.get(article.get_absolute_url()))
        assert data["headline"] == title


class TestPreviewsHaveNoJsonLd:
    @pytest.mark.parametrize(
        "unpublished",
        [
            {"status": Article.Status.DRAFT},
            {"status": Article.Status.REVIEW},
            {"status": Article.Status.WITHDRAWN},
            {"published_at": timezone.now() + dt.timedelta(days=1)},
        ],
        ids=["draft", "review", "withdrawn", "scheduled"],
    )
    def test_article_preview(self, editor_client, unpublished):
        article = ArticleFactory(title="Embargoed", **unpublished)
        response = editor_client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Embargoed" in html(response)
        assert json_ld(html(response)) == []
        assert "application/ld+json" not in html(response)

    @pytest.mark.parametrize(
        "unpublished",
        [
            {"status": Meeting.Status.DRAFT},
            {"status": Meeting.Status.REVIEW},
            {"status": Meeting.Status.WITHDRAWN},
            {"published_at": timezone.now() + dt.timedelta(days=1)},
        ],
        ids=["draft", "review", "withdrawn", "scheduled"],
    )
    def test_meeting_preview(self, editor_client, unpublished):
        meeting = MeetingFactory(title="Embargoed meeting", **unpublished)
        response = editor_client.get(meeting.get_absolute_url())
        assert response.status_code == 200
        assert "Embargoed meeting" in html(response)
        assert "application/ld+json" not in html(response)

    def test_editors_see_json_ld_on_published_pages(self, editor_client, seed):
        assert only_json_ld(editor_client.get(f"/en/articles/{EN_SLUG}/"))["@type"] == (
            "NewsArticle"
        )


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
        assert only_json_ld(response)["inLanguage"] == "ru"


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
