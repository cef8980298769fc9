from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Newsroom")

    def ready(self):
        from core import public

        from . import caching, search_index, triggers
        from .models import (
            Article,
            Coverage,
            Meeting,
            Outlet,
            OutletName,
            Participant,
            SummaryTranslation,
            Topic,
            Translation,
        )

        pre_migrate.connect(triggers.remove, sender=self)
        post_migrate.connect(triggers.install, sender=self)
        search_index.connect(self)
        public.register(
            Outlet,
            OutletName,
            Topic,
            Article,
            Translation,
            Meeting,
            Coverage,
            Participant,
            SummaryTranslation,
        )
        caching.connect()
