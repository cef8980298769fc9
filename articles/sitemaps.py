"""Published articles at their canonical address, each linked to its versions in other
languages (the site's sitemap index, `newsroom.sitemaps`, lists this section and
the others).

Search engines ask that hreflang links be reciprocal and point at canonical pages, and
that `x-default` name the page for readers of any other language: for a translation
group that is the original report.
"""

from django.contrib.sitemaps import Sitemap

from core.sitemaps import LatestLastmod

from .models import Article


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
