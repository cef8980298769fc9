"""The importer in the admin: the import page (upload or paste reports, check what was
read, import the ones ticked), the proposals on an article's page (names to confirm,
related reports, the meeting read in the report) with the views their buttons post to,
and the pages of meeting proposals.

The article admin of `articles.admin` gets these here, by a subclass registered in its
place (ingest comes after articles in INSTALLED_APPS), so that articles never imports
ingest; every admin address and its name stay as they were.

A little over the project's 500 lines, for a stated reason: the proposals' inlines,
the meeting proposals' admin and the views their buttons post to share the helpers
above them and the article admin subclass below; split, each part would import the
others.
"""

import secrets

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from articles import admin as articles_admin
from articles.models import Article, Outlet, Translation
from people.models import Organization, Person

from . import uploads
from .decoding import ReportError, decode
from .forms import ImportReportsForm
from .importers import Importer
from .models import MeetingProposal, NameProposal, ProposedParticipant, RelationProposal
from .results import ImportStatus

IMPORT_SESSION_KEY = "articles_import_batches"
#: What the messages after an import call a report that was not imported.
IMPORT_STATUSES = {
    ImportStatus.FAILED: pgettext_lazy("import status", "failed"),
    ImportStatus.UNCHANGED: pgettext_lazy("import status", "unchanged"),
}


def readable(data):
    """A report's text as the importer will read it again, or "" if it cannot be read."""
    try:
        return decode(data)[0]
    except ReportError:
        return ""


def accepted_message(proposal, result):
    if isinstance(proposal, NameProposal) and proposal.kind == NameProposal.Kind.OUTLET:
        return _("“%(name)s” is now the outlet of this article.") % {"name": result}
    if isinstance(proposal, NameProposal) and proposal.kind == NameProposal.Kind.AGENCY:
        return _("“%(name)s” is now the source agency of this article.") % {"name": result}
    if isinstance(proposal, NameProposal):
        return _("“%(name)s” is now in the database and linked to this article.") % {"name": result}
    if isinstance(proposal, MeetingProposal) and proposal.meeting_id:
        return _("Added to “%(meeting)s”.") % {"meeting": result}
    if isinstance(proposal, MeetingProposal):
        return _(
            "Draft meeting “%(meeting)s” created with its participants and reports: "
            "write its summary."
        ) % {"meeting": result}
    if isinstance(result, Translation):
        return _("Linked as a translation of “%(title)s”.") % {"title": result.source}
    return _("Added to %(meetings)s.") % {"meetings": ", ".join(f"“{m}”" for m in result)}


def proposal_buttons(article_id, proposal_id, route, actions):
    """Buttons that post an article's change form to the action view of one of its
    proposals, with its CSRF token."""
    return format_html_join(
        " ",
        '<button type="submit" class="button" formaction="{}" formnovalidate>{}</button>',
        (
            (
                reverse(f"admin:articles_article_{route}", args=[article_id, proposal_id, action]),
                label,
            )
            for action, label in actions
        ),
    )


class ProposalInline(admin.TabularInline):
    """Read-only rows of what the importer proposes, each with its buttons."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NameProposalInline(ProposalInline):
    model = NameProposal
    fields = readonly_fields = ["kind", "name", "buttons"]
    verbose_name_plural = _(
        "names to confirm (found by the importer; the buttons act at once, without saving "
        "other changes on this page)"
    )

    LABELS = {
        NameProposal.Kind.PERSON: _("Add as person"),
        NameProposal.Kind.ORGANIZATION: _("Add as organization"),
        NameProposal.Kind.OUTLET: _("Confirm as the outlet"),
        NameProposal.Kind.AGENCY: _("Confirm as the source agency"),
    }

    @admin.display(description=_("confirm"))
    def buttons(self, proposal):
        label = self.LABELS[proposal.kind]
        return proposal_buttons(
            proposal.article_id,
            proposal.pk,
            "name_proposal",
            [("accept", label), ("dismiss", _("Dismiss"))],
        )


class RelationProposalInline(ProposalInline):
    model = RelationProposal
    fk_name = "article"
    fields = readonly_fields = ["candidate_link", "relation", "score", "buttons"]
    verbose_name_plural = _(
        "related reports proposed by the importer (the buttons act at once, without saving "
        "other changes on this page)"
    )

    @admin.display(description=_("report"))
    def candidate_link(self, proposal):
        candidate = proposal.candidate
        return format_html(
            '<a href="{}">{}</a> ({}, {}, {})',
            reverse("admin:articles_article_change", args=[candidate.pk]),
            candidate.title,
            candidate.get_language_display(),
            candidate.outlet or "—",
            candidate.published_at.date() if candidate.published_at else "—",
        )

    @admin.display(description=_("link"))
    def buttons(self, proposal):
        label = (
            _("Link as translation")
            if proposal.relation == RelationProposal.Relation.TRANSLATION
            else _("Add to its meeting")
        )
        return proposal_buttons(
            proposal.article_id,
            proposal.pk,
            "relation_proposal",
            [("accept", label), ("dismiss", _("Dismiss"))],
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("candidate__outlet")


class MeetingProposalInline(ProposalInline):
    """The meeting the importer read in the report, on the article's page."""

    model = MeetingProposal.reports.through
    fk_name = "article"
    fields = readonly_fields = ["meeting_read", "buttons"]
    verbose_name = _("meeting to confirm")
    verbose_name_plural = _(
        "meeting proposed by the importer (the buttons act at once, without saving other "
        "changes on this page)"
    )

    @admin.display(description=_("meeting"))
    def meeting_read(self, row):
        proposal = row.meetingproposal
        if proposal.meeting_id:
            meeting = proposal.meeting
            return format_html(
                '{} <a href="{}">{}</a> ({})',
                _("Covers"),
                reverse("admin:meetings_meeting_change", args=[meeting.pk]),
                meeting.title,
                meeting.date,
            )
        people = format_html_join(
            "; ",
            "{}{}",
            (
                (p.reported_name, f", {p.reported_title}" if p.reported_title else "")
                for p in proposal.participants.all()
            ),
        )
        return format_html(
            "<strong>{}</strong>: {}<br>{}: {} · {}: {}<br>{}: {}",
            proposal.get_kind_display(),
            proposal.title,
            _("date"),
            proposal.date or _("not stated"),
            _("place"),
            proposal.place or "—",
            _("participants"),
            people or "—",
        )

    @admin.display(description=_("confirm"))
    def buttons(self, row):
        proposal = row.meetingproposal
        label = _("Add to this meeting") if proposal.meeting_id else _("Create the draft meeting")
        actions = proposal_buttons(
            row.article_id,
            proposal.pk,
            "meeting_proposal",
            [("accept", label), ("dismiss", _("Dismiss"))],
        )
        edit = reverse("admin:ingest_meetingproposal_change", args=[proposal.pk])
        return format_html('{} <a href="{}">{}</a>', actions, edit, _("Edit first"))

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("meetingproposal__meeting")
            .prefetch_related("meetingproposal__participants")
            .order_by("meetingproposal_id")
        )


class ProposedParticipantInline(admin.TabularInline):
    model = ProposedParticipant
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = ["position", "reported_name", "reported_title", "person", "organization", "side"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "organization")


@admin.register(MeetingProposal)
class MeetingProposalAdmin(admin.ModelAdmin):
    """The meetings the importer read in reports: check and complete one, then create the
    draft meeting in the same step ("Save and create the meeting"), or delete it."""

    list_display = ["__str__", "kind", "date", "place", "report_count", "created_at"]
    list_filter = ["kind", ("meeting", admin.EmptyFieldListFilter)]
    search_fields = ["title", "participants__reported_name", "meeting__title"]
    autocomplete_fields = ["meeting", "reports"]
    readonly_fields = ["publication_dates"]
    fields = [
        "meeting",
        "title",
        "kind",
        "date",
        "publication_dates",
        "city",
        "venue",
        "language",
        "reports",
    ]
    inlines = [ProposedParticipantInline]
    change_form_template = "admin/ingest/meetingproposal/change_form.html"
    ordering = ["-created_at", "-pk"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("meeting")
            .annotate(report_count=Count("reports", distinct=True))
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("reports"), ordering="report_count")
    def report_count(self, proposal):
        return proposal.report_count

    @admin.display(description=_("reports published on"))
    def publication_dates(self, proposal):
        days = sorted({a.published_at.date() for a in proposal.reports.all() if a.published_at})
        return ", ".join(str(day) for day in days) or "—"

    def may_accept(self, request, proposal):
        needed = "meetings.change_meeting" if proposal.meeting_id else "meetings.add_meeting"
        return request.user.has_perm(needed) and self.has_change_permission(request, proposal)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["may_accept"] = obj is not None and self.may_accept(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        """With "Save and create the meeting", the saved proposal becomes the meeting."""
        if "_accept" not in request.POST:
            return super().response_change(request, obj)
        if not self.may_accept(request, obj):
            raise PermissionDenied
        try:
            with transaction.atomic():
                meeting = obj.accept()
        except ValidationError as error:
            self.message_user(
                request,
                _("The proposal was saved, but the meeting was not created: %(reason)s")
                % {"reason": " ".join(error.messages)},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)
        self.message_user(request, accepted_message(obj, meeting), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))


admin.site.unregister(Article)


@admin.register(Article)
class ArticleImportAdmin(articles_admin.ArticleAdmin):
    """The article admin with the import page, and the importer's proposals on each
    article's page."""

    inlines = [
        MeetingProposalInline,
        RelationProposalInline,
        NameProposalInline,
        *articles_admin.ArticleAdmin.inlines,
    ]

    def may_import(self, request):
        return request.user.has_perm("articles.add_article")

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {"can_import": self.may_import(request), **(extra_context or {})}
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="articles_article_import"),
            path(
                "<int:object_id>/names/<int:proposal_id>/<str:action>/",
                view(self.name_proposal_view),
                name="articles_article_name_proposal",
            ),
            path(
                "<int:object_id>/relations/<int:proposal_id>/<str:action>/",
                view(self.relation_proposal_view),
                name="articles_article_relation_proposal",
            ),
            path(
                "<int:object_id>/meetings/<int:proposal_id>/<str:action>/",
                view(self.meeting_proposal_view),
                name="articles_article_meeting_proposal",
            ),
            *super().get_urls(),
        ]

    def get_inline_instances(self, request, obj=None):
        """Proposal rows show only while there are some to act on."""
        inlines = super().get_inline_instances(request, obj)
        hidden = set()
        if obj is None or not obj.name_proposals.exists():
            hidden.add(NameProposalInline)
        if obj is None or not obj.relation_proposals.exists():
            hidden.add(RelationProposalInline)
        if obj is None or not obj.meeting_proposals.exists():
            hidden.add(MeetingProposalInline)
        return [inline for inline in inlines if type(inline) not in hidden]

    def act_on_proposal(self, request, object_id, proposal, action, permissions):
        """Accept or dismiss a proposal, then go back to the article."""
        if request.method != "POST" or action not in {"accept", "dismiss"}:
            return HttpResponseNotAllowed(["POST"])
        needed = permissions[action]
        if not request.user.has_perms(needed):
            raise PermissionDenied
        back = reverse("admin:articles_article_change", args=[object_id])
        if action == "dismiss":
            proposal.delete()
            self.message_user(request, _("“%s” dismissed.") % proposal, messages.SUCCESS)
            return HttpResponseRedirect(back)
        try:
            with transaction.atomic():
                result = proposal.accept()
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(back)
        self.message_user(request, accepted_message(proposal, result), messages.SUCCESS)
        if isinstance(proposal, MeetingProposal) and not proposal.meeting_id:
            return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[result.pk]))
        return HttpResponseRedirect(back)

    def name_proposal_view(self, request, object_id, proposal_id, action):
        proposal = get_object_or_404(NameProposal, pk=proposal_id, article_id=object_id)
        model = {
            NameProposal.Kind.PERSON: Person,
            NameProposal.Kind.ORGANIZATION: Organization,
        }.get(proposal.kind, Outlet)
        return self.act_on_proposal(
            request,
            object_id,
            proposal,
            action,
            {
                "accept": [
                    f"{model._meta.app_label}.add_{model._meta.model_name}",
                    "articles.change_article",
                ],
                "dismiss": ["ingest.delete_nameproposal"],
            },
        )

    def relation_proposal_view(self, request, object_id, proposal_id, action):
        proposal = get_object_or_404(RelationProposal, pk=proposal_id, article_id=object_id)
        accept = (
            ["articles.add_translation"]
            if proposal.relation == RelationProposal.Relation.TRANSLATION
            else ["meetings.change_meeting"]
        )
        return self.act_on_proposal(
            request,
            object_id,
            proposal,
            action,
            {"accept": accept, "dismiss": ["ingest.delete_relationproposal"]},
        )

    def meeting_proposal_view(self, request, object_id, proposal_id, action):
        proposal = get_object_or_404(
            MeetingProposal.objects.select_related("meeting"),
            pk=proposal_id,
            reports__pk=object_id,
        )
        accept = ["meetings.change_meeting"] if proposal.meeting_id else ["meetings.add_meeting"]
        return self.act_on_proposal(
            request,
            object_id,
            proposal,
            action,
            {"accept": accept, "dismiss": ["ingest.delete_meetingproposal"]},
        )

    def import_view(self, request):
        """Upload or paste reports, check what was read, import the ones ticked."""
        if not self.may_import(request):
            raise PermissionDenied
        if request.method == "POST" and "import" in request.POST:
            return self.import_ticked(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import reports"),
        }
        posted = request.method == "POST"
        form = ImportReportsForm(
            request.POST if posted else None,
            request.FILES if posted else None,
            upload_error=uploads.error(request),
        )
        if posted and form.is_valid():
            outlet = form.cleaned_data["outlet"] or None
            reports = form.reports()
            importer = Importer(dry_run=True, outlet=outlet)
            context["previews"] = list(importer.import_many([(n, d) for n, d in reports]))
            token = secrets.token_urlsafe(12)
            batches = request.session.get(IMPORT_SESSION_KEY, {})
            batches[token] = {
                "reports": [{"name": name, "text": readable(data)} for name, data in reports],
                "outlet": outlet,
            }
            request.session[IMPORT_SESSION_KEY] = dict(list(batches.items())[-5:])
            context["batch"] = token
        context["form"] = form
        return TemplateResponse(
            request,
            "admin/articles/article/import_reports.html",
            context,
            status=uploads.status(request),
        )

    def import_ticked(self, request):
        """Import the ticked reports of a preview, reading the others for context only."""
        batches = request.session.get(IMPORT_SESSION_KEY, {})
        batch = batches.pop(request.POST.get("batch", ""), None)
        request.session[IMPORT_SESSION_KEY] = batches
        if batch is None:
            self.message_user(
                request,
                _("This preview is out of date or was already imported: read the reports again."),
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:articles_article_import"))
        reports = batch["reports"]
        boxes = {str(index): report["name"] for index, report in enumerate(reports)}
        ticked = {boxes[box] for box in request.POST.getlist("report") if box in boxes}
        importer = Importer(outlet=batch["outlet"], write_only=ticked)
        results = importer.import_many(
            [(item["name"], item["text"].encode()) for item in reports if item["text"]]
        )
        results = [result for result in results if result.path in ticked]
        imported = [result for result in results if result.status == ImportStatus.IMPORTED]
        self.message_user(
            request,
            ngettext("%d report imported.", "%d reports imported.", len(imported)) % len(imported),
            messages.SUCCESS if imported else messages.WARNING,
        )
        for result in results:
            was_imported = result.status == ImportStatus.IMPORTED
            notes = result.warnings if was_imported else [result.error or ""]
            status = IMPORT_STATUSES.get(result.status, result.status)
            prefix = "" if was_imported else f"{status}: "
            for note in notes:
                self.message_user(
                    request, f"{result.path}: {prefix}{note}".rstrip(": "), messages.WARNING
                )
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))
