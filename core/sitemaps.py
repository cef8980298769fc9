"""What the site's sitemaps share: the newest change of a section, and pages that
exist in every interface language."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max


class LatestLastmod:
    """The newest `updated_at` of the section, in one query (the index shows it)."""

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class InterfaceSitemap(Sitemap):
    """Pages that exist in every interface language, linked to each other; `x-default`
    is the page in the default language (Django's own would drop the language prefix,
    an address that only redirects)."""

    i18n = True
    alternates = True
    limit = 5000

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            default = next(
                alternate
                for alternate in url["alternates"]
                if alternate["lang_code"] == settings.LANGUAGE_CODE
            )
            url["alternates"].append({"lang_code": "x-default", "location": default["location"]})
        return urls

    def lastmod(self, item):
        return getattr(item, "updated_at", None)

    def get_latest_lastmod(self):
        return None
