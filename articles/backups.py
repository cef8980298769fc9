"""Backups of the site's data: one gzip file that restores on SQLite or PostgreSQL.

A backup is gzip-compressed text. Its first line is a JSON header; the rest, the
payload, is Django's JSON Lines serialization (what `dumpdata --format jsonl` writes):

- `format` and `version`: what reads the file (`FORMAT`, `VERSION`);
- `migrations`: the migrations applied to the database it came from, by app;
- `counts`: how many rows of each model the payload holds;
- `payload`: its length in bytes and its SHA-256.

It holds the articles app (articles, meetings, people, translations, workflow steps,
import proposals and every revision django-simple-history kept), the user accounts
(with their password hashes), groups and the admin's log. It leaves out what
`migrate` makes in every database (content types, permissions), what is rebuilt
(search documents), sessions and django-axes' login records.

Rows keep their ids: simple-history refers to an item by its id in a plain column, a
translation follows a revision by id, and the admin's addresses use ids. Rows that
each database makes for itself are named by natural key instead: content types and
permissions (by the user accounts, groups and the admin's log), and groups (by name,
as migrations create them).

A backup is written under temporary names beside its file, flushed to disk, then
renamed: the file named is a whole backup or nothing. A write that fails (a full disk,
a quota) removes what was written and raises a `BackupError` saying why.

`restore` reads the whole file before it writes anything: a file that is not one,
truncated, corrupt, of another format version or from a schema this code does not
know is refused with a `BackupError`, the database untouched. It then empties the
tables a backup holds and loads the payload in one transaction, so any failure leaves
the database as it was; rows are inserted in bulk as they were saved, without
signals, and the search documents are rebuilt at the end.
"""

import datetime as dt
import errno
import gzip
import hashlib
import json
import os
import shutil
import time
import zlib
from collections import Counter
from contextlib import contextmanager
from itertools import batched, groupby

import django
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers import jsonl, python
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connections, models, reset_queries, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from . import caching, search
from .models import SearchDocument

FORMAT = "newsroom-backup"
VERSION = 1

#: Rows read and inserted at a time.
CHUNK_SIZE = 2000
#: The header is one short line; a longer first line is not one.
HEADER_LIMIT = 1 << 20
#: The project's apps whose every model a backup holds (but `LEFT_OUT`).
PROJECT_APPS = ["people", "articles"]
#: Models of the project's apps that are rebuilt or made anew: never backed up.
LEFT_OUT = ["articles.SearchDocument", "articles.ContentVersion"]
#: Models that moved to another app, by their label before and after: a backup made
#: before the move restores after it (their tables did not change).
MOVED_MODELS = {
    f"articles.{name}": f"people.{name}"
    for name in ["person", "organization", "personname", "organizationname", "post"]
}
#: Migrations that change Django's state only, never a table: a backup made before them
#: restores after them.
STATE_ONLY_MIGRATIONS = {("people", "0001_initial"), ("articles", "0017_people_app")}
#: Django's models that a backup holds too.
OTHER_MODELS = ["auth.User", "auth.Group", "admin.LogEntry"]
#: Apps whose rows refer to content types, permissions and groups by natural key.
NATURAL_KEY_APPS = {"auth", "admin"}
#: Errors that say the disk has no room left (for this user).
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


class BackupError(Exception):
    """A backup that cannot be made or restored, and why."""


def backed_up_models():
    """The models a backup holds, in an order that loads (natural keys first)."""
    left_out = {apps.get_model(label) for label in LEFT_OUT}
    models = [
        model
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
        if model not in left_out
    ]
    for label in OTHER_MODELS:
        if apps.is_installed(f"django.contrib.{label.split('.')[0]}"):
            models.append(apps.get_model(label))
    return serializers.sort_dependencies([(None, models)], allow_cycles=True)


def label_of(model):
    return model._meta.label_lower


def current_label(label):
    """A backup's model label as the model is known today (see `MOVED_MODELS`)."""
    return MOVED_MODELS.get(label, label)


def current_app(app_label, model_name):
    return current_label(f"{app_label}.{model_name}").partition(".")[0]


def with_current_labels(row):
    """Rename, in a row of a backup, the models that moved: its own label, and the
    content types and permissions it names by natural key (users, groups, the log)."""
    row["model"] = current_label(row["model"])
    fields = row.get("fields")
    if not isinstance(fields, dict):
        return
    content_type = fields.get("content_type")
    if isinstance(content_type, list) and len(content_type) == 2:
        fields["content_type"] = [current_app(*content_type), content_type[1]]
    for name in ("permissions", "user_permissions"):
        if isinstance(fields.get(name), list):
            fields[name] = [
                [key[0], current_app(key[1], key[2]), key[2]]
                if isinstance(key, list) and len(key) == 3
                else key
                for key in fields[name]
            ]


def m2m_fields(model):
    return [
        field for field in model._meta.many_to_many if field.remote_field.through._meta.auto_created
    ]


def tables(models):
    """The models' tables and those of their many-to-many relations."""
    names = []
    for model in models:
        names.append(model._meta.db_table)
        names += [field.remote_field.through._meta.db_table for field in m2m_fields(model)]
    return names


def applied_migrations(connection, app_labels):
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        app: sorted(name for label, name in applied if label == app) for app in sorted(app_labels)
    }


def migration_apps(models):
    return {model._meta.app_label for model in models} | {"contenttypes"}


# Writing


class Encoder(DjangoJSONEncoder):
    """Django's JSON encoder, but times keep their microseconds (it keeps milliseconds)."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, dt.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


class Serializer(jsonl.Serializer):
    """Django's JSON Lines, times to the microsecond, one write per object, with each
    many-to-many list in the order its links were made (see `rows`)."""

    def handle_m2m_field(self, obj, field):
        if field.remote_field.through._meta.auto_created:
            self._current[field.name] = obj.backup_links[field.name]

    def end_object(self, obj):
        self.stream.write(json.dumps(self.get_dump_object(obj), **self.json_kwargs) + "\n")
        self._current = None


class Payload:
    """A text stream into a binary file that counts lines and bytes and hashes them."""

    def __init__(self, file):
        self.file, self.digest, self.size, self.lines = file, hashlib.sha256(), 0, 0

    def write(self, text):
        data = text.encode()
        self.file.write(data)
        self.digest.update(data)
        self.size += len(data)
        self.lines += text.count("\n")


@contextmanager
def snapshot(using):
    """One consistent view of the database while it is read, that blocks no one: on
    PostgreSQL a repeatable-read, read-only transaction; on SQLite a deferred one (the
    site's transactions take the write lock up front; a reader needs none, with WAL)."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    sqlite = outermost and connection.vendor == "sqlite"
    if sqlite:
        connection.ensure_connection()
        mode, connection.transaction_mode = connection.transaction_mode, None
    try:
        with transaction.atomic(using=using):
            if sqlite:
                connection.transaction_mode = mode
            if outermost and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    finally:
        if sqlite:
            connection.transaction_mode = mode


def rows(model, using, natural):
    """The model's rows in a stable order, a chunk at a time, each with `backup_links`:
    its many-to-many links in the order they were made, by id or, if `natural`, by
    natural key."""
    queryset = model._base_manager.using(using)
    # Groups are named, not numbered: order them by name, as another database has them.
    queryset = queryset.order_by("name" if model is Group else "pk")
    for chunk in batched(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        reset_queries()
        for obj in chunk:
            obj.backup_links = {}
        for field in m2m_fields(model):
            through = field.remote_field.through
            source = through._meta.get_field(field.m2m_field_name()).attname
            target = through._meta.get_field(field.m2m_reverse_field_name()).attname
            links = list(
                through._base_manager.using(using)
                .filter(**{f"{source}__in": [obj.pk for obj in chunk]})
                .order_by("pk")
                .values_list(source, target)
            )
            names = natural_keys(field.related_model, {pk for _, pk in links}, using, natural)
            by_source = {obj.pk: [] for obj in chunk}
            for pk, related in links:
                by_source[pk].append(names.get(related, related))
            for obj in chunk:
                obj.backup_links[field.name] = by_source[obj.pk]
        yield from chunk


def natural_keys(model, pks, using, natural):
    """The natural keys of these rows by id, if `natural` and the model has them."""
    if not natural or not hasattr(model, "natural_key"):
        return {}
    rows = model._base_manager.using(using).filter(pk__in=pks)
    relations = [field.name for field in model._meta.fields if field.is_relation]
    if relations:
        rows = rows.select_related(*relations)
    return {row.pk: list(row.natural_key()) for row in rows}


def back_up(path, using="default"):
    """Write a backup of the database to `path` (a new file); return its header.

    Raises `BackupError` when the file cannot be written, having removed what it wrote.
    """
    models = backed_up_models()
    if path.exists():
        raise BackupError("the file exists already; choose another name.")
    body = path.with_name(f".{path.name}.payload")
    partial = path.with_name(f".{path.name}.partial")
    counts = {}
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with snapshot(using), private(body) as raw:
            migrations = applied_migrations(connections[using], migration_apps(models))
            with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as compressed:
                payload = Payload(compressed)
                for model in models:
                    before = payload.lines
                    natural = model._meta.app_label in NATURAL_KEY_APPS
                    Serializer().serialize(
                        rows(model, using, natural),
                        stream=payload,
                        cls=Encoder,
                        use_natural_foreign_keys=natural,
                        use_natural_primary_keys=model is Group,
                    )
                    counts[label_of(model)] = payload.lines - before
        header = {
            "format": FORMAT,
            "version": VERSION,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "database": connections[using].vendor,
            "django": django.get_version(),
            "migrations": migrations,
            "counts": counts,
            "payload": {
                "serialization": "jsonl",
                "bytes": payload.size,
                "sha256": payload.digest.hexdigest(),
            },
        }
        # The header goes first, as a gzip member of its own; the payload's member
        # follows as it was compressed. gzip readers see one stream.
        with private(partial) as out:
            out.write(gzip.compress(json.dumps(header).encode() + b"\n", mtime=0))
            with body.open("rb") as compressed:
                shutil.copyfileobj(compressed, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except OSError as error:
        raise BackupError(write_failure(error)) from error
    finally:
        body.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return header


def write_failure(error):
    """Why a backup could not be written, and what to do about a full disk."""
    message = f"{error.strerror or error} while writing the backup; no backup was written."
    if error.errno in DISK_FULL:
        message += " Free some space on its disk, or back up to another disk."
    return message


@contextmanager
def private(path):
    """A new file only its owner may read: a backup holds password hashes and drafts."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        yield file


# Reading


@contextmanager
def reading(path):
    """The file, decompressed; reading errors become `BackupError`."""
    try:
        with gzip.open(path, "rb") as file:
            yield file
    except FileNotFoundError:
        raise BackupError("no such file.") from None
    except gzip.BadGzipFile as error:
        raise BackupError(f"not a gzip file, or a corrupt one ({error}).") from None
    except EOFError:
        raise BackupError(
            "the file is truncated or corrupt: the compressed data ends too soon."
        ) from None
    except zlib.error as error:
        raise BackupError(f"the compressed data is corrupt ({error}).") from None
    except OSError as error:
        raise BackupError(f"cannot be read ({error.strerror or error}).") from None


def read_header(file):
    line = file.readline(HEADER_LIMIT)
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError("not a Newsroom backup: its first line is not a backup header.")
    if header.get("version") != VERSION:
        raise BackupError(
            f"backup format version {header.get('version')!r} is not one this version of "
            f"Newsroom reads (it reads version {VERSION})."
        )
    payload, counts = header.get("payload"), header.get("counts")
    if (
        not isinstance(payload, dict)
        or payload.get("serialization") != "jsonl"
        or not isinstance(counts, dict)
        or not isinstance(header.get("migrations"), dict)
    ):
        raise BackupError("the backup header is incomplete.")
    return header


def verify(path):
    """Read the whole file and check it against its header; return the header.

    Raises `BackupError` for a file that is missing, not gzip, truncated or corrupt,
    not a backup, of another format version, or whose payload does not match the
    header's checksum and counts, or holds rows a backup does not hold.
    """
    digest, size, counts, bad_line = hashlib.sha256(), 0, Counter(), None
    with reading(path) as file:
        header = read_header(file)
        header["counts"] = {
            current_label(label): count for label, count in header["counts"].items()
        }
        for number, line in enumerate(file, start=2):
            digest.update(line)
            size += len(line)
            try:
                counts[current_label(json.loads(line)["model"])] += 1
            except (ValueError, TypeError, KeyError) as error:
                bad_line = bad_line or (number, error)
    expected = header["payload"]
    if size != expected.get("bytes") or digest.hexdigest() != expected.get("sha256"):
        raise BackupError(
            f"the payload does not match the header's checksum (SHA-256 {digest.hexdigest()}, "
            f"{size} bytes; the header says {expected.get('sha256')}, {expected.get('bytes')} "
            "bytes): the file is damaged."
        )
    if bad_line:
        number, error = bad_line
        raise BackupError(f"line {number} is not a JSON object with a model ({error}).")
    known = {label_of(model) for model in backed_up_models()}
    unknown = sorted(set(header["counts"]) - known)
    if unknown:
        raise BackupError(f"it holds rows of models a backup does not hold: {', '.join(unknown)}.")
    declared = {label: count for label, count in header["counts"].items() if count}
    if dict(counts) != declared:
        raise BackupError(
            f"the payload holds {dict(sorted(counts.items()))} rows, the header says {declared}."
        )
    return header


def check_schema(header, using):
    """Refuse a backup whose migrations differ from the database's, saying what to do."""
    connection = connections[using]
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    recorded = {(app, name) for app, names in header["migrations"].items() for name in names}
    unknown = sorted(recorded - set(loader.disk_migrations))
    if unknown:
        raise BackupError(
            "it was made by a newer version of Newsroom: its database had migrations this "
            f"code does not have ({migration_list(unknown)}). Restore it with that version."
        )
    here = {(app, name) for app, name in loader.applied_migrations if app in header["migrations"]}
    missing = sorted(recorded - here)
    if missing:
        raise BackupError(
            f"the database lacks migrations the backup has ({migration_list(missing)}): "
            "run `manage.py migrate` (make migrate) first."
        )
    extra = sorted(here - recorded - STATE_ONLY_MIGRATIONS)
    if extra:
        targets = " ".join(
            f"`manage.py migrate {app} {max(header['migrations'][app], default='zero')}`"
            for app in sorted({app for app, _ in extra})
        )
        raise BackupError(
            f"it was made before migrations this database has ({migration_list(extra)}). "
            f"On an empty database, migrate back to the backup's state ({targets}), restore, "
            "then run `manage.py migrate`."
        )


def migration_list(migrations):
    return listing([f"{app}.{name}" for app, name in migrations], "migrations", limit=5)


def existing_rows(using):
    """Models a backup holds that have rows here (groups aside: migrations make them)."""
    return {
        label_of(model): model._base_manager.using(using).count()
        for model in backed_up_models()
        if model is not Group and model._base_manager.using(using).exists()
    }


# Restoring


def restore(path, using="default", replace=False):
    """Restore the backup at `path`; return its header.

    The database must be migrated as the backup's was, and empty unless `replace`.
    """
    header = verify(path)
    try:
        check_schema(header, using)
        existing = existing_rows(using)
        if existing and not replace:
            largest = sorted(existing.items(), key=lambda item: -item[1])
            held = listing([f"{count} {label}" for label, count in largest], "tables")
            raise BackupError(
                f"the database is not empty ({held}); restore with --replace to replace its data."
            )
        with transaction.atomic(using=using):
            empty(using)
            load(path, header, using)
            search.rebuild(using=using)
    except DatabaseError as error:
        raise BackupError(f"the database failed ({error}).") from error
    caching.mark_changed()
    return header


def listing(items, kind, limit=3):
    """The first items, and how many more: "a, b, c and 4 more tables"."""
    shown = ", ".join(items[:limit])
    return f"{shown} and {len(items) - limit} more {kind}" if len(items) > limit else shown


def empty(using):
    """Delete what a backup holds, the sessions (they name users) and the search
    documents. Groups are updated in place by name."""
    connection = connections[using]
    models = [model for model in backed_up_models() if model is not Group]
    names = [*tables(models), Group.permissions.through._meta.db_table]
    names.append(SearchDocument._meta.db_table)
    if apps.is_installed("django.contrib.sessions"):
        names.append(apps.get_model("sessions.Session")._meta.db_table)
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with checks still deferred in this transaction.
        connection.check_constraints()
    with connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), names, reset_sequences=True):
            cursor.execute(statement)


def load(path, header, using):
    """Insert the payload's rows, then check that they are whole and consistent."""
    connection = connections[using]
    digest, groups, loaded = hashlib.sha256(), [], []
    with reading(path) as file:
        file.readline(HEADER_LIMIT)
        for label, chunk in chunks(file, digest):
            reset_queries()
            model = apps.get_model(label)
            first, last = chunk[0][0], chunk[-1][0]
            try:
                objects = list(python.Deserializer([obj for _, obj in chunk], using=using))
                pks = insert(model, objects, using)
            except Exception as error:  # whatever the row holds, say where it is
                raise BackupError(
                    f"{label} on lines {first}-{last} could not be restored ({error})."
                ) from error
            if model is Group:
                groups += pks
            loaded.append(model)
    if digest.hexdigest() != header["payload"]["sha256"]:
        raise BackupError("the file changed while it was being restored.")
    Group.objects.using(using).exclude(pk__in=groups).delete()
    for label, count in header["counts"].items():
        found = apps.get_model(label)._base_manager.using(using).count()
        if found != count:
            raise BackupError(f"{found} {label} rows were restored, the header says {count}.")
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), set(loaded)):
            cursor.execute(statement)
    try:
        connection.check_constraints(table_names=tables(set(loaded)))
    except DatabaseError as error:
        raise BackupError(f"the restored rows refer to rows that are missing ({error}).") from error


def chunks(file, digest):
    """The payload as (model label, [(line number, object), ...]), up to `CHUNK_SIZE`
    consecutive rows of one model at a time."""

    def parsed():
        for number, line in enumerate(file, start=2):
            digest.update(line)
            try:
                obj = json.loads(line)
            except ValueError as error:
                raise BackupError(f"line {number} is not valid JSON ({error}).") from None
            if isinstance(obj, dict) and "model" in obj:
                with_current_labels(obj)
            yield number, obj

    for label, rows_of_model in groupby(parsed(), key=lambda row: row[1]["model"]):
        chunk = []
        for row in rows_of_model:
            chunk.append(row)
            if len(chunk) == CHUNK_SIZE:
                yield label, chunk
                chunk = []
        if chunk:
            yield label, chunk


def insert(model, objects, using):
    """Insert deserialized rows as they were saved, and their many-to-many links in
    their order; return the rows' ids.

    Rows named by natural key (groups) are saved one by one, updating the row of that
    name. The others are inserted in bulk and raw, as `loaddata` saves them: their
    dates are kept as they are (not set by `auto_now`), and no signals are sent.
    """
    instances = [obj.object for obj in objects]
    if model is Group or any(instance.pk is None for instance in instances):
        for instance in instances:
            models.Model.save_base(instance, using=using, raw=True)
    else:
        fields = model._meta.local_concrete_fields
        size = max(connections[using].ops.bulk_batch_size(fields, instances), 1)
        manager = model._base_manager.using(using)
        for start in range(0, len(instances), size):
            manager._insert(instances[start : start + size], fields=fields, raw=True, using=using)
    for field in m2m_fields(model):
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        links = [
            through(**{source: obj.object.pk, target: value})
            for obj in objects
            for value in obj.m2m_data.get(field.name, ())
        ]
        through._base_manager.using(using).bulk_create(links, batch_size=CHUNK_SIZE)
    return [instance.pk for instance in instances]
