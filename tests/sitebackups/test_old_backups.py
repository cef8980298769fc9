"""Backups made by earlier versions of Newsroom restore into today's schema.

`tests/data/backups/newsroom-20261202-single-app.jsonl.gz` was made with `make backup` on 2
December 2026, when every model lived in the one `articles` app (its last migration
`0016_meeting_proposals`). It holds the seed, 40 generated articles, users in each group
(editor, reviewer, translator and a superuser), revisions made by those users, a deleted
translation, workflow steps, a translated summary, an admin log entry and what the
importer proposed for the 15 reports of `data/reports`. The files are never rewritten:
each one stands for the backups editors already keep.
"""

import gzip
import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command

from articles.models import Article, HistoricalTranslation
from editorial.models import WorkflowEvent
from ingest.models import RelationProposal
from meetings.models import Meeting, SummaryTranslation
from search.models import SearchDocument
from tests.admin_forms import model_named

pytestmark = pytest.mark.django_db

SINGLE_APP = (
    Path(__file__).parent.parent / "data" / "backups" / "newsroom-20261202-single-app.jsonl.gz"
)


def header_of(path):
    with gzip.open(path, "rb") as file:
        return json.loads(file.readline())


def model_labelled(label):
    """Today's model for a backup's model label: model names are unique in the project,
    whichever app holds them now."""
    app_label, name = label.split(".")
    if app_label in ("auth", "admin"):
        return apps.get_model(label)
    return model_named(name)


@pytest.fixture
def restored(seed):
    out = StringIO()
    call_command("restore_site", str(SINGLE_APP), replace=True, stdout=out)
    return out.getvalue()


def test_every_row_of_a_single_app_backup_is_restored(restored):
    counts = header_of(SINGLE_APP)["counts"]

    assert "Restored" in restored
    assert {label: model_labelled(label)._base_manager.count() for label in counts} == counts


def test_users_keep_their_groups_passwords_and_permissions(restored):
    editor, reviewer, translator = (
        User.objects.get(username=name) for name in ("editor", "reviewer", "translator")
    )

    assert set(reviewer.groups.values_list("name", flat=True)) == {"Editors", "Reviewers"}
    assert editor.check_password("editor-password-2026")
    assert editor.has_perm(f"{Article._meta.app_label}.submit_article")
    assert editor.has_perm(f"{Meeting._meta.app_label}.change_meeting")
    assert reviewer.has_perm(f"{Article._meta.app_label}.review_article")
    assert translator.has_perm(f"{Article._meta.app_label}.translate_article")
    assert not translator.has_perm(f"{Meeting._meta.app_label}.delete_meeting")
    assert User.objects.get(username="admin").is_superuser


def test_revisions_workflow_and_the_admin_log_are_restored(restored):
    corrected = Article.objects.get(title__endswith="(corrected)")
    revision = corrected.history.order_by("-history_id").first()
    assert revision.title == corrected.title
    assert revision.history_user.username == "editor"
    meeting = Meeting.objects.get(summary__contains="The desk added this paragraph.")
    assert meeting.history.order_by("-history_id").first().history_user.username == "reviewer"
    deleted = HistoricalTranslation.objects.get(history_type="-")
    assert deleted.history_user.username == "editor"
    assert [
        (event.transition, event.user.username) for event in WorkflowEvent.objects.order_by("pk")
    ] == [("submit", "editor"), ("send_back", "reviewer")]
    summary = SummaryTranslation.objects.get(language="fr")
    assert summary.meeting == meeting
    assert not summary.is_outdated
    assert LogEntry.objects.get().get_edited_object() == corrected


def test_imported_reports_keep_their_proposals_and_are_found_again(restored, client):
    relation = RelationProposal.objects.get(relation="translation")
    assert {relation.article.language, relation.candidate.language} == {"en", "ru"}
    assert SearchDocument.objects.count() > 0
    published = Article.objects.published().order_by("pk").first()
    assert client.get(published.get_absolute_url()).status_code == 200
