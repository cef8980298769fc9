"""Full-text search over published articles and meetings.

Each published article and meeting has a `SearchDocument`: its title, and a body that
gathers its text with the names of the people, organizations and places it concerns.
The database does the matching and ranking:

- PostgreSQL: `vector` holds the document weighted title-first and stemmed with the
  text-search configuration of its language (`CONFIGS`; `simple` where PostgreSQL has
  no stemmer). A reader's words are parsed as a web search (quoted phrases, `or`,
  `-word`) in every configuration at once, so a query matches each document in that
  document's own language, and a GIN index answers it.
- SQLite: an FTS5 table mirrors title and body, with Unicode word splitting and
  accents folded. It has no stemmers, so each word also matches as a prefix
  ("meeting" finds "meetings"); quoted phrases, `OR` and `-word` work as above.

This module reads the documents: `search()` and the highlighted snippets. Writing
them is `search_index`: its signal handlers rebuild a document whenever a published
item or anything it shows changes, and `rebuild()` (the `rebuild_search_index`
command) rebuilds them all.
"""

import functools
import re

import nh3
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Func, IntegerField, Value
from django.db.models.functions import Replace
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import Article, SearchDocument

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

#: Search ranks this many matches at most; filters then narrow them.
MAX_RESULTS = 1000

#: The longest query accepted, in characters.
MAX_QUERY_LENGTH = 200

DOCUMENTS = SearchDocument._meta.db_table
FTS_TABLE = f"{DOCUMENTS}_fts"
MARK_START, MARK_END = "\x02", "\x03"
LT, GT = "\ue000", "\ue001"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000\ue001]")


def config_for(language):
    return CONFIGS.get(language, DEFAULT_CONFIG)


# Matching


def search(queryset, terms, limit=None):
    """Narrow a queryset of articles or meetings to those matching `terms`, best first.

    Each result carries `search_rank` (higher is better). At most `limit` (by default
    `MAX_RESULTS`) are ranked: on PostgreSQL the newest matches, on SQLite the best ones
    by FTS5's rank.
    """
    limit = limit or MAX_RESULTS
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        query = postgresql_query(terms, queryset.db)
        if query is None:
            return queryset.none()
        # Ranking reads each match's whole vector: a common word matches a third of a
        # million reports. The newest matches come from the date index, rare words'
        # from the GIN index, whichever the planner finds cheaper.
        matches = list(newest_matches(queryset, query)[:limit])
        if not matches:
            return queryset.none()
        return (
            # Read once: the page and its count would each look for them again.
            queryset.filter(pk__in=matches)
            .annotate(search_rank=SearchRank(F("search_document__vector"), query))
            .order_by("-search_rank", "-pk")
        )
    matches = best_matches(terms, queryset.model, queryset.db, limit)
    if not matches:
        return queryset.none()
    return (
        queryset.filter(pk__in=matches)
        .annotate(search_rank=RankIn(F("pk"), matches))
        .order_by("-search_rank", "-pk")
    )


def newest_matches(queryset, query):
    """PostgreSQL: the ids of the items of `queryset` matching `query`, newest first."""
    return (
        queryset.filter(search_document__vector=query).newest_first().values_list("pk", flat=True)
    )


class RankIn(Func):
    """SQLite: a rank from a list of ids, best first: minus the id's place in the list.

    One string search per row, where a CASE of a thousand branches would cost the ORM
    more than the query itself.
    """

    output_field = IntegerField()

    def __init__(self, expression, ids):
        super().__init__(expression)
        self.ids = "," + ",".join(str(pk) for pk in ids) + ","

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"-instr(%s, ',' || {sql} || ',')", [self.ids, *params]


def best_matches(terms, model, using, limit):
    """SQLite: the ids of the `limit` best matching items of `model` (Article
    or Meeting), best first.

    FTS5 ranks inside the full-text index, where it is fast; joined to the other tables
    it would rank every row again.
    """
    expression = fts_expression(terms)
    if expression is None:
        return []
    column = f"{model._meta.model_name}_id"
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT document.{column} FROM {FTS_TABLE} "
            f"JOIN {SearchDocument._meta.db_table} document ON document.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND document.{column} IS NOT NULL "
            f"ORDER BY bm25({FTS_TABLE}, 10.0, 1.0) LIMIT %s",
            [expression, limit],
        )
        return [pk for (pk,) in cursor.fetchall()]


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


def split_exclusions(terms):
    """Split a reader's words into what to find and the words or phrases to leave out."""
    positive, excluded = [], []
    for match in TOKEN.finditer(normalize(terms)):
        negative, phrase, word = match.groups()
        if phrase is not None:
            if negative:
                excluded.append(f'"{phrase}"')
            else:
                positive.append(f'"{phrase}"')
        elif word.startswith("-") and WORD.search(word):
            excluded.append(word.lstrip("-"))
        else:
            positive.append(word)
    return " ".join(positive), [term for term in excluded if WORD.search(term)]


#: Typographic quotes readers type or paste, read as straight ones.
QUOTES = str.maketrans(dict.fromkeys("“”„‟«»", '"'))


def normalize(terms):
    return terms.translate(QUOTES)


TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+")


def fts_expression(terms):
    """Translate a reader's words into an FTS5 expression, or None if there are none.

    Every word is quoted, so no input can be an FTS5 syntax error: quoted phrases stay
    phrases, single words also match as prefixes, `or` between terms means either,
    and a leading `-` excludes a term.
    """
    groups, excluded, either = [], [], False
    for match in TOKEN.finditer(normalize(terms)):
        negative, phrase, word = match.groups()
        if word is not None:
            if word.lower() == "or" and groups:
                either = True
                continue
            negative = "-" if word.startswith("-") else ""
            words = WORD.findall(word)
            if not words:
                continue
            if len(words) == 1:
                term = f'"{words[0]}"*' if len(words[0]) > 2 else f'"{words[0]}"'
            else:
                term = '"' + " ".join(words) + '"'
        else:
            words = WORD.findall(phrase)
            if not words:
                continue
            term = '"' + " ".join(words) + '"'
        if negative:
            excluded.append(term)
        elif either:
            groups[-1] = f"{groups[-1]} OR {term}"
            either = False
        else:
            groups.append(term)
    if not groups:
        return None
    expression = " AND ".join(f"({group})" for group in groups)
    for term in excluded:
        expression = f"{expression} NOT {term}"
    return expression


# Snippets


def attach_snippets(items, terms):
    """Give each item of a page of search results `snippet`: HTML-safe text from its
    document with the matching words in <mark>. One query for the page."""
    items = list(items)
    if not items:
        return items
    field = "article_id" if isinstance(items[0], Article) else "meeting_id"
    ids = [item.pk for item in items]
    documents = SearchDocument.objects.filter(**{f"{field}__in": ids})
    vendor = connections[documents.db].vendor
    query = postgresql_query(terms, documents.db) if vendor == "postgresql" else None
    if query is not None:
        rows = documents.annotate(
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
    elif vendor != "postgresql":
        rows = fts_snippets(documents, field, terms)
    else:
        rows = []
    snippets = dict(rows)
    for item in items:
        item.snippet = highlight(snippets.get(item.pk, ""))
    return items


def fts_snippets(documents, field, terms):
    expression = fts_expression(terms)
    if expression is None:
        return []
    ids = list(documents.values_list("pk", flat=True))
    placeholders = ", ".join(["%s"] * len(ids))
    with connections[documents.db].cursor() as cursor:
        cursor.execute(
            f"SELECT d.{field}, snippet({FTS_TABLE}, 1, %s, %s, ' … ', 30) "
            f"FROM {FTS_TABLE} JOIN {DOCUMENTS} d ON d.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid IN ({placeholders})",
            [MARK_START, MARK_END, expression, *ids],
        )
        return cursor.fetchall()


def highlight(snippet):
    """Escape a snippet, then turn the database's match markers into <mark> elements.
    The result goes through nh3 as well: whatever the markers gave, only <mark> stays."""
    html = escape((snippet or "").replace(LT, "<").replace(GT, ">"))
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(nh3.clean(html, tags={"mark"}, attributes={}))


# Documents
