from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editorial workflow every publishable item follows: statuses, what readers
    see, saves that never overwrite a newer version, revisions and their admin."""

    name = "editorial"
    verbose_name = _("Editorial workflow")
