"""The WSGI application `bench/run` measures first: Django with the site's settings and
middleware, and one bare view (`bench.ceiling_urls`). No page of the site can be faster
under the same server, so each page is reported as a share of it."""

import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.ceiling_settings"

application = get_wsgi_application()
