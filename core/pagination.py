"""Keyset pages (DRF's cursor pagination) for the public lists and the API."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound
from rest_framework.request import Request


class CursorPagination(pagination.CursorPagination):
    """A cursor whose position is no value of the ordering field ("p=4\\x03M4" for a
    date, or holding a NUL character) is damaged: it answers 404, as one that cannot be
    decoded does, instead of reaching the database. So is one that decodes to nothing
    ("%00"): the first page's address has no cursor."""

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is None:
            return None
        if cursor.position is not None and "\x00" in cursor.position:
            raise NotFound(self.invalid_cursor_message)
        if cursor == pagination.Cursor(offset=0, reverse=False, position=None):
            raise NotFound(self.invalid_cursor_message)
        return cursor

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except ValidationError as error:
            raise NotFound(self.invalid_cursor_message) from error


class CursorPaginationMixin:
    """Keyset pages (DRF's cursor pagination): "Older" continues after the last item
    shown, so a page deep in the archive costs what the first one costs. The context
    has `newer_url` and `older_url` instead of page numbers."""

    cursor_class = None
    cursor = None

    def paginate_queryset(self, queryset, page_size):
        self.cursor = self.cursor_class()
        try:
            items = self.cursor.paginate_queryset(queryset, Request(self.request))
        except NotFound as error:
            raise Http404(_("This page address is damaged: start from the first page.")) from error
        return None, None, items, bool(self.cursor.has_next or self.cursor.has_previous)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.cursor is not None:
            context["newer_url"] = self.cursor.get_previous_link()
            context["older_url"] = self.cursor.get_next_link()
        return context
