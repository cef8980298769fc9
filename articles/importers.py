"""Import scraped reports as draft articles.

For each report `Importer` writes an article with its outlet, the known people and
organizations it names, the names it proposes for editors to confirm, the other reports
it seems related to, and the meeting it describes (`events`): a draft meeting to
confirm, or the stored meeting it seems to cover. A report already imported (same
original address, or the same text) is left as it is.
"""

import codecs
import datetime as dt
import enum
import itertools
import logging
import multiprocessing
import pickle
import re
from dataclasses import dataclass, field

from anyascii import anyascii
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext
from simple_history.utils import bulk_create_with_history

from core.languages import language_name
from core.models import unique_slug, unique_slugs

from . import workers
from .dates import languages_for
from .events import read_meeting
from .extraction import event_date_in, extract, extract_html, fold
from .languages import detect_language
from .matching import (
    SAME_EVENT_DAYS,
    Catalog,
    Report,
    facts_in,
    outlet_key,
    person_key,
    propose_organizations,
    propose_people,
    proposed_person_key,
    relation_to,
)
from .models import (
    Article,
    Coverage,
    Meeting,
    MeetingProposal,
    NameProposal,
    Outlet,
    ProposedParticipant,
    RelationProposal,
    Status,
)

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
#: The longest report text read, in characters: news reports are a few thousand; reading
#: names in millions would hold an admin request for minutes.
MAX_CHARACTERS = 200_000
#: The most related reports proposed for one report, the best first.
MAX_RELATED = 20
HTML_SUFFIXES = (".html", ".htm")
#: The year a day and month without one are placed in while searching related reports:
#: a leap year, so that 29 February exists.
LEAP_YEAR = 2000
#: The PostgreSQL advisory lock imports hold, in turn, while they write (any number, the
#: same in every process).
IMPORT_LOCK = 0x4E657773
REPORT_SUFFIXES = (".txt", *HTML_SUFFIXES)


class ReportError(Exception):
    """A report that cannot be imported; the message says why."""


#: Encodings a scraped report in the desk's languages may come in when it is not UTF-8:
#: Western European, Cyrillic, Turkish and Arabic code pages.
LEGACY_ENCODINGS = [
    "cp1252",
    "cp1251",
    "koi8_r",
    "cp1254",
    "cp1256",
    "iso8859_6",
    "iso8859_5",
    "mac_cyrillic",
]


def storable(text):
    """Whether decoded text can be stored: no NUL, and no lone surrogates, which codecs
    such as unicode_escape make."""
    return "\x00" not in text and not re.search("[\ud800-\udfff]", text)


def too_long(text):
    if len(text) > MAX_CHARACTERS:
        raise ReportError(
            gettext(
                "the report's text is %(length)s characters long, longer than any news "
                "report: the limit is %(max)s"
            )
            % {"length": f"{len(text):,}", "max": f"{MAX_CHARACTERS:,}"}
        )


def decode(data):
    """The text of a file's bytes, with a warning when it was not UTF-8."""
    if len(data) > MAX_BYTES:
        raise ReportError(
            gettext(
                "the file is larger than %(max)d MB (%(size)s bytes): reports over 5 MB are refused"
            )
            % {"max": MAX_BYTES // 1024 // 1024, "size": f"{len(data):,}"}
        )
    if not data.strip():
        raise ReportError(gettext("the file is empty"))
    # UTF-32 first: its little-endian byte order mark begins with UTF-16's.
    for marks, encoding, note in [
        (
            (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
            "utf-32",
            gettext("not UTF-8: read as UTF-32, as its byte order mark says"),
        ),
        (
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
            "utf-16",
            gettext("not UTF-8: read as UTF-16, as its byte order mark says"),
        ),
    ]:
        if data.startswith(marks):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                break
            if not storable(text):
                raise ReportError(gettext("this is a binary file, not a text or HTML report"))
            return text, [note]
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    if b"\x00" in data or controls > len(sample) * 0.05:
        raise ReportError(gettext("this is a binary file, not a text or HTML report"))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""charset\s*=\s*["']?([\w.:-]+)""", data[:4096], re.IGNORECASE)
    if declared:
        charset = declared.group(1).decode("ascii")
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeError):
            text = None
        if text is not None and storable(text):
            return text, [
                gettext("not UTF-8: read as %(encoding)s, as the file declares")
                % {"encoding": charset}
            ]
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.encoding is None:
        raise ReportError(
            gettext("the text could not be decoded: it is not UTF-8 nor any known encoding")
        )
    return str(best), [
        gettext("not UTF-8: read as %(encoding)s, the encoding it appears to use")
        % {"encoding": best.encoding}
    ]


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


class Importer:
    """Imports reports, remembering those of the run for relations and duplicates.

    With `write_only` (a set of paths), the other reports are read for context only: a
    report dated from another one of the batch gets the same date as in a dry run.

    Reading and matching a report needs no database and runs in `jobs` worker
    processes; writing happens in batches, each in one transaction. Should a batch fail,
    it is rolled back and written again report by report, each in its own transaction,
    so a bad report fails alone and nothing is ever half-written.
    """

    batch_size = 100
    #: How many stored reports a run keeps read (see `remember`).
    remembered = 20_000

    def __init__(self, *, dry_run=False, status=Status.DRAFT, outlet=None, write_only=None):
        self.dry_run = dry_run
        self.write_only = write_only
        self.status = status
        self.forced_outlet = outlet
        self.catalog = Catalog()
        self.run = []
        self.reports = {}
        self.fingerprints = set()

    def import_bytes(self, path, data):
        """Import one report; an `ImportResult` says what happened."""
        return next(self.import_many([(path, lambda: data)]))

    def import_many(self, inputs, jobs=1):
        """Import (name, bytes or a function reading them) pairs, yielding an
        `ImportResult` for each, in order.

        With `jobs` > 1 and a large run, worker processes read and match reports ahead
        while this process writes the batches before them.
        """
        inputs = list(inputs)
        items = ((name, read_input(read)) for name, read in inputs)
        pool = None
        if jobs > 1 and len(inputs) > self.batch_size:
            context = multiprocessing.get_context("spawn")
            pool = context.Pool(jobs, initializer=workers.start, initargs=(pickle.dumps(self),))
            prepared = pool.imap(workers.prepare, items, chunksize=8)
        else:
            prepared = (self.prepare(name, data) for name, data in items)
        try:
            for batch in itertools.batched(prepared, self.batch_size):
                yield from self.settle(list(batch))
        finally:
            if pool:
                pool.terminate()
                pool.join()

    def prepare(self, path, data):
        """Read and match one report, without the database."""
        prepared = Prepared(result=ImportResult(path=path))
        result = prepared.result
        try:
            if isinstance(data, OSError):
                raise ReportError(
                    gettext("cannot read it: %(reason)s") % {"reason": data.strerror or data}
                )
            text, warnings = decode(data)
            result.warnings.extend(warnings)
            is_html = path.lower().endswith(HTML_SUFFIXES) or bool(
                re.match(r"\s*(<!doctype html|<html)", text[:500], re.IGNORECASE)
            )
            self.read(text, is_html, prepared)
            result.status = ImportStatus.PENDING
        except ReportError as error:
            result.status, result.error = ImportStatus.FAILED, str(error)
        except Exception as error:  # a report must never stop the run
            logger.exception("Reading %s failed", path)
            result.status = ImportStatus.FAILED
            result.error = gettext("unexpected error while reading it: %(error)s") % {
                "error": f"{error.__class__.__name__}: {error}"
            }
        return prepared

    def read(self, text, is_html, prepared):
        result = prepared.result
        extraction = (extract_html if is_html else extract)(text)
        if not extraction.body:
            raise ReportError(gettext("no report text found"))
        too_long(extraction.body)
        prepared.extraction = extraction
        result.body = extraction.body
        result.title = extraction.title
        result.title_is_provisional = extraction.title_is_provisional
        result.dateline = extraction.dateline
        result.byline = extraction.byline
        result.source_url = extraction.source_url
        detection = detect_language(extraction.body)
        result.language = detection.language or ""
        if detection.uncertain:
            result.warnings.append(
                gettext("the language could not be told for sure%(candidates)s: choose it")
                % {"candidates": guesses(detection.candidates)}
            )
        prepared.outlet, prepared.agency = self.outlets(extraction)
        result.outlet = name_of(prepared.outlet)
        result.agency = name_of(prepared.agency)
        if self.forced_outlet and not result.outlet:
            raise ReportError(gettext("the outlet named has nothing to write: name it again"))
        result.outlet_known = isinstance(prepared.outlet, Outlet) or bool(self.forced_outlet)
        if not result.outlet:
            result.warnings.append(gettext("no outlet recognised in the report: choose it"))
        elif not result.outlet_known:
            result.warnings.append(
                gettext("the outlet “%(outlet)s” is new: confirm it") % {"outlet": result.outlet}
            )
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
        result.meeting = read_meeting(
            extraction.title,
            extraction.body,
            result.people,
            result.organizations,
            language=result.language,
            city=extraction.dateline,
        )
        prepared.report = Report(
            reference=result.path,
            language=result.language,
            date=extraction.published,
            people=frozenset(person_key(found) for found in result.people),
            paragraphs=extraction.paragraphs,
            facts=facts_in(extraction.body),
        )
        extraction.fingerprint  # noqa: B018 - computed here, in the worker

    def settle(self, batch):
        """Decide each prepared report against the database, then write the new ones."""
        ready = [p for p in batch if p.ready]
        existing = self.already_imported([p.extraction for p in ready])
        stored = self.near_in_time([p.report for p in ready])
        pending = []
        for prepared in ready:
            result, extraction = prepared.result, prepared.extraction
            self.date_and_relations(prepared, pending, stored)
            duplicate = stored_copy(existing, extraction)
            if duplicate is not None:
                result.status, result.article = ImportStatus.UNCHANGED, duplicate
                prepared.related = [
                    item for item in prepared.related if item[0].article != duplicate
                ]
            elif extraction.fingerprint in self.fingerprints:
                result.status = ImportStatus.UNCHANGED
                result.warnings.append(gettext("the same text as an earlier report of this run"))
            elif self.dry_run or (
                self.write_only is not None and result.path not in self.write_only
            ):
                result.status = ImportStatus.WOULD_IMPORT
                self.run.append(prepared.report)
            else:
                pending.append(prepared)
            self.fingerprints.add(extraction.fingerprint)
        if pending:
            try:
                with transaction.atomic():
                    self.write_new(pending)
                self.remember(written(pending))
            except Exception:
                logger.warning("A batch failed; writing its reports one by one", exc_info=True)
                self.catalog = Catalog()  # forget the outlets the failed batch created
                for prepared in pending:
                    prepared.report.article = None
                    try:
                        with transaction.atomic():
                            self.write_new([prepared])
                        self.remember(written([prepared]))
                    except Exception as error:
                        logger.exception("Writing %s failed", prepared.result.path)
                        prepared.result.status = ImportStatus.FAILED
                        prepared.result.error = gettext("could not be saved: %(error)s") % {
                            "error": f"{error.__class__.__name__}: {error}"
                        }
        for prepared in batch:
            result = prepared.result
            if result.status == ImportStatus.FAILED:
                result.article = None
            else:
                result.related = [
                    {"article": other.reference, "relation": relation, "score": score}
                    for other, relation, score in prepared.related
                ]
            yield result

    def date_and_relations(self, prepared, pending, stored):
        """Related reports, and the publication date: only what the report pins, or a
        day and month it gives without a year, placed in the year of a related report
        of the same meeting. No date is ever assumed."""
        result, extraction, report = prepared.result, prepared.extraction, prepared.report
        unwritten = [p.report for p in pending]
        partial = extraction.partial_date if report.date is None else None
        if partial:
            month, day = partial
            report.date = dt.date(LEAP_YEAR, month, day)  # any year, for the search
            related = self.related(report, True, unwritten)
            if related:
                best = related[0][0]
                report.date = report.date.replace(year=best.date.year)
                result.warnings.append(
                    gettext("the report gives no year: %(year)s, the year of %(report)s")
                    % {"year": report.date.year, "report": best.reference}
                )
                related = self.related(report, False, unwritten)
                extraction.event_date = event_date_in(
                    extraction.paragraphs,
                    report.date,
                    languages_for(result.language, extraction.body),
                )
            else:
                report.date = None
                related = self.related(report, False, unwritten)
                result.warnings.append(
                    gettext(
                        "the report gives %(day)s with no year, and no related report pins "
                        "it: the publication date is left to find"
                    )
                    % {"day": dt.date(LEAP_YEAR, month, day).strftime("%d/%m")}
                )
        else:
            related = self.related(report, False, unwritten, stored)
        if report.date is None and extraction.published_month and not partial:
            year, month = extraction.published_month
            result.warnings.append(
                gettext(
                    "the report gives only its month, %(month)s: the publication date is left "
                    "to find"
                )
                % {"month": f"{month:02d}/{year}"}
            )
        elif report.date is None and not partial:
            result.warnings.append(gettext("no publication date found: the date is left to find"))
        result.published = report.date
        result.event_date = extraction.event_date
        if result.meeting:
            result.meeting.date = extraction.event_date
        prepared.related = related

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
        agency = None
        for name in extraction.agency_candidates():
            candidate = self.catalog.outlet(name) or name
            if not outlet or not same_outlet(name_of(candidate), name_of(outlet)):
                agency = candidate
                break
        return outlet, agency

    def already_imported(self, extractions):
        """Stored articles with the same text or address, by fingerprint and by address."""
        fingerprints = [e.fingerprint for e in extractions]
        addresses = [e.source_url for e in extractions if e.source_url]
        if not fingerprints:
            return {}
        found = {}
        for article in Article.objects.filter(
            Q(import_fingerprint__in=fingerprints) | Q(source_url__in=addresses)
        ).order_by("pk"):
            found.setdefault(article.import_fingerprint, article)
            if article.source_url:
                found.setdefault(article.source_url, article)
        return found

    def stored_reports(self, people, when=None):
        """Stored articles naming one of `people` (person ids) and matching `when`, newest
        first, as `Report`s for relation-finding.

        One query finds them; the text and names of those not read before in this run
        take three more, and are kept (`remember`), as reading and folding a text costs
        far more than finding it.
        """
        ids = list(
            Article.objects.filter(
                when or Q(),
                Exists(
                    Article.people.through.objects.filter(article=OuterRef("pk"), person__in=people)
                ),
            )
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[:500]
        )
        missing = [pk for pk in ids if pk not in self.reports]
        if missing:
            self.remember(self.read_stored(missing))
        return [self.reports[pk] for pk in ids]

    @staticmethod
    def read_stored(ids):
        """The stored articles `ids` as `Report`s (3 queries)."""
        articles = Article.objects.filter(pk__in=ids).only(
            "slug", "language", "published_at", "body"
        )
        people = {}
        for article_id, person_id in Article.people.through.objects.filter(
            article__in=ids
        ).values_list("article_id", "person_id"):
            people.setdefault(article_id, set()).add(person_id)
        for article_id, name in NameProposal.objects.filter(
            article__in=ids, kind=NameProposal.Kind.PERSON
        ).values_list("article_id", "name"):
            people.setdefault(article_id, set()).add(proposed_person_key(name))
        return [
            Report(
                reference=article.get_absolute_url(),
                language=article.language,
                date=article.published_at.date() if article.published_at else None,
                people=frozenset(people.get(article.pk, ())),
                paragraphs=article.paragraphs,
                article=article,
                facts=facts_in(article.body),
            )
            for article in articles.order_by("pk")
        ]

    def remember(self, reports):
        """Keep the `Report`s of stored articles for the rest of the run (the newest
        `remembered` of them): only ever of committed rows, whose ids are never reused."""
        for report in reports:
            self.reports[report.article.pk] = report
        while len(self.reports) > self.remembered:
            del self.reports[next(iter(self.reports))]

    def near_in_time(self, reports):
        """Stored articles sharing people with any of `reports`, within their windows."""
        reports = [r for r in reports if r.known_people and r.date]
        if not reports:
            return []
        window = dt.timedelta(days=SAME_EVENT_DAYS + 1)
        days = sorted({r.date for r in reports})
        ranges, start, end = [], days[0], days[0]
        for day in days[1:]:
            if day - end > 2 * window:
                ranges.append((start, end))
                start = day
            end = day
        ranges.append((start, end))
        when = Q()
        for first, last in ranges:
            when |= Q(
                published_at__gte=dt.datetime.combine(first - window, dt.time(), tzinfo=dt.UTC),
                published_at__lt=dt.datetime.combine(last + window, dt.time(), tzinfo=dt.UTC),
            )
        people = set().union(*(r.known_people for r in reports))
        return self.stored_reports(people, when)

    def related(self, report, year_inferred, unwritten=(), stored=None):
        """Other reports of the same meeting, stored or earlier in this run, best first.

        `stored` are candidates already fetched for a batch; without them, or for a date
        without a year, the database is asked.
        """
        if not report.people:
            return []
        known = report.known_people
        if year_inferred:
            stored = self.stored_reports(known, Q(published_at__month=report.date.month))
        elif report.date is None:
            stored = self.stored_reports(known) if known else []
        elif stored is None:
            stored = self.near_in_time([report])
        found = []
        for other in [*stored, *self.run, *unwritten]:
            if report.people.isdisjoint(other.people):
                continue
            if other is report or (year_inferred and other.date is None):
                continue
            probe = report
            if year_inferred:
                probe = Report(
                    report.reference,
                    report.language,
                    report.date.replace(year=other.date.year),
                    report.people,
                    report.paragraphs,
                    facts=report.facts,
                )
            relation = relation_to(probe, other)
            if relation:
                found.append((other, *relation))
        found.sort(key=lambda item: (item[1] != "translation", -item[2]))
        return found[:MAX_RELATED]

    def write_new(self, batch):
        """Write the reports of a batch that no other import stored since `settle` looked:
        imports check again and write in turn (`take_turn`), so each is stored once."""
        take_turn()
        existing = self.already_imported([p.extraction for p in batch])
        new = []
        for prepared in batch:
            duplicate = stored_copy(existing, prepared.extraction)
            if duplicate is None:
                new.append(prepared)
            else:
                prepared.result.status, prepared.result.article = ImportStatus.UNCHANGED, duplicate
                prepared.report.article = duplicate
        if new:
            self.write(new)

    def write(self, batch):
        """Save the articles of a batch, with their names, proposals and relations."""
        slugs = unique_slugs([p.result.title or p.result.body[:80] for p in batch], Article)
        articles = []
        for prepared, slug in zip(batch, slugs, strict=True):
            result, extraction = prepared.result, prepared.extraction
            articles.append(
                Article(
                    title=(result.title or result.body[:80])[:300],
                    title_is_provisional=result.title_is_provisional,
                    slug=slug,
                    language=result.language,
                    outlet=self.outlet_record(prepared.outlet) if result.outlet_known else None,
                    agency=prepared.agency if isinstance(prepared.agency, Outlet) else None,
                    source_url=extraction.source_url,
                    published_at=publication_time(prepared.report.date, extraction),
                    dateline=extraction.dateline[:200],
                    byline=extraction.byline[:200],
                    body=extraction.body,
                    status=self.status_of(result),
                    import_fingerprint=extraction.fingerprint,
                )
            )
        bulk_create_with_history(
            articles, Article, default_change_reason="imported", default_date=timezone.now()
        )
        for prepared, article in zip(batch, articles, strict=True):
            prepared.report.article = article
            prepared.report.reference = article.get_absolute_url()
            prepared.result.article = article
            prepared.result.status = ImportStatus.IMPORTED
        people, organizations, names, relations = [], [], [], []
        for prepared, article in zip(batch, articles, strict=True):
            names += self.outlet_proposals(prepared, article)
            for found in prepared.result.people:
                if found.known:
                    people.append(Article.people.through(article=article, person=found.record))
                else:
                    names.append(
                        NameProposal(article=article, kind="person", name=found.name[:300])
                    )
            for found in prepared.result.organizations:
                if found.known:
                    organizations.append(
                        Article.organizations.through(article=article, organization=found.record)
                    )
                else:
                    names.append(
                        NameProposal(article=article, kind="organization", name=found.name[:300])
                    )
            relations += [
                RelationProposal(
                    article=article, candidate=other.article, relation=relation, score=score
                )
                for other, relation, score in prepared.related
                if other.article is not None and other.article.pk != article.pk
            ]
        Article.people.through.objects.bulk_create(people)
        Article.organizations.through.objects.bulk_create(organizations)
        NameProposal.objects.bulk_create(names, ignore_conflicts=True)
        RelationProposal.objects.bulk_create(relations, ignore_conflicts=True)
        self.propose_meetings([p for p in batch if p.result.meeting])

    def propose_meetings(self, batch):
        """For each report describing a meeting: the stored meeting it matches (or that a
        related report covers) as coverage to confirm; else the meeting proposed for a
        related report, which it joins; else a new meeting to confirm."""
        if not batch:
            return
        related = {
            prepared.result.article.pk: [
                other.article.pk for other, _relation, _score in prepared.related if other.article
            ]
            for prepared in batch
        }
        related_ids = set().union(*related.values())
        covered = {}
        for article_id, meeting_id in (
            Coverage.objects.filter(article__in=related_ids)
            .order_by("meeting_id")
            .values_list("article_id", "meeting_id")
        ):
            covered.setdefault(article_id, meeting_id)
        open_proposals = {}
        through = MeetingProposal.reports.through
        for article_id, proposal_id, meeting_id in (
            through.objects.filter(article__in=related_ids)
            .order_by("meetingproposal_id")
            .values_list("article_id", "meetingproposal_id", "meetingproposal__meeting")
        ):
            if meeting_id is None:
                open_proposals.setdefault(article_id, MeetingProposal(pk=proposal_id))
        stored = self.stored_meetings(batch)
        proposals, links = [], []
        for prepared in batch:
            article, reading = prepared.result.article, prepared.result.meeting
            meeting_id = next(
                (covered[pk] for pk in related[article.pk] if pk in covered), None
            ) or matching_meeting(reading, prepared.report.date, stored)
            joined = next(
                (open_proposals[pk] for pk in related[article.pk] if pk in open_proposals), None
            )
            if meeting_id is not None:
                proposal = MeetingProposal(
                    meeting_id=meeting_id,
                    title=reading.title[:300],
                    kind=reading.kind,
                    language=article.language,
                )
                proposals.append((proposal, []))
            elif joined is not None:
                proposal = joined
            else:
                proposal = MeetingProposal(
                    title=reading.title[:300],
                    kind=reading.kind,
                    date=reading.date,
                    city=reading.city[:200],
                    language=article.language,
                )
                proposals.append((proposal, reading.participants))
            open_proposals.setdefault(article.pk, proposal)
            links.append((proposal, article))
        MeetingProposal.objects.bulk_create([proposal for proposal, _people in proposals])
        ProposedParticipant.objects.bulk_create(
            ProposedParticipant(
                proposal=proposal,
                person=participant.person,
                organization=participant.organization,
                side=participant.side,
                reported_name=participant.name[:300],
                reported_title=participant.title[:500],
                position=position,
            )
            for proposal, participants in proposals
            for position, participant in enumerate(unique_names(participants))
        )
        through.objects.bulk_create(
            [through(meetingproposal_id=p.pk, article_id=a.pk) for p, a in links],
            ignore_conflicts=True,
        )

    def stored_meetings(self, batch):
        """Stored meetings near the dates of `batch`'s readings that have one of their
        known participants: (meeting id, date, participant ids)."""
        people = set().union(*(p.result.meeting.known_people for p in batch))
        days = [d for p in batch if (d := p.result.meeting.date or p.report.date)]
        if not people or not days:
            return []
        window = dt.timedelta(days=SAME_EVENT_DAYS)
        found = {}
        for pk, date, person_id in (
            Meeting.objects.filter(
                date__gte=min(days) - window,
                date__lte=max(days) + window,
                participants__person__in=people,
            )
            .order_by("pk")
            .values_list("pk", "date", "participants__person")
        ):
            found.setdefault(pk, (pk, date, set()))[2].add(person_id)
        return list(found.values())

    def status_of(self, result):
        """The status asked for, unless the article lacks what publishing needs."""
        if self.status != Status.PUBLISHED:
            return self.status
        if result.published and result.outlet_known and result.language:
            return self.status
        result.warnings.append(gettext("imported as a draft: it cannot be published yet"))
        return Status.DRAFT

    @staticmethod
    def outlet_proposals(prepared, article):
        """An outlet or agency new to the desk is proposed, for an editor to confirm."""
        proposals = []
        if prepared.result.outlet and article.outlet_id is None:
            proposals.append(
                NameProposal(article=article, kind="outlet", name=prepared.result.outlet[:300])
            )
        if prepared.agency and not isinstance(prepared.agency, Outlet):
            proposals.append(
                NameProposal(article=article, kind="agency", name=prepared.agency[:300])
            )
        return proposals

    def outlet_record(self, outlet):
        """The `Outlet` of that name, created when new."""
        if isinstance(outlet, Outlet):
            return outlet
        record = self.catalog.outlet(outlet) or Outlet.objects.filter(name__iexact=outlet).first()
        if record is None:
            record = Outlet.objects.create(name=outlet[:200], slug=unique_slug(outlet, Outlet))
            self.catalog.add_outlet(record)
        return record


def matching_meeting(reading, published, stored):
    """The id of the stored meeting a reading matches: one of its known participants,
    within days of the meeting's stated day (or the report's publication); the most
    people in common, then the nearest day."""
    day = reading.date or published
    if day is None:
        return None
    best = None
    for pk, date, people in stored:
        shared = len(people & reading.known_people)
        days = abs((date - day).days)
        if shared and days <= SAME_EVENT_DAYS:
            key = (-shared, days, pk)
            best = min(best, key) if best else key
    return best[2] if best else None


def unique_names(participants):
    """Participants with the first of each reported name (names are unique per meeting)."""
    seen = set()
    for participant in participants:
        key = participant.name.casefold()
        if key not in seen:
            seen.add(key)
            yield participant


def written(batch):
    """The `Report`s of the reports of `batch` this run stored."""
    return [p.report for p in batch if p.result.status == ImportStatus.IMPORTED]


def take_turn():
    """Hold the import lock until the transaction ends: of two imports writing the same
    report, the second then finds the first's article. PostgreSQL takes an advisory
    lock; SQLite's transactions take its single write lock as they begin (IMMEDIATE)."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def stored_copy(existing, extraction):
    """The article in `existing` (see `Importer.already_imported`) with the same text or
    address as the report, or None."""
    return existing.get(extraction.fingerprint) or (
        existing.get(extraction.source_url) if extraction.source_url else None
    )


def read_input(read):
    """A report's bytes, from bytes or from a function that reads them."""
    try:
        return read() if callable(read) else read
    except OSError as error:
        return error


def publication_time(date, extraction):
    """When the report was published: its date, at the time and offset it gives (else
    midnight UTC), or None without a date."""
    if date is None:
        return None
    return dt.datetime.combine(
        date,
        extraction.published_time or dt.time(0, 0),
        tzinfo=extraction.published_offset or dt.UTC,
    )


def guesses(languages):
    """ " (Uzbek? Azerbaijani?)": the languages a detection hesitated between."""
    if not languages:
        return ""
    return " (" + " ".join(f"{language_name(code)}?" for code in languages) + ")"


def name_of(outlet):
    return outlet.name if isinstance(outlet, Outlet) else outlet


def same_outlet(name, other):
    """ "Report" and "Report.az" are one outlet; so are "ТАСС" and "TASS"."""
    keys = sorted([outlet_key(name), outlet_key(other)], key=len)
    return bool(keys[0]) and keys[1].startswith(keys[0])
