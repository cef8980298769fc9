"""People, organizations and their posts refuse bad data, in the database and in
validation, with clear errors; a person is found by any of their names, in any case."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.models import find_by_name
from people.models import Person, PersonName
from tests.factories import OrganizationFactory, PersonFactory, PostFactory

pytestmark = pytest.mark.django_db


def refused(match):
    """The database refuses the write inside a savepoint, so the test can go on."""
    return pytest.raises(IntegrityError, match=match)


class TestPeopleAndOrganizations:
    def test_a_post_cannot_end_before_it_starts(self):
        with refused("post_ends_after_it_starts|CHECK|check"), transaction.atomic():
            PostFactory(start_date=dt.date(2020, 1, 1), end_date=dt.date(2019, 1, 1))

    def test_validation_explains_post_dates(self):
        post = PostFactory.build(
            person=PersonFactory(),
            organization=OrganizationFactory(),
            start_date=dt.date(2020, 1, 1),
            end_date=dt.date(2019, 1, 1),
        )
        with pytest.raises(ValidationError, match="cannot end before it starts"):
            post.full_clean()

    def test_an_organization_cannot_be_part_of_its_own_part(self):
        un = OrganizationFactory()
        ohchr = OrganizationFactory(parent=un)
        un.parent = ohchr
        with pytest.raises(ValidationError, match="one of its own parts"):
            un.full_clean()

    def test_ancestors_nearest_first(self):
        un = OrganizationFactory(name="United Nations")
        ohchr = OrganizationFactory(parent=un)
        office = OrganizationFactory(parent=ohchr)
        assert office.ancestors() == [ohchr, un]


@pytest.mark.parametrize("spelling", ["Сабина Алиева", "САБИНА АЛИЕВА", "сабина алиева"])
def test_a_name_is_found_in_any_case_without_reading_every_record(
    db, spelling, django_assert_num_queries
):
    person = PersonFactory(name="Sabina Aliyeva")
    PersonName.objects.create(person=person, name="Сабина Алиева")
    PersonFactory.create_batch(5)

    with django_assert_num_queries(1):
        assert find_by_name(Person, spelling) == person
    assert find_by_name(Person, "Сабина Алиевна") is None
