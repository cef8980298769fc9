"""The people admin as an editor uses it: the people list and the posts it shows."""

import datetime as dt

from people import models as people_models
from tests import factories
from tests.admin_forms import admin_url


def test_the_people_list_shows_only_the_posts_held_today(db, editor_client):
    person = factories.PersonFactory(name="Leyla Rustamova")
    factories.PostFactory(person=person, title="Commissioner", start_date=dt.date(2020, 1, 1))
    factories.PostFactory(
        person=person,
        title="Former ambassador",
        start_date=dt.date(2010, 1, 1),
        end_date=dt.date(2019, 12, 31),
    )

    response = editor_client.get(admin_url(people_models.Person, "changelist"))

    assert "Commissioner, " in response.text
    assert "Former ambassador" not in response.text
