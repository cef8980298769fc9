"""Personal names across languages: which grammar a report's names follow, their
nominative, and one key that compares spellings across scripts.

Reports name people in the case the sentence needs: "с Томасом Райнхольтом",
"Əliyevanı", "Gurbanowyň", "Окафорыг", "Դյուպոնի", "ლოპესმა". Russian and Ukrainian
forms are brought back to the nominative with pymorphy3; the Turkic, Mongolian,
Armenian and Georgian endings are taken off by rule, and a report usually confirms the
bare form by naming the person again ("Mariya Lopesi ... Mariya Lopes").
"""

import re
from functools import lru_cache

import pymorphy3
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


# Words that come with names but are not part of them


def stem_form(word):
    """`word` as the lists of posts, units and titles are compared: Latin letters
    without accents ("Müdür" -> "mudur"), other scripts in lower case only, since taking
    the marks off Cyrillic letters confuses words ("сайд", a minister, and "Саид")."""
    return fold(word) if SCRIPTS["latin"].search(word) else word.casefold()


#: Courtesy titles and honorifics, before a name or (Uzbek "xonim") after it.
HONORIFICS = {
    stem_form(word)
    for word in """
    mr mrs ms miss mme mlle dr prof sir madam monsieur madame herr frau señor señora sr
    sra don doña domnul doamna dl dna sayın bay bayan cənab xanım janob xonim jenap hanym
    господин госпожа г-н г-жа пан пані мырза ханым ноён хатагтай պարոն տիկին ბატონი
    ქალბატონი ბატონ ქალბატონ السيد السيدة sheikh sheikha şeyx şeyxa şeyh шейх шейха
    baroness baron lady lord
    """.split()
}
#: Beginnings of words for posts, ranks and roles, in the languages of the reports.
POST_STEMS = tuple(
    stem_form(word)
    for word in """
    minist ministr vice- viceminist vicepresid deputy assist secretar secrétai secreta
    sekret ambassad embaja
    botschaf director directeu directri direktor dirección head chief chef jefe leiter
    president préside presiden prezid cumhurba chair speaker spokes representa représen
    vertret rapporteu relator berichter raport commissio commissa comisiona komissar
    komisyon ombuds médiat defensor defender advocat avocatul poporului adviser advisor
    conseill asesor berater consilier coordinat coordonat koordinat member membre miembr
    mitglied officer official officiel oficial general colonel envoy consul adjunct
    adjoint adjunto authorized authorised public nazir naziri müavin səfir nümayəndə
    rəhbər rəis sədr müşavir əlaqələndir müvəkkil katib üzvü başçı bakan yardımcı
    büyükelçi temsilci denetçi müdür başkan genel sekreter komiser raportör danışman
    müşavir vazir o'rinbosar orinbosar rais vakil elchi maslahatchi ma'ruzachi maruzachi
    ministr orunbasar ilçi wekil ýolbaşçy yolbasci başlyk baslyk министр заместител
    замминистр посол посл представител директор глав руководит советник член докладчик
    координатор комиссар омбудсм омбудсман уполномоч председател президент генерал
    спикер секретар начальник акыйкатчы заступни міністр представни керівник голов
    доповідач радник уповноважен орынбасар өкіл басшы министрі елші уәкіл төраға
    вазир ўринбосар раис вакил элчи сайд гишүүн илтгэгч дарга зохицуулагч төлөөлөгч
    элчин тэргүүн դեսպան տեղակալ նախարար ղեկավար ներկայացուցիչ պաշտպան
    მოადგილე დირექტორ წარმომადგენ ელჩ მინისტრ ხელმძღვანელ
    judge juez jueza juge judecat expert uzman сарапшы мэргэжилтэн шинжээч эксперт
    експерт փորձագետ ექსპერტ counterpart homolog omolog professor профессор професор
    doctor doktor доктор դոկտոր պրոֆեսոր governor gobernador mayor senator premier
    премьер прем'єр პრემიერ manager menejer менеджер канцлер canciller portavoz
    porte-parole sözcü sozcu purtator spiker presedint ambasad reprezent başbakan
    basbakan müsteşar mustesar müdir mudir baslyg kotib котиб хатшы кеңесші ерөнхий
    захира зөвлө референт орлогч замглав генсек вице- консул пресс-секрет прес-секрет
    правозахисн правозащитн судья судьи суддя судді губернатор նախագահ տնօրեն
    քարտուղար հանձնակատար զեկուցող վարչապետ խորհրդական փոխնախարար փոխնախագահ
    դատավոր պատգամավոր օմբուդսմ ներկայացուց მომხსენებ კომისარ პრეზიდენტ თავმჯდომარ
    დამცველ მდივან სპიკერ ომბუდსმენ მრჩეველ მოსამართლე enviad adjunt adalatçy
    համանախագահ
    """.split()
)
#: Beginnings of words for units, bodies, documents and events ("... Division",
#: "... Order", "... Segment"), which never end or begin a person's name.
UNIT_STEMS = tuple(
    stem_form(word)
    for word in """
    division unit order segment section sector department depart treaty bodies operation
    mission délégat delegat
    office bureau oficina session sesión sesiune sitzung plan programm program project
    projet proyecto law loi ley gesetz code convention declaration déclaration review
    report rapport informe agenda dialogue forum network institut mechanism mécanism
    mecanism agency agence service servicio press news haber xəbər хабар новост
    majlis мажлис senat сенат kengash кенгаш parliament parlament парламент ministr
    ministère ministerio ministerium nazirliy bakanlığ vazirlig ministrlig министерств
    міністерств министрлиг yamaa unicef unhcr ohchr icrc osce odihr chamber republic
    respublik республик rada society sociedad société region bölge bolge oblast
    viloyat welaýat вилоят область район heyəti heyeti response strateg initiativ
    campaign framework partnership summit conferen congress
    """.split()
)
#: Countries, regions and cities, as the beginnings of their transliterated names.
PLACE_STEMS = tuple(
    """
    azerbai azerbay azarbay armeni hayastan georgia gruzi sakartvel gurcist turkmen
    kazakh kazakst qazaq kazakist kyrgyz kirgiz qirgiz uzbek ozbek mongol moldov
    ukrain ukrayin rossi russia russie rusiya turkiy turkey turquie turqui switzerl
    shveits isvecr isvicr suisse schweiz europ evrop yevrop avrop asiya azii aziy
    osiyo tsentraln central kavkaz caucas qafqaz kafkas genev geneve cenevr jenev
    zhenev ginebra tbilis yerevan erevan astana bishkek tashkent toshkent ashgabat
    ashkhabad asgabat ulaanbaat ulanbat ulanbator chisinau kishinev moskv moscow
    ankara warsaw varshav varsav strasbourg vienna brussel karagand almaty samarkand
    dushanbe tajik tojik afghan iran belarus polsh poland lithuan latvi eston ulsyn
    monggol artsakh arcax artsax karabakh karabag qarabag garabag pakist hindist
    hindust yaponi japoni xitoy kitai avstri awstri austri osterr almaniy almaniya
    almanya germaniy fransiy frantsiy italiy italya ispani ispany portug britani
    britan kanad afrik afric aziya aziyo evroosiy niderland gollandi netherland
    belchik shvetsi isvech norveg norway finland finlyand macarist vengri hungar
    chexi chekhi slovaki sloveni xorvati khorvati croati serbiy serbia bosni
    chernogor montenegr albani makedoni macedoni bolgar bulgari yunanist gretsi
    greece ruminiy rumyni romania felestin palestin iraq seudiyy saudov arabiy
    arabia emirat egipt egypt liviy libya tunis elcezair alzhir algeri marokk
    marokash morocc argentin brazil braziliy meksik mexic venesuel venezuel kolumbi
    colombi guatemal nigeri avstrali austral gurcust
    """.split()
)
#: Places short enough to be whole words only.
PLACE_WORDS = set(
    """
    baku baki bakou bakoe genf kyiv kiev kyyiv wien viena paris london berlin rome
    roma new york riga minsk oslo bern nyu yorkda ulus uls ulsad ulsyn mgl qatar
    katar qeter belgiya belgium belgique amerika india inde indiya china japan korea
    koreya kore misr misir cuba kipr cyprus kibris france fransa spain espana italy
    azi asia asie africa afrique america europe usa ssha absh aqsh doha tokio tokyo
    north south east west northern southern eastern western norte sur nord sud ouest
    shimoliy janubiy sharqiy garbiy shimali cenubi sherqi qerbi kuzey guney dogu
    bati demirgazyk gunorta gundogar gunbatar soltustik ontustik khoid omnod guneydogu
    francia alemania suecia noruega dinamarca nomkhon anadolu
    """.split()
)
MONTHS = {
    fold(word)
    for word in """
    january february march april may june july august september october november december
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre januar februar märz juni juli oktober dezember ocak şubat mart nisan mayıs
    haziran temmuz ağustos eylül ekim kasım aralık yanvar fevral aprel iyun iyul avqust
    sentyabr oktyabr noyabr dekabr
    """.split()
}


#: What a short stem may be followed by and still be the word: "rais", "raisi", but
#: not "Raisa"; "ley", but not "Leyla".
SHORT_STEM_ENDINGS = ("", "s", "es", "i", "ı", "si", "sı")


def stem_rest(word, stems):
    """What follows the first of `stems` that begins `word` (see `has_stem`), or None."""
    for stem in stems:
        if not word.startswith(stem):
            continue
        rest = word[len(stem) :]
        if rest in SURNAME_SUFFIXES:
            continue  # "Генералов": a surname made from a post
        if len(stem) >= 5 or (
            rest in SHORT_STEM_ENDINGS if stem.isascii() else short_ending(rest, word)
        ):
            return rest
    return None


#: What a surname made from a word adds to it.
SURNAME_SUFFIXES = {"ov", "ova", "ev", "eva", "in", "ina", "ов", "ова", "ев", "ева", "ин", "ина"}


def has_stem(word, stems):
    """Whether `word` (see `stem_form`) begins with one of `stems`: a stem of five
    letters or more begins any word; a shorter Latin one only the word itself or a short
    ending after it; a shorter one in another script a word of at most four letters more
    that does not end like a surname ("посла", "сайдын", but not "Саидов")."""
    for stem in stems:
        if not word.startswith(stem):
            continue
        rest = word[len(stem) :]
        if len(stem) >= 5 or (
            rest in SHORT_STEM_ENDINGS if stem.isascii() else short_ending(rest, word)
        ):
            return True
    return False


def short_ending(rest, word):
    """Whether `rest`, after a short stem, is a case ending rather than more of a name."""
    return len(rest) <= 4 and not has_surname_shape(word)


@lru_cache(maxsize=65536)
def is_title(word):
    """Whether `word` is a courtesy title or a post ("Sayın", "Müdürü", "господин"), not
    the office a post holds ("Başkanlığı", "ýolbaşçylygynda", "նախագահությամբ")."""
    form = stem_form(word).rstrip(".")
    if form in HONORIFICS:
        return True
    rest = stem_rest(form, POST_STEMS)
    if rest is None:
        rest = stem_rest(without_post_prefix(form), POST_STEMS)
    if rest is not None:
        return not is_office(rest)
    return loanword_stem(word, LATIN_POSTS)


#: Prefixes that make a post a chief's, a deputy's or a co-holder's ("Başdenetçisi",
#: "замглавы", "co-chair", "համանախագահ", "փոխնախարար").
POST_PREFIXES = ("bas", "baş", "зам", "вице-", "vice-", "co-", "ко-", "համա", "փոխ")


def without_post_prefix(form):
    """`form` without a prefix of `POST_PREFIXES`, when a word of some length is left."""
    for prefix in POST_PREFIXES:
        if form.startswith(prefix) and len(form) - len(prefix) >= 5:
            return form[len(prefix) :]
    return form


#: Suffixes that make a post into its office or tenure: Turkic "-lik", Armenian
#: "-ություն", Georgian "-ობა", Russian "-ство".
OFFICE_SUFFIXES = tuple(
    stem_form(suffix)
    for suffix in "lik lık luk lük lyk lyg lig liq luq lığ liğ luğ lüğ лік лық лик лиг ств "
    "ьств ությ ութ ობ ეობ".split()
)


def is_office(rest):
    """Whether what follows a post's stem makes the word its office (see
    `OFFICE_SUFFIXES`), allowing one vowel between ("Komiserliği")."""
    return rest.startswith(OFFICE_SUFFIXES) or rest[1:].startswith(OFFICE_SUFFIXES)


#: The Latin stems of five letters or more, which loanwords in other scripts share
#: ("Сенат", "Սենատ", "პრეზიდენტი").
LATIN_POSTS = tuple(stem for stem in POST_STEMS if stem.isascii() and len(stem) >= 5)
LATIN_UNITS = tuple(stem for stem in UNIT_STEMS if stem.isascii() and len(stem) >= 5)


def loanword_stem(word, stems):
    """Whether a word in another script than Latin begins, transliterated, with one of
    `stems`, and does not end as a surname ("Генералов")."""
    if SCRIPTS["latin"].search(word) or has_surname_shape(word):
        return False
    return transliterate(word).startswith(stems)


def is_honorific(word):
    """Whether `word` is a courtesy title ("Mme", "cənab", "ноён")."""
    return stem_form(word).rstrip(".") in HONORIFICS


@lru_cache(maxsize=65536)
def is_unit(word):
    """Whether `word` names a unit, a body, a document or an event ("Division"), or an
    office ("Komiserliği")."""
    form = stem_form(word)
    if has_stem(form, UNIT_STEMS) or loanword_stem(word, LATIN_UNITS):
        return True
    rest = stem_rest(form, POST_STEMS)
    return rest is not None and is_office(rest)


@lru_cache(maxsize=65536)
def is_place(word, grammar):
    """Whether `word` is a country, region or city, in any case ("Туркменистана",
    "Cenevrədə", "Бишкеке"), or a word joined to one ("Nyu-Yorkdakı", "l'Argentine")."""
    word = ELISION.sub("", word)
    if "-" in word.strip("-"):
        return any(is_place(part, grammar) for part in word.split("-") if part)
    letters = transliterate(word)
    if letters.startswith(PLACE_STEMS) or fold(word) in MONTHS:
        return True
    return any(transliterate(form) in PLACE_WORDS for form in base_forms(word, grammar))


#: An article or preposition elided before a name ("l'Argentine", "d'Arménie").
ELISION = re.compile(r"^[ld]['’](?=[^\W\d_])")
