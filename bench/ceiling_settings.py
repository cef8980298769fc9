"""Settings of the benchmark's reference server (`bench/ceiling.py`): the site's own
settings, middleware included, with the URLconf of the bare view and the textbook pages.
Their templates render as in a new Django project: the context processors
`startproject` writes, none of the site's."""

from pathlib import Path

from newsroom.settings import *  # noqa: F403
from newsroom.settings import TEMPLATES

ROOT_URLCONF = "bench.ceiling_urls"
TEMPLATES = [
    {
        **TEMPLATES[0],
        "DIRS": [Path(__file__).parent / "templates", *TEMPLATES[0]["DIRS"]],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
