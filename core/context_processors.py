from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

#: Open Graph wants a territory with the language.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def site(request):
    """What every page's head and header need: the interface languages with this page's
    address in each (for the switcher and hreflang), and this page's canonical address.

    A view may put its own `canonical_url` in the context; it wins over this one.
    """
    current = get_language()
    path = request.get_full_path()
    page = request.GET.get("page")
    canonical = request.build_absolute_uri(request.path)
    if page and page.isdigit() and page != "1":
        canonical += f"?page={page}"
    languages = [
        {
            "code": code,
            "name": name,
            "url": address_in(path, code, current),
            "is_current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "site_name": settings.SITE_NAME,
        "site_description": _(
            "Reports on states' meetings with UN and other human-rights bodies, "
            "in every language they were published in."
        ),
        "canonical_url": canonical,
        "og_locale": OG_LOCALES.get(current) or to_locale(current or settings.LANGUAGE_CODE),
        "interface_languages": languages,
        "x_default_url": address_in(path, settings.LANGUAGE_CODE, current),
    }


def address_in(path, language, current):
    """This page's address in another interface language: the same path under that
    language's prefix, as the site's addresses are not translated (what `translate_url`
    finds by resolving the address and reversing it, three times a page). An address
    that names no page (a 404) keeps its path under the other language's prefix too;
    one outside the language prefixes (the API) is the same in every language."""
    prefix = f"/{current}/"
    if path.startswith(prefix):
        return f"/{language}/{path.removeprefix(prefix)}"
    return translate_url(path, language)
