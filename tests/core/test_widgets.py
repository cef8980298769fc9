"""The filter form's widgets write, without templates, the markup Django's own widgets
write from theirs: the same elements, attributes in the same order, every value and
label escaped."""

import re

import pytest
from django import forms
from django_filters.widgets import DateRangeWidget

from core import widgets

HOSTILE = '"><script>alert(1)</script>&amp;'


def normalized(html):
    """Markup without the whitespace Django's templates leave between elements."""
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", str(html).strip()))


CHOICES = [("", "Any"), ("fr", "French"), ("x", HOSTILE), ("en", "English")]


@pytest.mark.parametrize(
    ("ours", "django", "value", "attrs"),
    [
        (widgets.Select(choices=CHOICES), forms.Select(choices=CHOICES), "fr", {"id": "id_l"}),
        (widgets.Select(choices=CHOICES), forms.Select(choices=CHOICES), None, None),
        (
            widgets.Select(choices=CHOICES),
            forms.Select(choices=CHOICES),
            HOSTILE,
            {"aria-invalid": True, "disabled": False, "data-x": HOSTILE},
        ),
        (
            widgets.Select(choices=[("Group <b>", CHOICES[1:]), ("", "None")]),
            forms.Select(choices=[("Group <b>", CHOICES[1:]), ("", "None")]),
            "en",
            None,
        ),
        (
            widgets.TextInput(attrs={"type": "search", "maxlength": 200}),
            forms.TextInput(attrs={"type": "search", "maxlength": 200}),
            HOSTILE,
            {"id": "id_q"},
        ),
        (widgets.TextInput(), forms.TextInput(), None, {"required": True}),
        (widgets.HiddenInput(), forms.HiddenInput(), "volker-turk", {"id": "id_person"}),
        (
            widgets.DateRange(attrs={"type": "date"}),
            DateRangeWidget(attrs={"type": "date"}),
            ["2024-01-01", HOSTILE],
            {"id": "id_published"},
        ),
    ],
)
def test_the_markup_is_djangos(ours, django, value, attrs):
    assert normalized(ours.render("name", value, attrs)) == normalized(
        django.render("name", value, attrs)
    )


def test_labels_values_and_attributes_are_escaped():
    html = str(widgets.Select(choices=CHOICES).render("l", HOSTILE, {"data-x": HOSTILE}))

    assert "<script>" not in html
    assert html.count("&lt;script&gt;") == 2
    assert 'data-x="&quot;&gt;&lt;script&gt;' in html
