"""The articles' cached fragments (`core.fragments`): a report's row in the lists and
the body of its page, and which items a change to an article or a translation link
reaches."""

from django.template.loader import render_to_string

from core import fragments

from .models import Article, Translation

ROW = "includes/article_row.html"


def versions_of(article_id):
    """The ids of the article's translation group, drafts included, itself too."""
    return set(Article.objects.versions_of(Article(pk=article_id)).values_list("pk", flat=True))


def article_reach(article):
    """An article's title, language, address and state show on its own pages and rows,
    and on those of its versions in other languages ("Also in")."""
    return {Article: versions_of(article.pk)}


def translation_reach(link):
    return {Article: versions_of(link.source_id) | {link.source_id, link.translation_id}}


def register():
    fragments.register(Article, article_reach)
    fragments.register(Translation, translation_reach)


def snippet(article):
    return getattr(article, "snippet", "")


def read_with(article):
    """What a row shows that was read with the article, before its stamp
    (`core.fragments`): its original's id, its outlet, and its search snippet."""
    outlet = article.outlet and (article.outlet.slug, article.outlet.name)
    return repr((article.original_id, outlet, snippet(article)))


def rows(articles):
    """The list rows of published `articles`, with their published versions in other
    languages and the search snippet they carry, if any."""

    def build(missing):
        return [
            render_to_string(ROW, {"article": article, "snippet": snippet(article)})
            for article in Article.objects.published().attach_versions(missing)
        ]

    return fragments.cached("article-row", articles, build, vary=read_with)
