"""The API keeps the contract its OpenAPI document states, as `bench/contract`
(schemathesis, in CI) checks it: every address under /api/ that names nothing answers
the JSON 404, a bad page size or filter value answers 400 under the parameter's name,
and each parameter accepts exactly what the document says it accepts."""

import datetime as dt

import pytest
from django.utils import translation
from jsonschema import Draft202012Validator, FormatChecker
from rest_framework.exceptions import NotFound

from editorial.models import Status
from meetings.models import Coverage
from tests.api.test_api import API, RESOURCES, get_json, json_schema, slugs
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

SLUG_PATTERN = "^[-a-zA-Z0-9_]+$"
#: Slugs no address of the site can have: a letter outside ASCII, a dot, a space.
ODD_SLUGS = ["%C3%84", "a.b", "a%20b"]
SLUG_FILTERS = ["outlet", "person", "organization", "topic"]
EMPTY = "Give this parameter a value, or leave it out."


@pytest.fixture
def document(client):
    return get_json(client, f"{API}/openapi.json")


def documented(document, path, status):
    """A validator for the answer `document` gives for `path` with `status`."""
    content = document["paths"][path]["get"]["responses"][str(status)]["content"]
    schema = json_schema(content["application/json"]["schema"])
    schema["components"] = json_schema(document["components"])
    return Draft202012Validator(schema)


def parameter(document, path, name):
    (found,) = [p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name]
    return found


def accepts(schema, value):
    """Whether a parameter's documented schema admits the query's `value`."""
    if schema["type"] == "integer":
        try:
            value = int(value)
        except ValueError:
            return False
    return Draft202012Validator(schema, format_checker=FormatChecker()).is_valid(value)


@pytest.fixture
def report():
    """A report naming a person and an organization, covering a meeting on a topic."""
    article = ArticleFactory(
        slug="report", outlet__slug="news-az", published_at=dt.datetime(2017, 11, 27, tzinfo=dt.UTC)
    )
    article.people.add(PersonFactory(slug="khalafov"))
    article.organizations.add(OrganizationFactory(slug="ohchr"))
    meeting = MeetingFactory()
    meeting.topics.add(TopicFactory(slug="torture"))
    Coverage.objects.create(meeting=meeting, article=article)
    return article


class TestNotFound:
    @pytest.mark.parametrize("slug", ODD_SLUGS)
    @pytest.mark.parametrize("resource", RESOURCES)
    def test_odd_slug_answers_the_documented_json_404(self, client, document, resource, slug):
        response = client.get(f"{API}/{resource}/{slug}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"detail": "Not found."}
        assert "Cache-Control" not in response
        documented(document, f"{API}/{resource}/{{slug}}/", 404).validate(response.json())

    @pytest.mark.parametrize(
        "path",
        [
            "/api/",
            "/api/v2/articles/",
            f"{API}/nothing/",
            f"{API}/%C3%84/",
            f"{API}/people/a/b/",
            f"{API}/articles/report/extra",
        ],
    )
    def test_any_api_address_naming_nothing_is_json_404(self, client, path):
        response = client.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"detail": "Not found."}

    def test_message_in_the_readers_language(self, client):
        with translation.override("fr"):
            french = str(NotFound.default_detail)
        assert french != "Not found."
        response = client.get(f"{API}/people/a.b/", HTTP_ACCEPT_LANGUAGE="fr")
        assert response.json() == {"detail": french}

    def test_site_pages_keep_their_html_404(self, client):
        response = client.get("/en/nothing/%C3%84/")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("text/html")
        assert b"<html" in response.content

    def test_list_address_without_its_slash_still_redirects(self, client):
        response = client.get(f"{API}/articles")
        assert (response.status_code, response["Location"]) == (301, f"{API}/articles/")

    def test_only_addresses_under_api_answer_json(self, client):
        response = client.get("/apis/")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("text/html")


class TestPageSize:
    @pytest.mark.parametrize("value", ["null", "abc", "-5", "0", "2.5", ""])
    @pytest.mark.parametrize("resource", RESOURCES)
    def test_bad_page_size_is_400_naming_it(self, client, document, resource, value):
        response = client.get(f"{API}/{resource}/", {"page_size": value})
        assert response.status_code == 400
        assert list(response.json()) == ["page_size"]
        assert "Cache-Control" not in response
        documented(document, f"{API}/{resource}/", 400).validate(response.json())

    def test_messages_say_what_is_wrong(self, client):
        def errors(value):
            return get_json(client, f"{API}/people/", {"page_size": value}, status=400)

        assert errors("abc") == {"page_size": ["Enter a whole number."]}
        assert errors("-5") == {"page_size": ["Ensure this value is greater than or equal to 1."]}
        assert errors("") == {"page_size": [EMPTY]}

    def test_good_page_size_is_taken(self, client):
        ArticleFactory.create_batch(3)
        assert len(get_json(client, f"{API}/articles/", {"page_size": "2"})["results"]) == 2


class TestFilters:
    @pytest.mark.parametrize(
        "name", ["language", *SLUG_FILTERS, "published_after", "published_before"]
    )
    def test_empty_value_is_400_naming_the_parameter(self, client, report, name):
        errors = get_json(client, f"{API}/articles/", {name: ""}, status=400)
        assert errors == {name: [EMPTY]}

    def test_message_in_the_readers_language(self, client, report):
        response = client.get(f"{API}/articles/", {"outlet": ""}, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.json() == {"outlet": ["Donnez une valeur à ce paramètre, ou omettez-le."]}

    def test_empty_words_find_every_report(self, client, report):
        assert slugs(get_json(client, f"{API}/articles/", {"q": ""})["results"]) == ["report"]

    @pytest.mark.parametrize(
        ("name", "known"),
        [
            ("outlet", "news-az"),
            ("person", "khalafov"),
            ("organization", "ohchr"),
            ("topic", "torture"),
        ],
    )
    def test_unknown_slug_finds_no_report(self, client, report, name, known):
        assert slugs(get_json(client, f"{API}/articles/", {name: known})["results"]) == ["report"]
        assert get_json(client, f"{API}/articles/", {name: "no-such-slug"})["results"] == []

    def test_topic_of_an_unpublished_meeting_finds_no_report(self, client, report):
        hidden = MeetingFactory(status=Status.DRAFT)
        hidden.topics.add(TopicFactory(slug="secret"))
        Coverage.objects.create(meeting=hidden, article=report)
        assert get_json(client, f"{API}/articles/", {"topic": "secret"})["results"] == []

    def test_each_date_bound_answers_for_itself(self, client, report):
        errors = get_json(
            client,
            f"{API}/articles/",
            {"published_after": "2017-11-27", "published_before": "11/27/2017"},
            status=400,
        )
        assert errors == {"published_before": ["Enter a valid date."]}

    @pytest.mark.parametrize(
        ("after", "before", "found"),
        [
            ("2017-11-27", "2017-11-27", ["report"]),
            ("2017-11-28", None, []),
            (None, "2017-11-26", []),
        ],
    )
    def test_date_bounds_include_their_day(self, client, report, after, before, found):
        params = {"published_after": after, "published_before": before}
        params = {key: value for key, value in params.items() if value}
        assert slugs(get_json(client, f"{API}/articles/", params)["results"]) == found


class TestDocument:
    def test_every_slug_in_an_address_declares_its_pattern(self, document):
        slug_paths = [path for path in document["paths"] if "{slug}" in path]
        assert len(slug_paths) >= len(RESOURCES)
        for path in slug_paths:
            assert parameter(document, path, "slug")["schema"]["pattern"] == SLUG_PATTERN, path

    def test_slug_filters_declare_their_pattern_and_what_an_unknown_slug_finds(self, document):
        for name in SLUG_FILTERS:
            found = parameter(document, f"{API}/articles/", name)
            assert found["schema"] == {"type": "string", "pattern": SLUG_PATTERN}
            assert "names none finds no report" in found["description"]

    @pytest.mark.parametrize("resource", RESOURCES)
    def test_every_list_documents_its_page_size_and_400(self, document, resource):
        path = f"{API}/{resource}/"
        page_size = parameter(document, path, "page_size")
        assert page_size["schema"] == {"type": "integer", "minimum": 1}
        assert "at most 100" in page_size["description"]
        assert "400" in document["paths"][path]["get"]["responses"]

    def test_words_declare_their_length(self, document):
        schema = parameter(document, f"{API}/articles/", "q")["schema"]
        assert schema["maxLength"] == 200

    @pytest.mark.parametrize(
        ("name", "values"),
        [
            *[
                (name, ["news-az", "A_1", "no-such-slug", "a.b", "Ä", "a b", " news-az", "x/"])
                for name in SLUG_FILTERS
            ],
            ("language", ["fr", "xx", "FR", " fr"]),
            (
                "published_after",
                ["2017-11-27", "2017-02-30", "11/27/2017", " 2017-11-27", "2017-1-5"],
            ),
            ("published_before", ["2017-11-26", "yesterday", "2017-11-27T00:00:00"]),
            ("q", ["gagnon", "  ", "a" * 200, "a" * 201, "x\x00y"]),
            ("page_size", ["1", "100", "1000", "0", "-1", "one"]),
        ],
    )
    def test_parameter_accepts_what_the_document_says(self, client, document, report, name, values):
        schema = parameter(document, f"{API}/articles/", name)["schema"]
        verdicts = {value: accepts(schema, value) for value in values}
        assert True in verdicts.values()
        assert False in verdicts.values()
        for value, accepted in verdicts.items():
            response = client.get(f"{API}/articles/", {name: value})
            assert response.status_code == (200 if accepted else 400), (name, value)
