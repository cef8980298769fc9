"""How each outlet told a meeting: its published reports compared, fact by fact.

A report is read for the facts it carries as the importer reads them (`ingest`): the
people and organizations of the database, by their names and other names in any script
or case (`ingest.catalog`), the post written beside a person's name (`ingest.events`),
dates (`ingest.dates`) and figures (`ingest.related`). Facts are compared whatever the
language, by what they stand for: a person's, an organization's or a post's record, a
figure's digits, a day. A translation is set beside its source paragraph by paragraph,
as the importer pairs them (`ingest.related.aligned`).

Only the people and organizations the meeting and its reports are linked to are looked
for (its participants, their posts, the people it mentions, its organizer, and the
names an editor or the importer linked to each report), so reading a meeting's reports
costs the same few queries whatever the size of the archive.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles.models import Outlet
from ingest.catalog import Catalog
from ingest.dates import TIME, find_dates, in_year_of, languages_for
from ingest.events import date_words, post_after, post_before
from ingest.related import aligned, figures
from people.models import Organization, Person, Post

from .models import Participant


class Kind(models.TextChoices):
    """What a fact is, in the order a comparison lists them."""

    PERSON = "person", _("person")
    ORGANIZATION = "organization", _("organization")
    POST = "post", _("post")
    DATE = "date", _("date")
    NUMBER = "number", _("number")


#: The short text that follows each highlighted fact, beside its colour.
CUES = {
    Kind.PERSON: pgettext_lazy("short cue for a person", "P"),
    Kind.ORGANIZATION: pgettext_lazy("short cue for an organization", "O"),
    Kind.POST: pgettext_lazy("short cue for a post", "T"),
    Kind.DATE: pgettext_lazy("short cue for a date", "D"),
    Kind.NUMBER: pgettext_lazy("short cue for a number", "N"),
}
ORDER = list(Kind)
#: Where mentions overlap, which one a highlight shows: a name inside a post's words
#: ("the UN High Commissioner") is marked as the name, the rest as the post.
PRIORITY = [Kind.PERSON, Kind.ORGANIZATION, Kind.DATE, Kind.NUMBER, Kind.POST]


class Status(models.TextChoices):
    """Whether the other reports of the meeting carry a fact too."""

    SHARED = "shared", _("in every report")
    PARTIAL = "partial", _("not in every report")
    ONLY = "only", _("in this report only")


STATUS_CUES = {Status.SHARED: "", Status.PARTIAL: "+", Status.ONLY: "★"}


@dataclass(frozen=True)
class Fact:
    """Something a report states, the same whatever its language: `key` is a record's
    id, a figure's digits or a day."""

    kind: str
    key: object
    label: str
    url: str = ""

    @property
    def cue(self):
        return CUES[self.kind]

    @property
    def kind_label(self):
        return Kind(self.kind).label

    def sort_key(self):
        """Names in alphabetical order, days and figures in theirs."""
        if self.kind == Kind.NUMBER:
            value = self.key.rjust(40, "0")
        elif self.kind == Kind.DATE:
            value = self.key
        else:
            value = self.label.casefold()
        return ORDER.index(self.kind), value


@dataclass(frozen=True)
class Mention:
    """Where a report states a fact: `text[start:end]`."""

    start: int
    end: int
    fact: Fact


@dataclass
class Segment:
    """A piece of a paragraph: plain text, or (part of) a mention of `fact`. The cue
    follows the `last` piece of each mention."""

    text: str
    fact: Fact | None = None
    last: bool = False
    status: str = Status.SHARED

    @property
    def status_cue(self):
        return STATUS_CUES[self.status]

    @property
    def status_label(self):
        return Status(self.status).label


@dataclass
class Reading:
    """One report as read: its paragraphs in segments, the facts it carries, those only
    it carries (`only`) and those it lacks that others carry (`lacks`: (fact, the
    readings carrying it))."""

    article: object
    paragraphs: list
    facts: set
    only: list = field(default_factory=list)
    lacks: list = field(default_factory=list)


@dataclass
class Group:
    """A report and its translations among the meeting's reports, the source first;
    `rows` holds their paragraphs side by side: (reading, paragraph or None) each."""

    versions: list
    rows: list


@dataclass
class Comparison:
    """A meeting's reports as read, by language and outlet: the groups of a report and
    its translations, and the reports standing alone."""

    readings: list
    groups: list
    alone: list

    @property
    def compared(self):
        return len(self.readings) > 1

    @property
    def kinds(self):
        """Each kind of fact with its cue, for the legend."""
        return [(kind, CUES[kind]) for kind in Kind]


def named_in_reports(meeting):
    """The ids of the people and of the organizations linked to the meeting's published
    reports. A change to these links does not reach the meeting (`meetings.fragments`),
    so its comparison is cached under them too."""
    reports = meeting.reports.published().values("pk")
    people = Person.objects.filter(articles__in=reports).order_by("pk").distinct()
    organizations = Organization.objects.filter(articles__in=reports).order_by("pk").distinct()
    return (
        tuple(people.values_list("pk", flat=True)),
        tuple(organizations.values_list("pk", flat=True)),
    )


def compare(meeting, named=None):
    """The comparison of the meeting's published reports, by language and outlet.

    `named`: what `named_in_reports` gives, when already read."""
    people, organizations = named or named_in_reports(meeting)
    reports = list(
        meeting.reports.published()
        .with_original()
        .select_related("outlet")
        .order_by("language", "outlet__name", "published_at", "pk")
    )
    reader = Reader(meeting, people, organizations)
    readings = [reader.read(article) for article in reports]
    weigh(readings)
    groups, alone = {}, []
    for reading in readings:
        article = reading.article
        groups.setdefault(article.original_id or article.pk, []).append(reading)
    versions_of = []
    for versions in groups.values():
        if len(versions) == 1:
            alone.append(versions[0])
        else:
            versions.sort(key=lambda reading: reading.article.original_id is not None)
            versions_of.append(versions)
    return Comparison(
        readings=readings,
        groups=[side_by_side(versions) for versions in versions_of],
        alone=alone,
    )


def side_by_side(versions):
    rows = aligned(*(reading.paragraphs for reading in versions))
    return Group(
        versions=versions,
        rows=[list(zip(versions, row, strict=True)) for row in rows],
    )


class Reader:
    """Reads reports of one meeting for the facts they carry."""

    def __init__(self, meeting, people=(), organizations=()):
        participants = list(
            Participant.objects.filter(meeting=meeting)
            .select_related("post__person", "post__organization")
            .order_by("position", "pk")
        )
        people_ids = {p.person_id for p in participants} | set(people)
        people_ids |= set(meeting.mentioned_people.values_list("pk", flat=True))
        people_ids.discard(None)
        organization_ids = set(organizations) | {meeting.organizer_id}
        for participant in participants:
            organization_ids.add(participant.organization_id)
            if participant.post:
                organization_ids.add(participant.post.organization_id)
        organization_ids.discard(None)
        self.catalog = Catalog(
            people=Person.objects.filter(pk__in=people_ids),
            organizations=Organization.objects.filter(pk__in=organization_ids),
            outlets=Outlet.objects.none(),
        )
        #: The post each participant held, as the desk recorded it.
        self.held = {p.person_id: p.post for p in participants if p.person_id and p.post}
        #: Every post held on the day, for the people the desk gave none.
        self.posts = {}
        for post in (
            Post.objects.filter(person__in=people_ids - set(self.held))
            .held_on(meeting.date)
            .select_related("person", "organization")
        ):
            self.posts.setdefault(post.person_id, []).append(post)

    def read(self, article):
        """The report's paragraphs in segments, with the facts they state."""
        paragraphs = article.paragraphs
        text = "\n\n".join(paragraphs)
        mentions = self.mentions(text, article)
        starts, position = [], 0
        for paragraph in paragraphs:
            starts.append(position)
            position += len(paragraph) + 2
        return Reading(
            article=article,
            paragraphs=[
                segments(text, start, start + len(paragraph), mentions)
                for start, paragraph in zip(starts, paragraphs, strict=True)
            ],
            facts={mention.fact for mention in mentions},
        )

    def mentions(self, text, article):
        """Every mention of a fact in `text`, by where it starts."""
        found = []
        people = self.catalog.people(text)
        organizations = self.catalog.organizations_in(text)
        for kind, names in ((Kind.PERSON, people), (Kind.ORGANIZATION, organizations)):
            for name in names:
                fact = record_fact(kind, name.record)
                found += [Mention(start, end, fact) for start, end in name.spans]
        languages = languages_for(article.language, text)
        published = timezone.localdate(article.published_at) if article.published_at else None
        dates = [
            Mention(mention.start, mention.end, fact)
            for mention in find_dates(text, languages)
            if (fact := date_fact(mention, published))
        ]
        found += dates
        taken = [(mention.start, mention.end) for mention in dates]
        taken += [match.span() for match in TIME.finditer(text)]
        found += [
            Mention(start, end, number_fact(digits))
            for start, end, digits in figures(text)
            if not any(start < stop and begin < end for begin, stop in taken)
        ]
        found += self.posts_in(text, people, organizations, date_words(languages))
        return sorted(found, key=lambda mention: (mention.start, -mention.end))

    def posts_in(self, text, people, organizations, dates):
        """The posts the report writes beside the names of the people holding them
        ("Deputy Foreign Minister Khalaf Khalafov", "Georgette Gagnon, Head of ..."), as
        the importer reads a participant's post."""
        spans = sorted(
            ((start, end, found.record) for found in people for start, end in found.spans),
            key=lambda span: span[:2],
        )
        named = [
            (start, end, found.record.pk) for found in organizations for start, end in found.spans
        ]
        mentions = []
        for index, (start, end, person) in enumerate(spans):
            before = spans[index - 1][1] if index else 0
            after = spans[index + 1][0] if index + 1 < len(spans) else len(text)
            words = post_before(text, before, start, dates)
            where = text.rfind(words, before, start) if words else -1
            if not words:
                words = post_after(text, end, after)
                where = text.find(words, end, after) if words else -1
            if where < 0:
                continue
            stop = where + len(words)
            inside = {pk for first, last, pk in named if where <= first and last <= stop}
            post = self.post_of(person, inside)
            if post is not None:
                label = f"{post.title} ({post.person.name})"
                fact = Fact(Kind.POST, post.pk, label, post.person.get_absolute_url())
                mentions.append(Mention(where, stop, fact))
        return mentions

    def post_of(self, person, organizations):
        """The post the person held at the meeting: the one the desk recorded, else
        their only post that day, else the one in an organization the words name."""
        if person.pk in self.held:
            return self.held[person.pk]
        posts = self.posts.get(person.pk, [])
        if len(posts) > 1:
            posts = [post for post in posts if post.organization_id in organizations]
        return posts[0] if len(posts) == 1 else None


def record_fact(kind, record):
    """A person or an organization of the database, named in a report."""
    return Fact(kind, record.pk, record.name, record.get_absolute_url())


def number_fact(digits):
    return Fact(Kind.NUMBER, digits, number_format(int(digits), force_grouping=True))


def date_fact(mention, published):
    """The day or month a date mention stands for; a day and month without a year are
    placed by the report's publication date (`ingest.dates.in_year_of`)."""
    if mention.day is None:
        if mention.year is None:
            return None
        month = dt.date(mention.year, mention.month, 1)
        return Fact(Kind.DATE, month.isoformat()[:7], date_format(month, "F Y"))
    day = mention.date
    if day is None and mention.year is None and mention.day_and_month and published:
        day = in_year_of(*mention.day_and_month, published)
    if day is None:
        return None
    return Fact(Kind.DATE, day.isoformat(), date_format(day, "j F Y"))


def segments(text, start, end, mentions):
    """`text[start:end]` (a paragraph) as plain and highlighted pieces. Where mentions
    overlap, each character goes to the one first in `PRIORITY`."""
    owner = [None] * (end - start)
    chosen = sorted(
        (m for m in mentions if m.start < end and start < m.end),
        key=lambda m: PRIORITY.index(m.fact.kind),
    )
    for mention in chosen:
        for position in range(max(mention.start, start), min(mention.end, end)):
            if owner[position - start] is None:
                owner[position - start] = mention
    runs = []  # [text, mention] of each run of characters with one owner
    for position, mention in enumerate(owner):
        if runs and runs[-1][1] is mention:
            runs[-1][0] += text[start + position]
        else:
            runs.append([text[start + position], mention])
    pieces = []  # the runs, the spaces around a mention left out of it
    for run, mention in runs:
        core = run.strip()
        if mention is None or not core:
            pieces.append((run, None))
            continue
        before, after = run[: len(run) - len(run.lstrip())], run[len(run.rstrip()) :]
        pieces += [(before, None), (core, mention), (after, None)]
    pieces = [(part, mention) for part, mention in pieces if part]
    last = {id(mention): index for index, (_, mention) in enumerate(pieces) if mention}
    return [
        Segment(piece, mention.fact, last=last[id(mention)] == index) if mention else Segment(piece)
        for index, (piece, mention) in enumerate(pieces)
    ]


def weigh(readings):
    """Mark each fact of each reading by how many of the readings carry it, and list
    for each what only it carries and what it lacks."""
    carriers = {}
    for reading in readings:
        for fact in reading.facts:
            carriers.setdefault(fact, []).append(reading)
    compared = len(readings) > 1
    for reading in readings:
        for paragraph in reading.paragraphs:
            for segment in paragraph:
                if segment.fact is None or not compared:
                    continue
                count = len(carriers[segment.fact])
                if count == 1:
                    segment.status = Status.ONLY
                elif count < len(readings):
                    segment.status = Status.PARTIAL
        if compared:
            reading.only = sorted(
                (fact for fact in reading.facts if len(carriers[fact]) == 1), key=Fact.sort_key
            )
            reading.lacks = [
                (fact, carriers[fact])
                for fact in sorted(carriers, key=Fact.sort_key)
                if fact not in reading.facts
            ]
