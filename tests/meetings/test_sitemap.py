"""The meetings section of the sitemap: each published meeting in every interface
language, with its last change; nothing unpublished; x-default is the page in the default
language."""

import datetime as dt

import pytest
from django.utils import timezone

from meetings.models import Meeting
from tests.articles.test_sitemap import ROOT, absolute, entries
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


class TestMeetings:
    def test_meetings_have_a_lastmod(self, client, db):
        meeting = MeetingFactory(slug="dated")
        Meeting.objects.filter(pk=meeting.pk).update(
            updated_at=dt.datetime(2025, 6, 7, 8, 0, tzinfo=dt.UTC)
        )
        listed = entries(client, "meetings")
        assert listed[absolute("/en/meetings/dated/")]["lastmod"] == "2025-06-07"
        assert listed[absolute("/fr/meetings/dated/")]["lastmod"] == "2025-06-07"

    @pytest.mark.parametrize(
        "unpublished",
        [
            {"status": Meeting.Status.DRAFT},
            {"status": Meeting.Status.REVIEW},
            {"status": Meeting.Status.WITHDRAWN},
            {"published_at": timezone.now() + dt.timedelta(days=2)},
        ],
        ids=["draft", "review", "withdrawn", "scheduled"],
    )
    def test_unpublished_meetings_never_appear(self, client, db, unpublished):
        MeetingFactory(slug="published")
        MeetingFactory(slug="hidden", **unpublished)
        listed = entries(client, "meetings")
        assert set(listed) == {
            absolute("/en/meetings/published/"),
            absolute("/fr/meetings/published/"),
        }
        assert "hidden" not in client.get("/sitemap-meetings.xml").content.decode()

    def test_x_default_is_the_page_in_the_default_language(self, client, seed):
        listed = entries(client, "meetings")
        path = "/meetings/khalafov-receives-ohchr-delegation-2017/"
        x_default = listed[absolute(f"/en{path}")]["alternates"]["x-default"]
        page = client.get(f"/en{path}").content.decode()
        assert f'<link rel="alternate" hreflang="x-default" href="{x_default}">' in page
        assert client.get(x_default.removeprefix(ROOT)).status_code == 200
