"""Filters by person and organization, and those of a person's or an organization's
meetings."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import filters, widgets
from meetings.models import Meeting

from .models import Organization, Person


def person_filter(**kwargs):
    """A person, by slug. People are too many for a menu: readers reach the filter from
    a page that links it, and lists show it as a removable chip."""
    return django_filters.ModelChoiceFilter(
        queryset=Person.objects.order_by("name"),
        to_field_name="slug",
        label=_("Person"),
        widget=widgets.HiddenInput,
        **kwargs,
    )


def organization_filter(**kwargs):
    """An organization, by slug, chosen as a person is (`person_filter`)."""
    return django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("name"),
        to_field_name="slug",
        label=_("Organization"),
        widget=widgets.HiddenInput,
        **kwargs,
    )


class MeetingFilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        dates = cleaned_data.get("date")
        if dates and dates.start and dates.stop and dates.start > dates.stop:
            self.add_error("date", _("The first day is after the last."))
        return cleaned_data


class MeetingFilter(filters.FilterSet):
    """The filters of a person's or an organization's meetings (`subject`): dates and
    kind narrow the whole page; a counterpart, the meetings shared with them."""

    date = django_filters.DateFromToRangeFilter(
        label=pgettext_lazy("the days meetings were held", "Dates"),
        widget=widgets.DateRange(attrs={"type": "date"}),
    )
    kind = django_filters.ChoiceFilter(
        choices=Meeting.Kind.choices,
        label=_("Kind of meeting"),
        empty_label=_("Any kind of meeting"),
        widget=widgets.Select,
    )
    # Readers choose a counterpart from the page's "Met with" list.
    person = person_filter(method="shared_with")
    organization = organization_filter(method="shared_with")

    #: The filters that choose a counterpart.
    counterparts = ("person", "organization")

    class Meta:
        model = Meeting
        fields = ["date", "kind", "person", "organization"]
        form = MeetingFilterForm

    def __init__(self, data=None, queryset=None, *, subject, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.subject = subject

    def shared_with(self, queryset, name, counterpart):
        return queryset.shared_with(self.subject, counterpart)

    def dates_and_kind(self):
        """The meetings of the chosen dates and kind, whichever counterpart is chosen:
        those the counterparts are ranked over."""
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name not in self.counterparts:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def chosen_year(self):
        """The year the chosen dates lie in, when both are chosen within one."""
        dates = self.form.cleaned_data.get("date")
        if dates and dates.start and dates.stop and dates.start.year == dates.stop.year:
            return dates.start.year
        return None
