"""The read-only JSON API, version 1: published reports and meetings, and the people,
organizations and outlets they name, with their OpenAPI description (`urls` gives their
addresses; the representations are in `serializers`)."""

from django import forms
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.decorators.vary import vary_on_headers
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import exceptions, viewsets
from rest_framework.renderers import JSONRenderer

from articles.models import Article, Outlet, OutletName
from core.pagination import CursorPagination
from meetings.models import Meeting, SummaryTranslation, Topic
from people.models import Organization, OrganizationName, Person, PersonName

from . import serializers
from .filters import EMPTY, ArticleFilter

cached = [cache_control(public=True, max_age=300), vary_on_headers("Accept")]


def error(description):
    return OpenApiResponse(
        {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
        description=description,
    )


bad_parameter = OpenApiResponse(
    {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    description="A query parameter's value is invalid; each key names a parameter, with its "
    "errors.",
)


class NewestFirst(CursorPagination):
    """Cursor pages of 20, or `page_size` up to 100. The order is the pagination's own,
    so a filter's ordering (a search's relevance) gives way to it."""

    ordering = ("-published_at", "-pk")
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_size_field = forms.IntegerField(min_value=1, error_messages={"required": EMPTY})

    def get_page_size(self, request):
        """The size asked for, cut to `max_page_size`; one that is no whole number of at
        least 1 answers 400 under the parameter's name."""
        if self.page_size_query_param not in request.query_params:
            return self.page_size
        try:
            size = self.page_size_field.clean(request.query_params[self.page_size_query_param])
        except forms.ValidationError as error:
            raise exceptions.ValidationError(
                {self.page_size_query_param: error.messages}
            ) from error
        return min(size, self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = (
                    f"Items per page: {self.page_size} unless asked, at most "
                    f"{self.max_page_size} (a larger number gives {self.max_page_size})."
                )
        return parameters


class LatestMeetingFirst(NewestFirst):
    ordering = ("-date", "-pk")


class ByName(NewestFirst):
    ordering = ("name", "pk")


def documented(noun, serializer, detail_serializer=None):
    """The OpenAPI description of a viewset's list and detail."""
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {noun}",
            responses={
                200: serializer(many=True),
                400: bad_parameter,
                404: error("The cursor is invalid."),
            },
        ),
        retrieve=extend_schema(
            summary=f"One of the {noun}, by slug",
            responses={
                200: detail_serializer or serializer,
                404: error("No published item has this slug."),
            },
        ),
    )


@method_decorator(cached, name="list")
@method_decorator(cached, name="retrieve")
class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """List and detail by slug, cacheable for five minutes."""

    lookup_field = "slug"
    lookup_value_converter = "slug"
    pagination_class = ByName


@documented("published reports", serializers.ArticleSerializer, serializers.ArticleDetailSerializer)
class ArticleViewSet(ReadOnlyViewSet):
    """Published reports, newest first, filtered as on the public list of reports."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter
    pagination_class = NewestFirst

    def get_queryset(self):
        articles = Article.objects.published().select_related("outlet", "agency").newest_first()
        if self.action != "retrieve":
            return articles
        return articles.with_original().prefetch_related(
            Prefetch("meetings", queryset=Meeting.objects.published().newest_first()),
            Prefetch("people", queryset=Person.objects.order_by("name", "pk")),
            Prefetch("organizations", queryset=Organization.objects.order_by("name", "pk")),
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSerializer


@documented("published meeting summaries", serializers.MeetingSerializer)
class MeetingViewSet(ReadOnlyViewSet):
    """Published meeting summaries, latest meeting first, with their participants and
    the published reports covering them."""

    serializer_class = serializers.MeetingSerializer
    pagination_class = LatestMeetingFirst

    def get_queryset(self):
        return (
            Meeting.objects.published()
            .select_related("organizer")
            .with_participants()
            .prefetch_related(
                Prefetch(
                    "summaries",
                    queryset=SummaryTranslation.objects.select_related("source_revision").order_by(
                        "language"
                    ),
                ),
                Prefetch("topics", queryset=Topic.objects.order_by("name")),
                Prefetch("mentioned_people", queryset=Person.objects.order_by("name", "pk")),
                Prefetch(
                    "reports",
                    queryset=Article.objects.published()
                    .select_related("outlet")
                    .order_by("language", "published_at", "pk"),
                ),
            )
            .newest_first()
        )


@documented("people", serializers.PersonSerializer)
class PersonViewSet(ReadOnlyViewSet):
    """Everyone the desk has recorded, by name, with the posts they held."""

    serializer_class = serializers.PersonSerializer
    queryset = (
        Person.objects.with_posts()
        .prefetch_related(
            Prefetch("other_names", queryset=PersonName.objects.order_by("language", "name"))
        )
        .order_by("name", "pk")
    )


@documented("organizations", serializers.OrganizationSerializer)
class OrganizationViewSet(ReadOnlyViewSet):
    """States, UN bodies, ministries and other organizations, by name."""

    serializer_class = serializers.OrganizationSerializer
    queryset = (
        Organization.objects.select_related("parent")
        .prefetch_related(
            Prefetch("other_names", queryset=OrganizationName.objects.order_by("language", "name"))
        )
        .order_by("name", "pk")
    )


@documented("outlets", serializers.OutletSerializer)
class OutletViewSet(ReadOnlyViewSet):
    """News outlets and agencies, by name."""

    serializer_class = serializers.OutletSerializer
    queryset = Outlet.objects.prefetch_related(
        Prefetch("other_names", queryset=OutletName.objects.order_by("name"))
    ).order_by("name", "pk")


def not_found(request, exception=None):
    """What an address under /api/ that names nothing answers, whatever its characters:
    the JSON 404 of the API's other errors (`newsroom.views.page_not_found` sends it)."""
    body = JSONRenderer().render({"detail": exceptions.NotFound.default_detail})
    return HttpResponse(body, status=404, content_type=JSONRenderer.media_type)


class ApiDocs(SpectacularSwaggerSplitView):
    """Swagger UI with no inline script or style, as the Content-Security-Policy requires:
    its start-up script comes from this same address with `?script`."""

    template_name = "api/swagger_ui.html"
