"""Import scraped reports as draft articles.

For each report `Importer` writes an article with its outlet, the known people and
organizations it names, the names it proposes for editors to confirm, the other reports
it seems related to, and the meeting it describes (`events`): a draft meeting to
confirm, or the stored meeting it seems to cover. A report already imported (same
original address, or the same text) is left as it is.

A report's bytes are read as text in `decoding`, what happened to each report is in
`results`, and a batch is written by `writing`.
"""

import datetime as dt
import itertools
import logging
import multiprocessing
import pickle
import re

from anyascii import anyascii
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext

from articles.models import Article, Outlet
from core.languages import language_name
from editorial.models import Status

from . import workers
from .catalog import Catalog, outlet_key
from .dates import languages_for
from .decoding import HTML_SUFFIXES, ReportError, decode, too_long
from .events import read_meeting
from .extraction import event_date_in, extract, extract_html, fold
from .languages import detect_language
from .models import NameProposal
from .organizations import propose_organizations
from .people import propose_people
from .related import SAME_EVENT_DAYS, Report, facts_in, person_key, proposed_person_key, relation_to
from .results import ImportResult, ImportStatus, Prepared
from .writing import Writer, stored_copy

logger = logging.getLogger(__name__)

#: The most related reports proposed for one report, the best first.
MAX_RELATED = 20
#: The year a day and month without one are placed in while searching related reports:
#: a leap year, so that 29 February exists.
LEAP_YEAR = 2000


class Importer(Writer):
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


def written(batch):
    """The `Report`s of the reports of `batch` this run stored."""
    return [p.report for p in batch if p.result.status == ImportStatus.IMPORTED]


def read_input(read):
    """A report's bytes, from bytes or from a function that reads them."""
    try:
        return read() if callable(read) else read
    except OSError as error:
        return error


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
