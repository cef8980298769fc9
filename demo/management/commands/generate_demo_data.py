import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from demo.writing import generate


class Command(BaseCommand):
    help = (
        "Add a realistic demo archive for benchmarks and manual testing: N articles in "
        "English, French, Russian and Azerbaijani with their translations, the desk's "
        "meeting summaries with participants, and the outlets, organizations, fictional "
        "people, posts and topics they name, then their search documents. Adds to what is "
        "in the database (demo slugs end with -d<number>); the same --seed and N on an "
        "empty database give the same data. Rows are bulk-inserted: no signals are sent "
        "and no history records are made."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            required=True,
            metavar="N",
            help="How many articles to add, translations included (0 adds nothing).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Seed of the random generator (default: 1)."
        )
        parser.add_argument("--no-progress", action="store_true", help="Show no progress bar.")

    def handle(self, *args, articles, seed, no_progress, verbosity, **options):
        if articles < 0:
            raise CommandError(f"--articles must be 0 or more, not {articles}.")
        if not articles:
            self.stdout.write("Nothing to do: --articles is 0.")
            return
        started = time.monotonic()
        with tqdm(
            total=articles,
            unit="article",
            file=sys.stderr,
            disable=no_progress or verbosity == 0 or not sys.stderr.isatty(),
            leave=False,
        ) as progress:
            created = generate(articles, seed=seed, progress=progress.update)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Created {created} in {elapsed:.1f} s"))
        if verbosity >= 2:
            timings = ", ".join(
                f"{phase} {seconds:.1f} s" for phase, seconds in created.timings.items()
            )
            self.stdout.write(f"Time spent: {timings}")
