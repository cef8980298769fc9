"""The addresses of the benchmark's reference server: a bare view that does nothing but
answer (the ceiling), and the textbook Django version of the article list and page:
a `ListView` of 20 rows and a `DetailView` over the same `Article` table, with
`select_related("outlet")` and plain templates (`bench/templates/textbook/`). They are
the yardstick, not part of the product."""

from django.http import HttpResponse
from django.urls import path
from django.views.generic import DetailView, ListView

from articles.models import Article


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


class TextbookArticleList(ListView):
    queryset = Article.objects.published().select_related("outlet").newest_first()
    paginate_by = 20
    template_name = "textbook/article_list.html"


class TextbookArticleDetail(DetailView):
    queryset = Article.objects.published().select_related("outlet")
    template_name = "textbook/article_detail.html"


urlpatterns = [
    path("ceiling/", ceiling, name="ceiling"),
    path("textbook/articles/", TextbookArticleList.as_view(), name="textbook-list"),
    path(
        "textbook/articles/<slug:slug>/",
        TextbookArticleDetail.as_view(),
        name="textbook-article",
    ),
]
