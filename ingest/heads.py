"""The head of a report: its headline, kicker, deck, banners and rubrics taken off the
top, and a provisional title from the lead sentence when the page gives none.
"""

import re
from functools import cache

from . import furniture
from .attribution import attributions, is_institution, looks_like_name, site_of_headline
from .datelines import split_dateline
from .dates import find_dates, fold
from .stamps import word_count

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
