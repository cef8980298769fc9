"""Full-text search over published articles and meetings.

Each published article and meeting has a `SearchDocument`: its title, and a body that
gathers its text with the names of the people, organizations and places it concerns.
The database does the matching and ranking:

- PostgreSQL (`search.postgresql`): a stemmed, weighted `vector` per document under a
  GIN index, a reader's words read in every language's configuration at once;
- SQLite (`search.sqlite`): an FTS5 table mirroring title and body, each word also
  matching as a prefix.

This module reads the documents: `search()` and the highlighted snippets, through the
database's own module. Writing them is `search.documents`: its signal handlers rebuild
a document whenever a published item or anything it shows changes, and `rebuild()`
(the `rebuild_search_index` command) rebuilds them all.
"""

import nh3
from django.db import connections
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Article

from . import postgresql, sqlite
from .models import SearchDocument
from .terms import GT, LT, MARK_END, MARK_START

#: Search ranks this many matches at most; filters then narrow them.
MAX_RESULTS = 1000

#: The longest query accepted, in characters.
MAX_QUERY_LENGTH = 200


# Matching


def backend(using):
    """The search module of the database behind `using`: `postgresql` or `sqlite`."""
    return postgresql if connections[using].vendor == "postgresql" else sqlite


def search(queryset, terms, limit=None):
    """Narrow a queryset of articles or meetings to those matching `terms`, best first.

    Each result carries `search_rank` (higher is better). At most `limit` (by default
    `MAX_RESULTS`) are ranked: on PostgreSQL the newest matches, on SQLite the best ones
    by FTS5's rank.
    """
    return backend(queryset.db).matches(queryset, terms, limit or MAX_RESULTS)


def ranked_ids(queryset):
    """The ids of the items of a queryset `search()` gave, best first."""
    return backend(queryset.db).ranked_ids(queryset)


# Snippets


def attach_snippets(items, terms):
    """Give each item of a page of search results `snippet`: HTML-safe text from its
    document with the matching words in <mark>. One query for the page."""
    items = list(items)
    if not items:
        return items
    field = "article_id" if isinstance(items[0], Article) else "meeting_id"
    documents = SearchDocument.objects.filter(**{f"{field}__in": [item.pk for item in items]})
    snippets = dict(backend(documents.db).snippets(documents, field, terms))
    for item in items:
        item.snippet = highlight(snippets.get(item.pk, ""))
    return items


def highlight(snippet):
    """Escape a snippet, then turn the database's match markers into <mark> elements.
    The result goes through nh3 as well: whatever the markers gave, only <mark> stays."""
    html = escape((snippet or "").replace(LT, "<").replace(GT, ">"))
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(nh3.clean(html, tags={"mark"}, attributes={}))
