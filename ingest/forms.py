"""The import page's form: report files uploaded or a report pasted, checked before
anything is read."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import uploads
from .decoding import MAX_BYTES, REPORT_SUFFIXES

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
        (`ingest.uploads.error`); the upload is then refused whole."""
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
