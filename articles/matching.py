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

TOKEN = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)

#: Digraphs and letters that spell one sound differently across transliterations.
SKELETON_RULES = [
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
    during at in according on with by mr mrs ms mme dr
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


@lru_cache(maxsize=65536)
def transliterate(text):
    return re.sub(r"[^a-z]", "", anyascii(fold(text)).lower())


@lru_cache(maxsize=65536)
def skeleton(word):
    """ "Gouliyev", "Guliyev", "Quliyev" and "Гулиев" all give "glv"."""
    letters = transliterate(word)
    for old, new in SKELETON_RULES:
        letters = letters.replace(old, new)
    letters = re.sub(r"(?<=[aeiou])j(?=[aeiou])", "y", letters)
    consonants = [c for c in letters if c not in VOWELS]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


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
        tokens.append(Token(word, match.start(), end, skeleton(word), fold_word(word)))
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
        """Known people named in `text`, in order of first mention."""
        tokens = tokenize(text)
        found = {}
        surname_only = []
        for index, token in enumerate(tokens):
            for person, variant in self.surnames.get(token.skeleton, ()):
                if len(token.skeleton) < 2:
                    continue
                verdict = compare_given_names(text, tokens, index, variant)
                if verdict == "match":
                    start = tokens[index - 1].start if len(variant) > 1 else token.start
                    found.setdefault(person.pk, Found(person.name, True, person)).spans.append(
                        (start, token.end)
                    )
                elif verdict == "surname":
                    surname_only.append((person, token))
        people_by_surname = {}
        for person, token in surname_only:
            people_by_surname.setdefault(token.skeleton, set()).add(person.pk)
        for person, token in surname_only:
            unique = len(people_by_surname[token.skeleton]) == 1
            if person.pk in found or (unique and len(token.skeleton) >= 4):
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


def compare_given_names(text, tokens, index, variant):
    """How the words before a surname match a known name: "match", "surname" or "no"."""
    if len(variant) == 1:
        return "match"
    given = variant[:-1]
    previous = tokens[index - 1] if index else None
    gap = text[previous.end : tokens[index].start] if previous else "."
    if previous is None or gap.strip(" ") not in ("", ".", "-"):
        return "surname"
    if gap.strip() in ("", "-") and (
        (previous.skeleton and previous.skeleton == given[-1].skeleton)
        or fuzz.ratio(transliterate(previous.text), transliterate(given[-1].text)) >= 75
    ):
        return "match"
    if previous.is_initial and transliterate(previous.text)[:1] == transliterate(given[0].text)[:1]:
        return "match"
    if previous.capitalised and previous.folded not in TITLE_CUES | NOT_NAME_WORDS:
        return "no"
    return "surname"


SPEECH_VERBS = tuple(
    fold(word)
    for word in """
    said says noted stressed informed added emphasized emphasised recalled thanked welcomed
    expressed briefed underlined highlighted told praised spoke a noté a souligné a déclaré
    a indiqué a rappelé a remercié a informé a salué a exprimé отметил подчеркнул заявил
    сообщил рассказал проинформировал выразил поблагодарил высоко напомнил señaló destacó
    dijo afirmó subrayó informó agradeció expresó sagte betonte erklärte unterstrich dankte
    berichtete informierte bildirdi vurguladı dedi belirtti ifade teşekkür qeyd vurğuladı
    məlumat təşəkkür ise أكد قال أشار أعرب
    """.split()
)
UNCASED = re.compile(r"[\u0600-\u06ff]")


def name_like(token):
    """Might this word be part of a person's name?"""
    text = token.text
    if not text[:1].isupper() or text.isupper() or len(text) < 2:
        return False
    if token.folded in NOT_NAME_WORDS or token.folded in TITLE_CUES:
        return False
    if re.search(r"-[^\W\d_]{1,3}$", text) and text.split("-")[0].isupper():
        return False  # "AZƏRTAC-a": an inflected acronym
    return not token.folded.startswith(KEYWORD_STEMS)


def name_runs(text, tokens):
    """Runs of two or three adjacent name-like words: candidate personal names."""
    runs, run = [], []
    for token in tokens:
        if run and (text[run[-1].end : token.start].strip() not in ("",) or len(run) == 3):
            if len(run) >= 2:
                runs.append(run)
            run = []
        if name_like(token):
            run.append(token)
        else:
            if len(run) >= 2:
                runs.append(run)
            run = []
    if len(run) >= 2:
        runs.append(run)
    return runs


def propose_people(text, known_spans, excluded):
    """Names of people the report introduces and the catalog does not know.

    A name counts when a post or title comes before it ("Minister of Justice Farid
    Ahmadov", "Mme Claire Martin"), after it ("Matthias Brunner, Head of ..."), or when it
    is the subject of a reporting verb ("Эдвард Каррингтон отметил").
    """
    tokens = tokenize(text)
    position = {id(token): index for index, token in enumerate(tokens)}
    proposals = {}

    def add(run):
        if any(start <= t.start < end for t in run for start, end in known_spans):
            return
        name = text[run[0].start : run[-1].end]
        if fold(name) not in excluded and not any(t.folded in excluded for t in run):
            proposals.setdefault(fold(name), name)

    cue_indexes = [i for i, t in enumerate(tokens) if t.folded.rstrip(".") in TITLE_CUES]
    for run in name_runs(text, tokens):
        first, last = position[id(run[0])], position[id(run[-1])]
        before = [i for i in cue_indexes if 0 < first - i <= 15]
        if before and not re.search(r"[.!?;]\s", text[tokens[before[-1]].end : run[0].start]):
            add(run)
            continue
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        if after is None:
            continue
        gap = text[run[-1].end : after.start]
        if ("," in gap and after.folded.rstrip(".") in TITLE_CUES) or (
            gap.strip() in ("", ",") and after.folded.startswith(SPEECH_VERBS)
        ):
            add(run)
    for index in cue_indexes:
        if not UNCASED.search(tokens[index].text):
            continue
        window = text[tokens[index].end : tokens[min(index + 12, len(tokens) - 1)].end]
        clause = re.split(r"[،,.]", window)[0]
        words = tokenize(clause)
        if len(words) >= 2 and len(re.split(r"[،,.]", window)) > 1:
            offset = tokens[index].end
            add(
                [
                    Token(w.text, w.start + offset, w.end + offset, w.skeleton, w.folded)
                    for w in words[-2:]
                ]
            )
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


TRANSLATION_THRESHOLD = 0.6
SAME_EVENT_DAYS = 4


def relation_to(report, other):
    """The relation of `report` to `other`, with a score, or None."""
    if other.date is None or report.date is None or not (report.people & other.people):
        return None
    days = abs((report.date - other.date).days)
    if days > SAME_EVENT_DAYS:
        return None
    people = len(report.people & other.people) / len(report.people | other.people)
    if report.language != other.language:
        score = translation_score(report.paragraphs, other.paragraphs)
        if score >= TRANSLATION_THRESHOLD:
            return "translation", score
    closeness = 1 - days / (SAME_EVENT_DAYS + 1)
    return "same_event", round(0.6 * people + 0.4 * closeness, 3)
