"""Recognise known outlets, people and organizations in report text.

Spellings vary by language and transliteration: "Chahbaz Gouliyev" and "Shahbaz
Guliyev", "Xələf Xələfov" and "Халаф Халафов", "Kh.Khalafov". Names are compared by a
consonant skeleton of their transliteration, which is blind to vowels, accents and the
usual digraph variants.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from articles.models import Outlet
from people.models import Organization, Person

from .declension import slavic_surname
from .extraction import fold
from .grammar import base_forms, name_grammar, name_key, transliterate
from .tokens import CYRILLIC, NOT_NAME_WORDS, TITLE_CUES, name_word, tokenize


@dataclass
class Found:
    """A name found in a report: matched to a record (`known`) or proposed."""

    name: str
    known: bool
    record: object = None
    spans: list = field(default_factory=list)

    def as_json(self):
        return {"name": self.name, "known": self.known}


class Catalog:
    """The known outlets, people and organizations, indexed for matching.

    Built once per import run; `add_*` keeps it current as the run creates records.
    `people`, `organizations` and `outlets` (querysets) index only those records
    instead of every one.
    """

    def __init__(self, people=None, organizations=None, outlets=None):
        people = Person.objects.all() if people is None else people
        organizations = Organization.objects.all() if organizations is None else organizations
        outlets = Outlet.objects.all() if outlets is None else outlets
        self.outlets = {}
        for outlet in outlets.prefetch_related("other_names").order_by("pk"):
            self.add_outlet(outlet)
        self.surnames = {}
        for person in people.prefetch_related("other_names").order_by("pk"):
            names = [person.name, *(other.name for other in person.other_names.all())]
            for name in names:
                tokens = [t for t in tokenize(name) if t.skeleton]
                if tokens:
                    self.surnames.setdefault(tokens[-1].skeleton, []).append((person, tokens))
        self.organization_names = {}
        self.abbreviations = {}
        for organization in organizations.prefetch_related("other_names").order_by("pk"):
            names = [organization.name, *(o.name for o in organization.other_names.all())]
            for name in names:
                words = tuple(t.folded for t in tokenize(name) if t.folded != "the")
                if words:
                    self.organization_names.setdefault(words[0], []).append((organization, words))
            if organization.abbreviation:
                self.abbreviations[organization.abbreviation] = organization
        for variants in self.organization_names.values():
            variants.sort(key=lambda variant: -len(variant[1]))

    def add_outlet(self, outlet):
        for name in [outlet.name, outlet.slug, *(o.name for o in outlet.other_names.all())]:
            self.outlets.setdefault(outlet_key(name), outlet)

    def outlet(self, name):
        return self.outlets.get(outlet_key(name))

    def people(self, text):
        """Known people named in `text`, in order of first mention, in whatever case the
        sentence puts them ("Сабиной Алиевой", "Əliyevanı") and however transliterated.

        A surname alone names a known person when no other known person has it and the
        report never gives it with another first name ("Tural Asgarov ... M. Asgarov"
        is not Dilgam Asgarov)."""
        tokens = tokenize(text)
        grammar = name_grammar(text)
        found = {}
        surname_only = []
        contradicted = set()
        for index, token in enumerate(tokens):
            for key in word_keys(token.text, grammar):
                for person, variant in self.surnames.get(key, ()):
                    if len(key) < 2:
                        continue
                    verdict = compare_given_names(text, tokens, index, variant, grammar)
                    if verdict == "match":
                        start = tokens[index - 1].start if len(variant) > 1 else token.start
                        found.setdefault(person.pk, Found(person.name, True, person))
                        found[person.pk].spans.append((start, token.end))
                    elif verdict == "surname":
                        surname_only.append((person, token, key))
                    else:
                        contradicted.add(person.pk)
        people_by_surname = {}
        for person, _token, key in surname_only:
            people_by_surname.setdefault(key, set()).add(person.pk)
        for person, token, key in surname_only:
            unique = len(people_by_surname[key]) == 1 and person.pk not in contradicted
            if person.pk in found or (unique and len(key) >= 4):
                found.setdefault(person.pk, Found(person.name, True, person)).spans.append(
                    (token.start, token.end)
                )
        return sorted(found.values(), key=lambda f: min(start for start, _ in f.spans))

    def organizations_in(self, text):
        """Known organizations named in `text`, by name, other name or abbreviation."""
        tokens = tokenize(text)
        folded = tuple(t.folded for t in tokens)
        found = {}
        index = 0
        while index < len(tokens):
            match = None
            for organization, words in self.organization_names.get(folded[index], ()):
                if folded[index : index + len(words)] == words:
                    match = organization, len(words)
                    break
            if match is None and tokens[index].text in self.abbreviations:
                match = self.abbreviations[tokens[index].text], 1
            if match is None:
                index += 1
                continue
            organization, size = match
            span = (tokens[index].start, tokens[index + size - 1].end)
            found.setdefault(organization.pk, Found(organization.name, True, organization))
            found[organization.pk].spans.append(span)
            index += size
        return sorted(found.values(), key=lambda f: min(start for start, _ in f.spans))


def outlet_key(name):
    return re.sub(r"[^a-z0-9]", "", anyascii(fold(name)).lower())


@lru_cache(maxsize=65536)
def word_keys(word, grammar):
    """The keys a word of a report may match a known name by: its own, and those of
    its forms without a case ending ("Əliyevanı", "Gurbanowyň", "Мередовым")."""
    keys = [name_key(word)]
    if word[:1].isupper() or not word[:1].islower():
        keys += [name_key(form) for form in base_forms(word, grammar)]
        if grammar in ("ru", "uk") and CYRILLIC.match(word):
            keys.append(name_key(slavic_surname(word, grammar)))
    return tuple(dict.fromkeys(key for key in keys if key))


def compare_given_names(text, tokens, index, variant, grammar="latin"):
    """How the words before a surname match a known name: "match", "surname" or "no"."""
    if len(variant) == 1:
        return "match"
    given = variant[:-1]
    previous = tokens[index - 1] if index else None
    gap = text[previous.end : tokens[index].start] if previous else "."
    if previous is None or gap.strip(" ") not in ("", ".", "-"):
        return "surname"
    if gap.strip() in ("", "-") and (
        given[-1].skeleton in word_keys(previous.text, grammar)
        or fuzz.ratio(transliterate(previous.text), transliterate(given[-1].text)) >= 75
    ):
        return "match"
    if previous.is_initial and transliterate(previous.text)[:1] == transliterate(given[0].text)[:1]:
        return "match"
    if previous.capitalised and previous.folded not in TITLE_CUES | NOT_NAME_WORDS:
        return "no" if name_word(previous, grammar) else "surname"
    return "surname"
