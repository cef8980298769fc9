"""RSS 2.0 and Atom 1.0 feeds of published reports: the latest, and those in one
language, from one outlet, or naming one person or organization.

Each RSS feed has an Atom twin: the same items, with the description as subtitle.
Feed titles speak the interface language; items link to each report's canonical page.
Only feeds of one content language declare a language: the others mix several.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_LENGTH, AtomFeed, ContentLanguageFeed, excerpt
from core.languages import LANGUAGES
from people.models import Organization, Person

from .models import Article, Outlet


class LatestArticlesFeed(ContentLanguageFeed):
    """The latest published reports; subclasses narrow them with `articles()`."""

    title = _("Newsroom: latest reports")
    description = _("The latest reports on states' meetings with UN human-rights bodies.")

    def link(self, obj):
        return reverse("article-list")

    def articles(self, obj):
        return Article.objects.all()

    def items(self, obj):
        return self.articles(obj).published().select_related("outlet").newest_first()[:FEED_LENGTH]

    def item_link(self, article):
        return article.get_canonical_url()

    def item_description(self, article):
        return excerpt(article.paragraphs)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.byline or article.outlet.name

    def item_categories(self, article):
        return [article.outlet.name, article.get_language_display()]


class LanguageArticlesFeed(LatestArticlesFeed):
    """The latest reports in one content language."""

    def get_object(self, request, language):
        if language not in dict(LANGUAGES):
            raise Http404(f"No content language {language!r}.")
        return language

    def content_language(self, language):
        return language

    def title(self, language):
        return gettext("Newsroom: reports in %(language)s") % {
            "language": dict(LANGUAGES)[language]
        }

    def description(self, language):
        return gettext("The latest reports in %(language)s.") % {
            "language": dict(LANGUAGES)[language]
        }

    def link(self, language):
        return f"{reverse('article-list')}?{urlencode({'language': language})}"

    def articles(self, language):
        return Article.objects.filter(language=language)


class OutletArticlesFeed(LatestArticlesFeed):
    """The latest reports an outlet published."""

    def get_object(self, request, slug):
        return get_object_or_404(Outlet, slug=slug)

    def title(self, outlet):
        return gettext("Newsroom: reports from %(outlet)s") % {"outlet": outlet.name}

    def description(self, outlet):
        return gettext("The latest reports published by %(outlet)s.") % {"outlet": outlet.name}

    def link(self, outlet):
        return outlet.get_absolute_url()

    def articles(self, outlet):
        return Article.objects.filter(outlet=outlet)


class PersonArticlesFeed(LatestArticlesFeed):
    """The latest reports that mention a person."""

    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, person):
        return gettext("Newsroom: reports mentioning %(person)s") % {"person": person.name}

    def description(self, person):
        return gettext("The latest reports that mention %(person)s.") % {"person": person.name}

    def link(self, person):
        return person.get_absolute_url()

    def articles(self, person):
        return Article.objects.filter(people=person)


class OrganizationArticlesFeed(LatestArticlesFeed):
    """The latest reports that name an organization."""

    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def title(self, organization):
        return gettext("Newsroom: reports naming %(organization)s") % {
            "organization": organization.name
        }

    def description(self, organization):
        return gettext("The latest reports that name %(organization)s.") % {
            "organization": organization.name
        }

    def link(self, organization):
        return organization.get_absolute_url()

    def articles(self, organization):
        return Article.objects.filter(organizations=organization)


class LatestArticlesAtomFeed(AtomFeed, LatestArticlesFeed):
    subtitle = LatestArticlesFeed.description


class LanguageArticlesAtomFeed(AtomFeed, LanguageArticlesFeed):
    subtitle = LanguageArticlesFeed.description


class OutletArticlesAtomFeed(AtomFeed, OutletArticlesFeed):
    subtitle = OutletArticlesFeed.description


class PersonArticlesAtomFeed(AtomFeed, PersonArticlesFeed):
    subtitle = PersonArticlesFeed.description


class OrganizationArticlesAtomFeed(AtomFeed, OrganizationArticlesFeed):
    subtitle = OrganizationArticlesFeed.description
