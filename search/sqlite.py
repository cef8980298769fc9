"""Search on SQLite: an FTS5 table mirrors the documents' title and body, with Unicode
word splitting and accents folded. It has no stemmers, so each word also matches as a
prefix ("meeting" finds "meetings"); quoted phrases, `OR` and `-word` work as on
PostgreSQL. FTS5 ranks inside the index (bm25, the title weighing most)."""

from django.db import connections
from django.db.models import F, Func, IntegerField

from .models import SearchDocument
from .terms import MARK_END, MARK_START, TOKEN, WORD, normalize

DOCUMENTS = SearchDocument._meta.db_table
FTS_TABLE = f"{DOCUMENTS}_fts"


def matches(queryset, terms, limit):
    """The items of `queryset` matching `terms`, with `search_rank`, best first: the
    `limit` best matches by FTS5's rank."""
    found = best_matches(terms, queryset.model, queryset.db, limit)
    if not found:
        return queryset.none()
    return (
        queryset.filter(pk__in=found)
        .annotate(search_rank=RankIn(F("pk"), found))
        .order_by("-search_rank", "-pk")
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
    """(item id, snippet) for `documents`, the matches between the database's marks."""
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
