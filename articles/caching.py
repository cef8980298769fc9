"""The public pages' cache, and how it learns that content changed.

Every change to what readers can see (an article, a meeting, a translation link, a
person's name...) marks the content as changed: `content_version()` then returns a new
value. That value is part of the key of every cached page and of every ETag, so a
change shows at once everywhere, with nothing to purge. A scheduled item going live
counts as a change at its publication time.

Readers who are logged in (editors) are never served from the cache, nor given ETags:
they always see fresh pages, previews included.
"""

import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import get_cache_key, get_max_age, learn_cache_key, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from .models import Article, Meeting, Status

CHANGED = "newsroom:content-changed"
NEXT_SCHEDULED = "newsroom:next-scheduled"


def cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def enabled():
    """Whether pages are cached at all: not with `dummy://` or a zero lifetime. Without
    a cache there is no content version to key ETags on, so none are given."""
    return settings.CACHE_MIDDLEWARE_SECONDS > 0 and not isinstance(cache(), DummyCache)


def content_version():
    """When public content last changed, as a Unix time (a float)."""
    values = cache().get_many([CHANGED, NEXT_SCHEDULED])
    changed, scheduled = values.get(CHANGED), values.get(NEXT_SCHEDULED)
    if changed is None:
        return mark_changed()
    if scheduled and scheduled <= time.time():
        return mark_changed(at=scheduled)
    return changed


def mark_changed(at=None):
    """Record a change now (or at `at`), and when the next scheduled item goes live."""
    now = time.time()
    cache().set_many({CHANGED: at or now, NEXT_SCHEDULED: next_scheduled(now)}, timeout=None)
    return at or now


def next_scheduled(now):
    """The Unix time the next scheduled article or meeting goes live, or 0."""
    moment = datetime.fromtimestamp(now, tz=UTC)
    upcoming = [
        model.objects.filter(status=Status.PUBLISHED, published_at__gt=moment).aggregate(
            first=Min("published_at")
        )["first"]
        for model in (Article, Meeting)
    ]
    upcoming = [moment.timestamp() for moment in upcoming if moment is not None]
    return min(upcoming, default=0)


def content_changed(sender, instance=None, using=None, **kwargs):
    """Note the change at once (one cache write, no query), for this process and its own
    transaction; once the transaction commits, note it again, so that no page rendered
    from the old content in between is kept under the new version, and look up the next
    scheduled publication."""
    if sender._meta.app_label != "articles" or sender in IGNORED:
        return
    now = time.time()
    values = {CHANGED: now}
    publishing = getattr(instance, "published_at", None)
    if publishing is not None and publishing.timestamp() > now:
        scheduled = cache().get(NEXT_SCHEDULED) or float("inf")
        values[NEXT_SCHEDULED] = min(scheduled, publishing.timestamp())
    cache().set_many(values, timeout=None)
    connection = transaction.get_connection(using)
    # One full update per transaction, however many rows it touches.
    if not any(callback is mark_changed for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(mark_changed, using=using)


def connect():
    from .models import NameProposal, RelationProposal, SearchDocument, WorkflowEvent

    # Search documents change with the content they are made from; rebuilding them by
    # hand (`rebuild_search_index`) marks the change once.
    IGNORED.update({NameProposal, RelationProposal, SearchDocument, WorkflowEvent})
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"newsroom-cache-{signal}")


#: Models readers never see, whose changes leave pages as they are.
IGNORED = set()


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


# The page cache


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
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated or not enabled():
            return self.get_response(request)
        prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}.{content_version():.6f}"
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
            key = learn_cache_key(request, response, self.timeout, prefix, cache=cache())
            cache().set(key, response, self.timeout)
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
