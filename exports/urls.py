from django.urls import path, re_path

from . import views

urlpatterns = [
    path("open-data/", views.OpenDataView.as_view(), name="open-data"),
    path(
        "open-data/meetings.csv",
        views.MeetingDownloadView.as_view(format="csv"),
        name="export-meetings-csv",
    ),
    path(
        "open-data/meetings.json",
        views.MeetingDownloadView.as_view(format="json"),
        name="export-meetings-json",
    ),
    path("open-data/popolo.json", views.PopoloView.as_view(), name="export-popolo"),
    re_path(
        r"^open-data/(?P<name>newsroom-open-data-[0-9]{4}-[0-9]{2}-[0-9]{2}\.[0-9]+\.zip)$",
        views.ArchiveView.as_view(),
        name="open-data-archive",
    ),
]
