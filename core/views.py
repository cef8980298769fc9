from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from .moved import MOVED_FROM_ARTICLES


def moved_admin_page(request, model, rest):
    """An admin address from before a model left the articles app
    (`/admin/articles/person/...`): the same page where it is now."""
    if model not in MOVED_FROM_ARTICLES:
        raise Http404
    url = f"{reverse('admin:index')}{MOVED_FROM_ARTICLES[model]}/{model}/{rest}"
    if request.META.get("QUERY_STRING"):
        url = f"{url}?{request.META['QUERY_STRING']}"
    return HttpResponsePermanentRedirect(url)
