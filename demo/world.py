"""The world of a run: outlets, organizations, fictional people and their careers."""

import datetime as dt
import itertools
from dataclasses import dataclass, field

from anyascii import anyascii
from django.utils.text import slugify

from people.models import Organization

from .bodies import BODIES, BODY_BY_SLUG, FIRST_RUNG_WEIGHTS, LADDERS, TERM_DAYS, Body
from .names import (
    AZ_FIRST_NAMES,
    AZ_SURNAMES,
    INTERNATIONAL_FIRST_NAMES,
    INTERNATIONAL_SURNAMES,
    azerbaijani_name,
    international_name,
)
from .outlets import ARTICLES_PER_EXTRA_OUTLET, OUTLET_WORDS, OUTLETS, OutletSpec
from .places import STATES, State
from .texts import LANGUAGES, agree, capitalize

FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
#: Posts start from this date, so that people are in post during the archive's years.
POSTS_FROM = dt.date(2008, 1, 1)

K = Organization.Kind


@dataclass(frozen=True)
class OrganizationSpec:
    slug: str
    name: str
    kind: str
    country: str = ""
    parent: str | None = None
    abbreviation: str = ""


@dataclass
class DemoPost:
    """A post someone holds: on a rung of its organization's ladder, for a period."""

    organization: str
    ladder: str
    rung: int
    start: dt.date
    end: dt.date | None
    #: The state or body that names the post in texts ("… of Azerbaijan").
    named_after: State | Body

    @property
    def title(self):
        return LADDERS[self.ladder][self.rung].title

    def covers(self, day):
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class DemoPerson:
    """A fictional person: names in each language, gender, and posts, oldest first."""

    slug: str
    names: dict
    gender: str
    #: The organization they speak for: their state, or their international body.
    represents: str
    posts: list = field(default_factory=list)

    def post_on(self, day):
        """The index of the post held on `day`, or of the nearest one before or after."""
        for index, post in enumerate(self.posts):
            if post.covers(day):
                return index
        started = [index for index, post in enumerate(self.posts) if post.start <= day]
        return started[-1] if started else 0

    def active_in(self, year):
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return any(p.start <= last and (p.end is None or p.end >= first) for p in self.posts)


def state_organizations(state):
    """The state, its government, foreign ministry, and ombudsman institution if any."""
    formal = state.formal.removeprefix("the ")
    government = f"{state.slug}-government"
    specs = [
        OrganizationSpec(state.slug, formal, K.STATE, state.code),
        OrganizationSpec(
            government, f"Government of {state.formal}", K.GOVERNMENT, state.code, state.slug
        ),
        OrganizationSpec(
            f"{state.slug}-foreign-ministry",
            f"Ministry of Foreign Affairs of {state.formal}",
            K.MINISTRY,
            state.code,
            government,
        ),
    ]
    if state.code == "AZ":
        specs.append(
            OrganizationSpec(
                f"{state.slug}-justice-ministry",
                f"Ministry of Justice of {state.formal}",
                K.MINISTRY,
                state.code,
                government,
            )
        )
    if state.ombudsman:
        specs.append(
            OrganizationSpec(
                f"{state.slug}-ombudsman", state.ombudsman, K.OMBUDSMAN, state.code, state.slug
            )
        )
    return specs


class World:
    """Who and what the stories are about: made once per run from the seed."""

    journalist_count = 24

    def __init__(self, rng, articles):
        self.states = STATES[: min(len(STATES), 4 + articles // 1500)]
        self.outlets = OUTLETS + self.extra_outlets(rng, articles // ARTICLES_PER_EXTRA_OUTLET)
        self.organizations = [
            spec for state in self.states for spec in state_organizations(state)
        ] + [
            OrganizationSpec(b.slug, b.name, b.kind, parent=b.parent, abbreviation=b.abbreviation)
            for b in BODIES
        ]
        self.people, self.journalists = self.make_people(rng, min(900, 30 + articles // 200))
        self.by_group = self.group_people()
        self.roles = {}
        self.outlet_choices = {
            language: (
                [o for o in self.outlets if language in o.languages],
                list(
                    itertools.accumulate(o.weight for o in self.outlets if language in o.languages)
                ),
            )
            for language in LANGUAGES
        }
        self.agencies = [outlet for outlet in self.outlets if outlet.agency]

    @staticmethod
    def extra_outlets(rng, count):
        names = [" ".join(words) for words in itertools.product(*OUTLET_WORDS)]
        outlets = []
        for name in rng.sample(names, min(count, len(names))):
            slug = slugify(name)
            language = rng.choice(("en", "ru", "az"))
            homepage = f"https://{slug}.example"
            outlets.append(OutletSpec(name, slug, homepage, "AZ", language, (language,), 2))
        return outlets

    def make_people(self, rng, count):
        """Fictional officials of the states, staff of the international bodies, and the
        journalists who sign reports, each with a name unique in the run."""
        azerbaijani = [
            azerbaijani_name(*pair)
            for pair in sample_pairs(
                rng, AZ_FIRST_NAMES, AZ_SURNAMES, count + self.journalist_count
            )
        ]
        international = [
            international_name(*pair)
            for pair in sample_pairs(rng, INTERNATIONAL_FIRST_NAMES, INTERNATIONAL_SURNAMES, count)
        ]
        officials_here = round(count * 0.4)
        officials_abroad = round(count * 0.15)
        journalists = [names for names, _ in azerbaijani[officials_here:][: self.journalist_count]]
        people = [
            self.official(rng, self.states[0], *azerbaijani[i]) for i in range(officials_here)
        ]
        people += [
            self.official(rng, rng.choice(self.states[1:]), *international[i])
            for i in range(officials_abroad)
        ]
        staff = [body for body in BODIES if body.ladder]
        weights = [body.weight for body in staff]
        people += [
            self.staff(rng, rng.choices(staff, weights)[0], *international[i])
            for i in range(officials_abroad, count - officials_here)
        ]
        self.appoint(rng, people)
        return people, journalists

    def official(self, rng, state, names, gender):
        if state.code == "AZ":
            ladders, weights = ("foreign-ministry", "justice-ministry", "ombudsman"), (55, 15, 30)
        else:
            ladders, weights = ("foreign-ministry", "ombudsman"), (75, 25 if state.ombudsman else 0)
        ladder = rng.choices(ladders, weights)[0]
        person = DemoPerson(slugify(anyascii(names["en"])), names, gender, state.slug)
        person.posts = career(rng, f"{state.slug}-{ladder}", ladder, state)
        return person

    def staff(self, rng, body, names, gender):
        person = DemoPerson(slugify(anyascii(names["en"])), names, gender, body.slug)
        person.posts = career(rng, body.slug, body.ladder, body)
        return person

    @staticmethod
    def appoint(rng, people):
        """Give each post held by one person at a time its successive holders, from
        among the people of its organization, from 2008 on; each leaves their post the
        day before their term starts."""
        staff = {}
        for person in people:
            staff.setdefault(person.posts[0].organization, []).append(person)
        for members in staff.values():
            for rung, spec in enumerate(LADDERS[members[0].posts[0].ladder]):
                if spec.sole:
                    appoint_terms(rng, members, rung)

    def group_people(self):
        """People by what they represent, and all staff of international bodies together
        ("bodies"), each by the years they were in post: {group: {year: [index]}}."""
        groups = {}
        for index, person in enumerate(self.people):
            keys = [person.represents]
            if person.represents in BODY_BY_SLUG:
                keys.append("bodies")
            for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
                if person.active_in(year):
                    for key in keys:
                        groups.setdefault(key, {}).setdefault(year, []).append(index)
            for key in keys:
                groups.setdefault(key, {}).setdefault("any", []).append(index)
        return groups

    def pick(self, rng, group, day, exclude=()):
        """Someone of `group` in post on `day` (else anyone of the group), not in
        `exclude`; None when there is nobody."""
        years = self.by_group.get(group, {})
        for candidates in (years.get(day.year, ()), years.get("any", ())):
            for _ in range(8):
                if not candidates:
                    break
                index = rng.choice(candidates)
                if index not in exclude:
                    return index
            others = [index for index in candidates if index not in exclude]
            if others:
                return rng.choice(others)
        return None

    def pick_outlet(self, rng, language):
        outlets, cumulative = self.outlet_choices[language]
        return rng.choices(outlets, cum_weights=cumulative)[0]

    def role(self, person_index, post_index, language):
        """How a text in `language` names someone's post: "Member of the UN Committee
        against Torture", "член Комитета ООН против пыток"."""
        key = (person_index, post_index, language)
        if key not in self.roles:
            person = self.people[person_index]
            post = person.posts[post_index]
            template = getattr(LADDERS[post.ladder][post.rung], language)
            of = post.named_after.forms(language).of
            self.roles[key] = agree(template, (person.gender,)).format(of=of)
        return self.roles[key]

    def summary(self, person_index):
        """A person's one-line description, from their posts."""
        person = self.people[person_index]
        parts = []
        for post_index, post in reversed(list(enumerate(person.posts))):
            role = self.role(person_index, post_index, "en")
            if post.end is None:
                parts.append(f"{role} since {post.start.year}")
            else:
                parts.append(f"{role} from {post.start.year} to {post.end.year}")
        return capitalize("; before that, ".join(parts)) + "."


def appoint_terms(rng, members, rung):
    """Terms of three to seven years in the post on `rung`, each for someone already in
    the organization, until there is nobody left or the archive ends."""
    first = members[0].posts[0]
    day = POSTS_FROM + dt.timedelta(days=rng.randrange(2 * 365))
    candidates = list(members)
    while day <= LAST_DAY:
        if not candidates:
            return
        eligible = [member for member in candidates if member.posts[-1].start < day]
        if not eligible:
            day = min(member.posts[-1].start for member in candidates) + dt.timedelta(days=1)
            continue
        holder = rng.choice(eligible)
        candidates.remove(holder)
        last = holder.posts[-1]
        if last.end is None or last.end >= day:
            last.end = day - dt.timedelta(days=1)
        end = day + dt.timedelta(days=rng.randrange(*TERM_DAYS))
        holder.posts.append(
            DemoPost(
                first.organization,
                first.ladder,
                rung,
                day,
                end if end < LAST_DAY else None,
                first.named_after,
            )
        )
        day = end + dt.timedelta(days=1)


def sample_pairs(rng, firsts, lasts, count):
    """`count` different (first name, surname) pairs."""
    count = min(count, len(firsts) * len(lasts))
    pairs = rng.sample(range(len(firsts) * len(lasts)), count)
    return [(firsts[n // len(lasts)], lasts[n % len(lasts)]) for n in pairs]


def career(rng, organization, ladder, named_after):
    """One post, or two when promoted: the second a rung up, from the day the first ends.
    Posts held by one person at a time are left to `World.appoint`."""
    rungs = sum(not rung.sole for rung in LADDERS[ladder])
    rung = rng.choices(range(rungs), FIRST_RUNG_WEIGHTS[:rungs])[0]
    start = POSTS_FROM + dt.timedelta(days=rng.randrange((dt.date(2020, 12, 31) - POSTS_FROM).days))
    if rung + 1 < rungs and rng.random() < 0.4:
        end = start + dt.timedelta(days=rng.randrange(730, 2190))
        if end < dt.date(2025, 1, 1):
            return [
                DemoPost(organization, ladder, rung, start, end, named_after),
                DemoPost(
                    organization, ladder, rung + 1, end + dt.timedelta(days=1), None, named_after
                ),
            ]
    end = None
    if rng.random() < 0.25:
        end = start + dt.timedelta(days=rng.randrange(1095, 3650))
        end = end if end <= LAST_DAY else None
    return [DemoPost(organization, ladder, rung, start, end, named_after)]
