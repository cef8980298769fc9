"""Keyset pages (DRF's cursor pagination) for the public lists and the API."""

from django.core.exceptions import ValidationError
from rest_framework import pagination
from rest_framework.exceptions import NotFound


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
