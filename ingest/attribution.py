"""Who a report says published it, wrote it first, or issued it.

Attribution phrases in the desk's languages name an outlet ("..., Trend reports",
"сообщает X", "X xəbər verir", "relatează X"), a source it quotes ("according to X",
"Об этом сообщает X со ссылкой на", "Source X."), or an institution whose press service
released the text. Names are read as the text writes them, without the case ending or
quotation marks around them ("Metbuat.az-a" -> "Metbuat.az", "«Вестник»" -> "Вестник").
Nothing here knows any outlet by name.
"""

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    """A name the text gives for where the report comes from, and what kind it is:
    "publisher", "agency" (a source the outlet took the story from), "issuer" (an
    institution releasing its own text) or "site" (the page's own name, from its
    furniture)."""

    name: str
    kind: str
    #: Where the phrase naming it starts in its paragraph (-1 when not from a phrase).
    start: int = field(default=-1, compare=False)


UPPER = "A-ZА-ЯЁІЇЄҐЎҚҒҲӘҰҮӨҺƏÜÖĞŞÇİŇÝŽÄԱ-Ֆა-ჰ"
#: A name as written: capitalised words or a domain, in quotation marks or not.
BARE_NAME = (
    rf"[{UPPER}][\w.\-'’]*(?:\.[a-z]{{2,4}})?(?:\s+(?:[{UPPER}][\w.\-'’]*|de|del|du|la|of)){{0,3}}"
)
NAME = rf"(?:[«“\"„]\s*(?P<quoted>[^»”\"“\n]{{2,50}}?)\s*[»”\"“]|(?P<name>{BARE_NAME}))"
#: A name glued to a case ending: one word or domain, or a name in quotation marks.
GLUED_NAME = (
    rf"(?:[«“\"„]\s*(?P<quoted>[^»”\"“\n]{{2,50}}?)\s*[»”\"“]|(?P<name>[{UPPER}][\w.'’]*"
    rf"(?:\.[a-z]{{2,4}})?))"
)
#: Phrases naming the publishing outlet.
PUBLISHER_PHRASES = [
    (
        r"reports|reported|informs|writes",
        rf"[,–—-]\s*{NAME}\s+(?:reports|reported|informs|writes)\b(?=\s+(?:via|citing|with "
        rf"reference|referring|on\b)|\s*[.,;]|\s*$)",
    ),
    (r"told", rf"\btold\s+{NAME}(?=\s*[.,;]|\s+on\b|\s*$)"),
    (
        r"learn|cites|reports",
        rf"^{NAME}\s+(?:has learnt|has learned|learnt|cites|reports (?:citing|that))\b",
    ),
    (
        r"сообщает|переда|информирует|пишет|повідомляє|пише",
        rf"[,–—-]\s*(?:сообщает|передает|передаёт|информирует|пишет|передає|повідомляє|пише)\s+"
        rf"{NAME}(?=\s*[.,;]|\s*$|\s+(?:со ссылкой|ссылаясь|з посиланням))",
    ),
    (r"сообщили|повідомили", rf"\b(?:Как|Як) (?:сообщили|повідомили)\s+{NAME}\s+(?:в|у)\b"),
    (
        r"xəbər verir|məlumat verir|хабарлайды|habar berýär",
        rf"(?:^|[.,]\s*){NAME}\s+(?:xəbər verir|məlumat verir|хабарлайды|habar berýär)\b",
    ),
    (
        r"xəbər verir|məlumat verir",
        rf"[,–—-]\s*(?:xəbər verir|məlumat verir)\s+{NAME}(?=\s*[.,;]|\s*$)",
    ),
    (
        r"bildiri|deyib|açıqlayıb",
        rf"(?<![\w.]){GLUED_NAME}-?(?:a|ə|ya|yə|na|nə)\s+(?:bildirilib|bildirib|deyib|açıqlayıb)",
    ),
    (
        r"rapporte|annonce|informe|informa|informó|reporta|berichte|meldet",
        rf"[,–—-]\s*(?:rapporte|annonce|informe|informa|informó|reporta|berichtet|meldet|"
        rf"berichtete|meldete)\s+{NAME}(?=\s*[.,;]|\s*$)",
    ),
    (
        r"bildirdi|bildiriyor|haber verdi",
        rf"[,–—-]\s*{NAME}\s+(?:bildirdi|bildiriyor|haber verdi)(?=\s*[.,;]|\s*$)",
    ),
    (r"уламжил", rf"гэж\s+{NAME}\s+(?:агентлаг\s+)?уламжил"),
    (r"տեղեկացնում|հաղորդում", rf"[,–—-]\s*(?:տեղեկացնում է|հաղորդում է)\s+{NAME}"),
    (r"ავრცელებს", rf"{NAME}\s+ავრცელებს"),
]
#: Phrases naming a source the outlet took the story from.
SOURCE_PHRASES = [
    (r"was told", rf"\b[Aa]s\s+{NAME}\s+was\s+told\b"),
    (
        r"(?i:according to|citing|relaying|via)",
        rf"\b(?i:according to|citing|relaying|via)\s+{NAME}(?=\s*[.,;)]|\s*$)",
    ),
    (r"cites", rf"\b{NAME}\s+cites\b"),
    (
        r"Об этом|Как|Про це|Як",
        rf"(?:^|[.!?]\s+)(?:Об этом|Как|Про це|Як)\s+(?:сообщает|сообщил[аио]?|пишет|передает|"
        rf"повідомляє|пише|передає)\s+{NAME}",
    ),
    (
        r"(?i:relat|inform|potrivit|conform)",
        rf"\b(?i:relatează|relateaza|informează|informeaza|potrivit|conform)\s+{NAME}",
    ),
    (
        r"(?i:según|selon|laut|gemäß)",
        rf"\b(?i:según(?: consignó| informó)?|selon|laut|gemäß)\s+"
        rf"(?:(?:la |el )?(?i:agencia|agence) )?{NAME}",
    ),
    (
        r"ссылкой|посиланням|citing|reference|referring",
        rf"\b(?:со ссылкой на|з посиланням на|citing|with reference to|referring to)\s+{NAME}",
    ),
    (
        r"(?i:source|источник|джерело|kaynak|mənbə|manba|çeşme|fuente|sursa|quelle)",
        rf"(?:^|\.\s+)(?:Source|Sources|Источник|Джерело|Kaynak|Mənbə|Manba|Çeşme|Fuente|Sursa|"
        rf"Quelle)\s*:?\s*{NAME}",
    ),
    (
        r"məlumatına görə",
        rf"(?<![\w.]){GLUED_NAME}-(?:in|ın|un|ün|nin|nın)\s+məlumatına görə",
    ),
]
#: Words that make a name an institution's (a press service, ministry, office), in the
#: desk's languages, folded to lower case; such a name is an issuer, not an outlet.
INSTITUTION_WORDS = re.compile(
    r"(?:press[- ]?serv|press office|ministry|ministère|minist|ombudsman|omb?udsm|commissioner|"
    r"commission|office|defender|embassy|council|parliament|senate|government|"
    r"пресс-служб|прес-служб|министерств|міністерств|мид|мзс|аппарат|апарат|офис|офіс|уполномоч|"
    r"уповноваж|омбудсмен|омбудсман|посольств|комисс|комітет|сенат|мажлис|вакил|уәкіл|"
    r"хизмати|xizmati|қызмет|alba|gullug|xidmət|aparat|vazirlik|ministrlig|nazirlik|"
    r"serviciul|oficiul|avocatul|institución|institution|ministerio|comunicado|"
    r"աշխատակազմ|նախարարություն|დამცველ|აპარატ|სამინისტრო|хороо|комисс|яам)",
    re.IGNORECASE,
)
#: A press service's signature: the words around the institution's name.
PRESS_SERVICE = re.compile(
    r"^(?:(?:the\s+)?press\s+service\s+of\s+(?:the\s+)?|пресс-служба\s+|прес-служба\s+|"
    r"serviciul\s+de\s+pres[aă]\s+al\s+|service\s+de\s+presse\s+d[ue]\s+)(?P<before>.+)$|"
    r"^(?P<after>.+?)\s+(?:matbuot\s+xizmati|axborot\s+xizmati|ахборот\s+хизмати|"
    r"матбуот\s+хизмати|баспасөз\s+қызметі|mətbuat\s+xidməti|metbugat\s+gullugy|"
    r"хэвлэлийн\s+алба|press\s+service|пресс-служба|прес-служба)$",
    re.IGNORECASE,
)
#: Words a name is not: pronouns and common nouns capitalised at a sentence's start.
NOT_NAMES = {
    "the",
    "it",
    "he",
    "she",
    "they",
    "this",
    "ministry",
    "minister",
    "government",
    "office",
    "president",
    "sources",
    "source",
    "media",
    "press",
    "agency",
    "state",
    "un",
    "он",
    "она",
    "они",
    "мы",
    "i",
    "we",
    "об",
    "как",
    "это",
}
#: Case endings glued to a name after a hyphen or an apostrophe: "Metbuat.az-a",
#: "AZƏRTAC-a", "Trend-in", "AA'nın".
CASE_ENDING = re.compile(r"(?:-|'|’)(?:[a-zəıöüğşç]{1,4}|[а-яәөүұқғң]{1,4})$")
GENERIC_PREFIX = re.compile(
    r"^(?:agencia|agence|agency|agenzia|агентство|агентлиг|agentligi|news service|"
    r"информационное агентство)\s+",
    re.IGNORECASE,
)
PATTERNS = [
    (kind, re.compile(trigger), re.compile(pattern, re.MULTILINE))
    for kind, phrases in (("publisher", PUBLISHER_PHRASES), ("agency", SOURCE_PHRASES))
    for trigger, pattern in phrases
]


def clean_name(name):
    """A name without quotation marks, a possessive, a case ending or a generic prefix."""
    name = name.strip(' .,:;-–—()/«»“”"„')
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    name = CASE_ENDING.sub("", name)
    return GENERIC_PREFIX.sub("", name).strip(" .,:;-–—")


def is_institution(name):
    """Whether a name is an institution's (a ministry, an office, a press service)."""
    return bool(INSTITUTION_WORDS.search(name))


def plausible_name(name):
    """A name an outlet or agency may have: capitalised, short, not a common word."""
    if not name or len(name) > 50 or name.casefold() in NOT_NAMES:
        return False
    first = name.split()[0]
    return first[:1].isupper() and first.casefold().strip(".") not in NOT_NAMES


def matched_name(match):
    return clean_name(match.group("quoted") or match.group("name") or "")


def attributions(paragraphs):
    """Candidates the report's attribution phrases name, in the order of the text.

    A name after a reporting verb is an issuer when it is an institution's, whatever the
    phrase; otherwise a publisher or an agency as the phrase says.
    """
    found = []
    for paragraph in paragraphs:
        for kind, trigger, pattern in PATTERNS:
            if not trigger.search(paragraph):
                continue
            for match in pattern.finditer(paragraph):
                name = matched_name(match)
                if plausible_name(name):
                    kind_found = "issuer" if is_institution(name) else kind
                    found.append(Candidate(name, kind_found, match.start()))
    return found


def issuer_of_signature(line):
    """The institution a press-service signature names ("Press Service of the X" -> X)."""
    match = PRESS_SERVICE.match(line.strip(" .,"))
    if not match:
        return None
    name = (match.group("before") or match.group("after")).strip(" .,")
    return nominative(name)


def nominative(name):
    """An institution's name out of the genitive it takes after "press service of":
    Romanian "Oficiului" -> "Oficiul", Kazakh "уәкілдің" -> "уәкіл"."""
    words = name.split()
    if words and words[0].endswith("ului"):
        words[0] = words[0][:-2]
    if words and re.search(r"(?:дің|тің|нің|ның|дың|тың)$", words[-1]):
        words[-1] = words[-1][:-3]
    return " ".join(words)


def copyright_holder(line):
    """The name a copyright line gives: "© 2025 Steppe Ledger. All rights reserved."."""
    match = re.match(r"^\s*(?:©|\(c\)|copyright)\s*(?P<rest>.+)$", line, re.IGNORECASE)
    if not match:
        return None
    rest = re.sub(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\b", " ", match["rest"])
    rest = re.split(r"[.|,]\s|\s[-–—]\s|\ball rights\b|\bвсе права\b|\btous droits\b", rest)[0]
    name = clean_name(rest)
    if not name or len(name.split()) > 5:
        return None
    words = name.split()
    while len(words) > 1 and words[-1].islower():  # "Yangi Kun gazetasi" -> "Yangi Kun"
        words.pop()
    return " ".join(words)


def site_of_headline(line):
    """A headline's site suffix: "Headline – Steppe Ledger" -> ("Headline", "Steppe Ledger")."""
    match = re.match(r"^(?P<title>.{12,}?)\s+[–—|-]\s+(?P<site>[^–—|]{2,40})$", line)
    if not match:
        return line, None
    site = match["site"].strip()
    words = site.split()
    if len(words) > 4 or not all(word[:1].isupper() or "." in word for word in words):
        return line, None
    return match["title"].strip(), site


def looks_like_name(line):
    """Whether a short line is a name: its first and last words capitalised, or a domain,
    or in capitals ("News.Az", "Hibya Haber Ajansı", "AZERTAC")."""
    words = line.split()
    if not words or len(words) > 6 or re.search(r"[\d|@#/]", line):
        return False
    if re.search(r"\w\.[a-z]{2,4}$", line, re.IGNORECASE):
        return True
    return words[0][:1].isupper() and words[-1][:1].isupper()
