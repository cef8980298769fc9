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


def cached(name, items, build, vary=None):
    """The fragment `name` of each of `items` (rows of one model), in order: from the
    cache where it holds one, else from `build(missing)`, which renders those it lacks
    (a list of fragments in their order); these are then kept. `vary(item)`: anything
    else a fragment depends on, as a string (a search snippet, the site's address)."""
    items = list(items)
    if not items:
        return []
    backend = caching.cache()
    if not enabled() or not all(item.is_published for item in items):
        return build(items)
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
        return build(items)
    missing = [index for index, key in enumerate(keys) if key not in found]
    if missing:
        built = build([items[index] for index in missing])
        fresh = {keys[index]: fragment for index, fragment in zip(missing, built, strict=True)}
        backend.set_many(fresh, timeout=seconds())
        found |= fresh
    return [found[key] for key in keys]


def key_of(name, generation, item, stamp, varies):
    updated = item.updated_at.timestamp()
    digest = hashlib.blake2b(varies.encode(), digest_size=8).hexdigest() if varies else ""
    parts = (name, get_language(), generation, item.pk, updated, stamp, digest)
    return "newsroom:fragment:" + ":".join(map(str, parts))


class PageFragmentMixin:
    """A detail view whose whole page, for a published item, is a fragment: rendered
    once, then served from the cache until a change reaches the item.

    Besides the item's version and the interface language, the page varies on the
    reader's address (its links and `hreflang` are absolute, and the language menu
    repeats the query), on whether the reader is staff (the header's admin link), and on
    `page_varies()`: what the view read along with the item. Drafts and previews are
    rendered whole each time, as `cached` does for anything unpublished."""

    fragment_name = None

    def page_varies(self):
        return ""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.rendered = None
        read = (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            request.user.is_staff,
            self.page_varies(),
        )
        (content,) = cached(
            self.fragment_name, [self.object], self.render_whole, vary=lambda _: repr(read)
        )
        return self.rendered or HttpResponse(content)

    def render_whole(self, items):
        response = self.render_to_response(self.get_context_data(object=self.object))
        self.rendered = response.render()
        return [response.content]
