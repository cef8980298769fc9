"""Preparing a benchmark's site: the database (checked, migrated, emptied and filled by
`generate_demo_data`), the cache it may use, the static files, and `manage.py` commands
run on the benchmark's settings."""

import hashlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, SEED, WORKDIR, BenchError, log

PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "manage.py")]


def database_settings(url):
    import dj_database_url

    return dj_database_url.parse(url)


def redacted(url):
    return re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", url)


def prepare_database(args, env):
    """Migrate, empty and fill the database, unless --keep finds it filled already."""
    marker = WORKDIR / f"{hashlib.sha256(env['DATABASE_URL'].encode()).hexdigest()[:16]}.json"
    wanted = {
        "database": redacted(env["DATABASE_URL"]),
        "articles": args.articles,
        "seed": SEED,
        "analyzed": args.analyze,
    }
    if args.keep and marker.exists() and json.loads(marker.read_text()) == wanted:
        count = article_count(env)
        if count == args.articles:
            log(f"Reusing the database of a previous run ({count} articles): --keep")
            return
        log(f"--keep: the database holds {count} articles, not {args.articles}: regenerating")
    marker.unlink(missing_ok=True)
    if args.scratch:
        Path(args.scratch).unlink(missing_ok=True)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(args.scratch + suffix).unlink(missing_ok=True)
    started = time.monotonic()
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    if not args.scratch:
        manage(env, "flush", "--no-input", "--verbosity", "0")
    log(f"Generating {args.articles} articles (seed {SEED})...")
    output = manage(
        env,
        "generate_demo_data",
        "--articles",
        str(args.articles),
        "--seed",
        str(SEED),
        "--no-progress",
        capture=True,
    )
    log(f"  {output.strip()} (with migrate: {time.monotonic() - started:.1f} s)")
    if args.analyze:
        # The query planner's statistics. PostgreSQL's autovacuum gathers them soon after
        # a bulk load; SQLite never does unless asked.
        code = "from django.db import connection; connection.cursor().execute('ANALYZE')"
        manage(env, "shell", "--no-imports", "-c", code)
        log("  ANALYZE done")
    marker.write_text(json.dumps(wanted))


def article_count(env):
    code = "from articles.models import Article; print(Article.objects.count())"
    try:
        return int(manage(env, "shell", "--no-imports", "-c", code, capture=True).split()[-1])
    except (BenchError, ValueError, IndexError):
        return None


def manage(env, *arguments, capture=False):
    result = subprocess.run(
        [*MANAGE, *arguments], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise BenchError(
            f"manage.py {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}".rstrip()
        )
    if capture:
        return result.stdout
    return None


def collect_static(env):
    """`collectstatic` as `make serve` runs it, unless the manifest is newer than every
    source (it takes seconds: it hashes and compresses every file)."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    if manifest.exists():
        sources = [ROOT / "static", ROOT / "articles" / "static", ROOT / ".venv" / ".installed"]
        newest = max(
            (
                path.stat().st_mtime
                for source in sources
                if source.exists()
                for path in ([source] if source.is_file() else source.rglob("*"))
            ),
            default=0,
        )
        if manifest.stat().st_mtime > newest:
            return
    log("Collecting static files...")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


def check_database(url, force):
    """Refuse a database that is not PostgreSQL or not named for tests; create it if
    missing. Return its settings."""
    settings = database_settings(url)
    if not settings["ENGINE"].endswith("postgresql"):
        raise BenchError(
            f"DATABASE_URL ({redacted(url)}) is not PostgreSQL: the load test measures the "
            "production database, e.g. postgres://postgres@127.0.0.1:5432/bench_load"
        )
    name = str(settings.get("NAME", ""))
    if not re.search("bench|test", name, re.IGNORECASE) and not force:
        raise BenchError(
            f"DATABASE_URL names the database {name!r}: the load test empties it, so its "
            "name must contain 'bench' or 'test' (or pass --force)."
        )
    import psycopg
    from psycopg import sql

    options = {
        "host": settings.get("HOST") or None,
        "port": settings.get("PORT") or None,
        "user": settings.get("USER") or None,
        "password": settings.get("PASSWORD") or None,
        "connect_timeout": 5,
    }
    try:
        with psycopg.connect(dbname=name, **options):
            return settings
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            raise BenchError(f"PostgreSQL does not answer ({redacted(url)}): {error}") from None
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, **options) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise BenchError(f"Could not create the database {name!r}: {error}") from None
    log(f"Created the database {name!r}.")
    return settings


def check_cache(url):
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise BenchError(
            f"Redis does not answer at {redacted(url)} ({error}): start it, or name"
            " another cache with --cache-url"
        ) from None
