from django.template.loader import render_to_string
from django.utils.translation import get_language

from articles.models import Article
from articles.views import ArticleListView
from core import fragments
from meetings.models import Meeting

from . import query
from .query import attach_snippets, with_document

MEETING_RESULTS = "search/meeting_results.html"


class SearchView(ArticleListView):
    """Ranked results for a reader's words: matching meetings first, then reports,
    which the list's filters narrow."""

    template_name = "search/search.html"

    def get_queryset(self):
        return with_document(super().get_queryset()) if self.terms else Article.objects.none()

    def meeting_results(self, terms):
        """The five meetings matching best, as the page shows them above the reports:
        ranked, read and rendered once per content version, words and interface
        language (`fragments.by_version`). Only published meetings are searched."""
        return fragments.by_version(
            "meeting-results", repr((terms, get_language())), lambda: self.render_meetings(terms)
        )

    def render_meetings(self, terms):
        matches = query.search(Meeting.objects.published(), terms, limit=100)
        ids = list(matches.values_list("pk", flat=True)[:5])
        rows = with_document(Meeting.objects.published()).in_bulk(ids)
        meetings = attach_snippets([rows[pk] for pk in ids if pk in rows], terms)
        return render_to_string(MEETING_RESULTS, {"meetings": meetings}) if meetings else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = self.terms if self.filterset.is_valid() else ""
        meetings = ""
        if terms and context["page_obj"].number == 1:
            meetings = self.meeting_results(terms)
        context.update(
            terms=terms,
            is_filtered=any(
                value for key, value in self.request.GET.items() if key not in {"page", "q"}
            ),
            meeting_results=meetings,
            article_list=attach_snippets(context["article_list"], terms) if terms else [],
            max_results=query.MAX_RESULTS,
        )
        return context
