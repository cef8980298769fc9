import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from tests import chromium
from tests.factories import EditorFactory, ReviewerFactory, TranslatorFactory


@pytest.fixture
def seed(db):
    """The seed fixture, loaded as `make run` loads it."""
    call_command("loaddata", "seed", verbosity=0)


@pytest.fixture
def editor(db):
    return EditorFactory(username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer(db):
    return ReviewerFactory(username="reviewer")


@pytest.fixture
def translator(db):
    return TranslatorFactory(username="translator")


@pytest.fixture(autouse=True)
def interface_language():
    """Each test starts in the default interface language: a request under /fr/ leaves
    French active in the thread, which would change what later `reverse()` calls give."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so no page cached by another test is served."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def open_data_dir(settings, tmp_path):
    """The open-data archive's folder (`manage.py build_archive`): each test's own, empty
    until the test builds a version."""
    settings.OPEN_DATA_DIR = tmp_path / "opendata"
    return settings.OPEN_DATA_DIR


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """Headless Chromium for a browser test module (`tests.chromium`)."""
    yield from chromium.launch()
