from django.core.management.base import BaseCommand

from core import caching
from search import documents as search_documents


class Command(BaseCommand):
    help = "Rebuild the full-text search documents of every published article and meeting."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, database, **options):
        count = search_documents.rebuild(using=database)
        caching.mark_changed()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} published articles and meetings."))
