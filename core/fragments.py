"""Rendered pieces of public pages (an article's row in a list, the body of an
article's page...) cached under the version of what they show.

A fragment's key holds its name, the interface language, the item's id and
`updated_at`, the item's *stamp* and the *generation*:

- An item's **stamp** is a random token kept in the cache. A change to a row sets aside
  the stamps of every item whose fragments show that row (its *reach*), at once and
  again when the change commits; the next reader draws a new stamp. Each app declares
  the reach of a change to its models (`register`): an article's change reaches its
  translation group, a coverage link its article and its meeting, and so on.
- The **generation** is kept with the content version (`core.caching`). A change whose
  reach is not declared (an outlet, a person or an organization renamed, a row deleted,
  a fixture loaded), a scheduled item going live, a restored backup and a cache fault
  renew it, which sets every fragment aside.

An edit thus re-renders only what shows the edited item, while the page cache, keyed on
the content version, starts over: a page it lacks costs one lookup of its fragments and
the rendering of those that changed. Stamps are read before the data a fragment shows,
and set aside after a change commits, so no fragment built from data older than a
change is filed under a stamp drawn after it. Only published items have fragments.
"""

import hashlib
import secrets
from collections import defaultdict
from typing import NamedTuple

from django.conf import settings
from django.core.cache.backends.dummy import DummyCache
from django.db.models.signals import post_delete
from django.http import HttpResponse
from django.utils.translation import get_language

from . import caching

STAMP = "newsroom:stamp:{}:{}"
#: How a change to a row of a model reaches other items: model -> [function(row) ->
#: {model: ids}]. A change to a public model with none reaches everything.
REACHES = defaultdict(list)


class Reach(defaultdict):
    """The items a change reaches ({model: ids}), or everything."""

    def __init__(self, everything=False):
        super().__init__(set)
        self.everything = everything

    def add(self, other):
        self.everything |= other.everything
        for model, ids in other.items():
            self[model].update(ids)


def register(model, reach):
    """Declare that a change to a row of `model` reaches the items `reach(row)` names
    ({model: ids}): their fragments are set aside, and no others."""
    REACHES[model].append(reach)


def reach(sender, instance, **kwargs):
    """The items a change reaches, from the arguments of the signal that told of it."""
    action = kwargs.get("action")
    if action is not None:
        # Many-to-many links: both ends are reached, unless all were cleared.
        if action.startswith("pre_"):
            return Reach()
        if kwargs["pk_set"] is None:
            return Reach(everything=True)
        reached = Reach()
        reached[type(instance)].add(instance.pk)
        reached[kwargs["model"]].update(kwargs["pk_set"])
        return reached
    if kwargs.get("raw") or kwargs.get("signal") is post_delete or sender not in REACHES:
        return Reach(everything=True)
    reached = Reach()
    for function in REACHES[sender]:
        for model, ids in function(instance).items():
            reached[model].update(ids)
    return reached


def set_aside(reached):
    """Drop the stamps of the items `reached` (the generation is renewed by the caller).
    Whether the cache took it: a cache that failed keeps stamps it should have lost."""
    keys = [
        STAMP.format(model._meta.label_lower, pk) for model, ids in reached.items() for pk in ids
    ]
    if not keys:
        return True
    backend = caching.cache()
    backend.delete_many(keys)
    return getattr(backend, "healthy", True)


def seconds():
    return settings.NEWSROOM_FRAGMENT_SECONDS


def enabled():
    return seconds() > 0 and not isinstance(caching.cache(), DummyCache)


def digest(text, size=16):
    """A short hex digest of `text`, for cache keys."""
    return hashlib.blake2b(text.encode(), digest_size=size).hexdigest()


def by_version(name, varies, compute):
    """`compute()`, kept in the cache under `name`, a digest of `varies` (the words
    searched for, a list's filters...) and the content version while fragments are on:
    data derived from what readers see (search's ranked matches), worked out again only
    after a change to it. The version is read first, so nothing older than a change is
    ever kept under a version drawn after it."""
    if not enabled():
        return compute()
    backend = caching.cache()
    key = f"newsroom:derived:{caching.content_version()}:{name}:{digest(varies)}"
    found = backend.get(key)
    if found is None:
        found = compute()
        if caching.usable(backend):
            backend.set(key, found, timeout=seconds())
    return found


def cached(name, items, build, vary=None):
    """The fragment `name` of each of `items` (rows of one model), in order: from the
    cache where it holds one, else from `build(missing)`, which renders those it lacks
    (a list of fragments in their order); these are then kept. `vary(item)`: anything
    else a fragment depends on, as a string (a search snippet, the site's address)."""
    return [fragment for fragment, _ in filed(name, items, build, vary)]


def filed(name, items, build, vary=None):
    """As `cached`, each fragment with where it is filed (a `Filing`), or with None if
    it must not be served without reading its item again: a fragment not kept (the
    cache off or failing, the item not published) or one whose stamp this call drew, as
    a change may have come between the read of the item and the draw."""
    items = list(items)
    if not items:
        return []
    backend = caching.cache()
    if not enabled() or not all(item.is_published for item in items):
        return [(fragment, None) for fragment in build(items)]
    generation = caching.fragments_generation()
    label = items[0]._meta.label_lower
    stamp_keys = [STAMP.format(label, item.pk) for item in items]
    stamps = backend.get_many(stamp_keys)
    drawn = {key: secrets.token_hex(6) for key in stamp_keys if key not in stamps}
    if drawn:
        backend.set_many(drawn, timeout=seconds())
        stamps |= drawn
    keys = [
        key_of(name, generation, item, stamps[stamp], vary(item) if vary else "")
        for item, stamp in zip(items, stamp_keys, strict=True)
    ]
    found = backend.get_many(keys)
    if not caching.usable(backend):
        return [(fragment, None) for fragment in build(items)]
    missing = [index for index, key in enumerate(keys) if key not in found]
    if missing:
        built = build([items[index] for index in missing])
        fresh = {keys[index]: fragment for index, fragment in zip(missing, built, strict=True)}
        backend.set_many(fresh, timeout=seconds())
        found |= fresh
    return [
        (found[key], None if stamp in drawn else Filing(generation, stamp, stamps[stamp], key))
        for stamp, key in zip(stamp_keys, keys, strict=True)
    ]


class Filing(NamedTuple):
    """Where a fragment is kept, and what must not have changed for it to be served:
    the generation, the item's stamp (its key and value), and the fragment's key."""

    generation: float
    stamp_key: str
    stamp: str
    key: str

    def fragment(self, generation):
        """The fragment, if it is still current under the `generation` (one lookup)."""
        if self.generation != generation:
            return None
        backend = caching.cache()
        found = backend.get_many([self.stamp_key, self.key])
        if (
            found.get(self.stamp_key) != self.stamp
            or self.key not in found
            or not caching.usable(backend)
        ):
            return None
        return found[self.key]


def key_of(name, generation, item, stamp, varies):
    updated = item.updated_at.timestamp()
    varied = digest(varies, 8) if varies else ""
    parts = (name, get_language(), generation, item.pk, updated, stamp, varied)
    return "newsroom:fragment:" + ":".join(map(str, parts))


class PageFragmentMixin:
    """A detail view whose whole page, for a published item, is a fragment: rendered
    once, then served from the cache until a change reaches the item.

    Besides the item's version and the interface language, the page varies on the
    reader's address (its links and `hreflang` are absolute, and the language menu
    repeats the query), on whether the reader is staff (the header's admin link), and on
    `page_varies()`: what the view read along with the item. Drafts and previews are
    rendered whole each time, as `cached` does for anything unpublished.

    The address remembers where its page was filed (`Filing`), read with the generation:
    while the item's stamp and the generation are unchanged, the page is served from
    there, after two cache round trips and without reading the database at all. It
    remembers only a page whose stamp and generation were both found before its item
    was read, so that no change can fall between the two."""

    fragment_name = None

    def page_varies(self):
        return ""

    def get(self, request, *args, **kwargs):
        read = (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            request.user.is_staff,
        )
        address = self.address_key(read)
        generation = filing = None
        if enabled():
            version, found = caching.current_and(address)
            generation, filing = version.generation, found.get(address)
        content = filing and Filing(*filing).fragment(generation)
        if content is not None:
            return HttpResponse(content)
        self.object = self.get_object()
        self.rendered = None
        varies = repr((*read, self.page_varies()))
        ((content, filing),) = filed(
            self.fragment_name, [self.object], self.render_whole, vary=lambda _: varies
        )
        if filing is not None and filing.generation == generation:
            caching.cache().set(address, tuple(filing), timeout=seconds())
        return self.rendered or HttpResponse(content)

    def address_key(self, read):
        return f"newsroom:address:{self.fragment_name}:{get_language()}:{digest(repr(read), 12)}"

    def render_whole(self, items):
        response = self.render_to_response(self.get_context_data(object=self.object))
        self.rendered = response.render()
        return [response.content]
