from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from articles.views import feeds_for, listed_articles
from meetings.models import Meeting

from .models import Organization, Person


class PersonListView(ListView):
    template_name = "people/person_list.html"
    paginate_by = 50
    queryset = Person.objects.with_posts().order_by("name", "pk")


def meetings_page(request, meetings, per_page=20):
    """A numbered page of `meetings`, newest first, from the request's `page`."""
    meetings = meetings.distinct().newest_first()
    return Paginator(meetings, per_page).get_page(request.GET.get("page"))


class PersonDetailView(DetailView):
    model = Person

    def get_context_data(self, **kwargs):
        person = self.object
        return super().get_context_data(
            page_feeds=feeds_for(
                _("Reports mentioning %(person)s") % {"person": person.name},
                "feed-person",
                "feed-person-atom",
                slug=person.slug,
            ),
            other_names=person.other_names.order_by("language", "name"),
            posts=person.posts.select_related("organization").latest_first(),
            page_obj=meetings_page(self.request, Meeting.objects.published().with_person(person)),
            articles=listed_articles().filter(people=person)[:20],
            **kwargs,
        )


class OrganizationListView(ListView):
    template_name = "people/organization_list.html"
    paginate_by = 50
    queryset = Organization.objects.select_related("parent").order_by("kind", "name", "pk")


class OrganizationDetailView(DetailView):
    queryset = Organization.objects.select_related("parent__parent__parent")

    def get_context_data(self, **kwargs):
        organization = self.object
        return super().get_context_data(
            children=organization.children.order_by("name"),
            other_names=organization.other_names.order_by("language", "name"),
            posts=organization.posts.select_related("person").latest_first("person__name"),
            page_obj=meetings_page(
                self.request, Meeting.objects.published().with_organization(organization)
            ),
            articles=listed_articles().filter(organizations=organization)[:20],
            **kwargs,
        )
