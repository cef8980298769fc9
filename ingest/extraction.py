"""Read scraped news-report text: clean body, headline, dateline, dates, byline, outlet signals.

Nothing here touches the database. `extract()` returns what the text itself says and
never more: a report giving no date has none, and a day and month without a year stay
a partial date (`Extraction.partial_date`) until something else pins the year.
`ingest.catalog` then recognises known outlets, people and organizations, and
`ingest.importers` writes articles.

Dates are read by `ingest.dates`, time stamps by `ingest.stamps`, datelines by
`ingest.datelines`, the head (headline, deck, banners) by `ingest.heads`, signatures by
`ingest.signatures`, page furniture recognised by `ingest.furniture`, outlet signals by
`ingest.attribution`.
"""

import contextlib
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from . import furniture
from .attribution import Candidate, clean_name, copyright_holder, plausible_name
from .datelines import read_dateline
from .dates import find_dates, fold, in_year_of, languages_for, relative_day
from .heads import SENTENCE_END, STAMP_MARK, provisional_title, read_head
from .signatures import drop_source_lines, full_name, read_attributions, read_signatures
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
