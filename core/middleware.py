"""A database that cannot be reached, or cannot write, answers 503, never 500.

While the database is down, restarting or out of reach, requests fail with
`OperationalError` or `InterfaceError` (or another `DatabaseError` once the connection
is lost). Readers and editors then get a short page in the interface language with a
`Retry-After` header; the API gets the same message in JSON. The answer is made from
templates and settings alone: no query, no cache. Once the database is back, Django
reconnects by itself (`CONN_HEALTH_CHECKS`).

A database that answers but refuses to write is read-only: a PostgreSQL standby after
a failover (SQLSTATE 25006), a SQLite file the site may not write, or a full disk under
either. Pages that only read are served as usual. A request that writes (an editor
saving, a login) gets the same kind of 503 saying that saving is unavailable and that
the change was not saved: the admin saves in one transaction, so nothing is
half-written.
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
#: SQLite's words for a file it may read but not write (read-only, or its disk full).
SQLITE_READ_ONLY = ("attempt to write a readonly database", "database or disk is full")
#: PostgreSQL's SQLSTATEs for a server that answers but does not write:
#: read_only_sql_transaction (a standby, `default_transaction_read_only`) and disk_full.
POSTGRESQL_READ_ONLY = {"25006", "53100"}
#: Methods that ask to read only; a read-only fault there saves nothing the user made.
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}

#: The kinds of fault that answer 503 (`fault`).
OUTAGE, READ_ONLY = "outage", "read-only"


def fault(error):
    """`READ_ONLY` if `error` says the database refused to write, `OUTAGE` if it cannot
    be reached, else None: a query that failed is a bug, and answers 500."""
    if is_read_only(error):
        return READ_ONLY
    if is_outage(error):
        return OUTAGE
    return None


def is_read_only(error):
    """Whether `error` says the database answers but cannot write now."""
    if not isinstance(error, DatabaseError):
        return False
    cause = error.__cause__
    if isinstance(cause, sqlite3.Error):
        return any(words in str(error).lower() for words in SQLITE_READ_ONLY)
    return getattr(cause, "sqlstate", None) in POSTGRESQL_READ_ONLY


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


def explanation(request, kind):
    """The 503 page's title and message for this fault, in the active language."""
    if kind == OUTAGE:
        return (
            gettext("Temporarily unavailable"),
            gettext("The site is temporarily unavailable. Please try again in a few minutes."),
        )
    if request.method in SAFE_METHODS:
        message = gettext(
            "The site is read-only for the moment: saving is unavailable. Please try again "
            "in a few minutes."
        )
    else:
        message = gettext(
            "The site is read-only for the moment: saving is unavailable. Your changes were "
            "not saved; please try again in a few minutes."
        )
    return gettext("Saving unavailable"), message


def unavailable(request, kind=OUTAGE):
    """The 503 answer, in the language of the address (else the reader's browser)."""
    in_path = translation.get_language_from_path(request.path_info)
    language = in_path or translation.get_language_from_request(request)
    with translation.override(language):
        title, message = explanation(request, kind)
        if request.path_info.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            context = {**site(request), "request": request, "title": title, "message": message}
            try:
                page = render_to_string("503.html", context)
            except Exception:
                logger.exception("The 503 page could not be rendered")
                page = message
            response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 when the database is out of reach or read-only, wherever the request
    failed.

    An error in the view comes to `process_exception`. One raised by a middleware inside
    this one (the session, the page cache) has been turned into a 500 on its way out;
    `note_outage` marked the request then, and `__call__` replaces that answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        kind = getattr(request, "database_fault", None)
        if kind and response.status_code >= 500:
            return unavailable(request, kind)
        return response

    def process_exception(self, request, exception):
        kind = fault(exception)
        if kind is None:
            return None
        if kind == READ_ONLY:
            logger.warning("Database read-only, answering 503: %s", exception)
        else:
            logger.warning("Database unavailable, answering 503: %s", exception)
        return unavailable(request, kind)


def note_outage(sender, request=None, **kwargs):
    """Mark a request that failed because the database is out of reach or read-only."""
    kind = fault(sys.exc_info()[1])
    if request is not None and kind:
        request.database_fault = kind


got_request_exception.connect(note_outage, dispatch_uid="newsroom-database-unavailable")
