from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search of published articles and meetings: a document per item, kept
    current by signal handlers, matched and ranked by the database (`postgresql`,
    `sqlite`)."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import documents

        documents.connect(self)
