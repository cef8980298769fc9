import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_LENGTH, AtomFeed, ContentLanguageFeed, excerpt

from .models import Meeting


class LatestMeetingsFeed(ContentLanguageFeed):
    """The desk's latest published meeting summaries, the latest meetings first."""

    title = _("Newsroom: latest meetings")
    description = _("The desk's summaries of states' meetings with UN human-rights bodies.")
    author_name = _("Newsroom")

    def link(self):
        return reverse("meeting-list")

    def items(self):
        return Meeting.objects.published().newest_first()[:FEED_LENGTH]

    def item_description(self, meeting):
        return excerpt(meeting.paragraphs)

    def item_pubdate(self, meeting):
        return meeting.published_at or dt.datetime.combine(meeting.date, dt.time(), dt.UTC)

    def item_updateddate(self, meeting):
        return meeting.updated_at


class LatestMeetingsAtomFeed(AtomFeed, LatestMeetingsFeed):
    subtitle = LatestMeetingsFeed.description
