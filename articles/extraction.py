"""Read scraped news-report text: clean body, dateline, dates, byline, outlet signals.

Nothing here touches the database. `extract()` returns what the text itself says;
`articles.matching` then recognises known outlets, people and organizations, and
`articles.importers` writes articles.
"""

import contextlib
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property

from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_3, MONTHS_ALT, MONTHS_AP, WEEKDAYS

#: Languages whose month names datelines and dates may use.
DATE_LANGUAGES = ["en", "fr", "ru", "az", "es", "de", "ar", "tr", "uk", "it", "pt"]

#: Month spellings Django's catalogues lack: Levantine Arabic names, short and
#: unaccented forms agencies use.
EXTRA_MONTHS = {
    1: ["كانون الثاني", "janv", "ene", "ocak"],
    2: ["شباط", "fevr", "feb", "subat"],
    3: ["آذار", "mars", "marz", "mar"],
    4: ["نيسان", "avr", "apr", "abr"],
    5: ["أيار", "mai", "may"],
    6: ["حزيران", "juin", "jun"],
    7: ["تموز", "juil", "jul"],
    8: ["آب", "aout", "aug", "ago", "avq"],
    9: ["أيلول", "sept", "sep", "set", "setiembre", "eylul", "sen"],
    10: ["تشرين الأول", "oct", "okt", "ekim"],
    11: ["تشرين الثاني", "nov", "noy", "kasim"],
    12: ["كانون الأول", "dec", "dic", "dez", "dek", "aralik"],
}

TODAY_WORDS = {
    "today",
    "aujourd'hui",
    "aujourd’hui",
    "сегодня",
    "bu gün",
    "bugün",
    "hoy",
    "heute",
    "اليوم",
}
YESTERDAY_WORDS = {"yesterday", "hier", "вчера", "dünən", "dün", "ayer", "gestern", "أمس"}

#: Lines of page furniture: widgets, share bars, "read more", ads, copyright.
FURNITURE_WORDS = {
    "share",
    "print",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "e-mail",
    "copy",
    "link",
    "comments",
    "comment",
    "partager",
    "imprimer",
    "поделиться",
    "печать",
    "paylaş",
    "yazdır",
    "paylas",
    "compartir",
    "imprimir",
    "teilen",
    "drucken",
    "مشاركة",
    "طباعة",
    "vk",
    "ok",
    "a+",
    "a-",
    "a",
    "+",
    "-",
    "−",
    "↺",
    "px",
    "font",
    "size",
    "reddit",
    "messenger",
    "viber",
}
FURNITURE_PHRASES = re.compile(
    r"^(?:(?:read (?:more|also)|related(?: news| articles)?|see also|"
    r"lire (?:aussi|la suite|également)|à lire aussi|leer más|lea también|"
    r"mehr (?:lesen|zum thema)|читайте (?:также|еще|ещё)|"
    r"devamını oku|ilgili haberler|ətraflı|həmçinin oxuyun|اقرأ (?:المزيد|أيضا))\b.{0,200}|"
    r"follow us\b.*|subscribe\b.*|подписывайтесь\b.*|abonnez-vous\b.*|"
    r"advertisement|sponsored|reklam|реклама|publicité|anuncio|anzeige|"
    r"(?:tags|теги|тэги|etiketler|etiketlər|mots-clés|schlagworte|etiquetas)\s*:?.*|"
    r"(?:reading time|lesezeit|temps de lecture|время чтения|okuma süresi)\s*:?.*|"
    r"\d+\s*(?:min read|мин\.? чтения)|"
    r"cookies?\b.*|we use cookies\b.*|accept(?: all)?(?: cookies)?|"
    r"(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*|.*все права защищены.*|"
    r".*tous droits réservés.*|.*todos los derechos reservados.*|.*alle rechte vorbehalten.*|"
    r".*bütün hüquqlar qorunur.*|.*tüm hakları saklıdır.*|.*جميع الحقوق محفوظة.*|"
    r".*\babonelik için\b.*|.*\bsubscribers?\b.{0,80}\bsubscription\b.*|"
    r"[a-z]{2,4}(?:/[a-z]{2,4})+)[.!:]?$",
    re.IGNORECASE,
)
#: A line that starts the boilerplate block some aggregators append; drop it and the rest.
TRAILER = re.compile(r"^(?:legal disclaimer|disclaimer|avertissement)\s*:?$", re.IGNORECASE)
#: A heading over a list of tags or other stories; dropped with the short lines after it.
TRAILER_HEADING = re.compile(
    r"^(?:tags|теги|тэги|etiketler|etiketlər|mots-clés|schlagworte|etiquetas|read (?:more|also)|"
    r"related(?: news| articles| stories)?|see also|lire aussi|à lire aussi|lea también|"
    r"mehr zum thema|читайте также|ilgili haberler|həmçinin oxuyun|اقرأ أيضا)\s*:?$",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:19|20)\d{2})(?!\d)"
    r"(?:\D{0,12}?(?P<time>\d{1,2}:\d{2}))?"
)
WIDGET = re.compile(r"[+\-−–↺A\s]*\d+\s*px\b|(?:\bA[+\-−]\s*){2,}A?\b|[+]\s*↺\s*[−\-]")
TIMESTAMP = re.compile(
    r"^(?P<date>\d{1,2}\s+\w+\s+\d{4})\s+(?P<time>\d{1,2}:\d{2})"
    r"(?:\s*\(?(?:UTC|GMT)\s*(?P<offset>[+\-−]\d{1,2}(?::?\d{2})?)\)?)?\s*$"
)
HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b(?P<rest>.*)$", re.IGNORECASE)
MENAFN_TAG = re.compile(r"\(\s*MENAFN\s*[-–—]\s*(?P<agency>[^)]+?)\s*\)", re.IGNORECASE)
READ_MORE = re.compile(
    r"\b(?:read more|lire la suite|читать далее|leer más|mehr lesen|devamını oku|ətraflı)\b\W*$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:by|par|por|von|автор|müəllif|yazar|بقلم)\s*:?\s*(?P<name>[^\W\d_][\w.’'\- ]{2,60})$",
    re.IGNORECASE,
)
PERSON_NAME = re.compile(r"^(?:[^\W\d_][\w’'\-]*\.?\s+){1,3}[^\W\d_][\w’'\-]+$")

#: Phrases that name the outlet reporting ("..., Trend reports.") or the source it
#: took the story from ("As Azertaj was told by ...").
NAME = r"(?P<name>[^\W\d_][\w.\-ƏəÜüÖöĞğŞşÇçİı]*(?:\s+[A-ZА-ЯƏÜÖĞŞÇİ][\w.\-]*){0,2})"
OUTLET_PHRASES = [
    re.compile(
        rf"[,–—-]\s*{NAME}\s+(?:reports|reported|informs)\b(?=\s+via\b|\s+citing\b|\s*[.,;]|\s*$)"
    ),
    re.compile(rf"\btold\s+{NAME}(?=\s*[.,;]|\s*$)"),
    re.compile(
        rf"[,–—-]\s*(?:сообщает|передает|передаёт|информирует|пишет)\s+{NAME}"
        r"(?=\s*[.,;]|\s*$|\s+(?:со ссылкой|ссылаясь))"
    ),
    re.compile(rf"[,–—-]\s*{NAME}\s+(?:xəbər verir|məlumat verir)(?=\s*[.,;]|\s*$)"),
    re.compile(rf"[,–—-]\s*(?:xəbər verir|məlumat verir)\s+{NAME}(?=\s*[.,;]|\s*$)"),
    re.compile(rf"[,–—-]\s*(?:rapporte|indique|annonce|informe)\s+{NAME}(?=\s*[.,;]|\s*$)"),
    re.compile(rf"[,–—-]\s*(?:informa|informó|según informa|reporta)\s+{NAME}(?=\s*[.,;]|\s*$)"),
    re.compile(rf"[,–—-]\s*(?:berichtet|meldet|berichtete|meldete)\s+{NAME}(?=\s*[.,;]|\s*$)"),
    re.compile(rf"[,–—-]\s*{NAME}\s+(?:bildirdi|bildiriyor|haber verdi)(?=\s*[.,;]|\s*$)"),
]
SOURCE_PHRASES = [
    re.compile(rf"\b[Aa]s\s+{NAME}\s+was\s+told\b"),
    re.compile(rf"\b(?:according to|citing)\s+{NAME}(?=\s*[.,;])"),
]
NOT_OUTLET_WORDS = {
    "the",
    "it",
    "he",
    "she",
    "they",
    "this",
    "ministry",
    "minister",
    "government",
    "office",
    "president",
    "sources",
    "source",
    "media",
    "press",
    "agency",
    "state",
    "un",
    "он",
    "она",
}

DANGLING_WORDS = {
    "of",
    "for",
    "the",
    "to",
    "and",
    "in",
    "on",
    "de",
    "des",
    "du",
    "la",
    "le",
    "et",
    "a",
}
SENTENCE_END = re.compile(r"(?<=[.!?؟。])[\"”»’)]*\s+(?=[\"“«(]?[^\W\d_])")


@dataclass
class Extraction:
    """What a scraped report says about itself."""

    body: str = ""
    title: str = ""
    title_is_provisional: bool = False
    language: str | None = None
    published: dt.date | None = None
    published_time: dt.time | None = None
    published_offset: dt.timezone | None = None
    year_inferred: bool = False
    dateline: str = ""
    byline: str = ""
    source_url: str = ""
    event_date: dt.date | None = None
    tag_outlet: str = ""
    dateline_tag: str = ""
    reporting_names: list[str] = field(default_factory=list)
    signature_names: list[str] = field(default_factory=list)
    sitename: str = ""
    agency_names: list[str] = field(default_factory=list)

    def outlet_candidates(self):
        """Names that may be the publishing outlet, the likeliest first."""
        names = [self.tag_outlet, *self.signature_names, *self.reporting_names]
        return [name for name in [*names, self.dateline_tag, self.sitename] if name]

    def agency_candidates(self):
        """Names that may be the agency the story came from, the likeliest first."""
        return [
            name for name in [*self.agency_names, self.dateline_tag, *self.reporting_names] if name
        ]

    @property
    def paragraphs(self):
        return self.body.split("\n\n") if self.body else []

    @cached_property
    def fingerprint(self):
        return fingerprint(self.body)


COMBINING_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u064b-\u065f\u0670\u1ab0-\u1aff"
    "\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def fold(text):
    """Lower case without diacritics, for comparing spellings: "Türk" -> "turk"."""
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


TODAY_FOLDED = {fold(word) for word in TODAY_WORDS}
YESTERDAY_FOLDED = {fold(word) for word in YESTERDAY_WORDS}


def fingerprint(body):
    """A hash of the report's words, blind to case, accents, spacing and punctuation."""
    words = re.findall(r"\w+", fold(body))
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def normalise(text):
    """NFC, one kind of line break, no invisible characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def collapse(text):
    return " ".join(text.split())


@cache
def month_numbers():
    """Every spelling of every month in the date languages, folded, to its number."""
    names = {}
    for language in DATE_LANGUAGES:
        with translation.override(language):
            for table in (MONTHS, MONTHS_ALT, MONTHS_3, MONTHS_AP):
                for number, name in table.items():
                    names[fold(str(name)).rstrip(".")] = number
    for number, spellings in EXTRA_MONTHS.items():
        for spelling in spellings:
            names[fold(spelling)] = number
    return names


@cache
def month_spellings():
    """Month names as written (accents kept) and folded, longest first, for a pattern."""
    spellings = set(month_numbers())
    for language in DATE_LANGUAGES:
        with translation.override(language):
            for table in (MONTHS, MONTHS_ALT, MONTHS_3, MONTHS_AP):
                spellings.update(str(name).lower().rstrip(".") for name in table.values())
    for names in EXTRA_MONTHS.values():
        spellings.update(names)
    return sorted(spellings, key=len, reverse=True)


@cache
def date_regex():
    """Day-month or month-day dates in any date language, the year optional."""
    month = r"(?P<{}>" + "|".join(re.escape(m) for m in month_spellings()) + r")\.?"
    year = r"(?:,?\s*(?:de\s+|del\s+)?(?P<{}>(?:19|20)\d{{2}})(?:\s*(?:года|г\.|yılı|il|ildə))?)?"
    day_month = (
        r"(?P<d1>\d{1,2})(?:\.|er|st|nd|rd|th|-?(?:го|е|ci|cı|cu|cü))?\s+(?:de\s+)?"
        + month.format("m1")
        + year.format("y1")
    )
    month_day = (
        month.format("m2")
        + r"(?:in|ın|un|ün|nin|nın)?\s+(?P<d2>\d{1,2})"
        + r"(?:st|nd|rd|th|-?(?:də|da|ci|cı|cu|cü))?"
        + year.format("y2")
    )
    return rf"(?<!\w)(?:{day_month}|{month_day})(?!\w)"


@cache
def date_pattern():
    return re.compile(date_regex(), re.IGNORECASE)


def parse_date_match(match, reference=None):
    """A date from a `date_pattern` match; a missing year is inferred from `reference`.

    Without a year the date is placed in the reference date's year, or the year before
    when that would put it more than a week after the reference.
    """
    groups = match.groupdict()
    day = int(groups["d1"] or groups["d2"])
    month = month_numbers().get(fold(groups["m1"] or groups["m2"]).rstrip("."))
    year = groups["y1"] or groups["y2"]
    inferred = year is None
    if month is None:
        return None, inferred
    if inferred:
        reference = reference or dt.date.today()
        year = reference.year
        try:
            if dt.date(year, month, day) > reference + dt.timedelta(days=7):
                year -= 1
        except ValueError:
            return None, inferred
    try:
        return dt.date(int(year), month, day), inferred
    except ValueError:
        return None, inferred


def is_furniture(line):
    stripped = line.strip()
    if not stripped:
        return False
    if FURNITURE_PHRASES.match(stripped):
        return True
    if WIDGET.search(stripped) and len(re.findall(r"[^\W\d_]{3,}", stripped)) <= 2:
        return True
    words = re.findall(r"[\w+\-−↺]+", stripped.casefold())
    return len(words) <= 8 and all(word in FURNITURE_WORDS or word.isdigit() for word in words)


@cache
def dateline_pattern():
    word = r"[^\W\d_][\w’'.\-]*"
    place = rf"(?P<place>{word}(?:[ \-]{word}){{0,3}})"
    country = rf"(?:\s*,\s*(?P<country>{word}(?: {word}){{0,2}}))?"
    capitals = "A-ZА-ЯƏÜÖĞŞÇİ"
    tag = (
        r"(?:\s*[,.]?\s*(?:\((?P<tag1>[^)\n]{1,40})\)|/(?P<tag2>[^/\n]{1,40})/|"
        rf"(?-i:(?P<tag3>[{capitals}][{capitals}.\-]{{1,20}}))(?=\s*(?:[.,:\-–—]|$))))?"
    )
    return re.compile(
        rf"^{place}{country}\s*[,،]\s*(?P<date>{date_regex()}){tag}\s*(?:[.,:;]|[-–—]+|\s)*",
        re.IGNORECASE,
    )


def split_dateline(paragraph, reference=None):
    """Split "BAKU, Azerbaijan, September 13. Text" into its parts and the text.

    Returns (place, date, year_inferred, agency_tag, rest), or None without a dateline.
    """
    match = dateline_pattern().match(paragraph)
    if not match:
        return None
    place = match.group("place")
    if place.casefold() in NOT_OUTLET_WORDS:
        return None
    date, inferred = parse_date_match(match, reference)
    tag = next(
        (match.group(g).strip(" .-") for g in ("tag1", "tag2", "tag3") if match.group(g)), None
    )
    return display_place(place), date, inferred, tag, paragraph[match.end() :].strip()


def display_place(place):
    """Datelines shout: "BAKU" -> "Baku"; "Genève" stays as written."""
    words = place.split()
    return " ".join(
        word.capitalize() if word.isupper() and len(word) > 1 else word for word in words
    )


def clean_name(name):
    name = name.strip(" .,:;-–—()/")
    return name[:-2] if name.endswith(("'s", "’s")) else name


def outlet_mentions(paragraphs):
    """Outlet names the text attributes the report to, and sources it took it from."""
    outlets, sources = [], []
    candidates = paragraphs[:3] + paragraphs[-2:]
    for paragraph in candidates:
        for pattern in OUTLET_PHRASES:
            for match in pattern.finditer(paragraph):
                name = clean_name(match.group("name"))
                if plausible_outlet(name):
                    outlets.append(name)
        for pattern in SOURCE_PHRASES:
            for match in pattern.finditer(paragraph):
                name = clean_name(match.group("name"))
                if plausible_outlet(name):
                    sources.append(name)
    return outlets, sources


def plausible_outlet(name):
    if not name or name.casefold() in NOT_OUTLET_WORDS or len(name) > 40:
        return False
    first = name.split()[0]
    return first[0].isupper() and first.casefold() not in NOT_OUTLET_WORDS


def strip_header(line, extraction):
    """Read the scraper's header line: a date, widgets, an agency tag, a byline."""
    match = HEADER.match(line)
    if not match:
        return line
    with contextlib.suppress(ValueError):  # no such day: "date 2017-13-45"
        extraction.published = dt.date.fromisoformat(match.group("date"))
    rest = WIDGET.sub(" ", match.group("rest"))
    rest = re.sub(r"[+↺−]+", " ", rest) if not re.search(r"[^\W\d_]{3,}", rest) else rest
    return strip_tags_and_stamps(rest.strip(), extraction)


def strip_tags_and_stamps(text, extraction):
    """Remove an agency tag with its byline and "Read more", and a timestamp, from a line."""
    tag = MENAFN_TAG.search(text)
    if tag:
        extraction.tag_outlet = "MENAFN"
        extraction.agency_names.insert(0, clean_name(tag.group("agency")))
        after = READ_MORE.sub("", text[tag.end() :]).strip()
        before = text[: tag.start()].strip()
        if after and PERSON_NAME.match(after):
            extraction.byline = after
            after = ""
        text = f"{before} {after}".strip()
    stamp = TIMESTAMP.match(text)
    if stamp:
        record_timestamp(stamp, extraction)
        text = ""
    return text


def record_timestamp(stamp, extraction):
    date_match = date_pattern().match(stamp.group("date"))
    if date_match:
        date, _ = parse_date_match(date_match)
        extraction.published = extraction.published or date
    hours, minutes = (int(part) for part in stamp.group("time").split(":"))
    if hours < 24 and minutes < 60:
        extraction.published_time = dt.time(hours, minutes)
    offset = stamp.group("offset")
    if offset:
        sign = -1 if offset[0] in "-−" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = int(digits[:2] if len(digits) > 2 else digits), int(digits[2:] or 0)
        if hours < 24 and minutes < 60:
            extraction.published_offset = dt.timezone(
                sign * dt.timedelta(hours=hours, minutes=minutes)
            )


def read_metadata_line(line, extraction):
    """A short line near the top holding a numeric date ("07.06.2024, 14:12 Uhr",
    "Elif Demir |13.09.2024 - Güncelleme : 13.09.2024"): take its date, time and author."""
    match = NUMERIC_DATE.search(line)
    if not match or len(line.split()) > 12:
        return False
    try:
        date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return False
    extraction.published = extraction.published or date
    if match["time"] and not extraction.published_time:
        hours, minutes = (int(part) for part in match["time"].split(":"))
        if hours < 24 and minutes < 60:
            extraction.published_time = dt.time(hours, minutes)
    author = line[: match.start()].strip(" |-–—,")
    if author and PERSON_NAME.match(author) and not extraction.byline:
        extraction.byline = author
    return True


def split_paragraphs(text):
    """Paragraphs are separated by blank lines; single line breaks inside are kept as spaces."""
    return [collapse(block) for block in re.split(r"\n\s*\n", text) if block.strip()]


def strip_signatures(paragraphs, extraction):
    """Drop trailing one-line signatures ("News.Az", "APA") and remember them."""
    while paragraphs:
        last = paragraphs[-1]
        words = last.split()
        domain = re.search(r"\w\.[a-z]{2,3}$", last, re.IGNORECASE)
        ends_sentence = last.endswith((".", "!", "?", "»", '"', "”", ":", ",")) and not domain
        if len(words) <= 4 and not ends_sentence and not re.search(r"[.!?]\s+\S", last):
            if re.search(r"\d{3,}|[/|@#]", last) or not re.search(r"[^\W\d_]", last):
                break
            extraction.signature_names.insert(0, last.strip(" .-–—"))
            paragraphs.pop()
            continue
        break
    return paragraphs


@cache
def leading_date_pattern():
    return re.compile(rf"^(?:on|le|el|am|в|the)?\s*{date_regex()}\s*,?\s*", re.IGNORECASE)


def provisional_title(body, max_words=16):
    """A short, factual title from the lead sentence, for an editor to rewrite."""
    lead = SENTENCE_END.split(body.split("\n\n")[0], maxsplit=1)[0].strip()
    for pattern in OUTLET_PHRASES:
        attribution = pattern.search(lead)
        if attribution:
            lead = lead[: attribution.start()]
    lead = re.sub(r"\s*\([^)]*\)", "", lead)
    date = leading_date_pattern().match(lead)
    if date:
        lead = lead[date.end() :]
    parts = [part.strip() for part in lead.rstrip(" .,;:").split(", ") if part.strip()]
    if not parts:
        return ""
    if len(parts) > 2 and len(parts[0].split()) <= 4 and parts[1][:1].islower():
        parts[0:3] = [f"{parts[0]} {parts[2]}"]  # "Name, their post, did something"
    elif len(parts) > 2 and len(parts[1].split()) <= 3 and parts[2][:1].islower():
        parts[0:3] = [f"{parts[1]} {parts[2]}"]  # "The post, Name, did something"
    title = parts[0]
    for part in parts[1:]:
        candidate = f"{title}, {part}"
        if len(candidate.split()) > max_words:
            break
        title = candidate
    words = title.split()
    if len(words) > max_words:
        words = words[:max_words]
        while words and words[-1].casefold() in DANGLING_WORDS:
            words.pop()
        title = " ".join(words).rstrip(",;:") + "…"
    return title[:1].upper() + title[1:]


def event_date_in(paragraphs, published):
    """The meeting's date when the report states it: "On 25 September 2024", "today"."""
    reference = published or dt.date.today()
    for paragraph in paragraphs[:3]:
        folded = fold(paragraph)
        for match in date_pattern().finditer(paragraph):
            date, _ = parse_date_match(match, reference)
            if date and (
                published is None or dt.timedelta(0) <= published - date <= dt.timedelta(days=60)
            ):
                return date
        if published:
            words = set(re.findall(r"[\w'’]+(?: gün)?", folded))
            if words & TODAY_FOLDED or words & weekday_names(published):
                return published
            if words & YESTERDAY_FOLDED:
                return published - dt.timedelta(days=1)
    return None


@cache
def weekday_names(date):
    """The name of the date's weekday in every date language ("Freitag", "vendredi")."""
    names = set()
    for language in DATE_LANGUAGES:
        with translation.override(language):
            names.add(fold(str(WEEKDAYS[date.weekday()])))
    return names


def extract(text, *, reference_date=None, published=None):
    """Read one scraped report (plain text) into an `Extraction`.

    `published` is the publication date when known from elsewhere (a page's metadata);
    `reference_date` is the day a date without a year is read against (today).
    """
    extraction = Extraction(published=published)
    lines = normalise(text).split("\n")
    kept = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if TRAILER.match(stripped) or (
            TRAILER_HEADING.match(stripped)
            and all(len(rest.split()) <= 15 for rest in lines[index + 1 :])
        ):
            break
        if index < 3 and HEADER.match(stripped):
            stripped = strip_header(stripped, extraction)
        elif index < 8 or stripped.startswith("(MENAFN"):
            stripped = strip_tags_and_stamps(stripped, extraction)
            if index < 8 and read_metadata_line(stripped, extraction):
                continue
        if is_furniture(stripped):
            continue
        byline = BYLINE.match(stripped)
        if byline and len(stripped.split()) <= 7:
            extraction.byline = extraction.byline or byline.group("name").strip()
            continue
        kept.append(stripped)
    paragraphs = strip_signatures(split_paragraphs("\n".join(kept)), extraction)
    reference = extraction.published or reference_date
    if paragraphs:
        dateline = split_dateline(paragraphs[0], reference)
        if dateline:
            place, date, inferred, tag, rest = dateline
            extraction.dateline = place
            if date and not extraction.published:
                extraction.published, extraction.year_inferred = date, inferred
            if tag:
                extraction.dateline_tag = clean_name(tag)
            if rest:
                paragraphs[0] = rest
            else:
                paragraphs.pop(0)
    paragraphs = [p for p in paragraphs if p and not is_furniture(p)]
    extraction.body = "\n\n".join(paragraphs)
    outlets, sources = outlet_mentions(paragraphs)
    extraction.reporting_names.extend(outlets)
    extraction.agency_names.extend(sources)
    extraction.event_date = event_date_in(paragraphs, extraction.published)
    if extraction.body:
        extraction.title = provisional_title(extraction.body)
        extraction.title_is_provisional = True
    return extraction


def extract_html(html, *, reference_date=None):
    """Read a saved news page: the article text only, with its headline and address."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    text = (document.text or "") if document else ""
    published = None
    if document and document.date:
        try:
            published = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    title = collapse(document.title) if document and document.title else ""
    lines = [line for line in text.split("\n") if line.strip()]
    while lines and title and collapse(lines[0]) == title:
        lines.pop(0)
    paragraphs = "\n\n".join(lines)
    extraction = extract(paragraphs, reference_date=reference_date, published=published)
    if document:
        if document.title:
            extraction.title = collapse(document.title)
            extraction.title_is_provisional = False
        if document.url:
            extraction.source_url = document.url
        if document.author and not extraction.byline:
            author = collapse(document.author)
            byline = BYLINE.match(author)
            extraction.byline = byline.group("name") if byline else author
        if document.sitename:
            extraction.sitename = collapse(document.sitename)
    return extraction
