"""The Renderer: a story's titles and texts in each language."""

from .bodies import BODY_BY_SLUG
from .outlets import TOPICS
from .places import CITIES
from .texts import (
    ALSO_PRESENT,
    ENDINGS,
    LEADS,
    REPORTS,
    SENTENCES,
    TITLES,
    agree,
    az_ordinal,
    capitalize,
    long_date,
    session_names,
    session_number,
)


class Renderer:
    """Writes a story's texts in any of the four languages."""

    def __init__(self, world):
        self.world = world

    def slots(self, story, language):
        """What the placeholders of the texts stand for, in `language`."""
        world, roles = self.world, story.roles
        country = story.state.forms(language)
        first, second = (TOPICS[index] for index in story.topics[:2])
        session, session_short = session_names(session_number(story.day))[language]
        next_year = story.day.year + 1
        slots = {
            "A": world.people[roles[0].person].names[language],
            "A_role": world.role(roles[0].person, roles[0].post, language),
            "A_country": country.side,
            "A_of": country.of,
            "A_country_in": country.within,
            "topic": getattr(first, language),
            "topic2": getattr(second, language),
            "date": long_date(story.day, language),
            "city_in": CITIES[story.city].name_in(language),
            "session": session,
            "session_short": session_short,
            "next_year": az_ordinal(next_year) if language == "az" else next_year,
        }
        if len(roles) > 1:
            body = BODY_BY_SLUG[world.people[roles[1].person].represents].forms(language)
            slots |= {
                "B": world.people[roles[1].person].names[language],
                "B_role": world.role(roles[1].person, roles[1].post, language),
                "B_side": body.side,
                "B_of": body.of,
                "B_short": body.short,
                "B_short_of": body.short_of,
            }
        return slots

    def title(self, story, plan, language, slots):
        template = getattr(TITLES[story.kind][plan.title], language)
        return capitalize(agree(template, story.genders).format_map(slots))[:300]

    def body(self, story, plan, language, slots):
        """The paragraphs: the lead, the plan's sentences, then who else was there and
        the closing sentence."""

        def sentence(text, genders=story.genders, values=slots):
            return capitalize(agree(getattr(text, language), genders).format_map(values))

        paragraphs = [sentence(LEADS[story.kind][plan.lead])]
        paragraphs += [" ".join(sentence(SENTENCES[i]) for i in part) for part in plan.paragraphs]
        closing = []
        if story.kind in ALSO_PRESENT.kinds:
            for role in story.roles[2:]:
                person = self.world.people[role.person]
                values = slots | {
                    "C": person.names[language],
                    "C_role": self.world.role(role.person, role.post, language),
                }
                closing.append(sentence(ALSO_PRESENT, (*story.genders[:2], person.gender), values))
        if plan.ending:
            closing.append(sentence(ENDINGS[story.kind]))
        if closing:
            paragraphs.append(" ".join(closing))
        return "\n\n".join(paragraphs)

    def report(self, story, plan, version):
        """(title, body) of an article."""
        slots = self.slots(story, version.language)
        slots["reports"] = REPORTS[version.language].format(outlet=version.outlet.name)
        return (
            self.title(story, plan, version.language, slots),
            self.body(story, plan, version.language, slots),
        )

    def summary(self, story, language):
        """(title, summary) of the desk's account: no outlet named."""
        slots = self.slots(story, language) | {"reports": ""}
        plan = story.meeting.plan
        return self.title(story, plan, language, slots), self.body(story, plan, language, slots)
