"""Comparing an importer's values with the expected ones: names, outlets, datelines,
dates, furniture and the pairs of related reports."""

import re
import unicodedata

from anyascii import anyascii

APOSTROPHES = re.compile("['’ʼʻ`‘´ʹ′]")
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
DATELINE_PUNCTUATION = " \t.:;-–—/|"


def squeeze(text):
    """Text in NFC, without invisible characters, each run of white space one space."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text or ""))
    return " ".join(text.split())


def fold_name(name):
    """A name for comparison: lower case, no accents, no apostrophes, single spaces, and
    no space after an initial's full stop ("B. Tugsjargal" is "b.tugsjargal")."""
    text = unicodedata.normalize("NFKD", squeeze(name))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = APOSTROPHES.sub("", text)
    return re.sub(r"\.\s+", ".", text)


def same_outlet_name(expected, got):
    """Whether two outlet names are one: folded, or once written in Latin letters."""
    if fold_name(expected) == fold_name(got):
        return True
    return fold_name(anyascii(expected)) == fold_name(anyascii(got))


def outlet_right(expected, names, to_confirm=False):
    """Whether an outlet (or agency) found under `names` is the expected one. With none
    expected, naming none or leaving the name to confirm is right."""
    if expected is None:
        return not names or to_confirm
    return any(same_outlet_name(expected, name) for name in names)


def dateline_place(dateline):
    """The place of a dateline: before any comma, blind to case and outer punctuation."""
    place = squeeze(dateline).split(",")[0]
    return place.strip(DATELINE_PUNCTUATION).casefold()


def dateline_right(expected, got):
    """Whether the dateline's place is the expected one (none when none is expected)."""
    if not expected:
        return not dateline_place(got)
    return dateline_place(got) == dateline_place(expected)


def date_verdict(expected, partial, got, got_partial=None):
    """(right, invented) for a publication date, all as ISO strings or None.

    `expected` is the full date the text pins; `partial` is "--MM-DD" or "YYYY-MM" when
    the text pins only that. A date the text does not pin fully is never right; it is
    invented when no date is pinned, when it falls in another year than a "YYYY-MM", and
    for any "--MM-DD", whose year the text does not give.
    """
    if expected:
        return got == expected, False
    if got is None:
        return got_partial in (None, partial), False
    if partial and re.fullmatch(r"\d{4}-\d{2}", partial):
        return False, got[:4] != partial[:4]
    return False, True


def match_names(expected, found):
    """Expected names paired one to one with found ones.

    `found` items are dicts with "name" and "names" (every name the find goes by).
    Returns (matched as (expected, found) pairs, expected names missed, found names not
    expected).
    """
    wanted = [fold_name(name) for name in expected]
    taken = [False] * len(expected)
    matched, extra = [], []
    for item in found:
        forms = {fold_name(name) for name in item["names"]}
        index = next(
            (i for i, name in enumerate(wanted) if not taken[i] and name in forms),
            None,
        )
        if index is None:
            extra.append(item["name"])
        else:
            taken[index] = True
            matched.append((expected[index], item["name"]))
    missed = [name for name, hit in zip(expected, taken, strict=True) if not hit]
    return matched, missed, extra


def furniture_left(entry, source, body):
    """Whether a furniture line of the report's text is still in the imported body.

    The body may hold the same words legitimately (an institution's name both as a page
    header and in a sentence), so the entry is left when the body holds it more often than
    the text does outside its furniture occurrences: the lines it is, else the lines it
    begins or ends, else one occurrence inside a line.
    """
    wanted = squeeze(entry)
    if not wanted or not body:
        return False
    lines = [squeeze(line) for line in source.splitlines()]
    as_furniture = (
        sum(line == wanted for line in lines)
        or sum(line.startswith(wanted) or line.endswith(wanted) for line in lines)
        or 1
    )
    legitimate = max(0, squeeze(source).count(wanted) - as_furniture)
    return squeeze(body).count(wanted) > legitimate


def pair_key(stem, other):
    """A pair of reports, the same whichever side names it."""
    return tuple(sorted((stem, other)))


def expected_pairs(expectations):
    """{pair: relation} of the pairs expected between measured reports."""
    pairs = {}
    for stem, expected in expectations.items():
        for pair in expected.get("pairs") or []:
            other = pair.get("with")
            if other in expectations and other != stem:
                pairs.setdefault(pair_key(stem, other), pair.get("relation"))
    return pairs


def proposed_pairs(related):
    """From {stem: related reports proposed}, ({pair: relations}, [(stem, stored article)]).

    A proposal's "with" is the other report's stem, or None for an article already stored.
    """
    pairs, stored = {}, []
    for stem, proposals in related.items():
        for proposal in proposals:
            other = proposal["with"]
            if other is None:
                stored.append((stem, proposal["article"]))
            elif other != stem:
                pairs.setdefault(pair_key(stem, other), set()).add(proposal["relation"])
    return pairs, stored


def pair_figures(expected, proposed, stored):
    """Expected pairs found and missed, with the right relation, and proposals not expected."""
    found = [pair for pair in expected if pair in proposed]
    return {
        "expected": len(expected),
        "found": len(found),
        "right_relation": sum(expected[pair] in proposed[pair] for pair in found),
        "missed": [
            {"pair": list(pair), "relation": expected[pair]}
            for pair in expected
            if pair not in proposed
        ],
        "unexpected": [
            {"pair": list(pair), "relations": sorted(map(str, proposed[pair]))}
            for pair in proposed
            if pair not in expected
        ],
        "stored": [{"report": stem, "article": article} for stem, article in stored],
    }
