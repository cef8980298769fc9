"""The downloads the site and the API share: the meeting list, filtered as on its
page, in CSV or JSON, and the Popolo JSON, each streamed as it is read.

They are never kept by the page cache (it keeps no streamed answer), so they follow
every edit at once.
"""

import re
from itertools import chain

from django import forms
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

from meetings.filters import MeetingFilter

from . import columns, popolo, rows, writers

#: A well-formed slug: the API finds no meeting for one that names nothing.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
#: The filters that name an item by its slug.
SLUG_FILTERS = ("topic", "person", "organization")

CSV = "text/csv; charset=utf-8"
JSON = "application/json"


class RowsForm(forms.Form):
    """The download's shape: one row per meeting, or one per participant."""

    rows = forms.ChoiceField(
        choices=[
            ("meetings", _("One row per meeting")),
            ("participants", _("One row per participant")),
        ],
        required=False,
        label=_("Rows"),
    )


class Refused(Exception):
    """A download whose parameters are wrong: `errors` by parameter."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def names_nothing(query, name):
    """Whether the parameter `name` is a well-formed slug, refused as it names nothing."""
    return name in SLUG_FILTERS and SLUG.fullmatch(query.get(name, "")) is not None


def meeting_download(query, unknown_finds_nothing=False):
    """The table and the meetings of the meeting list's download for `query` (the
    request's GET), or raise `Refused` with the meeting list's messages. With
    `unknown_finds_nothing`, a slug that names nothing finds no meeting instead."""
    shape = RowsForm(query)
    filterset = MeetingFilter(query or None, queryset=rows.published_meetings())
    errors = dict(shape.errors)
    if filterset.is_bound and not filterset.is_valid():
        errors |= filterset.errors
    unknown = {name for name in errors if names_nothing(query, name)}
    if unknown_finds_nothing:
        errors = {name: messages for name, messages in errors.items() if name not in unknown}
    if errors:
        raise Refused({name: [str(m) for m in messages] for name, messages in errors.items()})
    table = columns.MEETING_ROWS[shape.cleaned_data["rows"] or "meetings"]
    return table, filterset.qs if not unknown else filterset.queryset.none()


def origin_of(request):
    """The site's address as the reader asked for it: the start of absolute links."""
    return f"{request.scheme}://{request.get_host()}"


def streamed(chunks, content_type, filename=None):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-cache"
    return response


def meetings_csv(table, meetings, origin):
    rows_of = rows.MEETING_ROWS[table.name]
    return streamed(
        writers.csv_chunks(table, rows_of(meetings, origin)), CSV, filename=table.filename
    )


def meetings_json(table, meetings, origin):
    rows_of = rows.MEETING_ROWS[table.name]
    items = writers.json_rows(table, rows_of(meetings, origin))
    return streamed(chain(writers.json_array_chunks(items), ["\n"]), JSON)


def popolo_json(origin):
    return streamed(writers.json_object_chunks(popolo.document(origin)), JSON)


#: The meeting list's download in each format.
MEETING_FORMATS = {"csv": meetings_csv, "json": meetings_json}
