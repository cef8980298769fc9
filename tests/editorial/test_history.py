"""Every saved change to an article, meeting or translation link is kept as a revision."""

import re

import pytest

from articles.models import Article, Translation
from editorial import workflow
from editorial.models import Status
from ingest.importers import Importer
from meetings.models import Meeting
from tests.admin_forms import admin_url, changeform_data, form_values
from tests.factories import ArticleFactory, MeetingFactory, TranslationFactory

pytestmark = pytest.mark.django_db


def edit(client, item, **changes):
    url = admin_url(type(item), "change", item.pk)
    data = changeform_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_an_admin_save_is_a_revision_with_its_author(editor_client, editor):
    article = ArticleFactory(body="First paragraph.\n\nSecond paragraph.")
    edit(editor_client, article, body="First paragraph.\n\nA corrected second paragraph.")

    latest = article.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user == editor
    assert latest.body.endswith("A corrected second paragraph.")
    assert article.history.count() == 2


def test_the_history_page_shows_a_readable_diff_of_the_body(editor_client):
    article = ArticleFactory(title="Old title", body="Kept line.\n\nOld line.")
    edit(editor_client, article, title="New title", body="Kept line.\n\nNew line.")

    response = editor_client.get(admin_url(Article, "history", article.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r'<span class="removed">-Old line\.</span>', page)
    assert re.search(r'<span class="added">\+New line\.</span>', page)
    assert '<span class="removed">-Old title</span>' in page


def test_restoring_an_earlier_revision_is_a_new_revision(editor_client):
    article = ArticleFactory(title="Original title", body="Original body.")
    edit(editor_client, article, title="Changed title", body="Changed body.")
    first = article.history.order_by("history_date", "history_id").first()
    url = reverse_history_form(article, first)

    data = form_values(editor_client.get(url).context["adminform"].form)
    response = editor_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert (article.title, article.body) == ("Original title", "Original body.")
    assert article.history.count() == 3
    assert article.version == 3


def reverse_history_form(item, record):
    from django.urls import reverse

    info = item._meta.app_label, item._meta.model_name
    return reverse("admin:{}_{}_simple_history".format(*info), args=[item.pk, record.history_id])


def test_a_workflow_step_is_a_revision_with_its_reason(reviewer):
    meeting = MeetingFactory(status=Status.REVIEW)
    workflow.apply(workflow.TRANSITIONS["publish"], meeting, reviewer, "Checked the names")

    latest = meeting.history.order_by("-history_date", "-history_id").first()
    assert latest.status == Status.PUBLISHED
    assert latest.history_change_reason == "published: Checked the names"
    assert Meeting.history.filter(id=meeting.pk).count() == 2


def test_translation_links_are_kept_in_history():
    link = TranslationFactory(notes="")
    link.notes = "Checked against the original."
    link.save()

    assert list(link.history.order_by("history_date").values_list("notes", flat=True)) == [
        "",
        "Checked against the original.",
    ]
    pk = link.pk
    link.delete()
    assert Translation.history.filter(id=pk, history_type="-").exists()


def test_imported_articles_start_with_a_revision(seed):
    report = (
        b" date 2025-05-13\n\nBAKU, Azerbaijan, May 13. Sabina Aliyeva met Volker Turk.\n\nTrend"
    )
    result = Importer().import_bytes("report.txt", report)

    assert result.status == "imported", result.error
    revision = result.article.history.get()
    assert revision.history_change_reason == "imported"


def test_restoring_a_revision_without_the_right_to_change_says_why(client, translator):
    article = ArticleFactory(title="An original report")
    revision = article.history.get()
    client.force_login(translator)

    response = client.post(admin_url(Article, "simple_history", article.pk, revision.pk), {})

    assert response.status_code == 403
    assert (
        "Restoring a revision changes “An original report”, and your role does not allow you "
        "to change it."
    ) in response.content.decode()
