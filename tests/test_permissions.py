"""Who may reach what: every public address, admin page and autocomplete, and every
workflow step and admin action, for each kind of user.

`MATRIX` is the whole expectation: one row per address or action, one answer per user
(`ACTORS`). The tests are generated from it, one per cell, named user first
(`translator-article-publish-review-changelist`). The data is built once for the module;
each test runs in its own savepoint, so a step taken in one cell is undone for the next.
"""

import datetime as dt
import enum
import re
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import ActionLocation
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import transaction
from django.http import HttpRequest
from django.test import Client, RequestFactory, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from articles.models import Article, Translation
from editorial import workflow
from editorial.models import Status, WorkflowEvent
from ingest.models import NameProposal, RelationProposal
from meetings.models import Coverage, Meeting, SummaryTranslation
from tests import factories
from tests.admin_forms import admin_page, changeform_data, form_values

#: The kinds of user, in the order of the table's columns.
ACTORS = ("anonymous", "user", "staff", "editor", "translator", "reviewer", "superuser")

USERS = {
    "user": lambda: factories.UserFactory(username="reader"),  # active, not staff
    "staff": lambda: factories.UserFactory(username="intern", is_staff=True),  # no group
    "editor": lambda: factories.EditorFactory(username="editor"),
    "translator": lambda: factories.TranslatorFactory(username="translator"),
    "reviewer": lambda: factories.ReviewerFactory(username="reviewer"),
    "superuser": lambda: factories.UserFactory(username="chief", is_staff=True, is_superuser=True),
}


class Answer(enum.Enum):
    """Answers besides a plain status code (which, for an action, means nothing done)."""

    LOGIN = "302 to the admin login page, coming back here after"
    PREVIEW = "200, marked as a preview, never cached"
    MOVED = "302 back; the status changed and the step was recorded"
    DONE = "302 back; the action did what it does"
    KEPT = "302 back with a warning; nothing changed"


L, P, M, D, K = Answer.LOGIN, Answer.PREVIEW, Answer.MOVED, Answer.DONE, Answer.KEPT


@dataclass(frozen=True)
class To:
    """302 to the address of this URL name."""

    name: str
    language: str = settings.LANGUAGE_CODE

    def url(self):
        with translation.override(self.language):
            return reverse(self.name)


INDEX, HOME = To("admin:index"), To("home")


class Row:
    """One address or action: the URL name or step, its arguments (names of objects of
    the data, or literals), then one answer per actor."""

    method = "get"

    def __init__(self, *parts, query="", method=None):
        count = next(i for i, part in enumerate(parts) if not isinstance(part, str))
        self.name, self.args = parts[0], parts[1:count]
        answers = parts[count:]
        assert len(answers) == len(ACTORS), f"{parts[:count]}: {len(answers)} answers"
        self.answers = dict(zip(ACTORS, answers, strict=True))
        self.query, self.method = query, method or self.method

    def variants(self):
        """(id, variant) for each concrete case of the row."""
        parts = (
            self.slug(),
            *self.args,
            *([self.method] if self.method != type(self).method else []),
        )
        yield "-".join(part.replace("_", "-") for part in parts), {}

    def slug(self):
        return self.name


class Page(Row):
    """A public page, under each interface language."""

    def variants(self):
        for row_id, variant in super().variants():
            for language, _name in settings.LANGUAGES:
                yield f"{language}-{row_id}", {**variant, "language": language}


class Site(Row):
    """A public address outside the language prefixes (robots, sitemaps, the API)."""

    def slug(self):
        if self.name == "/":
            return "root"
        return self.name.replace("api:", "api-").replace("django.contrib.sitemaps.views.", "")


class Admin(Row):
    """An admin page, by URL name within the admin."""

    def slug(self):
        return "admin-" + self.name.removeprefix("articles_")


class Autocomplete(Row):
    """The admin's autocomplete for one field (`app_label.model_name.field_name`)."""

    def slug(self):
        return "autocomplete-" + self.name.removeprefix("articles.")


class Step(Row):
    """A workflow step from one status, on articles and meetings, posted as the change
    list's action and as the change form's button."""

    method = "post"

    def variants(self):
        status = self.args[0]
        for model in ("article", "meeting"):
            for via in ("changelist", "change_form"):
                row_id = f"{model}-{self.name}-{status}-{via}".replace("_", "-")
                yield row_id, {"model": model, "via": via}


class Action(Row):
    """Another admin action or form post, by its name in `ACTIONS`."""

    method = "post"


# The table ------------------------------------------------------------------------------

# Unpublished items (drafts, items in review, scheduled for later, withdrawn) are
# previewed at their public address by whoever may view them in the admin; everyone
# else gets 404, or 410 Gone once withdrawn. Lists, feeds, search, sitemaps and the API
# never show them to anyone. In the admin, each group gets what its permissions give;
# a staff user in no group sees the index and nothing else. L: to the login page,
# P: a preview, M: the step made, D: the action done, K: refused with a message; a
# number is the status code, and on an action it also means that nothing was done.
# Columns: anonymous, user (active, not staff), staff (in no group), editor, translator,
# reviewer, superuser.

# fmt: off
#: The admin of login records (django-axes), when it is on: superusers only, and nobody
#: adds records by hand.
LOGIN_RECORDS = [                                      # anon user staf edit tran revw supr
    Admin("axes_accessattempt_changelist",             L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accessattempt_add",                    L,   L,   403, 403, 403, 403, 403),
    Admin("axes_accessattempt_change", "access_attempt",
                                                       L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accessattempt_delete", "access_attempt",
                                                       L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accessattempt_history", "access_attempt",
                                                       L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accesslog_changelist",                 L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accesslog_add",                        L,   L,   403, 403, 403, 403, 403),
    Admin("axes_accesslog_change", "access_log",       L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accesslog_delete", "access_log",       L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accesslog_history", "access_log",      L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accessfailurelog_changelist",          L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accessfailurelog_add",                 L,   L,   403, 403, 403, 403, 403),
    Admin("axes_accessfailurelog_change", "access_failure",
                                                       L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accessfailurelog_delete", "access_failure",
                                                       L,   L,   403, 403, 403, 403, 200),
    Admin("axes_accessfailurelog_history", "access_failure",
                                                       L,   L,   403, 403, 403, 403, 200),
]

MATRIX = [
    # The public site, under /en/ and /fr/             anon user staf edit tran revw supr
    Page("home",                                       200, 200, 200, 200, 200, 200, 200),
    Page("article-list",                               200, 200, 200, 200, 200, 200, 200),
    Page("article-detail", "article",                  200, 200, 200, 200, 200, 200, 200),
    Page("article-detail", "article_fr",               200, 200, 200, 200, 200, 200, 200),
    Page("article-detail", "translation_of_draft",     200, 200, 200, 200, 200, 200, 200),
    Page("article-detail", "draft_article",            404, 404, 404, P,   P,   P,   P),
    Page("article-detail", "review_article",           404, 404, 404, P,   P,   P,   P),
    Page("article-detail", "scheduled_article",        404, 404, 404, P,   P,   P,   P),
    Page("article-detail", "withdrawn_article",        410, 410, 410, P,   P,   P,   P),
    Page("article-detail", "no-such-report",           404, 404, 404, 404, 404, 404, 404),
    Page("meeting-list",                               200, 200, 200, 200, 200, 200, 200),
    Page("meeting-year", "2024",                       200, 200, 200, 200, 200, 200, 200),
    Page("meeting-year", "2019",                       404, 404, 404, 404, 404, 404, 404),
    Page("meeting-detail", "meeting",                  200, 200, 200, 200, 200, 200, 200),
    Page("meeting-detail", "draft_meeting",            404, 404, 404, P,   P,   P,   P),
    Page("meeting-detail", "review_meeting",           404, 404, 404, P,   P,   P,   P),
    Page("meeting-detail", "scheduled_meeting",        404, 404, 404, P,   P,   P,   P),
    Page("meeting-detail", "withdrawn_meeting",        410, 410, 410, P,   P,   P,   P),
    Page("meeting-coverage", "meeting",                200, 200, 200, 200, 200, 200, 200),
    Page("meeting-coverage", "draft_meeting",          404, 404, 404, 404, 404, 404, 404),
    Page("meeting-coverage", "review_meeting",         404, 404, 404, 404, 404, 404, 404),
    Page("meeting-coverage", "scheduled_meeting",      404, 404, 404, 404, 404, 404, 404),
    Page("meeting-coverage", "withdrawn_meeting",      404, 404, 404, 404, 404, 404, 404),
    Page("person-list",                                200, 200, 200, 200, 200, 200, 200),
    Page("person-detail", "person",                    200, 200, 200, 200, 200, 200, 200),
    Page("organization-list",                          200, 200, 200, 200, 200, 200, 200),
    Page("organization-detail", "organization",        200, 200, 200, 200, 200, 200, 200),
    Page("search",                                     200, 200, 200, 200, 200, 200, 200,
         query="q=paragraph"),
    Page("feed-articles",                              200, 200, 200, 200, 200, 200, 200),
    Page("feed-articles-atom",                         200, 200, 200, 200, 200, 200, 200),
    Page("feed-language", "en",                        200, 200, 200, 200, 200, 200, 200),
    Page("feed-language-atom", "en",                   200, 200, 200, 200, 200, 200, 200),
    Page("feed-outlet", "outlet",                      200, 200, 200, 200, 200, 200, 200),
    Page("feed-outlet-atom", "outlet",                 200, 200, 200, 200, 200, 200, 200),
    Page("feed-person", "person",                      200, 200, 200, 200, 200, 200, 200),
    Page("feed-person-atom", "person",                 200, 200, 200, 200, 200, 200, 200),
    Page("feed-person-meetings", "person",             200, 200, 200, 200, 200, 200, 200),
    Page("feed-person-meetings-atom", "person",        200, 200, 200, 200, 200, 200, 200),
    Page("feed-organization", "organization",          200, 200, 200, 200, 200, 200, 200),
    Page("feed-organization-atom", "organization",     200, 200, 200, 200, 200, 200, 200),
    Page("feed-organization-meetings", "organization", 200, 200, 200, 200, 200, 200, 200),
    Page("feed-organization-meetings-atom", "organization",
                                                       200, 200, 200, 200, 200, 200, 200),
    Page("feed-meetings",                              200, 200, 200, 200, 200, 200, 200),
    Page("feed-meetings-atom",                         200, 200, 200, 200, 200, 200, 200),
    Page("open-data",                                  200, 200, 200, 200, 200, 200, 200),
    Page("export-meetings-csv",                        200, 200, 200, 200, 200, 200, 200),
    Page("export-meetings-csv",                        200, 200, 200, 200, 200, 200, 200,
         query="rows=participants"),
    Page("export-meetings-json",                       200, 200, 200, 200, 200, 200, 200),
    Page("export-popolo",                              200, 200, 200, 200, 200, 200, 200),
    Page("open-data-archive", "newsroom-open-data-2020-01-01.1.zip",
                                                       404, 404, 404, 404, 404, 404, 404),
    # Outside the language prefixes
    Site("/",                                          HOME, HOME, HOME, HOME, HOME, HOME, HOME),
    Site("robots",                                     200, 200, 200, 200, 200, 200, 200),
    Site("health",                                     200, 200, 200, 200, 200, 200, 200),
    Site("sitemap-index",                              200, 200, 200, 200, 200, 200, 200),
    Site("django.contrib.sitemaps.views.sitemap", "articles",
                                                       200, 200, 200, 200, 200, 200, 200),
    Site("django.contrib.sitemaps.views.sitemap", "meetings",
                                                       200, 200, 200, 200, 200, 200, 200),
    Site("django.contrib.sitemaps.views.sitemap", "people",
                                                       200, 200, 200, 200, 200, 200, 200),
    Site("django.contrib.sitemaps.views.sitemap", "organizations",
                                                       200, 200, 200, 200, 200, 200, 200),
    Site("django.contrib.sitemaps.views.sitemap", "drafts",
                                                       404, 404, 404, 404, 404, 404, 404),
    # The API: published items only, to everyone; read-only
    Site("api:api-root",                               200, 200, 200, 200, 200, 200, 200),
    Site("api:article-list",                           200, 200, 200, 200, 200, 200, 200),
    Site("api:article-list",                           405, 405, 405, 405, 405, 405, 405,
         method="post"),
    Site("api:article-detail", "article",              200, 200, 200, 200, 200, 200, 200),
    Site("api:article-detail", "translation_of_draft", 200, 200, 200, 200, 200, 200, 200),
    Site("api:article-detail", "draft_article",        404, 404, 404, 404, 404, 404, 404),
    Site("api:article-detail", "review_article",       404, 404, 404, 404, 404, 404, 404),
    Site("api:article-detail", "scheduled_article",    404, 404, 404, 404, 404, 404, 404),
    Site("api:article-detail", "withdrawn_article",    404, 404, 404, 404, 404, 404, 404),
    Site("api:meeting-list",                           200, 200, 200, 200, 200, 200, 200),
    Site("api:meeting-detail", "meeting",              200, 200, 200, 200, 200, 200, 200),
    Site("api:meeting-detail", "draft_meeting",        404, 404, 404, 404, 404, 404, 404),
    Site("api:meeting-detail", "review_meeting",       404, 404, 404, 404, 404, 404, 404),
    Site("api:meeting-detail", "scheduled_meeting",    404, 404, 404, 404, 404, 404, 404),
    Site("api:meeting-detail", "withdrawn_meeting",    404, 404, 404, 404, 404, 404, 404),
    Site("api:person-list",                            200, 200, 200, 200, 200, 200, 200),
    Site("api:person-detail", "person",                200, 200, 200, 200, 200, 200, 200),
    Site("api:organization-list",                      200, 200, 200, 200, 200, 200, 200),
    Site("api:organization-detail", "organization",    200, 200, 200, 200, 200, 200, 200),
    Site("api:outlet-list",                            200, 200, 200, 200, 200, 200, 200),
    Site("api:outlet-detail", "outlet",                200, 200, 200, 200, 200, 200, 200),
    Site("api:schema",                                 200, 200, 200, 200, 200, 200, 200),
    Site("api:docs",                                   200, 200, 200, 200, 200, 200, 200),
    Site("api:open-data-meetings-csv",                 200, 200, 200, 200, 200, 200, 200),
    Site("api:open-data-meetings-json",                200, 200, 200, 200, 200, 200, 200,
         query="rows=participants"),
    Site("api:open-data-meetings-json",                405, 405, 405, 405, 405, 405, 405,
         method="post"),
    Site("api:open-data-popolo",                       200, 200, 200, 200, 200, 200, 200),
    Site("api:open-data-archive",                      404, 404, 404, 404, 404, 404, 404),
    # The admin site                                   anon user staf edit tran revw supr
    Admin("index",                                     L,   L,   200, 200, 200, 200, 200),
    Admin("app_list", "articles",                      L,   L,   404, 200, 200, 200, 200),
    Admin("app_list", "auth",                          L,   L,   404, 404, 404, 404, 200),
    Admin("login",                                     200, 200, INDEX, INDEX, INDEX, INDEX,
          INDEX),
    Admin("logout",                                    INDEX, INDEX, 200, 200, 200, 200, 200,
          method="post"),
    Admin("password_change",                           L,   L,   200, 200, 200, 200, 200),
    Admin("password_change_done",                      L,   L,   200, 200, 200, 200, 200),
    Admin("jsi18n",                                    L,   L,   200, 200, 200, 200, 200),
    Admin("view_on_site", "article_type", "article",   L,   L,   302, 302, 302, 302, 302),
    Admin("no-such-page",                              L,   L,   404, 404, 404, 404, 404),
    # Articles
    Admin("articles_article_changelist",               L,   L,   403, 200, 200, 200, 200),
    Admin("articles_article_add",                      L,   L,   403, 200, 200, 403, 200),
    Admin("articles_article_change", "article",        L,   L,   403, 200, 200, 200, 200),
    Admin("articles_article_change", "article_fr",     L,   L,   403, 200, 200, 200, 200),
    Admin("articles_article_delete", "article",        L,   L,   403, 403, 403, 403, 200),
    Admin("articles_article_history", "article",       L,   L,   403, 200, 200, 200, 200),
    Admin("articles_article_simple_history", "article", "article_revision",
                                                       L,   L,   403, 200, 200, 200, 200),
    Admin("articles_article_import",                   L,   L,   403, 200, 403, 403, 200),
    Admin("articles_article_translate", "article",     L,   L,   403, 200, 200, 403, 200),
    Admin("articles_article_name_proposal", "imported", "name_proposal", "accept",
                                                       L,   L,   405, 405, 405, 405, 405),
    Admin("articles_article_relation_proposal", "imported", "translation_proposal", "accept",
                                                       L,   L,   405, 405, 405, 405, 405),
    Admin("articles_article_meeting_proposal", "imported", "meeting_to_confirm", "accept",
                                                       L,   L,   405, 405, 405, 405, 405),
    # Meetings to confirm: editors check, complete and confirm them; only the importer adds
    Admin("ingest_meetingproposal_changelist",         L,   L,   403, 200, 403, 403, 200),
    Admin("ingest_meetingproposal_add",                L,   L,   403, 403, 403, 403, 403),
    Admin("ingest_meetingproposal_change", "meeting_to_confirm",
                                                       L,   L,   403, 200, 403, 403, 200),
    Admin("ingest_meetingproposal_delete", "meeting_to_confirm",
                                                       L,   L,   403, 200, 403, 403, 200),
    Admin("ingest_meetingproposal_history", "meeting_to_confirm",
                                                       L,   L,   403, 200, 403, 403, 200),
    # Meetings
    Admin("meetings_meeting_changelist",               L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_meeting_add",                      L,   L,   403, 200, 403, 403, 200),
    Admin("meetings_meeting_change", "meeting",        L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_meeting_delete", "meeting",        L,   L,   403, 403, 403, 403, 200),
    Admin("meetings_meeting_history", "meeting",       L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_meeting_simple_history", "meeting", "meeting_revision",
                                                       L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_meeting_coverage",                 L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_meeting_dashboard",                L,   L,   403, 200, 200, 200, 200),
    # Translation links
    Admin("articles_translation_changelist",           L,   L,   403, 200, 200, 200, 200),
    Admin("articles_translation_add",                  L,   L,   403, 200, 200, 403, 200),
    Admin("articles_translation_change", "link",       L,   L,   403, 200, 200, 200, 200),
    Admin("articles_translation_delete", "link",       L,   L,   403, 200, 200, 403, 200),
    Admin("articles_translation_history", "link",      L,   L,   403, 200, 200, 200, 200),
    Admin("articles_translation_simple_history", "link", "link_revision",
                                                       L,   L,   403, 200, 200, 200, 200),
    # Summary translations
    Admin("meetings_summarytranslation_changelist",    L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_summarytranslation_add",           L,   L,   403, 200, 200, 403, 200),
    Admin("meetings_summarytranslation_change", "summary",
                                                       L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_summarytranslation_delete", "summary",
                                                       L,   L,   403, 200, 200, 403, 200),
    Admin("meetings_summarytranslation_history", "summary",
                                                       L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_summarytranslation_simple_history", "summary", "summary_revision",
                                                       L,   L,   403, 200, 200, 200, 200),
    # People, organizations, posts, outlets, topics: editors write, the others look up
    Admin("people_person_changelist",                  L,   L,   403, 200, 200, 200, 200),
    Admin("people_person_add",                         L,   L,   403, 200, 403, 403, 200),
    Admin("people_person_change", "person",            L,   L,   403, 200, 200, 200, 200),
    Admin("people_person_delete", "person",            L,   L,   403, 403, 403, 403, 200),
    Admin("people_person_history", "person",           L,   L,   403, 200, 200, 200, 200),
    Admin("people_organization_changelist",            L,   L,   403, 200, 200, 200, 200),
    Admin("people_organization_add",                   L,   L,   403, 200, 403, 403, 200),
    Admin("people_organization_change", "organization",
                                                       L,   L,   403, 200, 200, 200, 200),
    Admin("people_organization_delete", "organization",
                                                       L,   L,   403, 403, 403, 403, 200),
    Admin("people_organization_history", "organization",
                                                       L,   L,   403, 200, 200, 200, 200),
    Admin("people_post_changelist",                    L,   L,   403, 200, 200, 200, 200),
    Admin("people_post_add",                           L,   L,   403, 200, 403, 403, 200),
    Admin("people_post_change", "post",                L,   L,   403, 200, 200, 200, 200),
    Admin("people_post_delete", "post",                L,   L,   403, 200, 403, 403, 200),
    Admin("people_post_history", "post",               L,   L,   403, 200, 200, 200, 200),
    Admin("articles_outlet_changelist",                L,   L,   403, 200, 200, 200, 200),
    Admin("articles_outlet_add",                       L,   L,   403, 200, 403, 403, 200),
    Admin("articles_outlet_change", "outlet",          L,   L,   403, 200, 200, 200, 200),
    Admin("articles_outlet_delete", "outlet",          L,   L,   403, 403, 403, 403, 200),
    Admin("articles_outlet_history", "outlet",         L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_topic_changelist",                 L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_topic_add",                        L,   L,   403, 200, 403, 403, 200),
    Admin("meetings_topic_change", "topic",            L,   L,   403, 200, 200, 200, 200),
    Admin("meetings_topic_delete", "topic",            L,   L,   403, 403, 403, 403, 200),
    Admin("meetings_topic_history", "topic",           L,   L,   403, 200, 200, 200, 200),
    # Accounts: superusers only
    Admin("auth_user_changelist",                      L,   L,   403, 403, 403, 403, 200),
    Admin("auth_user_add",                             L,   L,   403, 403, 403, 403, 200),
    Admin("auth_user_change", "reader",                L,   L,   403, 403, 403, 403, 200),
    Admin("auth_user_delete", "reader",                L,   L,   403, 403, 403, 403, 200),
    Admin("auth_user_history", "reader",               L,   L,   403, 403, 403, 403, 200),
    Admin("auth_user_password_change", "reader",       L,   L,   403, 403, 403, 403, 200),
    Admin("auth_group_changelist",                     L,   L,   403, 403, 403, 403, 200),
    Admin("auth_group_add",                            L,   L,   403, 403, 403, 403, 200),
    Admin("auth_group_change", "editors",              L,   L,   403, 403, 403, 403, 200),
    Admin("auth_group_delete", "editors",              L,   L,   403, 403, 403, 403, 200),
    Admin("auth_group_history", "editors",             L,   L,   403, 403, 403, 403, 200),
    # Login records (django-axes), when their admin is on: superusers only
    *(LOGIN_RECORDS if admin.site.is_registered(AccessAttempt) else []),
    # Autocomplete: only to those who may view the model searched, only what they may view
    Autocomplete("articles.article.outlet",            L,   L,   403, 200, 200, 200, 200),
    Autocomplete("articles.article.agency",            L,   L,   403, 200, 200, 200, 200),
    Autocomplete("articles.article.people",            L,   L,   403, 200, 200, 200, 200),
    Autocomplete("articles.article.organizations",     L,   L,   403, 200, 200, 200, 200),
    Autocomplete("articles.translation.source",        L,   L,   403, 200, 200, 200, 200),
    Autocomplete("articles.translation.translation",   L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.coverage.article",          L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.summarytranslation.meeting",
                                                       L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.meeting.organizer",         L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.meeting.parent",            L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.meeting.topics",            L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.meeting.mentioned_people",  L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.participant.person",        L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.participant.post",          L,   L,   403, 200, 200, 200, 200),
    Autocomplete("meetings.participant.organization",  L,   L,   403, 200, 200, 200, 200),
    Autocomplete("people.post.person",                 L,   L,   403, 200, 200, 200, 200),
    Autocomplete("people.post.organization",           L,   L,   403, 200, 200, 200, 200),
    Autocomplete("people.organization.parent",         L,   L,   403, 200, 200, 200, 200),
    Autocomplete("ingest.meetingproposal.meeting",     L,   L,   403, 200, 200, 200, 200),
    Autocomplete("ingest.meetingproposal.reports",     L,   L,   403, 200, 200, 200, 200),
    Autocomplete("ingest.proposedparticipant.person",
                                                       L,   L,   403, 200, 200, 200, 200),
    Autocomplete("ingest.proposedparticipant.organization",
                                                       L,   L,   403, 200, 200, 200, 200),
    Autocomplete("editorial.workflowevent.user",       L,   L,   403, 403, 403, 403, 200),
    # Workflow steps, from each status                 anon user staf edit tran revw supr
    Step("submit", "draft",                            L,   L,   403, M,   403, 403, M),
    Step("submit", "review",                           L,   L,   403, K,   403, 403, K),
    Step("submit", "published",                        L,   L,   403, K,   403, 403, K),
    Step("submit", "scheduled",                        L,   L,   403, K,   403, 403, K),
    Step("submit", "withdrawn",                        L,   L,   403, K,   403, 403, K),
    Step("publish", "draft",                           L,   L,   403, 403, 403, K,   K),
    Step("publish", "review",                          L,   L,   403, 403, 403, M,   M),
    Step("publish", "published",                       L,   L,   403, 403, 403, K,   K),
    Step("publish", "scheduled",                       L,   L,   403, 403, 403, K,   K),
    Step("publish", "withdrawn",                       L,   L,   403, 403, 403, K,   K),
    Step("send_back", "draft",                         L,   L,   403, 403, 403, K,   K),
    Step("send_back", "review",                        L,   L,   403, 403, 403, M,   M),
    Step("send_back", "published",                     L,   L,   403, 403, 403, K,   K),
    Step("send_back", "scheduled",                     L,   L,   403, 403, 403, K,   K),
    Step("send_back", "withdrawn",                     L,   L,   403, 403, 403, K,   K),
    Step("withdraw", "draft",                          L,   L,   403, 403, 403, K,   K),
    Step("withdraw", "review",                         L,   L,   403, 403, 403, K,   K),
    Step("withdraw", "published",                      L,   L,   403, 403, 403, M,   M),
    Step("withdraw", "scheduled",                      L,   L,   403, 403, 403, M,   M),
    Step("withdraw", "withdrawn",                      L,   L,   403, 403, 403, K,   K),
    Step("reopen", "draft",                            L,   L,   403, 403, 403, K,   K),
    Step("reopen", "review",                           L,   L,   403, 403, 403, K,   K),
    Step("reopen", "published",                        L,   L,   403, 403, 403, K,   K),
    Step("reopen", "scheduled",                        L,   L,   403, 403, 403, K,   K),
    Step("reopen", "withdrawn",                        L,   L,   403, 403, 403, M,   M),
    # Other admin actions and form posts (see ACTIONS)
    Action("article-mark_up_to_date",                  L,   L,   403, D,   D,   K,   D),
    Action("article-delete_selected",                  L,   L,   403, K,   K,   K,   D),
    Action("article-translate",                        L,   L,   403, D,   D,   403, D),
    Action("article-save",                             L,   L,   403, D,   403, 403, D),
    Action("article-save-translation",                 L,   L,   403, D,   D,   403, D),
    Action("article-revert",                           L,   L,   403, D,   403, 403, D),
    Action("article-revert-withdrawn",                 L,   L,   403, D,   403, 403, D),
    Action("article-accept-name",                      L,   L,   403, D,   403, 403, D),
    Action("article-dismiss-name",                     L,   L,   403, D,   403, 403, D),
    Action("article-accept-translation",               L,   L,   403, D,   D,   403, D),
    Action("article-accept-meeting",                   L,   L,   403, D,   403, 403, D),
    Action("article-dismiss-relation",                 L,   L,   403, D,   403, 403, D),
    Action("article-accept-meeting-proposal",          L,   L,   403, D,   403, 403, D),
    Action("article-dismiss-meeting-proposal",         L,   L,   403, D,   403, 403, D),
    Action("meetingproposal-accept",                   L,   L,   403, D,   403, 403, D),
    Action("meeting-delete_selected",                  L,   L,   403, K,   200, K,   D),
    Action("meeting-save",                             L,   L,   403, D,   403, 403, D),
    Action("meeting-revert",                           L,   L,   403, D,   403, 403, D),
    Action("meeting-revert-withdrawn",                 L,   L,   403, D,   403, 403, D),
    Action("translation-revert",                       L,   L,   403, D,   D,   403, D),
    Action("summarytranslation-mark_up_to_date",       L,   L,   403, D,   D,   200, D),
    Action("summarytranslation-delete_selected",       L,   L,   403, D,   D,   200, D),
    Action("summarytranslation-revert",                L,   L,   403, D,   D,   403, D),
]
# fmt: on


# The data -------------------------------------------------------------------------------

#: Unpublished items carry a marker in their slug, title and body (secret-s-, -t-, -b-
#: and their name); a public page that shows one anywhere else has leaked it.
MARKER = re.compile(r"secret-([stb])-([a-z_]+)", re.IGNORECASE)
FUTURE = dt.timedelta(days=30)
PREVIEW_NOTICE = 'class="notice notice-draft"'
STATUS_ITEMS = {
    "draft": "draft_{}",
    "review": "review_{}",
    "published": "{}",
    "scheduled": "scheduled_{}",
    "withdrawn": "withdrawn_{}",
}


def unpublished(name, status, **fields):
    """Fields of an unpublished item, marked; scheduled items are published for later."""
    if status == "scheduled":
        fields["published_at"] = timezone.now() + FUTURE
        status = Status.PUBLISHED
    title = f"SECRET-T-{name} in the report"
    if status == "withdrawn":  # published first, withdrawn in `build_world`
        status, title = Status.PUBLISHED, f"SECRET-T-{name} as first published"
    body = "summary" if name.endswith("meeting") else "body"
    return {
        "status": status,
        "slug": f"secret-s-{name}",
        "title": title,
        body: f"First paragraph of the report, SECRET-B-{name}.\n\nSecond paragraph.",
        **fields,
    }


def build_world():
    """Published and unpublished articles and meetings, what they link, and the users."""
    w = SimpleNamespace()
    w.outlet = factories.OutletFactory(name="Desk Wire", slug="desk-wire")
    w.topic = factories.TopicFactory()
    w.organization = factories.OrganizationFactory(name="Office of the paragraph")
    w.person = factories.PersonFactory(name="Paragraph Person")
    w.post = factories.PostFactory(person=w.person, organization=w.organization)

    def article(**fields):
        return factories.ArticleFactory(outlet=w.outlet, agency=w.outlet, **fields)

    w.article = article(title="The original title", slug="original-report")
    w.article_fr = article(language="fr", slug="rapport-traduit")
    w.link = Translation(source=w.article, translation=w.article_fr)
    w.link.follow_source()
    w.link.save()
    w.link.notes = "Checked against the original."
    w.link.save()
    w.article.title = "The current title"
    w.article.save()  # the French translation is now outdated
    w.draft_translation = article(language="ru", **unpublished("draft_translation", "draft"))
    Translation.objects.create(source=w.article, translation=w.draft_translation)
    for status in STATUS_ITEMS:
        if status != "published":
            name = f"{status}_article"
            setattr(w, name, article(**unpublished(name, status)))
    w.translation_of_draft = article(language="es", slug="traduccion")
    Translation.objects.create(source=w.draft_article, translation=w.translation_of_draft)
    w.imported = article(language="de", **unpublished("imported", "draft"))
    w.name_proposal = NameProposal.objects.create(
        article=w.imported, kind=NameProposal.Kind.PERSON, name="Georgette Newcomer"
    )
    w.translation_proposal = RelationProposal.objects.create(
        article=w.imported, candidate=w.article, relation="translation", score=0.9
    )
    w.meeting_to_confirm = factories.MeetingProposalFactory(
        title="A meeting read in the report", reports=[w.imported]
    )
    w.meeting_proposal = RelationProposal.objects.create(
        article=w.review_article, candidate=w.article, relation="same_event", score=0.8
    )
    for item in (w.article, w.draft_article):
        item.people.add(w.person)
        item.organizations.add(w.organization)

    w.meeting = factories.MeetingFactory(
        title="The meeting", slug="the-meeting", summary="The original summary, a paragraph."
    )
    w.summary = SummaryTranslation(meeting=w.meeting, language="fr", title="Réunion", summary=".")
    w.summary.follow_source()
    w.summary.save()
    w.summary.title = "La réunion"
    w.summary.save()
    w.meeting.summary = "The current summary, a paragraph."
    w.meeting.save()  # the French summary is now outdated
    for status in STATUS_ITEMS:
        if status != "published":
            name = f"{status}_meeting"
            date = dt.date(2019, 5, 1) if status == "draft" else dt.date(2024, 3, 1)
            fields = unpublished(name, status, date=date, organizer=w.organization)
            fields["parent"] = w.meeting if status == "review" else None
            setattr(w, name, factories.MeetingFactory(**fields))
    for meeting in (w.meeting, w.draft_meeting):
        factories.ParticipantFactory(meeting=meeting, person=w.person, post=w.post)
        meeting.topics.add(w.topic)
    for meeting, item in [
        (w.meeting, w.article),
        (w.meeting, w.article_fr),
        (w.meeting, w.draft_article),
        (w.draft_meeting, w.article),
    ]:
        Coverage.objects.create(meeting=meeting, article=item)
    for name in ("withdrawn_article", "withdrawn_meeting"):
        item = getattr(w, name)
        item.title, item.status = f"SECRET-T-{name} in the report", Status.WITHDRAWN
        item.save()

    for name in ("article", "meeting", "link", "summary", "withdrawn_article", "withdrawn_meeting"):
        item = getattr(w, name)
        setattr(w, f"{name}_revision", item.history.order_by("history_date", "pk").first())
    w.article_type = ContentType.objects.get_for_model(Article)
    access = {
        "username": "someone",
        "user_agent": "a browser",
        "path_info": "/",
        "http_accept": "*/*",
    }
    w.access_attempt = AccessAttempt.objects.create(
        **access, get_data="", post_data="", failures_since_start=1
    )
    w.access_log = AccessLog.objects.create(**access)
    w.access_failure = AccessFailureLog.objects.create(**access)
    w.users = {actor: make() for actor, make in USERS.items()}
    w.reader = w.users["user"]
    w.editors = w.users["editor"].groups.get()
    w.sessions = {}
    for actor, user in w.users.items():
        client = Client()
        client.force_login(user)
        w.sessions[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    w.forms = {}
    return w


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The data, built once and kept in a transaction rolled back after the module."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with override_settings(
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
            ):
                built = build_world()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def client_of(world, actor):
    client = Client()
    if actor != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[actor]
    return client


def argument(world, name, public):
    """A URL argument: an object of the data (its slug on the public site, else its
    primary key), or the name itself as a literal."""
    item = getattr(world, name, None)
    if item is None:
        return name
    return item.slug if public else item.pk


def as_superuser(world, url):
    response = client_of(world, "superuser").get(url)
    assert response.status_code == 200, f"superuser GET {url}: {response.status_code}"
    return response


# What each action posts, and how to tell it happened -----------------------------------


def admin_url(model, page, *args):
    return admin_page(f"{model}_{page}", *args)


def refreshed(item):
    return type(item).objects.filter(pk=item.pk).first()


@dataclass(frozen=True)
class Post:
    """An admin POST: its address and data, whether it happened, and where a done post
    lands (None: somewhere not known in advance). Each is a function of the data."""

    url: object
    data: object
    done: object
    back: object = None


def on_changelist(model, action, item, done, **extra):
    """The change list's action on one selected item."""

    def url(w):
        return admin_url(model, "changelist")

    def data(w):
        return {"action": action, "_selected_action": [getattr(w, item).pk], "index": "0"} | extra

    return Post(url=url, data=data, done=done, back=url)


def saved(model, item, field, value):
    """The change form, posted as it is shown with one field changed."""

    def url(w):
        return admin_url(model, "change", getattr(w, item).pk)

    def data(w):
        if url(w) not in w.forms:
            w.forms[url(w)] = changeform_data(as_superuser(w, url(w)))
        return {**w.forms[url(w)], field: value}

    return Post(
        url=url,
        data=data,
        done=lambda w: getattr(refreshed(getattr(w, item)), field) == value,
        back=lambda w: admin_url(model, "changelist"),
    )


def reverted(model, item, field):
    """The item's first revision, opened and saved to restore it."""

    def revision(w):
        return getattr(w, f"{item}_revision")

    def url(w):
        return admin_url(model, "simple_history", getattr(w, item).pk, revision(w).pk)

    def data(w):
        if url(w) not in w.forms:
            form = as_superuser(w, url(w)).context["adminform"].form
            w.forms[url(w)] = {**form_values(form), "_save": "Save"}
        return w.forms[url(w)]

    return Post(
        url=url,
        data=data,
        done=lambda w: getattr(refreshed(getattr(w, item)), field) == getattr(revision(w), field),
        back=lambda w: admin_url(model, "changelist"),
    )


def on_proposal(route, article, proposal, action, done):
    """A button of an importer's proposal on an article's page."""
    return Post(
        url=lambda w: admin_url(
            "article", route, getattr(w, article).pk, getattr(w, proposal).pk, action
        ),
        data=lambda w: {},
        done=done,
        back=lambda w: admin_url("article", "change", getattr(w, article).pk),
    )


def deleted(item):
    return lambda w: refreshed(getattr(w, item)) is None


def up_to_date(item):
    return lambda w: not refreshed(getattr(w, item)).is_outdated


#: What each `Action` row posts. The `-revert-withdrawn` ones restore a withdrawn item's
#: revision from when it was published: its text comes back, its status may not.
ACTIONS = {
    "article-mark_up_to_date": on_changelist(
        "article", "mark_up_to_date", "article_fr", up_to_date("link")
    ),
    "article-delete_selected": on_changelist(
        "article", "delete_selected", "withdrawn_article", deleted("withdrawn_article"), post="yes"
    ),
    "article-translate": Post(
        url=lambda w: admin_url("article", "translate", w.article.pk),
        data=lambda w: {"language": "es"},
        done=lambda w: Translation.objects.filter(
            source=w.article, translation__language="es", translation__status=Status.DRAFT
        ).exists(),
    ),
    "article-save": saved("article", "article", "title", "A title edited in the admin"),
    "article-save-translation": saved("article", "article_fr", "title", "Un titre corrigé"),
    "article-revert": reverted("article", "article", "title"),
    "article-revert-withdrawn": reverted("article", "withdrawn_article", "title"),
    "article-accept-name": on_proposal(
        "name_proposal",
        "imported",
        "name_proposal",
        "accept",
        lambda w: w.imported.people.filter(name="Georgette Newcomer").exists(),
    ),
    "article-dismiss-name": on_proposal(
        "name_proposal", "imported", "name_proposal", "dismiss", deleted("name_proposal")
    ),
    "article-accept-translation": on_proposal(
        "relation_proposal",
        "imported",
        "translation_proposal",
        "accept",
        lambda w: Translation.objects.filter(source=w.article, translation=w.imported).exists(),
    ),
    "article-accept-meeting": on_proposal(
        "relation_proposal",
        "review_article",
        "meeting_proposal",
        "accept",
        lambda w: Coverage.objects.filter(meeting=w.meeting, article=w.review_article).exists(),
    ),
    "article-dismiss-relation": on_proposal(
        "relation_proposal",
        "imported",
        "translation_proposal",
        "dismiss",
        deleted("translation_proposal"),
    ),
    "article-accept-meeting-proposal": Post(
        url=lambda w: admin_url(
            "article", "meeting_proposal", w.imported.pk, w.meeting_to_confirm.pk, "accept"
        ),
        data=lambda w: {},
        done=lambda w: Meeting.objects.filter(title="A meeting read in the report").exists(),
    ),
    "article-dismiss-meeting-proposal": on_proposal(
        "meeting_proposal",
        "imported",
        "meeting_to_confirm",
        "dismiss",
        deleted("meeting_to_confirm"),
    ),
    "meetingproposal-accept": Post(
        url=lambda w: admin_url("meetingproposal", "change", w.meeting_to_confirm.pk),
        data=lambda w: {
            **changeform_data(
                as_superuser(w, admin_url("meetingproposal", "change", w.meeting_to_confirm.pk))
            ),
            "_accept": "Save and create the meeting",
        },
        done=lambda w: Meeting.objects.filter(title="A meeting read in the report").exists(),
    ),
    "meeting-delete_selected": on_changelist(
        "meeting", "delete_selected", "withdrawn_meeting", deleted("withdrawn_meeting"), post="yes"
    ),
    "meeting-save": saved("meeting", "meeting", "title", "A meeting title edited"),
    "meeting-revert": reverted("meeting", "meeting", "summary"),
    "meeting-revert-withdrawn": reverted("meeting", "withdrawn_meeting", "title"),
    "translation-revert": reverted("translation", "link", "notes"),
    "summarytranslation-mark_up_to_date": on_changelist(
        "summarytranslation", "mark_up_to_date", "summary", up_to_date("summary")
    ),
    "summarytranslation-delete_selected": on_changelist(
        "summarytranslation", "delete_selected", "summary", deleted("summary"), post="yes"
    ),
    "summarytranslation-revert": reverted("summarytranslation", "summary", "title"),
}


# Checking one cell ----------------------------------------------------------------------


def answered(response, answer, url):
    """What is wrong with the status and redirect of a response, if anything."""
    code, location = response.status_code, response.get("Location", "")
    got = f"got {code} {location}".rstrip()
    if answer is L:
        target = urlsplit(location)
        if (code, target.path) != (302, reverse("admin:login")) or parse_qs(target.query).get(
            "next"
        ) != [url]:
            return [f"expected {answer.value}, {got}"]
    elif isinstance(answer, To):
        if (code, location) != (302, answer.url()):
            return [f"expected 302 to {answer.url()}, {got}"]
    elif answer in (M, D, K):
        if code != 302 or urlsplit(location).path == reverse("admin:login"):
            return [f"expected {answer.value}, {got}"]
    elif answer is P:
        if code != 200:
            return [f"expected {answer.value}, {got}"]
    elif code != answer:
        return [f"expected {answer}, {got}"]
    return []


def text_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


def leaks(response, answer, own):
    """Markers of unpublished items the response shows and should not: on an item's
    own address its slug may show, its title too when withdrawn or previewed, and its
    body when previewed; nothing of any other."""
    allowed = set()
    if own:
        allowed.add(("s", own))
        if answer in (410, P):
            allowed.add(("t", own))
        if answer is P:
            allowed.add(("b", own))
    found = {(kind.lower(), name) for kind, name in MARKER.findall(text_of(response))}
    return [f"shows {kind}:{name}" for kind, name in sorted(found - allowed)]


def sent_messages(response):
    """The messages a redirect carries in its cookie."""
    cookie = response.cookies.get(CookieStorage.cookie_name)
    if cookie is None or not cookie.value:
        return []
    return [str(message) for message in CookieStorage(HttpRequest())._decode(cookie.value) or []]


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def check_public(world, row, variant, client, answer):
    language = variant.get("language", settings.LANGUAGE_CODE)
    if row.name.startswith("/"):
        url = row.name
    else:
        with translation.override(language):
            url = reverse(row.name, args=[argument(world, arg, True) for arg in row.args])
    url += f"?{row.query}" if row.query else ""
    response = getattr(client, row.method)(url)
    problems = answered(response, answer, url)
    own = next((arg for arg in row.args if hasattr(world, arg)), None)
    own = own if own and getattr(world, own).slug.startswith("secret-") else None
    problems += leaks(response, answer, own)
    text = text_of(response)
    if answer is P:
        if "no-store" not in response.get("Cache-Control", ""):
            problems.append(f"a preview without no-store: {response.get('Cache-Control')}")
        if PREVIEW_NOTICE not in text or f"SECRET-B-{own}" not in text:
            problems.append("no preview of the item")
    elif isinstance(row, Page) and PREVIEW_NOTICE in text:
        problems.append("says it is a preview")
    return url, problems


def check_admin(world, row, client, answer):
    if row.name == "no-such-page":
        url = reverse("admin:index") + "no-such-page/"
    else:
        url = reverse(f"admin:{row.name}", args=[argument(world, a, False) for a in row.args])
    response = getattr(client, row.method)(url)
    return url, answered(response, answer, url)


def check_autocomplete(row, client, answer, user):
    app_label, model_name, field_name = row.name.split(".")
    query = {"app_label": app_label, "model_name": model_name, "field_name": field_name}
    url = f"{reverse('admin:autocomplete')}?{urlencode({**query, 'term': ''})}"
    response = client.get(url)
    problems = answered(response, answer, url)
    if response.status_code == 200:
        remote = apps.get_model(app_label, model_name)._meta.get_field(field_name).related_model
        model_admin = admin.site.get_model_admin(remote)
        results = response.json()["results"]
        if not results:
            problems.append("found nothing")
        for result in results:
            item = remote._default_manager.get(pk=result["id"])
            if not model_admin.has_view_permission(request_as(user), item):
                problems.append(f"returns {remote.__name__} {item.pk}, which the user may not view")
    return url, problems


def check_step(world, row, variant, client, answer, user):
    step, status = row.name, row.args[0]
    model = variant["model"]
    item = getattr(world, STATUS_ITEMS[status].format(model))
    before = refreshed(item).status
    if variant["via"] == "changelist":
        url = admin_url(model, "changelist")
        data = {"action": step, "_selected_action": [item.pk], "index": "0"}
    else:
        url = admin_url(model, "change", item.pk)
        data = {"CHANGE_FORM-action": step, "_selected_action": item.pk}
    response = client.post(url, data)
    problems = answered(response, answer, url)
    after = refreshed(item).status
    events = [
        (event.transition, event.user, event.from_status, event.to_status)
        for event in WorkflowEvent.objects.filter(**{model: item}).order_by("pk")
    ]
    transition = workflow.TRANSITIONS[step]
    if answer is M:
        if (after, events) != (transition.target, [(step, user, before, transition.target)]):
            problems.append(f"left it {after}, recorded {events}")
        if response.get("Location") != url:
            problems.append(f"went to {response.get('Location')}")
        if f"1 item {transition.done}." not in sent_messages(response):
            problems.append(f"said {sent_messages(response)}")
    else:
        if (after, events) != (before, []):
            problems.append(f"moved it from {before} to {after}, recorded {events}")
        if answer is K and not any("so it cannot be" in m for m in sent_messages(response)):
            problems.append(f"said {sent_messages(response)}")
    return url, problems


def statuses():
    return {
        (model.__name__, pk): status
        for model in (Article, Meeting)
        for pk, status in model.objects.values_list("pk", "status")
    }


def check_action(world, row, client, answer):
    """The action's answer and effect; and whatever it does, no status moves: only the
    workflow steps move them."""
    post = ACTIONS[row.name]
    url, data = post.url(world), post.data(world)
    before = statuses()
    response = client.post(url, data)
    problems = answered(response, answer, url)
    after = statuses()
    problems += [
        f"moved {model} {pk} from {status} to {after[model, pk]}"
        for (model, pk), status in before.items()
        if after.get((model, pk), status) != status
    ]
    done = post.done(world)
    if answer is D:
        if not done:
            problems.append("did nothing")
        if post.back and response.get("Location") != post.back(world):
            problems.append(f"went to {response.get('Location')}")
    elif done:
        problems.append("did it")
    if answer is K and not sent_messages(response):
        problems.append("said nothing")
    return url, problems


def offered_steps(status, actor):
    """The table's answer for the buttons of an item's change page: the steps it says
    the actor makes from this status."""
    return frozenset(
        row.name
        for row in MATRIX
        if isinstance(row, Step) and row.args == (status,) and row.answers[actor] is M
    )


def check_buttons(world, variant, client, answer):
    model, status = variant["model"], variant["status"]
    url = admin_url(model, "change", getattr(world, STATUS_ITEMS[status].format(model)).pk)
    response = client.get(url)
    if not isinstance(answer, frozenset):
        return url, answered(response, answer, url)
    problems = answered(response, 200, url)
    offered = frozenset(re.findall(r'name="CHANGE_FORM-action" value="(\w+)"', text_of(response)))
    if offered != answer:
        problems.append(f"offers {sorted(offered)}, not {sorted(answer)}")
    return url, problems


# The tests ------------------------------------------------------------------------------


def cells():
    for row in MATRIX:
        for row_id, variant in row.variants():
            for actor in ACTORS:
                yield pytest.param(row, variant, actor, id=f"{actor}-{row_id}")
    # The change page's workflow buttons: those of the steps the table lets the actor make.
    for model in ("article", "meeting"):
        for status in STATUS_ITEMS:
            for actor in ACTORS:
                variant = {"model": model, "status": status}
                yield pytest.param(None, variant, actor, id=f"{actor}-{model}-{status}-buttons")


def expected(row, variant, actor):
    if row is not None:
        return row.answers[actor]
    return {"anonymous": L, "user": L, "staff": 403}.get(
        actor, offered_steps(variant["status"], actor)
    )


@pytest.mark.parametrize(("row", "variant", "actor"), list(cells()))
def test_cell(world, db, row, variant, actor):
    """One user, one address or action: the answer the table gives."""
    client = client_of(world, actor)
    user = world.users.get(actor)
    answer = expected(row, variant, actor)
    match row:
        case None:
            url, problems = check_buttons(world, variant, client, answer)
        case Page() | Site():
            url, problems = check_public(world, row, variant, client, answer)
        case Admin():
            url, problems = check_admin(world, row, client, answer)
        case Autocomplete():
            url, problems = check_autocomplete(row, client, answer, user)
        case Step():
            url, problems = check_step(world, row, variant, client, answer, user)
        case Action():
            url, problems = check_action(world, row, client, answer)
    method = "GET" if row is None else row.method.upper()
    assert not problems, f"{actor} {method} {url}: " + "; ".join(problems)


# The table is complete ------------------------------------------------------------------


def url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def test_every_named_address_has_a_row():
    """A page, view or API route added to the site or the admin needs its row."""
    rows = {row.name for row in MATRIX if isinstance(row, Page | Site)}
    rows |= {f"admin:{row.name}" for row in MATRIX if isinstance(row, Admin)}
    rows |= {"admin:autocomplete" for row in MATRIX if isinstance(row, Autocomplete)}
    assert set(url_names(get_resolver().url_patterns)) - rows == set()


def autocomplete_fields():
    for model_admin in admin.site._registry.values():
        for owner in (model_admin, *model_admin.inlines):
            for field in owner.autocomplete_fields:
                yield f"{owner.model._meta.label_lower}.{field}"


def test_every_autocomplete_field_has_a_row():
    rows = {row.name for row in MATRIX if isinstance(row, Autocomplete)}
    assert set(autocomplete_fields()) - rows == set()


def test_every_step_from_every_status_has_a_row():
    rows = {(row.name, *row.args) for row in MATRIX if isinstance(row, Step)}
    assert rows == {(step, status) for step in workflow.TRANSITIONS for status in STATUS_ITEMS}


def test_every_admin_action_has_a_row(rf, admin_user):
    """Each action of the admin of articles, meetings and summary translations, on the
    list or on the change form, besides the workflow steps."""
    request = rf.get("/")
    request.user = admin_user
    actions = set()
    for model in (Article, Meeting, SummaryTranslation):
        model_admin = admin.site.get_model_admin(model)
        for location in ActionLocation:
            for name in model_admin.get_actions(request, action_location=location):
                if name not in workflow.TRANSITIONS:
                    actions.add(f"{model._meta.model_name}-{name}")
    assert actions - {row.name for row in MATRIX if isinstance(row, Action)} == set()


def test_each_user_is_the_kind_the_table_says(world, db):
    users = world.users
    assert (users["user"].is_active, users["user"].is_staff) == (True, False)
    assert (users["staff"].is_staff, users["staff"].groups.count()) == (True, 0)
    for actor, group in [
        ("editor", "Editors"),
        ("translator", "Translators"),
        ("reviewer", "Reviewers"),
    ]:
        assert list(users[actor].groups.values_list("name", flat=True)) == [group]
    assert users["superuser"].is_superuser
