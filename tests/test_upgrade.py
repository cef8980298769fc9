"""A database made by an earlier version of Newsroom migrates forward with nothing lost.

`data/upgrade/` holds one database of 2 December 2026, when every model lived in the
one `articles` app (last migration `articles.0016_meeting_proposals`), as a SQLite file
and as a PostgreSQL dump: the seed, 40 generated articles, users in each group,
revisions made by them, a deleted translation, workflow steps, a translated summary,
the admin's log, the importer's proposals and django-axes' records of a failed login.
The test migrates a copy with `manage.py migrate` and compares every table before and
after: rows, group memberships, each group's permissions and the revisions are the
same, and every permission belongs to a model of the app that holds it now.
"""

import gzip
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

DATA = Path(__file__).parent / "data" / "upgrade"
#: Tables whose rows a migration may rewrite: compared apart, by what they mean.
REWRITTEN = {"django_migrations", "django_content_type", "auth_permission", "sqlite_sequence"}


def sqlite_database(tmp_path):
    path = tmp_path / "single-app.sqlite3"
    with gzip.open(DATA / "single-app.sqlite3.gz") as source, path.open("wb") as target:
        shutil.copyfileobj(source, target)
    return f"sqlite:///{path}", lambda: sqlite3.connect(path)


@pytest.fixture
def postgresql_database():
    """A new PostgreSQL database loaded from the dump, dropped afterwards."""
    import psycopg

    if shutil.which("psql") is None:
        pytest.skip("psql is needed to load the PostgreSQL dump")
    params = connection.get_connection_params()
    name = f"newsroom_upgrade_{uuid.uuid4().hex[:8]}"
    server = {k: params[k] for k in ("host", "port", "user", "password") if params.get(k)}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "PGPASSWORD": str(server.get("password", ""))}
    psql = ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(server.get("host", "127.0.0.1"))]
    psql += ["-p", str(server.get("port", 5432)), "-U", server.get("user", "postgres"), name]
    with gzip.open(DATA / "single-app.postgresql.sql.gz", "rb") as dump:
        subprocess.run(psql, input=dump.read(), env=env, check=True, capture_output=True)
    url = "postgres://{user}:{password}@{host}:{port}/{name}".format(
        user=server.get("user", "postgres"),
        password=server.get("password", ""),
        host=server.get("host", "127.0.0.1"),
        port=server.get("port", 5432),
        name=name,
    )
    yield url, lambda: psycopg.connect(dbname=name, **server)
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def snapshot(connect, columns=None):
    """What must survive a migration: every table's rows (sorted), and, for the tables a
    migration may rewrite, what their rows mean. With `columns` ({table: names}, from an
    earlier snapshot), only those columns of those tables: a migration may add others."""
    with connect() as db:
        cursor = db.cursor()
        if isinstance(db, sqlite3.Connection):
            # SQLite's own tables (the planner's statistics) hold no data of the site.
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        else:
            cursor.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
        tables = {}
        for (table,) in cursor.fetchall():
            if table in REWRITTEN:
                continue
            chosen = "*"
            if columns and table in columns:
                chosen = ", ".join(f'"{name}"' for name in columns[table])
            cursor.execute(f'SELECT {chosen} FROM "{table}"')
            names = tuple(column[0] for column in cursor.description)
            tables[table] = (names, sorted(map(repr, cursor.fetchall())))
        cursor.execute(
            "SELECT g.name, ct.model, p.codename FROM auth_group g"
            " JOIN auth_group_permissions gp ON gp.group_id = g.id"
            " JOIN auth_permission p ON p.id = gp.permission_id"
            " JOIN django_content_type ct ON ct.id = p.content_type_id"
        )
        group_permissions = sorted(cursor.fetchall())
        cursor.execute(
            "SELECT DISTINCT ct.app_label, ct.model FROM auth_permission p"
            " JOIN django_content_type ct ON ct.id = p.content_type_id"
        )
        permission_models = sorted(cursor.fetchall())
    return tables, group_permissions, permission_models


def migrate(url):
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_single_app_database_migrates_forward_with_nothing_lost(engine, tmp_path, request):
    if engine == "postgresql":
        if connection.vendor != "postgresql":
            pytest.skip("the suite runs on SQLite; CI's PostgreSQL run upgrades the dump")
        url, connect = request.getfixturevalue("postgresql_database")
    else:
        url, connect = sqlite_database(tmp_path)
    tables, group_permissions, _ = snapshot(connect)

    migrate(url)

    columns = {table: names for table, (names, _) in tables.items()}
    after, group_permissions_after, permission_models = snapshot(connect, columns)
    assert {name: len(rows) for name, (_, rows) in after.items()} == {
        name: len(rows) for name, (_, rows) in tables.items()
    }
    assert after == tables
    assert group_permissions_after == group_permissions
    stale = [
        f"{app_label}.{model}"
        for app_label, model in permission_models
        if not is_current(app_label, model)
    ]
    assert stale == []
    assert len(after["articles_historicalarticle"][1]) == 15
    assert len(after["axes_accessattempt"][1]) == 1


def is_current(app_label, model):
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return False
    return True
