"""What every domain's models share: slugs as natural keys, web addresses, paragraphs,
and finding a record by any of its names. (No models of its own.)"""

import re

from anyascii import anyascii
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

#: Addresses of pages on the web: the only ones stored, and the only ones shown as links.
web_address = URLValidator(schemes=["http", "https"])


def is_web_address(url):
    """Whether `url` is an http or https address (so never javascript:, data: or the like)."""
    return bool(re.match(r"https?://", url or "", re.IGNORECASE))


def paragraphs_of(text):
    """Plain text's paragraphs: blocks separated by blank lines."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def unique_slug(text, model, max_length=80):
    """A slug for `text` not yet used by `model`: transliterated, with a counter if taken."""
    return unique_slugs([text], model, max_length)[0]


def unique_slugs(texts, model, max_length=80):
    """Slugs for several texts, unused by `model` and by each other, in one query."""
    bases = [
        slugify(anyascii(text))[:max_length].strip("-") or model._meta.model_name for text in texts
    ]
    stems = {base: base[: max_length - 6] for base in bases}
    taken_query = Q(slug__in=bases)
    for stem in set(stems.values()):
        taken_query |= Q(slug__startswith=f"{stem}-")
    taken = set(model._default_manager.filter(taken_query).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, counter = base, 2
        while slug in taken:
            slug = f"{stems[base]}-{counter}"
            counter += 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


class SlugManager(models.Manager):
    """Finds rows by slug, their natural key in fixtures."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SlugNaturalKey:
    def natural_key(self):
        return (self.slug,)


def find_by_name(model, name):
    """The person, organization or outlet with this name or other name, whatever its case.

    SQLite compares case only for ASCII letters, so a name is also looked up in the
    spellings of its case an editor or a report would use ("Сабина Алиева", "САБИНА
    АЛИЕВА", "сабина алиева"): one query, never a scan.
    """
    spellings = {name, name.lower(), name.upper(), name.title(), name.capitalize()}
    named = (
        Q(name__iexact=name)
        | Q(other_names__name__iexact=name)
        | Q(name__in=spellings)
        | Q(other_names__name__in=spellings)
    )
    return model.objects.filter(named).order_by("pk").first()


class ContentVersion(models.Model):
    """When what readers can see last changed, when the next scheduled item goes live,
    and when every cached fragment of a page was last set aside, as Unix times: one row,
    the durable record behind the page cache's keys and ETags (`core.caching`) and the
    fragments' generation (`core.fragments`), which the cache only copies. Operational
    state, not content: backups leave it out."""

    changed_at = models.FloatField()
    next_scheduled_at = models.FloatField(
        default=0, help_text="0 when nothing is scheduled to go live."
    )
    fragments_renewed_at = models.FloatField(
        default=0, help_text="Part of every cached fragment's key: a new value sets them all aside."
    )

    class Meta:
        db_table = "articles_contentversion"
        verbose_name = _("content version")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="content_version_one_row")]

    def __str__(self):
        return f"{self.changed_at:.6f}"
