"""Search on PostgreSQL: each document's `vector` is weighted title-first and stemmed
with its language's text-search configuration (`CONFIGS`; `simple` where PostgreSQL has
no stemmer), under a GIN index. A reader's words are parsed as a web search (quoted
phrases, `or`, `-word`) in every configuration at once, so a query matches each
document in that document's own language."""

import functools

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Value
from django.db.models.functions import Replace

from core import fragments

from .models import SearchDocument
from .terms import GT, LT, MARK_END, MARK_START, WORD, split_exclusions

DOCUMENTS = SearchDocument._meta.db_table


#: PostgreSQL text-search configuration for each content language.
CONFIGS = {
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
    "de": "german",
    "ar": "arabic",
    "tr": "turkish",
    "hy": "armenian",
    "it": "italian",
    "pt": "portuguese",
}


DEFAULT_CONFIG = "simple"


ALL_CONFIGS = sorted({*CONFIGS.values(), DEFAULT_CONFIG})


def config_for(language):
    return CONFIGS.get(language, DEFAULT_CONFIG)


def newest_matches(queryset, query):
    """PostgreSQL: the ids of the items of `queryset` matching `query`, newest first."""
    return (
        queryset.filter(search_document__vector=query).newest_first().values_list("pk", flat=True)
    )


def published_matches(model, query, using, limit):
    """The ids of the `limit` newest published items of `model` (Article or Meeting)
    matching `query`; the list's filters then narrow them, as on SQLite.

    Ranking reads each match's whole vector, and a common word matches a third of a
    million reports: only the newest are ranked. They come from the date index, rare
    words' from the GIN index, whichever the planner finds cheaper; walking the date
    index for a common word still took 90 ms at a million reports. So the ids are kept
    under the content version while fragments are (`core.fragments.by_version`): every
    page of the results, in every language and with any other filter, starts from them.
    """
    name = f"newest-matches:{using}:{model._meta.label_lower}:{limit}"
    published = model.objects.using(using).published()
    return fragments.by_version(
        name, query.text, lambda: list(newest_matches(published, query)[:limit])
    )


def postgresql_query(terms, using="default"):
    """The reader's words as a tsquery that matches in every configuration at once, or
    None when nothing is left to look for.

    A word or phrase to leave out is left out in every configuration: each stems it its
    own way, and a document must match none of them.
    """
    positive, excluded = split_exclusions(terms)
    if not WORD.search(positive):
        return None
    text = tsquery_text(positive, tuple(excluded), using)
    if text is None:
        return None
    return ReadQuery(text)


class ReadQuery(SearchQuery):
    """A tsquery given as its text, already read by the configurations: used as it is."""

    def __init__(self, text):
        super().__init__(text, search_type="raw")
        self.text = text

    def as_sql(self, compiler, connection, function=None, template=None):
        return "%s::tsquery", [self.text]


@functools.lru_cache(maxsize=512)
def tsquery_text(positive, excluded, using):
    """The tsquery, as text, of `positive` in any configuration and of none of the
    `excluded` terms.

    Each configuration's reading is asked for once and kept once: most words read the
    same in all of them, and thirteen copies of one rare name would make the planner
    expect thousands of matches where there are none.
    """

    def readings(cursor, text):
        cursor.execute(
            "SELECT DISTINCT websearch_to_tsquery(config::regconfig, %s)::text "
            "FROM unnest(%s::text[]) AS config",
            [text, ALL_CONFIGS],
        )
        return " | ".join(sorted(f"( {reading} )" for (reading,) in cursor if reading))

    with connections[using].cursor() as cursor:
        wanted = readings(cursor, positive)
        if not wanted:
            return None
        parts = [f"( {wanted} )"]
        for term in excluded:
            if unwanted := readings(cursor, term):
                parts.append(f"!( {unwanted} )")
    return " & ".join(parts)


def matches(queryset, terms, limit):
    """The items of `queryset` matching `terms`, with `search_rank`, best first: the
    `limit` newest matches are ranked."""
    query = postgresql_query(terms, queryset.db)
    if query is None:
        return queryset.none()
    found = published_matches(queryset.model, query, queryset.db, limit)
    if not found:
        return queryset.none()
    return (
        # Read once: the page and its count would each look for them again.
        queryset.filter(pk__in=found)
        .annotate(search_rank=SearchRank(F("search_document__vector"), query))
        .order_by("-search_rank", "-pk")
    )


def ranked_ids(queryset):
    """The ids of the items of a queryset `matches` gave, best first."""
    return list(queryset.values_list("pk", flat=True))


def snippets(documents, field, terms):
    """(item id, snippet) for `documents`, the matches between the database's marks."""
    query = postgresql_query(terms, documents.db)
    if query is None:
        return []
    return documents.annotate(
        snippet=SearchHeadline(
            # PostgreSQL's parser would drop anything shaped like an HTML tag.
            Replace(Replace("body", Value("<"), Value(LT)), Value(">"), Value(GT)),
            query,
            config=F("config"),
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    ).values_list(field, "snippet")


# Database objects: the GIN index


STATEMENTS = [f"CREATE INDEX IF NOT EXISTS {DOCUMENTS}_vector ON {DOCUMENTS} USING gin (vector);"]


def install(cursor):
    for statement in STATEMENTS:
        cursor.execute(statement)
