"""Personal names across scripts and grammars: which grammar a report's names follow,
one key that compares a name word's spellings across scripts, the case endings taken off
by rule, and the endings no surname has.

Reports name people in the case the sentence needs: "Əliyevanı", "Gurbanowyň",
"Окафорыг", "Դյուպոնի", "ლოპესმა". The Turkic, Mongolian, Armenian and Georgian endings
are taken off here by rule; names come back to the nominative in `ingest.declension`.
"""

import re
from functools import lru_cache

from anyascii import anyascii

from .extraction import fold

#: Letters that only some languages write, most telling first: (grammar, letters).
GRAMMAR_LETTERS = [
    ("uz", "ўҳЎҲ"),
    ("kk", "әұңғқһӘҰҢҒҚҺ"),
    ("mn", "өүӨҮ"),
    ("uk", "іїєґІЇЄҐ"),
    ("az", "əƏ"),
    ("tk", "ňýžŇÝŽ"),
    ("uz", "ʻ‘`"),
    ("tr", "ğışİ"),
]
SCRIPTS = {
    "ka": re.compile(r"[\u10d0-\u10ff]"),
    "hy": re.compile(r"[\u0531-\u058f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-zÀ-ɏ]"),
}
CYRILLIC_GRAMMARS = {"ru", "uk", "kk", "mn", "uz"}


def script_of(text):
    """The script most of the letters of `text` are written in."""
    counts = {script: len(pattern.findall(text)) for script, pattern in SCRIPTS.items()}
    return max(counts, key=counts.get) if any(counts.values()) else "latin"


@lru_cache(maxsize=4096)
def name_grammar(text):
    """The grammar the names of `text` follow: "ru", "uk", "kk", "mn", "uz", "az", "tk",
    "tr", "hy", "ka", or "latin" for the languages whose names do not decline."""
    script = script_of(text)
    if script in ("ka", "hy"):
        return script
    letters = SCRIPTS[script]
    for grammar, marks in GRAMMAR_LETTERS:
        if (grammar in CYRILLIC_GRAMMARS) != (script == "cyrillic") and grammar != "uz":
            continue
        count = sum(text.count(mark) for mark in marks)
        if count >= min(2, len(text) // 200 + 1) and (
            letters.search(marks) or (script == "latin" and not SCRIPTS["latin"].search(marks))
        ):
            return grammar  # the Uzbek apostrophes ("Oʻzbekiston") go with Latin letters
    return "ru" if script == "cyrillic" else "latin"


# One key for a name word, whatever its script or transliteration

#: Letters whose usual transliteration is more than one letter.
SPELLED_OUT = str.maketrans({"ç": "ch", "Ç": "Ch", "ž": "zh", "Ž": "Zh", "ş": "sh", "Ş": "Sh"})
#: Digraphs and letters that spell one sound differently across transliterations.
KEY_RULES = [
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("ge", "je"),
    ("gi", "ji"),
    ("gn", "n"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("kh", "h"),
    ("ch", "sh"),
    ("sh", "s"),
    ("ph", "f"),
    ("gh", "g"),
    ("ou", "u"),
    ("x", "h"),
    ("q", "g"),
    ("c", "j"),
    ("w", "v"),
    ("f", "v"),
    ("ts", "s"),
    ("z", "s"),
    ("ck", "k"),
]
VOWELS = set("aeiouy")
VELARS = str.maketrans("gjq", "kkk")


@lru_cache(maxsize=65536)
def transliterate(text):
    """`text` in lower-case ASCII letters only: "Səbinə" -> "sebine", "Ли" -> "li"."""
    return re.sub(r"[^a-z]", "", anyascii(fold(text.translate(SPELLED_OUT))).lower())


@lru_cache(maxsize=65536)
def name_key(word):
    """The consonant skeleton of a name word, blind to script, vowels, accents and the
    usual transliteration variants: "Aliyeva", "Əliyeva" and "Алиева" all give "lv";
    "Elçin" and "Элчин" give "lsn"."""
    letters = transliterate(word)
    for old, new in KEY_RULES:
        letters = letters.replace(old, new)
    letters = re.sub(r"(?<=[aeiou])j(?=[aeiou])", "y", letters)
    # Q, G, K and J stand for one another across the region's spellings: "Qosimova",
    # "Kosimova"; "Əsgərov", "Asgarov"; "Гасымов", "Qasımov", "Kasimov".
    letters = letters.translate(VELARS)
    consonants = [c for c in letters if c not in VOWELS]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


# Case endings taken off by rule

#: Endings a name takes in the other cases, by grammar, longest first when tried.
CASE_ENDINGS = {
    "az": "nın nin nun nün ın in un ün nı ni nu nü ı i u ü ya yə a ə ndan ndən dan dən "
    "nda ndə da də yla ylə la lə",
    "tr": "nın nin nun nün ın in un ün yı yi yu yü ı i u ü ya ye a e dan den da de la le",
    "tk": "nyň niň nuň nüň yň iň uň üň ny ni y i na ne a e ndan nden dan den nda nde da de",
    "uz": "ning ni ga ka qa dan da нинг ни га ка қа дан да",
    "kk": "мен пен бен ның нің дың дің тың тің ны ні ды ді ты ті ға ге қа ке на не а е "
    "дан ден тан тен нан нен да де та те",
    "mn": "ийг ыг иг г ийн ын ын ий аас ээс оос өөс гаас гээс тай тэй той д ад эд од өд т "
    "аар ээр оор өөр гаар гээр",
    "hy": "ը ն ին ի ից ով ում",
}
ENDINGS = {
    grammar: tuple(sorted(endings.split(), key=len, reverse=True))
    for grammar, endings in CASE_ENDINGS.items()
}
#: Endings that mark a case without doubt: taken off a name the report gives once.
CLEAR_ENDINGS = {
    "az": ("ndan", "ndən", "dan", "dən", "nın", "nin", "nun", "nün", "la", "lə"),
    "tk": ("nyň", "niň", "yň", "iň", "uň", "üň", "dan", "den"),
    "uz": ("ning", "нинг", "ga", "га"),
    "kk": ("мен", "пен", "бен", "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге"),
    "mn": (
        "ийг",
        "ыг",
        "тай",
        "тэй",
        "той",
        "аас",
        "ээс",
        "ийн",
        "эд",
        "ад",
        "од",
        "өд",
        "аар",
        "ээр",
        "оор",
        "өөр",
    ),
}
#: Case endings and articles after which no word of the same name follows:
#: "Gurbanguly Berdimuhamedowyň | Birleşen Milletler ...", "Լիլիթ Սարգսյանը | Ֆրանսուա
#: Դյուպոնին". Mongolian is left out: a
#: father's name in the genitive comes before the given name ("Ухнаагийн Хүрэлсүх").
PHRASE_ENDINGS = {
    "tk": ("nyň", "niň", "yň", "iň", "uň", "üň"),
    "az": ("nın", "nin", "nun", "nün", "ndan", "ndən"),
    "tr": ("nın", "nin", "nun", "nün"),
    "uz": ("ning", "нинг"),
    "kk": ("ның", "нің", "дың", "дің", "тың", "тің"),
    "hy": ("ը", "ին", "ից", "ով", "ում"),
}
GEORGIAN_VOWELS = set("აეიოუ")
#: Surname endings clear enough to prefer the form that has one.
SURNAME_SHAPE = re.compile(
    r"(ov|ova|ev|eva|yev|yeva|ow|owa|ew|ewa|yan|ian|shvili|dze|enko|zade|zadə|ли|лы|ов|"
    r"ова|ев|ева|ёв|ёва|ян|швили|дзе|енко|заде|յան|ძე|შვილი|ов|ова|ев|ева)$",
    re.IGNORECASE,
)
SHORTEST_STEM = 3


def georgian_nominatives(word):
    """The nominatives a Georgian name word may stand for: ergative "-მა/-მ", dative "-ს",
    genitive "-ის", "-თან" taken off, and the "-ი" a consonant stem takes back."""
    stems = []
    for ending in ("თან", "ის", "მა", "ს", "მ", "ი"):
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM:
            stem = word[: -len(ending)]
            vowel_stem = stem[-1] in GEORGIAN_VOWELS
            if (ending == "მ" and not vowel_stem) or (ending in ("მა", "ის") and vowel_stem):
                continue
            stems.append(stem)
    return tuple(dict.fromkeys(georgian_stem_nominative(stem) for stem in stems))


def georgian_stem_nominative(stem):
    """The nominative of a Georgian stem: a vowel stem as it is, "-ძ" (a genitive's
    "კიკნაძის") back to the surname's "-ძე", any other consonant stem with "-ი"."""
    if stem[-1] in GEORGIAN_VOWELS:
        return stem
    return stem + ("ე" if stem.endswith("ძ") else "ი")


@lru_cache(maxsize=65536)
def base_forms(word, grammar):
    """`word` and the forms it may have without a case ending, longest first:
    "Gurbanowyň" -> ("Gurbanowyň", "Gurbanow"); "ლოპესმა" -> (..., "ლოპესი")."""
    if grammar == "ka":
        return tuple(dict.fromkeys((word, *georgian_nominatives(word))))
    forms = [word]
    lower = word.lower()
    for ending in ENDINGS.get(grammar, ()):
        stem = lower[: -len(ending)]
        if (
            lower.endswith(ending)
            and len(stem) >= SHORTEST_STEM
            and in_harmony(stem, ending, grammar)
        ):
            forms.append(word[: -len(ending)])
    return tuple(dict.fromkeys(forms))


#: Back and front vowels of the languages whose endings follow the stem's last vowel.
HARMONY = {
    "az": ("aıou", "eəiöü"),
    "tr": ("aıou", "eiöü"),
    "tk": ("aoyu", "eäiöü"),
    "kk": ("аоұы", "әеіөү"),
}
#: Endings that keep their vowel whatever the stem's: the Kazakh "with".
INVARIABLE_ENDINGS = {"мен", "пен", "бен"}


def in_harmony(stem, ending, grammar):
    """Whether a case ending's vowel agrees with the stem's last vowel, as the Turkic
    languages make it: "Ioselian" + "i" is no accusative, "Lopes" + "i" is."""
    if grammar not in HARMONY or ending in INVARIABLE_ENDINGS:
        return True
    back, front = HARMONY[grammar]
    stem_vowel = next((c for c in reversed(stem) if c in back or c in front), None)
    ending_vowel = next((c for c in ending if c in back or c in front), None)
    if stem_vowel is None or ending_vowel is None:
        return True
    return (stem_vowel in back) == (ending_vowel in back)


def ends_noun_phrase(word, grammar):
    """Whether `word` ends in a genitive or an ablative that closes a name (see
    `PHRASE_ENDINGS`), with a stem of a name's length before it."""
    lower = word.lower()
    return any(
        lower.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM
        for ending in PHRASE_ENDINGS.get(grammar, ())
    )


#: The "-ski" of Slavic surnames in Armenian letters.
SLAVIC_SKI = ("սկի", "ցկի")
#: Endings of abstract nouns and adjectives, which end no surname ("Comunicación e
#: Información Diplomática"), and of the plural in the Turkic languages ("Saha
#: Operasyonları"), by grammar ("any" for all).
NOT_SURNAME_ENDINGS = {
    "any": (
        "ción",
        "sión",
        "ção",
        "tion",
        "ité",
        "ismo",
        "isme",
        "ismus",
        "ática",
        "ático",
        "ética",
        "ético",
        "ítica",
        "ítico",
        "ónica",
        "ómica",
        "ómico",
        "ública",
        "úblico",
    ),
    "tr": ("ları", "leri", "ların", "lerin"),
    "az": ("ları", "ləri", "ların", "lərin"),
    "tk": ("lary", "leri", "laryň", "leriň"),
    "uz": ("lari", "larining"),
}
#: The plural with a case ending, which no word of a name takes ("Temaslarda").
TURKIC_PLURALS = (
    "ları",
    "leri",
    "larda",
    "lerde",
    "ların",
    "lerin",
    "lardan",
    "lerden",
    "larla",
    "lerle",
    "ləri",
    "lərdə",
    "lərin",
    "lary",
    "leri",
    "larda",
    "lerde",
    "lari",
    "larda",
)
TURKIC = {"tr", "az", "tk", "uz"}


def cannot_be_surname(word, grammar):
    """Whether `word` ends as an abstract noun, an adjective or a plural does, as no
    surname does (see `NOT_SURNAME_ENDINGS`)."""
    lower = word.lower()
    return lower.endswith(NOT_SURNAME_ENDINGS["any"] + NOT_SURNAME_ENDINGS.get(grammar, ()))


def is_plural(word, grammar):
    """Whether a word of a Turkic report is a plural with a case ending."""
    return grammar in TURKIC and word.lower().endswith(TURKIC_PLURALS)


def has_surname_shape(word):
    """Whether `word` ends the way surnames of the region do ("-ov", "-yan", "-швили"),
    after a stem of a name's length ("Now" is no surname)."""
    match = SURNAME_SHAPE.search(word)
    return bool(match) and match.start() >= SHORTEST_STEM
