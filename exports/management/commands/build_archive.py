import argparse
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator, ValidationError
from django.db import DatabaseError
from django.template.defaultfilters import filesizeformat

from exports import archive


def at_least_one(value):
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, at least 1, not {value!r}")
    return number


class Command(BaseCommand):
    help = (
        "Build the next version of the open-data archive: every published report, "
        "translation link, meeting, participant, person, organization, post and outlet, "
        "as CSV files and Popolo JSON with a README of the fields, in one zip file in "
        "NEWSROOM_OPEN_DATA_DIR; then keep only the newest versions. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep",
            type=at_least_one,
            default=settings.OPEN_DATA_KEEP,
            help="How many versions to keep, the new one included "
            f"(default: NEWSROOM_OPEN_DATA_KEEP, now {settings.OPEN_DATA_KEEP}).",
        )
        parser.add_argument(
            "--site-url",
            default=settings.SITE_URL,
            help="The site's address, for the links in the files "
            f"(default: NEWSROOM_SITE_URL, now {settings.SITE_URL}).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, keep, site_url, database, **options):
        site_url = site_url.rstrip("/")
        try:
            URLValidator(schemes=["http", "https"])(site_url)
        except ValidationError:
            raise CommandError(
                f"--site-url must be the site's address, such as https://news.example.org, "
                f"not {site_url!r}."
            ) from None
        started = time.monotonic()
        try:
            built, counts, removed = archive.build(site_url, keep, using=database)
        except (archive.ArchiveError, OSError, DatabaseError) as error:
            raise CommandError(f"{archive.folder()}: {error}") from error
        elapsed = time.monotonic() - started
        shown = ", ".join(
            f"{counts[name]} {label}"
            for name, label in (
                ("articles.csv", "reports"),
                ("meetings.csv", "meetings"),
                ("people.csv", "people"),
                ("organizations.csv", "organizations"),
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Built version {built.version} ({shown}) in {built.path} "
                f"({filesizeformat(built.size)}) in {elapsed:.1f} s."
            )
        )
        for old in removed:
            self.stdout.write(f"Removed version {old.version} ({old.name}).")
