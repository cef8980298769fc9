from django.http import HttpResponsePermanentRedirect
from django.urls import reverse


def moved_admin_page(request, model, rest):
    """An admin address from before people, organizations and posts had their own app
    (`/admin/articles/person/...`): the same page where it is now."""
    url = f"{reverse('admin:index')}people/{model}/{rest}"
    if request.META.get("QUERY_STRING"):
        url = f"{url}?{request.META['QUERY_STRING']}"
    return HttpResponsePermanentRedirect(url)
