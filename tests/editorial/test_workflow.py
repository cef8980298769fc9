"""The editorial workflow as each role meets it: who may move an item, what it leaves
behind, what readers see at each step, scheduled publication, and no lost edits."""

import datetime as dt
import html
import importlib
import itertools
import re
from html.parser import HTMLParser

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from articles import models
from editorial import workflow
from editorial.models import EditConflict, Status
from tests import factories
from tests.admin_forms import (
    add_inline_row,
    admin_url,
    changeform_data,
    form_errors,
    inline_formset,
    messages_of,
    model_named,
)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Users are made in nearly every test here; hashing their passwords slowly is waste."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The table ------------------------------------------------------------------------------

#: Each transition: the status it starts from, the status it leads to, the message the
#: admin shows for one item, and the users whose role allows it. Everything below about
#: who may do what is generated from this table.
TRANSITIONS = {
    "submit": (Status.DRAFT, Status.REVIEW, "1 item submitted for review.", {"editor"}),
    "publish": (Status.REVIEW, Status.PUBLISHED, "1 item published.", {"reviewer"}),
    "send_back": (Status.REVIEW, Status.DRAFT, "1 item sent back to draft.", {"reviewer"}),
    "withdraw": (Status.PUBLISHED, Status.WITHDRAWN, "1 item withdrawn.", {"reviewer"}),
    "reopen": (Status.WITHDRAWN, Status.DRAFT, "1 item reopened as a draft.", {"reviewer"}),
}

#: Superusers do everything.
ALL_POWERFUL = {"superuser"}

USERS = {
    "editor": lambda: factories.EditorFactory(username="editor"),
    "translator": lambda: factories.TranslatorFactory(username="translator"),
    "reviewer": lambda: factories.ReviewerFactory(username="reviewer"),
    "superuser": lambda: factories.UserFactory(username="chief", is_staff=True, is_superuser=True),
    "staff": lambda: factories.UserFactory(username="intern", is_staff=True),
}

MODELS = {"article": factories.ArticleFactory, "meeting": factories.MeetingFactory}
FIELD = {"article": "body", "meeting": "summary"}


def may(user, transition):
    return user in ALL_POWERFUL or user in TRANSITIONS[transition][3]


def test_the_table_is_the_workflow():
    """The table above says what `editorial.workflow` does, so the matrix tests the app."""
    assert set(TRANSITIONS) == set(workflow.TRANSITIONS)
    for name, (before, after, message, _users) in TRANSITIONS.items():
        transition = workflow.TRANSITIONS[name]
        assert (transition.sources, transition.target) == ((before,), after)
        assert message == f"1 item {transition.done}."


# Helpers --------------------------------------------------------------------------------


def login(role):
    client = Client()
    user = USERS[role]()
    client.force_login(user)
    return client, user


def post_on_changelist(client, item, name, **extra):
    """A workflow action run from the list, on the selected item."""
    url = admin_url(type(item), "changelist")
    return client.post(url, {"action": name, "_selected_action": [item.pk], "index": "0", **extra})


def post_on_change_form(client, item, name, **extra):
    """A workflow button on the item's own page."""
    url = admin_url(type(item), "change", item.pk)
    return client.post(url, {"CHANGE_FORM-action": name, "_selected_action": item.pk, **extra})


POSTERS = {"changelist": post_on_changelist, "change_form": post_on_change_form}


def landing_url(item, via):
    if via == "changelist":
        return admin_url(type(item), "changelist")
    return admin_url(type(item), "change", item.pk)


def stored_status(item):
    return type(item).objects.get(pk=item.pk).status


def events_of(item):
    return list(item.workflow_events.order_by("pk"))


def follow(client, response):
    assert response.status_code == 302, form_errors(response)
    return client.get(response.url)


def text_of(fragment):
    """Rendered HTML as a reader sees it: tags dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def workflow_buttons(page):
    """(value, label) of each workflow button on a change page, in order."""
    buttons = []
    for attrs, label in re.findall(r"<button\b([^>]*)>(.*?)</button>", page, re.S):
        attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))
        if attributes.get("name") == "CHANGE_FORM-action":
            buttons.append((attributes["value"], text_of(label)))
    return buttons


def workflow_rows(page):
    """The rows of the workflow inline on a change page, as text, top to bottom."""
    group = re.search(r'id="workflow_events-group"(.*?)</table>', page, re.S)
    assert group, "no workflow inline on the page"
    rows = re.findall(
        r'<tr class="form-row[^"]*"\s+id="workflow_events-\d+">(.*?)</tr>', group[1], re.S
    )
    return [text_of(row) for row in rows]


class BrowserForm(HTMLParser):
    """What a browser sends when one button of a form is clicked: the form's successful
    controls in tree order (HTML's "constructing the entry list"), the clicked button
    included and the others left out."""

    def __init__(self, form_id, submitter):
        super().__init__(convert_charrefs=True)
        self.form_id, self.submitter = form_id, submitter
        self.inside = self.clicked = False
        self.entries, self.select, self.option, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.inside or attrs.get("id") == self.form_id
            return
        if not self.inside or "disabled" in attrs:
            return
        name, value = attrs.get("name"), attrs.get("value") or ""
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "image"}:
                self.click(name, value)
            elif kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.entries.append((name, attrs.get("value") or "on"))
            elif kind not in {"file", "reset", "button"}:
                self.entries.append((name, value))
        elif tag == "button" and name and (attrs.get("type") or "submit") == "submit":
            self.click(name, value)
        elif tag == "select":
            self.select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.option = [attrs.get("value"), "selected" in attrs, ""]
            self.select["options"].append(self.option)
        elif tag == "textarea":
            self.textarea = [name, ""]

    def click(self, name, value):
        if (name, value) == self.submitter:
            self.entries.append((name, value))
            self.clicked = True

    def handle_data(self, data):
        if self.option is not None:
            self.option[2] += data
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "option":
            self.option = None
        elif tag == "select" and self.select is not None:
            options = [(v if v is not None else t.strip(), s) for v, s, t in self.select["options"]]
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not self.select["multiple"]:
                chosen = [options[0][0]]
            if self.select["name"]:
                self.entries.extend((self.select["name"], value) for value in chosen)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            if name:  # a browser drops the newline that starts a textarea's content
                self.entries.append((name, text.removeprefix("\r\n").removeprefix("\n")))
            self.textarea = None


def click(response, submitter, typed=None):
    """The POST data a browser sends from the page's main admin form when the
    `submitter` (name, value) button is clicked, after typing `typed` into fields."""
    opts = response.context["opts"]
    parser = BrowserForm(f"{opts.model_name}_form", submitter)
    parser.feed(response.text)
    assert parser.clicked, f"no {submitter} button in the form"
    data = {}
    for name, value in parser.entries:
        data.setdefault(name, []).append(value)
    for name, value in (typed or {}).items():
        assert name in data, f"no field {name} in the form"
        data[name] = [value]
    return data


# 1. Who may make which step, on the list and on the item's page ------------------------


def matrix():
    for model, via, user, name in itertools.product(MODELS, POSTERS, USERS, TRANSITIONS):
        yield pytest.param(model, via, user, name, id=f"{model}-{via}-{user}-{name}")


@pytest.mark.parametrize(("model", "via", "user", "name"), list(matrix()))
def test_permission_matrix(db, model, via, user, name):
    before, after, message, _ = TRANSITIONS[name]
    client, person = login(user)
    item = MODELS[model](status=before)

    response = POSTERS[via](client, item, name)

    if may(user, name):
        assert response.status_code == 302, form_errors(response)
        assert response.url == landing_url(item, via)
        assert message in messages_of(client.get(response.url))
        assert stored_status(item) == after
        [event] = events_of(item)
        assert (event.transition, event.user, event.from_status, event.to_status) == (
            name,
            person,
            before,
            after,
        )
    else:
        assert stored_status(item) == before
        assert events_of(item) == []
        assert response.status_code == 403


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("name", TRANSITIONS)
def test_a_translators_workflow_post_to_the_changelist_changes_nothing(db, model, name):
    """Nothing moves, nothing is recorded."""
    before = TRANSITIONS[name][0]
    client, _ = login("translator")
    item = MODELS[model](status=before)

    response = post_on_changelist(client, item, name)

    assert response.status_code != 302
    assert stored_status(item) == before
    assert events_of(item) == []


# 2. A step from the wrong state ---------------------------------------------------------

WRONG_STATE = [
    pytest.param("reviewer", "publish", Status.DRAFT, "is draft", id="publish-a-draft"),
    pytest.param("editor", "submit", Status.REVIEW, "is in review", id="submit-twice"),
    pytest.param("reviewer", "withdraw", Status.REVIEW, "is in review", id="withdraw-unpublished"),
    pytest.param("reviewer", "reopen", Status.PUBLISHED, "is published", id="reopen-published"),
    pytest.param("superuser", "send_back", Status.WITHDRAWN, "is withdrawn", id="send-back-gone"),
]


@pytest.mark.parametrize("via", POSTERS)
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize(("user", "name", "status", "state"), WRONG_STATE)
def test_a_step_from_the_wrong_state_changes_nothing_and_says_why(
    db, via, model, user, name, status, state
):
    client, _ = login(user)
    item = MODELS[model](status=status)
    version = item.version
    done = workflow.TRANSITIONS[name].done

    response = POSTERS[via](client, item, name)

    shown = messages_of(follow(client, response))
    assert f"“{item.title}” {state}, so it cannot be {done}." in shown
    assert not [m for m in shown if m.startswith("1 item")]
    stored = type(item).objects.get(pk=item.pk)
    assert (stored.status, stored.version) == (status, version)
    assert events_of(item) == []


def test_only_the_items_in_the_right_state_move_when_several_are_selected(db):
    client, _ = login("reviewer")
    ready = factories.ArticleFactory(status=Status.REVIEW, title="Ready report")
    draft = factories.ArticleFactory(status=Status.DRAFT, title="Unfinished report")

    response = client.post(
        admin_url(models.Article, "changelist"),
        {"action": "publish", "_selected_action": [ready.pk, draft.pk], "index": "0"},
    )

    shown = messages_of(follow(client, response))
    assert "1 item published." in shown
    assert "“Unfinished report” is draft, so it cannot be published." in shown
    assert (stored_status(ready), stored_status(draft)) == (Status.PUBLISHED, Status.DRAFT)


# 3. Every step is recorded, and shown on the item's page -------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_each_step_is_recorded_with_its_comment_and_shown_on_the_page(db, model):
    editor_client, editor = login("editor")
    reviewer_client, reviewer = login("reviewer")
    item = MODELS[model](status=Status.DRAFT)

    follow(
        editor_client,
        post_on_change_form(
            editor_client, item, "submit", workflow_comment="  Ready: quotes checked.\n"
        ),
    )
    follow(
        reviewer_client,
        post_on_change_form(
            reviewer_client, item, "send_back", workflow_comment="Fix the dateline, please."
        ),
    )

    recorded = [
        (e.transition, e.user, e.from_status, e.to_status, e.comment) for e in events_of(item)
    ]
    assert recorded == [
        ("submit", editor, Status.DRAFT, Status.REVIEW, "Ready: quotes checked."),
        ("send_back", reviewer, Status.REVIEW, Status.DRAFT, "Fix the dateline, please."),
    ]
    page = editor_client.get(admin_url(type(item), "change", item.pk)).text
    assert "Workflow: who moved it, when, and why" in page
    newest, oldest = workflow_rows(page)
    assert "In review → Draft" in newest
    assert "reviewer" in newest
    assert "Fix the dateline, please." in newest
    assert "Draft → In review" in oldest
    assert "editor" in oldest
    assert "Ready: quotes checked." in oldest


@pytest.mark.parametrize("model", MODELS)
def test_a_long_comment_is_kept_whole_and_the_revision_notes_its_start(db, model):
    """A revision's reason holds 100 characters (a longer one failed on PostgreSQL)."""
    editor_client, _ = login("editor")
    item = MODELS[model](status=Status.DRAFT)
    comment = "Quotes checked against the ministry's own release; " * 5

    follow(
        editor_client, post_on_change_form(editor_client, item, "submit", workflow_comment=comment)
    )

    assert stored_status(item) == Status.REVIEW
    assert [event.comment for event in events_of(item)] == [comment.strip()]
    reason = item.history.order_by("-history_date", "-history_id").first().history_change_reason
    assert reason.startswith("submitted for review: Quotes checked")
    assert len(reason) == 100


@pytest.mark.parametrize("model", MODELS)
def test_clicking_a_workflow_button_as_a_browser_does_moves_the_item(db, model):
    """The whole change form as a browser sends it when a workflow button is clicked,
    with a comment typed: every other control of the page goes along."""
    client, editor = login("editor")
    item = MODELS[model](status=Status.DRAFT)
    page = client.get(admin_url(type(item), "change", item.pk))

    data = click(page, ("CHANGE_FORM-action", "submit"), {"workflow_comment": "Ready."})
    response = client.post(admin_url(type(item), "change", item.pk), data)

    assert "1 item submitted for review." in messages_of(follow(client, response))
    assert stored_status(item) == Status.REVIEW
    [event] = events_of(item)
    assert (event.user, event.comment) == (editor, "Ready.")


@pytest.mark.parametrize("model", MODELS)
def test_clicking_save_as_a_browser_does_saves_and_moves_nothing(db, model):
    """The browser helper above is faithful: Save from the same page saves the text."""
    client, _ = login("editor")
    item = MODELS[model](status=Status.DRAFT)
    field = FIELD[model]
    page = client.get(admin_url(type(item), "change", item.pk))

    data = click(page, ("_save", "Save"), {field: "A new text.\n\nTyped in the browser."})
    response = client.post(admin_url(type(item), "change", item.pk), data)

    assert response.status_code == 302, form_errors(response)
    stored = type(item).objects.get(pk=item.pk)
    assert getattr(stored, field).replace("\r\n", "\n") == "A new text.\n\nTyped in the browser."
    assert stored.status == Status.DRAFT
    assert events_of(item) == []


# 4. The buttons each user is offered, now -----------------------------------------------


def offered(user, status):
    """The table's answer: the buttons `user` sees on an item in `status`, in order."""
    return [
        (name, str(workflow.TRANSITIONS[name].label))
        for name, (before, *_rest) in TRANSITIONS.items()
        if before == status and may(user, name)
    ]


BUTTON_CASES = [
    pytest.param(user, status, id=f"{user}-{status}")
    for user in ["editor", "reviewer", "superuser"]
    for status in Status
]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize(("user", "status"), BUTTON_CASES)
def test_the_change_form_offers_the_buttons_the_role_allows_now(db, model, user, status):
    client, _ = login(user)
    item = MODELS[model](status=status)

    page = client.get(admin_url(type(item), "change", item.pk)).text

    assert workflow_buttons(page) == offered(user, status)
    if not offered(user, status):
        assert "Your role allows no change of status from here." in page


def test_what_the_table_offers_is_what_the_brief_says():
    assert offered("editor", Status.DRAFT) == [("submit", "Submit for review")]
    assert offered("reviewer", Status.REVIEW) == [
        ("publish", "Publish"),
        ("send_back", "Send back to draft"),
    ]


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("user", ["editor", "reviewer", "superuser", "translator"])
def test_nobody_sees_publish_on_a_draft(db, model, user):
    client, _ = login(user)
    item = MODELS[model](status=Status.DRAFT)
    if model == "article" and user == "translator":  # one they may change
        item.language = "fr"
        item.save()
        factories.TranslationFactory(translation=item, source__status=Status.DRAFT)

    response = client.get(admin_url(type(item), "change", item.pk))

    assert response.status_code == 200
    assert "publish" not in [value for value, _ in workflow_buttons(response.text)]
    assert 'value="publish"' not in response.text
    assert ">Publish<" not in response.text


@pytest.mark.parametrize("model", MODELS)
def test_status_is_read_only_on_the_change_form(db, model):
    client, _ = login("editor")
    item = MODELS[model](status=Status.DRAFT, title="Old title")
    url = admin_url(type(item), "change", item.pk)
    page = client.get(url)
    assert 'name="status"' not in page.text
    assert re.search(r'<div class="readonly">\s*Draft\s*</div>', page.text)

    data = changeform_data(page)
    data.update(status=Status.PUBLISHED, title="New title")
    response = client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    stored = type(item).objects.get(pk=item.pk)
    assert (stored.title, stored.status) == ("New title", Status.DRAFT)


# 5. What readers see at each step -------------------------------------------------------

READER_ANSWERS = [
    pytest.param(Status.DRAFT, 404, id="draft"),
    pytest.param(Status.REVIEW, 404, id="review"),
    pytest.param(Status.PUBLISHED, 200, id="published"),
    pytest.param(Status.WITHDRAWN, 410, id="withdrawn"),
]
LISTS = {"article": "article-list", "meeting": "meeting-list"}


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize(("status", "answer"), READER_ANSWERS)
def test_what_a_reader_gets_at_each_status(client, db, model, status, answer):
    item = MODELS[model](status=status, title="The report in question")

    response = client.get(item.get_absolute_url())

    assert response.status_code == answer
    listed = client.get(reverse(LISTS[model])).text
    assert ("The report in question" in listed) == (status == Status.PUBLISHED)
    if status == Status.WITHDRAWN:
        assert "This page was withdrawn" in response.text
        assert "“The report in question” is no longer published." in response.text
        assert getattr(item, FIELD[model]).split("\n")[0] not in html.unescape(response.text)
    if status == Status.PUBLISHED:
        assert "Preview:" not in response.text


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_an_editor_previews_an_unpublished_item_never_cached(editor_client, model, status):
    item = MODELS[model](status=status)

    response = editor_client.get(item.get_absolute_url())

    assert response.status_code == 200
    label = Status(status).label.lower()
    assert f"Preview:</strong>\n  this is a {label}, not visible to readers." in response.text
    assert "no-store" in response["Cache-Control"]
    assert getattr(item, FIELD[model]).split("\n")[0] in html.unescape(response.text)


# 6. Scheduled publication ---------------------------------------------------------------

NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
TOMORROW = NOW + dt.timedelta(days=1)


def visible(item):
    """Whether a reader finds the item: its page answers, and its list names it."""
    reader = Client()
    page = reader.get(item.get_absolute_url()).status_code
    listed = item.title in reader.get(reverse(LISTS[item._meta.model_name])).text
    assert (page == 200) == listed, (page, listed)
    return listed


@pytest.mark.parametrize("model", MODELS)
def test_an_item_published_for_tomorrow_appears_tomorrow(
    db, model, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False) as clock:
        client, _ = login("reviewer")
        # The step commits, recording when the item goes live (`core.caching`).
        with django_capture_on_commit_callbacks(execute=True):
            item = MODELS[model](status=Status.REVIEW, title="Embargoed", published_at=TOMORROW)
            follow(client, post_on_change_form(client, item, "publish"))

        item.refresh_from_db()
        assert (item.status, item.published_at) == (Status.PUBLISHED, TOMORROW)
        assert not visible(item)
        preview = client.get(item.get_absolute_url())
        assert "scheduled for" in preview.text
        assert "no-store" in preview["Cache-Control"]
        clock.move_to(TOMORROW - dt.timedelta(seconds=1))
        assert not visible(item)
        clock.move_to(TOMORROW)
        assert visible(item)


def test_a_meeting_published_with_no_time_gets_the_moment_of_publishing(db):
    with time_machine.travel(NOW, tick=False):
        client, _ = login("reviewer")
        meeting = factories.MeetingFactory(status=Status.REVIEW, published_at=None)

        follow(client, post_on_changelist(client, meeting, "publish"))

        meeting.refresh_from_db()
        assert (meeting.status, meeting.published_at) == (Status.PUBLISHED, NOW)
        assert visible(meeting)


# 7. No lost edits: the model API --------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_the_second_of_two_saves_from_one_version_is_refused(db, model):
    item = MODELS[model](status=Status.DRAFT, title="Original title")
    field = FIELD[model]
    first = type(item).objects.get(pk=item.pk)
    second = type(item).objects.get(pk=item.pk)

    first.title = "First editor's title"
    first.save()
    setattr(second, field, "Second editor's text.")
    with pytest.raises(EditConflict):
        second.save()

    stored = type(item).objects.get(pk=item.pk)
    assert stored.title == "First editor's title"
    assert getattr(stored, field) == getattr(item, field)
    assert stored.version == first.version == item.version + 1


@pytest.mark.parametrize("model", MODELS)
def test_a_step_applied_to_a_stale_copy_is_refused(db, model):
    reviewer = USERS["reviewer"]()
    item = MODELS[model](status=Status.REVIEW, title="Original title")
    fresh = type(item).objects.get(pk=item.pk)
    stale = type(item).objects.get(pk=item.pk)
    fresh.title = "Edited meanwhile"
    fresh.save()

    with pytest.raises(EditConflict):
        workflow.apply(workflow.TRANSITIONS["publish"], stale, reviewer, "Looks good")

    stored = type(item).objects.get(pk=item.pk)
    assert (stored.status, stored.title) == (Status.REVIEW, "Edited meanwhile")
    assert events_of(item) == []


# 8. No lost edits: two editors on one change page ----------------------------------------

ORIGINAL = "The opening line.\n\nThe second line as imported."
BY_FIRST = "The opening line.\n\nThe second line, corrected by the first editor."
BY_SECOND = "The opening line.\n\nThe second line, rewritten by the second editor."


def two_editors_open(model, **fields):
    """An item, and two editors' clients with the POST data of the page each opened."""
    item = MODELS[model](status=Status.DRAFT, **fields)
    url = admin_url(type(item), "change", item.pk)
    first, _ = login("editor")
    second = Client(raise_request_exception=False)
    second.force_login(factories.EditorFactory(username="second-editor"))
    return (
        item,
        url,
        (first, changeform_data(first.get(url))),
        (second, changeform_data(second.get(url))),
    )


@pytest.mark.parametrize("model", MODELS)
def test_the_second_editor_is_told_shown_the_difference_and_may_save_again(db, model):
    field = FIELD[model]
    item, url, (first, first_data), (second, second_data) = two_editors_open(
        model, **{FIELD[model]: ORIGINAL}
    )
    first_data[field] = BY_FIRST
    assert first.post(url, first_data).status_code == 302
    second_data[field] = BY_SECOND

    response = second.post(url, second_data)

    assert response.status_code == 200
    assert f"Someone else saved this {model}" in response.text
    textarea = re.search(rf'<textarea name="{field}"[^>]*>(.*?)</textarea>', response.text, re.S)
    assert html.unescape(textarea[1]).strip() == BY_SECOND
    assert "What differs between the saved version and yours" in response.text
    diff = text_of(re.search(r'<pre class="conflict-diff">(.*?)</pre>', response.text, re.S)[1])
    assert "-The second line, corrected by the first editor." in diff
    assert "+The second line, rewritten by the second editor." in diff
    stored = type(item).objects.get(pk=item.pk)
    assert getattr(stored, field) == BY_FIRST

    again = changeform_data(response)
    assert again["opened_version"] == str(stored.version)
    assert again[field] == BY_SECOND
    response = second.post(url, again)

    assert response.status_code == 302, form_errors(response)
    assert getattr(type(item).objects.get(pk=item.pk), field) == BY_SECOND


@pytest.mark.parametrize("model", MODELS)
def test_the_second_editors_save_never_overwrites_the_first(db, model):
    """Whatever the page, the first save stands."""
    field = FIELD[model]
    item, url, (first, first_data), (second, second_data) = two_editors_open(
        model, **{FIELD[model]: ORIGINAL}
    )
    first_data[field] = BY_FIRST
    assert first.post(url, first_data).status_code == 302
    second_data[field] = BY_SECOND

    response = second.post(url, second_data)

    assert response.status_code != 302
    assert getattr(type(item).objects.get(pk=item.pk), field) == BY_FIRST


#: A field outside the diffed title and text, which each editor sets differently.
OTHER_FIELD = {"article": "dateline", "meeting": "venue"}


@pytest.mark.parametrize("model", MODELS)
def test_a_conflict_on_a_field_outside_the_diff_is_shown_and_saved_on_the_second_try(db, model):
    field = OTHER_FIELD[model]
    item, url, (first, first_data), (second, second_data) = two_editors_open(model)
    first_data[field] = "Geneva"
    assert first.post(url, first_data).status_code == 302
    second_data[field] = "New York"

    response = second.post(url, second_data)

    assert response.status_code == 200
    assert f"Someone else saved this {model}" in response.text
    assert re.search(rf'<input type="text" name="{field}" value="New York"', response.text)
    stored = type(item).objects.get(pk=item.pk)
    assert getattr(stored, field) == "Geneva"

    again = changeform_data(response)
    assert again["opened_version"] == str(stored.version)
    response = second.post(url, again)

    assert response.status_code == 302, form_errors(response)
    assert getattr(type(item).objects.get(pk=item.pk), field) == "New York"


# 9. Translators and reviewers -----------------------------------------------------------


@pytest.fixture
def translation(db):
    link = factories.TranslationFactory(
        source__status=Status.DRAFT,
        source__title="The original",
        translation__status=Status.DRAFT,
        translation__title="La traduction",
    )
    return link.translation


def test_a_translator_opens_the_article_changelist(db, translation):
    client, _ = login("translator")
    response = client.get(admin_url(models.Article, "changelist"))
    assert response.status_code == 200
    assert translation in response.context["cl"].result_list


def test_a_translator_changes_a_translation(db, translation):
    client, _ = login("translator")
    url = admin_url(models.Article, "change", translation.pk)
    page = client.get(url)
    assert 'name="_save"' in page.text

    data = changeform_data(page)
    data["body"] = "Premier paragraphe.\n\nSecond paragraphe, revu."
    response = client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    translation.refresh_from_db()
    assert translation.body == "Premier paragraphe.\n\nSecond paragraphe, revu."


def test_a_translator_cannot_unlink_the_source_of_a_translation(db, translation):
    client, _ = login("translator")
    url = admin_url(models.Article, "change", translation.pk)
    data = changeform_data(client.get(url))
    data["source_links-0-DELETE"] = "on"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "A translator writes translations" in response.text
    assert translation.source_links.exists()


def test_a_translator_only_views_an_original(db, translation):
    original = translation.source_links.get().source
    client, _ = login("translator")
    url = admin_url(models.Article, "change", original.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.text

    data = changeform_data(page)
    data["body"] = "Rewritten by the translator."
    response = client.post(url, data)

    assert response.status_code == 403
    original.refresh_from_db()
    assert original.body != "Rewritten by the translator."


def translator_add_data(client, outlet):
    page = client.get(admin_url(models.Article, "add"))
    assert page.status_code == 200
    data = changeform_data(page)
    data.update(
        title="Bayramov reçoit Türk",
        slug="bayramov-recoit-turk",
        language="fr",
        body="Premier paragraphe.\n\nSecond paragraphe.",
        outlet=str(outlet.pk),
        published_at_0="2024-09-26",
        published_at_1="10:30:00",
    )
    return page, data


def test_a_translator_must_name_the_source_of_an_article_they_add(db, translation):
    original = translation.source_links.get().source
    client, _ = login("translator")
    page, data = translator_add_data(client, original.outlet)

    refused = client.post(admin_url(models.Article, "add"), data)

    assert refused.status_code == 200
    assert "A translator writes translations" in refused.text
    assert not models.Article.objects.filter(slug="bayramov-recoit-turk").exists()

    # With the source named (in another language than any existing translation) it goes in.
    data["language"] = "de"
    add_inline_row(
        data,
        inline_formset(page, models.Translation, "translation"),
        source=str(original.pk),
        method=models.Translation.Method.HUMAN,
    )
    response = client.post(admin_url(models.Article, "add"), data)
    assert response.status_code == 302, form_errors(response)
    added = models.Article.objects.get(slug="bayramov-recoit-turk")
    assert added.source_links.get().source == original
    assert added.status == Status.DRAFT


def test_a_translator_cannot_publish_their_translation(db, translation):
    client, _ = login("translator")
    translation.status = Status.REVIEW
    translation.save()

    response = post_on_change_form(client, translation, "publish")

    assert stored_status(translation) == Status.REVIEW
    assert events_of(translation) == []
    assert response.status_code == 403


def test_a_translators_publish_on_their_translation_changes_nothing(db, translation):
    """Nothing changes."""
    client, _ = login("translator")
    translation.status = Status.REVIEW
    translation.save()
    version = models.Article.objects.get(pk=translation.pk).version

    post_on_change_form(client, translation, "publish")

    stored = models.Article.objects.get(pk=translation.pk)
    assert (stored.status, stored.version) == (Status.REVIEW, version)
    assert events_of(translation) == []


@pytest.mark.parametrize("model", MODELS)
def test_a_reviewer_cannot_edit_content_but_can_publish(db, model):
    client, _ = login("reviewer")
    field = FIELD[model]
    item = MODELS[model](status=Status.REVIEW)
    url = admin_url(type(item), "change", item.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.text

    data = changeform_data(page)
    data[field] = "Rewritten by the reviewer."
    assert client.post(url, data).status_code == 403
    assert getattr(type(item).objects.get(pk=item.pk), field) == getattr(item, field)

    response = post_on_change_form(client, item, "publish")
    assert "1 item published." in messages_of(follow(client, response))
    assert stored_status(item) == Status.PUBLISHED


@pytest.mark.parametrize("model", MODELS)
def test_an_editor_cannot_publish(db, model):
    client, _ = login("editor")
    item = MODELS[model](status=Status.REVIEW)
    why = (
        f"Your role does not allow “Publish” on {type(item)._meta.verbose_name_plural}: it is "
        "for reviewers."
    )
    for response in (
        post_on_change_form(client, item, "publish"),
        post_on_changelist(client, item, "publish"),
    ):
        assert response.status_code == 403
        assert why in response.content.decode()
    assert stored_status(item) == Status.REVIEW


def test_a_translator_is_told_why_a_step_is_refused(db):
    client, _ = login("translator")
    item = MODELS["article"](status=Status.DRAFT)

    response = post_on_changelist(client, item, "submit")

    assert response.status_code == 403
    assert "Your role does not allow “Submit for review” on articles: it is for editors." in (
        response.content.decode()
    )


# 10. The groups the migrations make -----------------------------------------------------


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_the_role_groups_have_the_permissions_of_their_migrations(db):
    roles = importlib.import_module("articles.migrations.0005_roles").ROLES
    summaries = importlib.import_module("articles.migrations.0009_summary_permissions").CODENAMES
    later = {"Translators": set(summaries), "Reviewers": {"view_summarytranslation"}}
    for name in ["Translators", "Reviewers"]:
        expected = {labelled(codename) for codename in [*roles[name], *later[name]]}
        assert codenames(name) == expected, name
    assert {labelled(codename) for codename in roles["Editors"]} <= codenames("Editors")


def labelled(codename):
    """A permission's codename with the label of the app its model lives in now."""
    return f"{model_named(codename.split('_', 1)[1])._meta.app_label}.{codename}"


def test_each_role_has_what_it_needs_and_no_more(db):
    editors, translators, reviewers = (
        codenames(name) for name in ["Editors", "Translators", "Reviewers"]
    )
    assert {"articles.review_article", "meetings.review_meeting"} <= reviewers
    assert not {"articles.change_article", "meetings.change_meeting"} & reviewers
    assert not {"articles.submit_article", "meetings.submit_meeting"} & reviewers
    assert "articles.translate_article" in translators
    assert "articles.change_article" not in translators
    assert not {"articles.review_article", "meetings.review_meeting"} & translators
    assert not {"articles.submit_article", "meetings.submit_meeting"} & translators
    assert {"articles.submit_article", "meetings.submit_meeting"} <= editors
    assert {"articles.change_article", "meetings.change_meeting"} <= editors
    assert not {"articles.review_article", "meetings.review_meeting"} & editors
    assert {"editorial.view_workflowevent"} <= editors & translators & reviewers
