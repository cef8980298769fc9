from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from core.moved import MOVED_FROM_ARTICLES
from core.views import moved_admin_page

from . import views
from .sitemaps import sitemaps

handler404 = "newsroom.views.page_not_found"

urlpatterns = [
    re_path(
        rf"^{settings.ADMIN_URL}articles/(?P<model>{'|'.join(MOVED_FROM_ARTICLES)})/(?P<rest>.*)$",
        moved_admin_page,
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("health/", views.health, name="health"),
    path("api/v1/", include("api.urls")),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("search.urls")),
    path("", include("articles.urls")),
    path("", include("meetings.urls")),
    path("", include("people.urls")),
    path("", include("exports.urls")),
)
