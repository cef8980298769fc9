"""The filters of the public meeting list, which its downloads (`exports`) share."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core import filters, widgets
from people.filters import organization_filter, person_filter

from .models import Meeting, Topic


class MeetingFilter(filters.FilterSet):
    """The filters of the public meeting list. Each narrows the others."""

    kind = django_filters.ChoiceFilter(
        choices=Meeting.Kind.choices,
        label=_("Kind"),
        empty_label=_("Any kind"),
        widget=widgets.Select,
    )
    topic = django_filters.ModelChoiceFilter(
        field_name="topics",
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        label=_("Topic"),
        empty_label=_("Any topic"),
        widget=widgets.Select,
    )
    date = django_filters.DateFromToRangeFilter(
        label=_("Held between"),
        widget=widgets.DateRange(attrs={"type": "date"}),
    )
    person = person_filter(method="with_person")
    organization = organization_filter(method="with_organization")

    class Meta:
        model = Meeting
        fields = ["kind", "topic", "date", "person", "organization"]

    def with_person(self, queryset, name, person):
        """Meetings the person took part in or that discussed them (as on their page)."""
        return queryset.filter(pk__in=Meeting.objects.with_person(person).values("pk"))

    def with_organization(self, queryset, name, organization):
        """Meetings the organization held or took part in (as on its page)."""
        return queryset.filter(pk__in=Meeting.objects.with_organization(organization).values("pk"))
