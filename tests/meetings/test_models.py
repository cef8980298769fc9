"""A meeting's participants refuse bad data, in the database and in validation, with
clear errors."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import ParticipantFactory, PostFactory

pytestmark = pytest.mark.django_db


def refused(match):
    """The database refuses the write inside a savepoint, so the test can go on."""
    return pytest.raises(IntegrityError, match=match)


class TestParticipants:
    def test_a_participant_post_must_be_their_own(self):
        participant = ParticipantFactory()
        participant.post = PostFactory()
        with pytest.raises(ValidationError, match="belongs to someone else"):
            participant.full_clean()

    def test_a_name_is_listed_once_per_meeting(self):
        participant = ParticipantFactory()
        with refused("unique_participant_name|UNIQUE|duplicate"), transaction.atomic():
            ParticipantFactory(meeting=participant.meeting, reported_name=participant.reported_name)
