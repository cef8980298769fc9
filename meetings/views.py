from django.conf import settings
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.views.generic import DetailView, YearArchiveView
from django_filters.views import FilterView

from articles.models import Article
from core import caching
from core.fragments import PageFragmentMixin, cached
from core.pagination import CursorPagination, CursorPaginationMixin
from editorial.views import PreviewMixin

from . import coverage, fragments, structured_data
from .filters import MeetingFilter
from .models import Meeting


class MeetingCursor(CursorPagination):
    ordering = ("-date", "-pk")
    page_size = 20


def meeting_years():
    return Meeting.objects.published().dates("date", "year", order="DESC")


class MeetingTimelineMixin:
    """Published meetings newest first, with the years that have any, and the query of
    the downloads of what the page shows (the `exports` of the meeting list)."""

    template_name = "meetings/meeting_list.html"

    def get_queryset(self):
        return Meeting.objects.published().newest_first()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            years=meeting_years(), export_query=self.export_query(), **kwargs
        )


class MeetingListView(MeetingTimelineMixin, CursorPaginationMixin, FilterView):
    filterset_class = MeetingFilter
    paginate_by = 20
    cursor_class = MeetingCursor

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.is_refused():
            response.status_code = 400
        return response

    def is_refused(self):
        return self.filterset.is_bound and not self.filterset.is_valid()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The filter form's menu and chosen names change with content: its rendering is
        # cached under the content version (`includes/list_filters.html`).
        context["content_version"] = caching.content_version()
        context["fragment_seconds"] = settings.NEWSROOM_FRAGMENT_SECONDS
        context["chosen_filters"] = self.chosen_filters()
        context["is_filtered"] = any(self.filter_query().values())
        return context

    def filter_query(self):
        """The request's query without the page's position (nor a download's `rows`,
        which the download links give)."""
        query = self.request.GET.copy()
        for key in ("cursor", "page", "rows"):
            query.pop(key, None)
        return query

    def export_query(self):
        """The filters, for the downloads of the list; None while they are refused."""
        return None if self.is_refused() else self.filter_query().urlencode()

    def chosen_filters(self):
        """The person or organization the list is narrowed to, each with the address of
        the list without it."""
        if self.is_refused() or not self.filterset.is_bound:
            return []
        chosen = []
        for name in ("person", "organization"):
            item = self.filterset.form.cleaned_data.get(name)
            if item is not None:
                query = self.filter_query()
                query.pop(name, None)
                chosen.append(
                    {
                        "label": self.filterset.form.fields[name].label,
                        "item": item,
                        "remove_url": f"?{query.urlencode()}",
                    }
                )
        return chosen


class MeetingYearView(MeetingTimelineMixin, YearArchiveView):
    """The meetings of one year, newest first: the timeline's pages."""

    date_field = "date"
    make_object_list = True
    allow_future = True
    allow_empty = False

    def export_query(self):
        year = f"{int(self.get_year()):04d}"
        return urlencode({"date_after": f"{year}-01-01", "date_before": f"{year}-12-31"})


class MeetingDetailView(PreviewMixin, PageFragmentMixin, DetailView):
    model = Meeting
    fragment_name = "meeting-page"

    def get_queryset(self):
        return super().get_queryset().select_related("organizer", "parent")

    def page_varies(self):
        """What was read with the meeting, before its stamp (`core.fragments`)."""
        meeting = self.object
        return repr(
            (
                meeting.organizer and (meeting.organizer.slug, meeting.organizer.name),
                meeting.parent
                and (meeting.parent.slug, meeting.parent.title, meeting.parent.is_published),
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.render_page(self.object), **kwargs)

    def render_page(self, meeting):
        """The body of the meeting's page: its participants, summary in the reader's
        language, topics, parts and reports with their versions, and its JSON-LD."""
        (meeting,) = fragments.with_participants([meeting])
        reports = Article.objects.published().attach_versions(
            meeting.reports.published()
            .with_original()
            .select_related("outlet", "agency")
            .order_by("language", "published_at", "pk")
        )
        reader = get_language()
        summary = None
        if reader != meeting.language:
            summary = meeting.summaries.filter(language=reader).first()
        topics = list(meeting.topics.order_by("name"))
        context = {
            "meeting": meeting,
            "reports": reports,
            "summary": summary,
            "summary_missing": summary is None and reader != meeting.language,
            "topics": topics,
            "mentioned_people": meeting.mentioned_people.order_by("name"),
            "parts": meeting.parts.published().order_by("date", "pk"),
            "structured_data": structured_data.meeting(
                self.request,
                meeting,
                participants=meeting.participants.all(),
                topics=topics,
                reports=reports,
                summary=summary,
            ),
        }
        page = {
            part: render_to_string(f"meetings/meeting_page/{part}.html", context)
            for part in ("head", "report")
        }
        page["description"] = Truncator(meeting.summary).words(40)
        return page


class MeetingCoverageView(DetailView):
    """A published meeting's published reports side by side, with the facts each one
    carries and lacks (`meetings.coverage`)."""

    model = Meeting
    template_name = "meetings/meeting_coverage.html"

    def get_queryset(self):
        return Meeting.objects.published()

    def get_context_data(self, **kwargs):
        meeting = self.object
        named = coverage.named_in_reports(meeting)
        (comparison,) = cached(
            "meeting-coverage",
            [meeting],
            lambda meetings: [self.render_comparison(meeting, named)],
            vary=lambda _: repr(named),
        )
        return super().get_context_data(comparison=comparison, **kwargs)

    def render_comparison(self, meeting, named):
        return render_to_string(
            "meetings/coverage/comparison.html",
            {"meeting": meeting, "comparison": coverage.compare(meeting, named)},
        )
