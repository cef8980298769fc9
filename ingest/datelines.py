"""Datelines: the place, date and agency some reports open with.

"BAKU, Azerbaijan, Feb. 3", "Грузия, Тбилиси, 27 ноября /корр. Trend/", "ASTANA. KAZINFORM –",
"Genève, 26 février (AZERTAC).", "Бишкек, 14.05.24. /Name — Кабар/.": the place is the city
(a country before it is passed over; country names come from CLDR through Babel), the
date may lack a year or be missing, and the agency may be in parentheses, slashes, in
capitals after a full stop, or after a comma at the end of the line.
"""

import re
from functools import cache

from .attribution import clean_name, looks_like_name
from .dates import find_dates, fold


@cache
def dateline_pattern():
    word = r"[^\W\d_][\w’'.\-]*"
    place = rf"(?P<place>{word}(?:[ \-]{word}){{0,2}})"
    second = rf"(?:\s*,\s*(?P<second>{word}(?: {word}){{0,2}}))?"
    return re.compile(rf"^{place}{second}\s*[,.،]\s*")


TAG = re.compile(
    r"\s*[,.]?\s*(?:\((?P<paren>[^)\n]{1,40})\)|/(?P<slash>[^/\n]{1,60})/|"
    r"(?P<caps>[A-ZА-ЯЁƏÜÖĞŞÇİҚҒҢӨҰҮӘІҺЎҲԱ-Ֆ][A-ZА-ЯЁƏÜÖĞŞÇİҚҒҢӨҰҮӘІҺЎҲԱ-Ֆ.\-]{1,20}|"
    r"[A-ZА-ЯЁƏÜÖĞŞÇİҚҒҢӨҰҮӘІҺЎҲ][a-zа-яёəüöğşçıұқғңөүәіһўҳ]+"
    r"[A-ZА-ЯЁƏÜÖĞŞÇİҚҒҢӨҰҮӘІҺЎҲ][\w.\-]{1,20})"
    r"(?=\s*(?:[.,:։\-–—]|$)|\s+\S)|"
    r"(?P<named>[^\W\d_][\w.\-]*(?:\s[^\W\d_][\w.\-]*)?)\s*$)"
)
#: The word for "year" some languages put after a date ("14 мая 2024 года", "2024-cü il").
YEAR_WORD = re.compile(
    r"\s*(?:года|г\.|року|р\.|il|ildə|yil|йил|yılı|жылы|оны|წლის|թ\.)(?!\w)\.?", re.IGNORECASE
)
DATELINE_END = re.compile(r"[\s.,:;։]*(?:[-–—]+[\s.]*)?")


@cache
def country_names():
    """Every country's name in the languages of the desk, folded (CLDR through Babel)."""
    from babel import Locale

    names = set()
    for code in (
        "en",
        "ru",
        "fr",
        "es",
        "de",
        "az",
        "tr",
        "kk",
        "uz",
        "tk",
        "ky",
        "mn",
        "hy",
        "ka",
        "uk",
        "ro",
        "ar",
    ):
        names.update(fold(name) for name in Locale.parse(code).territories.values())
    return frozenset(names)


def split_dateline(paragraph, languages):
    """Split a dateline off a paragraph: "BAKU, Azerbaijan, Feb. 3", "Грузия, Тбилиси,
    27 ноября /корр. Trend/", "ASTANA. KAZINFORM –", "Genève, 26 février (AZERTAC).".

    Returns (place, date mention or None, agency tag or None, rest), or None.
    """
    match = dateline_pattern().match(paragraph)
    if not match or fold(match["place"]) in {"the", "on", "in", "le", "el", "am", "в"}:
        return None
    place, second = match["place"], match["second"]
    position = match.end()
    mention = next(iter(find_dates(paragraph[position : position + 40], languages)), None)
    if mention and mention.start == 0:
        position += mention.end
        if mention.year and (year_word := YEAR_WORD.match(paragraph, position)):
            position = year_word.end()
    else:
        mention = None
        if second and not paragraph[position:].startswith(("(", "/")):
            return None
    tag = TAG.match(paragraph, position)
    tag_name = None
    if tag and (tag["paren"] or tag["slash"] or tag["caps"] or (tag["named"] and mention)):
        tag_name = dateline_agency(tag["paren"] or tag["slash"] or tag["caps"] or tag["named"])
        if tag["named"] and not looks_like_name(tag["named"]):
            tag_name, tag = None, None
    else:
        tag = None
    if mention is None and (not tag_name or not place.isupper()):
        return None
    if tag:
        position = tag.end()
    position += DATELINE_END.match(paragraph, position).end() - position
    if second:
        place = second if fold(place) in country_names() else place
    return display_place(place), mention, tag_name, paragraph[position:].strip()


def dateline_agency(tag):
    """The agency in a dateline's tag: "корр. Trend Д.Ломидзе" -> "Trend",
    "Айгерим Токтогулова — Кабар" -> "Кабар"."""
    tag = re.sub(r"^\s*(?:корр\.|corr\.|correspondent|муxбир)\s*", "", tag, flags=re.IGNORECASE)
    if re.search(r"\s[—–-]\s", tag):
        tag = re.split(r"\s[—–-]\s", tag)[-1]
    tag = re.sub(r"\s+[^\W\d_]\.\s?[^\W\d_][\w\-]+$", "", tag.strip())
    return clean_name(tag)


def display_place(place):
    """Datelines shout: "BAKU" -> "Baku", "ԵՐԵՎԱՆ" -> "Երևան"; "Genève" stays as written."""
    return " ".join(
        armenian_spelling("-".join(part.capitalize() for part in word.split("-")))
        if word.isupper() and len(word) > 1
        else word
        for word in place.split()
    )


def armenian_spelling(word):
    """Armenian capitals spell the letter "և" as "ԵՎ": lowered inside a word it is "և"."""
    return word[:1] + word[1:].replace("եվ", "և")


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
