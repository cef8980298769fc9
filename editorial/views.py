from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from .models import Status


class PreviewMixin:
    """Readers see published items only. Editors who may view an item in the admin can
    preview it at its public address; such pages are never cached. A withdrawn item
    answers 410 Gone with a short notice."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            withdrawn = self.model.objects.filter(
                slug=kwargs.get("slug"), status=Status.WITHDRAWN
            ).first()
            if withdrawn is None:
                raise
            response = TemplateResponse(request, "gone.html", {"object": withdrawn}, status=410)
            add_never_cache_headers(response)
            return response

    def get_queryset(self):
        queryset = super().get_queryset()
        permission = f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"
        if self.request.user.has_perm(permission):
            return queryset
        return queryset.published()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response
