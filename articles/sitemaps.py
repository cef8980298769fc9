"""The sitemap: published articles at their canonical address, each linked to its
versions in other languages, and meetings, people and organizations in every interface
language.

Search engines ask that hreflang links be reciprocal and point at canonical pages, and
that `x-default` name the page for readers of any other language: for a translation
group that is the original report.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from people.models import Organization, Person

from .models import Article, Meeting


class LatestLastmod:
    """The newest `updated_at` of the section, in one query (the index shows it)."""

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(LatestLastmod, Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .with_original()
            .only("slug", "language", "updated_at")
            .order_by("pk")
        )

    def location(self, article):
        return article.get_canonical_url()

    def lastmod(self, article):
        return article.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        articles = [url["item"] for url in urls]
        groups = Article.objects.published().only("slug", "language").versions_by_group(articles)
        for url in urls:
            article = url["item"]
            group = groups.get(article.original_id or article.pk)
            if group is None or len(group) < 2:
                continue
            root = url["location"].removesuffix(article.get_canonical_url())
            url["alternates"] = [
                {"lang_code": version.language, "location": root + version.get_canonical_url()}
                for version in group
            ]
            if group.original is not None:
                url["alternates"].append(
                    {
                        "lang_code": "x-default",
                        "location": root + group.original.get_canonical_url(),
                    }
                )
        return urls


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


class MeetingSitemap(LatestLastmod, InterfaceSitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.published().only("slug", "updated_at").order_by("pk")


class PersonSitemap(InterfaceSitemap):
    def items(self):
        return Person.objects.only("slug").order_by("pk")


class OrganizationSitemap(InterfaceSitemap):
    def items(self):
        return Organization.objects.only("slug").order_by("pk")


sitemaps = {
    "articles": ArticleSitemap,
    "meetings": MeetingSitemap,
    "people": PersonSitemap,
    "organizations": OrganizationSitemap,
}
