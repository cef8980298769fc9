import secrets

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connections, transaction
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.languages import LANGUAGES
from people.models import Organization, Person

from . import uploads, workflow
from .filters import languages_in_use
from .forms import ImportReportsForm, VersionedForm
from .importers import Importer, ImportStatus, ReportError, decode
from .models import (
    Article,
    Coverage,
    EditConflict,
    Meeting,
    MeetingProposal,
    NameProposal,
    Outlet,
    OutletName,
    Participant,
    ProposedParticipant,
    RelationProposal,
    SummaryTranslation,
    Topic,
    Translation,
    WorkflowEvent,
)
from .templatetags.newsroom import line_diff

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Editorial desk")

#: Above this many rows, an unfiltered change list shows PostgreSQL's estimate.
ESTIMATE_ABOVE = 100_000


class ArchivePaginator(Paginator):
    """Exact counts, except for an unfiltered list of a large table on PostgreSQL: there
    the planner's row estimate stands in for a full COUNT(*), which would read the
    whole table on every page."""

    @cached_property
    def count(self):
        query = self.object_list.query
        connection = connections[self.object_list.db]
        if connection.vendor == "postgresql" and not query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [self.object_list.model._meta.db_table],
                )
                estimate = cursor.fetchone()[0]
            if estimate > ESTIMATE_ABOVE:
                return estimate
        return super().count


class ArchiveAdminMixin:
    """Change lists of tables that grow with the archive: no second, unfiltered count
    (Django's "n total"), and estimated counts where exact ones cost too much."""

    paginator = ArchivePaginator
    show_full_result_count = False


class RevisionAdmin(SimpleHistoryAdmin):
    """Revisions: whoever may view an item reads them; restoring one is a change, so it
    needs the permission to change the item (simple-history asks only to view it)."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            revision = get_object_or_404(
                self.model.history.model,
                **{self.opts.pk.attname: object_id, "history_id": version_id},
            )
            if not self.has_change_permission(request, revision.instance):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class WorkflowEventInline(admin.TabularInline):
    """The item's steps through the workflow, newest first."""

    model = WorkflowEvent
    fields = readonly_fields = ["created_at", "user", "from_status", "to_status", "comment"]
    ordering = ["-created_at", "-pk"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("workflow: who moved it, when, and why")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


EVERYWHERE = [admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM]


def transition_action(name):
    """The admin action, on the list and on the change form, for one workflow step."""
    transition = workflow.TRANSITIONS[name]

    @admin.action(description=transition.label, permissions=[transition.role], location=EVERYWHERE)
    def action(modeladmin, request, queryset):
        modeladmin.move(request, queryset, transition)

    action.__name__ = name
    return action


class WorkflowAdminMixin:
    """Status changes only through the workflow: actions on the list and on the item, each
    offered only to those whose role allows it, and refused (403) to the others."""

    change_form_template = "admin/articles/workflow_change_form.html"
    object_history_template = "admin/articles/object_history.html"
    object_history_list_template = "admin/articles/object_history_list.html"
    actions = [transition_action(name) for name in workflow.TRANSITIONS]

    def has_submit_permission(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.submit_{self.opts.model_name}")

    def has_review_permission(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.review_{self.opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "status"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        """On the page that restores an earlier revision, the restore is saved over the
        current version: it is a new revision, not an edit of the old one."""
        form = super().get_form(request, obj, change=change, **kwargs)
        if request.resolver_match and request.resolver_match.url_name.endswith("simple_history"):
            return type(form.__name__, (form,), {"restoring": True})
        return form

    def save_model(self, request, obj, form, change):
        """A restored revision brings back its text, not its status."""
        if getattr(form, "restoring", False):
            obj.status = self.model._base_manager.values_list("status", flat=True).get(pk=obj.pk)
        super().save_model(request, obj, form, change)

    def refuse_forbidden_steps(self, request):
        """Refuse (403) a workflow step the user's role does not allow, however posted."""
        if request.method != "POST":
            return
        posted = set(request.POST.getlist("action")) | set(
            request.POST.getlist("CHANGE_FORM-action")
        )
        for name in posted & set(workflow.TRANSITIONS):
            if not workflow.TRANSITIONS[name].permitted(request.user, self.model):
                raise PermissionDenied

    def changelist_view(self, request, extra_context=None):
        self.refuse_forbidden_steps(request)
        return super().changelist_view(request, extra_context)

    def move(self, request, queryset, transition):
        comment = request.POST.get("workflow_comment", "")
        done, refused = 0, []
        for item in queryset.order_by("pk"):
            try:
                workflow.apply(transition, item, request.user, comment)
                done += 1
            except (ValidationError, EditConflict) as error:
                refused.append(" ".join(getattr(error, "messages", [str(error)])))
        if done:
            self.message_user(
                request,
                ngettext("%(count)d item %(done)s.", "%(count)d items %(done)s.", done)
                % {"count": done, "done": transition.done},
                messages.SUCCESS,
            )
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)

    conflict_fields = ["title", "body"]

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """What each revision changed; text fields as a line diff, in full."""
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(current, foreign_keys_are_objs=foreign_keys_are_objs)
                previous.history_delta_changes = [
                    {
                        "field": self.model._meta.get_field(change.field).verbose_name,
                        "diff": line_diff(change.old, change.new)
                        if change.field in self.conflict_fields
                        else None,
                        "old": change.old,
                        "new": change.new,
                    }
                    for change in delta.changes
                ]
            previous = current

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["workflow_transitions"] = workflow.available(request.user, obj)
        form = context["adminform"].form
        if isinstance(form, VersionedForm):
            context["conflict_diffs"] = form.conflict_diff(self.conflict_fields)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        self.refuse_forbidden_steps(request)
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            self.message_user(
                request,
                _(
                    "Someone else saved this item at the same moment, so your changes were "
                    "not saved. Here is the saved version: make your changes again."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())


class OutletNameInline(admin.TabularInline):
    model = OutletName
    extra = 1


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "language", "homepage", "article_count"]
    list_filter = ["language", "country"]
    search_fields = ["name", "slug", "homepage", "other_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OutletNameInline]
    ordering = ["name"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(article_count=Count("articles", distinct=True))
        )

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, outlet):
        return outlet.article_count


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]


def submitted_rows(formset, prefix, field):
    """The values of `field` in the rows an inline of the same page submits, less deletions.

    The rules in `Translation.clean` see stored links only; the article page saves both
    of its translation inlines at once, so each checks what the other submits.
    """
    try:
        total = int(formset.data.get(f"{prefix}-TOTAL_FORMS", 0))
    except ValueError:
        return []
    rows = (f"{prefix}-{index}" for index in range(min(total, 1000)))
    return [
        formset.data[f"{row}-{field}"]
        for row in rows
        if formset.data.get(f"{row}-{field}") and not formset.data.get(f"{row}-DELETE")
    ]


class TranslationLinkFormSet(forms.BaseInlineFormSet):
    def active_links(self):
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        super().clean()
        links = self.active_links()
        if self.fk.name == "translation" and getattr(self, "require_source", False) and not links:
            raise forms.ValidationError(
                _("A translator writes translations: name the article this one translates.")
            )
        if self.fk.name == "translation":
            if links and submitted_rows(self, "translation_links", "translation"):
                raise forms.ValidationError(
                    _(
                        "An article that translates another cannot have translations of its "
                        "own: link the translations to its original instead."
                    )
                )
            return
        languages = [link["translation"].language for link in links if link.get("translation")]
        repeated = {language for language in languages if languages.count(language) > 1}
        if repeated:
            names = ", ".join(sorted(str(dict(LANGUAGES)[code]) for code in repeated))
            raise forms.ValidationError(
                _("An article has one translation per language; this save adds two in %(lang)s.")
                % {"lang": names}
            )


class TranslationInline(admin.TabularInline):
    model = Translation
    formset = TranslationLinkFormSet
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["translation"]
    fields = ["translation", "method", "notes"]
    verbose_name = _("translation of this article")
    verbose_name_plural = _("translations of this article")


class SourceInline(admin.TabularInline):
    model = Translation
    formset = TranslationLinkFormSet
    fk_name = "translation"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.require_source = not request.user.has_perm("articles.change_article")
        return formset

    extra = 0
    max_num = 1
    autocomplete_fields = ["source"]
    fields = ["source", "method", "notes"]
    verbose_name = _("source of this translation")
    verbose_name_plural = _("this article translates")


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
        cell["summary_url"] = reverse("admin:articles_summarytranslation_change", args=[summary.pk])
    else:
        cell["summary"] = "missing"
        cell["summary_url"] = (
            reverse("admin:articles_summarytranslation_add")
            + f"?meeting={meeting.pk}&language={language}"
        )
    return cell


def version_links(articles):
    """Links to the admin pages of other-language versions, labelled by language code."""
    return format_html_join(
        " ",
        '<a href="{}" title="{}">{}</a>',
        (
            (
                reverse("admin:articles_article_change", args=[article.pk]),
                article.title,
                article.language,
            )
            for article in articles
        ),
    )


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
                reverse("admin:articles_meeting_change", args=[meeting.pk]),
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
        edit = reverse("admin:articles_meetingproposal_change", args=[proposal.pk])
        return format_html('{} <a href="{}">{}</a>', actions, edit, _("Edit first"))

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("meetingproposal__meeting")
            .prefetch_related("meetingproposal__participants")
            .order_by("meetingproposal_id")
        )


class TranslationStateFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            ("outdated", _("Outdated translations")),
            ("current", _("Up-to-date translations")),
        ]

    def queryset(self, request, queryset):
        outdated = Translation.objects.outdated().values("pk")
        if self.value() == "outdated":
            return queryset.filter(source_links__in=outdated)
        if self.value() == "current":
            return queryset.filter(source_links__isnull=False).exclude(source_links__in=outdated)
        return queryset


class ToCompleteFilter(admin.SimpleListFilter):
    """Imported articles that lack what publishing needs: the importer leaves a date,
    an outlet or a language empty rather than guess it."""

    title = _("to complete")
    parameter_name = "missing"
    MISSING = {
        "date": Q(published_at__isnull=True),
        "outlet": Q(outlet__isnull=True),
        "language": Q(language=""),
    }

    def lookups(self, request, model_admin):
        return [
            ("date", _("No publication date")),
            ("outlet", _("No outlet")),
            ("language", _("No language")),
        ]

    def queryset(self, request, queryset):
        condition = self.MISSING.get(self.value())
        return queryset if condition is None else queryset.filter(condition)


class LanguageInUseFilter(admin.SimpleListFilter):
    """The languages articles are written in, rather than every content language (read
    once per content change, not on every page)."""

    title = _("language")
    parameter_name = "language__exact"

    def lookups(self, request, model_admin):
        in_use = languages_in_use(published=False)
        return [(code, name) for code, name in LANGUAGES if code in in_use]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


class TranslateForm(forms.Form):
    language = forms.ChoiceField(label=_("Translate into"), choices=LANGUAGES)


@admin.register(Article)
class ArticleAdmin(ArchiveAdminMixin, WorkflowAdminMixin, RevisionAdmin):
    list_display = [
        "title",
        "language",
        "outlet",
        "published_at",
        "status",
        "translation_links_display",
        "title_is_provisional",
    ]
    list_filter = [
        "status",
        ToCompleteFilter,
        LanguageInUseFilter,
        TranslationStateFilter,
        "outlet",
        "title_is_provisional",
        "published_at",
    ]
    list_select_related = ["outlet"]
    date_hierarchy = "published_at"
    search_fields = ["title", "body", "byline", "dateline", "source_url", "outlet__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["outlet", "agency", "people", "organizations"]
    change_form_template = "admin/articles/article/change_form.html"
    readonly_fields = ["created_at", "updated_at", "source_text", "source_changes"]
    actions = [*WorkflowAdminMixin.actions, "mark_up_to_date"]
    inlines = [
        MeetingProposalInline,
        RelationProposalInline,
        NameProposalInline,
        SourceInline,
        TranslationInline,
        WorkflowEventInline,
    ]
    ordering = ["-published_at", "-pk"]
    form = forms.modelform_factory(
        Article,
        form=VersionedForm,
        fields="__all__",
        widgets={
            "title": forms.TextInput(attrs={"size": 90}),
            "body": forms.Textarea(attrs={"rows": 24, "cols": 100}),
        },
    )
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "title_is_provisional",
                    "slug",
                    "language",
                    "status",
                    "body",
                    "opened_version",
                ]
            },
        ),
        (
            _("Source"),
            {"fields": ["outlet", "agency", "source_url", "published_at", "dateline", "byline"]},
        ),
        (_("Named in the report"), {"fields": ["people", "organizations"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                "translation_links__translation",
                "source_links__source",
                "source_links__source_revision",
            )
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        link = self.source_link(obj)
        if link is None:
            return fieldsets
        main = dict(fieldsets[0][1])
        main["fields"] = [
            ("body", "source_text") if name == "body" else name for name in main["fields"]
        ]
        extra = [(_("Source changed since this translation"), {"fields": ["source_changes"]})]
        return [(None, main), *(extra if link.is_outdated else []), *fieldsets[1:]]

    def source_link(self, obj):
        if obj is None or obj.pk is None:
            return None
        return obj.source_links.select_related("source", "source_revision").first()

    @admin.display(description=_("source, paragraph by paragraph"))
    def source_text(self, obj):
        link = self.source_link(obj)
        if link is None:
            return "—"
        return format_html(
            '<div class="source-text" lang="{}"><p><strong>{}</strong></p>{}</div>',
            link.source.language,
            link.source.title,
            format_html_join(
                "",
                '<p><span class="paragraph-number">{}</span> {}</p>',
                ((number, paragraph) for number, paragraph in enumerate(link.source.paragraphs, 1)),
            ),
        )

    @admin.display(description=_("changes in the source"))
    def source_changes(self, obj):
        link = self.source_link(obj)
        if link is None or not link.is_outdated:
            return "—"
        old, new = link.source_revision, link.source
        return format_html(
            '<pre class="conflict-diff">{}</pre>',
            format_html_join(
                "",
                '<span class="{}">{}</span>\n',
                line_diff(f"{old.title}\n\n{old.body}", f"{new.title}\n\n{new.body}"),
            ),
        )

    @admin.action(
        description=_("Mark translations as up to date with their source"),
        permissions=["mark_up_to_date"],
    )
    def mark_up_to_date(self, request, queryset):
        links = Translation.objects.filter(translation__in=queryset).select_related("source")
        for link in links:
            link.follow_source()
            link.save(update_fields=["source_revision"])
        self.message_user(
            request,
            ngettext(
                "%d translation marked up to date.",
                "%d translations marked up to date.",
                len(links),
            )
            % len(links),
            messages.SUCCESS,
        )

    def has_mark_up_to_date_permission(self, request):
        return self.may_translate(request) or request.user.has_perm("articles.change_article")

    def save_formset(self, request, form, formset, change):
        """New translation links follow the source as it is when they are made."""
        if formset.model is not Translation:
            return super().save_formset(request, form, formset, change)
        for link in formset.save(commit=False):
            if link.source_revision_id is None:
                link.follow_source()
            link.save()
        for link in formset.deleted_objects:
            link.delete()
        formset.save_m2m()

    def translate_view(self, request, object_id):
        """Make a draft translation of an article, linked to its original."""
        source = get_object_or_404(Article, pk=object_id)
        if not (self.may_translate(request) or request.user.has_perm("articles.add_article")):
            raise PermissionDenied
        original = source.source_links.select_related("source").first()
        source = original.source if original else source
        taken = set(source.versions().values_list("language", flat=True)) | {source.language}
        form = TranslateForm(
            request.POST or None, initial={"language": request.GET.get("language")}
        )
        form.fields["language"].choices = [(c, n) for c, n in LANGUAGES if c not in taken]
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                translation = source.translate_into(form.cleaned_data["language"])
                link = Translation(source=source, translation=translation, method="human")
                link.follow_source()
                link.save()
            self.message_user(
                request,
                _("Draft translation made: write the title and the text beside the source."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse("admin:articles_article_change", args=[translation.pk])
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Translate “%(title)s”") % {"title": source},
            "original": source,
            "form": form,
        }
        return TemplateResponse(request, "admin/articles/article/translate.html", context)

    def may_translate(self, request):
        return request.user.has_perm("articles.translate_article")

    def has_add_permission(self, request):
        """Translators add articles too: translations, with their source."""
        return super().has_add_permission(request) or self.may_translate(request)

    def has_change_permission(self, request, obj=None):
        """Translators change translations only; originals are the editors'."""
        if super().has_change_permission(request, obj):
            return True
        return self.may_translate(request) and (obj is None or obj.source_links.exists())

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
                "<int:object_id>/translate/",
                view(self.translate_view),
                name="articles_article_translate",
            ),
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
            return HttpResponseRedirect(reverse("admin:articles_meeting_change", args=[result.pk]))
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
                "dismiss": ["articles.delete_nameproposal"],
            },
        )

    def relation_proposal_view(self, request, object_id, proposal_id, action):
        proposal = get_object_or_404(RelationProposal, pk=proposal_id, article_id=object_id)
        accept = (
            ["articles.add_translation"]
            if proposal.relation == RelationProposal.Relation.TRANSLATION
            else ["articles.change_meeting"]
        )
        return self.act_on_proposal(
            request,
            object_id,
            proposal,
            action,
            {"accept": accept, "dismiss": ["articles.delete_relationproposal"]},
        )

    def meeting_proposal_view(self, request, object_id, proposal_id, action):
        proposal = get_object_or_404(
            MeetingProposal.objects.select_related("meeting"),
            pk=proposal_id,
            reports__pk=object_id,
        )
        accept = ["articles.change_meeting"] if proposal.meeting_id else ["articles.add_meeting"]
        return self.act_on_proposal(
            request,
            object_id,
            proposal,
            action,
            {"accept": accept, "dismiss": ["articles.delete_meetingproposal"]},
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

    @admin.display(description=_("translation links"))
    def translation_links_display(self, article):
        sources = article.source_links.all()
        if sources:
            outdated = any(link.is_outdated for link in sources)
            return format_html(
                "{} {}{}",
                pgettext("translation links", "from"),
                version_links(link.source for link in sources),
                format_html(' <strong class="outdated">{}</strong>', _("outdated"))
                if outdated
                else "",
            )
        translations = article.translation_links.all()
        if translations:
            return format_html(
                "{} {}",
                pgettext("translation links", "into"),
                version_links(link.translation for link in translations),
            )
        return "—"


@admin.register(Translation)
class TranslationAdmin(ArchiveAdminMixin, RevisionAdmin):
    list_display = ["source", "source_language", "translation", "translation_language", "method"]
    list_filter = ["method", "source__language", "translation__language"]
    list_select_related = ["source", "translation"]
    search_fields = ["source__title", "translation__title"]
    autocomplete_fields = ["source", "translation"]
    readonly_fields = ["created_at"]
    ordering = ["-created_at", "-pk"]

    @admin.display(description=pgettext_lazy("translation", "from"), ordering="source__language")
    def source_language(self, link):
        return link.source.get_language_display()

    @admin.display(
        description=pgettext_lazy("translation", "into"), ordering="translation__language"
    )
    def translation_language(self, link):
        return link.translation.get_language_display()


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
    change_form_template = "admin/articles/meetingproposal/change_form.html"
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
        needed = "articles.change_meeting" if proposal.meeting_id else "articles.add_meeting"
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
        return HttpResponseRedirect(reverse("admin:articles_meeting_change", args=[meeting.pk]))


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
    change_list_template = "admin/articles/meeting/change_list.html"
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
                name="articles_meeting_coverage",
            ),
            *super().get_urls(),
        ]

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
        return TemplateResponse(request, "admin/articles/meeting/coverage.html", context)

    @admin.display(description=_("place"))
    def place_display(self, meeting):
        return meeting.place

    @admin.display(description=_("reports"), ordering="report_count")
    def report_count(self, meeting):
        return meeting.report_count
