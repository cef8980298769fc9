"""Database triggers for the translation rules a CHECK constraint cannot express.

A translation link joins two articles in different languages, and translation groups
are stars: an original with its translations. The triggers refuse a link that breaks
these rules, and a change of an article's language that would break them, whatever
code path writes to the database.

They are installed after every `migrate` and removed before it (see `ArticlesConfig`):
SQLite rebuilds a table to alter it, which would drop a trigger on that table and trip
over a trigger on another table that names it.
"""

from django.db import connections

SAME_LANGUAGE = "A translation must be in a different language from its source."
SOURCE_IS_TRANSLATION = "The source of a translation cannot itself be a translation."
TRANSLATION_IS_SOURCE = "An article that is the source of translations cannot be a translation."
LANGUAGE_CLASH = "This article is linked as a translation to an article in the same language."

#: Is the article being updated (NEW) linked to an article in its new language?
LINKED_IN_SAME_LANGUAGE = """
    SELECT 1 FROM {translation} t
    JOIN {article} other
      ON other.id = CASE WHEN t.source_id = NEW.id THEN t.translation_id ELSE t.source_id END
    WHERE (t.source_id = NEW.id OR t.translation_id = NEW.id)
      AND other.language = NEW.language
"""

SQLITE_TRANSLATION_CHECKS = f"""
    SELECT RAISE(ABORT, '{SAME_LANGUAGE}')
    WHERE (SELECT language FROM {{article}} WHERE id = NEW.source_id)
        = (SELECT language FROM {{article}} WHERE id = NEW.translation_id);
    SELECT RAISE(ABORT, '{SOURCE_IS_TRANSLATION}')
    WHERE EXISTS (
        SELECT 1 FROM {{translation}}
        WHERE translation_id = NEW.source_id AND id IS NOT NEW.id
    );
    SELECT RAISE(ABORT, '{TRANSLATION_IS_SOURCE}')
    WHERE EXISTS (
        SELECT 1 FROM {{translation}}
        WHERE source_id = NEW.translation_id AND id IS NOT NEW.id
    );
"""

SQLITE_FORWARD = [
    f"""CREATE TRIGGER IF NOT EXISTS articles_translation_rules_insert
    BEFORE INSERT ON {{translation}}
    BEGIN {SQLITE_TRANSLATION_CHECKS} END;""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_translation_rules_update
    BEFORE UPDATE OF source_id, translation_id ON {{translation}}
    BEGIN {SQLITE_TRANSLATION_CHECKS} END;""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_article_language_rules
    BEFORE UPDATE OF language ON {{article}}
    BEGIN
        SELECT RAISE(ABORT, '{LANGUAGE_CLASH}')
        WHERE EXISTS (
            {LINKED_IN_SAME_LANGUAGE}
        );
    END;""",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_translation_rules_insert;",
    "DROP TRIGGER IF EXISTS articles_translation_rules_update;",
    "DROP TRIGGER IF EXISTS articles_article_language_rules;",
]

POSTGRESQL_FORWARD = [
    f"""CREATE OR REPLACE FUNCTION articles_translation_rules() RETURNS trigger AS $$
    BEGIN
        IF (SELECT language FROM {{article}} WHERE id = NEW.source_id)
           = (SELECT language FROM {{article}} WHERE id = NEW.translation_id) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = '{SAME_LANGUAGE}';
        END IF;
        IF EXISTS (SELECT 1 FROM {{translation}}
                   WHERE translation_id = NEW.source_id AND id IS DISTINCT FROM NEW.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = '{SOURCE_IS_TRANSLATION}';
        END IF;
        IF EXISTS (SELECT 1 FROM {{translation}}
                   WHERE source_id = NEW.translation_id AND id IS DISTINCT FROM NEW.id) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = '{TRANSLATION_IS_SOURCE}';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;""",
    "DROP TRIGGER IF EXISTS articles_translation_rules ON {translation};",
    """CREATE TRIGGER articles_translation_rules
    BEFORE INSERT OR UPDATE OF source_id, translation_id ON {translation}
    FOR EACH ROW EXECUTE FUNCTION articles_translation_rules();""",
    f"""CREATE OR REPLACE FUNCTION articles_article_language_rules() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (
            {LINKED_IN_SAME_LANGUAGE}
        ) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = '{LANGUAGE_CLASH}';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;""",
    "DROP TRIGGER IF EXISTS articles_article_language_rules ON {article};",
    """CREATE TRIGGER articles_article_language_rules
    BEFORE UPDATE OF language ON {article}
    FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language)
    EXECUTE FUNCTION articles_article_language_rules();""",
]

POSTGRESQL_BACKWARD = [
    "DROP FUNCTION IF EXISTS articles_translation_rules() CASCADE;",
    "DROP FUNCTION IF EXISTS articles_article_language_rules() CASCADE;",
]


STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
}


def install(using, **kwargs):
    """Create the triggers, when the tables they guard exist."""
    connection = connections[using]
    forward, _ = statements(connection)
    with connection.cursor() as cursor:
        if not set(connection.introspection.table_names(cursor)) >= set(tables().values()):
            return
        for statement in forward:
            cursor.execute(statement)


def remove(using, **kwargs):
    connection = connections[using]
    _, backward = statements(connection)
    with connection.cursor() as cursor:
        for statement in backward:
            cursor.execute(statement)


def statements(connection):
    if connection.vendor not in STATEMENTS:
        raise NotImplementedError(
            "Newsroom's translation triggers support SQLite and PostgreSQL, "
            f"not {connection.vendor}."
        )
    forward, backward = STATEMENTS[connection.vendor]
    names = tables()
    return [s.format(**names) for s in forward], [s.format(**names) for s in backward]


def tables():
    """The tables the triggers guard, by the models' own names for them."""
    from .models import Article, Translation

    return {"article": Article._meta.db_table, "translation": Translation._meta.db_table}
