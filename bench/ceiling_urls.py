"""The ceiling's only address: a view that does nothing but answer."""

from django.http import HttpResponse
from django.urls import path


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("ceiling/", ceiling, name="ceiling")]
