"""The open data's addresses in the API, under /api/v1/open-data/ (`api.urls` includes
them, in the namespace `api`)."""

from django.urls import path

from . import api

urlpatterns = [
    path("meetings.csv", api.MeetingsCSV.as_view(), name="open-data-meetings-csv"),
    path("meetings.json", api.MeetingsJSON.as_view(), name="open-data-meetings-json"),
    path("popolo.json", api.PopoloJSON.as_view(), name="open-data-popolo"),
    path("archive/", api.LatestArchive.as_view(), name="open-data-archive"),
]
