"""How the site learns that public content changed: each save, delete or link of a
public model (`core.public`) moves the content version of the page cache
(`core.caching`) and sets aside the cached fragments the change reaches
(`core.fragments`)."""

import time

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import caching, fragments, public


class Change:
    """What one transaction changed, recorded when it commits: first the fragments it
    reaches are set aside, then the content version moves, so that no page is cached
    under the new version with a fragment from before the change."""

    def __init__(self):
        self.reached = fragments.Reach()

    def __call__(self):
        if not fragments.set_aside(self.reached):
            self.reached.everything = True
        caching.mark_changed(fragments=self.reached.everything)


def content_changed(sender, instance=None, using=None, **kwargs):
    """Note the change in the cache at once, for this process and its own transaction;
    once the transaction commits, record it in the database and the cache, so that no
    page rendered from the old content in between is kept under the new version, and
    look up the next scheduled publication."""
    if not public.is_public(sender):
        return
    now = time.time()
    reached = fragments.reach(sender, instance, **kwargs)
    if not fragments.set_aside(reached):
        # Stamps the cache could not drop stay in it: set every fragment aside.
        reached.everything = True
    scheduled = caching.cache().get(caching.NEXT_SCHEDULED)
    if scheduled is None:
        scheduled = caching.stored_version().scheduled
    publishing = getattr(instance, "published_at", None)
    if publishing is not None and publishing.timestamp() > now:
        scheduled = min(scheduled or float("inf"), publishing.timestamp())
    noted = {caching.CHANGED: now, caching.NEXT_SCHEDULED: scheduled}
    if reached.everything:
        noted[caching.GENERATION] = now
    caching.cache().set_many(noted, timeout=caching.COPY_SECONDS)
    connection = transaction.get_connection(using)
    # One full update per transaction, however many rows it touches.
    change = next(
        (callback for _, callback, _ in connection.run_on_commit if isinstance(callback, Change)),
        None,
    )
    if change is None:
        change = Change()
        transaction.on_commit(change, using=using)
    change.reached.add(reached)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"newsroom-cache-{signal}")
