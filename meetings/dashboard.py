"""The desk's dashboard in the admin: how many meetings each month holds, by kind and by
the organizations and states taking part, so that gaps in the desk's coverage show; and
the meetings still without a summary, without a translation of it, or with a single
report. Every meeting counts, whatever its status; each figure is one aggregate query.
"""

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import Organization

from .models import Meeting

#: How many meetings each list shows, newest first (the count says how many there are).
LISTED = 50
#: The longest range the dashboard shows, in months.
MAX_MONTHS = 120
#: The height of the chart's tallest bar, and each bar's width, in SVG units.
CHART_HEIGHT, BAR_WIDTH = 100, 20


#: The browser's date picker, which reads and writes ISO dates whatever the language.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DateRangeForm(forms.Form):
    """The range the dashboard covers: by default the twelve months to this one."""

    start = forms.DateField(label=_("From"), required=False, widget=DATE)
    end = forms.DateField(label=_("Until"), required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        end = data.get("end") or last_day(timezone.localdate())
        start = data.get("start") or add_months(end.replace(day=1), -11)
        if end < start:
            raise forms.ValidationError(_("“Until” must not be before “From”."))
        if len(months_between(start, end)) > MAX_MONTHS:
            raise forms.ValidationError(
                _("Choose a range of at most %(years)s years.") % {"years": MAX_MONTHS // 12}
            )
        data["start"], data["end"] = start, end
        return data


def add_months(month, count):
    """The first day of the month `count` months after `month` (a first day)."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def last_day(day):
    return add_months(day.replace(day=1), 1) - dt.timedelta(days=1)


def months_between(start, end):
    """The first day of each month from `start`'s to `end`'s."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


@dataclass
class Bar:
    month: dt.date
    count: int
    x: int
    y: int
    height: int


@dataclass
class MeetingList:
    """Meetings that lack something: how many, and the newest `LISTED` of them."""

    title: str
    count: int
    meetings: list


@dataclass
class Dashboard:
    start: dt.date
    end: dt.date
    months: list
    kinds: list
    #: (month, counts by kind, total) for each month.
    by_kind: list
    #: (organization, counts by month, total), the busiest first.
    by_organization: list
    lists: list

    @property
    def total(self):
        return sum(total for _month, _counts, total in self.by_kind)

    @property
    def empty_months(self):
        return [month for month, _counts, total in self.by_kind if not total]

    @property
    def bars(self):
        """The chart of meetings per month: a bar each, as tall as its share of the
        busiest month."""
        busiest = max((total for _month, _counts, total in self.by_kind), default=0) or 1
        bars = []
        for index, (month, _counts, total) in enumerate(self.by_kind):
            height = round(CHART_HEIGHT * total / busiest)
            bars.append(Bar(month, total, index * BAR_WIDTH, CHART_HEIGHT - height, height))
        return bars

    @property
    def chart_width(self):
        return len(self.months) * BAR_WIDTH


def build(start, end):
    """The dashboard of the meetings held from `start` to `end`."""
    meetings = Meeting.objects.held_between(start, end)
    months = months_between(start, end)
    kinds = list(Meeting.Kind.choices)
    counted = {
        (row["month"], row["kind"]): row["count"] for row in meetings.counted_by_month_and("kind")
    }
    by_kind = []
    for month in months:
        counts = [counted.get((month, kind), 0) for kind, _label in kinds]
        by_kind.append((month, counts, sum(counts)))
    taking_part = {}
    for row in meetings.counted_by_organization_and_month():
        taking_part.setdefault(row["taking_part"], {})[row["month"]] = row["count"]
    organizations = Organization.objects.filter(pk__in=taking_part).only("name", "slug")
    by_organization = sorted(
        (
            (
                organization,
                [taking_part[organization.pk].get(month, 0) for month in months],
                sum(taking_part[organization.pk].values()),
            )
            for organization in organizations
        ),
        key=lambda row: (-row[2], row[0].name.casefold(), row[0].pk),
    )
    lists = [
        listed(_("Meetings with no summary"), meetings.without_summary()),
        listed(
            _("Meetings with no translation of their summary"),
            meetings.without_summary_translation(),
        ),
        listed(
            _("Meetings with a single report"),
            meetings.with_report_count().filter(report_count=1),
        ),
    ]
    return Dashboard(start, end, months, kinds, by_kind, by_organization, lists)


def listed(title, meetings):
    return MeetingList(
        title=title,
        count=meetings.count(),
        meetings=list(meetings.newest_first()[:LISTED]),
    )
