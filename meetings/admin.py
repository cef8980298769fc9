"""The admin of meetings, their participants, coverage and summary translations, and
topics; with the desk's table of coverage by language and its dashboard."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from core.admin import ArchiveAdminMixin
from core.languages import LANGUAGES
from editorial.admin import RevisionAdmin, WorkflowAdminMixin, WorkflowEventInline
from editorial.forms import VersionedForm

from . import dashboard
from .models import Coverage, Meeting, Participant, SummaryTranslation, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]


def coverage_cell(meeting, language, reports, summaries):
    """What a meeting has in one language, and the link to what is missing."""
    here = reports.get((meeting.pk, language), [])
    any_report = next(
        (articles[0] for (pk, _), articles in reports.items() if pk == meeting.pk), None
    )
    cell = {"reports": here, "summary": None, "summary_url": None, "report_url": None}
    if not here and any_report is not None:
        cell["report_url"] = (
            reverse("admin:articles_article_translate", args=[any_report.pk])
            + f"?language={language}"
        )
    if language == meeting.language:
        cell["summary"] = "original"
    elif (meeting.pk, language) in summaries:
        summary = summaries[(meeting.pk, language)]
        cell["summary"] = "outdated" if summary.is_outdated else "translated"
        cell["summary_url"] = reverse("admin:meetings_summarytranslation_change", args=[summary.pk])
    else:
        cell["summary"] = "missing"
        cell["summary_url"] = (
            reverse("admin:meetings_summarytranslation_add")
            + f"?meeting={meeting.pk}&language={language}"
        )
    return cell


class SummaryTranslationInline(admin.StackedInline):
    model = SummaryTranslation
    extra = 0
    fields = ["language", "title", "summary", "state"]
    readonly_fields = ["state"]
    verbose_name_plural = _("the summary in other languages")

    @admin.display(description=_("state"))
    def state(self, summary):
        if summary.pk is None:
            return "—"
        if summary.is_outdated:
            return _("Outdated: the summary changed since this translation.")
        return _("Up to date")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting", "source_revision")


@admin.register(SummaryTranslation)
class SummaryTranslationAdmin(RevisionAdmin):
    list_display = ["meeting", "language", "is_outdated_display", "updated_at"]
    list_filter = ["language"]
    list_select_related = ["meeting", "source_revision"]
    search_fields = ["title", "summary", "meeting__title"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["original"]
    fields = ["meeting", "language", "original", "title", "summary"]
    actions = ["mark_up_to_date"]
    ordering = ["-updated_at", "-pk"]

    @admin.display(description=_("outdated"), boolean=True)
    def is_outdated_display(self, summary):
        return summary.is_outdated

    @admin.display(description=_("original summary"))
    def original(self, summary):
        if summary.pk is None:
            return "—"
        return format_html_join(
            "",
            '<p><span class="paragraph-number">{}</span> {}</p>',
            enumerate(summary.meeting.paragraphs, 1),
        )

    def get_changeform_initial_data(self, request):
        return {key: request.GET[key] for key in ("meeting", "language") if key in request.GET}

    def save_model(self, request, obj, form, change):
        if obj.source_revision_id is None:
            obj.follow_source()
        super().save_model(request, obj, form, change)

    @admin.action(
        description=_("Mark as up to date with the meeting's summary"), permissions=["change"]
    )
    def mark_up_to_date(self, request, queryset):
        for summary in queryset:
            summary.follow_source()
            summary.save(update_fields=["source_revision"])
        self.message_user(request, _("Marked up to date."), messages.SUCCESS)


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 1
    autocomplete_fields = ["person", "post", "organization"]
    fields = [
        "position",
        "person",
        "post",
        "organization",
        "side",
        "reported_name",
        "reported_title",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("person", "organization", "post__person", "post__organization")
        )


class CoverageInline(admin.TabularInline):
    model = Coverage
    extra = 1
    autocomplete_fields = ["article"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


@admin.register(Meeting)
class MeetingAdmin(ArchiveAdminMixin, WorkflowAdminMixin, RevisionAdmin):
    list_display = ["title", "date", "kind", "place_display", "status", "report_count"]
    list_filter = ["status", "kind", "country", "topics"]
    date_hierarchy = "date"
    search_fields = [
        "title",
        "summary",
        "venue",
        "city",
        "participants__reported_name",
        "participants__person__name",
    ]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organizer", "parent", "topics", "mentioned_people"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ParticipantInline, CoverageInline, SummaryTranslationInline, WorkflowEventInline]
    change_list_template = "admin/meetings/meeting/change_list.html"
    conflict_fields = ["title", "summary"]
    ordering = ["-date", "-pk"]
    form = forms.modelform_factory(
        Meeting,
        form=VersionedForm,
        fields="__all__",
        widgets={
            "title": forms.TextInput(attrs={"size": 90}),
            "summary": forms.Textarea(attrs={"rows": 14, "cols": 100}),
        },
    )
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "status",
                    "published_at",
                    "date",
                    "kind",
                    "opened_version",
                ]
            },
        ),
        (_("Where"), {"fields": ["venue", "city", "country", "organizer", "parent"]}),
        (_("Summary"), {"fields": ["summary", "language", "topics", "mentioned_people"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(report_count=Count("reports", distinct=True))

    def get_urls(self):
        return [
            path(
                "coverage/",
                self.admin_site.admin_view(self.coverage_view),
                name="meetings_meeting_coverage",
            ),
            path(
                "dashboard/",
                self.admin_site.admin_view(self.dashboard_view),
                name="meetings_meeting_dashboard",
            ),
            *super().get_urls(),
        ]

    def dashboard_view(self, request):
        """The desk's dashboard (`meetings.dashboard`) over the range asked for."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = dashboard.DateRangeForm(request.GET)
        valid = form.is_valid()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Desk dashboard"),
            "form": form,
            "dashboard": valid
            and dashboard.build(form.cleaned_data["start"], form.cleaned_data["end"]),
        }
        return TemplateResponse(
            request,
            "admin/meetings/meeting/dashboard.html",
            context,
            status=200 if valid else 400,
        )

    def coverage_view(self, request):
        """Meetings by language: which have reports and summaries in which language, and
        which translations are missing or outdated, each cell linking to what fills it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        paginator = Paginator(Meeting.objects.newest_first(), 50)
        page = paginator.get_page(request.GET.get("page"))
        meetings = list(page.object_list)
        reports, summaries = {}, {}
        for coverage in Coverage.objects.filter(meeting__in=meetings).select_related("article"):
            reports.setdefault((coverage.meeting_id, coverage.article.language), []).append(
                coverage.article
            )
        for summary in SummaryTranslation.objects.filter(meeting__in=meetings).select_related(
            "meeting", "source_revision"
        ):
            summaries[(summary.meeting_id, summary.language)] = summary
        languages = sorted(
            {code for code, _ in settings.LANGUAGES}
            | {language for _, language in reports}
            | {meeting.language for meeting in meetings}
        )
        rows = [
            (
                meeting,
                [coverage_cell(meeting, language, reports, summaries) for language in languages],
            )
            for meeting in meetings
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Coverage by language"),
            "languages": [(code, dict(LANGUAGES).get(code, code)) for code in languages],
            "rows": rows,
            "page_obj": page,
        }
        return TemplateResponse(request, "admin/meetings/meeting/coverage.html", context)

    @admin.display(description=_("place"))
    def place_display(self, meeting):
        return meeting.place

    @admin.display(description=_("reports"), ordering="report_count")
    def report_count(self, meeting):
        return meeting.report_count
