from django.urls import path

from core.feeds import feed_paths

from . import feeds, views

urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:year>/", views.MeetingYearView.as_view(), name="meeting-year"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path(
        "meetings/<slug:slug>/coverage/",
        views.MeetingCoverageView.as_view(),
        name="meeting-coverage",
    ),
]

urlpatterns += feed_paths(
    [
        ("feeds/meetings", feeds.LatestMeetingsFeed, feeds.LatestMeetingsAtomFeed, "feed-meetings"),
        (
            "feeds/people/<slug:slug>/meetings",
            feeds.PersonMeetingsFeed,
            feeds.PersonMeetingsAtomFeed,
            "feed-person-meetings",
        ),
        (
            "feeds/organizations/<slug:slug>/meetings",
            feeds.OrganizationMeetingsFeed,
            feeds.OrganizationMeetingsAtomFeed,
            "feed-organization-meetings",
        ),
    ]
)
