"""People a report introduces that the catalog does not know: names proposed for an
editor to confirm, in the nominative and in the report's script.
"""

import re

from .catalog import Found
from .cues import (
    aside,
    common_words,
    cue_after,
    cue_before,
    follows_organization,
    glued_initial,
    in_izafet,
    names_a_post,
    names_a_unit,
    post_before,
    repeated,
)
from .declension import is_given_name, mention_index, nominative
from .extraction import fold
from .georgian import georgian_proposals
from .grammar import cannot_be_surname, has_surname_shape, is_plural, name_grammar, name_key
from .runs import is_initial, name_runs
from .tokens import TITLE_CUES, tokenize

ARABIC = re.compile(r"[\u0600-\u06ff]")


def propose_people(text, known_spans, excluded):
    """Names of people the report introduces and the catalog does not know, in the
    nominative and in the report's script.

    A run of name words on one line counts when a post or title comes before it
    ("Minister of Justice Farid Ahmadov", "Mme Claire Martin", "Тусгай илтгэгч Амара
    Окафорыг"), when a post, an honorific or a verb follows it ("Matthias Brunner, Head
    of ...", "Mariana Kosta xonimni", "Эдвард Каррингтон отметил"), when the report
    names the surname again ("... Ханс Вебермен ... Ханс Вебер"), or when the surname
    has the shape of one ("-ov", "-yan", "-швили"). A name given only by an initial and
    a surname ("Б.Тугсжаргал") is proposed when no full name has that surname.
    """
    tokens = tokenize(text)
    grammar = name_grammar(text)
    if grammar == "ka":
        return georgian_proposals(text, tokens, known_spans, excluded)
    position = {id(token): index for index, token in enumerate(tokens)}
    mentions = mention_index([t.text for t in tokens if t.capitalised], grammar)
    proposals, surnames, initialled = {}, set(), []

    for run in name_runs(text, tokens, grammar):
        if any(start <= t.start < end for t in run for start, end in known_spans):
            continue
        if any(t.folded in excluded for t in run):
            continue
        first, last = position[id(run[0])], position[id(run[-1])]
        if names_a_unit(text, tokens, last) or follows_organization(text, tokens, first, run):
            continue
        if names_a_post(text, tokens, last, grammar) or in_izafet(text, tokens, first, grammar):
            continue
        if any(is_plural(t.text, grammar) for t in run):
            continue
        named = [t for t in run if not is_initial(text, tokens, position[id(t)])]
        post = post_before(text, tokens, first, grammar)
        words = nominative([t.text for t in named], grammar, mentions, post)
        surname = words[-1]
        if cannot_be_surname(surname, grammar):
            continue
        strong = (
            cue_after(text, tokens, last)
            or repeated(text, run, tokens, grammar)
            or (has_surname_shape(surname) and not aside(text, run))
            or (len(named) < len(run) and glued_initial(text, run))
            or is_given_name(run[0].text, grammar)
        )
        if not strong and not (
            cue_before(text, tokens, first, grammar) and not common_words(text, run)
        ):
            continue
        name = spell(text, run, named, words)
        if fold(name) in excluded:
            continue
        if len(named) < len(run):
            initialled.append((name, surname))
            continue
        key = tuple(name_key(word) for word in words)
        surnames.add(key[-1])
        proposals.setdefault(key, name)
    for name in arabic_names(text, tokens, known_spans):
        if fold(name) not in excluded:
            proposals.setdefault(tuple(name_key(word) for word in name.split()), name)
    proposals = without_repeated_surnames(proposals)
    for name, surname in initialled:
        if name_key(surname) not in surnames:
            surnames.add(name_key(surname))
            proposals.setdefault((name_key(surname),), name)
    return [Found(name, False) for name in proposals.values()]


def without_repeated_surnames(proposals):
    """The proposals, less a name that is the last words of a longer one, as a double
    surname given alone is ("María Fernanda Espinosa Garcés" ... "Espinosa Garcés")."""
    keys = list(proposals)
    return {
        key: name
        for key, name in proposals.items()
        if not any(len(other) > len(key) and other[-len(key) :] == key for other in keys)
    }


def arabic_names(text, tokens, known_spans):
    """Names in Arabic script, which has no capital letters: the last two words of the
    clause that follows a post or title ("السيد ... كريم حداد،")."""
    names = []
    for index, token in enumerate(tokens):
        if not ARABIC.search(token.text) or token.folded.rstrip(".") not in TITLE_CUES:
            continue
        window = text[token.end : tokens[min(index + 12, len(tokens) - 1)].end]
        clauses = re.split(r"[،,.]", window)
        words = tokenize(clauses[0])
        if len(words) >= 2 and len(clauses) > 1:
            start, end = token.end + words[-2].start, token.end + words[-1].end
            if not any(s <= start < e for s, e in known_spans):
                names.append(text[start:end])
    return names


def spell(text, run, named, words):
    """The name of a run of tokens with its words replaced by their nominative, and the
    spacing between them as in the report ("Б.Тугсжаргал", "Piter van Alst")."""
    nominatives = dict(zip((id(t) for t in named), words, strict=True))
    parts = []
    for index, token in enumerate(run):
        if index:
            gap = text[run[index - 1].end : token.start] or " "  # "ViorelMoșanu"
            parts.append(
                "." if gap.strip() == "." and "." in gap and not gap.endswith(" ") else gap
            )
        parts.append(nominatives.get(id(token), token.text))
    return "".join(parts).replace(" .", ".")
