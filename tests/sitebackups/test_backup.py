"""`backup_site` and `restore_site`: a backup restores into an identical database, and a
file that is not a sound backup is refused with the database left as it was."""

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

from articles.models import Article, HistoricalTranslation, Translation
from core import caching
from core.moved import STATE_ONLY_MIGRATIONS
from editorial import workflow
from ingest.models import NameProposal, RelationProposal
from meetings.models import Meeting
from search.models import SearchDocument
from search.query import search
from sitebackups import schema
from tests.factories import ArticleFactory, EditorFactory, ReviewerFactory, TranslationFactory

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
#: The articles app's last two migrations that change its tables.
LATEST = sorted(
    name
    for app, name in MigrationLoader(None).disk_migrations
    if app == "articles" and (app, name) not in STATE_ONLY_MIGRATIONS
)[-2:]
QUERIES = ["Gagnon", "meeting", "droits", "Bayramov", '"High Commissioner"']


# What a database holds


def digest(rows):
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()


def fingerprint():
    """Every table a restore writes, as (rows, SHA-256 of the rows in id order).

    Many-to-many links (each row's, in the order they were made) and search documents
    are compared without their own ids: a restore inserts the links anew and rebuilds
    the documents, so those ids are new.
    """
    tables = {}
    for model in [*schema.backed_up_models(), Session]:
        label = model._meta.label_lower
        tables[label] = digest(list(model._base_manager.order_by("pk").values_list()))
        for field in schema.m2m_fields(model):
            through = field.remote_field.through
            links = through.objects.order_by("pk").values_list(
                f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            )
            tables[f"{label}.{field.name}"] = digest(sorted(links, key=lambda link: link[0]))
    documents = [
        (*document, names_in_any_order(body))
        for *document, body in SearchDocument.objects.values_list(
            "article_id", "meeting_id", "language", "config", "title", "body"
        )
    ]
    tables["search.searchdocument"] = digest(sorted(documents, key=repr))
    return tables


def names_in_any_order(body):
    """A document's text with its lists of names ("A · B · C") sorted: a document lists
    an article's people and organizations in the order the database returns them,
    which on PostgreSQL follows where the rows happen to lie on disk."""
    return "\n\n".join(
        " · ".join(sorted(paragraph.split(" · "))) for paragraph in body.split("\n\n")
    )


def canonical():
    """Every row a backup holds as Django's own `dumpdata` gives it, many-to-many lists
    sorted, one JSON line per row, sorted. Users, groups and the admin's log name content
    types and permissions by natural key; the project's rows refer to each other by id
    (with natural keys, `dumpdata` fails on a revision naming a deleted article)."""
    lines = []
    for labels, natural in [
        (schema.PROJECT_APPS, False),
        (["auth.user", "auth.group", "admin.logentry"], True),
    ]:
        out = StringIO()
        call_command(
            "dumpdata",
            *labels,
            exclude=schema.LEFT_OUT,
            format="jsonl",
            natural_foreign=natural,
            stdout=out,
        )
        for line in out.getvalue().splitlines():
            row = json.loads(line)
            for field in apps.get_model(row["model"])._meta.many_to_many:
                if field.name in row["fields"]:
                    row["fields"][field.name].sort()
            lines.append(json.dumps(row, sort_keys=True))
    return sorted(lines)


def search_results():
    return {
        terms: (
            list(search(Article.objects.all(), terms).values_list("slug", flat=True)),
            list(search(Meeting.objects.all(), terms).values_list("slug", flat=True)),
        )
        for terms in QUERIES
    }


def read(path):
    """A backup's header and payload."""
    with gzip.open(path, "rb") as file:
        return json.loads(file.readline()), file.read()


def write(path, header, payload):
    path.write_bytes(gzip.compress(json.dumps(header).encode() + b"\n" + payload))
    return path


def edited(source, target, *, header=None, lines=None):
    """A copy of a backup with its header or payload lines changed, then sealed with the
    payload's true size, checksum and counts, as `backup_site` would have written it."""
    head, payload = read(source)
    rows = payload.splitlines(keepends=True)
    if lines:
        rows = lines(rows)
    payload = b"".join(rows)
    counts = Counter()
    for row in rows:
        try:
            counts[json.loads(row)["model"]] += 1
        except ValueError:
            continue
    head["counts"] = {label: counts[label] for label in {*head["counts"], *counts}}
    head["payload"].update(bytes=len(payload), sha256=hashlib.sha256(payload).hexdigest())
    if header:
        header(head)
    return write(target, head, payload)


def line(model, pk, **fields):
    return json.dumps({"model": model, "pk": pk, "fields": fields}).encode() + b"\n"


# The archive: the seed fixture, 1,000 generated articles, users and some history


def build():
    call_command("loaddata", "seed", verbosity=0)
    call_command("generate_demo_data", articles=1000, seed=1, no_progress=True, stdout=StringIO())
    User.objects.create_superuser("admin", "admin@example.org", "correct horse battery")
    editor = EditorFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="translate_article"))
    ReviewerFactory(username="reviewer")

    original = Article.objects.get(
        slug="khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
    )
    original._history_user = editor
    original.title = "Khalafov receives an OHCHR delegation led by Georgette Gagnon"
    original.save()
    draft = original.translate_into("ru")
    link = draft.source_links.get()
    workflow.apply(workflow.TRANSITIONS["submit"], draft, editor, "Ready for review.")

    # A deleted report leaves a gap in the ids and revisions naming rows that are gone.
    gone = TranslationFactory(source__slug="withdrawn-report", translation__slug="its-translation")
    gone.source.delete()

    NameProposal.objects.create(article=draft, kind="person", name="Someone New")
    RelationProposal.objects.create(
        article=draft,
        candidate=Article.objects.order_by("pk").last(),
        relation="same_event",
        score=0.5,
    )
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(original.pk),
        object_repr=str(original),
        action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Title"]}}]',
    )
    session = SessionStore()
    session["_auth_user_id"] = str(editor.pk)
    session.create()
    return SimpleNamespace(original=original, link=link, gone=gone)


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """The archive and its backup, built once in a transaction rolled back after the
    module; each test's own changes are rolled back after it."""
    directory = tmp_path_factory.mktemp("backups")
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with override_settings(
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
            ):
                made = build()
            made.path = directory / "archive.jsonl.gz"
            call_command("backup_site", str(made.path), stdout=StringIO())
            made.fingerprint = fingerprint()
            made.canonical = canonical()
            made.search = search_results()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield made
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def restore(path, **options):
    out = StringIO()
    call_command("restore_site", str(path), stdout=out, **options)
    return out.getvalue()


def content_version():
    """The version recorded in the database, which the cache only copies for a while."""
    return caching.stored_version()[0]


# Round trip


def test_a_backup_restores_into_an_identical_database(archive, tmp_path):
    caching.mark_changed()
    version = content_version()

    output = restore(archive.path, replace=True)

    assert "Restored" in output
    assert f"{Article.objects.count()} articles" in output
    restored = fingerprint()
    assert restored.pop("sessions.session") == digest([])
    expected = dict(archive.fingerprint)
    del expected["sessions.session"]
    assert restored == expected
    assert canonical() == archive.canonical
    assert search_results() == archive.search
    assert content_version() > version

    again = tmp_path / "again.jsonl.gz"
    call_command("backup_site", str(again), stdout=StringIO())
    (first_header, first), (second_header, second) = read(archive.path), read(again)
    assert second == first
    assert second_header["counts"] == first_header["counts"]


def test_history_survives_with_its_ids(archive):
    restore(archive.path, replace=True)

    original = Article.objects.get(pk=archive.original.pk)
    revisions = list(original.history.order_by("history_id"))
    assert revisions[-1].title == original.title
    assert revisions[-1].history_user.username == "editor"
    link = Translation.objects.get(pk=archive.link.pk)
    assert link.source_revision.title == original.title
    assert not link.is_outdated
    assert not Article.objects.filter(slug="withdrawn-report").exists()
    deleted = HistoricalTranslation.objects.get(id=archive.gone.pk, history_type="-")
    assert deleted.source_id == archive.gone.source_id
    editor = User.objects.get(username="editor")
    assert editor.has_perm("articles.translate_article")
    assert editor.has_perm("articles.submit_article")
    assert LogEntry.objects.get().get_edited_object() == original


def test_groups_are_restored_by_name(archive):
    """Migrations make the groups in every database: a restore updates them in place
    and removes the groups the backup does not have."""
    editors = Group.objects.get(name="Editors")
    permissions = set(editors.permissions.values_list("codename", flat=True))
    editors.permissions.remove(Permission.objects.get(codename="add_article"))
    Group.objects.create(name="Interns")

    restore(archive.path, replace=True)

    assert Group.objects.get(name="Editors").pk == editors.pk
    assert set(editors.permissions.values_list("codename", flat=True)) == permissions
    assert not Group.objects.filter(name="Interns").exists()
    assert fingerprint()["auth.group"] == archive.fingerprint["auth.group"]


def test_new_rows_after_a_restore_get_new_ids(archive):
    restore(archive.path, replace=True)
    newest = Article.objects.order_by("pk").last().pk

    article = ArticleFactory()
    article.title = "Edited after the restore"
    article.save()

    assert article.pk > newest
    assert article.history.count() == 2
    assert search(Article.objects.all(), "restore").filter(pk=article.pk).exists()


def test_the_header_describes_the_payload(archive):
    header, payload = read(archive.path)

    assert (header["format"], header["version"]) == ("newsroom-backup", 1)
    assert header["payload"] == {
        "serialization": "jsonl",
        "bytes": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    rows = Counter(json.loads(row)["model"] for row in payload.splitlines())
    assert header["counts"] == dict.fromkeys(header["counts"], 0) | rows
    assert header["counts"]["articles.article"] == Article.objects.count()
    applied = MigrationRecorder(connection).applied_migrations()
    assert header["migrations"]["articles"] == sorted(n for a, n in applied if a == "articles")
    assert {"articles", "auth", "admin", "contenttypes"} <= set(header["migrations"])
    models = set(header["counts"])
    assert "articles.historicalarticle" in models
    assert not models & {"search.searchdocument", "sessions.session", "auth.permission"}
    assert not any(label.startswith(("axes.", "contenttypes.")) for label in models)


def test_a_backup_is_private_and_named_by_its_time(archive, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    call_command("backup_site", stdout=StringIO())

    (path,) = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"newsroom-\d{8}-\d{6}\.jsonl\.gz", path.name)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert read(path)[1] == read(archive.path)[1]
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_site", str(path), stdout=StringIO())


def test_a_fresh_database_restores_a_backup(archive, tmp_path):
    """In another process, into a new SQLite database: on the PostgreSQL run this
    restores a PostgreSQL backup on SQLite."""
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}

    def manage(*arguments):
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )

    assert manage("migrate", "--verbosity", "0").returncode == 0
    restored = manage("restore_site", str(archive.path))
    assert restored.returncode == 0, restored.stderr
    again = tmp_path / "again.jsonl.gz"
    assert manage("backup_site", str(again)).returncode == 0
    assert read(again)[1] == read(archive.path)[1]

    twice = manage("restore_site", str(archive.path))
    assert twice.returncode == 1
    assert f"{archive.path}: the database is not empty" in twice.stderr
    missing = manage("restore_site", str(tmp_path / "missing.jsonl.gz"))
    assert missing.returncode == 1
    assert "missing.jsonl.gz: no such file" in missing.stderr


# Refusals: each names the file and the problem, and leaves the database as it was


def missing(archive, path):
    return path


def not_gzip(archive, path):
    path.write_text("Khalafov receives an OHCHR delegation\n")
    return path


def truncated(archive, path):
    data = archive.path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def header_only(archive, path):
    return write(path, read(archive.path)[0], b"")


def corrupt(archive, path):
    data = bytearray(archive.path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16] = bytes(255 - byte for byte in data[middle : middle + 16])
    path.write_bytes(bytes(data))
    return path


def not_a_backup(archive, path):
    return write(path, {"model": "articles.article"}, b"")


def bad_json(archive, path):
    return edited(archive.path, path, lines=lambda rows: [*rows[:10], b'{"model": "art\n'])


def checksum(archive, path):
    header, payload = read(archive.path)
    return write(path, header, payload.replace(b"News.Az", b"News.Ax", 1))


def newer_version(archive, path):
    return edited(archive.path, path, header=lambda head: head.update(version=2))


def newer_schema(archive, path):
    def future(head):
        head["migrations"]["articles"].append("0099_future")

    return edited(archive.path, path, header=future)


def older_schema(archive, path):
    def past(head):
        head["migrations"]["articles"] = [
            name for name in head["migrations"]["articles"] if name <= LATEST[-2]
        ]

    return edited(archive.path, path, header=past)


def unknown_model(archive, path):
    return edited(archive.path, path, lines=lambda rows: [*rows, line("articles.gadget", 1)])


def not_empty(archive, path):
    return archive.path


def appended(row):
    return lambda archive, path: edited(archive.path, path, lines=lambda rows: [*rows, row])


def first_article(archive):
    rows = (json.loads(row) for row in read(archive.path)[1].splitlines())
    return next(row for row in rows if row["model"] == "articles.article")


REFUSALS = {
    "missing file": (missing, "no such file"),
    "not gzip": (not_gzip, "not a gzip file"),
    "truncated": (truncated, "the file is truncated"),
    "payload missing": (header_only, "does not match the header's checksum"),
    "corrupt": (corrupt, "corrupt"),
    "not a backup": (not_a_backup, "not a Newsroom backup"),
    "bad JSON": (bad_json, r"line 12 is not a JSON object with a model \(Invalid control"),
    "checksum mismatch": (checksum, "does not match the header's checksum.*the file is damaged"),
    "format version": (newer_version, "backup format version 2 is not one this version"),
    "newer schema": (newer_schema, r"made by a newer version of Newsroom.*articles\.0099_future"),
    "older schema": (
        older_schema,
        rf"made before migrations this database has \(articles\.{LATEST[-1]}\)"
        rf".*`manage.py migrate articles {LATEST[-2]}`",
    ),
    "unknown model": (unknown_model, "models a backup does not hold: articles.gadget"),
    "not empty": (not_empty, r"the database is not empty \(.*\d+ articles\.article.*--replace"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_a_bad_file_is_refused_before_the_database_is_touched(archive, tmp_path, case):
    make, reason = REFUSALS[case]
    path = make(archive, tmp_path / "bad.jsonl.gz")
    caching.mark_changed()
    version = content_version()

    with pytest.raises(CommandError) as refusal:
        restore(path)

    message = str(refusal.value)
    assert message.startswith(f"{path}: ")
    assert re.search(reason, message), message
    assert message.endswith("Nothing was restored.")
    assert fingerprint() == archive.fingerprint
    assert content_version() == version


def duplicate_slug(archive, path):
    article = first_article(archive)
    return appended(line("articles.article", 999_999, **article["fields"]))(archive, path)


def bad_date(archive, path):
    fields = {**first_article(archive)["fields"], "slug": "new", "published_at": "yesterday"}
    return appended(line("articles.article", 999_999, **fields))(archive, path)


def missing_reference(archive, path):
    meeting = Meeting.objects.order_by("pk").first().pk
    return appended(line("meetings.coverage", 999_999, meeting=meeting, article=999_999))(
        archive, path
    )


def same_language_translation(archive, path):
    english = Article.objects.filter(language="en", source_links=None, translation_links=None)
    first, second = english.order_by("pk")[:2]
    row = line("articles.translation", 999_999, source=first.pk, translation=second.pk)
    return appended(row)(archive, path)


def unknown_group(archive, path):
    row = line("auth.user", 999_999, username="intern", password="!", groups=[["Interns"]])
    return appended(row)(archive, path)


FAILED_LOADS = {
    "duplicate slug": (duplicate_slug, r"articles\.article on lines \d+-\d+ could not be"),
    "bad value": (bad_date, r"articles\.article on lines .*“yesterday” value has an invalid"),
    "missing reference": (missing_reference, "refer to rows that are missing"),
    "translation rule": (same_language_translation, "must be in a different language"),
    "unknown group": (unknown_group, r"auth\.user on lines .*Group matching query"),
}


@pytest.mark.parametrize("case", FAILED_LOADS)
def test_a_row_that_fails_to_load_rolls_the_whole_restore_back(archive, tmp_path, case):
    make, reason = FAILED_LOADS[case]
    path = make(archive, tmp_path / "bad.jsonl.gz")
    caching.mark_changed()
    version = content_version()

    with pytest.raises(CommandError) as refusal:
        restore(path, replace=True)

    message = str(refusal.value)
    assert message.startswith(f"{path}: ")
    assert re.search(reason, message), message
    assert message.endswith("Nothing was restored.")
    assert fingerprint() == archive.fingerprint
    assert content_version() == version
