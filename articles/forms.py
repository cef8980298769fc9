import difflib

from django import forms
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from . import uploads
from .importers import MAX_BYTES, REPORT_SUFFIXES

MAX_FILES = 50
MAX_TOTAL_BYTES = 20 * 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation shows."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(REPORT_SUFFIXES)}))
        kwargs.setdefault("allow_empty_file", True)  # the importer says which file is empty
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImportReportsForm(forms.Form):
    files = MultipleFileField(
        label=_("Report files"),
        required=False,
        help_text=_("Scraped reports as .txt or .html files, up to 5 MB each."),
    )
    text = forms.CharField(
        label=_("Or paste a report"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
        max_length=MAX_BYTES,
    )
    outlet = forms.CharField(
        label=_("Outlet"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to recognise it in each report."),
    )

    def __init__(self, *args, upload_error=None, **kwargs):
        """`upload_error`: the `OSError` that kept the server from storing the upload
        (`articles.uploads.error`); the upload is then refused whole."""
        super().__init__(*args, **kwargs)
        self.upload_error = upload_error

    def clean_files(self):
        if self.upload_error is not None:
            raise forms.ValidationError(self.upload_refusal())
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Upload at most %(max)d files at a time.") % {"max": MAX_FILES}
            )
        errors = []
        for upload in files:
            if not upload.name.lower().endswith(REPORT_SUFFIXES):
                errors.append(_("%(name)s is not a .txt or .html file.") % {"name": upload.name})
            elif upload.size > MAX_BYTES:
                errors.append(
                    _("%(name)s is %(size)s; reports over 5 MB are refused.")
                    % {"name": upload.name, "size": filesizeformat(upload.size)}
                )
        if sum(upload.size for upload in files) > MAX_TOTAL_BYTES:
            errors.append(_("These files come to more than 20 MB: upload them in smaller batches."))
        if errors:
            raise forms.ValidationError(errors)
        return files

    def upload_refusal(self):
        """What to tell the editor when the server could not store their upload."""
        if uploads.disk_full(self.upload_error):
            return _(
                "The server's disk is full: the upload could not be received. Nothing was imported."
            )
        return _("The server could not store the upload. Nothing was imported.")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("files") and not cleaned.get("text", "").strip():
            raise forms.ValidationError(_("Choose report files or paste the text of a report."))
        return cleaned

    def reports(self):
        """(name, bytes) for each report submitted; names made unique with a counter."""
        reports = [(upload.name, upload.read()) for upload in self.cleaned_data["files"]]
        if self.cleaned_data["text"].strip():
            reports.append((str(_("pasted text")), self.cleaned_data["text"].encode()))
        seen, unique = {}, []
        for name, data in reports:
            seen[name] = seen.get(name, 0) + 1
            unique.append((name if seen[name] == 1 else f"{name} ({seen[name]})", data))
        return unique


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
