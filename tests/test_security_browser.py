"""The Content-Security-Policy in a real browser: no page of the site, the admin or the
API documentation breaks it. Chromium reports every violation as a console error.

Debian's Chromium (`/usr/bin/chromium`) is used, as in tests/test_browser.py.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from meetings.models import Meeting
from tests.chromium import BROWSER_TESTS

playwright = pytest.importorskip("playwright.sync_api")

PASSWORD = "correct horse battery staple"
EN_SLUG = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
MEETING_SLUG = "khalafov-receives-ohchr-delegation-2017"

pytestmark = BROWSER_TESTS


@pytest.fixture
def site(live_server):
    call_command("loaddata", "seed", verbosity=0)
    return live_server.url


@pytest.fixture
def page(browser):
    """A page that notes every console error (a policy violation is one), script error
    and failed request."""
    context = browser.new_context(locale="en-GB")
    # The admin names no icon, so the browser asks for /favicon.ico, which is no page.
    context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(message.text),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    # A request cut short by the next visit is no problem; one the policy blocks is.
    page.on(
        "requestfailed",
        lambda request: (
            request.failure != "net::ERR_ABORTED"
            and problems.append(f"{request.url}: {request.failure}")
        ),
    )
    page.problems = problems
    yield page
    context.close()


def visit(page, url):
    response = page.goto(url)
    assert response.ok, f"{url}: {response.status}"
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    page.wait_for_load_state("networkidle")
    return response


def test_public_pages_keep_to_the_policy(site, page):
    for path in (
        reverse("home"),
        reverse("article-list"),
        reverse("article-detail", args=[EN_SLUG]),
        reverse("meeting-detail", args=[MEETING_SLUG]),
        f"{reverse('meeting-list')}?kind=meeting&person=georgette-gagnon",
        reverse("open-data"),
        f"{reverse('search')}?q=Gagnon",
    ):
        visit(page, f"{site}{path}")
    assert page.problems == []


def test_the_admin_keeps_to_the_policy(site, page):
    get_user_model().objects.create_superuser("chief", password=PASSWORD)
    visit(page, f"{site}{reverse('admin:login')}")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}{reverse('admin:index')}")
    article = Article.objects.get(slug=EN_SLUG)
    meeting = Meeting.objects.get(slug=MEETING_SLUG)
    for path in (
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
    ):
        visit(page, f"{site}{path}")
    assert page.problems == []


def test_the_api_documentation_works_under_the_policy(site, page):
    visit(page, f"{site}{reverse('api:docs')}")
    page.wait_for_selector(".swagger-ui .info .title")
    page.wait_for_selector(".opblock-tag-section")
    assert "Newsroom API" in page.inner_text(".swagger-ui .info .title")
    assert page.problems == []


def test_an_inline_script_would_be_refused_and_reported(site, page):
    """The check above can fail: the browser enforces the policy and says so."""
    visit(page, f"{site}{reverse('home')}")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.head.append(s); }"
    )
    assert page.evaluate("() => window.ran === undefined")
    assert any("Content Security Policy" in problem for problem in page.problems)
