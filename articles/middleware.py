"""A database outage answers 503 Service Unavailable, never 500.

While the database is down, restarting or out of reach, requests fail with
`OperationalError` or `InterfaceError` (or another `DatabaseError` once the connection
is lost). Readers and editors then get a short page in the interface language with a
`Retry-After` header; the API gets the same message in JSON. The answer is made from
templates and settings alone: no query, no cache. Once the database is back, Django
reconnects by itself (`CONN_HEALTH_CHECKS`).
"""

import logging
import sqlite3
import sys

from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from .context_processors import site

logger = logging.getLogger(__name__)

#: Seconds a client is asked to wait before trying again.
RETRY_AFTER = 120
#: SQLite reports bad SQL as `OperationalError` too; only these say its file is unusable.
SQLITE_OUTAGES = ("database is locked", "unable to open database", "disk i/o error")


def is_outage(error):
    """Whether `error` says the database cannot be reached, rather than a query failed."""
    if isinstance(error, DatabaseError) and isinstance(error.__cause__, sqlite3.Error):
        return any(words in str(error).lower() for words in SQLITE_OUTAGES)
    if isinstance(error, OperationalError | InterfaceError):
        return True
    return isinstance(error, DatabaseError) and any(
        getattr(wrapper.connection, "closed", False)
        for wrapper in connections.all(initialized_only=True)
    )


def unavailable(request):
    """The 503 answer, in the language of the address (else the reader's browser)."""
    in_path = translation.get_language_from_path(request.path_info)
    language = in_path or translation.get_language_from_request(request)
    with translation.override(language):
        message = gettext("The site is temporarily unavailable. Please try again in a few minutes.")
        if request.path_info.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            try:
                page = render_to_string("503.html", {**site(request), "request": request})
            except Exception:
                logger.exception("The 503 page could not be rendered")
                page = message
            response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 when the database is out of reach, wherever the request failed.

    An error in the view comes to `process_exception`. One raised by a middleware inside
    this one (the session, the page cache) has been turned into a 500 on its way out;
    `note_outage` marked the request then, and `__call__` replaces that answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "database_unavailable", False) and response.status_code >= 500:
            return unavailable(request)
        return response

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        logger.warning("Database unavailable, answering 503: %s", exception)
        return unavailable(request)


def note_outage(sender, request=None, **kwargs):
    """Mark a request that failed because the database is out of reach."""
    if request is not None and is_outage(sys.exc_info()[1]):
        request.database_unavailable = True


got_request_exception.connect(note_outage, dispatch_uid="newsroom-database-unavailable")
