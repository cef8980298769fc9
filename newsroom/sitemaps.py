"""The site's sitemap index: each domain's section."""

from articles.sitemaps import ArticleSitemap
from meetings.sitemaps import MeetingSitemap
from people.sitemaps import OrganizationSitemap, PersonSitemap

sitemaps = {
    "articles": ArticleSitemap,
    "meetings": MeetingSitemap,
    "people": PersonSitemap,
    "organizations": OrganizationSitemap,
}
