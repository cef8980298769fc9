"""The content languages: every language a report may be in, by ISO 639-1 code, with
their names in the interface's language and in their own."""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext_noop
from django.utils.translation import gettext_lazy as _

#: The desk's languages, listed first in every choice.
DESK_LANGUAGES = [
    "en",
    "fr",
    "ru",
    "az",
    "es",
    "de",
    "ar",
    "tr",
    "hy",
    "ka",
    "uk",
    "fa",
    "it",
    "pt",
]
#: Every content language's name, marked for translation (the interface writes them
#: as its own language does: "anglais", "kazakh"); the desk's come first.
NAMES = {
    "en": gettext_noop("English"),
    "fr": gettext_noop("French"),
    "ru": gettext_noop("Russian"),
    "az": gettext_noop("Azerbaijani"),
    "es": gettext_noop("Spanish"),
    "de": gettext_noop("German"),
    "ar": gettext_noop("Arabic"),
    "tr": gettext_noop("Turkish"),
    "hy": gettext_noop("Armenian"),
    "ka": gettext_noop("Georgian"),
    "uk": gettext_noop("Ukrainian"),
    "fa": gettext_noop("Persian"),
    "it": gettext_noop("Italian"),
    "pt": gettext_noop("Portuguese"),
    "af": gettext_noop("Afrikaans"),
    "be": gettext_noop("Belarusian"),
    "bg": gettext_noop("Bulgarian"),
    "bn": gettext_noop("Bengali"),
    "br": gettext_noop("Breton"),
    "bs": gettext_noop("Bosnian"),
    "ca": gettext_noop("Catalan"),
    "cs": gettext_noop("Czech"),
    "cy": gettext_noop("Welsh"),
    "da": gettext_noop("Danish"),
    "el": gettext_noop("Greek"),
    "eo": gettext_noop("Esperanto"),
    "et": gettext_noop("Estonian"),
    "eu": gettext_noop("Basque"),
    "fi": gettext_noop("Finnish"),
    "fy": gettext_noop("Frisian"),
    "ga": gettext_noop("Irish"),
    "gd": gettext_noop("Scottish Gaelic"),
    "gl": gettext_noop("Galician"),
    "gu": gettext_noop("Gujarati"),
    "he": gettext_noop("Hebrew"),
    "hi": gettext_noop("Hindi"),
    "hr": gettext_noop("Croatian"),
    "ht": gettext_noop("Haitian Creole"),
    "hu": gettext_noop("Hungarian"),
    "ia": gettext_noop("Interlingua"),
    "id": gettext_noop("Indonesian"),
    "ig": gettext_noop("Igbo"),
    "io": gettext_noop("Ido"),
    "is": gettext_noop("Icelandic"),
    "ja": gettext_noop("Japanese"),
    "kk": gettext_noop("Kazakh"),
    "km": gettext_noop("Khmer"),
    "kn": gettext_noop("Kannada"),
    "ko": gettext_noop("Korean"),
    "ky": gettext_noop("Kyrgyz"),
    "la": gettext_noop("Latin"),
    "lb": gettext_noop("Luxembourgish"),
    "lg": gettext_noop("Ganda"),
    "lt": gettext_noop("Lithuanian"),
    "lv": gettext_noop("Latvian"),
    "mi": gettext_noop("Maori"),
    "mk": gettext_noop("Macedonian"),
    "ml": gettext_noop("Malayalam"),
    "mn": gettext_noop("Mongolian"),
    "mr": gettext_noop("Marathi"),
    "ms": gettext_noop("Malay"),
    "my": gettext_noop("Burmese"),
    "nb": gettext_noop("Norwegian Bokmål"),
    "ne": gettext_noop("Nepali"),
    "nl": gettext_noop("Dutch"),
    "nn": gettext_noop("Norwegian Nynorsk"),
    "os": gettext_noop("Ossetic"),
    "pa": gettext_noop("Punjabi"),
    "pl": gettext_noop("Polish"),
    "ro": gettext_noop("Romanian"),
    "sk": gettext_noop("Slovak"),
    "sl": gettext_noop("Slovenian"),
    "sn": gettext_noop("Shona"),
    "so": gettext_noop("Somali"),
    "sq": gettext_noop("Albanian"),
    "sr": gettext_noop("Serbian"),
    "st": gettext_noop("Sotho"),
    "sv": gettext_noop("Swedish"),
    "sw": gettext_noop("Swahili"),
    "ta": gettext_noop("Tamil"),
    "te": gettext_noop("Telugu"),
    "tg": gettext_noop("Tajik"),
    "th": gettext_noop("Thai"),
    "tk": gettext_noop("Turkmen"),
    "tl": gettext_noop("Tagalog"),
    "tn": gettext_noop("Tswana"),
    "ts": gettext_noop("Tsonga"),
    "tt": gettext_noop("Tatar"),
    "ug": gettext_noop("Uyghur"),
    "ur": gettext_noop("Urdu"),
    "uz": gettext_noop("Uzbek"),
    "vi": gettext_noop("Vietnamese"),
    "xh": gettext_noop("Xhosa"),
    "yo": gettext_noop("Yoruba"),
    "zh": gettext_noop("Chinese"),
    "zu": gettext_noop("Zulu"),
}


def content_languages():
    """(code, lazily translated name) for every content language, the desk's first."""
    return [(code, _(name)) for code, name in NAMES.items()]


class FixedChoices(tuple):
    """Choices that never change, shared instead of copied: forms and filter sets
    deep-copy their fields for every request, which for every content language cost a
    list page a tenth of its time."""

    def __deepcopy__(self, memo):
        return self


LANGUAGES = content_languages()
#: The same, for the filters of public lists.
LANGUAGE_CHOICES = FixedChoices(LANGUAGES)
LANGUAGE_CODES = {code for code, _ in LANGUAGES}


LANGUAGE_NAMES = dict(LANGUAGES)


def language_name(code):
    """The language's name in the interface language ("French" or "français")."""
    return str(LANGUAGE_NAMES.get(code, code))


def language_name_local(code):
    """The language's name in that language ("Français"), for links to versions."""
    try:
        return capfirst(get_language_info(code)["name_local"])
    except KeyError:
        return code


def interface_language(language):
    """The interface language best suited to content in `language`: its own where the
    site speaks it, else the default. Articles are canonical at that prefix."""
    if language in dict(settings.LANGUAGES):
        return language
    return settings.LANGUAGE_CODE
