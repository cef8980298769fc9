from django.template.loader import render_to_string
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, YearArchiveView

from articles.models import Article
from core.fragments import cached
from core.pagination import CursorPagination, CursorPaginationMixin
from editorial.views import PreviewMixin

from . import fragments, structured_data
from .models import Meeting


class MeetingCursor(CursorPagination):
    ordering = ("-date", "-pk")
    page_size = 20


def meeting_years():
    return Meeting.objects.published().dates("date", "year", order="DESC")


class MeetingTimelineMixin:
    """Published meetings newest first, with the years that have any."""

    template_name = "meetings/meeting_list.html"

    def get_queryset(self):
        return Meeting.objects.published().newest_first()

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=meeting_years(), **kwargs)


class MeetingListView(MeetingTimelineMixin, CursorPaginationMixin, ListView):
    paginate_by = 20
    cursor_class = MeetingCursor


class MeetingYearView(MeetingTimelineMixin, YearArchiveView):
    """The meetings of one year, newest first: the timeline's pages."""

    date_field = "date"
    make_object_list = True
    allow_future = True
    allow_empty = False


class MeetingDetailView(PreviewMixin, DetailView):
    model = Meeting

    def get_queryset(self):
        return super().get_queryset().select_related("organizer", "parent")

    def get_context_data(self, **kwargs):
        meeting = self.object
        # What was read with the meeting, before its stamp (`core.fragments`).
        read = (
            f"{self.request.scheme}://{self.request.get_host()}",
            meeting.organizer and (meeting.organizer.slug, meeting.organizer.name),
            meeting.parent
            and (meeting.parent.slug, meeting.parent.title, meeting.parent.is_published),
        )
        (page,) = cached("meeting-page", [meeting], self.render_page, vary=lambda _: repr(read))
        return super().get_context_data(page=page, **kwargs)

    def render_page(self, meetings):
        """The body of the meeting's page: its participants, summary in the reader's
        language, topics, parts and reports with their versions, and its JSON-LD."""
        (meeting,) = fragments.with_participants(meetings)
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
        return [page]
