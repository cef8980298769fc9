"""Runs of name words: the candidate personal names of a report, adjacent capitalised
words on one line, with an initial ("B.Tugsjargal") or a particle ("van") allowed inside.
"""

from .declension import analyzer, word_class
from .grammar import ends_noun_phrase
from .lexicon import is_honorific, is_place, is_title, is_unit
from .tokens import CONNECTORS, CYRILLIC, name_like, name_word

#: Lower-case words inside a name ("Pieter van Aalst", "Питер ван Алст", "Sophie de
#: Graaf", "Али Бин Смайх").
PARTICLES = set(
    """
    van von der den ter de da di del della dos das du la las los bin ben ibn binti abu al
    el ul ud
    ван фон дер де да ди бин бен ибн абу ал аль эль
    """.split()
)
#: Articles that may open a sentence but never a name ("El Enviado Especial").
ARTICLES = {"el", "la", "los", "las", "le", "les", "il", "lo", "der", "die", "das", "the"}
CONNECTORS_AND_ARTICLES = CONNECTORS | ARTICLES


def surname_despite_dictionary(given, token, grammar):
    """Whether a word the dictionary knows as a common noun is a surname here: after a
    given name or a word the dictionary does not know ("Михай Русу", "Зейнеп Айдин")."""
    if grammar not in ("ru", "uk") or not name_like(token) or not CYRILLIC.match(token.text):
        return False
    if is_title(token.text) or is_unit(token.text) or is_place(token.text, grammar):
        return False
    places = {"Geox", "Orgn"}
    if any(places & parse.tag.grammemes for parse in analyzer(grammar).parse(token.text)):
        return word_class(given.text, grammar) == "name"
    return word_class(given.text, grammar) in ("name", "unknown")


def is_initial(text, tokens, index):
    """Whether the token at `index` is an initial: one letter, or two of which the second
    is small ("Kh.", "Sh."), and a full stop; "AP." is an acronym."""
    token = tokens[index]
    return (
        len(token.text) <= 2
        and text[token.end : token.end + 1] == "."
        and token.text[:1].isupper()
        and not is_honorific(token.text)
        and not (len(token.text) == 2 and token.text.isupper())
    )


#: The most words a name has, its particles and initials aside.
NAME_WORDS = 4


def name_runs(text, tokens, grammar="latin"):
    """Candidate personal names: runs of adjacent name words on one line, with an
    initial ("B.Tugsjargal") or a particle ("van") allowed inside, as lists of tokens.
    A word in the genitive or the ablative ends a name ("Gurbanguly Berdimuhamedowyň
    Birleşen ..."), and an article opens none ("El Enviado ...")."""
    runs, run = [], []

    def close():
        while run and run[-1].folded in PARTICLES:
            run.pop()
        if len(run) >= 2 and not (len(run) == 2 and run[0].folded in PARTICLES):
            runs.append(list(run))
        run.clear()

    for index, token in enumerate(tokens):
        if not run and (not token.capitalised or token.folded in ARTICLES):
            continue
        gap = text[run[-1].end : token.start] if run else ""
        initial = is_initial(text, tokens, index)
        if run and not (
            gap.strip(" ") == "" or (gap.strip(" ") == "." and run[-1].end - run[-1].start <= 2)
        ):
            close()
        if run and "\n" in gap:
            close()
        if initial and (not run or len(run) < 3):
            if run and not is_initial(text, tokens, index - 1):
                close()
            run.append(token)
        elif name_word(token, grammar) or (
            len(run) == 1 and surname_despite_dictionary(run[0], token, grammar)
        ):
            if len(run) >= 2 and len(run[-2].text) <= 2 < len(run[-1].text):
                close()  # "Д.Болд Ирина Ланг": a name with an initial is complete
            elif run and ends_noun_phrase(run[-1].text, grammar):
                close()
            run.append(token)
            if len(core_words(run)) > NAME_WORDS:
                close()
        elif run and token.folded in PARTICLES and not is_initial(text, tokens, index - 1):
            run.append(token)
        else:
            close()
    close()
    return [
        run
        for run in runs
        if len(core_words(run)) <= NAME_WORDS and run[-1].end - run[-1].start > 2
    ]


def core_words(run):
    """The words of a run that are neither particles nor initials."""
    return [t for t in run if t.folded not in PARTICLES and not t.text.isupper()]
