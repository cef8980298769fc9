"""The addresses of the benchmark's reference server: a bare view that does nothing but
answer (the ceiling), and the textbook Django version of the article list and page:
a `ListView` of 20 rows and a `DetailView` over the same `Article` table, with
`select_related("outlet")` and plain templates (`bench/templates/textbook/`). They are
the yardstick, not part of the product."""

from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.views.generic import DetailView, ListView

from articles.models import Article
from editorial.models import Status


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


def published():
    """Published reports, filtered with Django's own lookups as a textbook view would."""
    return Article.objects.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())


class TextbookArticleList(ListView):
    paginate_by = 20
    template_name = "textbook/article_list.html"

    def get_queryset(self):
        return published().select_related("outlet").order_by("-published_at", "-pk")


class TextbookArticleDetail(DetailView):
    template_name = "textbook/article_detail.html"

    def get_queryset(self):
        return published().select_related("outlet")


urlpatterns = [
    path("ceiling/", ceiling, name="ceiling"),
    path("textbook/articles/", TextbookArticleList.as_view(), name="textbook-list"),
    path(
        "textbook/articles/<slug:slug>/",
        TextbookArticleDetail.as_view(),
        name="textbook-article",
    ),
]
