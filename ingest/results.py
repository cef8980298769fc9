"""What happened to each report of an import: its status and what was read in it
(`import_reports --format json` prints them), and a report read and matched, waiting for
the database.
"""

import datetime as dt
import enum
from dataclasses import dataclass, field

from articles.models import Article

from .related import Report


class ImportStatus(enum.StrEnum):
    """What happened to one input (its `status` in `import_reports --format json`)."""

    PENDING = "pending"  # read, not yet settled against the database
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    WOULD_IMPORT = "would-import"  # a dry run, or read for context only


@dataclass
class ImportResult:
    """What happened to one input, in the shape of `import_reports --format json`."""

    path: str
    status: ImportStatus = ImportStatus.FAILED
    error: str | None = None
    warnings: list = field(default_factory=list)
    title: str | None = None
    title_is_provisional: bool = False
    language: str | None = None
    outlet: str | None = None
    outlet_known: bool = False
    agency: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    byline: str | None = None
    body: str | None = None
    source_url: str | None = None
    people: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    event_date: dt.date | None = None
    related: list = field(default_factory=list)
    meeting: object = None
    article: Article | None = None

    def as_json(self):
        return {
            "path": self.path,
            "status": self.status,
            "error": self.error,
            "warnings": self.warnings,
            "title": self.title,
            "language": self.language,
            "outlet": self.outlet,
            "outlet_to_confirm": bool(self.outlet) and not self.outlet_known,
            "agency": self.agency,
            "published": self.published.isoformat() if self.published else None,
            "dateline": self.dateline,
            "byline": self.byline,
            "body": self.body,
            "source_url": self.source_url or None,
            "people": [found.as_json() for found in self.people],
            "organizations": [found.as_json() for found in self.organizations],
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "related": self.related,
            "meeting": self.meeting.as_json() if self.meeting else None,
            "article": self.article.get_absolute_url() if self.article else None,
        }


@dataclass
class Prepared:
    """A report read and matched, waiting for the database: what `Importer.prepare` makes."""

    result: ImportResult
    extraction: object = None
    outlet: object = None
    agency: object = None
    report: Report = None
    related: list = field(default_factory=list)

    @property
    def ready(self):
        return self.result.status != ImportStatus.FAILED
