from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every domain shares and none owns: languages, slugs and web addresses, the
    registry of public models and the page and fragment caches that follow their
    changes,
    pagination, feeds' and sitemaps' common ground, and the answers to an unreachable
    database."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import changes, statistics

        changes.connect()
        post_migrate.connect(statistics.after_migrate, sender=self)
