"""The words of a report as names are read in it: tokens with their place, name key and
folded form (a Turkish case ending after an apostrophe left out, words the scraper ran
together split), the lists of words that are never part of a person's name (posts and
titles, the keywords of bodies' names, connectors), and whether a word may be one.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from .declension import is_common_word
from .extraction import fold
from .grammar import name_key, transliterate
from .lexicon import is_place, is_title, is_unit

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


CYRILLIC = re.compile(r"[\u0400-\u04ff]")


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
