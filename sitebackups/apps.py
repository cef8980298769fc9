from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """Backing up and restoring the site's data (`backup_site`, `restore_site`).

    The app is `sitebackups`, not `backups`: `backups/` beside it is where `make backup`
    writes the backups, a private folder (0700) that holds only them."""

    name = "sitebackups"
    verbose_name = _("Backups")
