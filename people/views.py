from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from articles.views import feeds_for, listed_articles
from meetings.models import Meeting

from . import charts
from .filters import MeetingFilter
from .models import Organization, Person

#: How many people, and how many organizations, "Met with" lists.
MET_WITH_LENGTH = 30


class PersonListView(ListView):
    template_name = "people/person_list.html"
    paginate_by = 50
    queryset = Person.objects.with_posts().order_by("name", "pk")


def meetings_page(request, meetings, per_page=20):
    """A numbered page of `meetings`, newest first, from the request's `page`."""
    meetings = meetings.distinct().newest_first()
    return Paginator(meetings, per_page).get_page(request.GET.get("page"))


class MeetingRecordMixin:
    """A person's or an organization's published meetings (the view's `meetings()`),
    as the reader filters them (`MeetingFilter`): their number per year, or per month
    of one year, the people and organizations who shared them, and a page of them. A
    filter that makes no sense empties the record and answers 400 with its message."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.filterset.is_valid():
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        self.filterset = filterset = MeetingFilter(
            self.request.GET, queryset=self.meetings(), subject=self.object
        )
        year, chosen = None, {}
        if filterset.is_valid():
            meetings, shared = filterset.qs, filterset.dates_and_kind()
            year = filterset.chosen_year()
            chosen = {name: filterset.form.cleaned_data[name] for name in filterset.counterparts}
        else:
            meetings = shared = Meeting.objects.none()
        return super().get_context_data(
            filter=filterset,
            is_filtered=bool(set(self.request.GET) - {"page"}),
            chosen_person=chosen.get("person"),
            chosen_organization=chosen.get("organization"),
            chosen_counterparts=[
                {"item": item, "remove_url": self.address_without(name)}
                for name, item in chosen.items()
                if item is not None
            ],
            **self.timeline(meetings, year),
            **self.met_with(shared),
            page_obj=meetings_page(self.request, meetings),
            **kwargs,
        )

    def timeline(self, meetings, year):
        """The meetings per year, or per month of `year`."""
        if year:
            return {
                "timeline": charts.months(year, meetings.counted_by("month")),
                "timeline_title": _("Meetings per month in %(year)s") % {"year": year},
                "chosen_year": year,
            }
        return {
            "timeline": charts.years(meetings.counted_by("year")),
            "timeline_title": _("Meetings per year"),
        }

    def met_with(self, meetings):
        """Who shared `meetings`, ranked, and the network of those sharing the most."""
        people = list(meetings.people_met(self.object)[: MET_WITH_LENGTH + 1])
        organizations = list(meetings.organizations_met(self.object)[: MET_WITH_LENGTH + 1])
        return {
            "people_met": people[:MET_WITH_LENGTH],
            "organizations_met": organizations[:MET_WITH_LENGTH],
            "met_with_cut": max(len(people), len(organizations)) > MET_WITH_LENGTH,
            "met_with_length": MET_WITH_LENGTH,
            "network": charts.network(self.object, people, organizations),
        }

    def address_without(self, name):
        """The page's address without the filter `name`, from its first page."""
        query = self.request.GET.copy()
        for key in (name, "page"):
            query.pop(key, None)
        return f"{self.request.path}?{query.urlencode()}" if query else self.request.path


class PersonDetailView(MeetingRecordMixin, DetailView):
    model = Person

    def meetings(self):
        return Meeting.objects.published().with_person(self.object)

    def get_context_data(self, **kwargs):
        person = self.object
        return super().get_context_data(
            page_feeds=[
                *feeds_for(
                    _("Meetings of %(person)s") % {"person": person.name},
                    "feed-person-meetings",
                    "feed-person-meetings-atom",
                    slug=person.slug,
                ),
                *feeds_for(
                    _("Reports mentioning %(person)s") % {"person": person.name},
                    "feed-person",
                    "feed-person-atom",
                    slug=person.slug,
                ),
            ],
            other_names=person.other_names.order_by("language", "name"),
            posts=person.posts.select_related("organization").latest_first(),
            articles=listed_articles().filter(people=person)[:20],
            **kwargs,
        )


class OrganizationListView(ListView):
    template_name = "people/organization_list.html"
    paginate_by = 50
    queryset = Organization.objects.select_related("parent").order_by("kind", "name", "pk")


class OrganizationDetailView(MeetingRecordMixin, DetailView):
    queryset = Organization.objects.select_related("parent__parent__parent")

    def meetings(self):
        return Meeting.objects.published().with_organization(self.object)

    def get_context_data(self, **kwargs):
        organization = self.object
        return super().get_context_data(
            page_feeds=[
                *feeds_for(
                    _("Meetings of %(organization)s") % {"organization": organization.name},
                    "feed-organization-meetings",
                    "feed-organization-meetings-atom",
                    slug=organization.slug,
                ),
                *feeds_for(
                    _("Reports naming %(organization)s") % {"organization": organization.name},
                    "feed-organization",
                    "feed-organization-atom",
                    slug=organization.slug,
                ),
            ],
            children=organization.children.order_by("name"),
            other_names=organization.other_names.order_by("language", "name"),
            posts=organization.posts.select_related("person").latest_first("person__name"),
            articles=listed_articles().filter(organizations=organization)[:20],
            **kwargs,
        )
