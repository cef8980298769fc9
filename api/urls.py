"""The API's addresses under /api/v1/ (namespace `api`): its OpenAPI document
(`openapi.json`), the document in Swagger UI (`docs/`, served from local static files),
the root listing the resources and each resource's list and detail."""

from django.urls import include, path
from django.views.decorators.cache import cache_control
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"


class Router(DefaultRouter):
    """The API root and the resources, without format suffixes: JSON is the only format."""

    include_format_suffixes = False


router = Router(use_regex_path=False)
router.register("articles", views.ArticleViewSet, basename="article")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("people", views.PersonViewSet, basename="person")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("outlets", views.OutletViewSet, basename="outlet")

urlpatterns = [
    path(
        "openapi.json",
        cache_control(public=True, max_age=300)(SpectacularJSONAPIView.as_view()),
        name="schema",
    ),
    path("docs/", views.ApiDocs.as_view(url_name="api:schema"), name="docs"),
    path("open-data/", include("exports.api_urls")),
    *router.urls,
]
