"""RSS 2.0 and Atom 1.0 feeds of published reports and meeting summaries.

Each RSS feed has an Atom twin: the same items, with the description as subtitle.
Feed titles speak the interface language; items link to each report's canonical page.
Only feeds of one content language declare a language: the others mix several.
"""

import datetime as dt
import re
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGES
from people.models import Person

from .models import Article, Meeting, Outlet

#: How many items a feed holds.
FEED_LENGTH = 30
#: How many words of its first two paragraphs an item's description keeps.
DESCRIPTION_WORDS = 80
#: Characters XML 1.0 cannot carry: a feed leaves them out rather than fail.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    """`value` with the characters XML cannot carry left out, in strings and lists."""
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_text(part) for part in value)
    return value


def excerpt(paragraphs):
    """An item's description: its first two paragraphs, shortened, as HTML-escaped text
    (RSS descriptions and Atom summaries are read as HTML)."""
    return escape(Truncator(" ".join(paragraphs[:2])).words(DESCRIPTION_WORDS))


class AtomFeed:
    """Makes an RSS feed below its Atom twin. Atom titles are plain text, so item
    titles are not HTML-escaped as Django escapes RSS ones."""

    feed_type = Atom1Feed

    def item_title(self, item):
        return str(item)


class ContentLanguageFeed(Feed):
    """A feed declaring the language of its content (`content_language`), or none.

    Django would declare the interface language; most feeds mix content languages.
    """

    def content_language(self, obj):
        return None

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = self.content_language(obj)
        for data in (feed.feed, *feed.items):
            data.update({key: xml_text(value) for key, value in data.items()})
        return feed


class LatestArticlesFeed(ContentLanguageFeed):
    """The latest published reports; subclasses narrow them with `articles()`."""

    title = _("Newsroom: latest reports")
    description = _("The latest reports on states' meetings with UN human-rights bodies.")

    def link(self, obj):
        return reverse("article-list")

    def articles(self, obj):
        return Article.objects.all()

    def items(self, obj):
        return self.articles(obj).published().select_related("outlet").newest_first()[:FEED_LENGTH]

    def item_link(self, article):
        return article.get_canonical_url()

    def item_description(self, article):
        return excerpt(article.paragraphs)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.byline or article.outlet.name

    def item_categories(self, article):
        return [article.outlet.name, article.get_language_display()]


class LanguageArticlesFeed(LatestArticlesFeed):
    """The latest reports in one content language."""

    def get_object(self, request, language):
        if language not in dict(LANGUAGES):
            raise Http404(f"No content language {language!r}.")
        return language

    def content_language(self, language):
        return language

    def title(self, language):
        return gettext("Newsroom: reports in %(language)s") % {
            "language": dict(LANGUAGES)[language]
        }

    def description(self, language):
        return gettext("The latest reports in %(language)s.") % {
            "language": dict(LANGUAGES)[language]
        }

    def link(self, language):
        return f"{reverse('article-list')}?{urlencode({'language': language})}"

    def articles(self, language):
        return Article.objects.filter(language=language)


class OutletArticlesFeed(LatestArticlesFeed):
    """The latest reports an outlet published."""

    def get_object(self, request, slug):
        return get_object_or_404(Outlet, slug=slug)

    def title(self, outlet):
        return gettext("Newsroom: reports from %(outlet)s") % {"outlet": outlet.name}

    def description(self, outlet):
        return gettext("The latest reports published by %(outlet)s.") % {"outlet": outlet.name}

    def link(self, outlet):
        return outlet.get_absolute_url()

    def articles(self, outlet):
        return Article.objects.filter(outlet=outlet)


class PersonArticlesFeed(LatestArticlesFeed):
    """The latest reports that mention a person."""

    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, person):
        return gettext("Newsroom: reports mentioning %(person)s") % {"person": person.name}

    def description(self, person):
        return gettext("The latest reports that mention %(person)s.") % {"person": person.name}

    def link(self, person):
        return person.get_absolute_url()

    def articles(self, person):
        return Article.objects.filter(people=person)


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


class LatestArticlesAtomFeed(AtomFeed, LatestArticlesFeed):
    subtitle = LatestArticlesFeed.description


class LanguageArticlesAtomFeed(AtomFeed, LanguageArticlesFeed):
    subtitle = LanguageArticlesFeed.description


class OutletArticlesAtomFeed(AtomFeed, OutletArticlesFeed):
    subtitle = OutletArticlesFeed.description


class PersonArticlesAtomFeed(AtomFeed, PersonArticlesFeed):
    subtitle = PersonArticlesFeed.description


class LatestMeetingsAtomFeed(AtomFeed, LatestMeetingsFeed):
    subtitle = LatestMeetingsFeed.description
