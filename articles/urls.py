from django.urls import path
from django.views.decorators.http import condition

from . import caching, feeds, views


def conditional(view):
    """Answer 304 Not Modified when the reader's copy is current (see `caching`)."""
    return condition(etag_func=caching.etag, last_modified_func=caching.last_modified)(view)


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path(
        "articles/<slug:slug>/",
        conditional(views.ArticleDetailView.as_view()),
        name="article-detail",
    ),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:year>/", views.MeetingYearView.as_view(), name="meeting-year"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path(
        "organizations/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
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
    ("feeds/meetings", feeds.LatestMeetingsFeed, feeds.LatestMeetingsAtomFeed, "feed-meetings"),
]

urlpatterns += [
    path(f"{route}.{extension}", conditional(feed()), name=f"{name}{suffix}")
    for route, rss, atom, name in FEEDS
    for extension, feed, suffix in (("rss", rss, ""), ("atom", atom, "-atom"))
]
