"""The pages that belong to no one domain: the home page, the health check, and the
page for an address that names nothing."""

from django.db import connection
from django.http import HttpResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from api.views import not_found
from articles.views import listed_articles
from core import caching
from meetings.models import Meeting


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            articles=listed_articles()[:10],
            meetings=Meeting.objects.published().newest_first()[:6],
            **kwargs,
        )


#: How each database says whether this connection may write (a PostgreSQL standby, a
#: SQLite connection opened read-only): the query, and the answer that means it may not.
READ_ONLY_QUERIES = {
    "postgresql": ("SHOW transaction_read_only", "on"),
    "sqlite": ("PRAGMA query_only", 1),
}


@never_cache
def health(request):
    """For load balancers: 200 while the database answers, whatever the cache's state.

    The body says how each dependency is: `database: ok` or `read-only`, and `cache: ok`,
    `off` or `degraded (...)`. A read-only database or a degraded cache still serves
    readers, so they are reported, not failed on: alert on them, but keep the node in
    rotation. An unreachable database makes this a 503 (`DatabaseUnavailableMiddleware`),
    so the app server is taken out of rotation.
    """
    query, read_only = READ_ONLY_QUERIES.get(connection.vendor, ("SELECT 1", None))
    with connection.cursor() as cursor:
        cursor.execute(query)
        database = "read-only" if cursor.fetchone()[0] == read_only else "ok"
    state, detail = caching.status()
    cache = state if state != "degraded" else f"degraded ({detail})"
    return HttpResponse(f"ok\ndatabase: {database}\ncache: {cache}\n", content_type="text/plain")


def page_not_found(request, exception):
    """The 404 page in the interface language; under /api/, the API's JSON 404."""
    if request.path_info.startswith("/api/"):
        return not_found(request, exception)
    return defaults.page_not_found(request, exception)
