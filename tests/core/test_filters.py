"""The filter forms of the public lists (`core.filters.FilterSet`): one form class per
filter set, made once, and fields of each form its own."""

import pytest

from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_the_form_class_is_made_once(client):
    ArticleFactory()
    first = client.get("/en/articles/").context["filter"].form
    second = client.get("/fr/articles/", {"language": "en"}).context["filter"].form
    assert type(first) is type(second)
    assert first.fields["outlet"] is not second.fields["outlet"]


def test_a_refused_filter_leaves_the_next_form_clean(client):
    ArticleFactory()
    refused = client.get("/en/articles/", {"published_after": "the fifth"})
    assert refused.status_code == 400
    assert "Enter a valid date." in refused.text
    accepted = client.get("/en/articles/", {"published_after": "2024-03-05"})
    assert accepted.status_code == 200
    assert "Enter a valid date." not in accepted.text
    assert accepted.context["filter"].form.errors == {}


def test_the_menus_follow_a_new_outlet(client):
    ArticleFactory(outlet=OutletFactory(name="Caspian Ledger"))
    assert "Caspian Ledger" in client.get("/en/articles/").text
    ArticleFactory(outlet=OutletFactory(name="Absheron Courier"))
    page = client.get("/en/articles/").text
    assert "Caspian Ledger" in page
    assert "Absheron Courier" in page
