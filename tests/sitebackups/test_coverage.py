"""A backup holds every model of the project's own apps, but those left out on purpose:
an app that gains models (or a model that moves to a new app) must be named in
`PROJECT_APPS`, or its rows would silently be missing from every backup."""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from sitebackups import schema


def project_models():
    """The models of the apps at the project's root (not Django's, not installed ones)."""
    root = Path(settings.BASE_DIR).resolve()
    return {
        model
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == root
        for model in config.get_models()
    }


def test_every_model_of_the_projects_apps_is_backed_up_or_left_out_on_purpose():
    left_out = {apps.get_model(label) for label in schema.LEFT_OUT}
    backed_up = set(schema.backed_up_models())

    assert project_models() - left_out == {
        model for model in backed_up if model._meta.app_label not in schema.NATURAL_KEY_APPS
    }
    assert left_out <= project_models()
