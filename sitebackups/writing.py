"""Writing a backup (see `schema` for what it holds).

A backup is written under temporary names beside its file, flushed to disk, then
renamed: the file named is a whole backup or nothing. A write that fails (a full disk,
a quota) removes what was written and raises a `BackupError` saying why. The database
is read in one snapshot that blocks no one.
"""

import datetime as dt
import errno
import gzip
import hashlib
import json
import os
import shutil
import time
from contextlib import contextmanager
from itertools import batched

import django
from django.contrib.auth.models import Group
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, reset_queries, transaction

from .schema import (
    CHUNK_SIZE,
    FORMAT,
    NATURAL_KEY_APPS,
    VERSION,
    BackupError,
    applied_migrations,
    backed_up_models,
    label_of,
    m2m_fields,
    migration_apps,
)

#: Errors that say the disk has no room left (for this user).
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


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
