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

from anyascii import anyascii
from rapidfuzz import fuzz

from .extraction import fold
from .models import Organization, Outlet, Person
from .names import (
    HONORIFICS,
    analyzer,
    base_forms,
    has_surname_shape,
    is_common_word,
    is_place,
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

TOKEN = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)

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
    وزارة مجلس لجنة مكتب منظمة
    """.split()
}
#: Stems of the keywords, to catch inflected forms ("Aparatından", "Ministère").
KEYWORD_STEMS = tuple({keyword[:5] for keyword in ORGANIZATION_KEYWORDS})
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
}
LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    skeleton: str = ""
    folded: str = ""

    @property
    def capitalised(self):
        return self.text[:1].isupper()

    @property
    def is_initial(self):
        return len(transliterate(self.text)) <= 2 and self.capitalised


SUFFIX = re.compile(r"[’'][^\W\d_]{1,4}$")


@lru_cache(maxsize=512)
def tokenize(text):
    """Words with their places; a Turkish or Azerbaijani case ending ("Lindqvist'i") is
    left out of the word."""
    tokens = []
    for match in TOKEN.finditer(text):
        word = match.group()
        suffix = SUFFIX.search(word)
        if suffix and word[suffix.start() + 1].islower():
            word = word[: suffix.start()]
        end = match.start() + len(word)
        tokens.append(Token(word, match.start(), end, name_key(word), fold_word(word)))
    return tuple(tokens)


@lru_cache(maxsize=65536)
def fold_word(word):
    return fold(word)


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
    илэрхийлэв s-a a mulțumit prezentat anunțat reiterat أكد قال أشار أعرب
    """.split()
)
#: Lower-case words inside a name ("Pieter van Aalst", "Питер ван Алст").
PARTICLES = {"van", "bin", "ibn", "al", "ван", "фон", "ибн", "ал", "аль"}
ARABIC = re.compile(r"[\u0600-\u06ff]")
GEORGIAN = re.compile(r"[\u10d0-\u10ff]")
#: How many words before a name a post or title may stand ("Deputy Minister of Foreign
#: Affairs of Turkmenistan Merdan Gurbanov").
CUE_REACH = 15


def name_like(token):
    """Might this word be part of a person's name, whatever the language?"""
    text = token.text
    if not text[:1].isupper() or text.isupper() or len(text) < 2:
        return False
    if token.folded in NOT_NAME_WORDS or token.folded in TITLE_CUES:
        return False
    if re.search(r"-[^\W\d_]{1,3}$", text) and text.split("-")[0].isupper():
        return False  # "AZƏRTAC-a": an inflected acronym
    if len(text) > 2 and text[:2].isupper():
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
    """Whether the token at `index` is an initial: one or two letters and a full stop."""
    token = tokens[index]
    return (
        len(token.text) <= 2
        and text[token.end : token.end + 1] == "."
        and token.capitalised
        and token.folded not in HONORIFICS
        and not (
            len(token.text) == 2 and token.text.isupper() and len(transliterate(token.text)) > 2
        )
    )


def name_runs(text, tokens, grammar="latin"):
    """Candidate personal names: runs of adjacent name words on one line, with an
    initial ("B.Tugsjargal") or a particle ("van") allowed inside, as lists of tokens."""
    runs, run = [], []

    def close():
        while run and run[-1].folded in PARTICLES:
            run.pop()
        if len(run) >= 2 and not (len(run) == 2 and run[0].folded in PARTICLES):
            runs.append(list(run))
        run.clear()

    for index, token in enumerate(tokens):
        if not run and not token.text[:1].isupper():
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
            if len(run) >= 2 and run[-2].end - run[-2].start <= 2:
                close()  # "Д.Болд Ирина Ланг": a name with an initial is complete
            run.append(token)
            if len(run) > 4:
                close()
        elif run and token.folded in PARTICLES and not is_initial(text, tokens, index - 1):
            run.append(token)
        else:
            close()
    close()
    split = []
    for run in runs:
        if len(run) == 4 and not any(len(t.text) <= 2 or t.folded in PARTICLES for t in run):
            split += [run[:2], run[2:]]
        elif len(run) <= 3 or (len(run) == 4 and run[1].end - run[1].start <= 2):
            split.append(run)
    return [run for run in split if run[-1].end - run[-1].start > 2]


def cue_before(text, tokens, first, grammar):
    """Whether a post or courtesy title comes before the token at `first`, in the same
    sentence, no further than `CUE_REACH` words, and with no other name between."""
    for index in range(first - 1, max(first - CUE_REACH, 0) - 1, -1):
        gap = text[tokens[index].end : tokens[first].start]
        if re.search(r"[.!?;]\s|\n", gap) or "," in gap[:-2]:
            return False
        word = tokens[index]
        if word.folded.rstrip(".") in TITLE_CUES or (len(word.text) > 1 and is_title(word.text)):
            return True
        if name_word(word, grammar) and not is_initial(text, tokens, index):
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
        return after.folded.rstrip(".") in TITLE_CUES or is_title(after.text)
    if gap.strip() not in ("", "—", "–", "-"):
        return False
    if after.folded in HONORIFICS or after.folded.startswith(("xonim", "хоним")):
        return True
    if after.folded in ("a", "s", "ha", "hat") and len(following) > 1:
        after = following[1]
    return after.folded.startswith(SPEECH_VERBS)


def names_a_unit(text, tokens, last):
    """Whether the word after a run makes it the name of a unit or a body ("Field
    Support Division", "Monitoring Mission")."""
    if last + 1 >= len(tokens) or text[tokens[last].end : tokens[last + 1].start] != " ":
        return False
    after = tokens[last + 1]
    return after.capitalised and (is_unit(after.text) or after.folded in ORGANIZATION_KEYWORDS)


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


def repeated(surname, run, tokens, grammar, mentions):
    """Whether the report names the surname again, alone or after an initial."""
    keys = set(word_keys(surname, grammar))
    inside = {id(token) for token in run}
    return any(
        id(token) not in inside and token.capitalised and set(word_keys(token.text, grammar)) & keys
        for token in tokens
        if token.skeleton and len(token.skeleton) >= 2
    )


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
        if names_a_unit(text, tokens, last):
            continue
        named = [t for t in run if not is_initial(text, tokens, position[id(t)])]
        words = nominative([t.text for t in named], grammar, mentions)
        surname = words[-1]
        strong = (
            cue_after(text, tokens, last)
            or repeated(run[-1].text, run, tokens, grammar, mentions)
            or (has_surname_shape(surname) and not aside(text, run))
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
    for name, surname in initialled:
        if name_key(surname) not in surnames:
            surnames.add(name_key(surname))
            proposals.setdefault((name_key(surname),), name)
    return [Found(name, False) for name in proposals.values()]


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
            gap = text[run[index - 1].end : token.start]
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


def georgian_proposals(text, tokens, known_spans, excluded):
    """People named in a Georgian report, which has no capital letters: pairs of words
    the report repeats with the second word in different cases ("ანა ლოპესს" ... "ანა
    ლოპესმა"), one of them acting (ergative "-მა", "-მ") or after a post."""
    pairs = {}
    for index in range(len(tokens) - 1):
        given, surname = tokens[index], tokens[index + 1]
        if not (GEORGIAN.match(given.text) and GEORGIAN.match(surname.text)):
            continue
        if text[given.end : surname.start] != " " or given.text.endswith("ის"):
            continue
        if given.text in GEORGIAN_NOT_NAMES or is_title(given.text) or is_title(surname.text):
            continue
        if any(start <= given.start < end for start, end in known_spans):
            continue
        forms = base_forms(surname.text, "ka")
        stem = forms[-1] if len(forms) > 1 and not surname.text.endswith("ი") else surname.text
        acting = surname.text.endswith(("მა", "მ")) or (index and is_title(tokens[index - 1].text))
        entry = pairs.setdefault((given.text, stem), [0, False])
        entry[0] += 1
        entry[1] = entry[1] or bool(acting)
    proposals = {}
    for (given, stem), (count, acting) in pairs.items():
        name = f"{given} {stem}"
        if count >= 2 and acting and fold(name) not in excluded:
            proposals.setdefault((name_key(given), name_key(stem)), name)
    return [Found(name, False) for name in proposals.values()]


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
