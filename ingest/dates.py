"""Dates as news reports write them, in every language the desk reads.

Month and weekday names, and the words for "today" and "yesterday", come from
dateparser's language data (CLDR through Babel for the few languages dateparser lacks,
such as Turkmen, and for Levantine Arabic month names). The rules kept here are for what
those libraries do not read: case endings glued to a month ("oktyabrın", "noýabrynda",
"ნოემბერს"), ordinal suffixes on the day ("19-njy", "8-ին"), Mongolian numbered months
("9 дүгээр сарын 8"), numeric dates ("22.02.2021", "14.05.24", "2021-02-22") and a year
written before the day ("2024-nji ýylyň 11-nji aprelinde").

A date the text gives without a year stays without one: `DateMention.year` is None, and
only `in_year_of` places it, against a full date the same report gives.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

#: Languages read, by script, the commonest first. Codes are dateparser's locales.
SCRIPT_LANGUAGES = {
    "Latn": ["en", "fr", "es", "de", "it", "pt", "az", "tr", "tk", "uz", "ro"],
    "Cyrl": ["ru", "uk", "kk", "uz-Cyrl", "ky", "mn"],
    "Armn": ["hy"],
    "Geor": ["ka"],
    "Arab": ["ar", "fa"],
}
#: Locales Babel (CLDR) adds month and weekday names from: languages dateparser lacks,
#: and the Levantine Arabic month names.
BABEL_LOCALES = {"tk": ["tk"], "ar": ["ar_SY", "ar"], "uz-Cyrl": ["uz_Cyrl"], "fa": ["fa"]}
MONTH_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: Final letters a case ending replaces: "среда" -> "среду", "ნოემბერი" -> "ნოემბერს".
STEM_VOWELS = "аеиоуыьяюіaeiouyıəüიაე"
#: The longest tail a case ending adds to a month or weekday name ("-da", "-ին", "-ს").
MAX_ENDING = 6

COMBINING_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u064b-\u065f\u0670\u1ab0-\u1aff"
    "\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
APOSTROPHES = re.compile("[’ʼʻ`‘´]")


def fold(text):
    """Lower case without diacritics, for comparing spellings: "Türk" -> "turk"."""
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


@dataclass(frozen=True)
class DateMention:
    """A date as a text writes it: the day and year may be missing."""

    start: int
    end: int
    month: int
    day: int | None = None
    year: int | None = None

    @property
    def date(self):
        """The full date, or None without a year or day, or when there is no such day."""
        if self.year is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def day_and_month(self):
        """(month, day) when both are given and can exist together, else None."""
        if self.day is None:
            return None
        try:
            dt.date(2000, self.month, self.day)  # a leap year: 29 February exists
        except ValueError:
            return None
        return self.month, self.day


# Language guessing

#: Letters of each script the desk reads.
SCRIPTS = {
    "Latn": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "Cyrl": re.compile(r"[\u0400-\u052f]"),
    "Armn": re.compile(r"[\u0530-\u058f]"),
    "Geor": re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]"),
    "Arab": re.compile(r"[\u0600-\u06ff]"),
}


def script_of(text):
    """The script most letters of `text` are written in (ISO 15924), Latin by default."""
    sample = text[:600]
    counts = {script: len(pattern.findall(sample)) for script, pattern in SCRIPTS.items()}
    return max(counts, key=counts.get)


#: Letters that tell one language from the others of its script, tried in order.
LANGUAGE_LETTERS = {
    "Cyrl": [
        ("uz-Cyrl", "ўҳ"),
        ("kk", "әұһ"),
        ("uk", "їєґ"),
        ("kk", "іқғң"),
        ("uk", "і"),
        ("mn", "өү"),
    ],
    "Latn": [
        ("az", "əƏ"),
        ("tk", "ňýžŇÝŽ"),
        ("ro", "șțăȘȚĂ"),
        ("tr", "ıİğĞ"),
        ("uz", "ʻ"),
        ("de", "ß"),
        ("es", "ñ¿¡"),
        ("pt", "ãõ"),
        ("fr", "çèêœ"),
    ],
}


def guess_languages(text):
    """The languages the text may be in, the likeliest first, judged by its letters.

    A cheap guess, for choosing month names: every language of the text's script is
    listed, so a wrong first guess only changes which spelling wins where two collide.
    """
    script = script_of(text)
    languages = list(SCRIPT_LANGUAGES[script])
    sample = text[:3000]
    for language, letters in LANGUAGE_LETTERS.get(script, []):
        if any(letter in sample for letter in letters):
            languages.remove(language)
            languages.insert(0, language)
            break
    return tuple(languages)


def languages_for(language, text):
    """The date languages to read `text` in: `language` (ISO 639-1) first when given."""
    guessed = guess_languages(text)
    if not language:
        return guessed
    preferred = [code for code in (language, f"{language}-Cyrl") if code in all_languages()]
    if language == "uz" and script_of(text) == "Latn":
        preferred = ["uz"]
    return tuple(dict.fromkeys([*preferred, *guessed]))


@cache
def all_languages():
    return {code for codes in SCRIPT_LANGUAGES.values() for code in codes}


# Vocabulary


@cache
def dateparser_info(language):
    """dateparser's data for a language ({} when it has none)."""
    from dateparser.languages.loader import default_loader

    try:
        return default_loader.get_locale(language).info
    except ValueError:
        return {}


@cache
def babel_names(language, kind):
    """CLDR month (kind "months") or weekday ("days") names: {number: [names]}."""
    from babel.dates import get_day_names, get_month_names

    names = {}
    for locale in BABEL_LOCALES.get(language, []):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                if kind == "months":
                    table = get_month_names(width, context, locale)
                    items = table.items()
                else:
                    items = (
                        (day + 1, name)
                        for day, name in get_day_names(width, context, locale).items()
                    )
                for number, name in items:
                    names.setdefault(number, []).append(name)
    return names


def spellings(language, keys, kind):
    """{folded spelling: number} for months or weekdays (numbered from 1) of a language."""
    info = dateparser_info(language)
    table = {}
    extra = babel_names(language, kind)
    for number, key in enumerate(keys, start=1):
        for name in [*info.get(key, []), *extra.get(number, [])]:
            folded = fold(name).strip(".")
            if not folded or re.search(r"\d", folded):
                continue
            table.setdefault(folded, number)
            if folded.endswith((" сар", " sar")):  # Mongolian "тавдугаар сар"
                table.setdefault(folded.rsplit(" ", 1)[0], number)
    return table


@cache
def month_table(language):
    """{folded month name: number} for one language."""
    return spellings(language, MONTH_KEYS, "months")


@cache
def weekday_table(language):
    """{folded weekday name: ISO weekday number - 1} for one language, full names only."""
    return {
        name: number - 1
        for name, number in spellings(language, WEEKDAY_KEYS, "days").items()
        if len(name) >= 4
    }


@cache
def relative_words(language):
    """(today words, yesterday words) of a language, folded."""
    relative = dateparser_info(language).get("relative-type", {})
    today = {fold(w) for w in relative.get("0 day ago", []) if w != "till date"}
    yesterday = {fold(w) for w in relative.get("1 day ago", [])}
    return today, yesterday


def lookup(word, tables, *, truncate=True):
    """The number a month or weekday name stands for, its case ending allowed.

    Tables are tried in order. A name not found as written is tried with its last letter
    in place of a final vowel ("ნოემბერს" -> "ნოემბერი", "среду" -> "среда") and, with
    `truncate`, without an ending of up to MAX_ENDING letters ("oktyabrın" -> "oktyabr").
    """
    word = fold(word).strip(".")
    if not word:
        return None
    for table in tables:
        if word in table:
            return table[word]
    for cut in range(1, min(MAX_ENDING, len(word) - 3) + 1):
        stem = word[:-cut]
        long_enough = len(stem) >= 4 or cut == 1
        for table in tables:
            number = table.get(stem) if truncate else None
            if number is not None and long_enough:
                return number
            for vowel in STEM_VOWELS if cut == 1 else "":
                number = table.get(stem + vowel)
                if number is not None and len(stem) >= 4:
                    return number
    return None


@lru_cache(maxsize=4096)
def month_number(word, languages):
    """The month a word names in one of `languages` (likeliest first), or None."""
    tables = [month_table(language) for language in languages]
    number = lookup(word, tables)
    if number is None and len(fold(word)) >= 3:
        others = sorted(all_languages() - set(languages))
        number = lookup(word, [month_table(language) for language in others])
    if number is None or (len(fold(word).strip(".")) < 3 and script_of(word) == "Latn"):
        return None
    return number


@lru_cache(maxsize=4096)
def weekday_number(word, languages):
    """The weekday (Monday 0) a word names in one of `languages`, or None."""
    return lookup(word, [weekday_table(language) for language in languages], truncate=False)


# Finding dates

WORD = r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_])){1,24}\.?"
YEAR = r"(?:19|20)\d{2}"
DAY_SUFFIX = r"(?:\.|-?[^\W\d_]{1,4}\.?)?"
PATTERN = re.compile(
    rf"(?<![\w.])(?:"
    rf"(?P<iso_year>{YEAR})-(?P<iso_month>\d{{1,2}})(?:-(?P<iso_day>\d{{1,2}}))?(?![\d:])|"
    rf"(?P<ymd_year>{YEAR})[./](?P<ymd_month>\d{{1,2}})[./](?P<ymd_day>\d{{1,2}})(?!\d)|"
    rf"(?P<num_day>\d{{1,2}})(?P<sep>[./])(?P<num_month>\d{{1,2}})(?P=sep)"
    rf"(?P<num_year>{YEAR}|\d{{2}})(?![\d:])|"
    rf"(?:(?P<mn_year>{YEAR})\s*оны\s+)?(?:(?P<mn_month>\d{{1,2}})\s*-?\s*(?:р|дугаар|дүгээр)|"
    rf"(?P<mn_word>(?:арван\s+)?[^\W\d_]+(?:дугаар|дүгээр)))\s+сарын\s+(?P<mn_day>\d{{1,2}})|"
    rf"(?P<yf_year>{YEAR})(?:-?[^\W\d_]{{1,4}})?\s+(?:[^\W\d_]{{1,8}}\s+)?"
    rf"(?P<yf_day>\d{{1,2}}){DAY_SUFFIX}[\s\-]+(?P<yf_month>{WORD})|"
    rf"(?P<dm_day>\d{{1,2}}){DAY_SUFFIX}[\s\-]+(?:de\s+)?(?P<dm_month>{WORD})"
    rf"(?:,?\s*(?:de\s+|del\s+)?(?P<dm_year>{YEAR})(?!\d))?|"
    rf"(?P<md_month>{WORD})\s+(?:de\s+)?(?P<md_day>\d{{1,2}})(?![\d.:]\d){DAY_SUFFIX}"
    rf"(?:,?\s*(?P<md_year>{YEAR})(?!\d))?"
    rf")",
    re.IGNORECASE,
)
TIME = re.compile(r"(?<!\d)(?P<hours>[01]?\d|2[0-3])[:.](?P<minutes>[0-5]\d)(?!\d)")


def short_year(text):
    """A two-digit year ("24") read as in this century; a four-digit one as written."""
    year = int(text)
    return year + 2000 if year < 100 else year


def mention_of(match, languages):
    """The `DateMention` a PATTERN match stands for, or None when it is no date."""
    group = match.group
    if group("iso_year"):
        month, day, year = group("iso_month"), group("iso_day"), group("iso_year")
    elif group("ymd_year"):
        month, day, year = group("ymd_month"), group("ymd_day"), group("ymd_year")
    elif group("num_day"):
        month, day, year = group("num_month"), group("num_day"), short_year(group("num_year"))
    elif group("mn_day"):
        month = group("mn_month") or month_number(group("mn_word") or "", languages)
        day, year = group("mn_day"), group("mn_year")
    elif group("yf_year"):
        month = month_number(group("yf_month"), languages)
        day, year = group("yf_day"), group("yf_year")
    elif group("dm_day"):
        month = month_number(group("dm_month"), languages)
        day, year = group("dm_day"), group("dm_year")
    else:
        month = month_number(group("md_month"), languages)
        day, year = group("md_day"), group("md_year")
    if not month or not 1 <= int(month) <= 12:
        return None
    day = int(day) if day else None
    if day is not None and not 1 <= day <= 31:
        return None
    return DateMention(match.start(), match.end(), int(month), day, int(year) if year else None)


def find_dates(text, languages):
    """Every date `text` writes, in order: full, or day and month, or year and month (ISO)."""
    found, position = [], 0
    while True:
        match = PATTERN.search(text, position)
        if not match:
            return found
        mention = mention_of(match, languages)
        if mention is None:
            position = match.start() + 1
            continue
        found.append(mention)
        position = match.end()


def time_after(text, position, within=16):
    """A time of day ("16:05") written at most `within` characters after `position`."""
    match = TIME.search(text, position, position + within + 5)
    if not match or re.search(r"[^\W\d_]{3}", text[position : match.start()]):
        return None
    return dt.time(int(match["hours"]), int(match["minutes"]))


@lru_cache(maxsize=1024)
def search_full_date(text, languages):
    """A full date anywhere in a short text, read by dateparser's search: the fallback
    for a time-stamp line none of the patterns above read."""
    from dateparser.search import search_dates

    codes = [code for code in languages if dateparser_info(code)]
    try:
        found = search_dates(text, languages=codes or None, settings=search_settings())
    except (ValueError, OverflowError):
        return None
    for written, moment in found or []:
        if re.search(r"\d", written) and re.search(YEAR, written):
            return moment.date()
    return None


@cache
def search_settings():
    """dateparser settings: day, month and year required, nothing relative to today."""
    return {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
        "RELATIVE_BASE": dt.datetime(1900, 1, 1),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
    }


# Years and relative days


def in_year_of(month, day, reference, slack_days=7):
    """The day and month placed in the year of `reference`, a date the same report gives:
    the year before when that would put it more than `slack_days` after the reference."""
    for year in (reference.year, reference.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= reference + dt.timedelta(days=slack_days):
            return date
    return None


@lru_cache(maxsize=256)
def relative_pattern(languages):
    """Words for "today", "yesterday" and weekdays: (compiled pattern, meaning by word)."""
    meanings = {}
    for language in languages:
        today, yesterday = relative_words(language)
        for word in today:
            meanings.setdefault(word, "today")
        for word in yesterday:
            meanings.setdefault(word, "yesterday")
    words = sorted(meanings, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
    return pattern, meanings


def relative_day(text, languages, published):
    """The day "today", "yesterday" or a weekday name in `text` stands for, counted from
    the publication date; None without one of them or without a publication date."""
    if published is None:
        return None
    folded = fold(APOSTROPHES.sub("'", text))
    pattern, meanings = relative_pattern(languages)
    match = pattern.search(folded)
    if match:
        meaning = meanings[match.group()]
        return published if meaning == "today" else published - dt.timedelta(days=1)
    for word in re.findall(r"[^\W\d_]{4,}", folded):
        weekday = weekday_number(word, languages)
        if weekday is not None:
            return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    return None
