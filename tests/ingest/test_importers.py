"""ingest.importers and `manage.py import_reports`: scraped reports in, draft articles out."""

import datetime as dt
import io
import json
import shutil
import sys
import types
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Outlet
from editorial.models import Status
from ingest.extraction import extract, fingerprint
from ingest.importers import MAX_RELATED, Importer
from ingest.models import NameProposal, RelationProposal
from people.models import Person
from tests.factories import ArticleFactory, OutletFactory

DATA = Path(__file__).parent.parent / "data"
SEEDS = DATA / "seeds"
REPORTS = DATA / "reports"
EXPECTED = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))
SEED_FILES = sorted(path.name for path in SEEDS.iterdir())
REPORT_FILES = sorted(EXPECTED)
TODAY = dt.date(2026, 11, 23)

ENGLISH_2017 = "000_d5025afe1417ab83.txt"
FRENCH_2017 = "001_e339c143af38d813.txt"

#: Page furniture that must never reach a body, whatever the report.
GENERIC_JUNK = [
    "16 px",
    "Read more",
    "(MENAFN",
    "Legal Disclaimer",
    "©",
    "↺",
    " date 20",
    "(UTC+04:00)",
    "A+ A-",
]

#: The JSON object `import_reports --format json` prints for each input.
JSON_FIELDS = {
    "path",
    "status",
    "error",
    "warnings",
    "title",
    "language",
    "outlet",
    "published",
    "dateline",
    "byline",
    "body",
    "people",
    "organizations",
    "event_date",
    "related",
}

#: A report naming no outlet at all: no tag, dateline, attribution or signature.
NO_OUTLET = (
    "Minister of Justice Farid Ahmadov met a delegation of the UN Subcommittee on "
    "Prevention of Torture in Baku to discuss conditions of detention.\n\n"
    "The sides also discussed the training of prison staff and other issues of "
    "mutual interest.\n"
)
#: A report with an outlet and an unknown official, but no date anywhere.
UNDATED = (
    "Minister of Justice Farid Ahmadov met a delegation of the UN Subcommittee on "
    "Prevention of Torture to discuss conditions of detention, Trend reports.\n\n"
    "The sides also discussed the training of prison staff and other issues of "
    "mutual interest.\n"
)
#: The same, dated by its dateline.
DATED = (
    "BAKU, Azerbaijan, October 15, 2025. Minister of Justice Farid Ahmadov met a "
    "delegation of the UN Subcommittee on Prevention of Torture to discuss conditions "
    "of detention, Trend reports.\n\n"
    "The sides also discussed the training of prison staff and other issues of "
    "mutual interest.\n"
)

#: Typography Latin-1 lacks, replaced as a Latin-1 editor would type it.
LATIN_1_SUBSTITUTES = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "œ": "oe", "−": "-", "–": "-", "—": "-", "↺": ""}
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Outlet, NameProposal, Person, RelationProposal)
    }


def run_command(*args):
    """Run import_reports; (exit status, standard output, standard error)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_reports", *(str(arg) for arg in args), stdout=stdout, stderr=stderr)
    except SystemExit as exit:
        code = exit.code
    else:
        code = 0
    return code, stdout.getvalue(), stderr.getvalue()


def json_lines(stdout):
    """Every line of standard output, each of which must be one JSON object."""
    assert stdout.endswith("\n")
    return [json.loads(line) for line in stdout.splitlines()]


def report_bytes(name):
    return (REPORTS / name).read_bytes()


def article_at(url):
    return Article.objects.get(slug=url.rstrip("/").rsplit("/", 1)[-1])


def people_proposed(article):
    return set(
        article.name_proposals.filter(kind=NameProposal.Kind.PERSON).values_list("name", flat=True)
    )


def test_the_corpus_is_all_described():
    on_disk = sorted(path.name for path in REPORTS.iterdir() if path.suffix in (".txt", ".html"))
    assert on_disk == REPORT_FILES
    assert len(REPORT_FILES) == 14
    assert len(SEED_FILES) == 5


# 1. The seed reports come out as the fixture has them.


@pytest.mark.parametrize("filename", SEED_FILES)
def test_each_seed_report_imports_as_the_fixture_has_it(seed, filename):
    data = (SEEDS / filename).read_bytes()
    stored = Article.objects.select_related("outlet", "agency").get(
        import_fingerprint=fingerprint(extract(data.decode("utf-8")).body)
    )

    def described(article):
        return {
            "language": article.language,
            "outlet": article.outlet.name,
            "agency": article.agency.name if article.agency else None,
            "published_at": article.published_at,
            "dateline": article.dateline,
            "byline": article.byline,
            "body": article.body,
            "people": set(article.people.values_list("name", flat=True)),
            "fingerprint": article.import_fingerprint,
        }

    expected = described(stored)
    stored.delete()

    result = Importer(status="published").import_bytes(filename, data)

    assert result.status == "imported", result.error
    article = Article.objects.select_related("outlet", "agency").get(pk=result.article.pk)
    assert described(article) == expected
    assert result.published == expected["published_at"].date()
    assert article.status == Status.PUBLISHED
    assert article.title
    assert article.title_is_provisional
    assert result.title_is_provisional


# 2. The English and French reports of November 2017 are a translation pair.


@pytest.fixture
def catalog_only(seed):
    """The fixture's people, organizations and outlets, and no articles."""
    Article.objects.all().delete()


@pytest.mark.parametrize("same_run", [True, False], ids=["one run", "two runs"])
def test_the_november_2017_reports_come_out_as_a_translation_pair(catalog_only, same_run):
    first = Importer()
    english = first.import_bytes(ENGLISH_2017, (SEEDS / ENGLISH_2017).read_bytes())
    second = first if same_run else Importer()
    french = second.import_bytes(FRENCH_2017, (SEEDS / FRENCH_2017).read_bytes())

    assert (english.status, french.status) == ("imported", "imported"), french.error
    url = english.article.get_absolute_url()
    assert [(r["article"], r["relation"]) for r in french.related] == [(url, "translation")]
    assert 0 <= french.related[0]["score"] <= 1
    proposal = RelationProposal.objects.get(article=french.article)
    assert (proposal.candidate, proposal.relation) == (english.article, "translation")
    # "Bakou, 27 novembre" has no year: it comes from the English report.
    assert french.published == dt.date(2017, 11, 27)
    assert Article.objects.get(pk=french.article.pk).published_at.date() == dt.date(2017, 11, 27)
    assert [w for w in french.warnings if "no year" in w and "2017" in w and url in w]


def test_a_yearless_dateline_with_nothing_related_gets_no_date_and_a_warning(catalog_only):
    """Never the current year: a wrong date looks like a right one."""
    french = Importer().import_bytes(FRENCH_2017, (SEEDS / FRENCH_2017).read_bytes())

    assert french.status == "imported", french.error
    assert french.related == []
    assert french.published is None
    assert Article.objects.get(pk=french.article.pk).published_at is None
    assert (
        "the report gives 27/11 with no year, and no related report pins it: the "
        "publication date is left to find"
    ) in french.warnings


# 3. Page furniture never survives.


@pytest.mark.parametrize(
    "path",
    [SEEDS / name for name in SEED_FILES] + [REPORTS / name for name in REPORT_FILES],
    ids=lambda path: path.name,
)
def test_no_junk_survives_in_the_body(db, path):
    junk = GENERIC_JUNK + (EXPECTED[path.name]["junk"] if path.name in EXPECTED else [])

    result = Importer().import_bytes(path.name, path.read_bytes())

    assert result.status == "imported", result.error
    body = Article.objects.get(pk=result.article.pk).body
    assert body
    assert [line for line in junk if line in body] == []
    assert "\n\n\n" not in body


# 4. The corpus: eight languages, text and HTML.


@pytest.mark.parametrize("filename", REPORT_FILES)
def test_each_corpus_report_is_read_as_expected(seed, filename):
    expected = EXPECTED[filename]
    before = counts()

    result = Importer(dry_run=True).import_bytes(filename, report_bytes(filename))

    assert result.status == "would-import", result.error
    got = {
        "language": result.language,
        "outlet": result.outlet,
        "agency": result.agency,
        "published": result.published.isoformat() if result.published else None,
        "dateline": result.dateline,
        "byline": result.byline,
        "event_date": result.event_date.isoformat() if result.event_date else None,
        "people_known": sorted(found.name for found in result.people if found.known),
        "people_unknown": {found.name for found in result.people if not found.known},
        "title": None if result.title_is_provisional else result.title,
        "source_url": result.source_url or None,
        "paragraphs": len(result.body.split("\n\n")),
        "body_first": result.body[:40],
        "body_last": result.body[-40:],
    }
    wanted = {key: expected[key] for key in got}
    wanted["people_known"] = sorted(wanted["people_known"])
    wanted["people_unknown"] = set(wanted["people_unknown"])
    assert got == wanted
    assert result.title
    assert result.title_is_provisional == filename.endswith(".txt")
    assert counts() == before


PAIRS = [(name, EXPECTED[name]["related"]) for name in REPORT_FILES if EXPECTED[name]["related"]]


@pytest.mark.parametrize(
    ("filename", "related"), PAIRS, ids=[f"{r['file']} then {name}" for name, r in PAIRS]
)
def test_related_corpus_reports_are_proposed(seed, filename, related):
    importer = Importer()
    first = importer.import_bytes(related["file"], report_bytes(related["file"]))
    second = importer.import_bytes(filename, report_bytes(filename))

    assert (first.status, second.status) == ("imported", "imported"), second.error
    url = first.article.get_absolute_url()
    assert [(r["article"], r["relation"]) for r in second.related] == [(url, related["relation"])]
    assert 0 <= second.related[0]["score"] <= 1
    assert RelationProposal.objects.filter(
        article=second.article, candidate=first.article, relation=related["relation"]
    ).exists()


def test_reports_of_different_meetings_are_not_related(seed):
    importer = Importer()
    importer.import_bytes("en.txt", report_bytes("en_newsaz_khalafov_icrc_2017.txt"))
    result = importer.import_bytes("ru.txt", report_bytes("ru_tass_geneva_khalafov_2017.txt"))

    assert result.status == "imported", result.error
    assert result.related == []
    assert not RelationProposal.objects.exists()


# 5. Importing again changes nothing.


def test_importing_the_same_file_twice_leaves_it_unchanged(seed):
    path = REPORTS / "de_dpa_genf_ombudsfrau.txt"  # its outlet, dpa, is new: proposed
    code, stdout, _ = run_command(path, "--format", "json")
    [first] = json_lines(stdout)
    assert (code, first["status"], first["outlet_to_confirm"]) == (0, "imported", True)
    assert not Outlet.objects.filter(name="dpa").exists()
    assert NameProposal.objects.filter(kind="outlet", name="dpa").count() == 1
    before = counts()

    code, stdout, stderr = run_command(path, "--format", "json")

    [second] = json_lines(stdout)
    assert (code, second["status"]) == (0, "unchanged")
    assert second["article"] == first["article"]
    assert counts() == before
    assert stderr.splitlines()[-1] == "0 imported, 1 unchanged, 0 failed"


def test_the_same_text_saved_differently_is_unchanged(seed):
    importer = Importer()
    first = importer.import_bytes("a.txt", report_bytes("es_efe_ginebra_turk_bayramov.txt"))
    before = counts()
    resaved = b"\xef\xbb\xbf" + report_bytes("es_efe_ginebra_turk_bayramov.txt").replace(
        b"\n", b"\r\n"
    )

    second = importer.import_bytes("b.txt", resaved)

    assert (first.status, second.status) == ("imported", "unchanged")
    assert second.article == first.article
    assert counts() == before


def test_a_page_whose_canonical_address_is_known_is_unchanged(seed):
    expected = EXPECTED["en_page_azernews_aliyeva_turk.html"]
    existing = ArticleFactory(source_url=expected["source_url"])
    before = counts()

    result = Importer().import_bytes(
        "page.html", report_bytes("en_page_azernews_aliyeva_turk.html")
    )

    assert result.status == "unchanged", result.error
    assert result.article == existing
    assert counts() == before


def test_an_unchanged_report_is_not_related_to_itself(seed):
    data = report_bytes("de_dpa_genf_ombudsfrau.txt")
    first = Importer().import_bytes("a.txt", data)

    second = Importer().import_bytes("a.txt", data)

    assert second.status == "unchanged"
    url = first.article.get_absolute_url()
    assert url not in [r["article"] for r in second.related]


def test_a_dry_run_foresees_a_repeated_report_as_unchanged(seed):
    importer = Importer(dry_run=True)
    data = report_bytes("de_dpa_genf_ombudsfrau.txt")

    first = importer.import_bytes("a.txt", data)
    second = importer.import_bytes("copy-of-a.txt", data)

    assert (first.status, second.status) == ("would-import", "unchanged")


# 6. Bad input: refused with a reason, nothing written.

BAD_INPUTS = {
    "empty": (b"", "the file is empty"),
    "only blank lines": (b"  \n\n\t\r\n", "the file is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16, "binary file"),
    "over 5 MB": (b"The sides discussed cooperation.\n" * 170_000, "5 MB"),
    "text too long": (
        DATED.encode() + b"\n\n" + b"The sides discussed cooperation at length.\n\n" * 6_000,
        "the limit is 200,000",
    ),
}


@pytest.mark.parametrize(("data", "message"), BAD_INPUTS.values(), ids=BAD_INPUTS)
def test_bad_input_fails_with_its_reason_and_writes_nothing(seed, data, message):
    before = counts()

    result = Importer().import_bytes("report.txt", data)

    assert result.status == "failed"
    assert message in result.error
    assert result.article is None
    assert counts() == before


def test_a_file_of_exactly_5_mb_is_not_refused_for_its_size(seed):
    data = (DATED.encode() + b"\n" + b" " * 5 * 1024 * 1024)[: 5 * 1024 * 1024]

    result = Importer().import_bytes("report.txt", data)

    assert result.status == "imported", result.error


def test_a_file_with_nul_bytes_after_the_first_8_kb_is_refused_as_binary(seed):
    paragraphs = [
        f"The sides discussed item {n} of the agenda, the ministry told Trend." for n in range(200)
    ]
    text = "\n\n".join([*paragraphs[:150], "Annex\x00\x00\x01\x00data", *paragraphs[150:]])
    data = text.encode()
    assert data.index(b"\x00") > 8192
    before = counts()

    result = Importer().import_bytes("report.txt", data)

    assert (result.status, counts()) == ("failed", before)
    assert "binary file" in result.error


@pytest.mark.parametrize(
    ("filename", "encoding"),
    [
        ("ru_tass_geneva_khalafov_2017.txt", "windows-1251"),
        ("ru_translation_of_en_report.txt", "windows-1251"),
        ("fr_same_event_azertac_geneve.txt", "latin-1"),
        ("fr_azertac_bakou_ombudsman_hcr.txt", "latin-1"),
        ("es_efe_ginebra_turk_bayramov.txt", "latin-1"),
    ],
)
def test_a_report_in_a_legacy_encoding_imports_with_a_warning(seed, filename, encoding):
    text = (REPORTS / filename).read_text(encoding="utf-8").translate(LATIN_1_SUBSTITUTES)
    as_utf8 = Importer(dry_run=True).import_bytes(filename, text.encode("utf-8"))
    assert as_utf8.status == "would-import"

    result = Importer().import_bytes(filename, text.encode(encoding))

    assert result.status == "imported", result.error
    assert result.warnings[0].startswith("not UTF-8")
    assert result.warnings[1:] == as_utf8.warnings
    assert (result.language, result.outlet, result.published) == (
        as_utf8.language,
        as_utf8.outlet,
        as_utf8.published,
    )
    assert Article.objects.get(pk=result.article.pk).body == as_utf8.body


def test_a_report_without_a_date_gets_none_and_a_warning(seed):
    result = Importer().import_bytes("undated.txt", UNDATED.encode())

    assert result.status == "imported", result.error
    assert "no publication date found: the date is left to find" in result.warnings
    article = Article.objects.get(pk=result.article.pk)
    assert (article.published_at, article.status) == (None, Status.DRAFT)


def test_a_report_without_a_date_is_imported_as_a_draft_even_when_published_is_asked(seed):
    result = Importer(status=Status.PUBLISHED).import_bytes("undated.txt", UNDATED.encode())

    assert "imported as a draft: it cannot be published yet" in result.warnings
    assert Article.objects.get(pk=result.article.pk).status == Status.DRAFT


def test_a_dry_run_reads_a_yearless_dateline_after_an_undated_report(catalog_only):
    importer = Importer(dry_run=True)
    undated = importer.import_bytes(
        "undated.txt",
        b"Khalaf Khalafov received Georgette Gagnon in Baku, the ministry told News.Az.\n\n"
        b"The sides discussed cooperation and other issues of mutual interest.\n",
    )
    assert undated.status == "would-import", undated.error
    assert undated.published is None

    french = importer.import_bytes(FRENCH_2017, (SEEDS / FRENCH_2017).read_bytes())

    assert french.status == "would-import", french.error


# 7. The command.


def test_json_output_is_one_object_per_input_and_messages_go_to_standard_error(seed):
    code, stdout, stderr = run_command(REPORTS, "--format", "json")

    assert code == 0, stderr
    lines = json_lines(stdout)
    assert sorted(Path(line["path"]).name for line in lines) == REPORT_FILES
    for line in lines:
        assert set(line) >= JSON_FIELDS
        assert line["status"] == "imported", line["error"]
        assert line["error"] is None
        assert isinstance(line["warnings"], list)
        assert line["title"]
        assert line["language"]
        assert line["outlet"]
        assert line["body"]
        assert dt.date.fromisoformat(line["published"])
        assert all(set(person) == {"name", "known"} for person in line["people"])
        assert all(set(found) == {"name", "known"} for found in line["organizations"])
        for related in line["related"]:
            assert set(related) == {"article", "relation", "score"}
            assert related["relation"] in ("translation", "same_event")
            assert 0 <= related["score"] <= 1
        expected = EXPECTED[Path(line["path"]).name]
        assert (line["language"], line["outlet"], line["published"]) == (
            expected["language"],
            expected["outlet"],
            expected["published"],
        )
        assert f"{line['path']}: imported: {line['article']}" in stderr
        # Unknown people are proposed to editors, never created.
        assert people_proposed(article_at(line["article"])) == set(expected["people_unknown"])
    assert stderr.splitlines()[-1] == "14 imported, 0 unchanged, 0 failed"
    assert not Person.objects.filter(name__in=["Edward Carrington", "Matthias Brunner"]).exists()
    assert Article.objects.count() == 5 + 14


def test_a_directory_is_imported_recursively(seed, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "2017" / "december").mkdir(parents=True)
    text = inbox / "2017" / "december" / "newsaz.txt"
    page = inbox / "page.HTML"
    shutil.copy(REPORTS / "en_newsaz_khalafov_icrc_2017.txt", text)
    shutil.copy(REPORTS / "en_page_azernews_aliyeva_turk.html", page)
    (inbox / "notes.md").write_text("Not a report, the ministry told Trend.\n")
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")

    code, stdout, stderr = run_command(inbox, "--format", "json")

    assert code == 0, stderr
    lines = json_lines(stdout)
    assert {line["path"] for line in lines} == {str(text), str(page)}
    assert {line["status"] for line in lines} == {"imported"}
    assert stderr.splitlines()[-1] == "2 imported, 0 unchanged, 0 failed"


def test_a_dash_reads_standard_input(seed, monkeypatch):
    data = report_bytes("ru_page_trend_bayramov_shkolnikov.html")
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))
    expected = EXPECTED["ru_page_trend_bayramov_shkolnikov.html"]

    code, stdout, stderr = run_command("-", "--format", "json")

    assert code == 0, stderr
    [line] = json_lines(stdout)
    assert (line["path"], line["status"]) == ("-", "imported")
    # Recognised as HTML by its content: the page's headline and address are kept.
    assert (line["title"], line["source_url"]) == (expected["title"], expected["source_url"])
    assert article_at(line["article"]).source_url == expected["source_url"]


def test_a_dry_run_writes_nothing_and_relates_inputs_of_the_run_by_path(seed):
    source = REPORTS / "en_translation_source_menafn_trend.txt"
    translation = REPORTS / "ru_translation_of_en_report.txt"
    before = counts()

    code, stdout, stderr = run_command(source, translation, "--dry-run", "--format", "json")

    assert code == 0, stderr
    first, second = json_lines(stdout)
    assert (first["status"], second["status"]) == ("would-import", "would-import")
    assert (first["article"], second["article"]) == (None, None)
    assert [(r["article"], r["relation"]) for r in second["related"]] == [
        (str(source), "translation")
    ]
    assert counts() == before
    assert f"{source}: would-import" in stderr
    assert stderr.splitlines()[-1] == "2 would be imported (dry run), 0 unchanged, 0 failed"


def test_imported_articles_are_drafts_unless_published_is_asked_for(seed):
    OutletFactory(name="dpa")
    OutletFactory(name="AA")
    run_command(REPORTS / "de_dpa_genf_ombudsfrau.txt")
    run_command(REPORTS / "tr_aa_baku_bayramov_icrc.txt", "--status", "published")

    assert Article.objects.get(outlet__name="dpa").status == Status.DRAFT
    assert Article.objects.get(outlet__name="AA").status == Status.PUBLISHED


def test_failures_exit_with_status_1_and_the_other_files_still_import(seed, tmp_path):
    for name, (data, _) in BAD_INPUTS.items():
        (tmp_path / f"{name.replace(' ', '-')}.txt").write_bytes(data)
    missing = tmp_path / "missing.txt"
    good = REPORTS / "es_efe_ginebra_turk_bayramov.txt"
    bad = sorted(tmp_path.iterdir())
    before = counts()

    code, stdout, stderr = run_command(missing, *bad, good, "--format", "json")

    assert code == 1
    lines = {Path(line["path"]).name: line for line in json_lines(stdout)}
    assert len(lines) == len(BAD_INPUTS) + 2
    assert lines[good.name]["status"] == "imported"
    for path in [missing, *bad]:
        assert lines[path.name]["status"] == "failed"
        assert f"{path}: failed: " in stderr
    assert "missing.txt" in stderr
    for name, (_, message) in BAD_INPUTS.items():
        assert message in lines[f"{name.replace(' ', '-')}.txt"]["error"]
    assert stderr.splitlines()[-1] == f"1 imported, 0 unchanged, {len(BAD_INPUTS) + 1} failed"
    imported = article_at(lines[good.name]["article"])
    assert Article.objects.exclude(pk=imported.pk).count() == before["Article"]
    assert Outlet.objects.exclude(pk=imported.outlet_id).count() == before["Outlet"]
    assert NameProposal.objects.exclude(article=imported).count() == before["NameProposal"]


def test_a_missing_path_is_named_and_does_not_stop_the_others(seed, tmp_path):
    missing = tmp_path / "no-such-report.txt"
    good = REPORTS / "ar_azertac_baku_unicef.txt"

    code, stdout, _ = run_command(missing, good)

    assert code == 1
    assert f"{missing}: failed: cannot read it" in stdout
    assert f"{good}: imported: " in stdout
    assert stdout.splitlines()[-1] == "1 imported, 0 unchanged, 1 failed"
    assert Article.objects.filter(language="ar").count() == 1


def test_a_report_without_an_outlet_imports_with_none_and_a_warning(seed, tmp_path):
    path = tmp_path / "no-outlet.txt"
    path.write_text(NO_OUTLET, encoding="utf-8")

    code, stdout, stderr = run_command(path, "--format", "json")

    assert code == 0, stderr
    [line] = json_lines(stdout)
    assert (line["status"], line["outlet"]) == ("imported", None)
    assert "no outlet recognised in the report: choose it" in line["warnings"]
    assert article_at(line["article"]).outlet is None


def test_a_report_without_an_outlet_imports_under_the_outlet_named(seed, tmp_path):
    path = tmp_path / "no-outlet.txt"
    path.write_text(NO_OUTLET, encoding="utf-8")

    code, stdout, stderr = run_command(path, "--outlet", "Baku Daily", "--format", "json")

    assert code == 0, stderr
    [line] = json_lines(stdout)
    assert (line["status"], line["outlet"]) == ("imported", "Baku Daily")
    assert article_at(line["article"]).outlet == Outlet.objects.get(name="Baku Daily")


def test_unknown_people_named_with_a_title_become_proposals_not_people(seed, tmp_path):
    path = tmp_path / "ahmadov.txt"
    path.write_text(DATED, encoding="utf-8")
    people = Person.objects.count()

    code, stdout, stderr = run_command(path, "--format", "json")

    assert code == 0, stderr
    [line] = json_lines(stdout)
    assert line["status"] == "imported"
    assert line["published"] == "2025-10-15"
    assert {"name": "Farid Ahmadov", "known": False} in line["people"]
    article = article_at(line["article"])
    assert people_proposed(article) == {"Farid Ahmadov"}
    assert Person.objects.count() == people
    assert not Person.objects.filter(name__icontains="Ahmadov").exists()
    assert not article.people.exists()


# 8. Queries.

#: Measured on SQLite and PostgreSQL alike: 13 to 26 queries for one report, the 6 that
#: load the catalog and the 6 that propose its meeting included, and 23 with 30 related
#: articles stored.
QUERY_BUDGET = 30


@pytest.mark.parametrize("filename", REPORT_FILES)
def test_importing_a_report_runs_a_bounded_number_of_queries(
    seed, filename, django_assert_max_num_queries
):
    data = report_bytes(filename)
    with django_assert_max_num_queries(QUERY_BUDGET):
        result = Importer().import_bytes(filename, data)
    assert result.status == "imported", result.error


def test_queries_do_not_grow_with_the_related_articles(seed, django_assert_max_num_queries):
    people = list(Person.objects.filter(name__in=["Sabina Aliyeva", "Vladimir Shkolnikov"]))
    for article in ArticleFactory.create_batch(
        30, published_at=dt.datetime(2025, 5, 13, tzinfo=dt.UTC)
    ):
        article.people.set(people)
    filename = "en_translation_source_menafn_trend.txt"

    with django_assert_max_num_queries(QUERY_BUDGET):
        result = Importer().import_bytes(filename, report_bytes(filename))

    assert result.status == "imported", result.error
    assert len(result.related) == MAX_RELATED
    assert RelationProposal.objects.filter(article=result.article).count() == MAX_RELATED
