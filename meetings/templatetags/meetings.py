from django import template
from django.utils.safestring import mark_safe

from meetings import fragments

register = template.Library()


@register.simple_tag
def meeting_rows(meetings):
    """The rows of a timeline of published meetings (`includes/meeting_row.html`),
    cached."""
    return mark_safe("".join(fragments.rows(meetings)))
