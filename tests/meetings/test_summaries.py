"""Meeting summaries in other languages, and the coverage page of meetings by language."""

import pytest
from django.urls import reverse

from meetings.models import Meeting, SummaryTranslation
from tests.factories import ArticleFactory, MeetingFactory

pytestmark = pytest.mark.django_db

COVERAGE_URL = reverse("admin:meetings_meeting_coverage")
ADD_SUMMARY_URL = reverse("admin:meetings_summarytranslation_add")


def french_summary(meeting, **fields):
    summary = SummaryTranslation(
        meeting=meeting,
        language="fr",
        title=fields.get("title", "Réunion"),
        summary=fields.get("summary", "Le résumé en français."),
    )
    summary.follow_source()
    summary.save()
    return summary


def test_a_reader_gets_the_summary_in_their_language(client):
    meeting = MeetingFactory(summary="The summary in English.")
    french_summary(meeting)

    french = client.get(f"/fr/meetings/{meeting.slug}/")
    english = client.get(f"/en/meetings/{meeting.slug}/")

    assert '<div lang="fr"><p><strong>Réunion</strong></p><p>Le résumé en français.</p>' in (
        french.content.decode()
    )
    assert "The summary in English." not in french.content.decode().split("<main", 1)[1]
    assert "The summary in English." in english.content.decode()
    assert "not available in your language" not in english.content.decode()


def test_without_a_translation_the_original_comes_with_a_note(client):
    meeting = MeetingFactory(summary="The summary in English.")

    page = client.get(f"/fr/meetings/{meeting.slug}/")

    text = page.content.decode()
    assert "The summary in English." in text
    # The language is named in the reader's interface language.
    assert "Ce résumé n’est pas disponible dans votre langue\u202f; le voici en anglais." in text


def test_a_summary_translation_goes_out_of_date_when_the_summary_changes(client):
    meeting = MeetingFactory(summary="First account.")
    summary = french_summary(meeting)
    assert not summary.is_outdated

    meeting.summary = "Corrected account."
    meeting.save()
    summary.refresh_from_db()

    assert summary.is_outdated
    assert list(SummaryTranslation.objects.outdated()) == [summary]
    page = client.get(f"/fr/meetings/{meeting.slug}/")
    assert "Le résumé original a été modifié après cette traduction." in page.content.decode()


def test_a_summary_cannot_be_translated_into_its_own_language():
    meeting = MeetingFactory(language="en")
    summary = SummaryTranslation(meeting=meeting, language="en", title="x", summary="y")
    with pytest.raises(Exception, match="written in this language already"):
        summary.full_clean()


def test_the_coverage_page_shows_reports_and_summaries_by_language(editor_client):
    meeting = MeetingFactory(title="Khalafov receives Gagnon", language="en")
    english = ArticleFactory(language="en")
    meeting.reports.add(english)
    outdated = MeetingFactory(title="Aliyeva meets Shkolnikov", language="en")
    summary = french_summary(outdated)
    outdated.summary = "Changed."
    outdated.save()

    response = editor_client.get(COVERAGE_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Khalafov receives Gagnon" in page
    rows = {row[0].pk: row[1] for row in response.context["rows"]}
    languages = [code for code, _ in response.context["languages"]]
    english_cell = rows[meeting.pk][languages.index("en")]
    french_cell = rows[meeting.pk][languages.index("fr")]
    assert english_cell["reports"] == [english]
    assert english_cell["summary"] == "original"
    assert french_cell["reports"] == []
    assert (
        french_cell["report_url"]
        == reverse("admin:articles_article_translate", args=[english.pk]) + "?language=fr"
    )
    assert french_cell["summary"] == "missing"
    assert french_cell["summary_url"] == f"{ADD_SUMMARY_URL}?meeting={meeting.pk}&language=fr"
    assert rows[outdated.pk][languages.index("fr")]["summary"] == "outdated"
    assert reverse("admin:meetings_summarytranslation_change", args=[summary.pk]) in page


def test_the_missing_summary_link_opens_a_prefilled_form(editor_client):
    meeting = MeetingFactory()
    response = editor_client.get(f"{ADD_SUMMARY_URL}?meeting={meeting.pk}&language=fr")
    form = response.context["adminform"].form
    assert str(form.initial["meeting"]) == str(meeting.pk)
    assert form.initial["language"] == "fr"


def test_saving_a_summary_translation_in_the_admin_follows_the_summary(editor_client):
    meeting = MeetingFactory(summary="Account.")
    response = editor_client.post(
        ADD_SUMMARY_URL,
        {"meeting": meeting.pk, "language": "fr", "title": "Réunion", "summary": "Compte rendu."},
    )
    assert response.status_code == 302
    summary = SummaryTranslation.objects.get(meeting=meeting)
    assert summary.source_revision.summary == "Account."
    assert Meeting.objects.get(pk=meeting.pk).summaries.count() == 1


def test_the_coverage_page_needs_admin_access(client):
    assert client.get(COVERAGE_URL).status_code == 302
