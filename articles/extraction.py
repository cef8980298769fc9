"""Read scraped news-report text: clean body, headline, dateline, dates, byline, outlet signals.

Nothing here touches the database. `extract()` returns what the text itself says and
never more: a report giving no date has none, and a day and month without a year stay
a partial date (`Extraction.partial_date`) until something else pins the year.
`articles.matching` then recognises known outlets, people and organizations, and
`articles.importers` writes articles.

Dates are read by `articles.dates`, time stamps by `articles.stamps`, datelines by
`articles.datelines`, page furniture recognised by `articles.furniture`, outlet signals by
`articles.attribution`.
"""

import contextlib
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property

from . import furniture
from .attribution import (
    Candidate,
    attributions,
    clean_name,
    copyright_holder,
    is_institution,
    issuer_of_signature,
    looks_like_name,
    plausible_name,
    site_of_headline,
)
from .datelines import split_dateline
from .dates import find_dates, fold, in_year_of, languages_for, relative_day
from .stamps import PERSON_NAME, STAMP_WORDS, read_glued_stamp, read_time_stamp, word_count

__all__ = ["Candidate", "Extraction", "extract", "extract_html", "fingerprint", "fold"]

#: A line that starts the boilerplate block some sites append; it and the rest go.
TRAILER = re.compile(
    r"^(?:legal disclaimer|disclaimer|avertissement|you just read)\s*:?$", re.IGNORECASE
)
#: A heading over a list of tags or other stories; dropped with the short lines after it.
TRAILER_HEADING = re.compile(
    r"^(?:tags|теги|тэги|etiketler|etiketlər|mots-clés|schlagworte|etiquetas)\s*:?$",
    re.IGNORECASE,
)
WIDGET = re.compile(r"[+\-−–↺A\s]*\d+\s*px\b|(?:\bA[+\-−]\s*){2,}A?\b|[+]\s*↺\s*[−\-]")
#: The scraper's header: " date 2024-06-07 ..." or, with only a year and month, " date 2021-07".
HEADER = re.compile(
    r"^\s*date\s+(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?(?!\d)(?P<rest>.*)$",
    re.IGNORECASE,
)
MENAFN_TAG = re.compile(r"\(\s*MENAFN\s*[-–—]\s*(?P<agency>[^)]+?)\s*\)", re.IGNORECASE)
READ_MORE = re.compile(
    r"\b(?:read more|lire la suite|читать далее|leer más|mehr lesen|devamını oku|ətraflı)\b\W*$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:by|par|por|von|автор|müəllif|yazar|бақлам|muallif|بقلم)\s*:?\s*"
    r"(?P<name>[^\W\d_][\w.’'\- ]{2,60})$",
    re.IGNORECASE,
)
#: A closing source line: "Source: the ministry", "Источник: МИД".
SOURCE_LINE = re.compile(
    r"^(?:Source|Sources|Источник|Джерело|Kaynak|Mənbə|Manba|Çeşme|Fuente|Sursa|Quelle)"
    r"\s*:\s*(?P<name>[^\W\d_].{1,60}?)\.?$"
)
#: "Name Surname, AGENCY" closing a report: the reporter and the outlet.
REPORTER_SIGNATURE = re.compile(
    r"^(?P<person>[^\W\d_][\w’'.\-]+(?:\s+[^\W\d_][\w’'.\-]+){1,2}),\s*"
    r"(?P<outlet>[^\W\d_][\w.\-]*(?:\s+[^\W\d_][\w.\-]*)?)$"
)
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
SENTENCE_END = re.compile(r"(?<=[.!?؟。։])[\"”»’)]*\s+(?=[\"“«(]?[^\W\d_])")
#: Where a time-stamp line was, among the paragraphs of the page's head.
STAMP_MARK = "\x00"
#: A paragraph this long, or a sentence, starts the report: what comes before is its head.
LEAD_WORDS = 12


@dataclass
class Extraction:
    """What a scraped report says about itself.

    `published` is set only when the text pins a full date (a header, a time stamp, a
    dateline with a year, or a day and month placed by one of those). `partial_date`
    keeps a (month, day) the text gives without a year, and `published_month` a
    (year, month) a header gives without a day. No year is ever assumed: a partial date
    is pinned by a related report or an editor, never by the day of reading.
    """

    body: str = ""
    title: str = ""
    title_is_provisional: bool = False
    language: str | None = None
    published: dt.date | None = None
    published_time: dt.time | None = None
    published_offset: dt.timezone | None = None
    partial_date: tuple[int, int] | None = None
    published_month: tuple[int, int] | None = None
    dateline: str = ""
    byline: str = ""
    source_url: str = ""
    event_date: dt.date | None = None
    tag_outlet: str = ""
    dateline_tag: str = ""
    reporting_names: list[str] = field(default_factory=list)
    signature_names: list[str] = field(default_factory=list)
    sitename: str = ""
    site_names: list[str] = field(default_factory=list)
    agency_names: list[str] = field(default_factory=list)
    issuer_names: list[str] = field(default_factory=list)

    def candidates(self):
        """Every name the text gives for the report's origin, with its kind, likeliest
        first: publishers, then the page's own names, agencies and issuers."""
        ordered = [
            Candidate(self.tag_outlet, "publisher"),
            *(Candidate(name, "publisher") for name in self.signature_names),
            *(Candidate(name, "publisher") for name in self.reporting_names),
            Candidate(self.dateline_tag, "publisher"),
            Candidate(self.sitename, "site"),
            *(Candidate(name, "site") for name in self.site_names),
            *(Candidate(name, "agency") for name in self.agency_names),
            *(Candidate(name, "issuer") for name in self.issuer_names),
        ]
        seen, found = set(), []
        for candidate in ordered:
            key = fold(candidate.name)
            if candidate.name and key not in seen:
                seen.add(key)
                found.append(candidate)
        return found

    def outlet_candidates(self):
        """Names that may be the publishing outlet, the likeliest first: an institution
        issuing its own text is its page's outlet when nothing else is named."""
        return [c.name for c in self.candidates() if c.kind != "agency"]

    def agency_candidates(self):
        """Names that may be the agency the story came from, the likeliest first."""
        names = [*self.agency_names, self.dateline_tag, *self.reporting_names]
        return [name for name in dict.fromkeys(names) if name]

    @property
    def paragraphs(self):
        return self.body.split("\n\n") if self.body else []

    @cached_property
    def fingerprint(self):
        return fingerprint(self.body)


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


# The scraper's header


def read_header(line, extraction, languages):
    """Read the scraper's header line: a date (or a year and month), then whatever the
    scraper found next; returns what of it belongs to the report."""
    match = HEADER.match(line)
    year, month, day = int(match["year"]), int(match["month"]), match["day"]
    with contextlib.suppress(ValueError):  # no such day: "date 2017-13-45"
        if day:
            extraction.published = dt.date(year, month, int(day))
        elif 1 <= month <= 12:
            extraction.published_month = (year, month)
    rest = WIDGET.sub(" ", match["rest"])
    rest = re.sub(r"[+↺−]+", " ", rest) if not re.search(r"[^\W\d_]{3,}", rest) else rest
    rest = strip_tags(rest.strip(), extraction)
    if rest and read_time_stamp(rest, extraction, languages):
        return ""
    short = rest and word_count(rest) <= STAMP_WORDS and not re.search(r"[.,:;!?]", rest)
    if short and not find_dates(rest, languages):
        return ""  # widget labels, a rubric, a ticker: "Compartir Imprimir", "DOLAR"
    return rest


def strip_tags(text, extraction):
    """Remove a republication tag ("(MENAFN- X)") with its byline and "Read more"."""
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
    return text


# Lines


def cut_trailer(lines):
    """The lines before a trailing boilerplate block or list of tags."""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if TRAILER.match(stripped):
            return lines[:index]
        if TRAILER_HEADING.match(stripped) and all(
            len(rest.split()) <= 15 for rest in lines[index + 1 :]
        ):
            return lines[:index]
    return lines


def drop_menus(lines):
    """Blank out language menus and one-word lists: three or more short lines in a row."""
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].strip() and len(lines[end].split()) <= 2:
            end += 1
        if furniture.is_menu_run(lines[index:end]) and not any(
            find_dates(line, ("en",)) for line in lines[index:end]
        ):
            lines[index:end] = [""] * (end - index)
        index = max(end, index + 1)
    return lines


def drop_teasers(lines):
    """Related-story labels: inside the body only the label goes; near the end, the
    label and the short headlines after it."""
    kept = []
    for index, line in enumerate(lines):
        if furniture.is_teaser_heading(line):
            rest = [other for other in lines[index + 1 :] if other.strip()]
            if all(word_count(other) <= 15 for other in rest):
                return kept
            continue
        kept.append(line)
    return kept


def read_lines(lines, extraction, languages):
    """Drop furniture lines, reading the dates, bylines and tags some of them hold; where
    the first time-stamp line was, a STAMP_MARK paragraph is left for `read_head`."""
    kept = []
    head = True
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index < 3 and HEADER.match(stripped):
            stripped = read_header(stripped, extraction, languages)
        else:
            stripped = strip_tags(stripped, extraction)
        if head and stripped:
            stripped = read_glued_stamp(stripped, extraction, languages)
            if read_time_stamp(stripped, extraction, languages):
                if STAMP_MARK not in kept:
                    kept.extend(["", STAMP_MARK, ""])
                continue
        if furniture.is_furniture(stripped) or (head and furniture.is_glued_breadcrumb(stripped)):
            continue
        byline = BYLINE.match(stripped)
        if byline and len(stripped.split()) <= 7:
            extraction.byline = extraction.byline or byline.group("name").strip()
            continue
        if word_count(stripped) >= 20:
            head = False
        kept.append(stripped)
    return kept


def split_paragraphs(lines):
    """Paragraphs are separated by blank lines; the lines of a block are joined, unless
    each is a sentence of its own (pages printing one paragraph a line)."""
    blocks, block = [], []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
        elif block:
            blocks.append(block)
            block = []
    paragraphs = []
    for block in blocks:
        if len(block) > 1 and sum(word_count(line) >= 8 for line in block) >= 2:
            paragraphs.extend(unwrap(block))
        else:
            paragraphs.append(collapse(" ".join(block)))
    return paragraphs


#: How a line of a sentence wrapped by the page ends: with a word or a comma, not a stop.
WRAPPED = re.compile(r"[^\W\d_],?$|\d,$")


def unwrap(block):
    """The lines of a block one paragraph each; in a block the page wrapped, most lines
    ending in the middle of a sentence, such a line is joined to the next ("... the
    Minister of Justice Abror" / "Yusupov, as well as ...")."""
    wrapped = [bool(WRAPPED.search(line)) for line in block]
    if sum(wrapped) * 2 <= len(block):
        return block
    lines = []
    for line, was_wrapped in zip(block, [False, *wrapped[:-1]], strict=True):
        if was_wrapped and line[:1].isalpha():
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


# The head: headline, kicker, deck, banners, rubrics


#: The end of a sentence: Armenian pages often write their full stop "։" as a colon.
SENTENCE_STOP = re.compile(r"[.!?։]\s*$|[.!?։]\s|(?<=[\u0561-\u0587]):\s*$")


def is_lead(paragraph, languages):
    """Whether a paragraph starts the report: a dateline, or a sentence of some length."""
    if split_dateline(paragraph, languages):
        return True
    words = word_count(paragraph)
    return words >= 20 or (words >= LEAD_WORDS and SENTENCE_STOP.search(paragraph))


#: The fewest words of a short sentence that opens a page with no headline.
SHORT_LEAD_WORDS = 6


def is_short_lead(paragraph):
    """Whether a paragraph above the lead of a page with no headline is a short first
    sentence of the report ("The President received the Ombudsman."), not a caption."""
    return word_count(paragraph) >= SHORT_LEAD_WORDS and bool(SENTENCE_STOP.search(paragraph))


def is_headline(paragraph):
    """A line that may be a headline: three words or more, not a sentence of the body."""
    return 3 <= word_count(paragraph) <= 30 and not re.search(r"[.։:]$", paragraph)


def read_head(paragraphs, extraction, languages):
    """Take the headline, kicker, deck, banner and rubric lines off the top of the report.

    The headline is the last headline-like line before a time stamp, else the first one.
    A banner naming an institution ahead of the headline is the page's issuer. On a page
    with no headline, a short sentence before the lead is the report's first.
    """
    lead = next((i for i, p in enumerate(paragraphs) if is_lead(p, languages)), None)
    if not lead:
        return paragraphs
    head, body = paragraphs[:lead], paragraphs[lead:]
    stamp = head.index(STAMP_MARK) if STAMP_MARK in head else 0
    headlines = [
        p for p in dict.fromkeys(head) if is_headline(p) and not is_section(p) and not site_line(p)
    ]
    if not headlines:
        return [p for p in head if is_short_lead(p)] + body
    above_stamp = [p for p in headlines if head.index(p) < stamp]
    title = above_stamp[-1] if above_stamp else headlines[0]
    for banner in headlines[: headlines.index(title)]:
        if is_banner(banner) and word_count(banner) <= 12:
            extraction.issuer_names.append(display_name(banner))
    if len(headlines) > 1 and title == headlines[0] and is_banner(title):
        extraction.issuer_names.append(display_name(title))
        title = headlines[1]
    extraction.site_names.extend(filter(None, map(site_line, head)))
    title, site = site_of_headline(title)
    if site:
        extraction.site_names.append(site)
    extraction.title, extraction.title_is_provisional = title, False
    return drop_deck(body)


def site_line(line):
    """The site's name on a "Site | Section" line ("La Voz del Sur | Internacional")."""
    match = re.fullmatch(r"(?P<site>[^|]{2,40}?)\s+\|\s+(?P<section>[^|\s]{2,30})", line)
    return match["site"] if match and looks_like_name(match["site"]) else None


def is_section(paragraph):
    return furniture.is_section_label(paragraph) and word_count(paragraph) <= 3


#: Past-tense and third-person endings of the desk's languages: a line with a word ending
#: so tells what happened (a headline), a line without names who (a banner).
VERB_ENDING = re.compile(
    r"\w(?:ed|ets|ла|ло|ли|лся|лась|лись|ил|ыл|ал|ел|ял|ди|ді|ті|ды|ты|di|dı|dy|du|dü|ib|ıb|ub|"
    r"üb|ав|лаа|лээ|ել|եց|ის|ა)\b|\bto [a-z]{3,}\b|\b(?:meets|holds|says|visits|discusses|"
    r"receives|addresses|calls|urges)\b"
)


def is_banner(line):
    """Whether a headline line is an institution's banner over the page: its name, with
    no verb."""
    return is_institution(line) and not VERB_ENDING.search(line.casefold())


def display_name(name):
    """A name printed in capitals, as it would be written: "DAŞARY IŞLER" -> "Daşary Işler"."""
    if not name.isupper():
        return name
    words = name.split()
    return " ".join([words[0].capitalize(), *(word.lower() for word in words[1:])])


def drop_deck(body):
    """A standfirst repeating the lead's first sentence: most of its words are in it."""
    if len(body) < 2:
        return body
    first = body[0]
    if word_count(first) > 25 or split_dateline(first, ("en",)):
        return body
    words = set(re.findall(r"[^\W\d_]{3,}", fold(first)))
    following = set(re.findall(r"[^\W\d_]{3,}", fold(SENTENCE_END.split(body[1])[0])))
    if words and len(words & following) >= 0.8 * len(words) and len(following) > len(words):
        return body[1:]
    return body


# Datelines


def read_dateline(paragraphs, extraction, languages):
    """Take the dateline off the first paragraph, or off the second when a lead sentence
    comes first; an agency on the next line ("Trend:") belongs to it."""
    for index in (0, 1):
        if index >= len(paragraphs):
            return paragraphs, None
        dateline = split_dateline(paragraphs[index], languages)
        if dateline and (index == 0 or (dateline[1] and dateline[2])):
            break
    else:
        return paragraphs, None
    place, mention, tag, rest = dateline
    extraction.dateline = place
    if not tag and index + 1 < len(paragraphs):
        agency = re.fullmatch(
            r"(?P<name>[^\W\d_][\w.\-]*(?:\s[^\W\d_][\w.\-]*)?)\s*:", paragraphs[index + 1]
        )
        if agency:
            tag = clean_name(agency["name"])
            paragraphs = paragraphs[: index + 1] + paragraphs[index + 2 :]
    if tag:
        extraction.dateline_tag = tag
    paragraphs = list(paragraphs)
    if rest:
        paragraphs[index] = rest
    else:
        paragraphs.pop(index)
    return paragraphs, mention


# Signatures at the end


def read_signatures(paragraphs, extraction):
    """Take the one-line signatures off the end ("News.Az", "Press service of the X",
    "Name Surname, UzA", a writer's name and school on three lines) and keep the names."""
    head_issuers = len(extraction.issuer_names)
    while paragraphs:
        last = paragraphs[-1]
        issuer = issuer_of_signature(last) if word_count(last) <= 20 else None
        if issuer and not re.search(r"[.!?]\s+\S", last):
            extraction.issuer_names.insert(head_issuers, issuer)
            paragraphs.pop()
            continue
        if word_count(last) > 10 or re.search(r"[.!?]\s+\S", last):
            break
        if furniture.is_furniture(last):
            paragraphs.pop()
            continue
        block = writer_block(paragraphs)
        if block:
            del paragraphs[-block:]
            continue
        source = SOURCE_LINE.match(last)
        if source and plausible_name(source["name"]):
            extraction.agency_names.append(clean_name(source["name"]))
            paragraphs.pop()
            continue
        reporter = REPORTER_SIGNATURE.match(last)
        ends_sentence = last.endswith((".", "!", "?", "»", '"', "”", ":", ",")) and not re.search(
            r"\w\.[a-z]{2,4}$", last, re.IGNORECASE
        )
        if reporter and PERSON_NAME.match(reporter["person"]):
            extraction.byline = extraction.byline or reporter["person"]
            extraction.signature_names.insert(0, reporter["outlet"])
        elif ends_sentence or re.search(r"\d{3,}|[/|@#]", last) or word_count(last) > 6:
            break
        elif looks_like_name(last):
            extraction.signature_names.insert(0, last.strip(" .-–—"))
        elif not is_institution(last) and not furniture.is_section_label(last):
            break
        paragraphs.pop()
    return paragraphs


def writer_block(paragraphs):
    """How many closing lines sign the writer: a name ending in a comma, then at most two
    short lines on who they are ("Name SURNAME,", "Institute of ...", "2nd year student")."""
    for size in (3, 2):
        if len(paragraphs) <= size:
            continue
        first, *rest = paragraphs[-size:]
        if (
            first.endswith(",")
            and PERSON_NAME.match(first.rstrip(","))
            and all(word_count(line) <= 6 and not line.endswith(".") for line in rest)
        ):
            return size
    return 0


# Titles


@cache
def leading_date_pattern():
    return re.compile(r"^(?:on|le|el|am|в|the)\s+", re.IGNORECASE)


def provisional_title(body, languages, max_words=16):
    """A short, factual title from the lead sentence, for an editor to rewrite."""
    lead = SENTENCE_END.split(body.split("\n\n")[0], maxsplit=1)[0].strip()
    phrases = [c.start for c in attributions([lead]) if c.start > len(lead) // 2]
    if phrases:
        lead = lead[: min(phrases)].rstrip(" ,–—-")
    lead = re.sub(r"\s*\([^)]*\)", "", lead)
    dates = find_dates(lead[:60], languages)
    if dates:
        start = leading_date_pattern().match(lead)
        if dates[0].start == (start.end() if start else 0):
            lead = lead[dates[0].end :].lstrip(" ,")
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


# Dates of the report and of the meeting


def settle_dates(extraction, mention, paragraphs, languages):
    """The publication date, or the partial date the text gives instead.

    A dateline's full date is the publication date when no header or time stamp gave
    one. A day and month without a year take one only from the report itself: its
    header's year and month, or a full date with the same day and month in the lead.
    """
    if mention is not None and mention.date and extraction.published is None:
        extraction.published = mention.date
    if extraction.published is not None:
        return
    partial = mention.day_and_month if mention is not None and not mention.date else None
    if partial is None and paragraphs and not extraction.dateline:
        lead = SENTENCE_END.split(paragraphs[0], maxsplit=1)[0]
        first = next(iter(find_dates(lead, languages)), None)
        if first is not None and first.year is None:
            partial = first.day_and_month
    if partial is None:
        return
    month, day = partial
    if extraction.published_month and extraction.published_month[1] == month:
        with contextlib.suppress(ValueError):
            extraction.published = dt.date(extraction.published_month[0], month, day)
            return
    for other in find_dates(paragraphs[0] if paragraphs else "", languages):
        if other.date and (other.month, other.day) == partial:
            extraction.published = other.date
            return
    extraction.partial_date = partial


def event_date_in(paragraphs, published, languages):
    """The meeting's date when the report states it: "On 25 September 2024", "today".

    A date without a year, and "today", "yesterday" or a weekday, are read against the
    publication date, and only when the report gives one.
    """
    for paragraph in paragraphs[:3]:
        for mention in find_dates(paragraph, languages):
            date = mention.date
            if date is None and published and mention.day_and_month:
                date = in_year_of(*mention.day_and_month, published)
            if date is None:
                continue
            if published is None or dt.timedelta(0) <= published - date <= dt.timedelta(days=60):
                return date
        day = relative_day(SENTENCE_END.split(paragraph, maxsplit=1)[0], languages, published)
        if day:
            return day
    return None


# Outlet signals


def read_attributions(paragraphs, extraction):
    """Names the attribution phrases of the first and last paragraphs give, by kind."""
    candidates = paragraphs[:3] + paragraphs[3:][-2:]
    for candidate in attributions(candidates):
        names = {
            "publisher": extraction.reporting_names,
            "agency": extraction.agency_names,
            "issuer": extraction.issuer_names,
        }[candidate.kind]
        if candidate.name not in names:
            names.append(candidate.name)


def full_name(name, paragraphs):
    """An issuer's name as the lead writes it in full, with the capitalised words before
    it: "Сенат" and "Олий Мажлис Сенати" in the lead give the latter; "Хүний эрхийн
    Үндэсний Комисс" and "Монгол Улсын Хүний эрхийн Үндэсний Комиссын" give "Монгол Улсын
    Хүний эрхийн Үндэсний Комисс". A one-word name takes the lead's spelling of it, a
    longer one keeps its own last word, which the lead may inflect."""
    if not paragraphs:
        return name
    names = name.split()
    words = [word.strip('.,;:()«»"') for word in paragraphs[0].split()]
    for index in range(len(words) - len(names) + 1):
        *first, last = words[index : index + len(names)]
        if first != names[:-1] or not last.startswith(names[-1]) or len(last) > len(names[-1]) + 3:
            continue
        start = index
        while start > 0 and index - start < 3 and words[start - 1][:1].isupper():
            start -= 1
        if start == index:
            return name
        own = last if len(names) == 1 else names[-1]
        return " ".join([*words[start:index], *names[:-1], own])
    return name


def drop_source_lines(paragraphs):
    """A closing "Source: X." line or sentence names the agency; it is not the report's text."""
    if paragraphs:
        last = paragraphs[-1]
        cut = re.sub(
            r"\s*\b(?:Source|Sources|Источник|Джерело|Kaynak|Mənbə|Manba|Çeşme|Fuente|Sursa|Quelle)"
            r"\s*:?\s*[^\W\d_][^.!?]{0,60}\.?$",
            "",
            last,
        )
        if cut != last:
            return [*paragraphs[:-1], cut] if cut.strip() else paragraphs[:-1]
    return paragraphs


def extract(text, *, language=None, published=None):
    """Read one scraped report (plain text) into an `Extraction`.

    `language` (ISO 639-1) says which language's month names to try first; without it
    the text's letters decide. `published` is the publication date when known from
    elsewhere (a page's metadata).
    """
    extraction = Extraction(published=published, language=language)
    normalised = normalise(text)
    languages = languages_for(language, normalised)
    lines = normalised.split("\n")
    for line in lines:
        holder = copyright_holder(line.strip())
        if holder and plausible_name(holder):
            extraction.site_names.append(holder)
    lines = drop_teasers(drop_menus(cut_trailer(lines)))
    kept = read_lines(lines, extraction, languages)
    paragraphs = [
        p for p in split_paragraphs(kept) if p == STAMP_MARK or not furniture.is_furniture(p)
    ]
    paragraphs = [p for p in read_head(paragraphs, extraction, languages) if p != STAMP_MARK]
    paragraphs, mention = read_dateline(paragraphs, extraction, languages)
    paragraphs = read_signatures(paragraphs, extraction)
    read_attributions(paragraphs, extraction)
    extraction.issuer_names = [full_name(name, paragraphs) for name in extraction.issuer_names]
    paragraphs = drop_source_lines(paragraphs)
    paragraphs = [p for p in paragraphs if p and not furniture.is_furniture(p)]
    extraction.body = "\n\n".join(paragraphs)
    settle_dates(extraction, mention, paragraphs, languages)
    extraction.event_date = event_date_in(paragraphs, extraction.published, languages)
    if extraction.body and not extraction.title:
        extraction.title = provisional_title(extraction.body, languages)
        extraction.title_is_provisional = True
    return extraction


def extract_html(html, *, language=None):
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
    extraction = extract(paragraphs, language=language, published=published)
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
