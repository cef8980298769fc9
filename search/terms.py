"""A reader's words, as every search backend reads them, and the characters the
documents keep for the backends' own use."""

import re

#: Where a snippet's match starts and ends, as the database marks it.
MARK_START, MARK_END = "\x02", "\x03"
#: Stand-ins for < and > in a snippet, so the database's parser keeps them.
LT, GT = "\ue000", "\ue001"
#: Characters a document never holds: XML's forbidden ones and the stand-ins above.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000\ue001]")


def split_exclusions(terms):
    """Split a reader's words into what to find and the words or phrases to leave out."""
    positive, excluded = [], []
    for match in TOKEN.finditer(normalize(terms)):
        negative, phrase, word = match.groups()
        if phrase is not None:
            if negative:
                excluded.append(f'"{phrase}"')
            else:
                positive.append(f'"{phrase}"')
        elif word.startswith("-") and WORD.search(word):
            excluded.append(word.lstrip("-"))
        else:
            positive.append(word)
    return " ".join(positive), [term for term in excluded if WORD.search(term)]


#: Typographic quotes readers type or paste, read as straight ones.
QUOTES = str.maketrans(dict.fromkeys("“”„‟«»", '"'))


def normalize(terms):
    return terms.translate(QUOTES)


TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


WORD = re.compile(r"\w+")
