"""What a report says happened: the kind of meeting, who took part, in what post, on
which side, when and where. The importer proposes a draft meeting from it.

A report describes a meeting when its headline or lead uses a meeting word ("met",
"received a delegation", "встретился", "qəbul edib", "görüştü", "кездесті", ...) and
names at least two parties, people or organizations. The participants are the people
its lead names; each one's title is the post the report gives next to the name ("UN
High Commissioner for Human Rights Volker Türk", "Matthias Brunner, Head of ..."). A
reception gives sides: who receives is the host, who is received the guest.

The day is the one the report states for the meeting ("on 25 September", "today"), never
the day of publication; the place is the report's dateline.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from meetings.models import Meeting, Participant

from .catalog import word_keys
from .dates import fold, languages_for, month_table, relative_words, weekday_table
from .grammar import name_grammar, name_key
from .tokens import TITLE_CUES, tokenize

Kind, Side = Meeting.Kind, Participant.Side

#: Word beginnings that say what kind of meeting a report describes, in each language
#: the desk reads, by kind; checked in this order, so a reception or a telephone call
#: mentioned with "met" is that, and a visit is one only when nobody "met" anyone.
KIND_CUES = {
    Kind.CALL: """
        phone.call telephone.call telephone.conversation phone.conversation spoke.by.phone
        entretien.telephonique conversation.telephonique telefonn.разговор по.телефону
        телефонн.разговор telefon.danis telefonla.danis telefon.gorusme telefon.ilə
        телефон.арқылы telefon.orqali телефон.орқали telefon.arkaly convorbire.telefonic
        conversacion.telefonica llamada.telefonica телефонн.розмов ტელეფონ
        հեռախոսազրույց утсаар.ярил
    """,
    Kind.ADDRESS: """
        addressed address.to speech.at spoke.at statement.at took.the.floor
        a.pris.la.parole s.est.adresse discours.devant выступил выступила выступлени
        cixis.edib cixis.etdi cixis.edərək konusma.yapt hitap.etti сөз.сөйлед
        nutq.so.zladi нутқ.сўзлади виступив виступила a.luat.cuvantul discurso.ante
        intervino.en ելույթ გამოსვლ үг.хэлсэн
    """,
    Kind.RECEPTION: """
        received receives hosted hosts welcomed.a.delegation a.recu recoit a.accueilli
        принял приняла принимает qəbul.edib qəbul.etdi qəbul.edərək kabul.etti
        kabul.eden kabul.ederek қабылдады qabul.qildi қабул.қилди kabul.etdi прийняв
        прийняла a.primit recibio ընդունել მიიღო хүлээн.ав
    """,
    Kind.CONSULTATION: """
        consultations consultation.with консультаци məsləhətləşmə istisare консультац
        consultari consultas
    """,
    Kind.NEGOTIATION: """
        negotiations negociations переговоры.по danisiqlar muzakere negocieri
        negociaciones
    """,
    Kind.MEETING: """
        met$ meets meeting.with meeting.between held.talks talks.with rencontre
        s.est.entretenu entretien.avec entrevue встретил встреча.с встрече.с встречи.с
        gorus gorusdu gorustu кездес uchrash учраш dusus зустрі intalni intrevedere
        se.reunio reunion.con reunio.con հանդիպ შეხვდ შეხვედრ уулз
    """,
    Kind.VISIT: """
        visit visite визит səfər ziyaret сапар tashrif ташриф sapar візит vizit visita
        այց ვიზიტ айлчл
    """,
}


def cue_pattern(cues):
    """A regular expression for word beginnings written with dots for word breaks; a
    final "$" asks for the whole word ("met$" is not "method")."""
    parts = [
        r"\W+".join(re.escape(fold(word)) for word in cue.rstrip("$").split("."))
        + (r"(?!\w)" if cue.endswith("$") else "")
        for cue in cues.split()
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")")


KIND_PATTERNS = {kind: cue_pattern(cues) for kind, cues in KIND_CUES.items()}
#: Whole words that end a post written before a name: verbs, "with", "and"...
BOUNDARY_WORDS = {
    fold(word)
    for word in """
    with and met meets received receives led by between also said told had held who
    during at to avec et a rencontré reçu par entre с со и а между встретился встретилась
    принял приняла встретились ilə və ile ve ҳамда hamda bilan менен жана мен бен та і й
    cu și si con y met mit und та зі і և է հետ ու და შორის болон ба нар және va bilan
    ва билан bilen we ile ve
    """.split()
}
#: Words in front of a post that belong to the sentence, not to the post.
LEADING_WORDS = {
    fold(word) for word in "the a an le la les l el los las al del au aux der die das".split()
}
#: Post words the name finder does not need, in the languages it reads without titles
#: before names (the others are its `TITLE_CUES`).
POST_WORDS = {
    fold(word)
    for word in """
    defender defensor defensora défenseur adjoint adjointe adjunto adjunta adjunct vice
    envoy envoyé coordinator coordinateur coordinador officer
    міністр заступник уповноважений омбудсман голова посол представник директор радник
    доповідач доповідачка керівник
    նախարար տեղակալ պաշտպան ներկայացուցիչ ղեկավար դեսպան տնօրեն նախագահ զեկուցող
    მინისტრი მოადგილე დამცველი წარმომადგენელი ხელმძღვანელი ელჩი დირექტორი
    თავმჯდომარე მომხსენებელი
    министрі орынбасары уәкіл уәкілі өкілі басшысы төрағасы елшісі баяндамашы
    сайд орлогч гишүүн төлөөлөгч дарга элчин илтгэгч
    vazir vazirining o'rinbosari vakil vakili rahbari elchi ma'ruzachi вазир ўринбосари
    вакили раҳбари элчи маърузачи
    ministr ministriň orunbasary wekili ilçisi başlygy ýolbaşçysy
    ministru secretar secretarul avocat avocatul reprezentant reprezentantul director
    directorul șef șeful ambasador ambasadorul raportor raportorul consilier consilierul
    müvəkkil müvəkkili vəkil yardımcısı başdenetçi denetçi temsilci temsilcisi büyükelçi
    müdür müdürü
    уполномоченный омбудсмен защитник акыйкатчы координатор
    """.split()
}
#: Words before a state's name that make it where a post is, not whom it serves
#: ("Head of the ICRC delegation in Azerbaijan").
LOCATIVES = {fold(word) for word in "in en au aux à в во у na în la da del".split()}
#: Words for "day" that come with a date ("on the day", "14-kuni", "8-ны өдөр").
DAY_WORDS = {
    fold(word)
    for word in "day jour día tag день дня gün günü kuni куни күні өдөр ziua დღეს օրը".split()
}
#: Courtesy titles, which alone are no post.
COURTESIES = {
    fold(word)
    for word in "mr mrs ms mme mlle m dr sr sra herr frau г-н г-жа cənab xanım bay bayan".split()
}
MAX_TITLE_WORDS = 20
MAX_PARTICIPANTS = 8
#: What ends the stretch of text a post can take: sentence marks, quotes, commas.
SENTENCE_BREAK = re.compile(r"([.;:!?«»\"“”\n]|,\s)")


@dataclass
class ReadParticipant:
    """Someone a report names as taking part, as the report gives them."""

    name: str
    person: object = None
    title: str = ""
    organization: object = None
    side: str = Side.OTHER
    start: int = 0

    def as_json(self):
        return {
            "name": self.name,
            "known": self.person is not None,
            "title": self.title,
            "organization": str(self.organization) if self.organization else None,
            "side": self.side,
        }


@dataclass
class MeetingReading:
    """The meeting a report describes."""

    kind: str
    title: str
    date: object = None
    city: str = ""
    participants: list = field(default_factory=list)

    @property
    def known_people(self):
        return {p.person.pk for p in self.participants if p.person is not None}

    def as_json(self):
        return {
            "kind": self.kind,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "city": self.city or None,
            "participants": [p.as_json() for p in self.participants],
        }


def kind_in(text):
    """The kind of meeting `text` describes, with where its word is, or (None, None)."""
    folded = fold(text)
    for kind, pattern in KIND_PATTERNS.items():
        match = pattern.search(folded)
        if match:
            return kind, match.start()
    return None, None


def read_meeting(title, body, people, organizations, *, language="", date=None, city=""):
    """The meeting the report describes, or None.

    `people` and `organizations` are the report's `Found` names (known ones with their
    places in `body`). An address to a session needs one speaker; any other meeting two
    parties, people or organizations.
    """
    paragraphs = body.split("\n\n")
    lead_end = len(paragraphs[0]) + (len(paragraphs[1]) + 2 if len(paragraphs) > 1 else 0)
    kind, cue = kind_in(paragraphs[0])
    if kind is None and len(paragraphs) > 1:
        kind, cue = kind_in(paragraphs[1])
        cue = None if cue is None else cue + len(paragraphs[0]) + 2
    if kind is None:
        kind, cue = kind_in(title)[0], None
    if kind is None:
        return None
    grammar = name_grammar(body)
    tokens = tokenize(body)
    mentioned = []
    for found in people:
        start, end = first_mention(found, tokens, grammar)
        if start is not None and start < lead_end:
            mentioned.append((start, end, found))
    mentioned.sort(key=lambda item: item[0])
    mentioned = mentioned[:MAX_PARTICIPANTS]
    organizations = [
        (span, found.record)
        for found in organizations
        if found.record is not None
        for span in found.spans
        if span[0] < lead_end
    ]
    parties = len(mentioned) + min(len(organizations), 1)
    if not mentioned or (parties < 2 and kind != Kind.ADDRESS):
        return None
    dates = date_words((language,) if language else languages_for("", body))
    participants = []
    previous_end = 0
    for index, (start, end, found) in enumerate(mentioned):
        following = mentioned[index + 1][0] if index + 1 < len(mentioned) else lead_end
        title_text = post_before(body, previous_end, start, dates)
        where = body.rfind(title_text, previous_end, start) if title_text else -1
        if not title_text:
            title_text = post_after(body, end, following)
            where = body.find(title_text, end, following) if title_text else -1
        participants.append(
            ReadParticipant(
                name=found.name,
                person=found.record,
                title=title_text,
                organization=represented(body, where, len(title_text), organizations),
                start=start,
            )
        )
        previous_end = end
    assign_sides(kind, cue, participants)
    return MeetingReading(kind=kind, title=title, date=date, city=city, participants=participants)


def represented(body, where, length, organizations):
    """The first known organization a post (at `where` in `body`) names, but not a state
    it is merely in ("Head of the ICRC delegation in Azerbaijan")."""
    if where < 0:
        return None
    for (start, end), organization in sorted(organizations, key=lambda item: item[0]):
        if where <= start and end <= where + length:
            before = body[where:start].split()
            if not before or fold(before[-1]) not in LOCATIVES:
                return organization
    return None


def first_mention(found, tokens, grammar):
    """Where the report first names a person: a known person's first span, else the first
    word with the proposed surname's key and the given names just before it."""
    if found.spans:
        return min(found.spans)
    words = [token.text for token in tokenize(found.name)]
    if not words:
        return None, None
    surname = name_key(words[-1])
    given = {name_key(word) for word in words[:-1]}
    for index, token in enumerate(tokens):
        if surname and surname in word_keys(token.text, grammar):
            first = index
            while first > 0 and given & set(word_keys(tokens[first - 1].text, grammar)):
                first -= 1
            return tokens[first].start, token.end
    return None, None


def post_before(text, start, end, dates=frozenset()):
    """The post written just before a name: "UN High Commissioner for Human Rights
    Volker Türk", "Министр иностранных дел Азербайджана Джейхун Байрамов", or set off by
    a comma ("The Commissioner for Human Rights of Azerbaijan, Sabina Aliyeva"); back
    to the sentence's last break, verb or date."""
    parts = SENTENCE_BREAK.split(text[start:end])
    before = parts[-1]
    if not before.strip() and len(parts) >= 3 and parts[-2].startswith(","):
        before = parts[-3]
    kept = []
    for word in reversed(before.split()):
        if is_boundary(word):
            break
        kept.insert(0, word)
    dated = [index for index, word in enumerate(kept) if is_date_word(word, dates)]
    if dated:
        kept = kept[dated[-1] + 1 :]
    while kept and fold(kept[0]) in LEADING_WORDS:
        kept.pop(0)
    return as_post(kept[-MAX_TITLE_WORDS:])


def post_after(text, start, end):
    """The post written after a name between commas: "Matthias Brunner, Head of ..."."""
    after = text[start:end]
    parts = SENTENCE_BREAK.split(after[1:].lstrip(), maxsplit=1)
    if not after.startswith(",") or len(parts) == 1:
        return ""  # what runs into the next name is that name's post
    words = []
    for word in parts[0].split():
        if is_boundary(word):
            break
        words.append(word)
    while words and fold(words[0]) in LEADING_WORDS:
        words.pop(0)
    return as_post(words[:MAX_TITLE_WORDS])


def is_boundary(word):
    """Whether a word ends a post: "with", "and", a meeting verb."""
    folded = fold(word.strip(",'’"))
    return folded in BOUNDARY_WORDS or any(
        pattern.match(folded) for pattern in KIND_PATTERNS.values()
    )


@cache
def date_words(languages):
    """The month and weekday names of `languages`, folded."""
    words = set()
    for language in languages:
        words |= month_table(language).keys() | weekday_table(language).keys()
        for relative in relative_words(language):
            words |= {word for word in relative if " " not in word}
    return frozenset(words)


def is_date_word(word, dates):
    """A day, month or weekday: "14-də", "oktyabrın", "Monday", "11"."""
    if re.search(r"\d", word):
        return True
    folded = fold(word.strip(",.'’"))
    return (
        folded in dates
        or folded in DAY_WORDS
        or any(
            folded.startswith(name) and len(name) >= 5 for name in dates if name[:3] == folded[:3]
        )
    )


def as_post(words):
    """The words as a post, if one of them names a post or title (not only a courtesy
    like "Mme"), else ""."""
    if any(is_post_word(word) for word in words) and not all(
        fold(word.strip(".")) in COURTESIES for word in words
    ):
        return " ".join(words).strip(" ,")
    return ""


def is_post_word(word):
    """Whether a word names a post or title, in any case ("комиссаром", "Naziri")."""
    return any(
        part in TITLE_CUES or part in POST_WORDS or part.startswith(TITLE_STEMS)
        for part in fold(word.strip(",.'’()")).split("-")
        if part
    )


def stem(word):
    """A post word without its final vowel or soft sign, to catch its cases: "глава",
    "главой"; "представитель", "представителем"."""
    return word[:-1] if word[-1] in "aeiouyаеиоуыэюяьәөүіı" else word


#: The stems of the longer post words, to catch their cases ("главой", "nazirinin").
TITLE_STEMS = tuple(sorted({stem(cue) for cue in TITLE_CUES | POST_WORDS if len(cue) >= 5}))


def assign_sides(kind, cue, participants):
    """Host and guest where the report's verb says it: whoever receives is the host and
    whoever is received the guest; a visitor is the guest. Named before the verb means
    its subject (also where the verb comes last: "X Y-ni qəbul edib")."""
    if kind not in (Kind.RECEPTION, Kind.VISIT) or cue is None or not participants:
        return
    first, rest = (Side.HOST, Side.GUEST) if kind == Kind.RECEPTION else (Side.GUEST, Side.HOST)
    before = [p for p in participants if p.start < cue]
    if before and len(before) < len(participants):
        for participant in participants:
            participant.side = first if participant.start < cue else rest
    else:
        for index, participant in enumerate(participants):
            participant.side = first if index == 0 else rest
