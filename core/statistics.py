"""The query planner's statistics on SQLite.

SQLite gathers none by itself, and without them it reads an article's translation group
(a few rows by primary key among the published ones) through the index on status and
publication time, scanning the archive: 10 ms at 100,000 reports instead of 0.1 ms.
They are gathered after each `migrate` (so on every start of `make serve`) and after a
bulk load; sampling a few hundred rows of each index keeps that a matter of
milliseconds. PostgreSQL's autovacuum gathers its own.
"""

from django.db import connections

#: Rows of each index SQLite samples (`PRAGMA analysis_limit`).
SAMPLE_ROWS = 400


def gather(using="default"):
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit={SAMPLE_ROWS}")
        cursor.execute("ANALYZE")


def after_migrate(sender, using="default", **kwargs):
    gather(using)
