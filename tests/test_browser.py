"""The public site in a real browser: headless Chromium driven by Playwright.

Debian's Chromium (`/usr/bin/chromium`, installed by `.ci/run`) is used, never a
browser Playwright would download. Screenshots of the main pages at desktop and phone
widths go to tests/screenshots/ for a person to look at.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.chromium import BROWSER_TESTS

playwright = pytest.importorskip("playwright.sync_api")

SCREENSHOTS = Path(__file__).parent / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
EN_SLUG = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
FR_TITLE = re.compile(r"Khalafov s.entretient")

pytestmark = BROWSER_TESTS


@pytest.fixture
def site(live_server):
    """The live server, holding the seed data."""
    call_command("loaddata", "seed", verbosity=0)
    return live_server.url


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def page(browser, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(message.text),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    # A request the page gave up because it navigated away (the favicon of a page left
    # at once) is not a failure; any other is.
    page.on(
        "requestfailed",
        lambda request: (
            request.failure == "net::ERR_ABORTED"
            or problems.append(f"{request.url}: {request.failure}")
        ),
    )
    page.problems = problems
    yield page
    context.close()


def screenshot(page, viewport, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{viewport}.png", full_page=True)


def test_a_reader_goes_from_a_french_report_to_its_english_original_and_back(site, page, viewport):
    page.goto(f"{site}/")
    assert page.url == f"{site}/en/"
    playwright.expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot(page, viewport, "home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Articles").click()
    page.locator("#id_language").select_option("fr")
    page.get_by_role("button", name="Apply filters").click()
    assert "language=fr" in page.url
    results = page.locator(".article-list .article-row-title")
    playwright.expect(results).to_have_count(1)
    screenshot(page, viewport, "list")

    results.first.click()
    playwright.expect(page.get_by_role("heading", level=1)).to_have_text(FR_TITLE)
    playwright.expect(page.locator("article.report")).to_have_attribute("lang", "fr")
    screenshot(page, viewport, "article")

    page.locator(".translation-of a[hreflang='en']").click()
    assert page.url.endswith(f"/en/articles/{EN_SLUG}/")
    playwright.expect(page.locator("article.report")).to_have_attribute("lang", "en")
    page.locator(".versions-box a[hreflang='fr']").first.click()
    playwright.expect(page.get_by_role("heading", level=1)).to_have_text(FR_TITLE)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Meetings").click()
    page.locator(".meeting-row-title").first.click()
    playwright.expect(page.locator(".participants")).to_be_visible()
    screenshot(page, viewport, "meeting")

    assert page.problems == []


def test_a_reader_switches_to_french_and_searches_for_a_person(site, page, viewport):
    page.goto(f"{site}/en/articles/{EN_SLUG}/")
    page.locator(".language-switcher a[hreflang='fr']").click()
    assert page.url.endswith(f"/fr/articles/{EN_SLUG}/")
    playwright.expect(page.locator("html")).to_have_attribute("lang", "fr")
    playwright.expect(page.locator(".language-switcher [aria-current]")).to_have_attribute(
        "lang", "fr"
    )

    search = page.locator("#site-search-q")
    search.fill("Gagnon")
    search.press("Enter")
    assert "/fr/search/?q=Gagnon" in page.url
    playwright.expect(page.locator("mark").first).to_have_text(re.compile("Gagnon", re.I))
    playwright.expect(page.locator(".article-list .article-row-title")).to_have_count(2)
    playwright.expect(page.locator(".meeting-list .meeting-row-title")).to_have_count(1)
    screenshot(page, viewport, "search")

    assert page.problems == []


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "What each report adds or leaves out"), ("fr", "Ce que")]
)
def test_a_reader_compares_how_each_outlet_reported_a_meeting(
    site, page, viewport, language, heading
):
    page.goto(f"{site}/{language}/meetings/khalafov-receives-ohchr-delegation-2017/")
    page.locator(".coverage-link a").click()
    assert page.url.endswith("/meetings/khalafov-receives-ohchr-delegation-2017/coverage/")
    playwright.expect(page.locator("html")).to_have_attribute("lang", language)
    playwright.expect(page.locator("#coverage-summary-heading")).to_contain_text(heading)
    playwright.expect(page.locator(".aligned-cell[lang='fr'] .coverage-paragraph")).to_have_count(6)
    playwright.expect(page.locator("mark.fact-person").first).to_be_visible()
    # At phone width the versions stack: one column, and nothing wider than the screen.
    cells = page.locator(".aligned-row:not(.aligned-head)").first.locator(".aligned-cell")
    english, french = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    if viewport == "phone":
        assert french["y"] >= english["y"] + english["height"]
        playwright.expect(cells.nth(1).locator(".cell-label")).to_be_visible()
    else:
        assert french["x"] >= english["x"] + english["width"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, viewport, f"coverage-{language}")
    assert page.problems == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_reader_explores_a_persons_and_an_organizations_meetings(site, page, viewport, language):
    page.goto(f"{site}/{language}/people/jeyhun-bayramov/")
    for chart in ("svg.timeline", "svg.network"):
        playwright.expect(page.locator(chart)).to_be_visible()
        box = page.locator(chart).bounding_box()
        assert 0 < box["width"] <= VIEWPORTS[viewport]["width"]
    playwright.expect(page.locator("svg.timeline rect")).to_have_count(2)
    playwright.expect(page.locator("svg.network g")).to_have_count(3)
    # The drawing's colours come from the site's stylesheet: none is blocked.
    bar = page.locator("svg.timeline rect").first
    assert bar.evaluate("bar => getComputedStyle(bar).fill") == "rgb(11, 92, 173)"
    screenshot(page, viewport, f"person-{language}")

    page.locator(".chart-data summary").click()
    playwright.expect(page.locator(".chart-data table")).to_be_visible()
    page.locator(".met-with-list a[href='?person=volker-turk']").click()
    playwright.expect(page.locator(".meeting-list .meeting-row-title")).to_have_count(1)
    assert page.url.endswith("?person=volker-turk")

    page.goto(f"{site}/{language}/organizations/ohchr/")
    page.locator("#id_kind").select_option("meeting")
    page.locator("#id_date_after").fill("2023-01-01")
    page.locator("#id_date_before").fill("2023-12-31")
    page.locator(".record-filters button[type=submit]").click()
    assert "kind=meeting" in page.url
    playwright.expect(page.locator("#timeline-heading")).to_contain_text("2023")
    playwright.expect(page.locator(".meeting-list .meeting-row-title")).to_have_count(1)
    playwright.expect(page.locator("svg.timeline rect")).to_have_count(1)
    screenshot(page, viewport, f"organization-{language}")

    assert page.problems == []


def test_keyboard_users_can_skip_to_the_content(site, page, viewport):
    page.goto(f"{site}/en/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    playwright.expect(skip).to_be_focused()
    playwright.expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    # The address takes the fragment once the browser has followed the link.
    playwright.expect(page).to_have_url(re.compile(r"#content$"))
    assert page.problems == []
