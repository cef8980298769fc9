"""What every publishable item shares: its status in the workflow, the one rule of
what readers see, and saves that never overwrite a newer version.

Articles and meeting summaries build on these; nothing here imports them. The record of
each item's steps through the workflow (`WorkflowEvent`) lives here too.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Func, Q
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def latest_revision(item):
    """The newest historical record of `item`, or None before its first save."""
    return item.history.order_by("-history_date", "-history_id").first()


class Status(models.TextChoices):
    """Where an article or a meeting summary stands; see `editorial.workflow`."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class NotABound(Func):
    """A column SQLite must not start an index scan from. Its planner starts from the
    first range it meets on the column: on a page deep in the archive, from "gone live
    by now" rather than the page's own "older than this", reading half the archive to
    reach the page (40 ms at 100,000 reports instead of 0.1). PostgreSQL takes the
    tighter of the two by itself."""

    template = "%(expressions)s"
    output_field = models.DateTimeField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="+%(expressions)s", **extra_context)


class PublishableQuerySet(models.QuerySet):
    """The one rule of what readers see, for every model with a `status` and a go-live
    time, `published_at` (see `Publishable`)."""

    def published(self):
        """What readers may see: published, and not scheduled for later."""
        live = Q(LessThanOrEqual(NotABound("published_at"), timezone.now()))
        if not self.model.needs_go_live:
            live |= Q(published_at__isnull=True)
        return self.filter(live, status=Status.PUBLISHED)

    def scheduled(self, after=None):
        """Published, going live after `after` (by default now)."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=after or timezone.now())


class Publishable:
    """A model readers see once it is published and its go-live time has come.

    `needs_go_live`: whether it must have one. An article's is the outlet's publication
    time, without which it cannot be published; a meeting summary without one goes
    live when it is published.
    """

    needs_go_live = True

    @property
    def is_published(self):
        return (
            self.status == Status.PUBLISHED
            and (self.published_at is not None or not self.needs_go_live)
            and (self.published_at is None or self.published_at <= timezone.now())
        )


class EditConflict(Exception):
    """Someone saved this item after it was read: saving it now would undo their change."""

    def __init__(self, instance):
        self.instance = instance
        super().__init__(
            _("“%(item)s” was changed by someone else since it was opened.") % {"item": instance}
        )


class Versioned(models.Model):
    """Optimistic locking: every save must start from the latest version.

    `save()` claims the next version with an UPDATE that matches the version this copy
    was read at; when another save came first, nothing matches and `EditConflict` is
    raised, so no change is silently overwritten. (`QuerySet.update()` bypasses this.)
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        read_at = self.version
        with transaction.atomic(using=kwargs.get("using")):
            claimed = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=read_at)
                .update(version=read_at + 1)
            )
            if not claimed:
                raise EditConflict(self)
            self.version = read_at + 1
            try:
                super().save(*args, **kwargs)
            except BaseException:
                self.version = read_at
                raise


class WorkflowEvent(models.Model):
    """A change of status: who made it, when, from what to what, and why.

    The one model here that names content: a step belongs to an article or to a meeting
    summary (exactly one of the two keys is set), so that the database keeps each step
    with its item and deletes it with it. It names them as strings, importing neither.
    """

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workflow_events",
        verbose_name=_("article"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workflow_events",
        verbose_name=_("meeting"),
    )
    transition = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=Status)
    to_status = models.CharField(_("to"), max_length=20, choices=Status)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        db_table = "articles_workflowevent"
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow")
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, meeting__isnull=True)
                | Q(article__isnull=True, meeting__isnull=False),
                name="workflow_event_one_item",
            )
        ]
        indexes = [models.Index(fields=["created_at"], name="workflow_event_created")]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
