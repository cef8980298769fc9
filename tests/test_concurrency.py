"""Writers racing on PostgreSQL: no save is lost and no report is imported twice.

Each writer is a separate process (spawned, with its own connection to the test
database), and all of them are released at the same moment by a barrier: saves through
the model API and through the admin change form, where optimistic locking must let
exactly one save through and refuse the others, and two imports of overlapping sets of
reports, which must store each report, outlet and name once.
"""

import contextlib
import datetime as dt
import io
import json
import multiprocessing
import queue
import threading
import traceback
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection, connections
from django.db.models import Count
from django.db.models.functions import Lower
from django.test import Client

from articles.models import Article, Outlet
from editorial.models import EditConflict, Status
from ingest.importers import Importer
from people.models import Organization, Person
from tests.admin_forms import admin_url, changeform_data
from tests.factories import ArticleFactory, UserFactory
from tests.test_faults import database_url

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite's test database lives in one process's memory, "
        "so other processes cannot write to it",
    ),
]

WRITERS = 8
TIMEOUT = 120
SPAWN = multiprocessing.get_context("spawn")
REPORTS = sorted(
    path
    for path in (Path(__file__).parent / "data" / "reports").iterdir()
    if path.suffix in {".txt", ".html"}
)

#: What a writer process runs: Django set up as for the tests, on the test database
#: (DATABASE_URL, see `writers_use_the_test_database`), then its part.
WRITER = """
import django

django.setup()
from django.test.utils import setup_test_environment
from tests import test_concurrency

setup_test_environment()
test_concurrency.run_writer(*arguments)
"""


@pytest.fixture(autouse=True)
def writers_use_the_test_database(monkeypatch, settings):
    monkeypatch.setenv("DATABASE_URL", database_url(connection.settings_dict))
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class Writers:
    """`target(barrier, *args)` in a new process for each item of `arguments` (spawned,
    not forked: nothing of this process, its connections or threads, is shared). The
    test is one more party to the barrier: it waits as often as each writer does, and
    may look at the database in between."""

    def __init__(self, target, arguments):
        self.barrier = SPAWN.Barrier(len(arguments) + 1)
        self.results = SPAWN.Queue()
        self.processes = [
            SPAWN.Process(
                target=exec,
                args=(WRITER, {"arguments": (self.results, n, target.__name__, self.barrier, *a)}),
            )
            for n, a in enumerate(arguments)
        ]
        self.received = {}

    def __enter__(self):
        for process in self.processes:
            process.start()
        return self

    def __exit__(self, *exc_info):
        for process in self.processes:
            process.join(timeout=TIMEOUT if exc_info[0] is None else 1)
            if process.is_alive():
                process.kill()
                process.join()

    def wait(self):
        try:
            self.barrier.wait(timeout=TIMEOUT)
        except threading.BrokenBarrierError:
            self.receive(timeout=5)
            pytest.fail("a writer failed:\n" + "\n".join(self.failures()))

    def receive(self, timeout):
        with contextlib.suppress(queue.Empty):
            while len(self.received) < len(self.processes):
                index, outcome, failure = self.results.get(timeout=timeout)
                self.received[index] = outcome, failure

    def failures(self):
        return [failure for _, failure in self.received.values() if failure]

    def outcomes(self):
        """What each writer's part returned, in order."""
        self.receive(timeout=TIMEOUT)
        assert len(self.received) == len(self.processes), "a writer gave no answer"
        assert not self.failures(), "\n".join(self.failures())
        return [self.received[index][0] for index in range(len(self.processes))]


def run_writer(results, index, name, barrier, *args):
    try:
        results.put((index, globals()[name](barrier, *args), None))
    except BaseException:
        barrier.abort()
        results.put((index, None, traceback.format_exc()))
    finally:
        connections.close_all()


# 1. The model API: eight saves from one version ------------------------------------------

RACES = 4  # in even races every writer changes the title; in odd ones each another field
#: The value writer n gives each field in race r.
CHANGES = {
    "title": lambda n, r: f"Title by writer {n} in race {r}",
    "body": lambda n, r: f"Body by writer {n} in race {r}.\n\nSecond paragraph.",
    "dateline": lambda n, r: f"Dateline {n}-{r}",
    "byline": lambda n, r: f"Byline {n}-{r}",
    "source_url": lambda n, r: f"https://example.org/{r}/{n}",
    "published_at": lambda n, r: (
        dt.datetime(2020, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=10 * r + n)
    ),
    "language": lambda n, r: ["fr", "ru", "az", "es", "de", "ar", "tr", "it"][n],
    "title_is_provisional": lambda n, r: (n + r) % 2 == 0,
}


def change(n, race):
    field = "title" if race % 2 == 0 else list(CHANGES)[n]
    return field, CHANGES[field](n, race)


def save_in_races(barrier, pk, changes):
    """In each race: read the article, and once every writer has read it, change one
    field and save. What happened each time, with the version read."""
    outcomes = []
    for field, value in changes:
        barrier.wait(timeout=TIMEOUT)  # the test has noted the article as it is
        article = Article.objects.get(pk=pk)
        read_at = article.version
        setattr(article, field, value)
        barrier.wait(timeout=TIMEOUT)  # every writer holds the same version
        try:
            article.save()
            outcomes.append(("saved", read_at))
        except EditConflict:
            outcomes.append(("refused", read_at))
        barrier.wait(timeout=TIMEOUT)  # every save is done or refused
    return outcomes


def test_of_eight_saves_from_one_version_one_wins_and_seven_are_refused():
    article = ArticleFactory(status=Status.DRAFT, title="Original", source_url="")
    plans = [[change(n, race) for race in range(RACES)] for n in range(WRITERS)]

    races = []
    with Writers(save_in_races, [(article.pk, plan) for plan in plans]) as writers:
        for _ in range(RACES):
            before = Article.objects.get(pk=article.pk)
            revisions = before.history.count()
            writers.wait()
            writers.wait()
            writers.wait()
            stored = Article.objects.get(pk=article.pk)
            races.append((before, revisions, stored, stored.history.count()))
        outcomes = writers.outcomes()

    for race, (before, revisions, stored, revisions_after) in enumerate(races):
        results = [outcomes[n][race] for n in range(WRITERS)]
        assert {read_at for _, read_at in results} == {before.version}
        winners = [n for n, (outcome, _) in enumerate(results) if outcome == "saved"]
        assert len(winners) == 1, (race, results)
        assert sorted(outcome for outcome, _ in results) == ["refused"] * 7 + ["saved"]
        assert stored.version == before.version + 1
        field, value = plans[winners[0]][race]
        assert getattr(stored, field) == value
        for other, _ in (plans[n][race] for n in range(WRITERS)):
            if other != field:
                assert getattr(stored, other) == getattr(before, other), (race, other)
        assert revisions_after == revisions + 1


# 2. The admin change form: eight editors save at once ------------------------------------

SAVED_SINCE = "Someone else saved this article at"
FORM_FIELDS = ["title", "body", "dateline", "byline"]


def editor(username):
    """A staff user who may change articles. (Not in the Editors group, which a
    migration makes: the flush after each test of this module removes it.)"""
    user = UserFactory(username=username, is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles", codename__in=["view_article", "change_article"]
        )
    )
    return user.username


def submit_change_form(barrier, pk, username, field, value):
    """An editor opens the change page, edits one field and saves, with the others."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    url = admin_url(Article, "change", pk)
    data = changeform_data(client.get(url))
    data[field] = value
    barrier.wait(timeout=TIMEOUT)
    response = client.post(url, data)
    outcome = {
        "status": response.status_code,
        "location": response.get("Location"),
        "opened": int(data["opened_version"]),
    }
    if response.status_code == 302 and response["Location"] == url:
        response = client.get(url)
    outcome["page"] = response.text if response.status_code == 200 else ""
    return outcome


def test_of_eight_editors_saving_at_once_one_is_saved_and_seven_are_told():
    article = ArticleFactory(status=Status.DRAFT, title="Original", body="Original body.")
    editors = [editor(f"editor-{n}") for n in range(WRITERS)]
    fields = [FORM_FIELDS[n % len(FORM_FIELDS)] for n in range(WRITERS)]
    values = [f"Written by editor {n}" for n in range(WRITERS)]

    arguments = zip([article.pk] * WRITERS, editors, fields, values, strict=True)
    with Writers(submit_change_form, list(arguments)) as writers:
        writers.wait()
        outcomes = writers.outcomes()

    assert {outcome["opened"] for outcome in outcomes} == {article.version}
    saved = [
        n
        for n, outcome in enumerate(outcomes)
        if outcome["status"] == 302 and outcome["location"] == admin_url(Article, "changelist")
    ]
    assert len(saved) == 1, [(o["status"], o["location"]) for o in outcomes]
    winner = saved[0]
    for n, outcome in enumerate(outcomes):
        if n == winner:
            continue
        # Refused by the form, once the winner's save is done: the page comes back with
        # the editor's text in it, and the message.
        assert outcome["status"] == 200, (outcome["status"], outcome["location"])
        assert SAVED_SINCE in outcome["page"]
        assert values[n] in outcome["page"]
    stored = Article.objects.get(pk=article.pk)
    assert stored.version == article.version + 1
    assert getattr(stored, fields[winner]) == values[winner]
    for n, value in enumerate(values):
        if n != winner:
            assert value not in {stored.title, stored.body, stored.dateline, stored.byline}


# 3. Two imports of overlapping sets of reports at once ----------------------------------


def import_reports(barrier, paths):
    """`import_reports` on `paths`; both imports have looked for reports already stored
    before either writes (the barrier), the worst interleaving for duplicates."""
    check = Importer.already_imported
    waited = []

    def checked_then_wait(self, extractions):
        found = check(self, extractions)
        if not waited:
            waited.append(True)
            barrier.wait(timeout=TIMEOUT)
        return found

    Importer.already_imported = checked_then_wait
    out = io.StringIO()
    with contextlib.suppress(SystemExit):  # it exits with 1 when a report failed
        call_command(
            "import_reports", *paths, "--jobs", "1", "--format", "json", stdout=out, stderr=out
        )
    return [json.loads(line) for line in out.getvalue().splitlines() if line.startswith("{")]


def duplicates(queryset, *fields):
    return list(
        queryset.values(*fields).annotate(copies=Count("pk")).filter(copies__gt=1).order_by()
    )


def test_two_imports_of_overlapping_reports_store_each_report_once(seed):
    articles, people = Article.objects.count(), Person.objects.count()
    organizations = Organization.objects.count()
    first, second = [str(p) for p in REPORTS[:10]], [str(p) for p in REPORTS[4:]]

    with Writers(import_reports, [(first,), (second,)]) as writers:
        writers.wait()
        results = writers.outcomes()

    statuses = {}
    for run in results:
        for result in run:
            assert result["status"] in {"imported", "unchanged"}, result
            statuses.setdefault(Path(result["path"]).name, []).append(result)
    assert sorted(statuses) == sorted(p.name for p in REPORTS)
    for name, runs in statuses.items():
        assert sum(r["status"] == "imported" for r in runs) == 1, (name, runs)
        assert len({r["article"] for r in runs}) == 1, (name, runs)
    assert Article.objects.count() == articles + len(REPORTS)
    assert not duplicates(Article.objects.exclude(source_url=""), "source_url")
    assert not duplicates(Article.objects, "import_fingerprint")
    assert not duplicates(Outlet.objects.annotate(key=Lower("name")), "key")
    assert (Person.objects.count(), Organization.objects.count()) == (people, organizations)
    assert not duplicates(Person.objects, "name")
    assert not duplicates(Organization.objects, "name")
