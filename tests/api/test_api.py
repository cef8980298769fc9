"""The read-only JSON API: published content only, the public list's filters, cursor
pages, responses that match the OpenAPI document, caching headers and query budgets."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from articles.filters import ArticleFilter
from articles.models import Article, OutletName, Translation
from editorial.models import Status
from meetings.models import Coverage, Meeting, Participant
from people.models import OrganizationName, PersonName
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    OutletFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
    SummaryTranslationFactory,
    TopicFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"
SERVER = "http://testserver"
EN_2017 = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
FR_2017 = "khalafov-s-entretient-avec-une-delegation-du-haut-commissariat-aux-droits-de-l-homme"
MEETING_2017 = "khalafov-receives-ohchr-delegation-2017"
RESOURCES = ["articles", "meetings", "people", "organizations", "outlets"]


def later():
    return timezone.now() + dt.timedelta(days=1)


#: Articles and meetings readers must never see, by what keeps them hidden.
HIDDEN = {
    "draft": {"status": Status.DRAFT},
    "in review": {"status": Status.REVIEW},
    "withdrawn": {"status": Status.WITHDRAWN},
    "scheduled": {"status": Status.PUBLISHED, "published_at": later},
}


def hidden(model_factory, state, **kwargs):
    fields = {key: value() if callable(value) else value for key, value in HIDDEN[state].items()}
    return model_factory(**fields, **kwargs)


def get_json(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    return response.json()


def slugs(items):
    return [item["slug"] for item in items]


def walk(client, url, params=None):
    """Every item of a list, following its `next` links; and how many pages it took."""
    items, pages, page = [], 0, get_json(client, url, params)
    while True:
        items += page["results"]
        pages += 1
        if page["next"] is None:
            return items, pages
        page = get_json(client, page["next"])


class TestPublishedOnly:
    @pytest.mark.parametrize("state", HIDDEN)
    def test_hidden_articles_are_nowhere(self, client, state):
        shown = ArticleFactory()
        secret = hidden(ArticleFactory, state)
        TranslationFactory(source=shown, translation=hidden(ArticleFactory, state, language="fr"))
        meeting = MeetingFactory()
        Coverage.objects.create(meeting=meeting, article=shown)
        Coverage.objects.create(meeting=meeting, article=secret)

        assert slugs(get_json(client, f"{API}/articles/")["results"]) == [shown.slug]
        get_json(client, f"{API}/articles/{secret.slug}/", status=404)
        group = get_json(client, f"{API}/articles/{shown.slug}/")["translation_group"]
        assert (group["original"]["slug"], group["translations"]) == (shown.slug, [])
        reports = get_json(client, f"{API}/meetings/{meeting.slug}/")["reports"]
        assert slugs(reports) == [shown.slug]

    @pytest.mark.parametrize("state", HIDDEN)
    def test_hidden_meetings_are_nowhere(self, client, state):
        article = ArticleFactory()
        shown = MeetingFactory()
        secret = hidden(MeetingFactory, state)
        for meeting in (shown, secret):
            Coverage.objects.create(meeting=meeting, article=article)

        assert slugs(get_json(client, f"{API}/meetings/")["results"]) == [shown.slug]
        get_json(client, f"{API}/meetings/{secret.slug}/", status=404)
        meetings = get_json(client, f"{API}/articles/{article.slug}/")["meetings"]
        assert slugs(meetings) == [shown.slug]

    def test_translation_of_a_hidden_original_has_no_original(self, client):
        link = TranslationFactory(source__status=Status.DRAFT)
        group = get_json(client, f"{API}/articles/{link.translation.slug}/")["translation_group"]
        assert group["original"] is None
        assert slugs(group["translations"]) == [link.translation.slug]

    def test_people_organizations_and_outlets_are_all_listed(self, client):
        post = PostFactory()
        outlet = OutletFactory()
        hidden(ArticleFactory, "draft", outlet=outlet)
        assert slugs(get_json(client, f"{API}/people/")["results"]) == [post.person.slug]
        organizations = get_json(client, f"{API}/organizations/")["results"]
        assert slugs(organizations) == [post.organization.slug]
        assert slugs(get_json(client, f"{API}/outlets/")["results"]) == [outlet.slug]


class TestArticles:
    def test_list_item(self, client):
        agency = OutletFactory(name="Azertag", slug="azertag")
        article = ArticleFactory(
            slug="a-report", agency=agency, outlet__slug="news-az", dateline="Baku"
        )
        item = get_json(client, f"{API}/articles/")["results"][0]
        assert item == {
            "slug": "a-report",
            "title": article.title,
            "language": "en",
            "published_at": item["published_at"],
            "updated_at": item["updated_at"],
            "outlet": {
                "slug": "news-az",
                "name": article.outlet.name,
                "url": f"{SERVER}/en/articles/?outlet=news-az",
                "api_url": f"{SERVER}{API}/outlets/news-az/",
            },
            "agency": {
                "slug": "azertag",
                "name": "Azertag",
                "url": f"{SERVER}/en/articles/?outlet=azertag",
                "api_url": f"{SERVER}{API}/outlets/azertag/",
            },
            "dateline": "Baku",
            "byline": "",
            "source_url": "",
            "url": f"{SERVER}/en/articles/a-report/",
            "api_url": f"{SERVER}{API}/articles/a-report/",
        }
        assert dt.datetime.fromisoformat(item["published_at"]) == article.published_at

    @pytest.mark.parametrize(("language", "prefix"), [("en", "en"), ("fr", "fr"), ("ru", "en")])
    def test_url_is_the_canonical_page(self, client, language, prefix):
        article = ArticleFactory(language=language)
        detail = get_json(client, f"{API}/articles/{article.slug}/")
        assert detail["url"] == f"{SERVER}/{prefix}/articles/{article.slug}/"

    def test_detail(self, client):
        person, organization = PersonFactory(name="Zed"), OrganizationFactory()
        article = ArticleFactory(body="One.\n\nTwo.")
        article.people.set([person, PersonFactory(name="Abel")])
        article.organizations.set([organization])
        older, newer = MeetingFactory(date=dt.date(2020, 1, 1)), MeetingFactory()
        for meeting in (older, newer):
            Coverage.objects.create(meeting=meeting, article=article)

        detail = get_json(client, f"{API}/articles/{article.slug}/")
        assert detail["body"] == "One.\n\nTwo."
        assert [p["name"] for p in detail["people"]] == ["Abel", "Zed"]
        assert detail["organizations"] == [
            {
                "slug": organization.slug,
                "name": organization.name,
                "abbreviation": "",
                "url": f"{SERVER}/en/organizations/{organization.slug}/",
                "api_url": f"{SERVER}{API}/organizations/{organization.slug}/",
            }
        ]
        assert detail["meetings"][0] == {
            "slug": newer.slug,
            "title": newer.title,
            "date": "2024-09-25",
            "kind": "meeting",
            "url": f"{SERVER}/en/meetings/{newer.slug}/",
            "api_url": f"{SERVER}{API}/meetings/{newer.slug}/",
        }
        assert slugs(detail["meetings"]) == [newer.slug, older.slug]

    def test_translations_both_ways(self, client):
        source = ArticleFactory(slug="original", language="en")
        french = TranslationFactory(
            source=source, translation__slug="french", method=Translation.Method.HUMAN
        )
        french.follow_source()
        french.save()
        TranslationFactory(
            source=source,
            translation__slug="russian",
            translation__language="ru",
            method=Translation.Method.MACHINE,
        )
        source.title = "A corrected title"
        source.save()

        expected = {
            "original": {
                "slug": "original",
                "title": "A corrected title",
                "language": "en",
                "url": f"{SERVER}/en/articles/original/",
                "api_url": f"{SERVER}{API}/articles/original/",
            },
            "translations": [
                {
                    "slug": "french",
                    "title": french.translation.title,
                    "language": "fr",
                    "url": f"{SERVER}/fr/articles/french/",
                    "api_url": f"{SERVER}{API}/articles/french/",
                    "method": "human",
                    "is_outdated": True,
                },
                {
                    "slug": "russian",
                    "title": Article.objects.get(slug="russian").title,
                    "language": "ru",
                    "url": f"{SERVER}/en/articles/russian/",
                    "api_url": f"{SERVER}{API}/articles/russian/",
                    "method": "machine",
                    "is_outdated": False,
                },
            ],
        }
        for slug in ("original", "french", "russian"):
            assert get_json(client, f"{API}/articles/{slug}/")["translation_group"] == expected


class TestArticleFilters:
    @pytest.fixture
    def articles(self):
        """An English report naming a person, a French one naming an organization and
        covering a meeting on a topic."""
        person = PersonFactory(slug="khalafov")
        organization = OrganizationFactory(slug="ohchr")
        topic = TopicFactory(slug="torture")
        first = ArticleFactory(
            slug="first",
            outlet__slug="news-az",
            published_at=dt.datetime(2017, 11, 27, tzinfo=dt.UTC),
        )
        first.people.add(person)
        second = ArticleFactory(
            slug="second", language="fr", published_at=dt.datetime(2023, 9, 11, tzinfo=dt.UTC)
        )
        second.organizations.add(organization)
        meeting = MeetingFactory()
        meeting.topics.add(topic)
        Coverage.objects.create(meeting=meeting, article=second)

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({}, ["second", "first"]),
            ({"language": "fr"}, ["second"]),
            ({"outlet": "news-az"}, ["first"]),
            ({"published_after": "2020-01-01"}, ["second"]),
            ({"published_before": "2020-01-01"}, ["first"]),
            ({"published_after": "2017-11-27", "published_before": "2017-11-27"}, ["first"]),
            ({"person": "khalafov"}, ["first"]),
            ({"organization": "ohchr"}, ["second"]),
            ({"topic": "torture"}, ["second"]),
            ({"language": "fr", "outlet": "news-az"}, []),
        ],
    )
    def test_filters(self, client, articles, params, expected):
        assert slugs(get_json(client, f"{API}/articles/", params)["results"]) == expected

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"language": "xx"}, "language"),
            ({"outlet": "news.az"}, "outlet"),
            ({"person": "xələfov"}, "person"),
            ({"organization": "un ohchr"}, "organization"),
            ({"topic": "torture/"}, "topic"),
            ({"published_after": "yesterday"}, "published_after"),
            ({"published_before": "11/27/2017"}, "published_before"),
        ],
    )
    def test_bad_value_is_400_naming_the_filter(self, client, articles, params, field):
        errors = get_json(client, f"{API}/articles/", params, status=400)
        assert list(errors) == [field]
        assert all(isinstance(message, str) for message in errors[field])


class TestPagination:
    def test_cursor_walks_every_article_once_newest_first(self, client):
        moment = timezone.now() - dt.timedelta(days=2)
        ArticleFactory.create_batch(23)
        ArticleFactory.create_batch(20, published_at=moment)
        items, pages = walk(client, f"{API}/articles/")
        assert pages == 3
        assert len(items) == len(set(slugs(items))) == 43
        keys = [(dt.datetime.fromisoformat(item["published_at"]), item["slug"]) for item in items]
        assert [key[0] for key in keys] == sorted((key[0] for key in keys), reverse=True)

    def test_page_size(self, client):
        ArticleFactory.create_batch(101)
        assert len(get_json(client, f"{API}/articles/", {"page_size": 5})["results"]) == 5
        assert len(get_json(client, f"{API}/articles/", {"page_size": 1000})["results"]) == 100
        items, pages = walk(client, f"{API}/articles/", {"page_size": 50})
        assert (len(set(slugs(items))), pages) == (101, 3)

    def test_previous_page(self, client):
        ArticleFactory.create_batch(3)
        first = get_json(client, f"{API}/articles/", {"page_size": 2})
        second = get_json(client, first["next"])
        assert get_json(client, second["previous"])["results"] == first["results"]

    @pytest.mark.parametrize(
        ("resource", "make", "order"),
        [
            ("meetings", lambda n: MeetingFactory(date=dt.date(2000 + n % 5, 1, 1)), "date"),
            ("people", lambda n: PersonFactory(name=f"Name {n % 7}"), "name"),
            ("organizations", lambda n: OrganizationFactory(name=f"Name {n % 7}"), "name"),
            ("outlets", lambda n: OutletFactory(name=f"Name {n}"), "name"),
        ],
    )
    def test_other_lists_are_walked_in_order(self, client, resource, make, order):
        for n in range(25):
            make(n)
        items, pages = walk(client, f"{API}/{resource}/", {"page_size": 10})
        assert (len(set(slugs(items))), pages) == (25, 3)
        values = [item[order] for item in items]
        assert values == sorted(values, reverse=order == "date")


class TestMeetings:
    def test_meeting(self, client):
        state = OrganizationFactory(name="Azerbaijan", slug="azerbaijan", kind="state")
        council = OrganizationFactory(name="Human Rights Council", slug="hrc")
        minister = PostFactory(person__name="Jeyhun Bayramov", person__slug="bayramov")
        meeting = MeetingFactory(
            slug="address",
            kind=Meeting.Kind.ADDRESS,
            venue="54th session",
            city="Geneva",
            country="CH",
            organizer=council,
        )
        meeting.topics.set([TopicFactory(name="Torture", slug="torture")])
        meeting.mentioned_people.set([PersonFactory(name="Someone", slug="someone")])
        Participant.objects.create(
            meeting=meeting,
            person=minister.person,
            post=minister,
            organization=state,
            side=Participant.Side.GUEST,
            reported_name="J. Bayramov",
            reported_title="Foreign Minister",
        )
        Participant.objects.create(meeting=meeting, reported_name="An envoy", position=1)
        summary = SummaryTranslationFactory(meeting=meeting)
        summary.follow_source()
        summary.save()
        report = ArticleFactory(slug="report", outlet__slug="news-az")
        Coverage.objects.create(meeting=meeting, article=report)

        detail = get_json(client, f"{API}/meetings/address/")
        assert detail == get_json(client, f"{API}/meetings/")["results"][0]
        assert detail == {
            "slug": "address",
            "title": meeting.title,
            "date": "2024-09-25",
            "kind": "address",
            "venue": "54th session",
            "city": "Geneva",
            "country": "CH",
            "place": "54th session, Geneva, Switzerland",
            "organizer": {
                "slug": "hrc",
                "name": "Human Rights Council",
                "abbreviation": "",
                "url": f"{SERVER}/en/organizations/hrc/",
                "api_url": f"{SERVER}{API}/organizations/hrc/",
            },
            "language": "en",
            "summary": meeting.summary,
            "summary_translations": [
                {
                    "language": "fr",
                    "title": "Réunion",
                    "summary": "Le compte rendu de la réunion.",
                    "is_outdated": False,
                }
            ],
            "topics": [
                {
                    "slug": "torture",
                    "name": "Torture",
                    "url": f"{SERVER}/en/articles/?topic=torture",
                }
            ],
            "participants": [
                {
                    "person": {
                        "slug": "bayramov",
                        "name": "Jeyhun Bayramov",
                        "url": f"{SERVER}/en/people/bayramov/",
                        "api_url": f"{SERVER}{API}/people/bayramov/",
                    },
                    "reported_name": "J. Bayramov",
                    "reported_title": "Foreign Minister",
                    "post": {
                        "title": "Minister of Foreign Affairs",
                        "organization": detail["participants"][0]["post"]["organization"],
                        "start_date": None,
                        "end_date": None,
                    },
                    "representing": {
                        "slug": "azerbaijan",
                        "name": "Azerbaijan",
                        "abbreviation": "",
                        "url": f"{SERVER}/en/organizations/azerbaijan/",
                        "api_url": f"{SERVER}{API}/organizations/azerbaijan/",
                    },
                    "side": "guest",
                },
                {
                    "person": None,
                    "reported_name": "An envoy",
                    "reported_title": "",
                    "post": None,
                    "representing": None,
                    "side": "other",
                },
            ],
            "mentioned_people": [
                {
                    "slug": "someone",
                    "name": "Someone",
                    "url": f"{SERVER}/en/people/someone/",
                    "api_url": f"{SERVER}{API}/people/someone/",
                }
            ],
            "reports": [
                {
                    "slug": "report",
                    "title": report.title,
                    "language": "en",
                    "url": f"{SERVER}/en/articles/report/",
                    "api_url": f"{SERVER}{API}/articles/report/",
                    "published_at": detail["reports"][0]["published_at"],
                    "outlet": {
                        "slug": "news-az",
                        "name": report.outlet.name,
                        "url": f"{SERVER}/en/articles/?outlet=news-az",
                        "api_url": f"{SERVER}{API}/outlets/news-az/",
                    },
                }
            ],
            "updated_at": detail["updated_at"],
            "url": f"{SERVER}/en/meetings/address/",
            "api_url": f"{SERVER}{API}/meetings/address/",
        }
        assert detail["participants"][0]["post"]["organization"]["slug"] == (
            minister.organization.slug
        )

    def test_latest_meeting_first(self, client):
        MeetingFactory(slug="old", date=dt.date(2017, 11, 27))
        MeetingFactory(slug="new", date=dt.date(2023, 9, 11))
        assert slugs(get_json(client, f"{API}/meetings/")["results"]) == ["new", "old"]


class TestDirectory:
    def test_person(self, client):
        post = PostFactory(
            person__name="Khalaf Khalafov",
            person__slug="khalafov",
            start_date=dt.date(2006, 1, 1),
            organization__slug="mfa",
        )
        PersonName.objects.create(person=post.person, name="Kh.Khalafov", note="initials")
        assert get_json(client, f"{API}/people/khalafov/") == {
            "slug": "khalafov",
            "name": "Khalaf Khalafov",
            "summary": "",
            "other_names": [{"name": "Kh.Khalafov", "language": "", "note": "initials"}],
            "posts": [
                {
                    "title": "Minister of Foreign Affairs",
                    "organization": {
                        "slug": "mfa",
                        "name": post.organization.name,
                        "abbreviation": "",
                        "url": f"{SERVER}/en/organizations/mfa/",
                        "api_url": f"{SERVER}{API}/organizations/mfa/",
                    },
                    "start_date": "2006-01-01",
                    "end_date": None,
                }
            ],
            "url": f"{SERVER}/en/people/khalafov/",
            "api_url": f"{SERVER}{API}/people/khalafov/",
        }

    def test_organization(self, client):
        un = OrganizationFactory(name="United Nations", slug="un", abbreviation="UN")
        ohchr = OrganizationFactory(
            name="Office of the High Commissioner", slug="ohchr", parent=un, country="CH"
        )
        OrganizationName.objects.create(organization=ohchr, name="HCDH", language="fr")
        detail = get_json(client, f"{API}/organizations/ohchr/")
        assert detail == {
            "slug": "ohchr",
            "name": "Office of the High Commissioner",
            "abbreviation": "",
            "kind": "un-body",
            "country": "CH",
            "parent": {
                "slug": "un",
                "name": "United Nations",
                "abbreviation": "UN",
                "url": f"{SERVER}/en/organizations/un/",
                "api_url": f"{SERVER}{API}/organizations/un/",
            },
            "other_names": [{"name": "HCDH", "language": "fr", "note": ""}],
            "url": f"{SERVER}/en/organizations/ohchr/",
            "api_url": f"{SERVER}{API}/organizations/ohchr/",
        }
        assert get_json(client, f"{API}/organizations/un/")["parent"] is None

    def test_outlet(self, client):
        outlet = OutletFactory(name="AZERTAC", slug="azertac", homepage="https://azertag.az/")
        OutletName.objects.create(outlet=outlet, name="Azertag")
        assert get_json(client, f"{API}/outlets/azertac/") == {
            "slug": "azertac",
            "name": "AZERTAC",
            "homepage": "https://azertag.az/",
            "country": "AZ",
            "language": "en",
            "other_names": ["Azertag"],
            "url": f"{SERVER}/en/articles/?outlet=azertac",
            "api_url": f"{SERVER}{API}/outlets/azertac/",
        }

    @pytest.mark.parametrize("resource", RESOURCES)
    def test_unknown_slug_is_404(self, client, resource):
        assert list(get_json(client, f"{API}/{resource}/nothing/", status=404)) == ["detail"]


def test_seed_reports_link_each_other(client, seed):
    english = get_json(client, f"{API}/articles/{EN_2017}/")
    french = get_json(client, f"{API}/articles/{FR_2017}/")
    assert english["translation_group"] == french["translation_group"]
    group = english["translation_group"]
    assert group["original"]["slug"] == EN_2017
    assert group["original"]["url"] == f"{SERVER}/en/articles/{EN_2017}/"
    assert [(v["slug"], v["language"], v["method"]) for v in group["translations"]] == [
        (FR_2017, "fr", "human")
    ]
    assert group["translations"][0]["url"] == f"{SERVER}/fr/articles/{FR_2017}/"
    assert slugs(english["meetings"]) == slugs(french["meetings"]) == [MEETING_2017]
    reports = get_json(client, f"{API}/meetings/{MEETING_2017}/")["reports"]
    assert {EN_2017, FR_2017} <= set(slugs(reports))


def json_schema(node):
    """An OpenAPI 3.0 schema as JSON Schema: `nullable` becomes a null type, and objects
    admit no undocumented properties."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
            if "enum" in node:
                node["enum"] = [*node["enum"], None]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
    return node


#: Checks for the formats the API uses; jsonschema's own need optional packages.
formats = FormatChecker()


@formats.checks("uri")
def is_uri(value):
    parts = urlsplit(value) if isinstance(value, str) else None
    return parts is None or bool(parts.scheme and parts.netloc)


@formats.checks("date-time", raises=ValueError)
def is_date_time(value):
    return not isinstance(value, str) or dt.datetime.fromisoformat(value).tzinfo is not None


class TestSchema:
    @pytest.fixture
    def document(self, client):
        response = client.get(f"{API}/openapi.json")
        assert response.status_code == 200
        return response.json()

    def check(self, document, path, response, status=200):
        """Validate a response against its documented schema."""
        assert response.status_code == status, response.content
        content = document["paths"][path]["get"]["responses"][str(status)]["content"]
        schema = json_schema(content["application/json"]["schema"])
        schema["components"] = json_schema(document["components"])
        Draft202012Validator.check_schema(schema)
        Draft202012Validator(schema, format_checker=formats).validate(response.json())

    def test_document(self, document):
        assert document["openapi"].startswith("3.0")
        assert document["info"]["title"] == "Newsroom API"
        assert document["info"]["version"] == "1"
        resources = {path for path in document["paths"] if not path.startswith(f"{API}/open-data/")}
        assert resources == {
            f"{API}/{resource}/{suffix}" for resource in RESOURCES for suffix in ("", "{slug}/")
        }
        parameters = document["paths"][f"{API}/articles/"]["get"]["parameters"]
        names = {parameter["name"] for parameter in parameters}
        assert {"cursor", "page_size", "published_after", "published_before"} <= names
        for name, public_filter in ArticleFilter.base_filters.items():
            suffixes = getattr(public_filter.field.widget, "suffixes", None) or [""]
            assert {"_".join(filter(None, (name, suffix))) for suffix in suffixes} <= names

    def test_every_response_matches_the_schema(self, client, seed, document):
        link = TranslationFactory(translation__agency=OutletFactory())
        link.follow_source()
        link.save()
        meeting = MeetingFactory(organizer=OrganizationFactory(parent=OrganizationFactory()))
        Coverage.objects.create(meeting=meeting, article=link.translation)
        ParticipantFactory(meeting=meeting, post=PostFactory(end_date=dt.date(2020, 1, 1)))
        Participant.objects.create(meeting=meeting, reported_name="Unknown")
        SummaryTranslationFactory(meeting=meeting)
        OutletFactory(language="", country="")
        checked = 0
        for resource in RESOURCES:
            listed = client.get(f"{API}/{resource}/", {"page_size": 100})
            self.check(document, f"{API}/{resource}/", listed)
            assert listed.json()["results"]
            for item in listed.json()["results"]:
                self.check(document, f"{API}/{resource}/{{slug}}/", client.get(item["api_url"]))
                checked += 1
            missing = client.get(f"{API}/{resource}/no-such-thing/")
            self.check(document, f"{API}/{resource}/{{slug}}/", missing, status=404)
            bad_cursor = client.get(f"{API}/{resource}/", {"cursor": "nonsense"})
            self.check(document, f"{API}/{resource}/", bad_cursor, status=404)
        assert checked > 40
        bad = client.get(f"{API}/articles/", {"language": "xx", "published_before": "never"})
        self.check(document, f"{API}/articles/", bad, status=400)

    def test_docs_page_uses_local_assets_only(self, client, document):
        response = client.get(f"{API}/docs/")
        assert response.status_code == 200
        page = response.content.decode()
        assert "Newsroom API" in page
        assets = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
        for asset in assets:
            assert not re.match(r"(https?:)?//", asset), asset
            if asset.startswith("/static/"):
                assert finders.find(asset.removeprefix("/static/")), asset
        assert not re.search(r"https?://", page)
        script = client.get(f"{API}/docs/?script=").content.decode()  # no inline script
        assert f'"{API}/openapi.json"' in script


class TestCaching:
    @pytest.mark.parametrize("resource", RESOURCES)
    def test_list_and_detail_are_cacheable(self, client, resource, seed):
        listed = client.get(f"{API}/{resource}/")
        detail = client.get(listed.json()["results"][0]["api_url"])
        for response in (listed, detail):
            assert response.status_code == 200
            assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
            assert "Accept" in re.split(r",\s*", response["Vary"])

    def test_schema_is_cacheable(self, client):
        response = client.get(f"{API}/openapi.json")
        assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}

    def test_errors_are_not_marked_cacheable(self, client, db):
        assert "Cache-Control" not in client.get(f"{API}/articles/nothing/")
        assert "Cache-Control" not in client.get(f"{API}/articles/", {"language": "xx"})

    def test_read_only(self, client, db):
        for method in (client.post, client.put, client.patch, client.delete):
            assert method(f"{API}/articles/", {}).status_code == 405


def rich_article(n):
    article = ArticleFactory(agency=OutletFactory())
    article.people.add(PersonFactory())
    TranslationFactory(source=article)
    Coverage.objects.create(meeting=MeetingFactory(), article=article)


def rich_meeting(n):
    meeting = MeetingFactory(organizer=OrganizationFactory())
    meeting.topics.add(TopicFactory())
    meeting.mentioned_people.add(PersonFactory())
    ParticipantFactory(meeting=meeting, post=PostFactory(), organization=OrganizationFactory())
    ParticipantFactory(meeting=meeting)
    summary = SummaryTranslationFactory(meeting=meeting)
    summary.follow_source()
    summary.save()
    Coverage.objects.create(meeting=meeting, article=ArticleFactory())


def rich_person(n):
    person = PostFactory().person
    PostFactory(person=person)
    PersonName.objects.create(person=person, name=f"Other {n}")


def rich_organization(n):
    organization = OrganizationFactory(parent=OrganizationFactory())
    OrganizationName.objects.create(organization=organization, name=f"Other {n}")


def rich_outlet(n):
    OutletName.objects.create(outlet=OutletFactory(), name=f"Other {n}")


@pytest.mark.parametrize(
    ("resource", "make", "budget"),
    [
        ("articles", rich_article, 1),
        ("meetings", rich_meeting, 6),
        ("people", rich_person, 3),
        ("organizations", rich_organization, 2),
        ("outlets", rich_outlet, 2),
    ],
)
def test_list_queries_do_not_grow(client, django_assert_max_num_queries, resource, make, budget):
    counts = []
    for n in range(30):
        make(n)
        if n + 1 in (3, 30):
            with django_assert_max_num_queries(budget) as queries:
                listed = get_json(client, f"{API}/{resource}/", {"page_size": 100})
            counts.append(len(queries))
            assert len(listed["results"]) >= n + 1
    assert counts[0] == counts[1]


@pytest.mark.parametrize(("resource", "budget"), [("articles", 6), ("meetings", 6)])
def test_detail_queries(client, django_assert_max_num_queries, resource, budget):
    for n in range(5):
        rich_article(n)
        rich_meeting(n)
    item = get_json(client, f"{API}/{resource}/")["results"][0]
    with django_assert_max_num_queries(budget):
        get_json(client, item["api_url"])
