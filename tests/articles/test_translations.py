"""Translation management: translate, follow the source, see when a translation is outdated."""

import pytest

from articles.models import Article, Translation
from tests.admin_forms import admin_url, messages_of
from tests.factories import ArticleFactory, TranslationFactory, UserFactory

pytestmark = pytest.mark.django_db


def translate_url(article):
    return admin_url(Article, "translate", article.pk)


@pytest.fixture
def english():
    return ArticleFactory(
        language="en", dateline="Baku", byline="Staff", body="First paragraph.\n\nSecond one."
    )


def test_translate_makes_a_linked_draft_with_the_metadata(editor_client, english):
    page = editor_client.get(translate_url(english))
    assert page.status_code == 200
    assert 'value="en"' not in page.content.decode()  # its own language is not offered

    response = editor_client.post(translate_url(english), {"language": "fr"}, follow=True)

    link = Translation.objects.get(source=english)
    draft = link.translation
    assert (draft.language, draft.status) == ("fr", Article.Status.DRAFT)
    assert (draft.outlet, draft.dateline, draft.byline) == (
        english.outlet,
        english.dateline,
        english.byline,
    )
    assert draft.title_is_provisional
    assert link.source_revision.body == english.body
    assert response.redirect_chain[-1][0] == admin_url(Article, "change", draft.pk)
    assert "Draft translation made" in " ".join(messages_of(response))


def test_a_translation_draft_and_its_link_are_made_together_or_not_at_all(english, monkeypatch):
    draft = english.translate_into("ru")

    link = draft.source_links.get()
    assert (link.source, link.method) == (english, Translation.Method.HUMAN)
    assert link.source_revision.title == english.title

    def refuse(link, *args, **kwargs):
        raise RuntimeError("the link could not be written")

    monkeypatch.setattr(Translation, "save", refuse)
    with pytest.raises(RuntimeError):
        english.translate_into("fr")
    assert not Article.objects.filter(language="fr").exists()


def test_the_translation_page_shows_the_source_paragraph_by_paragraph(editor_client, english):
    editor_client.post(translate_url(english), {"language": "fr"})
    draft = Translation.objects.get(source=english).translation

    page = editor_client.get(admin_url(Article, "change", draft.pk)).content.decode()

    assert '<span class="paragraph-number">1</span> First paragraph.' in page
    assert '<span class="paragraph-number">2</span> Second one.' in page


def test_translators_translate_and_others_may_not(client, translator, english):
    client.force_login(translator)
    assert client.post(translate_url(english), {"language": "ru"}).status_code == 302
    client.force_login(UserFactory(is_staff=True))
    assert client.post(translate_url(english), {"language": "de"}).status_code == 403
    assert Translation.objects.filter(source=english).count() == 1


def test_a_changed_source_makes_its_translation_outdated_until_marked_up_to_date(
    client, editor_client, english
):
    editor_client.post(translate_url(english), {"language": "fr"})
    link = Translation.objects.get(source=english)
    french = link.translation
    french.body = "Premier paragraphe.\n\nDeuxième."
    french.status = Article.Status.PUBLISHED
    french.save()
    assert not link.is_outdated

    english.body = "First paragraph, corrected.\n\nSecond one."
    english.save()
    link.refresh_from_db()

    assert link.is_outdated
    outdated = editor_client.get(admin_url(Article, "changelist"), {"translation": "outdated"})
    assert list(outdated.context["cl"].result_list) == [french]
    assert '<strong class="outdated">outdated</strong>' in outdated.content.decode()
    change = editor_client.get(admin_url(Article, "change", french.pk)).content.decode()
    assert "Source changed since this translation" in change
    assert '<span class="removed">-First paragraph.</span>' in change
    assert '<span class="added">+First paragraph, corrected.</span>' in change
    public = client.get(french.get_absolute_url()).content.decode()
    assert "The original was updated after this translation." in public

    editor_client.post(
        admin_url(Article, "changelist"),
        {"action": "mark_up_to_date", "_selected_action": [french.pk], "index": "0"},
    )

    link.refresh_from_db()
    assert not link.is_outdated
    assert "The original was updated" not in client.get(french.get_absolute_url()).content.decode()
    current = editor_client.get(admin_url(Article, "changelist"), {"translation": "current"})
    assert list(current.context["cl"].result_list) == [french]
    assert 'class="outdated"' not in current.content.decode()


def test_a_link_made_without_a_source_revision_is_never_outdated(english):
    link = TranslationFactory(source=english)
    assert link.source_revision is None
    assert not link.is_outdated
