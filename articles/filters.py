import django_filters
from django.utils.translation import gettext_lazy as _

from .models import LANGUAGES, Article, Organization, Outlet, Person, Topic


class ArticleFilter(django_filters.FilterSet):
    """The filters of the public article list. Each narrows the others."""

    language = django_filters.ChoiceFilter(
        choices=LANGUAGES, label=_("Language"), empty_label=_("Any language")
    )
    outlet = django_filters.ModelChoiceFilter(
        queryset=Outlet.objects.order_by("name"),
        to_field_name="slug",
        label=_("Outlet"),
        empty_label=_("Any outlet"),
    )
    published = django_filters.DateFromToRangeFilter(
        field_name="published_at",
        label=_("Published between"),
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )
    person = django_filters.ModelChoiceFilter(
        field_name="people",
        queryset=Person.objects.order_by("name"),
        to_field_name="slug",
        label=_("Person"),
        empty_label=_("Anyone"),
    )
    organization = django_filters.ModelChoiceFilter(
        field_name="organizations",
        queryset=Organization.objects.order_by("name"),
        to_field_name="slug",
        label=_("Organization"),
        empty_label=_("Any organization"),
    )
    topic = django_filters.ModelChoiceFilter(
        field_name="meetings__topics",
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        label=_("Topic"),
        empty_label=_("Any topic"),
        distinct=True,
    )

    class Meta:
        model = Article
        fields = ["language", "outlet", "published", "person", "organization", "topic"]
