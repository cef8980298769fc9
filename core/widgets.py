"""Widgets of the public filter forms that write their HTML in Python.

Django renders a widget through templates: the `<select>`'s, then one per `<option>`
and one more for each element's attributes. On the article list, whose filter form
offers every outlet, topic and language, that was a third of the page's time. These
widgets write the same markup with `format_html`, which escapes every label and value;
the context they write it from is Django's own (`get_context`), so choices, selection
and attributes are what the stock widgets would show.
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django_filters.widgets import DateRangeWidget


def attributes(attrs):
    """The attributes as Django's `attrs.html` writes them, in their order: `True` as a
    bare name, `False` left out, anything else as text."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def input_html(widget):
    """An `<input>` from its widget context (Django's `input.html`)."""
    value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        value,
        attributes(widget["attrs"]),
    )


def select_html(widget):
    """A `<select>` and its options from its widget context (Django's `select.html`)."""
    groups = []
    for group_name, options, _index in widget["optgroups"]:
        rendered = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((option["value"], attributes(option["attrs"]), option["label"]) for option in options),
        )
        if group_name:
            rendered = format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
        groups.append(rendered)
    return format_html(
        '<select name="{}"{}>{}</select>',
        widget["name"],
        attributes(widget["attrs"]),
        format_html_join("", "{}", ((group,) for group in groups)),
    )


class PlainRender:
    """Render without templates: a `<select>`, an `<input>`, or a multi-widget's
    `<input>`s one after the other, `separator` between them."""

    separator = ""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if isinstance(self, forms.MultiWidget):
            return mark_safe(self.separator.join(input_html(part) for part in widget["subwidgets"]))
        if isinstance(self, forms.Select):
            return select_html(widget)
        return input_html(widget)


class Select(PlainRender, forms.Select):
    pass


class TextInput(PlainRender, forms.TextInput):
    pass


class HiddenInput(PlainRender, forms.HiddenInput):
    pass


class DateRange(PlainRender, DateRangeWidget):
    """Two date inputs, from and to, a dash between them (django-filter's
    `DateRangeWidget`)."""

    separator = "-"
