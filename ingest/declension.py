"""Names back in the nominative: Russian and Ukrainian forms through pymorphy3 ("с
Томасом Райнхольтом"), other languages by taking a case ending off the last word, which a
report usually confirms by naming the person again ("Mariya Lopesi ... Mariya Lopes").
"""

from functools import lru_cache

import pymorphy3

from .grammar import (
    CLEAR_ENDINGS,
    SCRIPTS,
    SHORTEST_STEM,
    SLAVIC_SKI,
    base_forms,
    has_surname_shape,
)

# Russian and Ukrainian: pymorphy3

NAME_TAGS = {"Name", "Surn", "Patr"}
NOT_PERSON_TAGS = {"Geox", "Orgn", "ADJF", "PREP", "CONJ", "VERB", "INFN", "PRTF"}


@lru_cache(maxsize=2)
def analyzer(grammar):
    """The morphological analyser of a language, loaded once."""
    return pymorphy3.MorphAnalyzer(lang=grammar)


@lru_cache(maxsize=65536)
def readings(word, grammar):
    """The singular noun readings of a capitalised word, name readings first."""
    morph = analyzer(grammar)
    parses = [p for p in morph.parse(word) if p.tag.POS == "NOUN" and p.tag.number != "plur"]
    parses.sort(key=lambda p: (not (NAME_TAGS & p.tag.grammemes), -p.score))
    return tuple(parses)


@lru_cache(maxsize=65536)
def word_class(word, grammar):
    """What the dictionary of a language knows a capitalised word as: "name" (a given
    name, a surname or a patronymic), "noun" (only a common noun: "Креста", "Русу"),
    "other" (a place, an adjective, a verb...: "Армении", "Красного") or "unknown"."""
    morph = analyzer(grammar)
    parses = morph.parse(word)
    if any(NAME_TAGS & p.tag.grammemes for p in parses):
        return "name"
    if any(NOT_PERSON_TAGS & p.tag.grammemes for p in parses[:1]):
        return "other"
    if not morph.word_is_known(word.lower()):
        return "unknown"
    return "noun" if all(p.tag.POS == "NOUN" for p in parses) else "other"


@lru_cache(maxsize=65536)
def is_given_name(word, grammar):
    """Whether the Russian or Ukrainian dictionary knows `word` only as a given name
    ("Сергей", "Фиону", "Жаном"; not "Рада", a council too), which makes the run it
    opens a person's name."""
    if grammar not in ("ru", "uk") or not SCRIPTS["cyrillic"].match(word):
        return False
    parses = analyzer(grammar).parse(word)
    return bool(parses) and all("Name" in parse.tag.grammemes for parse in parses)


def is_common_word(word, grammar):
    """Whether the dictionary knows `word` only as something other than a name: a
    place ("Армении", "Бишкеке"), an adjective, a common noun ("Креста", "Стороны")."""
    return word_class(word, grammar) in ("noun", "other")


def restore_case(form, like):
    """`form` written with capitals where `like` has them ("хелена" -> "Хелена")."""
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-")) if like else form


def slavic_nominative(words, grammar, context=None):
    """A Russian or Ukrainian name in the nominative. The words of a name agree in case,
    so the case is one every word can be in, as the given name reads it (nothing is
    changed when the given name is not a singular noun to the dictionary); a word that
    cannot be in that case (a foreign surname, a woman's surname ending in a consonant)
    is left as it is, and so is a name every word of which can be a nominative, unless
    the post before it (`context`, its cases) is in another case ("Министра ...
    С.В.Лаврова", "президентом ... Мирьяной Сполярич")."""
    options = [readings(word, grammar) for word in words]
    cases = [{case_of(p) for p in parses} for parses in options if parses]
    if not cases:
        return words
    shared = set.intersection(*cases)
    if context and context <= {"nomn"}:
        return words  # "президент ... Мирьяна Сполярич": a name in apposition
    if context and shared & context:
        shared &= context
    elif all("nomn" in found for found in cases):
        return words
    first = options[0]
    if not first:
        return words
    case = next((case_of(p) for p in first if case_of(p) in shared), case_of(first[0]))
    gender = next((gender_of(p) for p in first if case_of(p) == case), None)
    result = []
    for word, parses in zip(words, options, strict=True):
        fitting = sorted(
            (p for p in parses if case_of(p) == case), key=lambda p: gender_of(p) != gender
        )
        inflected = fitting[0].inflect({"nomn"}) if fitting and case != "nomn" else None
        result.append(restore_case(inflected.word, word) if inflected else word)
    return tuple(result)


def shared_lemma(word, grammar, mentions):
    """A Russian or Ukrainian surname the dictionary does not know, in the form its
    other mentions share ("Знибером" ... "Зниберу" -> "Знибер"); else `word`."""
    if analyzer(grammar).word_is_known(word.lower()):
        return word
    lemmas = slavic_lemmas(word, grammar) - {word.lower()}
    counts = {}
    for other in mentions:
        if other != word and SCRIPTS["cyrillic"].match(other):
            for lemma in lemmas & slavic_lemmas(other, grammar):
                counts[lemma] = counts.get(lemma, 0) + 1
    if not counts:
        return word
    return restore_case(max(sorted(counts), key=counts.get), word)


@lru_cache(maxsize=65536)
def slavic_lemmas(word, grammar):
    """The normal forms of a word read as a singular noun."""
    return frozenset(parse.normal_form for parse in readings(word, grammar))


def hyphenated_nominative(words, grammar, context):
    """`slavic_nominative` of a name whose hyphenated words decline in each part
    ("Марком-Антуаном Дюбуа" -> "Марк-Антуан Дюбуа", "Петровой-Соколовой")."""
    parts = [word.split("-") for word in words]
    flat = tuple(part for word in parts for part in word)
    if len(flat) == len(words) or not all(flat):
        return slavic_nominative(words, grammar, context)
    nominatives = iter(slavic_nominative(flat, grammar, context))
    return tuple("-".join(next(nominatives) for _ in word) for word in parts)


@lru_cache(maxsize=4096)
def noun_cases(word, grammar):
    """The cases a word can be in as a singular noun ("Министра": genitive, accusative)."""
    return frozenset(case_of(parse) for parse in readings(word, grammar)) or None


def case_of(parse):
    """The grammatical case of a reading ("ablt"), or None."""
    return parse.tag.case


def gender_of(parse):
    """The gender of a reading ("femn"), or None."""
    return parse.tag.gender


def mention_index(words, grammar):
    """For each form a report's capitalised words may stand for, the words that may:
    "Lopes" -> {"Lopesi", "Lopes"}."""
    index = {}
    for word in set(words):
        for form in base_forms(word, grammar):
            index.setdefault(form, set()).add(word)
    return index


def settled(word, grammar, mentions):
    """The bare form of a name word, the report's other mentions permitting: the form
    the most other words of the report share ("Դյուպոնի", "Դյուպոնին", "Դյուպոնը" ->
    "Դյուպոն"), else one with a surname's ending ("Əliyevanı" -> "Əliyeva"), else the
    word without an ending that can only be a case's ("Horlemanla"), or its
    Armenian or Georgian nominative, or the word as written."""
    forms = base_forms(word, grammar)
    if len(forms) == 1:
        return word

    def support(form):
        return len(mentions.get(form, set()) - {word})

    best = max(forms, key=lambda form: (support(form), len(form)))
    if support(best):
        return best
    if not has_surname_shape(word):
        shaped = [form for form in forms if has_surname_shape(form)]
        if shaped:
            return shaped[0]
    if grammar == "hy" and word.endswith("ին") and word[:-1].endswith(SLAVIC_SKI):
        return word[:-1]  # "Գնատովսկին": the article on "Գնատովսկի", a "-ski"
    if grammar in ("ka", "hy") and not word.endswith("ი"):
        return forms[1]
    clear = [e for e in CLEAR_ENDINGS.get(grammar, ()) if word.lower().endswith(e)]
    if clear and len(word) - len(clear[0]) >= SHORTEST_STEM:
        return word[: -len(clear[0])]
    return word


@lru_cache(maxsize=65536)
def slavic_surname(word, grammar):
    """A Russian or Ukrainian surname alone in the nominative ("Мирзиёевым")."""
    return slavic_nominative((word,), grammar)[0]


def nominative(words, grammar, mentions=None, post=None):
    """The words of a name in the nominative: Russian and Ukrainian by their grammar,
    other languages by taking a case ending off the last word (see `settled`). `post`
    is the post before the name, whose case a Russian or Ukrainian name shares."""
    words = tuple(words)
    if grammar in ("ru", "uk") and all(SCRIPTS["cyrillic"].match(w) for w in words):
        context = noun_cases(post, grammar) if post else None
        *given, last = hyphenated_nominative(words, grammar, context)
        if last == words[-1]:
            last = shared_lemma(last, grammar, mentions or {})
        return (*given, last)
    *given, last = words
    return (*given, settled(last, grammar, mentions or {}))
