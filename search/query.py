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
from django.db.models import F
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Article
from core import caching, fragments

from . import postgresql, sqlite
from .models import SearchDocument
from .terms import GT, LT, MARK_END, MARK_START

#: Search ranks this many matches at most; filters then narrow them.
MAX_RESULTS = 1000

#: The start of the keys snippets are cached under.
SNIPPET = "newsroom:snippet"

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


def with_document(queryset):
    """Articles or meetings that carry `document_id`, the id of their search document:
    `attach_snippets` then finds their snippets without a query of its own."""
    return queryset.annotate(document_id=F("search_document"))


def attach_snippets(items, terms):
    """Give each item of a page of search results `snippet`: HTML-safe text from its
    document with the matching words in <mark>. A query for the ids of their documents,
    unless they carry them (`with_document`), and one for the documents whose snippet
    for these terms is not in the cache.

    A snippet is kept under its document's id and the terms while fragments are
    (`core.fragments`): a document is never changed in place but replaced, with a new
    id (`search.documents.write`), so its snippets need no other invalidation. Finding
    one cost a quarter of a millisecond a report on SQLite, more with `ts_headline`."""
    items = list(items)
    if not items:
        return items
    field = "article_id" if isinstance(items[0], Article) else "meeting_id"
    documents = SearchDocument.objects.filter(**{f"{field}__in": [item.pk for item in items]})
    if all(hasattr(item, "document_id") for item in items):
        document_ids = {item.pk: item.document_id for item in items if item.document_id}
    else:
        document_ids = dict(documents.values_list(field, "pk"))
    words = fragments.digest(terms)
    keys = {
        pk: f"{SNIPPET}:{documents.db}:{document}:{words}" for pk, document in document_ids.items()
    }
    cache = caching.cache()
    kept = fragments.enabled()
    found = cache.get_many(list(keys.values())) if kept else {}
    missing = [pk for pk, key in keys.items() if key not in found]
    if missing:
        written = documents.filter(pk__in=[document_ids[pk] for pk in missing])
        snippets = dict(backend(written.db).snippets(written, field, terms))
        fresh = {keys[pk]: highlight(snippets.get(pk, "")) for pk in missing}
        if kept and caching.usable(cache):
            cache.set_many(fresh, timeout=fragments.seconds())
        found |= fresh
    for item in items:
        item.snippet = found.get(keys.get(item.pk), "")
    return items


def highlight(snippet):
    """Escape a snippet, then turn the database's match markers into <mark> elements.
    The result goes through nh3 as well: whatever the markers gave, only <mark> stays."""
    html = escape((snippet or "").replace(LT, "<").replace(GT, ">"))
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(nh3.clean(html, tags={"mark"}, attributes={}))
