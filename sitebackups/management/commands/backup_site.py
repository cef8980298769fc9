import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from sitebackups import writing
from sitebackups.schema import BackupError


class Command(BaseCommand):
    help = (
        "Back up the site's data (articles, meetings, people, translations, their history, "
        "users and groups) into one gzip file that `restore_site` restores on SQLite or "
        "PostgreSQL. The file holds password hashes: keep it private."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="The file to write (default: backups/newsroom-YYYYmmdd-HHMMSS.jsonl.gz).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, path, database, **options):
        if path is None:
            stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
            path = Path(settings.BASE_DIR) / "backups" / f"newsroom-{stamp}.jsonl.gz"
        path = Path(path)
        started = time.monotonic()
        try:
            header = writing.back_up(path, using=database)
        except (BackupError, OSError, DatabaseError) as error:
            raise CommandError(f"{path}: {error}") from error
        elapsed = time.monotonic() - started
        counts = header["counts"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(counts.values())} rows ({summary(counts)}) to {path} "
                f"({path.stat().st_size / 1e6:.1f} MB) in {elapsed:.1f} s."
            )
        )


def summary(counts):
    """The main counts of a backup, e.g. "1005 articles, 204 meetings, 3 users"."""
    shown = {"articles.article": "articles", "meetings.meeting": "meetings", "auth.user": "users"}
    return ", ".join(f"{counts.get(label, 0)} {name}" for label, name in shown.items())
