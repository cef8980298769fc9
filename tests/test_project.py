"""Set-up: migrations, the local admin account, settings from the environment."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_editors_group_may_edit_but_not_delete_whole_records():
    permissions = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert {"add_article", "change_article", "change_meeting", "add_translation"} <= permissions
    assert {"delete_translation", "delete_participant"} <= permissions
    assert "delete_article" not in permissions
    assert "delete_meeting" not in permissions


@pytest.mark.django_db
def test_ensure_local_admin_creates_one_account_and_says_how_to_log_in(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("ensure_local_admin", stdout=out)
    assert "as admin / admin" in out.getvalue()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password("admin")
    again = StringIO()
    call_command("ensure_local_admin", stdout=again)
    assert "existing superuser" in again.getvalue()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_ensure_local_admin_refuses_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local development only"):
        call_command("ensure_local_admin")
    assert not get_user_model().objects.exists()


def run_check(**environ):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_refuses_a_missing_secret_key():
    result = run_check(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_check(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr


def test_gunicorn_recycles_workers_as_configured(monkeypatch):
    """Workers are replaced after `NEWSROOM_MAX_REQUESTS` requests, with a tenth of
    jitter so that they are not all replaced at once; 0 never replaces them."""
    import importlib

    import newsroom.gunicorn

    monkeypatch.delenv("NEWSROOM_MAX_REQUESTS", raising=False)
    config = importlib.reload(newsroom.gunicorn)
    assert (config.max_requests, config.max_requests_jitter) == (100000, 10000)
    monkeypatch.setenv("NEWSROOM_MAX_REQUESTS", "0")
    config = importlib.reload(newsroom.gunicorn)
    assert (config.max_requests, config.max_requests_jitter) == (0, 0)
    monkeypatch.undo()
    importlib.reload(newsroom.gunicorn)
