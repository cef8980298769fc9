from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGES


class SearchDocument(models.Model):
    """The searchable text of one published article or meeting, kept by `search.documents`.

    Derived data: rebuilt from the item whenever it, its people, organizations,
    participants or summary translations change. PostgreSQL searches `vector` (a GIN
    index); SQLite searches an FTS5 table mirroring `title` and `body`.
    """

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, null=True, related_name="search_document"
    )
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, null=True, related_name="search_document"
    )
    language = models.CharField(max_length=7, choices=LANGUAGES)
    config = models.CharField(
        max_length=20, help_text="PostgreSQL text-search configuration for the language."
    )
    title = models.TextField()
    body = models.TextField()
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        db_table = "articles_searchdocument"
        verbose_name = _("search document")
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, meeting__isnull=True)
                | Q(article__isnull=True, meeting__isnull=False),
                name="search_document_one_item",
            )
        ]

    def __str__(self):
        return self.title
