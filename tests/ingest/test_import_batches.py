"""Large runs: worker processes read reports ahead, batches are written in bulk."""

import datetime as dt
from pathlib import Path

import pytest

from articles.models import Article
from ingest.importers import Importer
from ingest.models import NameProposal, RelationProposal

REPORTS = Path(__file__).parent.parent / "data" / "reports"
TODAY = dt.date(2026, 11, 23)

pytestmark = pytest.mark.django_db


def inputs():
    return [(path.name, path.read_bytes) for path in sorted(REPORTS.glob("*.txt"))]


def summary(results):
    return [
        (r.path, r.status, r.language, r.outlet, r.published, r.title, r.error) for r in results
    ]


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(Importer, "batch_size", 4)


def test_workers_and_batches_give_the_same_results_as_one_by_one(seed, small_batches):
    one_by_one = Importer(dry_run=True)
    expected = [one_by_one.import_bytes(name, read()) for name, read in inputs()]

    in_workers = list(Importer(dry_run=True).import_many(inputs(), jobs=2))

    assert summary(in_workers) == summary(expected)
    assert [r.related for r in in_workers] == [r.related for r in expected]


def test_a_batch_writes_every_report_with_its_names_and_relations(seed, small_batches):
    results = list(Importer().import_many(inputs(), jobs=2))

    assert {r.status for r in results} == {"imported"}
    assert Article.objects.filter(
        import_fingerprint__in=[r.article.import_fingerprint for r in results]
    ).count() == len(results)
    proposed = set(NameProposal.objects.values_list("name", flat=True))
    assert {"Эдвард Каррингтон", "Matthias Brunner"} <= proposed
    translation = RelationProposal.objects.get(
        article__slug=next(r.article.slug for r in results if r.path.startswith("ru_translation"))
    )
    assert translation.relation == "translation"
    assert translation.candidate.language == "en"


def test_a_failing_batch_is_written_again_report_by_report(seed, small_batches, monkeypatch):
    """A database error in a batch costs only the report that caused it."""
    original = Importer.write

    def write(self, batch):
        if any(p.result.path.startswith("de_") for p in batch):
            if len(batch) > 1:
                raise RuntimeError("the batch fails")
            raise RuntimeError("this report cannot be saved")
        return original(self, batch)

    monkeypatch.setattr(Importer, "write", write)
    results = list(Importer().import_many(inputs()))

    failed = [r for r in results if r.status == "failed"]
    assert [r.path for r in failed] == ["de_dpa_genf_ombudsfrau.txt"]
    assert "could not be saved: RuntimeError: this report cannot be saved" in failed[0].error
    assert failed[0].article is None
    imported = [r for r in results if r.status == "imported"]
    assert len(imported) == len(results) - 1
    assert (
        not Article.objects.filter(import_fingerprint="")
        .exclude(slug__in=Article.objects.values("slug"))
        .exists()
    )
    assert Article.objects.filter(slug__in=[r.article.slug for r in imported]).count() == len(
        imported
    )


def test_a_report_deleted_between_batches_is_no_longer_related(seed, small_batches):
    """Reports of earlier batches are kept read, but found again in the database each
    time: one an editor deletes meanwhile is never proposed."""
    run = Importer().import_many(inputs())
    results = []
    for result in run:
        results.append(result)
        if result.path.startswith("en_translation_source"):
            deleted = result.article.get_absolute_url()
            result.article.delete()

    translation = next(r for r in results if r.path.startswith("ru_translation"))
    assert translation.status == "imported"
    assert deleted not in [related["article"] for related in translation.related]
    assert not RelationProposal.objects.filter(article=translation.article).exists()
