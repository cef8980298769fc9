from django.urls import path

from . import feeds, views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
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
    path("feeds/articles.rss", feeds.LatestArticlesFeed(), name="feed-articles"),
    path("feeds/articles.atom", feeds.LatestArticlesAtomFeed(), name="feed-articles-atom"),
    path(
        "feeds/articles/<str:language>.rss",
        feeds.LanguageArticlesFeed(),
        name="feed-language",
    ),
    path(
        "feeds/articles/<str:language>.atom",
        feeds.LanguageArticlesAtomFeed(),
        name="feed-language-atom",
    ),
    path("feeds/outlets/<slug:slug>.rss", feeds.OutletArticlesFeed(), name="feed-outlet"),
    path(
        "feeds/outlets/<slug:slug>.atom",
        feeds.OutletArticlesAtomFeed(),
        name="feed-outlet-atom",
    ),
    path("feeds/people/<slug:slug>.rss", feeds.PersonArticlesFeed(), name="feed-person"),
    path(
        "feeds/people/<slug:slug>.atom",
        feeds.PersonArticlesAtomFeed(),
        name="feed-person-atom",
    ),
    path("feeds/meetings.rss", feeds.LatestMeetingsFeed(), name="feed-meetings"),
    path("feeds/meetings.atom", feeds.LatestMeetingsAtomFeed(), name="feed-meetings-atom"),
]
