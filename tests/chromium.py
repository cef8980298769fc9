"""Debian's Chromium, headless, driven by Playwright: what the browser tests share.

`/usr/bin/chromium` (`apt-get install chromium`; `.ci/run` installs it) is used, never
a browser Playwright would download.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

#: A browser test module's marks: skipped where Chromium is missing, except under CI,
#: where that fails; a live server, so a real database.
BROWSER_TESTS = [
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (.ci/run installs it)",
    ),
    pytest.mark.django_db(transaction=True),
]


def launch():
    """Chromium for one test module, closed after it.

    Playwright's synchronous API keeps an event loop in this thread, which Django would
    take for async code: database calls are allowed explicitly meanwhile.
    """
    playwright = pytest.importorskip("playwright.sync_api")
    with pytest.MonkeyPatch.context() as patch, playwright.sync_playwright() as driver:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = driver.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
