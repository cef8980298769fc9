"""The geometry of the charts on person and organization pages: a timeline of meetings
per year or month, and the network of those who shared them.

Only numbers and names are worked out here: numbers rounded to a tenth, so that the
same data always gives the same drawing, and names without the characters XML cannot
carry, so that each drawing is an SVG document of its own. The templates write the
SVG and its text, escaped (`people/record/timeline.html`, `people/record/network.html`).
"""

import calendar
import datetime as dt
import math
from dataclasses import dataclass

from django.utils.text import Truncator

from core.feeds import xml_text

#: The timeline's drawing area, in SVG user units, and its margins.
TIMELINE_WIDTH, TIMELINE_HEIGHT = 480, 220
TIMELINE_MARGINS = {"top": 20, "right": 8, "bottom": 26, "left": 44}
#: The least room a label under a bar needs; closer bars have every other label, or
#: fewer, written.
LABEL_ROOM = 34
#: Counts are written above their bars while the bars are at least this wide.
VALUE_ROOM = 18

#: The network's drawing area, the radius its counterparts are placed at, and the
#: sizes of their dots.
NETWORK_WIDTH, NETWORK_HEIGHT = 660, 420
NETWORK_RADIUS = 140
NODE_RADIUS = (5, 15)
EDGE_WIDTH = (1, 7)
#: How many counterparts the network draws; the others are only listed.
NETWORK_SIZE = 12
#: How many characters of a name the network writes.
LABEL_LENGTH = 18
SUBJECT_LABEL_LENGTH = 32


def tenth(value):
    return round(value, 1)


# The timeline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    #: The period's first and last days.
    period: dt.date
    end: dt.date
    count: int
    x: float
    y: float
    width: float
    height: float
    #: The middle of the bar, where its labels go.
    middle: float
    #: Whether the period is written under the bar.
    labelled: bool
    #: Whether the count is written above the bar, and where.
    valued: bool
    value_y: float


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class Timeline:
    #: "year" or "month".
    period: str
    bars: list
    ticks: list
    total: int
    width: int = TIMELINE_WIDTH
    height: int = TIMELINE_HEIGHT
    left: int = TIMELINE_MARGINS["left"]
    right: int = TIMELINE_WIDTH - TIMELINE_MARGINS["right"]
    #: Where the bars stand, where the labels under them go, and where the scale's.
    baseline: int = TIMELINE_HEIGHT - TIMELINE_MARGINS["bottom"]
    label_y: int = TIMELINE_HEIGHT - 8
    tick_x: int = TIMELINE_MARGINS["left"] - 6

    @property
    def first(self):
        return self.bars[0].period

    @property
    def last(self):
        return self.bars[-1].period


def scale(maximum):
    """A step of 1, 2 or 5 times a power of ten that reaches `maximum` in at most four
    steps, and the top of the scale."""
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if math.ceil(maximum / step) <= 4:
                return step, step * max(1, math.ceil(maximum / step))
        power *= 10


def last_day(start, period):
    if period == "year":
        return dt.date(start.year, 12, 31)
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def timeline(counts, period):
    """The bars of `counts`, a list of (first day of the period, count) with every
    period of the range in order, zeros included; None when there is nothing to draw."""
    total = sum(count for _, count in counts)
    if not total:
        return None
    step, top = scale(max(count for _, count in counts))
    margins = TIMELINE_MARGINS
    plot_width = TIMELINE_WIDTH - margins["left"] - margins["right"]
    plot_height = TIMELINE_HEIGHT - margins["top"] - margins["bottom"]
    baseline = TIMELINE_HEIGHT - margins["bottom"]
    slot = plot_width / len(counts)
    width = slot * 0.7
    every = math.ceil(LABEL_ROOM / slot)
    bars = []
    for index, (start, count) in enumerate(counts):
        height = plot_height * count / top
        x = margins["left"] + slot * index + (slot - width) / 2
        bars.append(
            Bar(
                period=start,
                end=last_day(start, period),
                count=count,
                x=tenth(x),
                y=tenth(baseline - height),
                width=tenth(width),
                height=tenth(height),
                middle=tenth(x + width / 2),
                labelled=index % every == 0,
                valued=bool(count) and width >= VALUE_ROOM,
                value_y=tenth(baseline - height - 5),
            )
        )
    ticks = [
        Tick(value, tenth(baseline - plot_height * value / top))
        for value in range(0, top + 1, step)
    ]
    return Timeline(period=period, bars=bars, ticks=ticks, total=total)


def years(rows):
    """The timeline of meetings per year, from `counted_by("year")` rows: every year
    from the first with a meeting to the last."""
    found = {row["period"].year: row["count"] for row in rows}
    if not found:
        return None
    counts = [
        (dt.date(year, 1, 1), found.get(year, 0)) for year in range(min(found), max(found) + 1)
    ]
    return timeline(counts, "year")


def months(year, rows):
    """The timeline of meetings per month of `year`, from `counted_by("month")` rows."""
    found = {row["period"].month: row["count"] for row in rows}
    return timeline(
        [(dt.date(year, month, 1), found.get(month, 0)) for month in range(1, 13)], "month"
    )


# The network ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    #: The person or organization, with the number of meetings shared (`shared`).
    counterpart: object
    #: "person" or "organization".
    kind: str
    name: str
    #: What is written next to it: the name, or an organization's abbreviation, cut short.
    label: str
    x: float
    y: float
    radius: float
    #: The line from the middle: the more meetings shared, the thicker.
    edge_width: float
    label_x: float
    label_y: float
    #: The label's `text-anchor`: it reads away from the middle.
    anchor: str

    # An organization is drawn as a square as wide as a person's dot.

    @property
    def left(self):
        return tenth(self.x - self.radius)

    @property
    def top(self):
        return tenth(self.y - self.radius)

    @property
    def side(self):
        return tenth(2 * self.radius)


@dataclass(frozen=True)
class Network:
    subject_name: str
    #: What is written under the middle dot: the subject's name, cut short.
    subject_label: str
    nodes: list
    width: int = NETWORK_WIDTH
    height: int = NETWORK_HEIGHT
    cx: int = NETWORK_WIDTH // 2
    cy: int = NETWORK_HEIGHT // 2
    radius: int = NODE_RADIUS[1]
    #: Where the subject's name goes, under the middle dot.
    subject_label_y: int = NETWORK_HEIGHT // 2 + NODE_RADIUS[1] + 18


def ranked(people, organizations):
    """People and organizations together, as (kind, counterpart), the most meetings
    shared first, then by name."""
    counterparts = [("person", person) for person in people]
    counterparts += [("organization", organization) for organization in organizations]
    return sorted(
        counterparts,
        key=lambda item: (-item[1].shared, item[1].name.casefold(), item[1].name, item[0]),
    )


def network(subject, people, organizations, size=NETWORK_SIZE):
    """The `size` counterparts sharing the most meetings with `subject`, placed around
    it clockwise from the top in their rank; None when there are none."""
    drawn = ranked(people, organizations)[:size]
    if not drawn:
        return None
    most = drawn[0][1].shared
    cx, cy = NETWORK_WIDTH / 2, NETWORK_HEIGHT / 2
    nodes = []
    for index, (kind, counterpart) in enumerate(drawn):
        angle = -math.pi / 2 + 2 * math.pi * index / len(drawn)
        cos, sin = math.cos(angle), math.sin(angle)
        share = counterpart.shared / most
        radius = NODE_RADIUS[0] + (NODE_RADIUS[1] - NODE_RADIUS[0]) * math.sqrt(share)
        x, y = cx + NETWORK_RADIUS * cos, cy + NETWORK_RADIUS * sin
        nodes.append(
            Node(
                counterpart=counterpart,
                kind=kind,
                name=xml_text(counterpart.name),
                label=Truncator(
                    xml_text(getattr(counterpart, "abbreviation", "") or counterpart.name)
                ).chars(LABEL_LENGTH),
                x=tenth(x),
                y=tenth(y),
                radius=tenth(radius),
                edge_width=tenth(EDGE_WIDTH[0] + (EDGE_WIDTH[1] - EDGE_WIDTH[0]) * share),
                label_x=tenth(x + (radius + 6) * cos),
                label_y=tenth(y + (radius + 10) * sin),
                anchor="start" if cos > 0.3 else "end" if cos < -0.3 else "middle",
            )
        )
    name = xml_text(subject.name)
    return Network(
        subject_name=name, subject_label=Truncator(name).chars(SUBJECT_LABEL_LENGTH), nodes=nodes
    )
