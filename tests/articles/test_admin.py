"""The Django admin as an editor (a staff user in the "Editors" group) uses it."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from articles import models
from ingest.models import MeetingProposal
from meetings import models as meetings_models
from people import models as people_models
from tests import factories
from tests.admin_forms import (
    add_inline_row,
    admin_url,
    changeform_data,
    changelist_cell,
    changelist_rows,
    form_errors,
    inline_formset,
    messages_of,
)

# 1. Every registered model: changelist, add page, change page ----------------------------

#: Every model registered in the admin, with a factory building one saved instance.
REGISTERED = [
    pytest.param(models.Outlet, factories.OutletFactory, id="outlet"),
    pytest.param(meetings_models.Topic, factories.TopicFactory, id="topic"),
    pytest.param(people_models.Person, factories.PersonFactory, id="person"),
    pytest.param(people_models.Organization, factories.OrganizationFactory, id="organization"),
    pytest.param(people_models.Post, factories.PostFactory, id="post"),
    pytest.param(models.Article, factories.ArticleFactory, id="article"),
    pytest.param(models.Translation, factories.TranslationFactory, id="translation"),
    pytest.param(meetings_models.Meeting, factories.MeetingFactory, id="meeting"),
    pytest.param(
        meetings_models.SummaryTranslation,
        factories.SummaryTranslationFactory,
        id="summary-translation",
    ),
]


#: Registered models only the importer adds: editors open, edit and delete them.
PROPOSED = [pytest.param(MeetingProposal, factories.MeetingProposalFactory, id="meeting-proposal")]


def test_the_table_covers_every_registered_model():
    app_models = [
        model
        for app in ("people", "articles", "meetings", "ingest")
        for model in apps.get_app_config(app).get_models()
    ]
    registered = {model for model in app_models if admin.site.is_registered(model)}
    assert registered == {param.values[0] for param in REGISTERED + PROPOSED}


@pytest.mark.parametrize(("model", "factory"), PROPOSED)
def test_editor_opens_the_importers_proposals_but_adds_none(seed, editor_client, model, factory):
    obj = factory()
    assert obj in editor_client.get(admin_url(model, "changelist")).context["cl"].result_list
    response = editor_client.get(admin_url(model, "change", obj.pk))
    assert 'name="_save"' in response.text
    assert response.context["original"] == obj
    assert editor_client.get(admin_url(model, "add")).status_code == 403


@pytest.mark.parametrize(("model", "factory"), REGISTERED)
@pytest.mark.parametrize("page", ["changelist", "add", "change"])
def test_editor_opens_admin_pages(seed, editor_client, model, factory, page):
    obj = factory()
    args = [obj.pk] if page == "change" else []
    response = editor_client.get(admin_url(model, page, *args))
    assert response.status_code == 200
    if page in ("add", "change"):
        assert 'name="_save"' in response.text  # an editable form, not a read-only view
    if page == "change":
        assert response.context["original"] == obj
    if page == "changelist":
        assert obj in response.context["cl"].result_list


IN_THE_SEED = [
    param for param in REGISTERED if param.values[0] is not meetings_models.SummaryTranslation
]


@pytest.mark.parametrize(("model", "factory"), IN_THE_SEED)
def test_editor_opens_the_change_page_of_every_seed_object(seed, editor_client, model, factory):
    objects = list(model.objects.all())
    assert objects, f"the seed has no {model._meta.verbose_name}"
    for obj in objects:
        response = editor_client.get(admin_url(model, "change", obj.pk))
        assert response.status_code == 200, obj


# 2. Saving through the change forms -----------------------------------------------------


def test_editor_saves_the_article_change_form(seed, editor_client):
    article = models.Article.objects.get(slug="bayramov-meets-un-high-commissioner-volker-turk")
    person = people_models.Person.objects.get(slug="khalaf-khalafov")
    url = admin_url(models.Article, "change", article.pk)
    published_at = article.published_at
    data = changeform_data(editor_client.get(url))
    data["title"] = "Bayramov meets Türk in New York"
    data["dateline"] = "New York"
    data["people"] = [*data["people"], str(person.pk)]

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert response.url == admin_url(models.Article, "changelist")
    article.refresh_from_db()
    assert article.title == "Bayramov meets Türk in New York"
    assert article.dateline == "New York"
    assert person in article.people.all()
    assert article.people.count() == 3
    assert article.language == "en"
    assert article.outlet.slug == "menafn"
    assert article.agency.slug == "azernews"
    assert article.published_at == published_at


def test_editor_adds_an_article_through_the_add_form(seed, editor_client):
    outlet = models.Outlet.objects.get(slug="azertac")
    url = admin_url(models.Article, "add")
    data = changeform_data(editor_client.get(url))
    data.update(
        title="Jeyhun Bayramov reçoit Volker Türk",
        slug="bayramov-recoit-volker-turk",
        language="fr",
        body="Premier paragraphe.\n\nSecond paragraphe.",
        outlet=str(outlet.pk),
        published_at_0="2024-09-26",
        published_at_1="10:30:00",
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    article = models.Article.objects.get(slug="bayramov-recoit-volker-turk")
    assert (article.title, article.language, article.outlet) == (
        "Jeyhun Bayramov reçoit Volker Türk",
        "fr",
        outlet,
    )
    assert article.status == models.Status.DRAFT
    assert article.published_at.isoformat() == "2024-09-26T10:30:00+00:00"
    assert article.paragraphs == ["Premier paragraphe.", "Second paragraphe."]


def test_editor_edits_a_translation_link_inline_on_the_article(seed, editor_client):
    link = models.Translation.objects.get()
    url = admin_url(models.Article, "change", link.source.pk)
    response = editor_client.get(url)
    formset = inline_formset(response, models.Translation, "source")
    assert [form.instance for form in formset.forms] == [link]
    data = changeform_data(response)
    data[f"{formset.prefix}-0-method"] = models.Translation.Method.MACHINE
    data[f"{formset.prefix}-0-notes"] = "Machine translated."

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    link.refresh_from_db()
    assert link.method == models.Translation.Method.MACHINE
    assert link.notes == "Machine translated."
    assert models.Translation.objects.count() == 1


def test_editor_removes_a_translation_link_inline_on_the_article(seed, editor_client):
    link = models.Translation.objects.get()
    url = admin_url(models.Article, "change", link.translation.pk)
    response = editor_client.get(url)
    data = changeform_data(response)
    data[f"{inline_formset(response, models.Translation, 'translation').prefix}-0-DELETE"] = "on"

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert not models.Translation.objects.exists()
    assert models.Article.objects.filter(pk__in=[link.source_id, link.translation_id]).count() == 2


def test_editor_links_a_translation_through_the_article_inline(editor_client):
    source = factories.ArticleFactory(language="en")
    translation = factories.ArticleFactory(language="de")
    url = admin_url(models.Article, "change", source.pk)
    response = editor_client.get(url)
    data = add_inline_row(
        changeform_data(response),
        inline_formset(response, models.Translation, "source"),
        translation=str(translation.pk),
        method=models.Translation.Method.HUMAN,
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    link = models.Translation.objects.get()
    assert (link.source, link.translation, link.method) == (source, translation, "human")


def test_editor_links_a_source_through_the_translation_article_inline(editor_client):
    source = factories.ArticleFactory(language="en")
    translation = factories.ArticleFactory(language="ru")
    url = admin_url(models.Article, "change", translation.pk)
    response = editor_client.get(url)
    data = add_inline_row(
        changeform_data(response),
        inline_formset(response, models.Translation, "translation"),
        source=str(source.pk),
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    link = models.Translation.objects.get()
    assert (link.source, link.translation) == (source, translation)


# 3. and 4. Translation rules refused with a message, not a server error ------------------


def test_same_language_translation_link_is_refused_on_the_article_page(editor_client):
    source = factories.ArticleFactory(language="en")
    other = factories.ArticleFactory(language="en")
    url = admin_url(models.Article, "change", source.pk)
    response = editor_client.get(url)
    data = add_inline_row(
        changeform_data(response),
        inline_formset(response, models.Translation, "source"),
        translation=str(other.pk),
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "Please correct the error below." in response.text
    assert "A translation must be in another language than its source" in response.text
    assert "(both are English)" in response.text
    assert not models.Translation.objects.exists()


def test_same_language_source_link_is_refused_on_the_article_page(editor_client):
    translation = factories.ArticleFactory(language="fr")
    other = factories.ArticleFactory(language="fr")
    url = admin_url(models.Article, "change", translation.pk)
    response = editor_client.get(url)
    data = add_inline_row(
        changeform_data(response),
        inline_formset(response, models.Translation, "translation"),
        source=str(other.pk),
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "A translation must be in another language than its source" in response.text
    assert not models.Translation.objects.exists()


@pytest.mark.parametrize("side", ["source", "translation"])
def test_changing_language_to_that_of_a_linked_version_is_refused(seed, editor_client, side):
    link = models.Translation.objects.select_related("source", "translation").get()
    article, other = (
        (link.source, link.translation) if side == "source" else (link.translation, link.source)
    )
    url = admin_url(models.Article, "change", article.pk)
    data = changeform_data(editor_client.get(url))
    data["language"] = other.language
    data["title"] = "A new title that must not be stored"

    response = editor_client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["language"]
    assert f"“{other.title}”, a version of this article, is already in" in errors["language"][0]
    shown = re.search(r'<ul class="errorlist" id="id_language_error">(.*?)</ul>', response.text)
    assert shown, "no error list under the language field"
    assert f"“{other.title}”, a version of this article, is already in" in shown.group(1)
    stored = models.Article.objects.get(pk=article.pk)
    assert (stored.language, stored.title) == (article.language, article.title)


# 5. Workflow actions, as each role sees them -------------------------------------------

STATUS_ACTIONS = [
    pytest.param(
        "editor", "submit", "draft", "review", "2 items submitted for review.", id="submit"
    ),
    pytest.param("reviewer", "publish", "review", "published", "2 items published.", id="publish"),
    pytest.param(
        "reviewer", "send_back", "review", "draft", "2 items sent back to draft.", id="send-back"
    ),
    pytest.param(
        "reviewer", "withdraw", "published", "withdrawn", "2 items withdrawn.", id="withdraw"
    ),
]
STATUS_MODELS = [
    pytest.param(factories.ArticleFactory, id="article"),
    pytest.param(factories.MeetingFactory, id="meeting"),
]


@pytest.mark.parametrize("factory", STATUS_MODELS)
def test_each_role_is_offered_its_workflow_actions(editor_client, reviewer, factory):
    url = admin_url(factory._meta.model, "changelist")
    factory()

    editor_choices = dict(editor_client.get(url).context["action_form"].fields["action"].choices)
    editor_client.force_login(reviewer)
    reviewer_choices = dict(editor_client.get(url).context["action_form"].fields["action"].choices)

    assert editor_choices["submit"] == "Submit for review"
    assert not {"publish", "send_back", "withdraw", "reopen"} & set(editor_choices)
    assert "delete_selected" not in editor_choices  # editors do not delete whole records
    assert {"publish", "send_back", "withdraw", "reopen"} <= set(reviewer_choices)
    assert "submit" not in reviewer_choices


@pytest.mark.parametrize("factory", STATUS_MODELS)
@pytest.mark.parametrize(("role", "action", "before", "after", "message"), STATUS_ACTIONS)
def test_a_workflow_action_moves_exactly_the_selected_items(
    client, editor, reviewer, factory, role, action, before, after, message
):
    client.force_login({"editor": editor, "reviewer": reviewer}[role])
    model = factory._meta.model
    objects = factory.create_batch(4, status=before)
    selected, others = objects[:2], objects[2:]
    url = admin_url(model, "changelist")

    response = client.post(
        url,
        {
            "action": action,
            "_selected_action": [obj.pk for obj in selected],
            "index": "0",
            "select_across": "0",
        },
        follow=True,
    )

    assert response.redirect_chain == [(url, 302)]
    assert message in messages_of(response)
    statuses = dict(model.objects.values_list("pk", "status"))
    assert {statuses[obj.pk] for obj in selected} == {after}
    assert {statuses[obj.pk] for obj in others} == {before}


# 6. Search, filters and the translation links column -------------------------------------


def test_changelist_search_finds_articles_by_title(editor_client):
    wanted = factories.ArticleFactory(title="Bayramov meets Volker Türk in New York")
    other = factories.ArticleFactory(title="Ombudswoman meets the OHCHR chief adviser")

    response = editor_client.get(admin_url(models.Article, "changelist"), {"q": "volker"})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [wanted]
    assert wanted.title in response.text
    assert other.title not in response.text


def test_changelist_filters_articles_by_language(seed, editor_client):
    response = editor_client.get(admin_url(models.Article, "changelist"), {"language__exact": "fr"})

    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert [article.slug for article in listed] == [
        "khalafov-s-entretient-avec-une-delegation-du-haut-commissariat-aux-droits-de-l-homme"
    ]
    assert models.Article.objects.exclude(language="fr").exists()
    for article in models.Article.objects.exclude(language="fr"):
        assert admin_url(models.Article, "change", article.pk) not in changelist_rows(response)


def version_links_in(cell):
    return re.findall(r'<a href="([^"]+)" title="([^"]*)">([^<]+)</a>', cell)


def test_translation_links_column_links_to_the_other_versions(editor_client):
    source = factories.ArticleFactory(language="en", title="The original")
    french = factories.TranslationFactory(source=source, translation__language="fr").translation
    german = factories.TranslationFactory(source=source, translation__language="de").translation
    alone = factories.ArticleFactory(language="en", title="Not translated")

    response = editor_client.get(admin_url(models.Article, "changelist"))

    assert response.status_code == 200
    source_cell = changelist_cell(response, source, "translation_links_display")
    assert source_cell.startswith("into ")
    assert sorted(version_links_in(source_cell)) == sorted(
        [
            (admin_url(models.Article, "change", french.pk), french.title, "fr"),
            (admin_url(models.Article, "change", german.pk), german.title, "de"),
        ]
    )
    for translation in (french, german):
        cell = changelist_cell(response, translation, "translation_links_display")
        assert cell.startswith("from ")
        assert version_links_in(cell) == [
            (admin_url(models.Article, "change", source.pk), source.title, "en")
        ]
    assert changelist_cell(response, alone, "translation_links_display") == "—"
    for href, _title, _code in version_links_in(source_cell):
        assert editor_client.get(href).status_code == 200


# Query budgets: no query per row ---------------------------------------------------------


def test_article_changelist_makes_no_query_per_row(editor_client, django_assert_max_num_queries):
    for _ in range(7):
        link = factories.TranslationFactory()
        factories.TranslationFactory(source=link.source, translation__language="de")
    assert models.Article.objects.count() == 21

    with django_assert_max_num_queries(15):
        response = editor_client.get(admin_url(models.Article, "changelist"))

    assert response.context["cl"].result_count == 21
    assert response.text.count('title="Report number') == 28  # 14 links each way


# 7. Autocomplete -------------------------------------------------------------------------

AUTOCOMPLETE = [
    pytest.param(
        "articles.article",
        "outlet",
        lambda: factories.OutletFactory(name="Azertac", slug="azertac"),
        lambda: factories.OutletFactory(name="News.Az", slug="news-az"),
        "azert",
        id="outlet",
    ),
    pytest.param(
        "articles.article",
        "agency",
        lambda: factories.OutletFactory(name="Azertac", slug="azertac"),
        lambda: factories.OutletFactory(name="News.Az", slug="news-az"),
        "azert",
        id="agency",
    ),
    pytest.param(
        "articles.article",
        "people",
        lambda: factories.PersonFactory(name="Volker Türk"),
        lambda: factories.PersonFactory(name="Jeyhun Bayramov"),
        "volker",
        id="people",
    ),
    pytest.param(
        "articles.article",
        "organizations",
        lambda: factories.OrganizationFactory(name="Office of the High Commissioner"),
        lambda: factories.OrganizationFactory(name="Human Rights Council"),
        "commissioner",
        id="organizations",
    ),
    pytest.param(
        "articles.translation",
        "translation",
        lambda: factories.ArticleFactory(title="Bayramov meets Türk"),
        lambda: factories.ArticleFactory(title="Ombudswoman meets Shkolnikov"),
        "bayramov",
        id="translation-article",
    ),
    pytest.param(
        meetings_models.Meeting.reports.through._meta.label_lower,
        "article",
        lambda: factories.ArticleFactory(title="Bayramov meets Türk"),
        lambda: factories.ArticleFactory(title="Ombudswoman meets Shkolnikov"),
        "bayramov",
        id="meeting-report-article",
    ),
    pytest.param(
        "meetings.participant",
        "person",
        lambda: factories.PersonFactory(name="Volker Türk"),
        lambda: factories.PersonFactory(name="Jeyhun Bayramov"),
        "volker",
        id="participant-person",
    ),
]


@pytest.mark.parametrize(
    ("model_label", "field_name", "make_wanted", "make_other", "term"), AUTOCOMPLETE
)
def test_autocomplete_finds_the_related_object(
    editor_client, model_label, field_name, make_wanted, make_other, term
):
    wanted, _other = make_wanted(), make_other()
    app_label, model_name = model_label.split(".")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )

    assert response.status_code == 200
    assert response.json() == {
        "results": [{"id": str(wanted.pk), "text": str(wanted)}],
        "pagination": {"more": False},
    }


# 8. Access ------------------------------------------------------------------------------


@pytest.fixture
def staff_without_group_client(client, db):
    client.force_login(factories.UserFactory(username="intern", is_staff=True))
    return client


def test_staff_without_a_group_may_not_open_the_article_changelist(staff_without_group_client):
    factories.ArticleFactory()
    response = staff_without_group_client.get(admin_url(models.Article, "changelist"))
    assert response.status_code == 403


def test_staff_without_a_group_gets_no_autocomplete(staff_without_group_client):
    factories.OutletFactory(name="Azertac")
    response = staff_without_group_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "outlet", "term": "a"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize("page", ["changelist", "add", "change"])
def test_anonymous_user_is_sent_to_the_login_page(client, db, page):
    article = factories.ArticleFactory()
    url = admin_url(models.Article, page, *([article.pk] if page == "change" else []))

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={url}"


# 9. View on site ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [models.Status.PUBLISHED, models.Status.DRAFT])
def test_view_on_site_opens_the_public_page_of_the_article(editor_client, status):
    article = factories.ArticleFactory(status=status, title="Bayramov meets Türk")
    response = editor_client.get(admin_url(models.Article, "change", article.pk))
    links = re.findall(r'<a href="([^"]+)" class="viewsitelink">View on site</a>', response.text)
    assert len(links) == 1

    response = editor_client.get(links[0])

    assert response.status_code == 302
    assert response.url == f"http://testserver{article.get_absolute_url()}"
    assert article.get_absolute_url() == f"/en/articles/{article.slug}/"
    response = editor_client.get(response.url)
    assert response.status_code == 200
    assert response.context["article"] == article


# Rules that span both translation inlines -----------------------------------------------


def test_linking_a_source_and_a_translation_in_one_save_is_refused_with_a_message(
    editor_client,
):
    article = factories.ArticleFactory(language="en")
    source = factories.ArticleFactory(language="fr")
    translation = factories.ArticleFactory(language="de")
    url = admin_url(models.Article, "change", article.pk)
    response = editor_client.get(url)
    data = changeform_data(response)
    add_inline_row(
        data,
        inline_formset(response, models.Translation, "translation"),
        source=str(source.pk),
    )
    add_inline_row(
        data,
        inline_formset(response, models.Translation, "source"),
        translation=str(translation.pk),
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert re.search(r"Please correct the errors? below\.", response.text)
    assert not models.Translation.objects.exists()


def test_two_translations_into_one_language_in_one_save_are_refused(editor_client):
    source = factories.ArticleFactory(language="en")
    first, second = factories.ArticleFactory.create_batch(2, language="fr")
    url = admin_url(models.Article, "change", source.pk)
    response = editor_client.get(url)
    data = changeform_data(response)
    formset = inline_formset(response, models.Translation, "source")
    add_inline_row(data, formset, translation=str(first.pk))
    add_inline_row(data, formset, translation=str(second.pk))

    response = editor_client.post(url, data)

    assert not models.Translation.objects.exists()
    assert response.status_code == 200


def _article_is_a_translation(editor_client):
    """On a translation's page, add a translation of it: it is itself a translation."""
    link = factories.TranslationFactory()
    return (
        link.translation,
        "source",
        {"translation": factories.ArticleFactory(language="de")},
        f"“{link.translation.title}” is itself a translation: link its original instead.",
    )


def _article_has_translations(editor_client):
    """On an original's page, give it a source: it has translations of its own."""
    link = factories.TranslationFactory()
    return (
        link.source,
        "translation",
        {"source": factories.ArticleFactory(language="de")},
        f"“{link.source.title}” has translations of its own, so it cannot be a translation.",
    )


def _source_already_has_that_language(editor_client):
    """On a French article's page, link a source that already has a French translation."""
    link = factories.TranslationFactory()
    article = factories.ArticleFactory(language="fr")
    return (
        article,
        "translation",
        {"source": link.source},
        f"“{link.translation.title}” already translates this source into French.",
    )


@pytest.mark.parametrize(
    "case",
    [_article_is_a_translation, _article_has_translations, _source_already_has_that_language],
    ids=["is-a-translation", "has-translations", "language-taken"],
)
def test_translation_rule_errors_are_shown_on_the_article_page(editor_client, case):
    article, fk_name, values, message = case(editor_client)
    links_before = models.Translation.objects.count()
    url = admin_url(models.Article, "change", article.pk)
    response = editor_client.get(url)
    data = add_inline_row(
        changeform_data(response),
        inline_formset(response, models.Translation, fk_name),
        **{field: str(obj.pk) for field, obj in values.items()},
    )

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert models.Translation.objects.count() == links_before
    formset = inline_formset(response, models.Translation, fk_name)
    refused_with = [msg for errors in formset.errors for msgs in errors.values() for msg in msgs]
    assert message in refused_with  # the rule holds; the editor must also be shown why
    assert "Please correct the error" in response.text
    assert message in response.text
