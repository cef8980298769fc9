"""The public pages' cache, and the content version behind its keys.

Every change to what readers can see (an article, a meeting, a translation link, a
person's name...) marks the content as changed (`core.changes`): `content_version()`
then returns a new value. That value is part of the key of every cached page and of every ETag, so a
change shows at once everywhere, with nothing to purge. A scheduled item going live
counts as a change at its publication time.

The version is kept in the database (`ContentVersion`, written when the change
commits), so it survives the cache: the cache holds a copy that lives a few seconds
(`COPY_SECONDS`). When the cache fails (`newsroom.cache`), pages are rendered without it
and the version is read from the database; once the cache answers again, this process
writes the copy anew before trusting it, so a Redis that comes back with old data, or
that missed the writes made while it was away, serves no page older than the last
change. Every use of the cache here degrades: a cache fault never fails a request.

The same record keeps the generation of the cached page fragments (`core.fragments`):
a change whose reach is not known renews it, and so does a Redis that restarted, since
one restored from a snapshot may hold fragments older than what changed since.

Readers who are logged in (editors) are never served from the cache, nor given ETags:
they always see fresh pages, previews included.
"""

import logging
import time
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import (
    get_cache_key,
    get_max_age,
    learn_cache_key,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.http import condition

from . import public
from .models import ContentVersion

logger = logging.getLogger(__name__)

CHANGED = "newsroom:content-changed"
NEXT_SCHEDULED = "newsroom:next-scheduled"
GENERATION = "newsroom:fragments-generation"
RUN = "newsroom:cache-run"
#: How long the cache's copy of the version lives before it is read from the database
#: again: the bound on a stale copy in the rare races of a cache fault.
COPY_SECONDS = 5


class Version(NamedTuple):
    """The record behind the cache's keys (`ContentVersion`), as Unix times."""

    changed: float
    scheduled: float
    #: The cached fragments' generation (`core.fragments`).
    generation: float


def cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def enabled():
    """Whether pages are cached at all: not with `dummy://` or a zero lifetime. Without
    a cache there is no content version to key ETags on, so none are given."""
    return settings.CACHE_MIDDLEWARE_SECONDS > 0 and not isinstance(cache(), DummyCache)


def status():
    """The cache's state for the health check: ("ok", "off" or "degraded", detail)."""
    backend = cache()
    if not enabled():
        return "off", "pages are not cached"
    if not hasattr(backend, "status"):
        return "ok", "kept in this process's memory"
    return backend.status()


def usable(backend):
    """Whether the cache answered every request since this process last wrote its copy
    of the version (always, for caches that cannot fail: local memory)."""
    return getattr(backend, "faults", 0) == copied_at_fault


#: The cache's fault count (`newsroom.cache`) when this process last wrote the copy.
copied_at_fault = 0


#: The content version as the request being served first read it (set up by
#: `PublicPageCacheMiddleware`), or None outside a request.
request_reads = ContextVar("request_reads", default=None)


def content_version():
    """When public content last changed, as a Unix time (a float).

    Read once per request: every key the request makes (its page, its filter menus, its
    search results) is then of one version, and the reads after the first cost no round
    trip. A key is never of a version newer than the data it is made for, as the
    version is read before them."""
    return request_version().changed


def fragments_generation():
    """When every cached fragment was last set aside: part of their keys. Read with the
    content version, once per request."""
    return request_version().generation


def request_version():
    """The `Version`, read once per request (`PublicPageCacheMiddleware` opens the
    request's reads), or read now outside one."""
    reads = request_reads.get()
    if reads is not None and "version" in reads:
        return reads["version"]
    return current()


def current():
    """The `Version`, from the cache's copy while the cache is trusted."""
    return current_and()[0]


def current_and(*keys):
    """The `Version`, and the values the cache holds under `keys`, read with it in one
    round trip ({key: value}, without those it lacks, or empty if it is not trusted).
    The first version a request reads is the one it goes on with (`request_version`)."""
    backend = cache()
    wanted = [CHANGED, NEXT_SCHEDULED, GENERATION, *keys]
    values = backend.get_many(wanted) if usable(backend) else {}
    if not usable(backend):
        # The read itself met a fault or opened a new connection (a Redis restarted from
        # an old snapshot answers on it): what it read is not trusted.
        values = {}
    found = {key: values[key] for key in keys if key in values}
    changed, scheduled, generation = (
        values.get(key) for key in (CHANGED, NEXT_SCHEDULED, GENERATION)
    )
    if changed is None or scheduled is None or generation is None:
        # A change noted by this process's open transaction (`core.changes`) is newer
        # than the database's record, which is written when it commits.
        stored = stored_version()
        version = Version(
            max(changed or 0, stored.changed),
            stored.scheduled if scheduled is None else scheduled,
            stored.generation if generation is None else generation,
        )
        version = copy(backend, version)
    else:
        version = Version(changed, scheduled, generation)
    if version.scheduled and version.scheduled <= time.time():
        version, found = mark_changed(at=max(version.changed, version.scheduled)), {}
    reads = request_reads.get()
    if reads is not None:
        reads.setdefault("version", version)
    return version, found


def restarted(backend):
    """Whether the cache is a Redis that restarted since this was last asked: its run id
    differs from the one it holds under `RUN`. Asked after each fault or new connection:
    a worker that starts, or that reconnects, finds the same Redis and keeps the
    fragments; a Redis that went away without restarting lost no stamp's removal, as a
    removal that fails sets every fragment aside (`core.changes`)."""
    if not hasattr(backend, "server_run"):
        return False
    run = backend.server_run()
    if run is None or backend.get(RUN) == run:
        return False
    backend.set(RUN, run, timeout=None)
    return True


def stored_version():
    """The `Version` in the database, recorded now if never recorded."""
    fields = ("changed_at", "next_scheduled_at", "fragments_renewed_at")
    for row in ContentVersion.objects.filter(pk=1).values_list(*fields):
        return Version(*row)
    now = time.time()
    return record(Version(now, next_scheduled(now), now))


def record(version, fragments=True):
    """Write `version` to the database, its generation only with `fragments`, and return
    what is recorded. A database that refuses the write (read-only, or away) leaves the
    record as it was: the caller goes on with `version`."""
    fields = ["changed_at", "next_scheduled_at"] + (["fragments_renewed_at"] if fragments else [])
    row = ContentVersion(
        pk=1,
        changed_at=version.changed,
        next_scheduled_at=version.scheduled,
        fragments_renewed_at=version.generation,
    )
    try:
        with transaction.atomic():
            ContentVersion.objects.bulk_create(
                [row], update_conflicts=True, unique_fields=["pk"], update_fields=fields
            )
            if not fragments:
                kept = ContentVersion.objects.filter(pk=1).values_list("fragments_renewed_at")
                version = version._replace(generation=kept.get()[0])
    except DatabaseError as error:
        logger.warning("The content version could not be recorded: %s", error)
    return version


def copy(backend, version):
    """Write the cache's copy of the version; it is trusted again if the write went in.
    Returns the version copied: after a fault, a Redis that restarted renews the
    generation, since one restored from a snapshot holds the stamps of before the
    changes made since (`core.fragments`)."""
    global copied_at_fault
    faults = getattr(backend, "faults", 0)
    if faults != copied_at_fault and restarted(backend):
        version = record(version._replace(generation=time.time()))
    copied = {
        CHANGED: version.changed,
        NEXT_SCHEDULED: version.scheduled,
        GENERATION: version.generation,
    }
    backend.set_many(copied, timeout=COPY_SECONDS)
    if getattr(backend, "healthy", True) and getattr(backend, "faults", 0) == faults:
        copied_at_fault = faults
    return version


def mark_changed(at=None, fragments=True):
    """Record a change now (or at `at`), and when the next scheduled item goes live.
    With `fragments` (a change whose reach `core.fragments` cannot tell: a restored
    backup, a scheduled item going live) every cached fragment is set aside as well."""
    now = time.time()
    version = record(Version(at or now, next_scheduled(now), now), fragments=fragments)
    return copy(cache(), version)


def next_scheduled(now):
    """The Unix time the next scheduled item (article, meeting...) goes live, or 0."""
    moment = datetime.fromtimestamp(now, tz=UTC)
    upcoming = [
        model.objects.scheduled(after=moment).aggregate(first=Min("published_at"))["first"]
        for model in public.scheduled_models()
    ]
    upcoming = [moment.timestamp() for moment in upcoming if moment is not None]
    return min(upcoming, default=0)


# Conditional requests


def etag(request, *args, **kwargs):
    """The same for every anonymous request to an address until content changes."""
    if request.user.is_authenticated or not enabled():
        return None
    return f'"{content_version():.6f}-{get_language()}"'


def last_modified(request, *args, **kwargs):
    if request.user.is_authenticated or not enabled():
        return None
    return datetime.fromtimestamp(int(content_version()), tz=UTC)


def conditional(view):
    """Answer 304 Not Modified when the reader's copy is current."""
    return condition(etag_func=etag, last_modified_func=last_modified)(view)


# The page cache


def as_sent(response):
    """The response as it goes out, status, headers and body, without what made it: an
    API response's data still holds its serializer and the model instances it read,
    which the cache would otherwise unpickle on every hit."""
    sent = HttpResponse(response.content, status=response.status_code)
    for header, value in response.items():
        sent[header] = value
    return sent


def normalise_accept_encoding(request):
    """Pages vary on `Accept-Encoding`, whose value is part of their cache keys: keep
    one copy of a page per encoding sent (gzip or none), not one per way clients word
    what they accept ("gzip, deflate, br, zstd", "gzip", "identity", nothing...)."""
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    request.META["HTTP_ACCEPT_ENCODING"] = "gzip" if re_accepts_gzip.search(accepted) else ""


class PublicPageCacheMiddleware:
    """Serve anonymous GET and HEAD requests from the shared cache.

    Keys hold the content version, the address and the interface language (Django's
    cache keys, which also follow the `Vary` headers). Only plain 200 answers are
    kept: never one that sets a cookie, uses a CSRF token, or is marked private or
    not to be stored (previews are). Browsers are told to revalidate HTML pages
    (`no-cache`), so a change reaches them at once; views that chose their own
    `Cache-Control` (the API) keep it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.CACHE_MIDDLEWARE_SECONDS

    def __call__(self, request):
        token = request_reads.set({})
        try:
            return self.serve(request)
        finally:
            request_reads.reset(token)

    def serve(self, request):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated or not enabled():
            return self.get_response(request)
        prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}.{content_version():.6f}"
        normalise_accept_encoding(request)
        key = get_cache_key(request, prefix, "GET", cache=cache())
        response = cache().get(key) if key else None
        if response is not None:
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.cacheable(request, response):
            if "Cache-Control" not in response:
                patch_cache_control(response, no_cache=True)
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(int(content_version()))
            if not response.has_header("ETag"):
                # Kept with the page: `ConditionalGetMiddleware` would hash the whole body
                # again on every hit (a twentieth of a hit's time for a 20 KB page).
                set_response_etag(response)
            key = learn_cache_key(request, response, self.timeout, prefix, cache=cache())
            cache().set(key, as_sent(response), self.timeout)
        return response

    @staticmethod
    def cacheable(request, response):
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in control
            and "no-store" not in control
            and get_max_age(response) != 0
        )
