"""Writing the reports of a batch: their articles, with the names, related reports
and meetings proposed for editors to confirm, one import at a time.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from simple_history.utils import bulk_create_with_history

from articles.models import Article, Outlet
from core.models import unique_slug, unique_slugs
from editorial.models import Status
from meetings.models import Coverage, Meeting

from .models import MeetingProposal, NameProposal, ProposedParticipant, RelationProposal
from .related import SAME_EVENT_DAYS
from .results import ImportStatus

#: The PostgreSQL advisory lock imports hold, in turn, while they write (any number, the
#: same in every process).
IMPORT_LOCK = 0x4E657773


class Writer:
    """How `Importer` writes a batch (it provides `catalog`, `status` and
    `already_imported`)."""

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
