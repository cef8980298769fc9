"""The Open data page, the meeting list's downloads, the Popolo JSON and the archive's
files, under each interface language."""

from django.http import FileResponse, Http404, JsonResponse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from . import archive, columns, downloads


class OpenDataView(TemplateView):
    """What can be downloaded: the latest archive with its date, size and fields, the
    meeting list's downloads, the Popolo JSON and the API's addresses."""

    template_name = "exports/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            archive=archive.latest(),
            tables=columns.ARCHIVE_TABLES,
            separator=columns.LIST_SEPARATOR,
            **kwargs,
        )


class MeetingDownloadView(View):
    """The meeting list, filtered as on its page, as CSV or JSON (`format`): one row per
    meeting or per participant (`?rows=`). Wrong filters answer 400 with the page's
    messages, by filter, as JSON."""

    format = None

    def get(self, request):
        try:
            table, meetings = downloads.meeting_download(request.GET)
        except downloads.Refused as refused:
            return JsonResponse(
                refused.errors, status=400, json_dumps_params={"ensure_ascii": False}
            )
        export = downloads.MEETING_FORMATS[self.format]
        return export(table, meetings, downloads.origin_of(request))


class PopoloView(View):
    """People, organizations, posts and published meetings as Popolo JSON."""

    def get(self, request):
        return downloads.popolo_json(downloads.origin_of(request))


class ArchiveView(View):
    """A version of the archive, as the file it is."""

    def get(self, request, name):
        found = archive.find(name)
        try:
            file = found.path.open("rb") if found else None
        except FileNotFoundError:
            file = None
        if file is None:
            raise Http404(
                _("There is no archive of this name: the Open data page links the latest.")
            )
        response = FileResponse(
            file, as_attachment=True, filename=found.name, content_type="application/zip"
        )
        response["Last-Modified"] = http_date(found.created.timestamp())
        return response
