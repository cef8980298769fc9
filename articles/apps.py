from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    """Outlets, their reports, and which report translates which."""

    name = "articles"
    verbose_name = _("Newsroom")

    def ready(self):
        from core import public

        from . import fragments, triggers
        from .models import Article, Outlet, OutletName, Translation

        pre_migrate.connect(triggers.remove, sender=self)
        post_migrate.connect(triggers.install, sender=self)
        public.register(Outlet, OutletName, Article, Translation, scheduled=[Article])
        fragments.register()
