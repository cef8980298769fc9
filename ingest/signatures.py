"""Who a report says it comes from: the one-line signatures taken off its end, a
closing source line, and the names its attribution phrases give.
"""

import re

from . import furniture
from .attribution import (
    attributions,
    clean_name,
    is_institution,
    issuer_of_signature,
    looks_like_name,
    plausible_name,
)
from .stamps import PERSON_NAME, word_count

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
