"""The admin's part of the editorial workflow: revisions, workflow steps as actions,
and change forms that refuse to save over a newer version."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from . import workflow
from .diffs import line_diff
from .forms import VersionedForm
from .models import EditConflict, WorkflowEvent


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
                raise PermissionDenied(
                    _(
                        "Restoring a revision changes “%(item)s”, and your role does not "
                        "allow you to change it."
                    )
                    % {"item": revision.instance}
                )
        return super().history_form_view(request, object_id, version_id, extra_context)


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

    change_form_template = "admin/editorial/workflow_change_form.html"
    object_history_template = "admin/editorial/object_history.html"
    object_history_list_template = "admin/editorial/object_history_list.html"
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
        for name in sorted(posted & set(workflow.TRANSITIONS)):
            transition = workflow.TRANSITIONS[name]
            if not transition.permitted(request.user, self.model):
                raise PermissionDenied(transition.refusal(self.model))

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
