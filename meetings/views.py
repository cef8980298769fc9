from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, YearArchiveView

from articles.views import attach_versions
from core.pagination import CursorPagination, CursorPaginationMixin
from editorial.views import PreviewMixin

from . import structured_data
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
        return (
            Meeting.objects.published()
            .select_related("organizer")
            .with_participants()
            .newest_first()
        )

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
        return super().get_queryset().select_related("organizer", "parent").with_participants()

    def get_context_data(self, **kwargs):
        meeting = self.object
        reports = attach_versions(
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
        return super().get_context_data(
            reports=reports,
            summary=summary,
            reader_language=reader,
            summary_missing=summary is None and reader != meeting.language,
            topics=topics,
            mentioned_people=meeting.mentioned_people.order_by("name"),
            parts=meeting.parts.published()
            .select_related("organizer")
            .with_participants()
            .order_by("date", "pk"),
            structured_data=structured_data.meeting(
                self.request,
                meeting,
                participants=meeting.participants.all(),
                topics=topics,
                reports=reports,
                summary=summary,
            ),
            **kwargs,
        )
