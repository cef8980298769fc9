"""What tells that a run of name words names a person: a post or a courtesy title
before it, a post, an honorific or a verb of speech after it, the surname named again;
and what tells that it does not: the name of a body or a unit it belongs to, the post it
complements, a place after a preposition.
"""

import re

from .catalog import word_keys
from .extraction import fold
from .grammar import TURKIC, ends_noun_phrase
from .lexicon import is_honorific, is_title, is_unit
from .runs import ARTICLES, CONNECTORS_AND_ARTICLES, NAME_WORDS, PARTICLES, is_initial
from .tokens import (
    CONNECTORS,
    CYRILLIC,
    KEYWORD_STEMS,
    NOT_NAME_WORDS,
    ORGANIZATION_KEYWORDS,
    TITLE_CUES,
    name_word,
)

#: Beginnings of the verbs a person does in a report: says, meets, receives, informs.
SPEECH_VERBS = tuple(
    fold(word)
    for word in """
    said says noted stressed informed added emphasi recalled thanked welcomed expressed
    briefed underlined highlighted told praised spoke met meets received held assured
    confirmed presented stated discussed visited noté souligné déclaré indiqué rappelé
    remercié informé salué exprimé rencontr reçu présenté отметил подчеркнул заявил
    сообщил рассказал проинформировал выразил поблагодарил высоко напомнил встретил
    провел провёл приняла принял передал подтвердил ознакомил обсудил зустрів
    розповів розповіла запевнив заявив наголосив повідомив señaló destacó dijo afirmó
    subrayó informó agradeció expresó presentó recibió explicó ofreció se sagte betonte
    erklärte unterstrich dankte berichtete informierte bildirdi vurguladı dedi belirtti
    ifade teşekkür kabul qeyd vurğuladı məlumat təşəkkür qəbul görüş ise bilen ilə bilan
    gürrüň belledi nygtady ýokary uchrashdi qabul taqdim bildirdi aytdi учрашди қабул
    маълумот билан кездесті қонаққа қонақты айтты жеткізді хүлээн танилцуула
    илэрхийлэв s-a mulțumit prezentat anunțat reiterat subliniat declarat أكد قال أشار
    أعرب
    """.split()
)
LONG_VERBS = tuple(verb for verb in SPEECH_VERBS if len(verb) >= 4)
SHORT_VERBS = {verb for verb in SPEECH_VERBS if len(verb) < 4}


def is_speech_verb(word):
    """Whether a folded word is one of `SPEECH_VERBS`: a stem of four letters or more
    begins it; a shorter one ("se", "ise") is the whole word."""
    return word in SHORT_VERBS or word.startswith(LONG_VERBS)


#: How many words before a name a post or title may stand ("Deputy Minister of Foreign
#: Affairs of Turkmenistan Merdan Gurbanov").
CUE_REACH = 15


def cue_before(text, tokens, first, grammar):
    """Whether a post or courtesy title comes before the token at `first`, in the same
    sentence, no further than `CUE_REACH` words, and with no other name between: the
    words of an organization's name are none ("the President of the International
    Committee of the Red Cross, Peter Maurer")."""
    inside = organization_words(text, tokens, first)
    for index in range(first - 1, max(first - CUE_REACH, 0) - 1, -1):
        word = tokens[index]
        title = is_cue(word)
        gap = text[word.end : tokens[first].start]
        if title and gap[:1] == ".":
            gap = gap[1:]  # "Dr. Erik Solheim", "Prof.Dr. Muharrem Kılıç"
        if re.search(r"[.!?;]\s|\n", gap) or "," in gap[:-2]:
            return False
        if title:
            return True
        if (
            name_word(word, grammar)
            and not is_initial(text, tokens, index)
            and index not in inside
            and not place_after_preposition(text, tokens, index, grammar)
        ):
            return False
    return False


#: Prepositions before a place ("de Francia", "in Geneva", "в Женеве").
PREPOSITIONS = set(
    "of for in at from de del des du di da en à au aux în din von aus в во из у".split()
)


def place_after_preposition(text, tokens, index, grammar):
    """Whether a capitalised word standing alone after a preposition is a place, not a
    name ("sus homólogos de Francia, Jean-Yves Le Drian")."""
    if not index or tokens[index - 1].folded not in PREPOSITIONS:
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    joined = following and text[tokens[index].end : following.start] == " "
    return not (joined and name_word(following, grammar))


def in_izafet(text, tokens, first, grammar):
    """Whether a run of a Turkic report goes on the name of an organization it follows
    ("Ulusal İnsan Hakları Kurumları Küresel Ağı"), as names of bodies chain there."""
    if grammar not in TURKIC or not first:
        return False
    before = tokens[first - 1]
    joined = text[before.end : tokens[first].start] == " "
    return joined and before.capitalised and is_organization_word(before)


def post_before(text, tokens, first, grammar):
    """The post that introduces a Russian or Ukrainian name, whose case the name takes
    ("встреча Министра иностранных дел ... С.В.Лаврова"), or None."""
    if grammar not in ("ru", "uk"):
        return None
    for index in range(first - 1, max(first - CUE_REACH, 0) - 1, -1):
        word = tokens[index]
        if re.search(r"[.!?;,]\s|\n", text[word.end : tokens[first].start]):
            return None
        if is_title(word.text) and CYRILLIC.match(word.text):
            return word.text
        if name_word(word, grammar) and not is_initial(text, tokens, index):
            return None
    return None


def is_cue(token):
    """Whether a word is a post or a courtesy title ("Minister", "Dr.", "Sayın")."""
    return token.folded.rstrip(".") in TITLE_CUES or (len(token.text) > 1 and is_title(token.text))


def organization_words(text, tokens, first):
    """The indexes of the words before `first` that belong to an organization's name: a
    run of capitalised words and connectors, one of which is a keyword or a unit ("the
    International Committee of the Red Cross")."""
    inside, span = set(), []
    for index in range(max(first - CUE_REACH, 0), first):
        token = tokens[index]
        joined = span and text[tokens[span[-1]].end : token.start].strip(" ()") == ""
        if (token.capitalised or (span and token.folded in CONNECTORS)) and (not span or joined):
            span.append(index)
            continue
        inside |= organization_span(tokens, span)
        span = [index] if token.capitalised else []
    return inside | organization_span(tokens, span)


def organization_span(tokens, span):
    """`span` as a set when one of its words names an organization, else nothing."""
    if any(is_organization_word(tokens[index]) for index in span):
        return set(span)
    return set()


def is_organization_word(token):
    """Whether a word names a body or a unit ("Committee", "Ministère", "Fondului"), not
    a post that shares a keyword's stem ("Komiseri", "Bakanı")."""
    if token.folded in ORGANIZATION_KEYWORDS or is_unit(token.text):
        return True
    return token.folded.startswith(KEYWORD_STEMS) and not is_title(token.text)


def follows_organization(text, tokens, first, run=()):
    """Whether a run continues an organization's name through a connector ("División de
    Operaciones de Campo", "Comitetului Internațional al Crucii Roșii"), or goes on
    from its keyword with one inside ("Organización Mundial de la Salud")."""
    if first and any(t.folded in PARTICLES for t in run):
        before = tokens[first - 1]
        if text[before.end : tokens[first].start] == " " and is_organization_word(before):
            return True
    index = first - 1
    skipped = 0
    while index >= 0 and tokens[index].folded in CONNECTORS_AND_ARTICLES:
        if text[tokens[index].end : tokens[index + 1].start] != " ":
            return False
        index -= 1
        skipped += 1
    if index < 0 or not skipped or text[tokens[index].end : tokens[index + 1].start] != " ":
        return False
    for word in range(index, max(index - NAME_WORDS, -1), -1):
        if not tokens[word].capitalised:
            return False
        if is_organization_word(tokens[word]):
            return True
        if word and text[tokens[word - 1].end : tokens[word].start] != " ":
            return False
    return False


def cue_after(text, tokens, last):
    """Whether the words after the token at `last` present a person: a post after a
    comma ("Tomas Reinholt, Director of ..."), an honorific ("Mariana Kosta xonim"), or
    a verb saying what the person did ("Эдвард Каррингтон отметил")."""
    following = tokens[last + 1 : last + 3]
    if not following:
        return False
    after = following[0]
    gap = text[tokens[last].end : after.start]
    if "\n" in gap:
        return False
    if "," in gap:
        return post_after_comma(text, tokens, last + 1)
    if gap.strip() not in ("", "—", "–", "-"):
        return False
    if is_honorific(after.text) or after.folded.startswith(("xonim", "хоним")):
        return True
    if gap.strip() and is_title(after.text):
        return True  # "Andreea Pătrașcu — adjunct al Avocatului Poporului"
    if after.folded in ("a", "s", "ha", "hat") and len(following) > 1:
        after = following[1]
    return is_speech_verb(after.folded)


def post_after_comma(text, tokens, index):
    """Whether a post follows the comma after a name, past an article, an acronym or a
    word such as "Special" ("Dunja Mijatovic, the CoE Commissioner for Human Rights")."""
    for token in tokens[index : index + 4]:
        if "\n" in text[tokens[index - 1].end : token.start]:
            return False
        if token.folded.rstrip(".") in TITLE_CUES or is_title(token.text):
            return True
        acronym = sum(letter.isupper() for letter in token.text) >= 2  # "UN", "CoE"
        if not (acronym or token.folded in ARTICLES or token.folded in NOT_NAME_WORDS):
            return False
    return False


def names_a_unit(text, tokens, last):
    """Whether the word after a run makes it the name of a unit or a body ("Field
    Support Division", "Monitoring Mission", "İslam Əməkdaşlıq Təşkilatının", "the
    Donetsk People's Republic")."""
    if last + 1 >= len(tokens):
        return False
    after = tokens[last + 1]
    gap = text[tokens[last].end : after.start]
    if not after.capitalised:
        return False
    if gap == " ":
        return is_organization_word(after)
    return gap in ("’s ", "'s ") and is_unit(after.text)


def names_a_post(text, tokens, last, grammar):
    """Whether the post right after a run makes it the post's complement, not a person
    ("Özel Kalem Müdürü", "Verkhovna Rada Commissioner"). Mongolian may put a post after
    a name ("Ж.Бямбадорж дарга"), a courtesy title may follow one ("... xonim"), and a
    name in the genitive owns what follows."""
    if grammar == "mn" or last + 1 >= len(tokens) or ends_noun_phrase(tokens[last].text, grammar):
        return False
    after = tokens[last + 1]
    if text[tokens[last].end : after.start] != " " or is_honorific(after.text):
        return False
    return is_title(after.text) and not after.folded.startswith(("xonim", "хоним"))


def aside(text, run):
    """Whether a run stands outside the report's sentences: a byline ("/Айгерим
    Токтогулова — Кабар/") or a signature line ("Шаҳноза Каримова, ЎзА")."""
    line_start = text.rfind("\n", 0, run[0].start) + 1
    line_end = text.find("\n", run[-1].end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    before = text[max(run[0].start - 2, 0) : run[0].start]
    after = text[run[-1].end : run[-1].end + 3]
    return len(line.split()) < 6 or "/" in before or "—" in after or "–" in after


def common_words(text, run):
    """Whether a word of the run is written in lower case elsewhere in the report, as
    common words are ("Drepturile Omului" ... "drepturile omului")."""
    return any(
        re.search(rf"(?<!\w){re.escape(t.text.lower())}(?!\w)", text)
        for t in run
        if len(t.text) > 2
    )


def repeated(text, run, tokens, grammar):
    """Whether the report names the surname again: alone, after an initial or a title
    ("... Ms. Frazer"), or in a name that ends there ("Omer Fisher highly ..."). The
    same words inside a longer name ("Hogan Lovells LLP") say nothing of a person."""
    keys = set(word_keys(run[-1].text, grammar))
    inside = {id(token) for token in run}
    for index, token in enumerate(tokens):
        if id(token) in inside or not token.capitalised or len(token.skeleton) < 2:
            continue
        if not set(word_keys(token.text, grammar)) & keys:
            continue
        before = tokens[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        alone = not (
            before
            and text[before.end : token.start] == " "
            and name_word(before, grammar)
            and not is_initial(text, tokens, index - 1)
        )
        last = not (after and text[token.end : after.start] == " " and after.capitalised)
        if alone or last:
            return True
    return False


def glued_initial(text, run):
    """Whether a run opens with an initial written against the name ("Б.Төгсжаргал",
    "С.В.Вершинин"), as people's names are and little else is."""
    return len(run) >= 2 and len(run[0].text) <= 2 and text[run[0].end : run[1].start] == "."
