"""Models that moved from the articles app to the app of their domain (people,
organizations and posts to people, the importer's proposals to ingest, meetings and
their parts to meetings): the admin
addresses editors bookmarked before still lead to the same pages."""

import pytest

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/articles/person/", "/admin/people/person/"),
        ("/admin/articles/organization/?kind=un-body", "/admin/people/organization/?kind=un-body"),
        ("/admin/articles/post/add/", "/admin/people/post/add/"),
        ("/admin/articles/meetingproposal/", "/admin/ingest/meetingproposal/"),
        ("/admin/articles/meeting/coverage/?page=2", "/admin/meetings/meeting/coverage/?page=2"),
        ("/admin/articles/summarytranslation/add/", "/admin/meetings/summarytranslation/add/"),
        ("/admin/articles/topic/", "/admin/meetings/topic/"),
    ],
)
def test_an_old_admin_address_leads_to_the_page_where_it_is_now(editor_client, old, new):
    response = editor_client.get(old)

    assert response.status_code == 301
    assert response.headers["Location"] == new
    assert editor_client.get(new).status_code == 200


def test_an_old_address_of_a_person_opens_that_person(editor_client):
    person = PersonFactory(name="Hélène Garnier")

    response = editor_client.get(f"/admin/articles/person/{person.pk}/change/", follow=True)

    assert response.redirect_chain == [(f"/admin/people/person/{person.pk}/change/", 301)]
    assert response.context["original"] == person


def test_the_articles_own_admin_pages_stay_where_they_are(editor_client):
    assert editor_client.get("/admin/articles/article/").status_code == 200
