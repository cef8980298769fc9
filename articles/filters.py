import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core import caching, filters, widgets
from core.languages import LANGUAGE_CHOICES
from meetings.models import Coverage, Meeting, Topic
from people.filters import organization_filter, person_filter
from search.query import MAX_QUERY_LENGTH, search

from .models import Article, Outlet


class LanguagesInUseSelect(widgets.Select):
    """A menu of the languages readers can find reports in; the filter itself accepts
    every content language (the API documents them all)."""

    def get_context(self, name, value, attrs):
        in_use = languages_in_use()
        self.choices = [choice for choice in self.choices if not choice[0] or choice[0] in in_use]
        return super().get_context(name, value, attrs)


#: The languages of the reports, by content version: read again after a change.
in_use_by_version = {}


def languages_in_use(published=True):
    """The codes of the languages published reports (or all reports) are written in.

    Read from the archive once per content version, whether or not pages are cached:
    finding them reads every report's language, which grows with the archive.
    """
    key = (caching.content_version(), published)
    if key not in in_use_by_version:
        articles = Article.objects.published() if published else Article.objects.all()
        codes = set(articles.order_by().values_list("language", flat=True).distinct())
        for stale in [k for k in in_use_by_version if k[0] != key[0]]:
            del in_use_by_version[stale]
        in_use_by_version[key] = codes
    return in_use_by_version[key]


class ArticleFilter(filters.FilterSet):
    """The filters of the public article list. Each narrows the others; words in `q`
    rank the results by relevance (see `search.query`)."""

    q = django_filters.CharFilter(
        method="search",
        label=_("Words"),
        max_length=MAX_QUERY_LENGTH,
        widget=widgets.TextInput(attrs={"type": "search"}),
    )

    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES,
        label=_("Language"),
        empty_label=_("Any language"),
        widget=LanguagesInUseSelect,
    )
    outlet = django_filters.ModelChoiceFilter(
        queryset=Outlet.objects.order_by("name"),
        to_field_name="slug",
        label=_("Outlet"),
        empty_label=_("Any outlet"),
        widget=widgets.Select,
    )
    published = django_filters.DateFromToRangeFilter(
        field_name="published_at",
        label=_("Published between"),
        widget=widgets.DateRange(attrs={"type": "date"}),
    )
    person = person_filter(field_name="people")
    organization = organization_filter(field_name="organizations")
    topic = django_filters.ModelChoiceFilter(
        method="covers_topic",
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        label=_("Topic"),
        empty_label=_("Any topic"),
        widget=widgets.Select,
    )

    class Meta:
        model = Article
        fields = ["q", "language", "outlet", "published", "person", "organization", "topic"]

    @extend_schema_field(OpenApiTypes.STR)
    def covers_topic(self, queryset, name, topic):
        """Reports covering a published meeting on the topic: an unpublished meeting
        must not reveal what it is about."""
        meetings = Meeting.objects.published().filter(topics=topic)
        return queryset.filter(
            pk__in=Coverage.objects.filter(meeting__in=meetings).values("article")
        )

    def search(self, queryset, name, value):
        return search(queryset, value) if value.strip() else queryset
