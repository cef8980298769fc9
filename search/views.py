from django.utils.functional import cached_property

from articles.models import Article
from articles.views import ArticleListView
from core import fragments
from meetings.models import Meeting

from . import query
from .query import attach_snippets, with_document


class SearchView(ArticleListView):
    """Ranked results for a reader's words: matching meetings first, then reports,
    which the list's filters narrow."""

    template_name = "search/search.html"

    def get_queryset(self):
        return with_document(super().get_queryset()) if self.terms else Article.objects.none()

    @cached_property
    def terms(self):
        return self.request.GET.get("q", "").strip()

    def best_meetings(self, terms):
        """The five meetings matching best, ranked once per content version
        (`fragments.by_version`), then read by id."""
        ids = fragments.by_version(
            "best-meetings",
            terms,
            lambda: list(
                query.search(Meeting.objects.published(), terms, limit=100).values_list(
                    "pk", flat=True
                )[:5]
            ),
        )
        rows = with_document(Meeting.objects.published().select_related("organizer")).in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = self.terms if self.filterset.is_valid() else ""
        meetings = []
        if terms and context["page_obj"].number == 1:
            meetings = attach_snippets(self.best_meetings(terms), terms)
        context.update(
            terms=terms,
            is_filtered=any(
                value for key, value in self.request.GET.items() if key not in {"page", "q"}
            ),
            meetings=meetings,
            article_list=attach_snippets(context["article_list"], terms) if terms else [],
            max_results=query.MAX_RESULTS,
        )
        return context
