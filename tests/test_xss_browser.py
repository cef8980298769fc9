"""The XSS corpus in a real browser: with every payload stored in every text field, no
page of the site or the admin runs one.

A page fails when a dialog opens (`alert`), `window.__xss` is set, an element whose id
starts with `xss` appears, the DOM holds an element, event handler, script or address
that the site's own markup never has, or the console reports an error (a violation of
the Content-Security-Policy is one). Headings must show the stored text as text.

Debian's Chromium (`/usr/bin/chromium`) is used, as in tests/test_browser.py.
"""

from urllib.parse import quote, urlencode

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Article
from meetings.models import Meeting
from people.models import Person
from search.query import MAX_QUERY_LENGTH
from tests import xss_payloads
from tests.chromium import BROWSER_TESTS
from tests.factories import UserFactory
from tests.test_xss import PUBLIC_TAGS
from tests.xss_payloads import PAYLOADS, fitted, storable, store

playwright = pytest.importorskip("playwright.sync_api")


pytestmark = BROWSER_TESTS

#: What a payload could have brought into the DOM; `allowed` lists the tags a public
#: page may have (null on admin pages, which use many).
INJECTED = """allowed => {
  const found = [];
  if (window.__xss) found.push("window.__xss");
  const foreign = new Set(["iframe", "frame", "object", "embed", "base", "math", "marquee",
    "video", "audio", "source", "isindex", "animate", "set", "style", "template"]);
  const urls = ["href", "src", "action", "formaction", "data", "xlink:href", "poster"];
  for (const element of document.querySelectorAll("*")) {
    const tag = element.localName;
    if (allowed && !allowed.includes(tag)) found.push(`<${tag}>`);
    if (foreign.has(tag)) found.push(`<${tag}>`);
    if (element.id.startsWith("xss")) found.push(`#${element.id}`);
    if (tag === "meta" && element.hasAttribute("http-equiv")) found.push("meta refresh");
    if (tag === "script" && element.type !== "application/ld+json") {
      const source = element.getAttribute("src") || "";
      if (!source.startsWith("/") || source.startsWith("//")) found.push(`script ${source}`);
    }
    for (const attribute of element.attributes) {
      const value = attribute.value.replace(/[\\t\\n\\r]/g, "").replace(/^[\\x00-\\x20]+/, "");
      if (attribute.name.startsWith("on")) found.push(`<${tag} ${attribute.name}>`);
      if (attribute.name === "srcdoc") found.push(`<${tag} srcdoc>`);
      if (urls.includes(attribute.name) && /^(javascript|vbscript|data):/i.test(value)) {
        found.push(`<${tag} ${attribute.name}=${value.slice(0, 40)}>`);
      }
    }
  }
  return found;
}"""


@pytest.fixture
def rows(live_server):
    """The corpus, one row of records per payload, on the live server."""
    return store(storable(connection.vendor))


@pytest.fixture
def sampled(rows):
    return xss_payloads.sampled(rows)


class Visitor:
    """Opens pages in one browser tab and notes everything a payload could have done."""

    def __init__(self, context, base):
        self.base = base
        self.page = context.new_page()
        self.problems = []
        self.expected_status = None
        self.page.on("dialog", self.dialog)
        self.page.on("console", self.console)
        self.page.on("pageerror", lambda error: self.problems.append(f"{self.url}: {error}"))

    @property
    def url(self):
        return self.page.url

    def dialog(self, dialog):
        self.problems.append(f"{self.url}: {dialog.type} dialog {dialog.message!r}")
        dialog.dismiss()

    def console(self, message):
        if message.type != "error":
            return
        status = self.expected_status
        answered = f"the server responded with a status of {status}"
        if status and answered in message.text and message.location["url"] == self.url:
            return  # the page's own 404 or 400, which the browser reports too
        self.problems.append(f"{self.url}: console: {message.text}")

    def visit(self, path, *, status=200, admin=False):
        """Open `path`, let the page's events fire, and note what was injected."""
        self.expected_status = status
        response = self.page.goto(self.base + path)
        assert response.status == status, path
        self.page.evaluate("() => new Promise(done => setTimeout(done, 20))")
        found = self.page.evaluate(INJECTED, None if admin else sorted(PUBLIC_TAGS))
        self.problems += [f"{path}: {item}" for item in found]
        return self.page

    def heading(self, text):
        """The page's main heading shows `text` as text (the parser drops NUL)."""
        shown = self.page.locator("h1").first.text_content()
        if shown != text.replace("\x00", ""):
            self.problems.append(f"{self.url}: h1 shows {shown[:60]!r}")

    def following(self, path, selector="a[rel=next]"):
        """Open `path` and every page its "next" link leads to."""
        while path:
            self.visit(path)
            link = self.page.locator(selector)
            path = link.first.get_attribute("href") if link.count() else None
            if path and path.startswith("?"):
                path = self.page.url.removeprefix(self.base).split("?")[0] + path
            elif path:
                path = path.removeprefix(self.base)


@pytest.fixture
def visitor(browser, live_server):
    context = browser.new_context(locale="en-GB")
    context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    yield Visitor(context, live_server.url)
    context.close()


def test_no_public_page_runs_a_stored_payload(visitor, rows, sampled):
    visitor.visit("/en/")
    visitor.following("/en/articles/")
    visitor.following("/en/meetings/")
    visitor.visit("/en/meetings/2024/")
    visitor.following("/en/people/")
    visitor.following("/en/organizations/")
    for row in rows:
        visitor.visit(f"/en/articles/{row.article.slug}/")
        visitor.heading(row.article.title)
        visitor.visit(f"/en/meetings/{row.meeting.slug}/")
        visitor.heading(row.meeting.title)
        visitor.visit(f"/en/people/{row.person.slug}/")
        visitor.heading(row.person.name)
        visitor.visit(f"/en/organizations/{row.organization.slug}/")
    for row in sampled:
        visitor.visit(f"/en/articles/{row.translation.slug}/")
        visitor.visit(f"/fr/meetings/{row.meeting.slug}/")
        visitor.visit(f"/en/meetings/{row.meeting.slug}/coverage/")
        visitor.heading(row.meeting.title)
        visitor.visit(f"/en/articles/{row.withdrawn.slug}/", status=410)
        filters = {"outlet": row.outlet.slug, "person": row.person.slug, "topic": row.topic.slug}
        visitor.visit(f"/en/articles/?{urlencode(filters)}")
    assert visitor.problems == []


def test_no_search_or_missing_page_runs_a_payload_in_the_address(visitor, rows, sampled):
    for payload in PAYLOADS:
        query = payload.text
        refused = len(query.strip()) > MAX_QUERY_LENGTH or "\x00" in query
        visitor.visit(f"/en/search/?{urlencode({'q': query})}", status=400 if refused else 200)
    for row in sampled:
        # Django's test server looks for a file of that name: longer ones break it.
        text = fitted(row.payload.text, 200)
        visitor.visit(f"/en/missing/{quote(text, safe='')}/", status=404)
        visitor.visit(f"/en/articles/?{urlencode({'outlet': text, 'language': text})}", status=400)
    assert visitor.problems == []


def admin_url(record, page):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=[record.pk])


def test_no_admin_page_runs_a_stored_payload(visitor, rows):
    """Change lists hold every payload; change forms and revision lists, slow to open,
    are opened for the attribute, title and textarea breakouts, the payloads aimed at
    forms."""
    client = Client()
    client.force_login(UserFactory(username="xss-admin", is_staff=True, is_superuser=True))
    visitor.page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": visitor.base}]
    )
    for model in (Article, Meeting, Person):
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        count = model.objects.count()
        for number in range(1, -(-count // 100) + 1):
            visitor.visit(f"{changelist}?p={number}", admin=True)
    for row in xss_payloads.breakouts(rows):
        for record in (row.article, row.translation, row.meeting, row.person):
            visitor.visit(admin_url(record, "change"), admin=True)
        for record in (row.article, row.meeting):
            visitor.visit(admin_url(record, "history"), admin=True)
    assert visitor.problems == []
