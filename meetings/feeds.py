import datetime as dt

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_LENGTH, AtomFeed, ContentLanguageFeed, excerpt
from people.models import Organization, Person

from .models import Meeting


class LatestMeetingsFeed(ContentLanguageFeed):
    """The desk's latest published meeting summaries, the latest meetings first;
    subclasses narrow them with `meetings()`."""

    title = _("Newsroom: latest meetings")
    description = _("The desk's summaries of states' meetings with UN human-rights bodies.")
    author_name = _("Newsroom")

    def link(self, obj):
        return reverse("meeting-list")

    def meetings(self, obj):
        return Meeting.objects.all()

    def items(self, obj):
        return self.meetings(obj).published().newest_first()[:FEED_LENGTH]

    def item_description(self, meeting):
        return excerpt(meeting.paragraphs)

    def item_pubdate(self, meeting):
        return meeting.published_at or dt.datetime.combine(meeting.date, dt.time(), dt.UTC)

    def item_updateddate(self, meeting):
        return meeting.updated_at


class PersonMeetingsFeed(LatestMeetingsFeed):
    """The latest meetings a person took part in or that discussed them."""

    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, person):
        return gettext("Newsroom: meetings of %(person)s") % {"person": person.name}

    def description(self, person):
        return gettext("The latest meetings %(person)s took part in or that discussed them.") % {
            "person": person.name
        }

    def link(self, person):
        return person.get_absolute_url()

    def meetings(self, person):
        return Meeting.objects.with_person(person).distinct()


class OrganizationMeetingsFeed(LatestMeetingsFeed):
    """The latest meetings an organization organized or took part in."""

    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def title(self, organization):
        return gettext("Newsroom: meetings of %(organization)s") % {
            "organization": organization.name
        }

    def description(self, organization):
        return gettext("The latest meetings %(organization)s organized or took part in.") % {
            "organization": organization.name
        }

    def link(self, organization):
        return organization.get_absolute_url()

    def meetings(self, organization):
        return Meeting.objects.with_organization(organization).distinct()


class LatestMeetingsAtomFeed(AtomFeed, LatestMeetingsFeed):
    subtitle = LatestMeetingsFeed.description


class PersonMeetingsAtomFeed(AtomFeed, PersonMeetingsFeed):
    subtitle = PersonMeetingsFeed.description


class OrganizationMeetingsAtomFeed(AtomFeed, OrganizationMeetingsFeed):
    subtitle = OrganizationMeetingsFeed.description
