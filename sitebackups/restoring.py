"""Reading and restoring a backup (see `schema` for what it holds).

`restore` reads the whole file before it writes anything: a file that is not one,
truncated, corrupt, of another format version or from a schema this code does not
know is refused with a `BackupError`, the database untouched. It then empties the
tables a backup holds and loads the payload in one transaction, so any failure leaves
the database as it was; rows are inserted in bulk as they were saved, without
signals, and the search documents are rebuilt at the end.
"""

import gzip
import hashlib
import json
import zlib
from collections import Counter
from contextlib import contextmanager
from itertools import groupby

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.core.serializers import python
from django.db import DatabaseError, connections, models, reset_queries, transaction
from django.db.migrations.loader import MigrationLoader

from core import caching
from core.moved import STATE_ONLY_MIGRATIONS
from search import documents as search_documents
from search.models import SearchDocument

from .schema import (
    CHUNK_SIZE,
    FORMAT,
    HEADER_LIMIT,
    VERSION,
    BackupError,
    backed_up_models,
    current_label,
    label_of,
    m2m_fields,
    tables,
    with_current_labels,
)

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
            search_documents.rebuild(using=using)
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
