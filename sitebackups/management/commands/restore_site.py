import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sitebackups import restoring
from sitebackups.management.commands.backup_site import summary
from sitebackups.schema import BackupError


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup_site` into a migrated database: an empty one, or "
        "with --replace one whose data it replaces. The whole file is checked first; the "
        "data is replaced in one transaction, so a failure leaves the database as it was. "
        "Then the search index is rebuilt and cached pages are dropped."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the data of a database that is not empty.",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, path, replace, database, **options):
        started = time.monotonic()
        try:
            header = restoring.restore(Path(path), using=database, replace=replace)
        except BackupError as error:
            raise CommandError(f"{path}: {error} Nothing was restored.") from error
        elapsed = time.monotonic() - started
        counts = header["counts"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(counts.values())} rows ({summary(counts)}) from {path}, "
                f"made {header['created']}, in {elapsed:.1f} s; the search index was rebuilt."
            )
        )
