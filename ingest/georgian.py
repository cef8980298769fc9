"""People named in a Georgian report, which has no capital letters: pairs of a given
name and a surname, told by their cases, their endings and the posts before them.
"""

import re

from .catalog import Found
from .extraction import fold
from .grammar import base_forms, name_key
from .lexicon import is_honorific, is_title

GEORGIAN = re.compile(r"[\u10d0-\u10ff]")


GEORGIAN_NOT_NAMES = {
    "სახალხო",
    "დამცველი",
    "ევროპის",
    "საბჭო",
    "ადამიანის",
    "გაეროს",
    "საქართველოს",
}


#: Endings only Georgian surnames have: "-შვილი", "-ძე", "-უა", "-ავა".
GEORGIAN_SURNAME = re.compile(r"\w\w(?:შვილი|ძე|უა|ავა)$")
#: Short words that stand before a noun and are no given name: "and", "or", "this"...
GEORGIAN_FUNCTION_WORDS = set(
    "და თუ ან რომ მაგრამ ასევე ხოლო ისე როგორც ეს ის ამ იმ მისი მათი".split()
)


def georgian_proposals(text, tokens, known_spans, excluded):
    """People named in a Georgian report, which has no capital letters: pairs of words,
    the first uninflected as a given name before its surname is, counted when the
    report repeats the pair in different cases, once acting ("ანა ლოპესს" ... "ანა
    ლოპესმა"); when the second word ends as only surnames do ("უჩა ნანუაშვილი");
    or when a post or a courtesy title in the same case stands right before the pair
    ("მომხსენებელს პატრიცია გრჟებიკს", "ქალბატონ სალომე ყულჯანიშვილთან")."""
    pairs = {}
    for index in range(len(tokens) - 1):
        given, surname = tokens[index], tokens[index + 1]
        if not georgian_pair(text, given, surname):
            continue
        if any(start <= given.start < end for start, end in known_spans):
            continue
        stem = georgian_surname(surname.text)
        before = georgian_post(text, tokens, index)
        acting = surname.text.endswith(("მა", "მ")) or before is not None
        shaped = GEORGIAN_SURNAME.search(stem) and not given.text.endswith("ს")
        evident = bool(shaped) or bool(before and georgian_apposition(before.text, surname.text))
        entry = pairs.setdefault((given.text, stem), [0, False, False])
        entry[0] += 1
        entry[1] = entry[1] or acting
        entry[2] = entry[2] or evident
    proposals = {}
    for (given, stem), (count, acting, evident) in pairs.items():
        name = f"{given} {stem}"
        if ((count >= 2 and acting) or evident) and fold(name) not in excluded:
            proposals.setdefault((name_key(given), name_key(stem)), name)
    return [Found(name, False) for name in proposals.values()]


def georgian_post(text, tokens, index):
    """The post right before a Georgian pair, or before a place and a comma ahead of it
    ("ელჩს საქართველოში, რობინ დანიგენს"), or None."""
    if not index:
        return None
    post = tokens[index - 1]
    if is_title(post.text) and not text[post.end : tokens[index].start].strip(" ,"):
        return post
    if index >= 2 and post.text.endswith("ში") and is_title(tokens[index - 2].text):
        gap = text[tokens[index - 2].end : tokens[index].start]
        if gap.count(",") <= 1 and not re.search(r"[.!?;]", gap):
            return tokens[index - 2]
    return None


def georgian_pair(text, given, surname):
    """Whether two Georgian words next to each other may be a given name and a surname:
    neither a post, the first no case form, no function word and none of the words that
    open the names of bodies ("სახალხო", "საქართველოს")."""
    if not (GEORGIAN.match(given.text) and GEORGIAN.match(surname.text)):
        return False
    if text[given.end : surname.start] != " " or given.text.endswith(GEORGIAN_CASES):
        return False
    if given.text in GEORGIAN_NOT_NAMES or given.text in GEORGIAN_FUNCTION_WORDS:
        return False
    if surname.text.endswith(GEORGIAN_NOT_SURNAME):
        return False
    if len(given.text) < 3:
        return False
    return not (is_title(given.text) or is_title(surname.text))


#: Case endings and postpositions a given name never takes before its surname (a foreign
#: given name may end in "-ს": "ტომას").
GEORGIAN_CASES = ("ის", "ში", "ზე", "თან", "ით", "ად", "ები", "მა")


#: Plurals and postpositions no surname takes in a name ("საპროტესტო აქციებზე").
GEORGIAN_NOT_SURNAME = ("ში", "ზე", "ით", "ად", "ები", "ებს", "ებმა", "ების", "ებზე", "ებში")


def georgian_surname(word):
    """A Georgian surname in the nominative: its dative, ergative, genitive or a
    postposition taken off ("ყულჯანიშვილთან" -> "ყულჯანიშვილი")."""
    forms = base_forms(word, "ka")
    if len(forms) == 1 or word.endswith("ი"):
        return word
    return next((form for form in forms[1:] if GEORGIAN_SURNAME.search(form)), forms[-1])


def georgian_apposition(post, word):
    """Whether a post and the word after the given name agree in case, as a post and
    the name it introduces do ("დამცველი ... იოსელიანი", "მომხსენებელს ... გრჟებიკს"):
    a post in the genitive belongs to the next noun instead ("დამცველის აპარატი")."""
    if is_honorific(post):
        return True
    case = georgian_case(post)
    return case in ("nominative", "dative", "ergative") and case == georgian_case(word)


def georgian_case(word):
    """The case a Georgian word's ending shows, roughly."""
    if word.endswith("ის"):
        return "genitive"
    if word.endswith("ს"):
        return "dative"
    if word.endswith(("მა", "მ")):
        return "ergative"
    if word[-1] in "იაეოუ":
        return "nominative"
    return "other"
