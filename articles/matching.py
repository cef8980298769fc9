"""Recognise known outlets, people and organizations in report text, propose unknown
names, and find other reports of the same meeting.

Spellings vary by language and transliteration: "Chahbaz Gouliyev" and "Shahbaz
Guliyev", "Xələf Xələfov" and "Халаф Халафов", "Kh.Khalafov". Names are compared by a
consonant skeleton of their transliteration, which is blind to vowels, accents and the
usual digraph variants.
"""

import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import fuzz

from people.models import Organization, Person

from .extraction import fold
from .models import Outlet
from .names import (
    TURKIC,
    analyzer,
    base_forms,
    cannot_be_surname,
    ends_noun_phrase,
    has_surname_shape,
    is_common_word,
    is_given_name,
    is_honorific,
    is_place,
    is_plural,
    is_title,
    is_unit,
    mention_index,
    name_grammar,
    name_key,
    nominative,
    slavic_surname,
    transliterate,
    word_class,
)

#: A word; the Uzbek apostrophes ("Oʻzbekiston", "Erdog‘an", "O`zbek") are letters in it.
TOKEN = re.compile(r"[^\W\d_][\w’'‘ʻ`\-]*", re.UNICODE)

#: Words that introduce a person's name: posts, roles and courtesy titles.
TITLE_CUES = {
    fold(word)
    for word in """
    minister ministre ministro министр министра nazir naziri bakan bakanı وزير ombudsman
    ombudswoman ombudsperson médiateur médiatrice омбудсмен омбудсмена ombudsmanı president
    président presidente präsident президент prezident prezidenti cumhurbaşkanı رئيس
    ambassador ambassadeur ambassadrice embajador embajadora botschafter botschafterin посол
    səfir səfiri büyükelçi سفير commissioner commissaire comisionado комиссар komissar
    representative représentant représentante representante vertreter vertreterin
    представитель nümayəndə nümayəndəsi temsilci ممثل rapporteur rapporteuse relator
    relatora berichterstatter докладчик raportör director directeur directrice directora
    direktor директор head chef cheffe jefe jefa leiter leiterin руководитель глава rəhbər
    rəhbəri başkanı adviser advisor conseiller conseillère asesor asesora berater beraterin
    советник müşavir danışman secretary secrétaire secretario secretaria sekretär секретарь
    katib sekreter deputy заместитель müavin chairman chairwoman chair спикер speaker member
    membre miembro mitglied член члена üzvü üyesi عضو mr mrs ms mme mlle m dr sr sra herr
    frau г-н г-жа cənab xanım bay bayan السيد السيدة
    """.split()
}
#: Capitalised words that are never part of a person's name.
NOT_NAME_WORDS = {
    fold(word)
    for word in """
    permanent special senior high chief acting executive first principal resident
    regional honorary permanente especial alto alta ejecutivo spécial haut haute
    exécutif daimi xüsusi baş bosh бош бас icraçı maxsus doimiy oliy ýörite hemişelik
    ýokary yüksek kıdemli national nacional nationale național ulusal milli milliy
    международный international internacional internationale internațional halkara
    xalqaro beynəlxalq birlashgan millatlar birleşen milletler біріккен ұлттар
    нэгдсэн үндэстний үндэсний
    derechos humanos asuntos exteriores unidas naciones azerbaiyán ginebra droits homme
    affaires étrangères nations unies azerbaïdjan genève réfugiés haut commissariat
    menschenrechte vereinten nationen aserbaidschan genf auswärtigen flüchtlinge kindes
    rechte ausschusses kinder rotes kreuz europarat europa azərbaycan respublikası baki bakı
    cenevrə birləşmiş millətlər insan hüquqları azerbaycan dışişleri birleşmiş milletler
    cenevre kızılhaç komitesi heyeti uluslararası азербайджан азербайджана азербайджанской
    республики баку женева женеве оон ооне президент министерство мид europe european
    caucasus geneva cənubi qafqaz южному кавказу кавказ güney kafkasya caucase südkaukasus
    mechanism preventive institution network forum platform process universal periodic
    review session report the of for on and foreign affairs justice interior republic
    azerbaijan azerbaijani armenia united nations human rights high council office ministry
    commissioner minister general assembly secretary state national international european
    europe council committee commission special rapporteur un unhcr unicef ohchr osce icrc
    red cross crescent government deputy head president ambassador representative regional
    caucasus south north east west geneva baku new york switzerland swiss confederation
    during at in according on with by mr mrs ms mme dr afacerilor externe drepturile
    omului evaluarea periodică universală națiunilor unite dövri icmal xarici işlər insan
    hüquqları evrensel periyodik inceleme hakları dışişleri адам құқықтары республикасы
    сыртқы істер inson huquqlari tashqi ishlar инсон ҳуқуқлари ташқи ишлар hukuklary
    daşary işler хүний эрхийн гадаад харилцааны examen periódico universal périodique
    universel
    """.split()
}
ORGANIZATION_KEYWORDS = {
    fold(word)
    for word in """
    ministry office council commission committee agency organization organisation fund
    programme program court parliament assembly union institute association centre center
    foundation cross crescent movement ministère conseil comité bureau cour organisation
    министерство совет комитет комиссия управление организация агентство nazirliyi şurası
    komitəsi komissiyası təşkilatı aparatı ministerio consejo comisión oficina organización
    ministerium rat ausschuss kommission büro bakanlığı konseyi komitesi komisyonu örgütü
    society party bank university church chamber fondul assamblea assambleýa ассамблея
    birlik birliği qurum qurumu kurum kurumu məhkəmə mahkeme mahkamasi group groupe
    grupo группа
    وزارة مجلس لجنة مكتب منظمة
    """.split()
}
#: Stems of the longer keywords, to catch inflected forms ("Aparatından", "Ministère");
#: a short keyword ("rat", "cour") is a whole word only, or it would take "Ratxa".
KEYWORD_STEMS = tuple({keyword[:5] for keyword in ORGANIZATION_KEYWORDS if len(keyword) > 5})
#: Whole words that are never part of a person's name.
NON_NAMES = NOT_NAME_WORDS | TITLE_CUES | ORGANIZATION_KEYWORDS
CONNECTORS = {
    "of",
    "for",
    "on",
    "the",
    "de",
    "des",
    "du",
    "la",
    "le",
    "l",
    "and",
    "et",
    "y",
    "und",
    "für",
    "der",
    "die",
    "das",
    "del",
    "di",
    "pour",
    "to",
    "al",
    "ai",
    "ale",
    "din",
    "pentru",
    "los",
    "las",
    "el",
    "e",
    "para",
    "por",
    "do",
    "dos",
    "della",
    "dei",
}
LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


class Token(NamedTuple):
    """A word of a text with its place, its name key and its folded form."""

    text: str
    start: int
    end: int
    skeleton: str = ""
    folded: str = ""
    #: Written with a capital, or a particle glued to a capitalised name ("al-Hussein").
    capitalised: bool = False

    @property
    def is_initial(self):
        return len(transliterate(self.text)) <= 2 and self.capitalised


SUFFIX = re.compile(r"[’'][^\W\d_]{1,4}$")
#: The endings written after an apostrophe: Turkish and Azerbaijani cases
#: ("Lindqvist'i", "Türk'ün"), the English possessive ("People's").
APOSTROPHE_ENDINGS = set(
    """
    s a e ya ye yə ə ı i u ü yı yi yu yü ın in un ün nın nin nun nün da de də ta te tə
    dan den dən tan ten tən la le lə yla yle ylə na ne nə nda nde ndə ndan nden ndən
    dır dir dur dür tır tir tur tür ki daki deki taki teki dakı dəki
    """.split()
)
#: A lower-case particle glued to a name: "al-Hussein", "ал-Ҳусайн", "d'Ambrosio".
GLUED_PARTICLE = re.compile(
    r"(?:al|el|ad|ar|as|at|an|az|ud|ul|ал|аль|эль|ад|ар|ас|ат|ан|аз|ул|уд|d|l|dell)['’\-]"
)
#: How long the capitalised part before a glued capital must be to split there.
GLUED_WORD = 5


def glued_particle(word):
    """Whether `word` is a name with a lower-case particle glued before it."""
    head = word[1:5]
    if "-" not in head and "'" not in head and "’" not in head:
        return False
    match = GLUED_PARTICLE.match(word)
    return bool(match) and word[match.end() : match.end() + 1].isupper()


@lru_cache(maxsize=512)
def tokenize(text):
    """Words with their places; a Turkish or Azerbaijani case ending ("Lindqvist'i") is
    left out of the word, and words the scraper ran together are split
    ("AmbassadorViorelMoșanu")."""
    tokens = []
    for match in TOKEN.finditer(text):
        start = match.start()
        for offset, word, skeleton, folded, capitalised in word_parts(match.group()):
            begin = start + offset
            tokens.append(Token(word, begin, begin + len(word), skeleton, folded, capitalised))
    return tuple(tokens)


@lru_cache(maxsize=65536)
def word_parts(found):
    """(offset, word, key, folded form, capitalised) of each word of what `TOKEN` found."""
    glued = found[:1].isupper() and not found[1:].islower() and not found.isupper()
    parts = []
    for offset, word in glued_words(0, found) if glued else ((0, found),):
        if "'" in word or "’" in word:
            word = without_apostrophe_ending(word)
        capitalised = word[:1].isupper() or glued_particle(word)
        parts.append((offset, word, name_key(word), fold(word), capitalised))
    return tuple(parts)


def without_apostrophe_ending(word):
    """`word` without a case ending written after an apostrophe ("Türk'ün" -> "Türk")."""
    suffix = SUFFIX.search(word)
    if suffix and word[suffix.start() + 1 :].lower() in APOSTROPHE_ENDINGS:
        return word[: suffix.start()]
    return word


def glued_words(start, word):
    """(start, word) of each capitalised word run together in `word`: a capital after a
    small letter starts a new word when the word before it is capitalised and long
    enough ("Ambassador|Viorel|Moșanu", but "McDonald", "FitzGerald" stay whole)."""
    parts, begin = [], 0
    for index in range(1, len(word)):
        if (
            word[index].isupper()
            and word[index - 1].islower()
            and word[begin].isupper()
            and index - begin >= GLUED_WORD
            and word[begin:index].isalpha()
        ):
            parts.append((start + begin, word[begin:index]))
            begin = index
    parts.append((start + begin, word[begin:]))
    return parts


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
    """

    def __init__(self):
        self.outlets = {}
        for outlet in Outlet.objects.prefetch_related("other_names").order_by("pk"):
            self.add_outlet(outlet)
        self.surnames = {}
        for person in Person.objects.prefetch_related("other_names").order_by("pk"):
            names = [person.name, *(other.name for other in person.other_names.all())]
            for name in names:
                tokens = [t for t in tokenize(name) if t.skeleton]
                if tokens:
                    self.surnames.setdefault(tokens[-1].skeleton, []).append((person, tokens))
        self.organization_names = {}
        self.abbreviations = {}
        for organization in Organization.objects.prefetch_related("other_names").order_by("pk"):
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


CYRILLIC = re.compile(r"[\u0400-\u04ff]")


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
ARABIC = re.compile(r"[\u0600-\u06ff]")
GEORGIAN = re.compile(r"[\u10d0-\u10ff]")
#: How many words before a name a post or title may stand ("Deputy Minister of Foreign
#: Affairs of Turkmenistan Merdan Gurbanov").
CUE_REACH = 15


def name_like(token):
    """Might this word be part of a person's name, whatever the language?"""
    text = token.text
    if not token.capitalised or text.isupper() or len(text) < 2:
        return False
    if token.folded in NON_NAMES:
        return False
    if re.search(r"-[^\W\d_]{1,3}$", text) and text.split("-")[0].isupper():
        return False  # "AZƏRTAC-a": an inflected acronym
    if text[:2].isalpha() and text[:2].isupper() and not glued_particle(text):
        return False  # "BMTning", "ЕҚЫҰ-ның": an acronym with a case ending
    return not token.folded.startswith(KEYWORD_STEMS)


@lru_cache(maxsize=65536)
def is_name_word(word, grammar):
    """Might `word` be a given name or a surname in a report following `grammar`? Not a
    title, a post, a place, a unit or (in Russian and Ukrainian) a common word."""
    if is_title(word) or is_unit(word) or is_place(word, grammar):
        return False
    if grammar in ("ru", "uk") and CYRILLIC.match(word):
        return not is_common_word(word, grammar)
    return True


def name_word(token, grammar):
    return name_like(token) and is_name_word(token.text, grammar)


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


def propose_organizations(text, known_spans, excluded):
    """Organizations the report names that the catalog does not know."""
    tokens = tokenize(text)
    proposals = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not token.capitalised or any(s <= token.start < e for s, e in known_spans):
            index += 1
            continue
        run, cursor = [token], index + 1
        while cursor < len(tokens):
            following = tokens[cursor]
            gap = text[run[-1].end : following.start]
            if gap.strip() not in ("", "’", "'"):
                break
            if following.capitalised or (
                following.folded in CONNECTORS
                and cursor + 1 < len(tokens)
                and (tokens[cursor + 1].capitalised or tokens[cursor + 1].folded in CONNECTORS)
            ):
                run.append(following)
            else:
                break
            cursor += 1
        while run and run[-1].folded in CONNECTORS:
            run.pop()
        has_keyword = any(t.folded in ORGANIZATION_KEYWORDS for t in run)
        capitals = sum(1 for t in run if t.capitalised)
        if (
            has_keyword
            and capitals >= 2
            and not any(s <= t.start < e for t in run for s, e in known_spans)
        ):
            if run[0].folded in {"the", "le", "la", "el", "die", "der"}:
                run = run[1:]
            name = text[run[0].start : run[-1].end]
            if fold(name) not in excluded:
                proposals.setdefault(fold(name), name)
        index = max(cursor, index + 1)
    for token_index, token in enumerate(tokens):
        if token.folded not in ORGANIZATION_KEYWORDS or LATIN.match(token.text):
            continue
        if any(s <= token.start < e for s, e in known_spans):
            continue
        run = [token]
        for following in tokens[token_index + 1 : token_index + 4]:
            if text[run[-1].end : following.start].strip() or LATIN.match(following.text):
                break
            run.append(following)
        if len(run) > 1:
            name = text[run[0].start : run[-1].end]
            if fold(name) not in excluded:
                proposals.setdefault(fold(name), name)
    return [Found(name, False) for name in proposals.values()]


def person_key(found):
    """What makes two finds one person across reports and languages: a known person's
    record, else the key of the proposed name's surname ("Мердан Гурбанов", "Merdan
    Gurbanow" and "M.Gurbanov" share one)."""
    if found.record is not None:
        return found.record.pk
    return proposed_person_key(found.name)


def proposed_person_key(name):
    """The key of a name no known person has: its surname's skeleton."""
    words = tokenize(name)
    return ("proposed", words[-1].skeleton) if words else ("proposed", fold(name))


@lru_cache(maxsize=16384)
def anchors(paragraph):
    """What survives translation in a paragraph: numbers and the skeletons of names."""
    numbers = set(re.findall(r"\d+(?:[.,]\d+)?", paragraph))
    names = {t.skeleton for t in tokenize(paragraph) if t.capitalised and len(t.skeleton) >= 3}
    return numbers | names


def translation_score(paragraphs_a, paragraphs_b):
    """How closely two texts follow each other paragraph by paragraph, from 0 to 1.

    A translation keeps the paragraphs, their relative lengths, and the names and
    numbers in each; a report written independently about the same meeting does not.
    """
    if not paragraphs_a or not paragraphs_b:
        return 0.0
    count = min(len(paragraphs_a), len(paragraphs_b)) / max(len(paragraphs_a), len(paragraphs_b))
    pairs = list(zip(paragraphs_a, paragraphs_b, strict=False))
    lengths_a = [len(a) for a, _ in pairs]
    lengths_b = [len(b) for _, b in pairs]
    total_a, total_b = sum(len(p) for p in paragraphs_a), sum(len(p) for p in paragraphs_b)
    shape = (
        1
        - sum(abs(a / total_a - b / total_b) for a, b in zip(lengths_a, lengths_b, strict=True)) / 2
    )
    try:
        correlation = max(statistics.correlation(lengths_a, lengths_b), 0.0)
    except statistics.StatisticsError:
        correlation = shape
    overlaps = []
    for a, b in pairs:
        anchors_a, anchors_b = anchors(a), anchors(b)
        if anchors_a and anchors_b:
            overlaps.append(len(anchors_a & anchors_b) / min(len(anchors_a), len(anchors_b)))
    alignment = sum(overlaps) / len(overlaps) if overlaps else 0.0
    return round(count * (0.6 * correlation**2 + 0.2 * max(shape, 0.0) + 0.2 * alignment), 3)


@dataclass
class Report:
    """What relation-finding needs to know of a report, stored or earlier in a run."""

    reference: str
    language: str
    date: object
    people: frozenset
    paragraphs: list
    article: object = None
    facts: frozenset = frozenset()

    @property
    def known_people(self):
        """The ids of the known people among `people` (see `person_key`)."""
        return {key for key in self.people if isinstance(key, int)}


TRANSLATION_THRESHOLD = 0.6
SAME_EVENT_DAYS = 4


def relation_to(report, other):
    """The relation of `report` to `other`, with a score, or None.

    They must name someone in common (after folding scripts and case endings). With both
    dates, they must be a few days apart. Without one, the relation still stands on the
    rest, scored lower: two people in common, a figure in common ("46th session",
    "4,000"), or a text that follows the other paragraph by paragraph.
    """
    shared = report.people & other.people
    if not shared:
        return None
    dated = report.date is not None and other.date is not None
    if dated:
        days = abs((report.date - other.date).days)
        if days > SAME_EVENT_DAYS:
            return None
        closeness = 1 - days / (SAME_EVENT_DAYS + 1)
    else:
        closeness = 0.0
    people = len(shared) / len(report.people | other.people)
    facts = (
        len(report.facts & other.facts) / min(len(report.facts), len(other.facts))
        if report.facts and other.facts
        else 0.0
    )
    if report.language != other.language:
        score = translation_score(report.paragraphs, other.paragraphs)
        if score >= TRANSLATION_THRESHOLD:
            return "translation", score if dated else round(score * UNDATED_DISCOUNT, 3)
    if not dated and len(shared) < 2 and not facts:
        return None
    return "same_event", round(0.5 * people + 0.3 * closeness + 0.2 * facts, 3)


#: How much a relation loses when a report has no date to compare.
UNDATED_DISCOUNT = 0.8
#: Figures that carry a fact: counts, sums, session numbers; not years, not a day.
FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d{2,})(?![\d])")


def facts_in(text):
    """The figures of a report that a translation keeps: "46th session", "4,000"
    (written "4 000" or "4.000" elsewhere), without the years every report carries."""
    figures = set()
    for match in FIGURE.finditer(text):
        number = re.sub(r"\D", "", match.group(1))
        if len(number) == 4 and 1900 <= int(number) <= 2100:
            continue
        figures.add(number.lstrip("0") or "0")
    return frozenset(figures)
