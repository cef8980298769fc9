import difflib

from django import forms
from django.db import transaction
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


class VersionedForm(forms.ModelForm):
    """An admin form that refuses to save over a newer version than the one it showed.

    The version the editor opened travels in a hidden field. When someone else saved in
    the meantime, the form is shown again with the editor's text kept, a message naming
    who saved and when, and what differs between the saved text and the editor's; the
    hidden version then moves on, so saving again (after a look) goes through.
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    restoring = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            if self.restoring:
                current = type(self.instance)._base_manager.filter(pk=self.instance.pk)
                self.instance.version = current.values_list("version", flat=True).get()
            self.fields["opened_version"].initial = self.instance.version
        self.conflict = None

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("opened_version")
        if self.instance.pk is None or opened is None:
            return cleaned
        current = type(self.instance)._base_manager
        if transaction.get_connection(current.db).in_atomic_block:
            # As the admin saves: a save under way elsewhere finishes first, so this one
            # sees its version and keeps the editor's text instead of failing later.
            current = current.select_for_update()
        current = current.get(pk=self.instance.pk)
        if current.version == opened:
            return cleaned
        self.conflict = current
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_version")] = current.version
        self.instance.version = current.version
        raise forms.ValidationError(
            _(
                "Someone else saved this %(item)s at %(when)s, after you opened it. Nothing "
                "was overwritten: your text is kept below. Compare it with the saved one, "
                "then save again to replace it."
            )
            % {
                "item": self.instance._meta.verbose_name,
                "when": dateformat.format(
                    timezone.localtime(current.updated_at),
                    # Translators: a date format (https://docs.djangoproject.com/en/stable/ref/
                    # templates/builtins/#date); letters to show as such are escaped with "\".
                    pgettext("time and date of a save", r"H:i:s \o\n d F Y"),
                ),
            },
            code="edit_conflict",
        )

    def conflict_diff(self, fields):
        """Line diffs between the saved text and the editor's, field by field."""
        if self.conflict is None:
            return []
        diffs = []
        for name in fields:
            saved = str(getattr(self.conflict, name) or "")
            submitted = str(self.data.get(self.add_prefix(name), ""))
            if saved.replace("\r\n", "\n") != submitted.replace("\r\n", "\n"):
                lines = difflib.unified_diff(
                    saved.splitlines(),
                    submitted.replace("\r\n", "\n").splitlines(),
                    str(_("saved now")),
                    str(_("yours")),
                    lineterm="",
                )
                diffs.append(
                    (self.fields[name].label if name in self.fields else name, list(lines))
                )
        return diffs
