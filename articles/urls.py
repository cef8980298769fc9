from django.urls import path

from core.caching import conditional
from core.feeds import feed_paths

from . import feeds, views

urlpatterns = [
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path(
        "articles/<slug:slug>/",
        conditional(views.ArticleDetailView.as_view()),
        name="article-detail",
    ),
]

#: Each feed in RSS (`.rss`) and Atom (`.atom`); the Atom one's name ends in `-atom`.
FEEDS = [
    ("feeds/articles", feeds.LatestArticlesFeed, feeds.LatestArticlesAtomFeed, "feed-articles"),
    (
        "feeds/articles/<str:language>",
        feeds.LanguageArticlesFeed,
        feeds.LanguageArticlesAtomFeed,
        "feed-language",
    ),
    (
        "feeds/outlets/<slug:slug>",
        feeds.OutletArticlesFeed,
        feeds.OutletArticlesAtomFeed,
        "feed-outlet",
    ),
    (
        "feeds/people/<slug:slug>",
        feeds.PersonArticlesFeed,
        feeds.PersonArticlesAtomFeed,
        "feed-person",
    ),
    (
        "feeds/organizations/<slug:slug>",
        feeds.OrganizationArticlesFeed,
        feeds.OrganizationArticlesAtomFeed,
        "feed-organization",
    ),
]

urlpatterns += feed_paths(FEEDS)
