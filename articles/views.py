from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, Prefetch
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView, YearArchiveView
from django.views.generic.list import MultipleObjectMixin
from django_filters.views import FilterView
from rest_framework.exceptions import NotFound
from rest_framework.request import Request

from core.languages import LANGUAGES
from core.pagination import CursorPagination
from editorial.models import Status
from people.models import Organization, Person, Post

from . import caching, search, structured_data
from .filters import ArticleFilter
from .models import Article, Meeting, Translation, TranslationGroup
from .search import attach_snippets

#: A filtered list counts its matches up to this many, then says "more than".
MATCH_COUNT_LIMIT = 1000


def attach_versions(articles):
    """Give each article `other_versions`: its published versions in other languages.

    The articles must carry `original_id` (`ArticleQuerySet.with_original`); one query.
    """
    articles = list(articles)
    groups = Article.objects.published().versions_by_group(articles)
    for article in articles:
        group = groups.get(article.original_id or article.pk, TranslationGroup())
        article.other_versions = group.besides(article)
    return articles


def feeds_for(title, rss_name, atom_name, **kwargs):
    """A page's own feeds, announced in its head next to the site's."""
    return [
        {
            "type": "application/rss+xml",
            "title": f"{title} (RSS)",
            "url": reverse(rss_name, kwargs=kwargs),
        },
        {
            "type": "application/atom+xml",
            "title": f"{title} (Atom)",
            "url": reverse(atom_name, kwargs=kwargs),
        },
    ]


def listed_articles():
    return Article.objects.published().with_original().select_related("outlet").newest_first()


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


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            articles=attach_versions(listed_articles()[:10]),
            meetings=Meeting.objects.published()
            .select_related("organizer")
            .with_participants()
            .newest_first()[:6],
            **kwargs,
        )


class ArticleCursor(CursorPagination):
    ordering = ("-published_at", "-pk")
    page_size = 20


class MeetingCursor(CursorPagination):
    ordering = ("-date", "-pk")
    page_size = 20


class CursorPaginationMixin:
    """Keyset pages (DRF's cursor pagination): "Older" continues after the last item
    shown, so a page deep in the archive costs what the first one costs. The context
    has `newer_url` and `older_url` instead of page numbers."""

    cursor_class = None
    cursor = None

    def paginate_queryset(self, queryset, page_size):
        self.cursor = self.cursor_class()
        try:
            items = self.cursor.paginate_queryset(queryset, Request(self.request))
        except NotFound as error:
            raise Http404(_("This page address is damaged: start from the first page.")) from error
        return None, None, items, bool(self.cursor.has_next or self.cursor.has_previous)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.cursor is not None:
            context["newer_url"] = self.cursor.get_previous_link()
            context["older_url"] = self.cursor.get_next_link()
        return context


class ArticleListView(CursorPaginationMixin, FilterView):
    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    paginate_by = 20
    cursor_class = ArticleCursor

    def paginate_queryset(self, queryset, page_size):
        if self.request.GET.get("q", "").strip():
            # Ranked results: numbered pages, as relevance has no stable keyset.
            return MultipleObjectMixin.paginate_queryset(self, queryset, page_size)
        return super().paginate_queryset(queryset, page_size)

    def get_queryset(self):
        return listed_articles()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.filterset.is_bound and not self.filterset.is_valid():
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["article_list"] = attach_versions(context["object_list"])
        context["page_feeds"] = self.filter_feeds()
        context["chosen_filters"] = self.chosen_filters()
        context["is_filtered"] = any(
            value for key, value in self.request.GET.items() if key not in {"page", "cursor"}
        )
        if context["is_filtered"] and self.filterset.is_valid():
            paginator = context.get("paginator")
            # Counted up to a bound: a language matches a quarter of a million reports.
            context["match_count"] = (
                paginator.count if paginator else self.object_list[: MATCH_COUNT_LIMIT + 1].count()
            )
            context["match_count_limit"] = MATCH_COUNT_LIMIT
        return context

    def chosen_filters(self):
        """The person or organization the list is narrowed to, each with the address of
        the list without it."""
        if not self.filterset.is_valid():
            return []
        chosen = []
        for name in ("person", "organization"):
            item = self.filterset.form.cleaned_data.get(name)
            if item is not None:
                query = self.request.GET.copy()
                for key in (name, "cursor", "page"):
                    query.pop(key, None)
                chosen.append(
                    {
                        "label": self.filterset.form.fields[name].label,
                        "item": item,
                        "remove_url": f"?{query.urlencode()}",
                    }
                )
        return chosen

    def filter_feeds(self):
        """The feed of the one language or outlet the list is filtered by, if any."""
        if not self.filterset.is_valid():
            return []
        data = self.filterset.form.cleaned_data
        if data.get("outlet"):
            outlet = data["outlet"]
            return feeds_for(
                _("Reports from %(outlet)s") % {"outlet": outlet.name},
                "feed-outlet",
                "feed-outlet-atom",
                slug=outlet.slug,
            )
        if data.get("language"):
            language = data["language"]
            return feeds_for(
                _("Reports in %(language)s") % {"language": dict(LANGUAGES)[language]},
                "feed-language",
                "feed-language-atom",
                language=language,
            )
        return []


class SearchView(ArticleListView):
    """Ranked results for a reader's words: matching meetings first, then reports,
    which the list's filters narrow."""

    template_name = "articles/search.html"

    def get_queryset(self):
        return super().get_queryset() if self.terms else Article.objects.none()

    @cached_property
    def terms(self):
        return self.request.GET.get("q", "").strip()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = self.terms if self.filterset.is_valid() else ""
        meetings = []
        if terms and context["page_obj"].number == 1:
            meetings = attach_snippets(
                search.search(Meeting.objects.published(), terms, limit=100).select_related(
                    "organizer"
                )[:5],
                terms,
            )
        context.update(
            terms=terms,
            is_filtered=any(
                value for key, value in self.request.GET.items() if key not in {"page", "q"}
            ),
            meetings=meetings,
            article_list=attach_snippets(context["article_list"], terms) if terms else [],
            max_results=search.MAX_RESULTS,
        )
        return context


class ArticleDetailView(PreviewMixin, DetailView):
    model = Article

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .with_original()
            .annotate(translation_method=F("source_links__method"))
            .select_related("outlet", "agency")
        )

    def get_context_data(self, **kwargs):
        article = self.object
        group = Article.objects.published().select_related("outlet").translation_group(article)
        others = group.besides(article)
        original = group.original if article.original_id else None
        translations = group.translations if not article.original_id else []
        meetings = list(
            Meeting.objects.published()
            .filter(pk__in=article.coverage.values("meeting"))
            .newest_first()
        )
        people = list(article.people.order_by("name"))
        organizations = list(article.organizations.order_by("name"))
        return super().get_context_data(
            original=original,
            translation_method=article.translation_method
            and Translation.Method(article.translation_method).label,
            source_updated=bool(article.original_id)
            and Translation.objects.outdated().filter(translation=article).exists(),
            translations=translations,
            other_versions=others,
            alternates=group if article.is_published and len(group) > 1 else [],
            x_default=group.original,
            meetings=meetings,
            people=people,
            organizations=organizations,
            canonical_url=self.request.build_absolute_uri(article.get_canonical_url()),
            structured_data=structured_data.article(
                self.request,
                article,
                original=original,
                translations=translations,
                people=people,
                organizations=organizations,
                meetings=meetings,
            ),
            **kwargs,
        )


def meeting_years():
    return Meeting.objects.published().dates("date", "year", order="DESC")


class MeetingTimelineMixin:
    """Published meetings newest first, with the years that have any."""

    template_name = "articles/meeting_list.html"

    def get_queryset(self):
        return (
            Meeting.objects.published()
            .select_related("organizer")
            .with_participants()
            .newest_first()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=meeting_years(), **kwargs)


class MeetingListView(MeetingTimelineMixin, CursorPaginationMixin, ListView):
    paginate_by = 20
    cursor_class = MeetingCursor


class MeetingYearView(MeetingTimelineMixin, YearArchiveView):
    """The meetings of one year, newest first: the timeline's pages."""

    date_field = "date"
    make_object_list = True
    allow_future = True
    allow_empty = False


class MeetingDetailView(PreviewMixin, DetailView):
    model = Meeting

    def get_queryset(self):
        return super().get_queryset().select_related("organizer", "parent").with_participants()

    def get_context_data(self, **kwargs):
        meeting = self.object
        reports = attach_versions(
            meeting.reports.published()
            .with_original()
            .select_related("outlet", "agency")
            .order_by("language", "published_at", "pk")
        )
        reader = get_language()
        summary = None
        if reader != meeting.language:
            summary = meeting.summaries.filter(language=reader).first()
        topics = list(meeting.topics.order_by("name"))
        return super().get_context_data(
            reports=reports,
            summary=summary,
            reader_language=reader,
            summary_missing=summary is None and reader != meeting.language,
            topics=topics,
            mentioned_people=meeting.mentioned_people.order_by("name"),
            parts=meeting.parts.published()
            .select_related("organizer")
            .with_participants()
            .order_by("date", "pk"),
            structured_data=structured_data.meeting(
                self.request,
                meeting,
                participants=meeting.participants.all(),
                topics=topics,
                reports=reports,
                summary=summary,
            ),
            **kwargs,
        )


class PersonListView(ListView):
    template_name = "people/person_list.html"
    paginate_by = 50
    queryset = Person.objects.prefetch_related(
        Prefetch("posts", queryset=Post.objects.select_related("organization").latest_first())
    ).order_by("name", "pk")


#: How each database says whether this connection may write (a PostgreSQL standby, a
#: SQLite connection opened read-only): the query, and the answer that means it may not.
READ_ONLY_QUERIES = {
    "postgresql": ("SHOW transaction_read_only", "on"),
    "sqlite": ("PRAGMA query_only", 1),
}


@never_cache
def health(request):
    """For load balancers: 200 while the database answers, whatever the cache's state.

    The body says how each dependency is: `database: ok` or `read-only`, and `cache: ok`,
    `off` or `degraded (...)`. A read-only database or a degraded cache still serves
    readers, so they are reported, not failed on: alert on them, but keep the node in
    rotation. An unreachable database makes this a 503 (`DatabaseUnavailableMiddleware`),
    so the app server is taken out of rotation.
    """
    query, read_only = READ_ONLY_QUERIES.get(connection.vendor, ("SELECT 1", None))
    with connection.cursor() as cursor:
        cursor.execute(query)
        database = "read-only" if cursor.fetchone()[0] == read_only else "ok"
    state, detail = caching.status()
    cache = state if state != "degraded" else f"degraded ({detail})"
    return HttpResponse(f"ok\ndatabase: {database}\ncache: {cache}\n", content_type="text/plain")


def meetings_page(request, meetings, per_page=20):
    """A numbered page of `meetings`, newest first, from the request's `page`."""
    meetings = meetings.distinct().with_participants().newest_first()
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
            articles=attach_versions(listed_articles().filter(people=person)[:20]),
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
            articles=attach_versions(listed_articles().filter(organizations=organization)[:20]),
            **kwargs,
        )
