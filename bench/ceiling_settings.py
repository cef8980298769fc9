"""Settings of the benchmark's ceiling (`bench/ceiling.py`): the site's own settings,
middleware included, with a URLconf of one bare view."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.ceiling_urls"
