"""The whole published archive as one zip file, in versions (`manage.py build_archive`).

A version is `newsroom-open-data-<YYYY-MM-DD>.<n>.zip` in `settings.OPEN_DATA_DIR`, the
n-th built that day. It holds a CSV file of each table of `columns.ARCHIVE_TABLES`,
`popolo.json` (`popolo`), `README.md`, which says what each file and field holds, and
`datapackage.json`, the same for programs (a Frictionless Data Package).

The database is read in one snapshot. The file is written under a temporary name beside
its own, flushed to disk and renamed: a build that fails half-way leaves no file, and
the versions before it as they were. Then only the newest `keep` versions are kept.
Builds take turns (a lock file in the folder), so two never make the same version.
"""

import datetime as dt
import errno
import fcntl
import json
import os
import re
import zipfile
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core import caching
from sitebackups.writing import snapshot

from . import columns, popolo, rows, writers

NAME = re.compile(r"newsroom-open-data-(\d{4}-\d{2}-\d{2})\.([1-9][0-9]*)\.zip")
POPOLO = "popolo.json"
README = "README.md"
DATA_PACKAGE = "datapackage.json"
POPOLO_DESCRIPTION = _(
    "People, organizations, their posts (memberships) and the published meetings "
    "(events) with their attendees, as Popolo JSON."
)
#: Errors that say the disk has no room left (for this user).
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}

#: How each table's rows are read, from the site's address.
TABLE_ROWS = {
    columns.ARTICLES: rows.article_rows,
    columns.TRANSLATIONS: rows.translation_rows,
    columns.MEETINGS: lambda origin: rows.meeting_rows(rows.published_meetings(), origin),
    columns.PARTICIPANTS: lambda origin: rows.participant_rows(rows.published_meetings(), origin),
    columns.COVERAGE: rows.coverage_rows,
    columns.SUMMARY_TRANSLATIONS: rows.summary_translation_rows,
    columns.PEOPLE: rows.person_rows,
    columns.ORGANIZATIONS: rows.organization_rows,
    columns.POSTS: rows.post_rows,
    columns.OUTLETS: rows.outlet_rows,
    columns.OTHER_NAMES: rows.other_name_rows,
}


class ArchiveError(Exception):
    """An archive that could not be written, and why."""


@dataclass(frozen=True)
class Archive:
    """A version of the archive, as found in the folder."""

    path: Path
    day: dt.date
    sequence: int
    size: int
    created: dt.datetime

    @property
    def name(self):
        return self.path.name

    @property
    def version(self):
        return f"{self.day.isoformat()}.{self.sequence}"


def folder():
    return Path(settings.OPEN_DATA_DIR)


def archives():
    """The versions in the folder, newest first."""
    found = []
    try:
        paths = list(folder().iterdir())
    except FileNotFoundError:
        return []
    for path in paths:
        match = NAME.fullmatch(path.name)
        try:
            day = dt.date.fromisoformat(match[1]) if match else None
            stat = path.stat() if day else None
        except (ValueError, FileNotFoundError):
            continue
        if stat is not None:
            created = dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.UTC)
            found.append(Archive(path, day, int(match[2]), stat.st_size, created))
    return sorted(found, key=lambda archive: (archive.day, archive.sequence), reverse=True)


def latest():
    """The newest version, or None before the first build."""
    return next(iter(archives()), None)


def find(name):
    """The version with this file name, or None."""
    return next((archive for archive in archives() if archive.name == name), None)


class Counted:
    """An iterator that counts what went through it."""

    def __init__(self, items):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def write_member(archive, name, chunks, created):
    """A file of the zip, dated when the build began, readable by all once unzipped.

    The rows are closed here even when writing fails: on PostgreSQL an abandoned reader
    holds a server-side cursor, which would otherwise be closed whenever it is collected,
    in whatever transaction is open then."""
    member = zipfile.ZipInfo(name, date_time=created.astimezone(dt.UTC).timetuple()[:6])
    member.compress_type = zipfile.ZIP_DEFLATED
    member.external_attr = 0o644 << 16
    try:
        with archive.open(member, "w", force_zip64=True) as file:
            for chunk in chunks:
                file.write(chunk.encode())
    finally:
        if isinstance(chunks, Generator):
            chunks.close()


def data_package(version, created, origin, counts):
    """The Frictionless Data Package descriptor of a version. Lists are text in CSV, so
    they are described as strings; times may carry fractions of a second."""
    types = {"array": "string"}
    resources = [
        {
            "name": table.name,
            "path": table.filename,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": str(table.description),
            "rows": counts[table.filename],
            "schema": {
                "fields": [
                    {
                        "name": column.name,
                        "type": types.get(column.type, column.type),
                        **({"format": "any"} if column.type == "datetime" else {}),
                        "description": str(column.description),
                    }
                    for column in table.columns
                ]
            },
        }
        for table in columns.ARCHIVE_TABLES
    ]
    resources.append(
        {
            "name": "popolo",
            "path": POPOLO,
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "description": str(POPOLO_DESCRIPTION),
        }
    )
    return {
        "profile": "data-package",
        "name": "newsroom-open-data",
        "title": f"{settings.SITE_NAME} open data",
        "version": version,
        "created": writers.json_value(created),
        "homepage": origin + reverse("open-data"),
        "resources": resources,
    }


def write(path, version, origin):
    """Write the archive's files into a new zip at `path`; return the rows of each."""
    counts = {}
    created = timezone.now()
    with open(path, "wb") as raw:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for table, read in TABLE_ROWS.items():
                counted = Counted(read(origin))
                chunks = writers.csv_chunks(table, counted)
                write_member(archive, table.filename, chunks, created)
                counts[table.filename] = counted.count
            sections = {name: Counted(items) for name, items in popolo.document(origin).items()}
            write_member(archive, POPOLO, writers.json_object_chunks(sections), created)
            with translation.override(settings.LANGUAGE_CODE):
                package = data_package(version, created, origin, counts)
                readme = render_to_string(
                    "exports/README.md",
                    {
                        "version": version,
                        "created": writers.json_value(created),
                        "origin": origin,
                        "open_data_url": package["homepage"],
                        "site_name": settings.SITE_NAME,
                        "tables": [(table, counts[table.filename]) for table in TABLE_ROWS],
                        "popolo": {name: items.count for name, items in sections.items()},
                        "separator": columns.LIST_SEPARATOR,
                    },
                )
            write_member(archive, README, [readme], created)
            write_member(archive, DATA_PACKAGE, [json.dumps(package, indent=2) + "\n"], created)
        raw.flush()
        os.fsync(raw.fileno())
    return counts


@contextmanager
def exclusive(directory):
    """Builds take turns: the second waits for the first's lock to go."""
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build(origin, keep, day=None, using="default"):
    """Build the next version of the archive, keep the newest `keep` versions, and
    return (the new version, its rows by file, the versions removed).

    Raises `ArchiveError` when the file cannot be written, having removed what it wrote.
    """
    directory = folder()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ArchiveError(write_failure(error)) from error
    with exclusive(directory):
        for stale in directory.glob(".*.partial"):
            stale.unlink()  # left by a build that was killed
        day = day or timezone.localdate()
        sequence = 1 + max((a.sequence for a in archives() if a.day == day), default=0)
        version = f"{day.isoformat()}.{sequence}"
        path = directory / f"newsroom-open-data-{version}.zip"
        partial = directory / f".{path.name}.partial"
        try:
            with snapshot(using):
                counts = write(partial, version, origin)
            os.replace(partial, path)
        except OSError as error:
            raise ArchiveError(write_failure(error)) from error
        finally:
            partial.unlink(missing_ok=True)
        removed = archives()[keep:]
        for old in removed:
            old.path.unlink(missing_ok=True)
    # The Open data page and the API name the new version: pages cached before it go.
    caching.mark_changed(fragments=False)
    return find(path.name), counts, removed


def write_failure(error):
    """Why an archive could not be written, and what to do about a full disk."""
    message = f"{error.strerror or error} while writing the archive; no new version was written."
    if error.errno in DISK_FULL:
        message += " Free some space on its disk, or set NEWSROOM_OPEN_DATA_DIR to another disk."
    return message
