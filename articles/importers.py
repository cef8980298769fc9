"""Import scraped reports as draft articles.

`Importer.import_bytes()` takes one file's bytes and, in one transaction, writes an
article with its outlet, the known people and organizations it names, the names it
proposes for editors to confirm, and the other reports it seems related to. A report
already imported (same original address, or the same text) is left as it is.
"""

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from functools import cache

from anyascii import anyascii
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .extraction import extract, extract_html, fold
from .matching import (
    SAME_EVENT_DAYS,
    Catalog,
    Report,
    outlet_key,
    propose_organizations,
    propose_people,
    relation_to,
)
from .models import (
    LANGUAGES,
    Article,
    NameProposal,
    Outlet,
    RelationProposal,
    Status,
)

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm")
REPORT_SUFFIXES = (".txt", *HTML_SUFFIXES)


class ReportError(Exception):
    """A report that cannot be imported; the message says why."""


@cache
def language_detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code, _ in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text):
    """The ISO 639-1 code of the text's language, detected offline, or None."""
    language = language_detector().detect_language_of(text[:3000])
    return language.iso_code_639_1.name.lower() if language else None


def decode(data):
    """The text of a file's bytes, with a warning when it was not UTF-8."""
    if len(data) > MAX_BYTES:
        raise ReportError(
            f"the file is {len(data) / 1024 / 1024:.1f} MB; reports over "
            f"{MAX_BYTES // 1024 // 1024} MB are refused"
        )
    if not data.strip():
        raise ReportError("the file is empty")
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise ReportError("this is a binary file, not a text or HTML report")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""charset\s*=\s*["']?([\w.:-]+)""", data[:4096], re.IGNORECASE)
    if declared:
        charset = declared.group(1).decode("ascii")
        try:
            return data.decode(charset), [f"not UTF-8: read as {charset}, as the file declares"]
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReportError("the text could not be decoded: it is not UTF-8 nor any known encoding")
    return str(best), [f"not UTF-8: read as {best.encoding}, the encoding it appears to use"]


@dataclass
class ImportResult:
    """What happened to one input, in the shape of `import_reports --format json`."""

    path: str
    status: str = "failed"
    error: str | None = None
    warnings: list = field(default_factory=list)
    title: str | None = None
    title_is_provisional: bool = False
    language: str | None = None
    outlet: str | None = None
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
            "article": self.article.get_absolute_url() if self.article else None,
        }


class Importer:
    """Imports reports one by one, remembering those of the run for relations."""

    def __init__(self, *, dry_run=False, status=Status.DRAFT, outlet=None, today=None):
        self.dry_run = dry_run
        self.status = status
        self.forced_outlet = outlet
        self.today = today or timezone.localdate()
        self.catalog = Catalog()
        self.run = []

    def import_bytes(self, path, data):
        result = ImportResult(path=path)
        try:
            text, warnings = decode(data)
            result.warnings.extend(warnings)
            is_html = path.lower().endswith(HTML_SUFFIXES) or bool(
                re.match(r"\s*(<!doctype html|<html)", text[:500], re.IGNORECASE)
            )
            with transaction.atomic():
                self.read(text, is_html, result)
        except ReportError as error:
            result.status, result.error, result.article = "failed", str(error), None
        except Exception as error:  # a report must never stop the run
            logger.exception("Importing %s failed", path)
            result.status, result.article = "failed", None
            result.error = f"unexpected error while importing: {error.__class__.__name__}: {error}"
        return result

    def read(self, text, is_html, result):
        extraction = (extract_html if is_html else extract)(text, reference_date=self.today)
        if not extraction.body:
            raise ReportError("no report text found")
        result.body = extraction.body
        result.title = extraction.title
        result.title_is_provisional = extraction.title_is_provisional
        result.dateline = extraction.dateline
        result.byline = extraction.byline
        result.source_url = extraction.source_url
        result.language = detect_language(extraction.body)
        if result.language is None:
            raise ReportError("the language of the report could not be recognised")

        outlet, agency = self.outlets(extraction)
        result.outlet = outlet.name if isinstance(outlet, Outlet) else outlet
        result.agency = agency.name if isinstance(agency, Outlet) else agency
        if result.outlet is None:
            raise ReportError("no outlet recognised in the report: name it with --outlet")

        people = self.catalog.people(extraction.body)
        organizations = self.catalog.organizations_in(extraction.body)
        known_spans = [span for found in people + organizations for span in found.spans]
        excluded = {fold(name) for name in self.catalog.outlets} | {
            fold(found.name) for found in people + organizations
        }
        result.people = people + propose_people(extraction.body, known_spans, excluded)
        result.organizations = organizations + propose_organizations(
            extraction.body, known_spans, excluded
        )

        existing = self.already_imported(extraction)
        report = Report(
            reference=result.path,
            language=result.language,
            date=extraction.published,
            people=frozenset(found.record.pk for found in people),
            paragraphs=extraction.paragraphs,
        )
        related = self.related(report, extraction.year_inferred)
        if extraction.year_inferred and related:
            best = related[0][0]
            report.date = extraction.published.replace(year=best.date.year)
            result.warnings.append(
                f"the dateline gives no year: {report.date.year}, the year of {best.reference}"
            )
            related = self.related(report, year_inferred=False)
        elif extraction.year_inferred:
            result.warnings.append(f"the dateline gives no year: {report.date.year} assumed")
        if report.date is None:
            result.warnings.append("no publication date found: set to the import date")
        result.published = report.date
        result.event_date = extraction.event_date
        if result.event_date and extraction.year_inferred and report.date:
            result.event_date = result.event_date.replace(year=report.date.year)
        result.related = [
            {"article": other.reference, "relation": relation, "score": score}
            for other, relation, score in related
        ]

        if existing is not None:
            result.status, result.article = "unchanged", existing
            return
        if self.dry_run:
            result.status = "would-import"
            self.run.append(report)
            return
        article = self.write(extraction, result, outlet, agency, report, related)
        report.reference = article.get_absolute_url()
        report.article = article
        result.article = article
        result.related = [
            {"article": other.reference, "relation": relation, "score": score}
            for other, relation, score in related
        ]
        result.status = "imported"

    def outlets(self, extraction):
        """The publishing outlet and the source agency: `Outlet`s when known, else names."""
        if self.forced_outlet:
            outlet = self.catalog.outlet(self.forced_outlet) or self.forced_outlet
        else:
            names = extraction.outlet_candidates()
            outlet = next((self.catalog.outlet(n) for n in names if self.catalog.outlet(n)), None)
            outlet = outlet or next(iter(names), None)
        if isinstance(outlet, str) and not re.search(r"[A-Za-z]", outlet):
            outlet = anyascii(outlet)
        outlet_name = outlet.name if isinstance(outlet, Outlet) else outlet
        agency = None
        for name in extraction.agency_candidates():
            candidate = self.catalog.outlet(name) or name
            candidate_name = candidate.name if isinstance(candidate, Outlet) else candidate
            if outlet_name and not same_outlet(candidate_name, outlet_name):
                agency = candidate
                break
        return outlet, agency

    def already_imported(self, extraction):
        if extraction.source_url:
            article = Article.objects.filter(source_url=extraction.source_url).first()
            if article:
                return article
        return Article.objects.filter(import_fingerprint=extraction.fingerprint).first()

    def related(self, report, year_inferred):
        """Other reports of the same meeting, stored or earlier in this run, best first."""
        if not report.people or report.date is None:
            return []
        candidates = Article.objects.filter(people__in=report.people).distinct()
        if year_inferred:
            candidates = candidates.filter(published_at__month=report.date.month)
        else:
            window = dt.timedelta(days=SAME_EVENT_DAYS + 1)
            candidates = candidates.filter(
                published_at__date__range=(report.date - window, report.date + window)
            )
        others = [
            Report(
                reference=article.get_absolute_url(),
                language=article.language,
                date=article.published_at.date(),
                people=frozenset(person.pk for person in article.people.all()),
                paragraphs=article.paragraphs,
                article=article,
            )
            for article in candidates.prefetch_related("people").order_by("-published_at")[:50]
        ]
        others += [other for other in self.run if other.article is None]
        found = []
        for other in others:
            probe = report
            if year_inferred:
                probe = Report(
                    report.reference,
                    report.language,
                    report.date.replace(year=other.date.year),
                    report.people,
                    report.paragraphs,
                )
            relation = relation_to(probe, other)
            if relation:
                found.append((other, *relation))
        found.sort(key=lambda item: (item[1] != "translation", -item[2]))
        return found

    def write(self, extraction, result, outlet, agency, report, related):
        outlet = self.outlet_record(outlet)
        agency = self.outlet_record(agency) if agency else None
        published_at = dt.datetime.combine(
            report.date or self.today,
            extraction.published_time or dt.time(0, 0),
            tzinfo=extraction.published_offset or dt.UTC,
        )
        title = result.title or result.body[:80]
        article = Article.objects.create(
            title=title[:300],
            title_is_provisional=result.title_is_provisional,
            slug=unique_slug(title),
            language=result.language,
            outlet=outlet,
            agency=agency,
            source_url=extraction.source_url,
            published_at=published_at,
            dateline=extraction.dateline[:200],
            byline=extraction.byline[:200],
            body=extraction.body,
            status=self.status,
            import_fingerprint=extraction.fingerprint,
        )
        article.people.set([found.record for found in result.people if found.known])
        article.organizations.set([found.record for found in result.organizations if found.known])
        NameProposal.objects.bulk_create(
            [
                NameProposal(article=article, kind=kind, name=found.name[:300])
                for kind, names in (
                    (NameProposal.Kind.PERSON, result.people),
                    (NameProposal.Kind.ORGANIZATION, result.organizations),
                )
                for found in names
                if not found.known
            ],
            ignore_conflicts=True,
        )
        RelationProposal.objects.bulk_create(
            [
                RelationProposal(
                    article=article, candidate=other.article, relation=relation, score=score
                )
                for other, relation, score in related
                if other.article is not None
            ],
            ignore_conflicts=True,
        )
        self.run.append(report)
        return article

    def outlet_record(self, outlet):
        if isinstance(outlet, Outlet):
            return outlet
        record = Outlet.objects.filter(name__iexact=outlet).first()
        if record is None:
            record = Outlet.objects.create(name=outlet[:200], slug=unique_slug(outlet, Outlet))
        self.catalog.add_outlet(record)
        return record


def same_outlet(name, other):
    """ "Report" and "Report.az" are one outlet; so are "ТАСС" and "TASS"."""
    keys = sorted([outlet_key(name), outlet_key(other)], key=len)
    return bool(keys[0]) and keys[1].startswith(keys[0])


def unique_slug(text, model=Article, max_length=80):
    base = slugify(anyascii(text))[:max_length].strip("-") or model._meta.model_name
    slug, counter = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base[: max_length - 6]}-{counter}"
        counter += 1
    return slug
