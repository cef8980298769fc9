"""The article list's filters as the API takes them: the public list's
(`articles.filters.ArticleFilter`), read strictly, each documented as it is read.

- An outlet, person, organization or topic is named by its slug; a slug that names
  nothing finds no report. The public list refuses it instead, to point out a mistyped
  address.
- Each date bound is a parameter of its own, with its own errors.
- A parameter given with no value is refused: the public list's form sends its unused
  fields empty, a client of the API leaves them out. Only `q` may be empty (an empty
  search finds every report).
"""

import datetime as dt
import re

import django_filters
from django import forms
from django.urls.converters import SlugConverter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from articles import filters
from meetings.models import Topic
from search.query import MAX_QUERY_LENGTH

#: What a slug is, in URLs and in the OpenAPI document alike.
SLUG_PATTERN = f"^{SlugConverter.regex}$"
EMPTY = _("Give this parameter a value, or leave it out.")


class ParameterForm(forms.Form):
    """The filters' values as the query gives them: one given empty is an error."""

    may_be_empty = {"q"}

    def clean(self):
        for name in self.fields.keys() - self.may_be_empty:
            if self.data.get(name) == "":
                self.add_error(name, forms.ValidationError(EMPTY, code="empty"))
        return super().clean()


class SlugFilter(django_filters.CharFilter):
    """The reports related to the item with this slug, read as given: spaces around it
    make it no slug, as the document's pattern says."""

    field_class = forms.SlugField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, strip=False, **kwargs)


def slug_filter(noun, example, **kwargs):
    """A `SlugFilter` on the `noun` a report names, documented with the slug's pattern."""
    schema = {
        "type": "string",
        "pattern": SLUG_PATTERN,
        "description": f"The slug of {noun}, e.g. `{example}`; a slug that names none finds "
        "no report.",
    }
    return extend_schema_field(schema)(SlugFilter(**kwargs))


class DayField(forms.DateField):
    """A day as the OpenAPI `date` format writes it, `2017-11-27`, and nothing else:
    Django's `DateField` also reads `11/27/2017`, and spaces around a date."""

    input_formats = ["%Y-%m-%d"]

    def to_python(self, value):
        if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class DayFilter(django_filters.DateFilter):
    field_class = DayField


class ArticleFilter(filters.ArticleFilter):
    """The public list's filters, read strictly (see the module's description)."""

    q = extend_schema_field(
        {
            "type": "string",
            "maxLength": MAX_QUERY_LENGTH,
            "pattern": "^[^\\u0000]*$",
            "description": "Words to search for; quoted words must appear together, `or` "
            "between two words finds either, `-word` leaves a word out.",
        }
    )(django_filters.CharFilter(method="search", max_length=MAX_QUERY_LENGTH, strip=False))
    outlet = slug_filter("an outlet", "azertac", field_name="outlet__slug")
    published = None
    published_after = DayFilter(
        method="published_from", label="Reports published on this day (`2017-11-27`) or later."
    )
    published_before = DayFilter(
        method="published_until", label="Reports published on this day (`2017-11-27`) or earlier."
    )
    person = slug_filter("a person", "georgette-gagnon", field_name="people__slug")
    organization = slug_filter("an organization", "ohchr", field_name="organizations__slug")
    topic = slug_filter("a topic", "refugees-and-idps", method="covers_topic")

    class Meta(filters.ArticleFilter.Meta):
        form = ParameterForm
        fields = [
            "q",
            "language",
            "outlet",
            "published_after",
            "published_before",
            "person",
            "organization",
            "topic",
        ]

    def published_from(self, queryset, name, day):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
        return queryset.filter(published_at__gte=start)

    def published_until(self, queryset, name, day):
        end = timezone.make_aware(dt.datetime.combine(day, dt.time.max))
        return queryset.filter(published_at__lte=end)

    def covers_topic(self, queryset, name, slug):
        """The public list's rule (published meetings only), the topic named by its slug."""
        return super().covers_topic(queryset, name, Topic.objects.filter(slug=slug)[:1])
