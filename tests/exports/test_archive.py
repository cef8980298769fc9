"""The whole published archive as a versioned zip (`manage.py build_archive`): what it
holds, its versions and their pruning, a build that fails half-way, and the Open data
page that links the latest version and serves it as the file it is."""

import datetime as dt
import errno
import gzip
import io
import json
import zipfile

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from jsonschema import Draft202012Validator

from articles.models import Article, OutletName, Translation
from editorial.models import Status
from exports import archive, columns, popolo
from meetings.models import Coverage, Meeting, Participant
from people.models import Organization, OrganizationName, Person, PersonName, Post
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    ParticipantFactory,
    SummaryTranslationFactory,
    TranslationFactory,
)

from .reading import csv_header, csv_rows

pytestmark = pytest.mark.django_db

PAGE = "/en/open-data/"
EN_2017 = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
FILES = {
    *(table.filename for table in columns.ARCHIVE_TABLES),
    "popolo.json",
    "README.md",
    "datapackage.json",
}


def build(**options):
    out = io.StringIO()
    call_command("build_archive", "--site-url", "https://news.example.org", stdout=out, **options)
    return out.getvalue()


def contents(path):
    with zipfile.ZipFile(path) as zipped:
        return {name: zipped.read(name).decode() for name in zipped.namelist()}


def names(directory):
    return sorted(path.name for path in directory.iterdir() if not path.name.startswith("."))


class TestContents:
    def test_a_version_holds_every_table_popolo_a_readme_and_a_data_package(
        self, seed, open_data_dir
    ):
        with time_machine.travel(dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)):
            said = build()

        assert names(open_data_dir) == ["newsroom-open-data-2026-12-04.1.zip"]
        assert said.startswith("Built version 2026-12-04.1 (5 reports, 4 meetings, 8 people")
        files = contents(open_data_dir / "newsroom-open-data-2026-12-04.1.zip")
        assert set(files) == FILES
        for table in columns.ARCHIVE_TABLES:
            assert csv_header(files[table.filename]) == [c.name for c in table.columns]
        assert len(csv_rows(files["articles.csv"])) == Article.objects.published().count()
        assert len(csv_rows(files["meetings.csv"])) == Meeting.objects.published().count()
        assert len(csv_rows(files["participants.csv"])) == Participant.objects.count()
        assert len(csv_rows(files["people.csv"])) == Person.objects.count()
        assert len(csv_rows(files["organizations.csv"])) == Organization.objects.count()
        assert len(csv_rows(files["posts.csv"])) == Post.objects.count()
        assert len(csv_rows(files["translations.csv"])) == Translation.objects.count()
        document = json.loads(files["popolo.json"])
        schema = json.loads(popolo.SCHEMA.read_text())
        Draft202012Validator(schema).validate(document)

    def test_the_readme_names_the_version_and_every_file_and_column(self, seed, open_data_dir):
        with time_machine.travel(dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)):
            build()
        readme = contents(archive.latest().path)["README.md"]

        assert readme.startswith("# Newsroom open data, version 2026-12-04.1\n")
        assert "Built 2026-12-04T09:30:00" in readme
        assert "https://news.example.org/en/open-data/" in readme
        assert "| `articles.csv` | 5 |" in readme
        assert "| `meetings.csv` | 4 |" in readme
        for table in columns.ARCHIVE_TABLES:
            assert f"## `{table.filename}`" in readme
            for column in table.columns:
                assert f"| `{column.name}` | {column.type}" in readme
                assert str(column.description) in readme
        assert "starts with a single quote" in readme

    def test_the_data_package_describes_every_file(self, seed, open_data_dir):
        build()
        files = contents(archive.latest().path)
        package = json.loads(files["datapackage.json"])

        assert package["version"] == archive.latest().version
        resources = {resource["path"]: resource for resource in package["resources"]}
        assert set(resources) == FILES - {"README.md", "datapackage.json"}
        for table in columns.ARCHIVE_TABLES:
            fields = resources[table.filename]["schema"]["fields"]
            assert [field["name"] for field in fields] == [c.name for c in table.columns]
            assert resources[table.filename]["rows"] == len(csv_rows(files[table.filename]))

    def test_rows_hold_what_the_database_holds(self, seed, open_data_dir):
        build()
        files = contents(archive.latest().path)
        english = Article.objects.get(slug=EN_2017)

        articles = {row["slug"]: row for row in csv_rows(files["articles.csv"])}
        row = articles[english.slug]
        assert row["title"] == english.title
        assert row["body"] == english.body
        assert row["outlet"] == english.outlet.slug
        assert row["published_at"] == english.published_at.isoformat().replace("+00:00", "Z")
        assert row["url"] == f"https://news.example.org/en/articles/{english.slug}/"
        assert row["people"] == "; ".join(
            english.people.order_by("name", "pk").values_list("slug", flat=True)
        )
        (link,) = csv_rows(files["translations.csv"])
        french = english.translation_links.get().translation
        assert link == {
            "source": english.slug,
            "translation": french.slug,
            "source_language": "en",
            "translation_language": "fr",
            "method": "human",
            "is_outdated": "false",
        }
        coverage = {(row["meeting"], row["article"]) for row in csv_rows(files["coverage.csv"])}
        assert coverage == set(Coverage.objects.values_list("meeting__slug", "article__slug"))
        posts = {row["id"]: row for row in csv_rows(files["posts.csv"])}
        for post in Post.objects.all():
            assert posts[f"post-{post.pk}"]["title"] == post.title
            assert posts[f"post-{post.pk}"]["person"] == post.person.slug
        others = {
            (row["of"], row["slug"], row["name"]) for row in csv_rows(files["other_names.csv"])
        }
        assert others == {
            *(
                ("person", *names)
                for names in PersonName.objects.values_list("person__slug", "name")
            ),
            *(
                ("organization", *names)
                for names in OrganizationName.objects.values_list("organization__slug", "name")
            ),
            *(
                ("outlet", *names)
                for names in OutletName.objects.values_list("outlet__slug", "name")
            ),
        }


def later():
    return timezone.now() + dt.timedelta(days=1)


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.WITHDRAWN},
        {"status": Status.PUBLISHED, "published_at": later},
    ],
    ids=["draft", "review", "withdrawn", "scheduled"],
)
def test_only_published_reports_and_meetings_are_in_it(seed, open_data_dir, hidden):
    fields = {key: value() if callable(value) else value for key, value in hidden.items()}
    shown = Meeting.objects.published().first()
    article = ArticleFactory(
        title="SECRET report", slug="secret-report", body="SECRET", language="ru", **fields
    )
    TranslationFactory(source=Article.objects.get(slug=EN_2017), translation=article)
    Coverage.objects.create(meeting=shown, article=article)
    meeting = MeetingFactory(title="SECRET meeting", slug="secret-meeting", **fields)
    ParticipantFactory(meeting=meeting, reported_name="SECRET participant")
    SummaryTranslationFactory(meeting=meeting, title="SECRET summary")
    Coverage.objects.create(meeting=meeting, article=Article.objects.published().first())

    build()

    for name, text in contents(archive.latest().path).items():
        assert "SECRET" not in text, name
        assert "secret-" not in text, name


class TestVersions:
    def test_each_build_is_the_next_version_of_its_day(self, db, open_data_dir):
        with time_machine.travel(dt.datetime(2026, 12, 4, 23, 0, tzinfo=dt.UTC)):
            build()
            build()
        with time_machine.travel(dt.datetime(2026, 12, 5, 1, 0, tzinfo=dt.UTC)):
            build()

        assert names(open_data_dir) == [
            "newsroom-open-data-2026-12-04.1.zip",
            "newsroom-open-data-2026-12-04.2.zip",
            "newsroom-open-data-2026-12-05.1.zip",
        ]
        assert [found.version for found in archive.archives()] == [
            "2026-12-05.1",
            "2026-12-04.2",
            "2026-12-04.1",
        ]
        assert archive.latest().version == "2026-12-05.1"

    def test_only_the_newest_are_kept(self, db, open_data_dir, settings):
        settings.OPEN_DATA_KEEP = 2
        with time_machine.travel(dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)):
            build()
            build()
            said = build()
            assert said.endswith(
                "Removed version 2026-12-04.1 (newsroom-open-data-2026-12-04.1.zip).\n"
            )
            build(keep=1)

        assert names(open_data_dir) == ["newsroom-open-data-2026-12-04.4.zip"]

    def test_fewer_than_one_kept_is_refused(self, db, open_data_dir):
        with pytest.raises(CommandError, match="--keep: must be a whole number, at least 1"):
            call_command("build_archive", "--keep", "0")
        assert not open_data_dir.exists()

    def test_a_site_address_that_is_none_is_refused(self, db, open_data_dir):
        with pytest.raises(CommandError, match="--site-url must be the site's address"):
            call_command("build_archive", "--site-url", "news.example.org")

    def test_other_files_in_the_folder_are_left_alone(self, db, open_data_dir):
        open_data_dir.mkdir()
        (open_data_dir / "notes.txt").write_text("kept")
        (open_data_dir / "newsroom-open-data-2026-13-45.1.zip").write_text("no such day")
        build(keep=1)
        build(keep=1)
        assert (open_data_dir / "notes.txt").read_text() == "kept"
        assert len(archive.archives()) == 1


class TestFailures:
    @pytest.fixture
    def previous(self, seed, open_data_dir):
        build()
        found = archive.latest()
        return found, found.path.read_bytes()

    def assert_unchanged(self, open_data_dir, previous):
        found, data = previous
        assert [path.name for path in open_data_dir.iterdir() if path.name != ".lock"] == [
            found.name
        ]
        assert found.path.read_bytes() == data
        assert archive.latest() == found

    def fail_half_way(self, monkeypatch, error):
        """Reading people fails after its first row: the zip has half its files."""
        read = archive.TABLE_ROWS[columns.PEOPLE]

        def failing(origin):
            rows = read(origin)
            try:
                yield next(rows)
                raise error
            finally:
                rows.close()

        monkeypatch.setitem(archive.TABLE_ROWS, columns.PEOPLE, failing)

    def test_a_database_that_fails_half_way_leaves_the_previous_version(
        self, open_data_dir, previous, monkeypatch
    ):
        self.fail_half_way(monkeypatch, DatabaseError("server closed the connection"))

        with pytest.raises(CommandError, match="server closed the connection"):
            build()

        self.assert_unchanged(open_data_dir, previous)

    def test_a_full_disk_says_so_and_leaves_the_previous_version(
        self, open_data_dir, previous, monkeypatch
    ):
        self.fail_half_way(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))

        with pytest.raises(CommandError) as raised:
            build()

        assert str(raised.value) == (
            f"{open_data_dir}: No space left on device while writing the archive; no new "
            "version was written. Free some space on its disk, or set NEWSROOM_OPEN_DATA_DIR "
            "to another disk."
        )
        self.assert_unchanged(open_data_dir, previous)

    def test_a_build_that_was_killed_is_cleared_by_the_next(self, open_data_dir, previous):
        left = open_data_dir / ".newsroom-open-data-2026-01-01.1.zip.partial"
        left.write_bytes(b"half a zip")

        build()

        assert not left.exists()
        assert len(archive.archives()) == 2


class TestOpenDataPage:
    def test_it_says_when_no_archive_was_built_yet(self, client, db, open_data_dir):
        response = client.get(PAGE)
        assert response.status_code == 200
        assert "No archive has been built yet." in response.content.decode()

    def test_it_links_the_latest_version_with_its_date_and_size(self, client, seed, open_data_dir):
        build()
        build()
        latest = archive.latest()

        page = client.get(PAGE).content.decode()

        assert f'href="/en/open-data/{latest.name}"' in page
        assert f"Version {latest.version}" in page
        assert str(filesizeformat(latest.size)) in page
        assert latest.created.strftime("%Y") in page
        assert ".1.zip" not in page

    def test_it_shows_the_fields_of_every_file(self, client, db, open_data_dir):
        page = client.get(PAGE).content.decode()
        for table in columns.ARCHIVE_TABLES:
            assert f'<h3 id="file-{table.name}">{table.filename}</h3>' in page
            for column in table.columns:
                assert f"<td><code>{column.name}</code></td>" in page
        assert 'href="/en/open-data/popolo.json"' in page
        assert 'href="/en/open-data/meetings.csv?rows=participants"' in page

    def test_it_speaks_french(self, client, db, open_data_dir):
        page = client.get("/fr/open-data/").content.decode()
        assert "<h1>Données ouvertes</h1>" in page
        assert "Aucune archive n’a encore été construite." in page
        assert "Le jour de la réunion." in page

    def test_a_new_version_shows_at_once(self, client, seed, open_data_dir):
        assert "No archive has been built yet." in client.get(PAGE).content.decode()
        build()
        assert archive.latest().name in client.get(PAGE).content.decode()

    def test_every_page_and_the_meeting_list_link_it(self, client, seed, open_data_dir):
        for address in ("/en/", "/en/articles/", "/en/meetings/", "/en/people/"):
            assert 'href="/en/open-data/"' in client.get(address).content.decode()
        assert 'href="/fr/open-data/"' in client.get("/fr/").content.decode()


class TestDownload:
    def test_the_link_gives_the_file_as_an_attachment(self, client, seed, open_data_dir):
        build()
        latest = archive.latest()

        response = client.get(f"/en/open-data/{latest.name}")

        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        assert response["Content-Disposition"] == f'attachment; filename="{latest.name}"'
        assert int(response["Content-Length"]) == latest.size
        assert b"".join(response.streaming_content) == latest.path.read_bytes()
        assert "Last-Modified" in response

    def test_it_goes_out_as_it_is_to_clients_that_accept_gzip(self, client, seed, open_data_dir):
        build()
        latest = archive.latest()

        response = client.get(f"/fr/open-data/{latest.name}", HTTP_ACCEPT_ENCODING="gzip")

        assert "Content-Encoding" not in response
        assert int(response["Content-Length"]) == latest.size
        assert b"".join(response.streaming_content) == latest.path.read_bytes()
        page = client.get(PAGE, HTTP_ACCEPT_ENCODING="gzip")
        assert page["Content-Encoding"] == "gzip"
        assert b"Open data" in gzip.decompress(page.content)

    def test_a_version_that_is_gone_or_never_was_is_not_found(self, client, db, open_data_dir):
        build()
        gone = archive.latest().name
        build(keep=1)

        assert client.get(f"/en/open-data/{gone}").status_code == 404
        assert client.get("/en/open-data/newsroom-open-data-2020-01-01.1.zip").status_code == 404
        assert client.get("/en/open-data/..%2Fdb.sqlite3").status_code == 404
        assert client.get(f"/en/open-data/{archive.latest().name}").status_code == 200

    def test_the_api_names_the_latest_version(self, client, db, open_data_dir):
        response = client.get("/api/v1/open-data/archive/")
        assert response.status_code == 404
        assert response.json() == {"detail": "No archive has been built yet."}

        build()
        latest = archive.latest()
        data = client.get("/api/v1/open-data/archive/").json()

        assert data == {
            "version": latest.version,
            "name": latest.name,
            "created": latest.created.isoformat().replace("+00:00", "Z"),
            "size": latest.size,
            "url": f"http://testserver/en/open-data/{latest.name}",
            "page": "http://testserver/en/open-data/",
        }
        assert client.get(data["url"]).status_code == 200
