from django.conf import settings
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django.views.generic.list import MultipleObjectMixin
from django_filters.views import FilterView

from core import caching, fragments
from core.fragments import PageFragmentMixin
from core.languages import LANGUAGES
from core.pagination import CursorPagination, CursorPaginationMixin
from editorial.views import PreviewMixin
from search.query import ranked_ids

from . import structured_data
from .filters import ArticleFilter
from .models import Article, Translation

#: A filtered list counts its matches up to this many, then says "more than".
MATCH_COUNT_LIMIT = 1000


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
    """Published reports as the lists show them: a row needs no body, the largest column
    by far (search ranks a thousand matches, and sorted them with their text)."""
    return (
        Article.objects.published()
        .with_original()
        .select_related("outlet")
        .defer("body")
        .newest_first()
    )


class ArticleCursor(CursorPagination):
    ordering = ("-published_at", "-pk")
    page_size = 20


class ArticleListView(CursorPaginationMixin, FilterView):
    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    paginate_by = 20
    cursor_class = ArticleCursor

    @cached_property
    def terms(self):
        """The reader's words: when there are any, the list is of search results, ranked
        by relevance."""
        return self.request.GET.get("q", "").strip()

    def paginate_queryset(self, queryset, page_size):
        if self.terms:
            return self.paginate_ranked(page_size)
        return super().paginate_queryset(queryset, page_size)

    def paginate_ranked(self, page_size):
        """Ranked results: numbered pages, as relevance has no stable keyset. The ids of
        the ranked matches (a thousand at most) are read once, which counts them; then
        only the rows of the page shown, by id. The ids are kept under the content
        version and the list's filters (`fragments.by_version`): the next page, or the
        same search in another interface language, reads the rows shown alone, without
        building the filtered queryset at all (`get`)."""
        filters = sorted(
            (key, value)
            for key, values in self.request.GET.lists()
            if key != "page"
            for value in values
        )
        ranked = []
        if self.filterset.is_valid():
            name = f"ranked:{self.filterset.queryset.db}:{self.filterset_class.__name__}"
            ranked = fragments.by_version(
                name, repr(filters), lambda: ranked_ids(self.filterset.qs)
            )
        paginator, page, ids, is_paginated = MultipleObjectMixin.paginate_queryset(
            self, ranked, page_size
        )
        rows = self.filterset.queryset.in_bulk(ids)
        page.object_list = [rows[pk] for pk in ids if pk in rows]
        return paginator, page, page.object_list, is_paginated

    def get_queryset(self):
        return listed_articles()

    def get(self, request, *args, **kwargs):
        """As `FilterView.get`, but search results are filtered only if their ranked ids
        are not kept (`paginate_ranked`), and invalid filters answer 400."""
        self.filterset = self.get_filterset(self.get_filterset_class())
        valid = self.filterset.is_valid()
        if valid and self.terms:
            self.object_list = self.filterset.queryset
        elif valid or not self.filterset.is_bound:
            self.object_list = self.filterset.qs
        else:
            self.object_list = self.filterset.queryset.none()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        response = self.render_to_response(context)
        if self.filterset.is_bound and not valid:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The filter form's menus show what any change may alter: its rendering is
        # cached under the content version (`includes/list_filters.html`).
        context["content_version"] = caching.content_version()
        context["fragment_seconds"] = settings.NEWSROOM_FRAGMENT_SECONDS
        context["page_feeds"] = self.filter_feeds()
        context["chosen_filters"] = self.chosen_filters()
        context["is_filtered"] = any(
            value for key, value in self.request.GET.items() if key not in {"page", "cursor"}
        )
        if context["is_filtered"] and self.filterset.is_valid():
            paginator = context.get("paginator")
            # Counted up to a bound: a language matches a quarter of a million reports.
            # Counting ids alone lets the database read them from its index.
            matches = self.object_list.values("pk")[: MATCH_COUNT_LIMIT + 1]
            context["match_count"] = paginator.count if paginator else matches.count()
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


class ArticleDetailView(PreviewMixin, PageFragmentMixin, DetailView):
    model = Article
    fragment_name = "article-page"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .with_original()
            .annotate(translation_method=F("source_links__method"))
            .select_related("outlet", "agency")
        )

    @cached_property
    def origin(self):
        """The site's address, as the reader asked for it: the start of absolute links."""
        return f"{self.request.scheme}://{self.request.get_host()}"

    def page_varies(self):
        """What was read with the article, before its stamp (`core.fragments`)."""
        article = self.object
        outlets = [(each.slug, each.name) for each in (article.outlet, article.agency) if each]
        return repr((article.original_id, article.translation_method, outlets))

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            page=self.render_page(article),
            canonical_url=self.request.build_absolute_uri(article.get_canonical_url()),
            **kwargs,
        )

    def render_page(self, article):
        """The parts of the article's page that show more than the article itself: its
        versions in other languages (links and hreflang), the meetings, people and
        organizations it names, and its JSON-LD."""
        group = Article.objects.published().select_related("outlet").translation_group(article)
        original = group.original if article.original_id else None
        translations = group.translations if not article.original_id else []
        meetings = list(article.meetings.published().newest_first())
        people = list(article.people.order_by("name"))
        organizations = list(article.organizations.order_by("name"))
        context = {
            "article": article,
            "origin": self.origin,
            "LANGUAGE_CODE": get_language(),
            "original": original,
            "translation_method": article.translation_method
            and Translation.Method(article.translation_method).label,
            "source_updated": bool(article.original_id)
            and Translation.objects.outdated().filter(translation=article).exists(),
            "other_versions": group.besides(article),
            "alternates": group if article.is_published and len(group) > 1 else [],
            "x_default": group.original,
            "meetings": meetings,
            "people": people,
            "organizations": organizations,
            "structured_data": structured_data.article(
                self.request,
                article,
                original=original,
                translations=translations,
                people=people,
                organizations=organizations,
                meetings=meetings,
            ),
        }
        page = {
            part: render_to_string(f"articles/article_page/{part}.html", context)
            for part in ("alternates", "head", "report")
        }
        page["description"] = Truncator(article.body).words(40)
        return page
