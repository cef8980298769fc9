"""A full disk: a backup that cannot be written, an upload that cannot be received.

The disk fills (ENOSPC) once a set number of bytes are written, after writing what fit,
as a real disk does: through the files a backup writes, and through the temporary files
Django keeps large uploads in.
"""

import errno
import html
import os
import re
import secrets
import sys
import tempfile
from types import SimpleNamespace

import pytest
from django.core.files import uploadedfile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import Client

from articles.models import Article
from ingest.admin import IMPORT_SESSION_KEY
from sitebackups import restoring, writing
from sitebackups.management.commands.backup_site import Command as BackupCommand
from tests.factories import ArticleFactory, EditorFactory
from tests.ingest.test_admin_import import IMPORT_URL, REPORTS

pytestmark = pytest.mark.django_db

#: The standard `private` of backups, which the tests put a small disk under.
real_private = writing.private


class Disk:
    """A disk with `free` bytes left: writing more fails with `error` (ENOSPC) once
    what fits is written. It notes what each file took and which one filled it."""

    def __init__(self, free=sys.maxsize, error=errno.ENOSPC):
        self.free, self.error = free, error
        self.written = {}
        self.full_in = None

    def take(self, name, data):
        """Write `data` to the file `name` as far as it fits: the part that fits."""
        fits = bytes(data[: max(self.free, 0)])
        self.free -= len(fits)
        self.written[name] = self.written.get(name, 0) + len(fits)
        if len(fits) < len(data):
            self.full_in = self.full_in or name
        return fits

    def fail(self):
        raise OSError(self.error, os.strerror(self.error))

    def backup_file(self, path):
        """`writing.private` of backups on this disk."""
        disk = self

        class OnDisk:
            def __init__(self, file):
                self.file = file

            def write(self, data):
                fits = disk.take(path.name, data)
                self.file.write(fits)
                if len(fits) < len(data):
                    disk.fail()
                return len(data)

            def __getattr__(self, name):
                return getattr(self.file, name)

        class Opened:
            def __enter__(self):
                self.context = real_private(path)
                return OnDisk(self.context.__enter__())

            def __exit__(self, *exc_info):
                return self.context.__exit__(*exc_info)

        return Opened()

    def temporary_files(self, creating=True):
        """`django.core.files.temp` on this disk: upload files, made in this order; with
        `creating` False, no file can even be made."""

        def named_temporary_file(*args, **kwargs):
            if not creating:
                self.fail()
            file = tempfile.NamedTemporaryFile(*args, **kwargs)  # noqa: SIM115 (Django closes it)
            write = file.write

            def write_as_far_as_it_fits(data):
                fits = self.take(file.name, data)
                write(fits)
                if len(fits) < len(data):
                    self.fail()
                return len(data)

            file.write = write_as_far_as_it_fits
            return file

        return SimpleNamespace(NamedTemporaryFile=named_temporary_file)


# Backups ---------------------------------------------------------------------------------

NAME = "newsroom-20261202-101500.jsonl.gz"


@pytest.fixture
def archive():
    """Reports whose text compresses badly, so that the backup's data is written as it
    is compressed, not only at the end."""
    ArticleFactory.create_batch(40, body=secrets.token_hex(3000))


def backup_site(path):
    """`manage.py backup_site PATH`, as the shell runs it: (exit status, stdout)."""
    command = BackupCommand()
    try:
        command.run_from_argv(["manage.py", "backup_site", str(path)])
    except SystemExit as exit:
        return exit.code
    return 0


@pytest.fixture
def shell(monkeypatch):
    """`run_from_argv` closes every connection at its end: not the test's."""
    monkeypatch.setattr(connections, "close_all", lambda: None)


@pytest.fixture
def backup_sizes(archive, tmp_path, monkeypatch):
    """What a backup of the archive writes to each of its two files: (data, whole)."""
    disk = Disk()
    monkeypatch.setattr(writing, "private", disk.backup_file)
    writing.back_up(tmp_path / "measure" / NAME)
    return disk.written[f".{NAME}.payload"], disk.written[f".{NAME}.partial"]


@pytest.mark.parametrize(
    ("phase", "error", "message"),
    [
        (
            "payload",
            errno.ENOSPC,
            "No space left on device while writing the backup; no backup was written. "
            "Free some space on its disk, or back up to another disk.",
        ),
        (
            "partial",
            errno.ENOSPC,
            "No space left on device while writing the backup; no backup was written. "
            "Free some space on its disk, or back up to another disk.",
        ),
        (
            "partial",
            errno.EIO,
            "Input/output error while writing the backup; no backup was written.",
        ),
    ],
    ids=["while-writing-the-data", "while-writing-the-file", "input-output-error"],
)
def test_a_backup_on_a_full_disk_fails_clearly_and_leaves_nothing(
    backup_sizes, tmp_path, monkeypatch, capsys, shell, phase, error, message
):
    data, whole = backup_sizes
    free = data // 2 if phase == "payload" else data + whole // 2
    disk = Disk(free, error)
    monkeypatch.setattr(writing, "private", disk.backup_file)
    folder = tmp_path / "backups"
    path = folder / NAME

    status = backup_site(path)

    assert disk.full_in == f".{NAME}.{phase}"
    assert status == 1
    out, err = capsys.readouterr()
    assert err == f"CommandError: {path}: {message}\n"
    assert "Traceback" not in out + err
    assert list(folder.iterdir()) == []


def test_a_backup_goes_through_once_there_is_room(backup_sizes, tmp_path, monkeypatch):
    data, whole = backup_sizes
    monkeypatch.setattr(writing, "private", Disk(data + whole).backup_file)
    path = tmp_path / "backups" / NAME

    writing.back_up(path)

    assert [file.name for file in path.parent.iterdir()] == [NAME]
    assert restoring.verify(path)["counts"]["articles.article"] == 40


# Uploads to the import page --------------------------------------------------------------

SMALL, LARGE = "ru_tass_geneva_khalafov_2017.txt", "en_page_azernews_aliyeva_turk.html"
FULL = "The server's disk is full: the upload could not be received. Nothing was imported."


@pytest.fixture
def uploads(settings, tmp_path):
    """Uploads over a kilobyte go to temporary files, in a folder of their own."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    (tmp_path / "uploads").mkdir()
    return tmp_path / "uploads"


@pytest.fixture
def browser(db):
    """An editor's browser, which sends the form's CSRF token first, as browsers do."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(EditorFactory(username="editor"))
    return client


def read_reports(browser, *names, language="en"):
    """Submit the import page's upload form with these reports."""
    headers = {"accept-language": language}
    page = browser.get(IMPORT_URL, headers=headers)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    files = [SimpleUploadedFile(name, (REPORTS / name).read_bytes()) for name in names]
    return browser.post(
        IMPORT_URL,
        {"csrfmiddlewaretoken": token, "files": files, "text": "", "outlet": ""},
        headers=headers,
    )


def import_batches(browser):
    """The previews the session keeps for the editor to import from."""
    return browser.session.get(IMPORT_SESSION_KEY, {})


@pytest.mark.parametrize(
    ("free", "error", "status", "message"),
    [
        (4096, errno.ENOSPC, 507, FULL),
        (0, errno.ENOSPC, 507, FULL),
        (4096, errno.EIO, 500, "The server could not store the upload. Nothing was imported."),
    ],
    ids=["second-file", "first-file", "input-output-error"],
)
def test_an_upload_the_server_cannot_store_is_refused_on_the_import_page(
    browser, uploads, monkeypatch, free, error, status, message
):
    """The editor gets the form again saying why, however many files had arrived."""
    disk = Disk(free, error)
    monkeypatch.setattr(uploadedfile, "tempfile", disk.temporary_files())
    before = Article.objects.count()

    response = read_reports(browser, SMALL, LARGE)

    assert disk.full_in is not None
    assert response.status_code == status
    assert message in html.unescape(response.text)
    assert 'value="Read the reports"' in response.text  # the form, to try again
    assert "previews" not in response.context
    assert list(uploads.iterdir()) == []
    assert Article.objects.count() == before
    assert not import_batches(browser)


def test_an_upload_that_cannot_even_make_its_file_is_refused_alike(browser, uploads, monkeypatch):
    monkeypatch.setattr(uploadedfile, "tempfile", Disk().temporary_files(creating=False))

    response = read_reports(browser, SMALL)

    assert response.status_code == 507
    assert FULL in html.unescape(response.text)
    assert list(uploads.iterdir()) == []


def test_the_refusal_speaks_the_editors_language(browser, uploads, monkeypatch):
    monkeypatch.setattr(uploadedfile, "tempfile", Disk(free=4096).temporary_files())

    response = read_reports(browser, SMALL, LARGE, language="fr")

    assert response.status_code == 507
    assert (
        "Le disque du serveur est plein\u00a0: l’envoi n’a pas pu être reçu. Rien n’a été importé."
    ) in html.unescape(response.text)


def test_once_there_is_room_the_same_upload_is_read(browser, uploads, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(uploadedfile, "tempfile", Disk(free=4096).temporary_files())
        assert read_reports(browser, SMALL, LARGE).status_code == 507

    response = read_reports(browser, SMALL, LARGE)

    assert response.status_code == 200
    assert "This is what was read from 2 reports." in response.text
    assert list(uploads.iterdir()) == []
