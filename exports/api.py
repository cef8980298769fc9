"""The open data in the JSON API, under /api/v1/open-data/ (`api_urls`): the meeting
list's downloads, the Popolo JSON and the latest archive's details, each with its
OpenAPI description.

The API reads the downloads' parameters as it reads its other filters: a parameter
given with no value is refused, days are YYYY-MM-DD, and a slug that names nothing finds
no meeting (the site's downloads refuse it with the meeting list's message instead).
"""

from django import forms
from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.urls.converters import SlugConverter
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from meetings.models import Meeting

from . import archive, columns, downloads

SLUG_PATTERN = f"^{SlugConverter.regex}$"
EMPTY = _("Give this parameter a value, or leave it out.")


class OwnFormat(BaseContentNegotiation):
    """Each address has its one format: an Accept header does not choose another."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class DownloadQuery(forms.Form):
    """The meeting downloads' parameters as the API takes them, before the meeting
    list's filters read them: none given empty, days as YYYY-MM-DD."""

    rows = forms.CharField(required=False, strip=False)
    kind = forms.CharField(required=False, strip=False)
    topic = forms.CharField(required=False, strip=False)
    date_after = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    date_before = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    person = forms.CharField(required=False, strip=False)
    organization = forms.CharField(required=False, strip=False)

    def clean(self):
        for name in self.fields:
            if self.data.get(name) == "":
                self.add_error(name, forms.ValidationError(EMPTY, code="empty"))
        return super().clean()


def slug_parameter(name, noun, example, meetings):
    return OpenApiParameter(
        name,
        str,
        pattern=SLUG_PATTERN,
        description=f"The slug of {noun}, e.g. `{example}`: only the meetings {meetings}. A "
        "slug that names none finds no meeting.",
    )


#: The parameters of the meeting downloads: `rows`, then the meeting list's filters.
PARAMETERS = [
    OpenApiParameter(
        "rows",
        str,
        enum=list(columns.MEETING_ROWS),
        description="One row per meeting (`meetings`, the default) or one row per "
        "participant (`participants`).",
    ),
    OpenApiParameter(
        "kind",
        str,
        enum=Meeting.Kind.values,
        description="Only the meetings of this kind.",
    ),
    slug_parameter("topic", "a topic", "refugees-and-idps", "on it"),
    OpenApiParameter(
        "date_after",
        OpenApiTypes.DATE,
        description="Only the meetings held on this day (`2017-11-27`) or later.",
    ),
    OpenApiParameter(
        "date_before",
        OpenApiTypes.DATE,
        description="Only the meetings held on this day (`2017-11-27`) or earlier.",
    ),
    slug_parameter(
        "person", "a person", "georgette-gagnon", "they took part in, or that discussed them"
    ),
    slug_parameter(
        "organization",
        "an organization",
        "ohchr",
        "it held or took part in, itself or through someone in one of its posts",
    ),
]

BAD_PARAMETER = OpenApiResponse(
    {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    description="A parameter's value is invalid; each key names a parameter, with its errors.",
)

TYPES = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
    "array": {"type": "array", "items": {"type": "string"}},
}


def row_schema(table):
    """The JSON schema of a row of `table`, from its columns."""
    return {
        "type": "object",
        "description": str(table.description),
        "properties": {
            column.name: {
                **TYPES[column.type],
                **({"nullable": True} if column.nullable else {}),
                "description": str(column.description),
            }
            for column in table.columns
        },
        "required": [column.name for column in table.columns],
        "additionalProperties": False,
    }


class MeetingDownload(APIView):
    """Published meetings, latest first, filtered as on the public meeting list."""

    content_negotiation_class = OwnFormat
    format = None

    def get(self, request):
        query = DownloadQuery(request.query_params)
        if not query.is_valid():
            return refusal(query.errors)
        try:
            table, meetings = downloads.meeting_download(
                request.query_params, unknown_finds_nothing=True
            )
        except downloads.Refused as refused:
            return refusal(refused.errors)
        export = downloads.MEETING_FORMATS[self.format]
        return export(table, meetings, downloads.origin_of(request))


def refusal(errors):
    errors = {name: [str(m) for m in messages] for name, messages in errors.items()}
    return JsonResponse(errors, status=400, json_dumps_params={"ensure_ascii": False})


class MeetingsCSV(MeetingDownload):
    format = "csv"

    @extend_schema(
        operation_id="open_data_meetings_csv",
        summary="Published meetings as CSV",
        description="One row per meeting or per participant, with a header line; the "
        "columns are those of the JSON rows (see the JSON download). A cell a spreadsheet "
        "would read as a formula starts with a single quote.",
        parameters=PARAMETERS,
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="The rows, as a CSV file to save."
            ),
            (400, "application/json"): BAD_PARAMETER,
        },
    )
    def get(self, request):
        return super().get(request)


class MeetingsJSON(MeetingDownload):
    format = "json"

    @extend_schema(
        operation_id="open_data_meetings_json",
        summary="Published meetings as JSON rows",
        description="The rows of the CSV download as a JSON array: a row per meeting, "
        "or per participant with `rows=participants`.",
        parameters=PARAMETERS,
        responses={
            200: OpenApiResponse(
                {
                    "type": "array",
                    "items": {
                        "oneOf": [row_schema(table) for table in columns.MEETING_ROWS.values()]
                    },
                },
                description="The rows, latest meeting first.",
            ),
            400: BAD_PARAMETER,
        },
    )
    def get(self, request):
        return super().get(request)


def list_of(kind):
    return {"type": "array", "items": {"type": "object", "description": kind}}


class PopoloJSON(APIView):
    content_negotiation_class = OwnFormat

    @extend_schema(
        operation_id="open_data_popolo",
        summary="People, organizations, posts and meetings as Popolo JSON",
        description="Everyone and every organization the desk has recorded, their posts "
        "(memberships) and the published meetings (events) with their attendees, in the "
        "Popolo format; the JSON Schema of the document is exports/schemas/popolo.json "
        "in the repository.",
        responses={
            200: OpenApiResponse(
                {
                    "type": "object",
                    "properties": {
                        "persons": list_of("Popolo's Person"),
                        "organizations": list_of("Popolo's Organization"),
                        "memberships": list_of("Popolo's Membership: a post held"),
                        "events": list_of("Popolo's Event: a published meeting"),
                    },
                    "required": ["persons", "organizations", "memberships", "events"],
                },
                description="The Popolo document.",
            )
        },
    )
    def get(self, request):
        return downloads.popolo_json(downloads.origin_of(request))


class ArchiveSerializer(serializers.Serializer):
    version = serializers.CharField(
        help_text="`YYYY-MM-DD.n`: the day it was built and its number that day."
    )
    name = serializers.CharField(help_text="Its file name.")
    created = serializers.DateTimeField(help_text="When it was built.")
    size = serializers.IntegerField(help_text="Its size in bytes.")
    url = serializers.URLField(help_text="The zip file.")
    page = serializers.URLField(
        help_text="The Open data page, which says what each file and column holds."
    )


class LatestArchive(APIView):
    @extend_schema(
        operation_id="open_data_archive",
        summary="The latest version of the whole archive",
        description="The zip file of every published report, translation, meeting and "
        "participant, person, organization, post and outlet, as CSV files and Popolo "
        "JSON with a README of the fields; built again regularly.",
        responses={
            200: ArchiveSerializer,
            404: OpenApiResponse(
                {
                    "type": "object",
                    "properties": {"detail": {"type": "string"}},
                    "required": ["detail"],
                },
                description="No archive has been built yet.",
            ),
        },
    )
    def get(self, request):
        latest = archive.latest()
        if latest is None:
            raise NotFound(_("No archive has been built yet."))
        with translation.override(settings.LANGUAGE_CODE):
            file = reverse("open-data-archive", kwargs={"name": latest.name})
            page = reverse("open-data")
        data = {
            "version": latest.version,
            "name": latest.name,
            "created": latest.created,
            "size": latest.size,
            "url": request.build_absolute_uri(file),
            "page": request.build_absolute_uri(page),
        }
        return Response(ArchiveSerializer(data).data)
