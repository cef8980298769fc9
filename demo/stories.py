"""Stories: what happened, who was there, and which outlets reported it in which languages."""

import datetime as dt
from dataclasses import dataclass, field

from articles.models import Translation
from editorial.models import Status

from .bodies import BODY_BY_SLUG
from .outlets import TOPICS, OutletSpec
from .places import State
from .texts import (
    ADDRESS,
    CONSULTATION,
    IN_PERSON,
    KIND_WEIGHTS,
    LANGUAGES,
    LEADS,
    MEETING,
    SENTENCES,
    TITLES,
    VISIT,
)
from .world import FIRST_DAY, LAST_DAY

#: How often an original is in each of `LANGUAGES`.
ORIGINAL_LANGUAGE_WEIGHTS = (70, 8, 12, 10)
#: Scheduled articles are published from this date: in the future whenever the data is made.
SCHEDULED_FROM = dt.datetime(2099, 1, 1, 8, 0, tzinfo=dt.UTC)


@dataclass
class Role:
    """Someone at a meeting: the person, the post they held then, and their side."""

    person: int
    post: int
    side: str


@dataclass
class Plan:
    """What a text says, whatever its language: headline, lead, the sentences of each
    paragraph, and whether it ends with the closing sentence."""

    title: int
    lead: int
    paragraphs: list
    ending: bool


@dataclass
class Version:
    """One article: an original report, or one of its translations."""

    language: str
    outlet: OutletSpec
    status: str
    published_at: dt.datetime
    agency: OutletSpec | None = None
    byline: int | None = None
    dateline: bool = False
    has_url: bool = False
    method: str = ""


@dataclass
class Report:
    """An outlet's report: the original first, then its translations."""

    plan: Plan
    versions: list


@dataclass
class MeetingPlan:
    language: str
    plan: Plan
    status: str
    published_at: dt.datetime | None
    summaries: list
    mentioned: list


@dataclass
class Story:
    """A meeting, the reports of it, and perhaps the desk's summary."""

    kind: str
    day: dt.date
    city: str
    state: State
    roles: list
    topics: list
    reports: list = field(default_factory=list)
    meeting: MeetingPlan | None = None
    #: The genders of A, B and C in the texts' `[A:…|…]`.
    genders: tuple = ("m", "m", "m")


SCHEDULED = "scheduled"
ORIGINAL_STATUSES = (
    (Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.WITHDRAWN, SCHEDULED),
    (88, 4, 3, 3, 2),
)
MEETING_STATUSES = (
    (Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.WITHDRAWN),
    (85, 7, 5, 3),
)


class Planner:
    """Decides every story from the run's random generator, in a fixed order."""

    def __init__(self, world, rng):
        self.world = world
        self.rng = rng
        self.sentences = {
            kind: [i for i, text in enumerate(SENTENCES) if kind in text.kinds]
            for kind in KIND_WEIGHTS
        }

    def skeleton(self, articles):
        """How many articles each report of each story has, `articles` in all: a story
        has one to three reports; a third of the reports have one to three translations."""
        rng, stories, remaining = self.rng, [], articles
        while remaining:
            sizes = []
            for _ in range(rng.choices((1, 2, 3), (75, 20, 5))[0]):
                translations = 0
                if rng.random() < 1 / 3:
                    translations = rng.choices((1, 2, 3), (50, 35, 15))[0]
                size = min(1 + translations, remaining)
                sizes.append(size)
                remaining -= size
                if not remaining:
                    break
            stories.append(sizes)
        return stories

    def meeting_stories(self, stories, count):
        """The stories that get a summary: `count` of them, chosen at random."""
        return set(self.rng.sample(range(len(stories)), min(count, len(stories))))

    def story(self, sizes, with_meeting):
        rng, world = self.rng, self.world
        kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
        day = self.day(kind)
        state = world.states[0]
        abroad = [other for other in world.states[1:] if other.slug in world.by_group]
        if abroad and rng.random() < 0.25:
            state = rng.choice(abroad)
        story = Story(kind, day, "", state, self.roles(kind, day, state), self.topics())
        story.city = self.city(story)
        genders = [world.people[role.person].gender for role in story.roles[:3]]
        story.genders = (*genders, *["m"] * (3 - len(genders)))
        story.reports = [self.report(story, size) for size in sizes]
        if with_meeting:
            story.meeting = self.meeting(story)
        return story

    def day(self, kind):
        rng = self.rng
        if kind == ADDRESS:
            year = rng.randint(FIRST_DAY.year, LAST_DAY.year)
            return dt.date(year, rng.choice((3, 6, 9)), rng.randint(1, 28))
        return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))

    def roles(self, kind, day, state):
        """The host (an official of `state`), the guest (from an international body) and
        anyone else present; an address has only its speaker."""
        rng, world = self.rng, self.world
        side = {MEETING: "host", VISIT: "host", ADDRESS: "guest"}.get(kind, "other")
        guest_side = "guest" if side == "host" else "other"
        host = world.pick(rng, state.slug, day)
        roles = [Role(host, world.people[host].post_on(day), side)]
        if kind == ADDRESS:
            return roles
        guest = world.pick(rng, "bodies", day)
        roles.append(Role(guest, world.people[guest].post_on(day), guest_side))
        if kind not in IN_PERSON:
            return roles
        taken = {host, guest}
        for _ in range(rng.choices((0, 1, 2), (55, 30, 15))[0]):
            if rng.random() < 0.5:
                other, other_side = world.pick(rng, state.slug, day, taken), side
            else:
                body = world.people[guest].represents
                other = world.pick(rng, body, day, taken) or world.pick(rng, "bodies", day, taken)
                other_side = guest_side
            if other is not None:
                taken.add(other)
                roles.append(Role(other, world.people[other].post_on(day), other_side))
        return roles

    def topics(self):
        return self.rng.sample(range(len(TOPICS)), self.rng.choice((2, 2, 3)))

    def city(self, story):
        """Where it happened: the host's capital or the guest's seat."""
        if story.kind == ADDRESS:
            return "geneva"
        seat = BODY_BY_SLUG[self.world.people[story.roles[1].person].represents].seat
        away = {MEETING: 0.35, CONSULTATION: 0.5}.get(story.kind, 0)
        return seat if self.rng.random() < away else story.state.capital

    def plan(self, kind, paragraphs, sentences_each):
        rng = self.rng
        counts = [rng.randint(*sentences_each) for _ in range(paragraphs)]
        pool = self.sentences[kind]
        chosen = rng.sample(pool, min(len(pool), sum(counts)))
        split, start = [], 0
        for count in counts:
            if chosen[start : start + count]:
                split.append(chosen[start : start + count])
            start += count
        return Plan(
            rng.randrange(len(TITLES[kind])),
            rng.randrange(len(LEADS[kind])),
            split,
            rng.random() < 0.7,
        )

    def report(self, story, size):
        rng, world = self.rng, self.world
        paragraphs = 2 if story.kind == ADDRESS else rng.randint(2, 4)
        plan = self.plan(story.kind, paragraphs, (1, 3))
        language = rng.choices(LANGUAGES, ORIGINAL_LANGUAGE_WEIGHTS)[0]
        outlet = world.pick_outlet(rng, language)
        status = rng.choices(*ORIGINAL_STATUSES)[0]
        original = Version(
            language,
            outlet,
            status,
            self.published_at(story.day, status),
            agency=self.agency(outlet),
            byline=rng.randrange(world.journalist_count) if rng.random() < 0.35 else None,
            dateline=rng.random() < 0.6,
            has_url=rng.random() < 0.7,
        )
        translations = [
            self.translation(original, target) for target in self.targets(original, size - 1)
        ]
        return Report(plan, [original, *translations])

    def published_at(self, day, status):
        if status == SCHEDULED:
            return SCHEDULED_FROM + dt.timedelta(minutes=self.rng.randrange(365 * 24 * 60))
        start = dt.datetime.combine(day, dt.time(6), tzinfo=dt.UTC)
        return start + dt.timedelta(minutes=self.rng.randrange(30 * 60))

    def agency(self, outlet):
        if self.rng.random() >= 0.12:
            return None
        agencies = [agency for agency in self.world.agencies if agency != outlet]
        return self.rng.choice(agencies)

    def targets(self, original, count):
        """Languages to translate into: first those the outlet publishes in."""
        own = [lang for lang in original.outlet.languages if lang != original.language]
        others = [lang for lang in LANGUAGES if lang != original.language and lang not in own]
        self.rng.shuffle(own)
        self.rng.shuffle(others)
        return (own + others)[:count]

    def translation(self, original, language):
        rng = self.rng
        if language in original.outlet.languages:
            outlet = original.outlet
            method = (
                Translation.Method.PUBLISHER if rng.random() < 0.9 else Translation.Method.HUMAN
            )
        else:
            outlet = self.world.pick_outlet(rng, language)
            method = rng.choice((Translation.Method.HUMAN, Translation.Method.MACHINE))
        if original.status == Status.PUBLISHED:
            status = rng.choices((Status.PUBLISHED, Status.DRAFT, Status.REVIEW), (92, 5, 3))[0]
        else:
            status = original.status
        delay = dt.timedelta(minutes=rng.randrange(20, 48 * 60))
        return Version(
            language,
            outlet,
            status,
            original.published_at + delay,
            agency=original.agency,
            byline=original.byline if outlet == original.outlet else None,
            dateline=original.dateline,
            has_url=original.has_url,
            method=method,
        )

    def meeting(self, story):
        rng = self.rng
        language = "en" if rng.random() < 0.85 else rng.choice(("fr", "ru", "az"))
        plan = self.plan(story.kind, rng.randint(1, 2), (2, 3))
        status = rng.choices(*MEETING_STATUSES)[0]
        published_at = None
        if status == Status.PUBLISHED:
            published_at = self.published_at(story.day + dt.timedelta(days=1), status)
        summaries = []
        if rng.random() < 0.15:
            summaries.append(rng.choice([lang for lang in LANGUAGES if lang != language]))
        mentioned = []
        if rng.random() < 0.1:
            taken = {role.person for role in story.roles}
            person = self.world.pick(rng, "bodies", story.day, taken)
            mentioned = [] if person is None else [person]
        return MeetingPlan(language, plan, status, published_at, summaries, mentioned)
