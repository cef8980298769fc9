"""What every feed of the site shares: XML-safe text, short descriptions, a declared
content language, and the Atom twin of each RSS feed."""

import re

from django.contrib.syndication.views import Feed
from django.urls import path
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator

from .caching import conditional

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


def feed_paths(feeds):
    """Each feed's address in RSS (`.rss`) and Atom (`.atom`), from (route, RSS feed,
    Atom feed, name) rows: the Atom one's name ends in `-atom`. Both answer 304 when
    the reader's copy is current."""
    return [
        path(f"{route}.{extension}", conditional(feed()), name=f"{name}{suffix}")
        for route, rss, atom, name in feeds
        for extension, feed, suffix in (("rss", rss, ""), ("atom", atom, "-atom"))
    ]
