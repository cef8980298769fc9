from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Newsroom")

    def ready(self):
        from . import caching, search, triggers
        from .models import (
            Article,
            Coverage,
            Meeting,
            Organization,
            OrganizationName,
            Outlet,
            OutletName,
            Participant,
            Person,
            PersonName,
            Post,
            SummaryTranslation,
            Topic,
            Translation,
        )

        pre_migrate.connect(triggers.remove, sender=self)
        post_migrate.connect(triggers.install, sender=self)
        search.connect(self)
        caching.register(
            Outlet,
            OutletName,
            Topic,
            Person,
            PersonName,
            Organization,
            OrganizationName,
            Post,
            Article,
            Translation,
            Meeting,
            Coverage,
            Participant,
            SummaryTranslation,
        )
        caching.connect()
