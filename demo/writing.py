"""Writing a run's rows to the database, and `generate`, which the command calls."""

import itertools
import random
import re
import time
from dataclasses import dataclass, field

from anyascii import anyascii
from django.db import reset_queries, transaction
from django.db.models import Q
from django.utils.text import slugify

from articles.models import Article, Outlet, Translation
from core import caching, statistics
from editorial.models import Status
from meetings.models import Coverage, Meeting, Participant, SummaryTranslation, Topic
from people.models import Organization, Person, PersonName, Post
from search import documents as search_documents

from .bodies import HUMAN_RIGHTS_COUNCIL
from .outlets import TOPICS
from .places import CITIES, VENUES
from .rendering import Renderer
from .stories import SCHEDULED, Planner
from .texts import ADDRESS, CALL, capitalize, session_names, session_number
from .world import World

#: Articles written per transaction.
CHUNK_SIZE = 2000
BATCH_SIZE = 1000

DEMO_SLUG = re.compile(r"-d(\d+)$")


def demo_slug(text, number):
    """The slug of the `number`th demo article or meeting: its title, then `-d<number>`."""
    base = slugify(anyascii(text))[:80].strip("-") or "item"
    return f"{base}-d{number}"


def highest_demo_number(model):
    """The highest `-d<number>` ending a slug of `model`: numbering continues after it."""
    slugs = model.objects.filter(slug__regex=r"-d[0-9]+$").values_list("slug", flat=True)
    return max((int(DEMO_SLUG.search(slug)[1]) for slug in slugs.iterator(10000)), default=0)


@dataclass
class Created:
    """What a run added, and how long its phases took (seconds)."""

    articles: int = 0
    translations: int = 0
    meetings: int = 0
    participants: int = 0
    summaries: int = 0
    people: int = 0
    posts: int = 0
    organizations: int = 0
    outlets: int = 0
    topics: int = 0
    timings: dict = field(default_factory=lambda: dict.fromkeys(("text", "insert", "search"), 0.0))

    def __str__(self):
        return (
            f"{self.articles} articles ({self.translations} translations), "
            f"{self.meetings} meetings ({self.participants} participants, "
            f"{self.summaries} summary translations), {self.people} people, "
            f"{self.posts} posts, {self.organizations} organizations, {self.outlets} outlets, "
            f"{self.topics} topics"
        )


def get_or_create_by_slug(model, rows, unique_name=False):
    """Insert the rows whose slug (or, with `unique_name`, name) is not taken yet; map
    every row's slug to the primary key of its record, new or existing."""
    taken = Q(slug__in=[row.slug for row in rows])
    if unique_name:
        taken |= Q(name__in=[row.name for row in rows])
    by_slug, by_name = {}, {}
    for pk, slug, name in model.objects.filter(taken).values_list("pk", "slug", "name"):
        by_slug[slug], by_name[name] = pk, pk
    new = [
        row for row in rows if row.slug not in by_slug and not (unique_name and row.name in by_name)
    ]
    model.objects.bulk_create(new, batch_size=BATCH_SIZE)
    pks = {row.slug: row.pk for row in new}
    for row in rows:
        pks.setdefault(row.slug, by_slug.get(row.slug) or by_name.get(row.name))
    return pks, len(new)


class Writer:
    """Writes the world's records once, then the stories a chunk at a time."""

    def __init__(self, world, created):
        self.world = world
        self.created = created
        self.render = Renderer(world)
        self.article_number = highest_demo_number(Article)
        self.meeting_number = highest_demo_number(Meeting)

    def reference(self):
        """Outlets, topics, organizations, people and their posts: reused when present."""
        created = self.created
        self.outlets, created.outlets = get_or_create_by_slug(
            Outlet,
            [
                Outlet(
                    name=o.name,
                    slug=o.slug,
                    homepage=o.homepage,
                    country=o.country,
                    language=o.language,
                )
                for o in self.world.outlets
            ],
            unique_name=True,
        )
        self.topics, created.topics = get_or_create_by_slug(
            Topic, [Topic(name=t.name, slug=t.slug) for t in TOPICS], unique_name=True
        )
        self.organizations = self.write_organizations()
        self.people = self.write_people()
        self.posts = self.write_posts()

    def write_organizations(self):
        """Level by level, so that each parent exists before its parts."""
        pks, level = {}, [spec for spec in self.world.organizations if spec.parent is None]
        while level:
            rows = [
                Organization(
                    name=spec.name,
                    slug=spec.slug,
                    abbreviation=spec.abbreviation,
                    kind=spec.kind,
                    country=spec.country,
                    parent_id=pks.get(spec.parent),
                )
                for spec in level
            ]
            new, count = get_or_create_by_slug(Organization, rows)
            pks |= new
            self.created.organizations += count
            slugs = {spec.slug for spec in level}
            level = [spec for spec in self.world.organizations if spec.parent in slugs]
        return pks

    def write_people(self):
        people = self.world.people
        rows = [
            Person(name=person.names["en"], slug=person.slug, summary=self.world.summary(index))
            for index, person in enumerate(people)
        ]
        pks, self.created.people = get_or_create_by_slug(Person, rows)
        names = [
            PersonName(person_id=row.pk, name=person.names[language], language=language)
            for row, person in zip(rows, people, strict=True)
            if row.pk is not None
            for language in ("az", "ru")
            if person.names[language] != person.names["en"]
        ]
        PersonName.objects.bulk_create(names, batch_size=BATCH_SIZE, ignore_conflicts=True)
        return [pks[person.slug] for person in people]

    def write_posts(self):
        """Each person's posts, reusing a post of the same title in the same organization."""
        existing = {
            (person, organization, title): pk
            for pk, person, organization, title in Post.objects.filter(
                person__in=self.people
            ).values_list("pk", "person", "organization", "title")
        }
        keys, rows = {}, []
        for index, person in enumerate(self.world.people):
            for post_index, post in enumerate(person.posts):
                key = (self.people[index], self.organizations[post.organization], post.title)
                keys[index, post_index] = key
                if key not in existing:
                    row = Post(
                        person_id=key[0],
                        organization_id=key[1],
                        title=post.title,
                        start_date=post.start,
                        end_date=post.end,
                    )
                    existing[key] = row
                    rows.append(row)
        Post.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.created.posts += len(rows)
        return {
            place: existing[key] if isinstance(existing[key], int) else existing[key].pk
            for place, key in keys.items()
        }

    def write(self, stories):
        """Render the stories, then insert them and index them in one transaction."""
        started = time.monotonic()
        batch = Batch()
        for story in stories:
            self.add_story(batch, story)
        rendered = time.monotonic()
        with transaction.atomic():
            batch.insert(self.created)
            inserted = time.monotonic()
            search_documents.index_articles(
                Article.objects.filter(pk__in=[a.pk for a in batch.articles])
            )
            search_documents.index_meetings(
                Meeting.objects.filter(pk__in=[m.pk for m in batch.meetings])
            )
        timings = self.created.timings
        timings["text"] += rendered - started
        timings["insert"] += inserted - rendered
        timings["search"] += time.monotonic() - inserted
        return len(batch.articles)

    def add_story(self, batch, story):
        articles = []
        for report in story.reports:
            original = None
            for version in report.versions:
                article = self.article(story, report.plan, version)
                articles.append(article)
                if original is None:
                    original = article
                else:
                    batch.translations.append((original, article, version.method))
        people = [self.people[role.person] for role in story.roles]
        organizations = self.named_organizations(story)
        for article in articles:
            batch.people += [(article, pk) for pk in people]
            batch.organizations += [(article, pk) for pk in organizations]
        batch.articles += articles
        if story.meeting is not None:
            self.add_meeting(batch, story, articles)

    def article(self, story, plan, version):
        title, body = self.render.report(story, plan, version)
        self.article_number += 1
        slug = demo_slug(title, self.article_number)
        outlet, language = version.outlet, version.language
        return Article(
            title=title,
            slug=slug,
            language=language,
            outlet_id=self.outlets[outlet.slug],
            agency_id=self.outlets[version.agency.slug] if version.agency else None,
            source_url=f"{outlet.homepage}/{language}/news/{slug}" if version.has_url else "",
            published_at=version.published_at,
            dateline=CITIES[story.city].name(language) if version.dateline else "",
            byline=self.byline(version),
            body=body,
            status=Status.PUBLISHED if version.status == SCHEDULED else version.status,
        )

    def byline(self, version):
        if version.byline is None:
            return ""
        return self.world.journalists[version.byline][version.language]

    def named_organizations(self, story):
        """What the reports name: each participant's organization and the one they
        speak for, without repeats."""
        pks = {}
        for role in story.roles:
            person = self.world.people[role.person]
            post = person.posts[role.post]
            for slug in (person.represents, post.organization):
                pks.setdefault(self.organizations[slug])
        return list(pks)

    def add_meeting(self, batch, story, articles):
        plan, world = story.meeting, self.world
        title, summary = self.render.summary(story, plan.language)
        self.meeting_number += 1
        city = CITIES[story.city] if story.kind != CALL else None
        meeting = Meeting(
            title=title,
            slug=demo_slug(title, self.meeting_number),
            date=story.day,
            kind=story.kind,
            venue=self.venue(story),
            city=city.en if city else "",
            country=city.country if city else "",
            organizer_id=self.organizer(story),
            summary=summary,
            language=plan.language,
            status=plan.status,
            published_at=plan.published_at,
        )
        batch.meetings.append(meeting)
        for position, role in enumerate(story.roles, start=1):
            person = world.people[role.person]
            batch.participants.append(
                Participant(
                    meeting=meeting,
                    person_id=self.people[role.person],
                    post_id=self.posts[role.person, role.post],
                    organization_id=self.organizations[person.represents],
                    side=role.side,
                    reported_name=person.names[plan.language],
                    reported_title=capitalize(world.role(role.person, role.post, plan.language)),
                    position=position,
                )
            )
        batch.coverage += [(meeting, article) for article in articles]
        batch.topics += [(meeting, self.topics[TOPICS[index].slug]) for index in story.topics]
        batch.mentioned += [(meeting, self.people[index]) for index in plan.mentioned]
        for language in plan.summaries:
            title, summary = self.render.summary(story, language)
            batch.summaries.append(
                SummaryTranslation(meeting=meeting, language=language, title=title, summary=summary)
            )

    @staticmethod
    def venue(story):
        if story.kind == ADDRESS:
            return capitalize(
                session_names(session_number(story.day))["en"][0].removeprefix("the ")
            )
        return VENUES.get(story.city, "") if story.city != story.state.capital else ""

    def organizer(self, story):
        """The Council for an address; else whoever's city the meeting was in."""
        if story.kind == ADDRESS:
            return self.organizations[HUMAN_RIGHTS_COUNCIL.slug]
        if story.kind == CALL:
            return None
        host, guest = (self.world.people[role.person] for role in story.roles[:2])
        if story.city == story.state.capital:
            return self.organizations[host.posts[story.roles[0].post].organization]
        return self.organizations[guest.represents]


@dataclass
class Batch:
    """The rows of a chunk of stories, waiting to be inserted."""

    articles: list = field(default_factory=list)
    translations: list = field(default_factory=list)
    people: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    coverage: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    mentioned: list = field(default_factory=list)
    summaries: list = field(default_factory=list)

    def insert(self, created):
        """Bulk inserts, parents first; links are made once their ends have keys."""
        bulk_insert(Article, self.articles)
        bulk_insert(
            Translation,
            [
                Translation(source_id=source.pk, translation_id=translation.pk, method=method)
                for source, translation, method in self.translations
            ],
        )
        bulk_insert(
            Article.people.through,
            [Article.people.through(article_id=a.pk, person_id=pk) for a, pk in self.people],
        )
        bulk_insert(
            Article.organizations.through,
            [
                Article.organizations.through(article_id=a.pk, organization_id=pk)
                for a, pk in self.organizations
            ],
        )
        bulk_insert(Meeting, self.meetings)
        for row in itertools.chain(self.participants, self.summaries):
            row.meeting_id = row.meeting.pk
        bulk_insert(Participant, self.participants)
        bulk_insert(SummaryTranslation, self.summaries)
        bulk_insert(
            Coverage, [Coverage(meeting_id=m.pk, article_id=a.pk) for m, a in self.coverage]
        )
        bulk_insert(
            Meeting.topics.through,
            [Meeting.topics.through(meeting_id=m.pk, topic_id=pk) for m, pk in self.topics],
        )
        bulk_insert(
            Meeting.mentioned_people.through,
            [
                Meeting.mentioned_people.through(meeting_id=m.pk, person_id=pk)
                for m, pk in self.mentioned
            ],
        )
        created.articles += len(self.articles)
        created.translations += len(self.translations)
        created.meetings += len(self.meetings)
        created.participants += len(self.participants)
        created.summaries += len(self.summaries)


def bulk_insert(model, rows):
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def generate(articles, seed=1, progress=None):
    """Add `articles` demo articles and everything around them; return what was created.

    `progress`, if given, is called with the number of articles written after each
    chunk. The same seed and number on an empty database give the same data.
    """
    if articles < 0:
        raise ValueError(f"The number of articles cannot be negative ({articles}).")
    created = Created()
    if not articles:
        return created
    rng = random.Random(seed)
    world = World(rng, articles)
    planner = Planner(world, rng)
    stories = planner.skeleton(articles)
    with_meeting = planner.meeting_stories(stories, articles // 5)
    writer = Writer(world, created)
    with transaction.atomic():
        writer.reference()
    chunk, size, started = [], 0, time.monotonic()
    for index, sizes in enumerate(stories):
        chunk.append(planner.story(sizes, index in with_meeting))
        size += sum(sizes)
        if size >= CHUNK_SIZE or index == len(stories) - 1:
            created.timings["text"] += time.monotonic() - started
            written = writer.write(chunk)
            reset_queries()  # with DEBUG on, Django would keep every INSERT in memory
            if progress is not None:
                progress(written)
            chunk, size, started = [], 0, time.monotonic()
    statistics.gather()
    caching.mark_changed()
    return created
