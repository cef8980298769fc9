"""Search on SQLite: an FTS5 table mirrors the documents' title and body, with Unicode
word splitting and accents folded. It has no stemmers, so each word also matches as a
prefix ("meeting" finds "meetings"); quoted phrases, `OR` and `-word` work as on
PostgreSQL. FTS5 ranks inside the index (bm25, the title weighing most)."""

import functools
import json
import unicodedata

from django.db import connections
from django.db.models import F, Func, IntegerField
from django.db.models.expressions import RawSQL

from core import fragments

from .models import SearchDocument
from .terms import MARK_END, MARK_START, TOKEN, WORD, normalize

DOCUMENTS = SearchDocument._meta.db_table
FTS_TABLE = f"{DOCUMENTS}_fts"
#: The start of the keys the ranked matches of a search are cached under.
MATCHES = "matches"


def matches(queryset, terms, limit):
    """The items of `queryset` matching `terms`, with `search_rank`, best first: the
    `limit` matches added to the index last are ranked."""
    found = best_matches(terms, queryset.model, queryset.db, limit)
    if not found:
        return queryset.none()
    return (
        # One parameter, not a thousand: the ORM compiles each of those.
        queryset.filter(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(found)]))
        .annotate(search_rank=RankIn(F("pk"), found))
        .order_by("-search_rank", "-pk")
    )


def ranked_ids(queryset):
    """The ids of the items of a queryset `matches` gave, best first, put in order here
    rather than by the database: ranking each row in SQL (`RankIn`) took 5 of the 7 ms
    it costs to read a thousand matches at 100,000 reports."""
    ranking = queryset.query.annotations.get("search_rank")
    if not isinstance(ranking, RankIn):
        return list(queryset.values_list("pk", flat=True))
    kept = set(queryset.order_by().values_list("pk", flat=True))
    return [pk for pk in ranking.ranked if pk in kept]


class RankIn(Func):
    """SQLite: a rank from a list of ids, best first: minus the id's place in the list.

    One string search per row, where a CASE of a thousand branches would cost the ORM
    more than the query itself.
    """

    output_field = IntegerField()

    def __init__(self, expression, ids):
        super().__init__(expression)
        self.ranked = list(ids)
        self.ids = "," + ",".join(str(pk) for pk in ids) + ","

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"-instr(%s, ',' || {sql} || ',')", [self.ids, *params]


def best_matches(terms, model, using, limit):
    """SQLite: the ids of the matching items of `model` (Article or Meeting), best
    first, among the `limit` matches added to the index last.

    FTS5 walks its index newest row first and stops at `limit`, and ranks (bm25, the
    title weighing most) only the rows it returns: ranking every match of a common word
    first cost 130 ms at 100,000 reports, these 14 ms. Ties keep the newest first.

    The ids are kept in the cache under the content version, read before the index,
    while fragments are (`core.fragments`): every page of the results, in every
    language and with any other filter, ranks the same matches, about 5 ms a time at
    100,000 reports. A change to what readers see starts a new version.
    """
    expression = fts_expression(terms)
    if expression is None:
        return []
    name = f"{MATCHES}:{using}:{model._meta.label_lower}:{limit}"
    return fragments.by_version(
        name, expression, lambda: ranked_matches(expression, model, using, limit)
    )


def ranked_matches(expression, model, using, limit):
    """`best_matches`, read from the index."""
    column = f"{model._meta.model_name}_id"
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT document.{column}, bm25({FTS_TABLE}, 10.0, 1.0) FROM {FTS_TABLE} "
            f"JOIN {DOCUMENTS} document ON document.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND document.{column} IS NOT NULL "
            f"ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s",
            [expression, limit],
        )
        scored = cursor.fetchall()
    return [pk for pk, _ in sorted(scored, key=lambda row: row[1])]


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


def snippets(documents, field, terms):
    """(item id, snippet) for `documents`: a window of their body's words with the
    matches between the database's marks.

    Written here rather than by FTS5's `snippet()`, which reads every match's positions
    again for each row: 2.5 ms a report for a common word at 100,000 reports. The words
    match as the index matches them (`folded`): case and Latin accents aside, a word of
    three letters or more as a prefix, a quoted phrase word for word."""
    words, phrases = wanted(terms)
    if not words and not phrases:
        return []
    return [
        (pk, window(body, words, phrases))
        for pk, body in documents.order_by("pk").values_list(field, "body")
    ]


#: How many words a snippet shows, as FTS5's `snippet()` was asked for.
SNIPPET_WORDS = 30


def wanted(terms):
    """The single words (folded; `(word, as_prefix)`) and the phrases (tuples of folded
    words) a reader's terms look for: those to leave out are not marked."""
    words, phrases = [], []
    for match in TOKEN.finditer(normalize(terms)):
        negative, phrase, word = match.groups()
        if word is not None and (word.startswith("-") or word.lower() == "or"):
            continue
        if negative:
            continue
        found = [folded(each) for each in WORD.findall(phrase if word is None else word)]
        if word is not None and len(found) == 1:
            words.append((found[0], len(found[0]) > 2))
        elif found:
            phrases.append(tuple(found))
    return words, phrases


def folded(text):
    """Text as the index keeps its words (`unicode61 remove_diacritics 2`): lower case,
    accents taken off Latin letters; every character stays one character."""
    return text.translate(fold_table())


@functools.cache
def fold_table():
    table = {}
    for code in range(0x41, 0x3000):
        character = chr(code)
        lower = character.lower()
        if len(lower) != 1:
            continue
        base = unicodedata.normalize("NFD", lower)[0]
        target = base if base < "\u0250" else lower
        if target != character:
            table[code] = target
    return table


def window(body, words, phrases):
    """The `SNIPPET_WORDS` words of `body` holding the most matches, matches marked."""
    tokens = list(WORD.finditer(body))
    if not tokens:
        return ""
    keys = WORD.findall(folded(body))
    if len(keys) != len(tokens):
        keys = [folded(token.group()) for token in tokens]
    exact = {word for word, as_prefix in words if not as_prefix}
    prefixes = tuple(word for word, as_prefix in words if as_prefix)
    marked = [key in exact or key.startswith(prefixes) for key in keys]
    for phrase in phrases:
        for index in range(len(keys) - len(phrase) + 1):
            if tuple(keys[index : index + len(phrase)]) == phrase:
                marked[index : index + len(phrase)] = [True] * len(phrase)
    size = min(SNIPPET_WORDS, len(tokens))
    counts = [sum(marked[:size])]
    for start in range(1, len(tokens) - size + 1):
        counts.append(counts[-1] - marked[start - 1] + marked[start + size - 1])
    start = counts.index(max(counts))
    end = start + size
    parts = [" … "] if start else []
    position = tokens[start].start()
    for index in range(start, end):
        token = tokens[index]
        parts.append(body[position : token.start()])
        if marked[index]:
            parts.append(f"{MARK_START}{token.group()}{MARK_END}")
        else:
            parts.append(token.group())
        position = token.end()
    if end < len(tokens):
        parts.append(" … ")
    else:
        parts.append(body[position:])
    return "".join(parts)


# Database objects: the FTS5 table and the triggers that keep it current


STATEMENTS = [
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert
    AFTER INSERT ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete
    AFTER DELETE ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END;""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update
    AFTER UPDATE ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;""",
]


def install(cursor, table_names):
    """Create the FTS5 table and its triggers; fill the table when it is new."""
    created = FTS_TABLE not in table_names
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        f"title, body, content='{DOCUMENTS}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    for statement in STATEMENTS:
        cursor.execute(statement)
    if created:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
