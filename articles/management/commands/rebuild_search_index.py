from django.core.management.base import BaseCommand

from articles import caching, search_index


class Command(BaseCommand):
    help = "Rebuild the full-text search documents of every published article and meeting."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, database, **options):
        count = search_index.rebuild(using=database)
        caching.mark_changed()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} published articles and meetings."))
