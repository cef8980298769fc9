from django.urls import path

from core.feeds import feed_paths

from . import feeds, views

urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:year>/", views.MeetingYearView.as_view(), name="meeting-year"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
]

urlpatterns += feed_paths(
    [("feeds/meetings", feeds.LatestMeetingsFeed, feeds.LatestMeetingsAtomFeed, "feed-meetings")]
)
