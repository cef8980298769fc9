from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    """Open data: the meeting list's downloads, people and organizations as Popolo
    JSON, and the whole published archive as a versioned zip file."""

    name = "exports"
    verbose_name = _("Open data")
