import json
import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from tqdm import tqdm

from editorial.models import Status
from ingest.decoding import REPORT_SUFFIXES
from ingest.importers import Importer
from ingest.results import ImportStatus


def inputs(paths):
    """(name, read) for each report named: files, directories (recursively), or "-"."""
    for name in paths:
        if name == "-":
            yield "-", sys.stdin.buffer.read
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
            )
            for file in files:
                yield str(file), file.read_bytes
        else:
            yield name, path.read_bytes


class Command(BaseCommand):
    help = (
        "Import scraped news reports (.txt or .html files, directories of them, or - for "
        "standard input) as draft articles, recognising outlet, dates, people and "
        "organizations, and proposing related reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--dry-run", action="store_true", help="Extract and report; write nothing."
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json: one JSON object per input on standard output (JSON Lines).",
        )
        parser.add_argument(
            "--status",
            choices=[Status.DRAFT, Status.PUBLISHED],
            default=Status.DRAFT,
            help="Status of the imported articles (default: draft).",
        )
        parser.add_argument("--outlet", help="Use this outlet for every report.")
        parser.add_argument(
            "--jobs",
            type=int,
            default=min(os.cpu_count() or 1, 4),
            help="Worker processes reading reports in large runs (default: one per core, up to 4).",
        )

    def handle(self, *args, paths, dry_run, format, status, outlet, jobs, **options):
        importer = Importer(dry_run=dry_run, status=status, outlet=outlet)
        messages = self.stderr if format == "json" else self.stdout
        reports = list(inputs(paths))
        counts = dict.fromkeys(ImportStatus, 0)
        progress = tqdm(
            total=len(reports),
            file=sys.stderr,
            unit="report",
            disable=not sys.stderr.isatty(),
            leave=False,
        )
        for result in importer.import_many(reports, jobs=max(jobs, 1)):
            progress.update()
            counts[result.status] += 1
            if format == "json":
                self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            progress.clear()
            self.describe(result, messages)
        summary = (
            f"{counts[ImportStatus.WOULD_IMPORT]} would be imported (dry run), "
            if dry_run
            else f"{counts[ImportStatus.IMPORTED]} imported, "
        )
        messages.write(
            f"{summary}{counts[ImportStatus.UNCHANGED]} unchanged, "
            f"{counts[ImportStatus.FAILED]} failed"
        )
        progress.close()
        if counts[ImportStatus.FAILED]:
            sys.exit(1)

    def describe(self, result, out):
        if result.status == ImportStatus.FAILED:
            out.write(self.style.ERROR(f"{result.path}: failed: {result.error}"))
            return
        where = result.article.get_absolute_url() if result.article else result.title
        out.write(f"{result.path}: {result.status}: {where}")
        for warning in result.warnings:
            out.write(self.style.WARNING(f"{result.path}: warning: {warning}"))
