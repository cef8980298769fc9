"""Security: production settings, response headers, cookies, login lockout, the admin's
address and the sanitising of search snippets."""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from search.query import highlight
from search.terms import GT, LT, MARK_END, MARK_START
from tests.factories import ArticleFactory, EditorFactory

ROOT = Path(__file__).resolve().parent.parent
SECRET = "s3cret-" * 10
PASSWORD = "correct horse battery staple"
YEAR = 365 * 24 * 3600

#: The policy of every page that uses no nonce: all public pages.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def manage(*args, **environ):
    """A management command in a fresh process, with only these DJANGO_* variables."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def settings_in(*names, **environ):
    """Some settings as a fresh process reads them from these variables."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {list(names)!r}}}))"
    )
    result = manage("shell", "--no-imports", "-c", code, **environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# The production check


class TestDeployCheck:
    def test_production_settings_pass_the_deploy_check_without_any_warning(self):
        result = manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=SECRET,
        )
        assert result.returncode == 0, result.stderr
        assert "System check identified no issues" in result.stdout
        assert "WARNINGS" not in result.stderr

    @pytest.mark.parametrize(
        ("variable", "value", "warnings"),
        [
            ("DJANGO_SECURE_HSTS_SECONDS", "0", {"security.W004"}),
            ("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", "0", {"security.W005"}),
            ("DJANGO_SECURE_HSTS_PRELOAD", "0", {"security.W021"}),
            ("DJANGO_SECURE_COOKIES", "0", {"security.W012", "security.W016"}),
        ],
    )
    def test_weakening_a_protection_fails_the_check(self, variable, value, warnings):
        result = manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=SECRET,
            **{variable: value},
        )
        assert result.returncode != 0
        assert set(re.findall(r"security\.W\d+", result.stderr)) == warnings

    def test_turning_the_https_redirect_off_on_purpose_keeps_the_check_clean(self):
        environ = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": SECRET}
        result = manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DJANGO_SECURE_SSL_REDIRECT="0",
            **environ,
        )
        assert result.returncode == 0, result.stderr
        assert settings_in("SECURE_SSL_REDIRECT", DJANGO_SECURE_SSL_REDIRECT="0", **environ) == {
            "SECURE_SSL_REDIRECT": False
        }


class TestSettingsFromTheEnvironment:
    NAMES = (
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
    )

    def test_production_is_secure_by_default(self):
        assert settings_in(*self.NAMES, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=SECRET) == {
            "SECURE_SSL_REDIRECT": True,
            "SECURE_HSTS_SECONDS": YEAR,
            "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
            "SECURE_HSTS_PRELOAD": True,
            "SESSION_COOKIE_SECURE": True,
            "CSRF_COOKIE_SECURE": True,
            "SECURE_PROXY_SSL_HEADER": None,
        }

    def test_development_works_over_plain_http(self):
        values = settings_in(*self.NAMES)
        assert values["SECURE_SSL_REDIRECT"] is False
        assert values["SECURE_HSTS_SECONDS"] == 0
        assert values["SESSION_COOKIE_SECURE"] is False

    def test_behind_a_proxy_the_https_header_is_trusted(self):
        values = settings_in(
            "SECURE_PROXY_SSL_HEADER", DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https"
        )
        assert values == {"SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"]}

    @pytest.mark.parametrize("value", ["X-Forwarded-Proto,https", "HTTP_X_FORWARDED_PROTO"])
    def test_a_malformed_proxy_header_is_refused(self, value):
        result = manage("check", DJANGO_SECURE_PROXY_SSL_HEADER=value)
        assert result.returncode != 0
        assert "DJANGO_SECURE_PROXY_SSL_HEADER must be" in result.stderr


# Headers


@pytest.fixture
def production(settings, db):
    """What DJANGO_DEBUG=0 turns on, in this process."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = YEAR
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    return settings


def assert_protected(response, nonce=False):
    """Every protection is there; `nonce`: the policy names the request's nonce."""
    assert response["Strict-Transport-Security"] == f"max-age={YEAR}; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = POLICY
    if nonce:
        value = re.search(r"'nonce-([\w-]+)'", response["Content-Security-Policy"])[1]
        for directive in ("script-src", "style-src"):
            policy = policy.replace(f"{directive} 'self'", f"{directive} 'self' 'nonce-{value}'")
    assert response["Content-Security-Policy"] == policy


class TestHeaders:
    @pytest.mark.parametrize(
        ("name", "address", "status"),
        [
            ("home", lambda: reverse("home"), 200),
            ("article", None, 200),
            ("not found", lambda: "/en/no-such-page/", 404),
            ("API", lambda: reverse("api:article-list"), 200),
            ("API docs", lambda: reverse("api:docs"), 200),
            ("feed", lambda: reverse("feed-articles"), 200),
            ("robots", lambda: reverse("robots"), 200),
            ("static file", lambda: "/static/css/site.css", 200),
        ],
    )
    def test_every_kind_of_response_carries_the_protections(
        self, client, production, name, address, status
    ):
        article = ArticleFactory()
        url = article.get_absolute_url() if address is None else address()
        response = client.get(url, secure=True)
        assert response.status_code == status
        assert_protected(response)

    def test_a_cached_page_carries_them_too(self, client, production):
        ArticleFactory()
        first = client.get(reverse("article-list"), secure=True)
        second = client.get(reverse("article-list"), secure=True)
        assert first.context is not None
        assert second.context is None, "the second page was not served from the cache"
        assert_protected(second)

    def test_admin_pages_carry_them_with_a_nonce_for_the_admin_own_tags(self, client, production):
        client.force_login(EditorFactory())
        article = ArticleFactory()
        for url in (
            reverse("admin:index"),
            reverse("admin:articles_article_changelist"),
            reverse("admin:articles_article_change", args=[article.pk]),
        ):
            response = client.get(url, secure=True)
            assert response.status_code == 200
            assert_protected(response, nonce=True)
            nonce = re.search(r"'nonce-([\w-]+)'", response["Content-Security-Policy"])[1]
            page = response.content.decode()
            for tag in re.findall(r"<(?:script|style)\b[^>]*>", page):
                assert "src=" in tag or f'nonce="{nonce}"' in tag, tag

    def test_the_admin_login_page_carries_them(self, client, production):
        response = client.get(reverse("admin:login"), secure=True)
        assert response.status_code == 200
        assert_protected(response, nonce=True)

    def test_plain_http_is_sent_to_https(self, client, production):
        response = client.get(reverse("home"))
        assert response.status_code == 301
        assert response["Location"] == f"https://testserver{reverse('home')}"


class TestNoInlineCode:
    """The policy allows no inline script or style: none is written."""

    def test_templates_have_no_inline_script_style_or_event_handler(self):
        for path in (ROOT / "templates").rglob("*.html"):
            text = path.read_text()
            assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=|javascript:", text), path
            for tag in re.findall(r"<script\b[^>]*>", text):
                assert "src=" in tag or 'type="application/ld+json"' in tag, (path, tag)

    def test_the_api_docs_load_their_start_up_script_from_this_site(self, client, db):
        response = client.get(reverse("api:docs"))
        page = response.content.decode()
        assert "<style" not in page
        scripts = re.findall(r"<script\b([^>]*)>", page)
        assert scripts
        assert all("src=" in attributes for attributes in scripts)
        script = client.get(f"{reverse('api:docs')}?script=")
        assert script.status_code == 200
        assert script["Content-Type"].startswith("application/javascript")
        assert reverse("api:schema") in script.content.decode()

    def test_json_ld_is_a_data_block_without_a_nonce(self, client, db):
        """Browsers never run it, so the policy does not apply; the page stays cacheable."""
        response = client.get(ArticleFactory().get_absolute_url())
        assert '<script type="application/ld+json">' in response.content.decode()
        assert response["Content-Security-Policy"] == POLICY


# Cookies


def test_cookies_are_secure_http_only_and_same_site_in_production(client, production):
    EditorFactory(username="desk")
    login = reverse("admin:login")
    response = client.get(login, secure=True)
    csrf = response.cookies["csrftoken"]
    response = client.post(
        login,
        {"username": "desk", "password": PASSWORD, "next": reverse("admin:index")},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"


# Login lockout


def log_in(client, username, password, address="10.0.0.1"):
    """Through the admin's own login form, as a browser does it."""
    login = reverse("admin:login")
    client.get(login, REMOTE_ADDR=address)
    return client.post(
        login,
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


class TestLockout:
    @pytest.fixture
    def editor(self, db):
        return EditorFactory(username="desk")

    def lock(self, client, settings):
        for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
            response = log_in(client, "desk", f"wrong {attempt}")
            if attempt < settings.AXES_FAILURE_LIMIT:
                assert response.status_code == 200, attempt  # the form, with its error
        return response

    def test_repeated_failures_lock_the_account_with_a_clear_page(self, client, editor, settings):
        assert settings.AXES_FAILURE_LIMIT == 5
        response = self.lock(client, settings)
        assert response.status_code == 429
        page = response.content.decode()
        assert (
            "Too many failed logins: this account is locked for 15 minutes. "
            "Try again later or ask an administrator."
        ) in page
        assert '<header class="site-header">' in page  # the site's own page

    def test_the_right_password_is_refused_while_locked(self, client, editor, settings):
        self.lock(client, settings)
        response = log_in(client, "desk", PASSWORD)
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session
        assert client.get(reverse("admin:index")).status_code == 302  # to the login page

    def test_the_lock_holds_for_that_username_from_that_address_only(
        self, client, editor, settings
    ):
        EditorFactory(username="colleague")
        self.lock(client, settings)
        assert log_in(client, "colleague", PASSWORD).status_code == 302
        client.logout()
        assert log_in(client, "desk", PASSWORD, address="10.0.0.2").status_code == 302

    def test_an_administrator_lifts_the_lock(self, client, editor, settings):
        self.lock(client, settings)
        call_command("axes_reset", verbosity=0)
        response = log_in(client, "desk", PASSWORD)
        assert response.status_code == 302
        assert response["Location"] == reverse("admin:index")

    def test_a_successful_login_forgets_earlier_failures(self, client, editor, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            log_in(client, "desk", "wrong")
        assert log_in(client, "desk", PASSWORD).status_code == 302
        client.logout()
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert log_in(client, "desk", "wrong").status_code == 200
        assert log_in(client, "desk", PASSWORD).status_code == 302

    def test_behind_a_proxy_the_lock_holds_for_the_reader_not_the_proxy(
        self, client, editor, settings, monkeypatch
    ):
        """With NEWSROOM_PROXY_COUNT=1, every request comes from the load balancer's
        address; the client is the one its X-Forwarded-For names."""
        monkeypatch.setattr("newsroom.settings.PROXY_COUNT", 1)
        login = reverse("admin:login")

        def through_proxy(password, reader):
            return client.post(
                login,
                {"username": "desk", "password": password, "next": reverse("admin:index")},
                REMOTE_ADDR="10.0.0.254",
                # A client may write anything; the load balancer adds whom it served.
                HTTP_X_FORWARDED_FOR=f"10.9.9.9, {reader}",
            )

        for attempt in range(settings.AXES_FAILURE_LIMIT):
            response = through_proxy(f"wrong {attempt}", "203.0.113.7")
        assert response.status_code == 429
        assert through_proxy(PASSWORD, "198.51.100.20").status_code == 302


# The admin's address

ADMIN_PROBE = """
from django.test import Client
from django.urls import reverse
client = Client()
print(reverse("admin:index"), reverse("admin:login"))
print(client.get("/desk-7f3a/login/").status_code, client.get("/admin/login/").status_code)
print(client.get("/robots.txt").content.decode())
"""


class TestAdminAddress:
    def test_the_admin_moves_to_the_configured_address(self, tmp_path):
        result = manage(
            "shell",
            "--no-imports",
            "-c",
            ADMIN_PROBE,
            DJANGO_ADMIN_URL="desk-7f3a/",
            DATABASE_URL=f"sqlite:///{tmp_path / 'probe.sqlite3'}",
            CACHE_URL="dummy://",  # no page cache, so no database to set up
        )
        assert result.returncode == 0, result.stderr
        addresses, statuses, robots = result.stdout.split("\n", 2)
        assert addresses == "/desk-7f3a/ /desk-7f3a/login/"
        assert statuses == "200 404"
        assert "desk-7f3a" not in robots  # robots.txt does not give it away
        assert "admin" not in robots

    @pytest.mark.parametrize("value", ["/admin/", "admin", "", "admin//", "ad min/", "../x/"])
    def test_a_malformed_address_is_refused(self, value):
        result = manage("check", DJANGO_ADMIN_URL=value)
        assert result.returncode != 0
        assert "DJANGO_ADMIN_URL must be a path such as 'admin/'" in result.stderr


# Search snippets


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))


def tags_in(html):
    parser = Tags()
    parser.feed(str(html))
    parser.close()
    return parser.tags


class TestSnippets:
    def test_text_is_escaped_before_the_markers_become_mark_elements(self):
        snippet = f"{LT}b{GT}{MARK_START}Gagnon{MARK_END}{LT}/b{GT} & <i>co</i>"
        assert (
            str(highlight(snippet))
            == "&lt;b&gt;<mark>Gagnon</mark>&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;"
        )

    def test_unbalanced_markers_give_balanced_markup(self):
        assert str(highlight(f"end{MARK_END} and {MARK_START}start")) == (
            "end and <mark>start</mark>"
        )

    @given(
        st.text(
            alphabet=st.sampled_from(
                ["<", ">", "&", '"', "'", "=", "/", "a", " ", LT, GT, MARK_START, MARK_END]
            ),
            max_size=60,
        )
    )
    def test_only_bare_mark_elements_come_out(self, snippet):
        assert {(tag, tuple(attrs)) for tag, attrs in tags_in(highlight(snippet))} <= {("mark", ())}
