"""Related reports: other reports of the same meeting, or translations of one another,
told by the people they name, their dates, their figures and how their paragraphs
follow each other.
"""

import re
import statistics
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

from .extraction import fold
from .tokens import tokenize


def person_key(found):
    """What makes two finds one person across reports and languages: a known person's
    record, else the key of the proposed name's surname ("Мердан Гурбанов", "Merdan
    Gurbanow" and "M.Gurbanov" share one)."""
    if found.record is not None:
        return found.record.pk
    return proposed_person_key(found.name)


def proposed_person_key(name):
    """The key of a name no known person has: its surname's skeleton."""
    words = tokenize(name)
    return ("proposed", words[-1].skeleton) if words else ("proposed", fold(name))


@lru_cache(maxsize=16384)
def anchors(paragraph):
    """What survives translation in a paragraph: numbers and the skeletons of names."""
    numbers = set(re.findall(r"\d+(?:[.,]\d+)?", paragraph))
    names = {t.skeleton for t in tokenize(paragraph) if t.capitalised and len(t.skeleton) >= 3}
    return numbers | names


def aligned(*texts):
    """The paragraphs of a text and of its translations side by side, as a translation
    keeps them: the first beside the first, and so on. Each row holds one paragraph of
    each text, or None where a text has fewer paragraphs than the longest."""
    return list(zip_longest(*texts))


def translation_score(paragraphs_a, paragraphs_b):
    """How closely two texts follow each other paragraph by paragraph, from 0 to 1.

    A translation keeps the paragraphs, their relative lengths, and the names and
    numbers in each; a report written independently about the same meeting does not.
    """
    if not paragraphs_a or not paragraphs_b:
        return 0.0
    count = min(len(paragraphs_a), len(paragraphs_b)) / max(len(paragraphs_a), len(paragraphs_b))
    pairs = [(a, b) for a, b in aligned(paragraphs_a, paragraphs_b) if None not in (a, b)]
    lengths_a = [len(a) for a, _ in pairs]
    lengths_b = [len(b) for _, b in pairs]
    total_a, total_b = sum(len(p) for p in paragraphs_a), sum(len(p) for p in paragraphs_b)
    shape = (
        1
        - sum(abs(a / total_a - b / total_b) for a, b in zip(lengths_a, lengths_b, strict=True)) / 2
    )
    try:
        correlation = max(statistics.correlation(lengths_a, lengths_b), 0.0)
    except statistics.StatisticsError:
        correlation = shape
    overlaps = []
    for a, b in pairs:
        anchors_a, anchors_b = anchors(a), anchors(b)
        if anchors_a and anchors_b:
            overlaps.append(len(anchors_a & anchors_b) / min(len(anchors_a), len(anchors_b)))
    alignment = sum(overlaps) / len(overlaps) if overlaps else 0.0
    return round(count * (0.6 * correlation**2 + 0.2 * max(shape, 0.0) + 0.2 * alignment), 3)


@dataclass
class Report:
    """What relation-finding needs to know of a report, stored or earlier in a run."""

    reference: str
    language: str
    date: object
    people: frozenset
    paragraphs: list
    article: object = None
    facts: frozenset = frozenset()

    @property
    def known_people(self):
        """The ids of the known people among `people` (see `person_key`)."""
        return {key for key in self.people if isinstance(key, int)}


TRANSLATION_THRESHOLD = 0.6
SAME_EVENT_DAYS = 4


def relation_to(report, other):
    """The relation of `report` to `other`, with a score, or None.

    They must name someone in common (after folding scripts and case endings). With both
    dates, they must be a few days apart. Without one, the relation still stands on the
    rest, scored lower: two people in common, a figure in common ("46th session",
    "4,000"), or a text that follows the other paragraph by paragraph.
    """
    shared = report.people & other.people
    if not shared:
        return None
    dated = report.date is not None and other.date is not None
    if dated:
        days = abs((report.date - other.date).days)
        if days > SAME_EVENT_DAYS:
            return None
        closeness = 1 - days / (SAME_EVENT_DAYS + 1)
    else:
        closeness = 0.0
    people = len(shared) / len(report.people | other.people)
    facts = (
        len(report.facts & other.facts) / min(len(report.facts), len(other.facts))
        if report.facts and other.facts
        else 0.0
    )
    if report.language != other.language:
        score = translation_score(report.paragraphs, other.paragraphs)
        if score >= TRANSLATION_THRESHOLD:
            return "translation", score if dated else round(score * UNDATED_DISCOUNT, 3)
    if not dated and len(shared) < 2 and not facts:
        return None
    return "same_event", round(0.5 * people + 0.3 * closeness + 0.2 * facts, 3)


#: How much a relation loses when a report has no date to compare.
UNDATED_DISCOUNT = 0.8
#: Figures that carry a fact: counts, sums, session numbers; not years, not a day.
FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d{2,})(?![\d])")


def figures(text):
    """The figures of a report that a translation keeps, with where each is written:
    (start, end, digits) for "46th session" or "4,000" (written "4 000" or "4.000"
    elsewhere, the same digits), without the years every report carries."""
    for match in FIGURE.finditer(text):
        number = re.sub(r"\D", "", match.group(1))
        if len(number) == 4 and 1900 <= int(number) <= 2100:
            continue
        yield match.start(1), match.end(1), number.lstrip("0") or "0"


def facts_in(text):
    """The digits of each figure of a report (`figures`)."""
    return frozenset(number for _start, _end, number in figures(text))
