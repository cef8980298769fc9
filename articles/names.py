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
        if count >= min(2, len(text) // 200 + 1) and letters.search(marks):
            return grammar
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
    "mn": "ийг ыг иг г ийн ын ын ий аас ээс оос өөс гаас гээс тай тэй той д ад эд од өд т",
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
    "mn": ("ийг", "ыг", "тай", "тэй", "той", "аас", "ээс", "ийн"),
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
    return tuple(dict.fromkeys(s if s[-1] in GEORGIAN_VOWELS else s + "ი" for s in stems))


@lru_cache(maxsize=65536)
def base_forms(word, grammar):
    """`word` and the forms it may have without a case ending, longest first:
    "Gurbanowyň" -> ("Gurbanowyň", "Gurbanow"); "ლოპესმა" -> (..., "ლოპესი")."""
    if grammar == "ka":
        return tuple(dict.fromkeys((word, *georgian_nominatives(word))))
    forms = [word]
    lower = word.lower()
    for ending in ENDINGS.get(grammar, ()):
        if lower.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM:
            forms.append(word[: -len(ending)])
    return tuple(dict.fromkeys(forms))


def has_surname_shape(word):
    """Whether `word` ends the way surnames of the region do ("-ov", "-yan", "-швили")."""
    return bool(SURNAME_SHAPE.search(word))


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


def is_common_word(word, grammar):
    """Whether the dictionary knows `word` only as something other than a name: a
    place ("Армении", "Бишкеке"), an adjective, a common noun ("Креста", "Стороны")."""
    return word_class(word, grammar) in ("noun", "other")


def restore_case(form, like):
    """`form` written with capitals where `like` has them ("хелена" -> "Хелена")."""
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-")) if like else form


def slavic_nominative(words, grammar):
    """A Russian or Ukrainian name in the nominative. The words of a name agree in case,
    so the case is one every word can be in, as the given name reads it (nothing is
    changed when the given name is not a singular noun to the dictionary); a word that
    cannot be in that case (a foreign surname, a woman's surname ending in a consonant)
    is left as it is, and so is a name every word of which can be a nominative."""
    options = [readings(word, grammar) for word in words]
    cases = [{case_of(p) for p in parses} for parses in options if parses]
    if not cases or all("nomn" in found for found in cases):
        return words
    shared = set.intersection(*cases)
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


def nominative(words, grammar, mentions=None):
    """The words of a name in the nominative: Russian and Ukrainian by their grammar,
    other languages by taking a case ending off the last word (see `settled`)."""
    words = tuple(words)
    if grammar in ("ru", "uk") and all(SCRIPTS["cyrillic"].match(w) for w in words):
        return slavic_nominative(words, grammar)
    *given, last = words
    return (*given, settled(last, grammar, mentions or {}))


# Words that come with names but are not part of them

#: Courtesy titles and honorifics, before a name or (Uzbek "xonim") after it.
HONORIFICS = {
    fold(word)
    for word in """
    mr mrs ms miss mme mlle dr prof sir madam monsieur madame herr frau señor señora sr
    sra don doña domnul doamna dl dna sayın bay bayan cənab xanım janob xonim jenap hanym
    господин госпожа г-н г-жа пан пані мырза ханым ноён хатагтай պարոն տիկին ბატონი
    ქალბატონი السيد السيدة
    """.split()
}
#: Beginnings of words for posts, ranks and roles, in the languages of the reports.
POST_STEMS = tuple(
    fold(word)
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
    замминистр посол посл представит директор глав руководит советник член докладчик
    координатор комиссар омбудсм омбудсман уполномоч председател президент генерал
    спикер секретар начальник акыйкатчы заступни міністр представни керівник голов
    доповідач радник уповноважен орынбасар өкіл басшы министрі елші уәкіл төраға
    вазир ўринбосар раис вакил элчи сайд гишүүн илтгэгч дарга зохицуулагч төлөөлөгч
    элчин тэргүүн դեսպան տեղակալ նախարար ղեկավար ներկայացուցիչ պաշտպան
    მოადგილე დირექტორ წარმომადგენ ელჩ მინისტრ ხელმძღვანელ
    """.split()
)
#: Beginnings of words for units, bodies, documents and events ("... Division",
#: "... Order", "... Segment"), which never end or begin a person's name.
UNIT_STEMS = tuple(
    fold(word)
    for word in """
    division unit order segment section sector department depart treaty bodies operation
    mission délégat delegat
    office bureau oficina session sesión sesiune sitzung plan programm program project
    projet proyecto law loi ley gesetz code convention declaration déclaration review
    report rapport informe agenda dialogue forum network institut mechanism mécanism
    mecanism agency agence service servicio press news haber xəbər хабар новост
    majlis мажлис senat сенат kengash кенгаш parliament parlament парламент ministr
    ministère ministerio ministerium nazirliy bakanlığ vazirlig ministrlig министерств
    міністерств министрлиг yamaa unicef unhcr ohchr icrc osce odihr
    """.split()
)
#: Countries, regions and cities, as the beginnings of their transliterated names.
PLACE_STEMS = tuple(
    """
    azerbai azerbay azarbay armeni hayastan georgia gruzi sakartvel gurcist turkmen
    kazakh kazakst qazaq kazakist kyrgyz kirgiz qirgiz kirgiz uzbek ozbek mongol moldov
    ukrain ukrayin rossi russia russie rusiya turkiy turkey turquie turqui switzerl
    shveits isvecr isvicr suisse schweiz europ evrop yevrop avrop asiya azii aziy osiyo
    tsentraln central kavkaz caucas qafqaz kafkas genev geneve cenevr jenev zhenev
    ginebra tbilis yerevan erevan astana bishkek tashkent toshkent ashgabat ashkhabad
    asgabat ulaanbaat ulanbat ulanbator chisinau kishinev moskv moscow ankara warsaw
    varshav varsav strasbourg vienna brussel karagand almaty samarkand dushanbe tajik
    tojik afghan iran belarus polsh poland lithuan latvi eston ulsyn monggol
    """.split()
)
#: Places short enough to be whole words only.
PLACE_WORDS = set(
    """
    baku baki bakou bakoe genf kyiv kiev kyyiv wien viena paris london berlin rome roma
    new york riga minsk oslo bern nyu yorkda ulus uls ulsad ulsyn mgl
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


def has_stem(word, stems):
    """Whether `word` (folded) begins with one of `stems`: a stem of five letters or
    more begins any word, a shorter Latin one only the word itself or a short ending
    after it; Cyrillic and other scripts' stems begin any word."""
    for stem in stems:
        if word.startswith(stem) and (
            len(stem) >= 5 or not stem.isascii() or word[len(stem) :] in SHORT_STEM_ENDINGS
        ):
            return True
    return False


@lru_cache(maxsize=65536)
def is_title(word):
    """Whether `word` is a courtesy title or a post ("Sayın", "Müdürü", "господин")."""
    folded = fold(word).rstrip(".")
    return folded in HONORIFICS or has_stem(folded, POST_STEMS)


@lru_cache(maxsize=65536)
def is_unit(word):
    """Whether `word` names a unit, a body, a document or an event ("Division")."""
    return has_stem(fold(word), UNIT_STEMS)


@lru_cache(maxsize=65536)
def is_place(word, grammar):
    """Whether `word` is a country, region or city, in any case ("Туркменистана",
    "Cenevrədə", "Бишкеке")."""
    letters = transliterate(word)
    if letters.startswith(PLACE_STEMS) or fold(word) in MONTHS:
        return True
    return any(transliterate(form) in PLACE_WORDS for form in base_forms(word, grammar))
