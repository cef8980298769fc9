"""The query planner's statistics on SQLite.

SQLite gathers none by itself, and without them it read an article's translation group
(a few rows by primary key among the published ones) through the index on status and
publication time, scanning the archive: 10 ms at 100,000 reports instead of 0.1 ms.
They are gathered after each `migrate` (so on every start of `make serve`) and after a
bulk load, reading every index whole: about half a second at 100,000 reports.
Sampling a few hundred rows of each would take milliseconds, but it misjudges the
columns with few values: the status index then looked as if each status held 400 rows,
and a search's thousand matches, found by primary key in a millisecond, were looked for
by scanning every published report instead (45 ms). PostgreSQL's autovacuum gathers
its own.
"""

from django.db import connections


def gather(using="default"):
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit=0")
        cursor.execute("ANALYZE")


def after_migrate(sender, using="default", **kwargs):
    gather(using)
