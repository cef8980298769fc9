"""Time stamps: the publication date and time a page prints near its headline.

"11 марта 2025, 12:55", "Agenda.ge, 27 Nov 2024 - 19:10", "Publicat: 24 Februarie, 2025 -
10:15", "Name |13.09.2024 - Güncelleme : 13.09.2024", "13.05.2025 | 14:20" glued to the
first words of the body. An update notice never replaces the publication date.
"""

import datetime as dt
import re

from . import furniture
from .dates import find_dates, search_full_date, time_after

UTC_OFFSET = re.compile(r"\(?\s*(?:UTC|GMT)\s*(?P<offset>[+\-−]\d{1,2}(?::?\d{2})?)\s*\)?")
PERSON_NAME = re.compile(r"^(?:[^\W\d_][\w’'\-]*\.?\s+){1,3}[^\W\d_][\w’'\-]+$")
#: The most words of a line read as a time stamp once its date, time and labels are out.
STAMP_WORDS = 4


def word_count(text):
    return len(re.findall(r"[^\W\d_]+", text))


def record_time(extraction, text, position):
    """The time of day and UTC offset written after a date, when the report has none yet."""
    time = time_after(text, position)
    if time and not extraction.published_time:
        extraction.published_time = time
        offset = UTC_OFFSET.search(text, position)
        if offset:
            extraction.published_offset = utc_offset(offset["offset"])


def utc_offset(written):
    """A timezone from "+04:00", "+4", "-0530"; None when it is no offset of the day."""
    sign = -1 if written[0] in "-−" else 1
    digits = written[1:].replace(":", "")
    hours, minutes = int(digits[:2] if len(digits) > 2 else digits), int(digits[2:] or 0)
    if hours < 24 and minutes < 60:
        return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    return None


def stamp_remainder(line, mentions):
    """What a line says besides its dates and times: labels, a site name, a byline."""
    text = line
    for mention in reversed(mentions):
        text = text[: mention.start] + " " + text[mention.end :]
    text = UTC_OFFSET.sub(" ", text)
    text = re.sub(r"\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h))?", " ", text)
    return text


def read_time_stamp(line, extraction, languages):
    """Read a publication time-stamp line: "11 марта 2025, 12:55", "Agenda.ge, 27 Nov 2024 -
    19:10", "Publicat: 24 Februarie, 2025 - 10:15", "Name |13.09.2024 - Güncelleme : ...".

    Its first full date is the publication date unless one is known (an update notice
    never replaces it); a site name or byline on the line is kept. Returns whether the
    line was a time stamp, to be dropped.
    """
    if len(line) > 160 or not re.search(r"\d", line):
        return False
    mentions = [m for m in find_dates(line, languages) if m.date]
    if not mentions:
        if furniture.UPDATE_NOTICE.match(line) or re.fullmatch(r"[\W]*\d{1,2}:\d{2}\W*", line):
            return True
        date = None
        if word_count(line) <= STAMP_WORDS and re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", line):
            date = search_full_date(line, languages)
        if date is None:
            return False
        mentions = []
        extraction.published = extraction.published or date
        return True
    remainder = stamp_remainder(line, mentions)
    words = re.findall(r"[^\W\d_][\w.'’\-]*", remainder)
    reading_time = furniture.READING_TIME.search(remainder.strip(" ·|-–—"))
    if len(words) > STAMP_WORDS and not reading_time:
        return False
    first = mentions[0]
    if not furniture.UPDATE_NOTICE.match(line[: first.start]):
        if extraction.published is None:
            extraction.published = first.date
        if extraction.published == first.date:
            record_time(extraction, line, first.end)
    before = line[: first.start].strip(" |-–—,·")
    if before and not furniture.UPDATE_NOTICE.match(before):
        if re.search(r"\w\.[a-z]{2,4}$", before, re.IGNORECASE) and len(before.split()) == 1:
            extraction.site_names.append(before)
        elif PERSON_NAME.match(before) and not extraction.byline and not before.endswith(":"):
            extraction.byline = before
    return True


def read_glued_stamp(line, extraction, languages):
    """A time stamp glued to the first words of the body ("13.05.2025 | 14:20Today the
    minister ..."): record it and return the words after it."""
    match = re.match(
        r"^\s*(?P<date>\d{1,2}[./]\d{1,2}[./]\d{2,4})\s*[|,\-–]?\s*"
        r"(?P<time>\d{1,2}:\d{2})(?P<rest>\S.*)$",
        line,
    )
    if not match:
        return line
    if read_time_stamp(line[: match.end("time")], extraction, languages):
        return match["rest"]
    return line
