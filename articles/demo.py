"""Realistic demo data: an archive of reports, their translations and meeting summaries.

`generate(n, seed=...)` adds `n` articles to the database with everything around them:
outlets, states, ministries, UN bodies and ombudsman institutions, fictional people in
dated posts, topics, translation groups, and the desk's meeting summaries with their
participants and the reports covering them. It is for benchmarks and manual testing.

How it works:

- Everything random comes from one `random.Random(seed)` and fixed dates, so the same
  seed and `n` on an empty database give the same titles, slugs, dates and links.
  Scheduled articles are dated 2099, in the future whenever the data is made.
- A run first plans its stories (a meeting reported by one to three outlets, each
  report with its translations), then renders and writes them a chunk at a time: bulk
  inserts in one transaction per chunk, then the chunk's search documents.
- Each report is rendered from a language-independent plan (which sentences, in which
  paragraphs), so a translation says what its source says, in its own language.
- The people are fictional; the outlets and organizations are real ones. Reference
  rows (outlets, organizations, people, posts, topics) are reused when a row with the
  same slug exists, so runs add to each other and to the seed fixture.
- Article and meeting slugs end with `-d<number>`, numbered on from the highest such
  number in the database, so they never clash.
- Rows are bulk-inserted: no signals are sent and no history records are made. So
  the run builds the new items' search documents itself, and marks the public content
  changed once at the end (see `articles.caching`).
"""

import datetime as dt
import functools
import itertools
import random
import re
import time
from dataclasses import dataclass, field

from anyascii import anyascii
from django.db import reset_queries, transaction
from django.db.models import Q
from django.utils.text import slugify

from . import caching, search
from .models import (
    Article,
    Coverage,
    Meeting,
    Organization,
    Outlet,
    Participant,
    Person,
    PersonName,
    Post,
    Status,
    SummaryTranslation,
    Topic,
    Translation,
)

#: The languages of demo articles, and how often an original is in each.
LANGUAGES = ("en", "fr", "ru", "az")
ORIGINAL_LANGUAGE_WEIGHTS = (70, 8, 12, 10)

FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
#: Scheduled articles are published from this date: in the future whenever the data is made.
SCHEDULED_FROM = dt.datetime(2099, 1, 1, 8, 0, tzinfo=dt.UTC)
#: Posts start from this date, so that people are in post during the archive's years.
POSTS_FROM = dt.date(2008, 1, 1)

#: Articles written per transaction.
CHUNK_SIZE = 2000
BATCH_SIZE = 1000

DEMO_SLUG = re.compile(r"-d(\d+)$")


# Pools: places


@dataclass(frozen=True)
class City:
    en: str
    fr: str
    ru: str
    ru_in: str
    az: str
    az_in: str
    country: str

    def name(self, language):
        return getattr(self, language)

    def name_in(self, language):
        """ "in Geneva", in each language."""
        return {
            "en": f"in {self.en}",
            "fr": f"à {self.fr}",
            "ru": self.ru_in,
            "az": self.az_in,
        }[language]


CITIES = {
    "baku": City("Baku", "Bakou", "Баку", "в Баку", "Bakı", "Bakıda", "AZ"),
    "yerevan": City("Yerevan", "Erevan", "Ереван", "в Ереване", "İrəvan", "İrəvanda", "AM"),
    "tbilisi": City("Tbilisi", "Tbilissi", "Тбилиси", "в Тбилиси", "Tbilisi", "Tbilisidə", "GE"),
    "ankara": City("Ankara", "Ankara", "Анкара", "в Анкаре", "Ankara", "Ankarada", "TR"),
    "astana": City("Astana", "Astana", "Астана", "в Астане", "Astana", "Astanada", "KZ"),
    "tashkent": City("Tashkent", "Tachkent", "Ташкент", "в Ташкенте", "Daşkənd", "Daşkənddə", "UZ"),
    "paris": City("Paris", "Paris", "Париж", "в Париже", "Paris", "Parisdə", "FR"),
    "berlin": City("Berlin", "Berlin", "Берлин", "в Берлине", "Berlin", "Berlində", "DE"),
    "bern": City("Bern", "Berne", "Берн", "в Берне", "Bern", "Berndə", "CH"),
    "oslo": City("Oslo", "Oslo", "Осло", "в Осло", "Oslo", "Osloda", "NO"),
    "rome": City("Rome", "Rome", "Рим", "в Риме", "Roma", "Romada", "IT"),
    "islamabad": City(
        "Islamabad", "Islamabad", "Исламабад", "в Исламабаде", "İslamabad", "İslamabadda", "PK"
    ),
    "budapest": City(
        "Budapest", "Budapest", "Будапешт", "в Будапеште", "Budapeşt", "Budapeştdə", "HU"
    ),
    "vilnius": City("Vilnius", "Vilnius", "Вильнюс", "в Вильнюсе", "Vilnüs", "Vilnüsdə", "LT"),
    "kyiv": City("Kyiv", "Kyiv", "Киев", "в Киеве", "Kiyev", "Kiyevdə", "UA"),
    "rabat": City("Rabat", "Rabat", "Рабат", "в Рабате", "Rabat", "Rabatda", "MA"),
    "jakarta": City("Jakarta", "Jakarta", "Джакарта", "в Джакарте", "Cakarta", "Cakartada", "ID"),
    "geneva": City("Geneva", "Genève", "Женева", "в Женеве", "Cenevrə", "Cenevrədə", "CH"),
    "new-york": City(
        "New York", "New York", "Нью-Йорк", "в Нью-Йорке", "Nyu-York", "Nyu-Yorkda", "US"
    ),
    "strasbourg": City(
        "Strasbourg", "Strasbourg", "Страсбург", "в Страсбурге", "Strasburq", "Strasburqda", "FR"
    ),
    "vienna": City("Vienna", "Vienne", "Вена", "в Вене", "Vyana", "Vyanada", "AT"),
    "warsaw": City("Warsaw", "Varsovie", "Варшава", "в Варшаве", "Varşava", "Varşavada", "PL"),
}

#: Where meetings at an organization's seat take place.
VENUES = {
    "geneva": "Palais des Nations",
    "new-york": "United Nations Headquarters",
    "strasbourg": "Palais de l’Europe",
    "vienna": "Hofburg",
}


@dataclass(frozen=True)
class State:
    """A state, with the forms its name takes in the desk's languages.

    `fr` has its article ("l’Azerbaïdjan"); `ru` is the genitive ("Азербайджана");
    `az_gen` the Azerbaijani genitive; the `_in` forms say "in the country".
    """

    code: str
    slug: str
    en: str
    formal: str
    fr: str
    fr_in: str
    ru: str
    ru_in: str
    az: str
    az_gen: str
    az_in: str
    capital: str
    ombudsman: str = ""

    def forms(self, language):
        return {
            "en": Forms(self.en, f"of {self.en}", self.en, f"of {self.en}", f"in {self.en}"),
            "fr": Forms(self.fr, fr_de(self.fr), self.fr, fr_de(self.fr), self.fr_in),
            "ru": Forms(self.ru, self.ru, self.ru, self.ru, self.ru_in),
            "az": Forms(self.az, self.az_gen, self.az, self.az_gen, self.az_in),
        }[language]


#: Azerbaijan first: most hosts are Azerbaijani officials. The others join as N grows.
STATES = [
    State(
        "AZ", "azerbaijan", "Azerbaijan", "the Republic of Azerbaijan", "l’Azerbaïdjan",
        "en Azerbaïdjan", "Азербайджана", "в Азербайджане", "Azərbaycan", "Azərbaycanın",
        "Azərbaycanda", "baku",
        "Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan",
    ),
    State(
        "GE", "georgia", "Georgia", "Georgia", "la Géorgie", "en Géorgie", "Грузии",
        "в Грузии", "Gürcüstan", "Gürcüstanın", "Gürcüstanda", "tbilisi",
        "Public Defender of Georgia",
    ),
    State(
        "KZ", "kazakhstan", "Kazakhstan", "the Republic of Kazakhstan", "le Kazakhstan",
        "au Kazakhstan", "Казахстана", "в Казахстане", "Qazaxıstan", "Qazaxıstanın",
        "Qazaxıstanda", "astana", "Commissioner for Human Rights in the Republic of Kazakhstan",
    ),
    State(
        "TR", "turkiye", "Türkiye", "the Republic of Türkiye", "la Türkiye", "en Türkiye",
        "Турции", "в Турции", "Türkiyə", "Türkiyənin", "Türkiyədə", "ankara",
        "Ombudsman Institution of Türkiye",
    ),
    State(
        "AM", "armenia", "Armenia", "the Republic of Armenia", "l’Arménie", "en Arménie",
        "Армении", "в Армении", "Ermənistan", "Ermənistanın", "Ermənistanda", "yerevan",
        "Human Rights Defender of the Republic of Armenia",
    ),
    State(
        "UZ", "uzbekistan", "Uzbekistan", "the Republic of Uzbekistan", "l’Ouzbékistan",
        "en Ouzbékistan", "Узбекистана", "в Узбекистане", "Özbəkistan", "Özbəkistanın",
        "Özbəkistanda", "tashkent",
    ),
    State(
        "FR", "france", "France", "the French Republic", "la France", "en France", "Франции",
        "во Франции", "Fransa", "Fransanın", "Fransada", "paris", "Defender of Rights",
    ),
    State(
        "DE", "germany", "Germany", "the Federal Republic of Germany", "l’Allemagne",
        "en Allemagne", "Германии", "в Германии", "Almaniya", "Almaniyanın", "Almaniyada",
        "berlin",
    ),
    State(
        "CH", "switzerland", "Switzerland", "the Swiss Confederation", "la Suisse", "en Suisse",
        "Швейцарии", "в Швейцарии", "İsveçrə", "İsveçrənin", "İsveçrədə", "bern",
    ),
    State(
        "UA", "ukraine", "Ukraine", "Ukraine", "l’Ukraine", "en Ukraine", "Украины",
        "в Украине", "Ukrayna", "Ukraynanın", "Ukraynada", "kyiv",
        "Ukrainian Parliament Commissioner for Human Rights",
    ),
    State(
        "NO", "norway", "Norway", "the Kingdom of Norway", "la Norvège", "en Norvège",
        "Норвегии", "в Норвегии", "Norveç", "Norveçin", "Norveçdə", "oslo",
    ),
    State(
        "IT", "italy", "Italy", "the Italian Republic", "l’Italie", "en Italie", "Италии",
        "в Италии", "İtaliya", "İtaliyanın", "İtaliyada", "rome",
    ),
    State(
        "PK", "pakistan", "Pakistan", "the Islamic Republic of Pakistan", "le Pakistan",
        "au Pakistan", "Пакистана", "в Пакистане", "Pakistan", "Pakistanın", "Pakistanda",
        "islamabad",
    ),
    State(
        "HU", "hungary", "Hungary", "Hungary", "la Hongrie", "en Hongrie", "Венгрии",
        "в Венгрии", "Macarıstan", "Macarıstanın", "Macarıstanda", "budapest",
    ),
    State(
        "LT", "lithuania", "Lithuania", "the Republic of Lithuania", "la Lituanie",
        "en Lituanie", "Литвы", "в Литве", "Litva", "Litvanın", "Litvada", "vilnius",
    ),
    State(
        "MA", "morocco", "Morocco", "the Kingdom of Morocco", "le Maroc", "au Maroc",
        "Марокко", "в Марокко", "Mərakeş", "Mərakeşin", "Mərakeşdə", "rabat",
    ),
    State(
        "ID", "indonesia", "Indonesia", "the Republic of Indonesia", "l’Indonésie",
        "en Indonésie", "Индонезии", "в Индонезии", "İndoneziya", "İndoneziyanın",
        "İndoneziyada", "jakarta",
    ),
]  # fmt: skip


# Pools: organizations


@dataclass(frozen=True)
class Forms:
    """How a text names an organization or state in one language.

    `side` stands alone ("the Council of Europe"; Russian: genitive), `of` follows a
    noun ("of the Council of Europe", "du Conseil de l’Europe", Azerbaijani genitive),
    `short` and `short_of` are the same in headlines, `within` says "in the country".
    """

    side: str
    of: str
    short: str
    short_of: str
    within: str = ""


def fr_de(phrase):
    """ "le HCDH" -> "du HCDH", "l’OSCE" -> "de l’OSCE": French "de" with its article."""
    for article, contracted in (("le ", "du "), ("la ", "de la "), ("l’", "de l’")):
        if phrase.startswith(article):
            return contracted + phrase[len(article) :]
    if phrase.startswith("les "):
        return "des " + phrase[4:]
    return "de " + phrase


@dataclass(frozen=True)
class Body:
    """An international organization: its record, seat, kind of posts and text forms."""

    slug: str
    name: str
    abbreviation: str
    kind: str
    parent: str | None
    seat: str
    ladder: str | None
    en: str
    en_short: str
    fr: str
    fr_short: str
    ru: str
    ru_short: str
    az: str
    az_gen: str
    weight: int = 1

    def forms(self, language):
        return {
            "en": Forms(self.en, f"of {self.en}", self.en_short, f"of {self.en_short}"),
            "fr": Forms(self.fr, fr_de(self.fr), self.fr_short, fr_de(self.fr_short)),
            "ru": Forms(self.ru, self.ru, self.ru_short, self.ru_short),
            "az": Forms(self.az, self.az_gen, self.az, self.az_gen),
        }[language]


K = Organization.Kind
#: International bodies, parents first. `ladder` names the posts people hold there;
#: bodies without one only organize or host. Slugs match the seed fixture's.
BODIES = [
    Body(
        "united-nations", "United Nations", "UN", K.INTERGOVERNMENTAL, None, "new-york", None,
        "the United Nations", "UN", "l’Organisation des Nations Unies", "l’ONU", "ООН", "ООН",
        "BMT", "BMT-nin",
    ),
    Body(
        "ohchr", "Office of the United Nations High Commissioner for Human Rights", "OHCHR",
        K.UN_BODY, "united-nations", "geneva", "office",
        "the Office of the UN High Commissioner for Human Rights", "OHCHR",
        "le Haut-Commissariat des Nations Unies aux droits de l’homme", "le HCDH",
        "Управления Верховного комиссара ООН по правам человека", "УВКПЧ ООН",
        "BMT-nin İnsan Hüquqları üzrə Ali Komissarlığı",
        "BMT-nin İnsan Hüquqları üzrə Ali Komissarlığının", weight=4,
    ),
    Body(
        "un-human-rights-council", "United Nations Human Rights Council", "HRC", K.UN_BODY,
        "united-nations", "geneva", None, "the UN Human Rights Council", "Human Rights Council",
        "le Conseil des droits de l’homme", "le Conseil des droits de l’homme",
        "Совета ООН по правам человека", "СПЧ ООН", "BMT İnsan Hüquqları Şurası",
        "BMT İnsan Hüquqları Şurasının",
    ),
    Body(
        "un-general-assembly", "United Nations General Assembly", "UNGA", K.UN_BODY,
        "united-nations", "new-york", None, "the UN General Assembly", "UN General Assembly",
        "l’Assemblée générale des Nations Unies", "l’Assemblée générale",
        "Генеральной Ассамблеи ООН", "ГА ООН", "BMT Baş Assambleyası",
        "BMT Baş Assambleyasının",
    ),
    Body(
        "un-cerd", "Committee on the Elimination of Racial Discrimination", "CERD", K.UN_BODY,
        "united-nations", "geneva", "committee",
        "the UN Committee on the Elimination of Racial Discrimination", "CERD",
        "le Comité pour l’élimination de la discrimination raciale", "le CERD",
        "Комитета ООН по ликвидации расовой дискриминации", "КЛРД ООН",
        "BMT-nin İrqi Ayrı-seçkiliyin Ləğvi Komitəsi",
        "BMT-nin İrqi Ayrı-seçkiliyin Ləğvi Komitəsinin",
    ),
    Body(
        "un-cat", "Committee against Torture", "CAT", K.UN_BODY, "united-nations", "geneva",
        "committee", "the UN Committee against Torture", "UN Committee against Torture",
        "le Comité contre la torture", "le Comité contre la torture",
        "Комитета ООН против пыток", "КПП ООН", "BMT-nin İşgəncələrə qarşı Komitəsi",
        "BMT-nin İşgəncələrə qarşı Komitəsinin",
    ),
    Body(
        "un-ccpr", "Human Rights Committee", "CCPR", K.UN_BODY, "united-nations", "geneva",
        "committee", "the UN Human Rights Committee", "UN Human Rights Committee",
        "le Comité des droits de l’homme", "le Comité des droits de l’homme",
        "Комитета ООН по правам человека", "КПЧ ООН", "BMT-nin İnsan Hüquqları Komitəsi",
        "BMT-nin İnsan Hüquqları Komitəsinin",
    ),
    Body(
        "un-cedaw", "Committee on the Elimination of Discrimination against Women", "CEDAW",
        K.UN_BODY, "united-nations", "geneva", "committee",
        "the UN Committee on the Elimination of Discrimination against Women", "CEDAW",
        "le Comité pour l’élimination de la discrimination à l’égard des femmes", "le CEDAW",
        "Комитета ООН по ликвидации дискриминации в отношении женщин", "КЛДЖ ООН",
        "BMT-nin Qadınlara qarşı Ayrı-seçkiliyin Ləğvi Komitəsi",
        "BMT-nin Qadınlara qarşı Ayrı-seçkiliyin Ləğvi Komitəsinin",
    ),
    Body(
        "un-crc", "Committee on the Rights of the Child", "CRC", K.UN_BODY, "united-nations",
        "geneva", "committee", "the UN Committee on the Rights of the Child",
        "UN Committee on the Rights of the Child", "le Comité des droits de l’enfant",
        "le Comité des droits de l’enfant", "Комитета ООН по правам ребёнка", "КПР ООН",
        "BMT-nin Uşaq Hüquqları Komitəsi", "BMT-nin Uşaq Hüquqları Komitəsinin",
    ),
    Body(
        "un-wgeid", "Working Group on Enforced or Involuntary Disappearances", "WGEID",
        K.UN_BODY, "un-human-rights-council", "geneva", "committee",
        "the UN Working Group on Enforced or Involuntary Disappearances", "WGEID",
        "le Groupe de travail sur les disparitions forcées ou involontaires", "le GTDFI",
        "Рабочей группы ООН по насильственным или недобровольным исчезновениям", "РГННИ ООН",
        "BMT-nin Məcburi və ya Könülsüz İtkin Düşmələr üzrə İşçi Qrupu",
        "BMT-nin Məcburi və ya Könülsüz İtkin Düşmələr üzrə İşçi Qrupunun",
    ),
    Body(
        "unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR",
        K.UN_BODY, "united-nations", "geneva", "office", "the UN Refugee Agency (UNHCR)",
        "UNHCR", "le Haut-Commissariat des Nations Unies pour les réfugiés", "le HCR",
        "Управления Верховного комиссара ООН по делам беженцев", "УВКБ ООН",
        "BMT-nin Qaçqınlar üzrə Ali Komissarlığı", "BMT-nin Qaçqınlar üzrə Ali Komissarlığının",
    ),
    Body(
        "unicef", "United Nations Children’s Fund", "UNICEF", K.UN_BODY, "united-nations",
        "new-york", "office", "UNICEF", "UNICEF", "l’UNICEF", "l’UNICEF", "ЮНИСЕФ", "ЮНИСЕФ",
        "UNICEF", "UNICEF-in",
    ),
    Body(
        "undp", "United Nations Development Programme", "UNDP", K.UN_BODY, "united-nations",
        "new-york", "office", "the UN Development Programme", "UNDP",
        "le Programme des Nations Unies pour le développement", "le PNUD",
        "Программы развития ООН", "ПРООН", "BMT-nin İnkişaf Proqramı",
        "BMT-nin İnkişaf Proqramının",
    ),
    Body(
        "icrc", "International Committee of the Red Cross", "ICRC", K.OTHER, None, "geneva",
        "office", "the International Committee of the Red Cross", "ICRC",
        "le Comité international de la Croix-Rouge", "le CICR",
        "Международного комитета Красного Креста", "МККК", "Beynəlxalq Qızıl Xaç Komitəsi",
        "Beynəlxalq Qızıl Xaç Komitəsinin",
    ),
    Body(
        "osce", "Organization for Security and Co-operation in Europe", "OSCE",
        K.INTERGOVERNMENTAL, None, "vienna", None, "the OSCE", "OSCE", "l’OSCE", "l’OSCE",
        "ОБСЕ", "ОБСЕ", "ATƏT", "ATƏT-in",
    ),
    Body(
        "osce-odihr", "OSCE Office for Democratic Institutions and Human Rights", "ODIHR",
        K.INTERGOVERNMENTAL, "osce", "warsaw", "office",
        "the OSCE Office for Democratic Institutions and Human Rights", "ODIHR",
        "le Bureau des institutions démocratiques et des droits de l’homme de l’OSCE",
        "le BIDDH", "Бюро по демократическим институтам и правам человека ОБСЕ",
        "БДИПЧ ОБСЕ", "ATƏT-in Demokratik Təsisatlar və İnsan Hüquqları Bürosu",
        "ATƏT-in Demokratik Təsisatlar və İnsan Hüquqları Bürosunun",
    ),
    Body(
        "council-of-europe", "Council of Europe", "CoE", K.INTERGOVERNMENTAL, None,
        "strasbourg", "office", "the Council of Europe", "Council of Europe",
        "le Conseil de l’Europe", "le Conseil de l’Europe", "Совета Европы", "Совета Европы",
        "Avropa Şurası", "Avropa Şurasının", weight=2,
    ),
]  # fmt: skip

BODY_BY_SLUG = {body.slug: body for body in BODIES}
HUMAN_RIGHTS_COUNCIL = BODY_BY_SLUG["un-human-rights-council"]


@dataclass(frozen=True)
class Rung:
    """A post on a ladder: its title in the database, and how each language names the
    holder. `{of}` is the organization's or state's `Forms.of`; `[m|f]` agrees with the
    holder's gender."""

    title: str
    en: str
    fr: str
    ru: str
    az: str
    #: Held by one person at a time, in successive terms.
    sole: bool = False


#: Posts, lowest first: someone promoted climbs one rung. Ministries and ombudsman
#: institutions name their state; the others their organization.
LADDERS = {
    "foreign-ministry": [
        Rung(
            "Head of the Human Rights Department",
            "Head of the Human Rights Department of the Foreign Ministry {of}",
            "chef[|fe] du département des droits de l’homme du ministère des Affaires "
            "étrangères {of}",
            "начальник управления по правам человека МИД {of}",
            "{of} Xarici İşlər Nazirliyinin insan hüquqları idarəsinin rəisi",
        ),
        Rung(
            "Ambassador-at-Large",
            "Ambassador-at-Large {of}",
            "ambassad[eur|rice] itinérant[|e] {of}",
            "посол по особым поручениям МИД {of}",
            "{of} Xarici İşlər Nazirliyinin xüsusi tapşırıqlar üzrə səfiri",
        ),
        Rung(
            "Deputy Minister of Foreign Affairs",
            "Deputy Minister of Foreign Affairs {of}",
            "vice-ministre des Affaires étrangères {of}",
            "заместитель министра иностранных дел {of}",
            "{of} xarici işlər nazirinin müavini",
        ),
        Rung(
            "Minister of Foreign Affairs",
            "Minister of Foreign Affairs {of}",
            "ministre des Affaires étrangères {of}",
            "министр иностранных дел {of}",
            "{of} xarici işlər naziri",
            sole=True,
        ),
    ],
    "justice-ministry": [
        Rung(
            "Deputy Minister of Justice",
            "Deputy Minister of Justice {of}",
            "vice-ministre de la Justice {of}",
            "заместитель министра юстиции {of}",
            "{of} ədliyyə nazirinin müavini",
        ),
        Rung(
            "Minister of Justice",
            "Minister of Justice {of}",
            "ministre de la Justice {of}",
            "министр юстиции {of}",
            "{of} ədliyyə naziri",
            sole=True,
        ),
    ],
    "ombudsman": [
        Rung(
            "Deputy Commissioner for Human Rights",
            "Deputy Commissioner for Human Rights {of}",
            "médiat[eur|rice] adjoint[|e] {of}",
            "заместитель уполномоченного по правам человека {of}",
            "{of} insan hüquqları üzrə müvəkkilinin müavini",
        ),
        Rung(
            "Commissioner for Human Rights (Ombudsman)",
            "Commissioner for Human Rights (Ombudsman) {of}",
            "commissaire aux droits de l’homme (médiat[eur|rice]) {of}",
            "уполномоченный по правам человека {of}",
            "{of} insan hüquqları üzrə müvəkkili (ombudsmanı)",
            sole=True,
        ),
    ],
    "office": [
        Rung(
            "Human Rights Officer",
            "Human Rights Officer {of}",
            "chargé[|e] des droits de l’homme {of}",
            "[сотрудник|сотрудница] по правам человека {of}",
            "{of} insan hüquqları üzrə əməkdaşı",
        ),
        Rung(
            "Senior Adviser",
            "Senior Adviser {of}",
            "conseill[er|ère] principal[|e] {of}",
            "старший советник {of}",
            "{of} baş məsləhətçisi",
        ),
        Rung(
            "Regional Representative",
            "Regional Representative {of}",
            "représentant[|e] régional[|e] {of}",
            "региональный представитель {of}",
            "{of} regional nümayəndəsi",
        ),
        Rung(
            "Director",
            "Director {of}",
            "direct[eur|rice] {of}",
            "директор {of}",
            "{of} direktoru",
        ),
    ],
    "committee": [
        Rung("Member", "Member {of}", "membre {of}", "член {of}", "{of} üzvü"),
        Rung(
            "Vice-Chair",
            "Vice-Chair {of}",
            "vice-président[|e] {of}",
            "заместитель председателя {of}",
            "{of} sədr müavini",
        ),
        Rung(
            "Chair",
            "Chair {of}",
            "président[|e] {of}",
            "председатель {of}",
            "{of} sədri",
            sole=True,
        ),
    ],
}
#: How often someone's first post is on each rung: few start high.
FIRST_RUNG_WEIGHTS = (5, 3, 2, 1)
#: How long someone holds a post held by one person at a time, in days.
TERM_DAYS = (3 * 365, 7 * 365)


# Pools: people

#: Azerbaijani first names: Latin (English and French texts), Azerbaijani, Russian, gender.
AZ_FIRST_NAMES = [
    ("Elnur", "Elnur", "Эльнур", "m"), ("Rashad", "Rəşad", "Рашад", "m"),
    ("Farid", "Fərid", "Фарид", "m"), ("Elchin", "Elçin", "Эльчин", "m"),
    ("Tural", "Tural", "Турал", "m"), ("Vugar", "Vüqar", "Вугар", "m"),
    ("Ilgar", "İlqar", "Ильгар", "m"), ("Kamran", "Kamran", "Камран", "m"),
    ("Orkhan", "Orxan", "Орхан", "m"), ("Shahin", "Şahin", "Шахин", "m"),
    ("Ramil", "Ramil", "Рамиль", "m"), ("Anar", "Anar", "Анар", "m"),
    ("Javid", "Cavid", "Джавид", "m"), ("Emil", "Emil", "Эмиль", "m"),
    ("Aydan", "Aydan", "Айдан", "f"), ("Gunel", "Günel", "Гюнель", "f"),
    ("Leyla", "Leyla", "Лейла", "f"), ("Nigar", "Nigar", "Нигяр", "f"),
    ("Sevinj", "Sevinc", "Севиндж", "f"), ("Aysel", "Aysel", "Айсель", "f"),
    ("Lala", "Lalə", "Лала", "f"), ("Gulnar", "Gülnar", "Гюльнар", "f"),
    ("Samira", "Samirə", "Самира", "f"), ("Narmin", "Nərmin", "Нармин", "f"),
    ("Konul", "Könül", "Кёнуль", "f"), ("Shahla", "Şəhla", "Шахла", "f"),
    ("Ulviyya", "Ülviyyə", "Ульвия", "f"), ("Jamila", "Cəmilə", "Джамиля", "f"),
]  # fmt: skip

#: Azerbaijani surnames: Latin, Azerbaijani, Russian (the -ov/-ev ones take -a for women).
AZ_SURNAMES = [
    ("Mammadov", "Məmmədov", "Мамедов"), ("Aliyev", "Əliyev", "Алиев"),
    ("Huseynov", "Hüseynov", "Гусейнов"), ("Hasanov", "Həsənov", "Гасанов"),
    ("Guliyev", "Quliyev", "Гулиев"), ("Ismayilov", "İsmayılov", "Исмаилов"),
    ("Abbasov", "Abbasov", "Аббасов"), ("Jafarov", "Cəfərov", "Джафаров"),
    ("Rzayev", "Rzayev", "Рзаев"), ("Karimov", "Kərimov", "Керимов"),
    ("Suleymanov", "Süleymanov", "Сулейманов"), ("Valiyev", "Vəliyev", "Велиев"),
    ("Hajiyev", "Hacıyev", "Гаджиев"), ("Babayev", "Babayev", "Бабаев"),
    ("Gasimov", "Qasımov", "Гасымов"), ("Nasirov", "Nəsirov", "Насиров"),
    ("Mirzayev", "Mirzəyev", "Мирзаев"), ("Aghayev", "Ağayev", "Агаев"),
    ("Hasanli", "Həsənli", "Гасанлы"), ("Zeynalli", "Zeynallı", "Зейналлы"),
    ("Rahimli", "Rəhimli", "Рагимли"), ("Shukurov", "Şükürov", "Шукюров"),
    ("Najafov", "Nəcəfov", "Наджафов"), ("Orujov", "Orucov", "Оруджев"),
]  # fmt: skip

#: Other first names: Latin (also in Azerbaijani texts), Russian, gender.
INTERNATIONAL_FIRST_NAMES = [
    ("Maria", "Мария", "f"), ("Thomas", "Томас", "m"), ("Anna", "Анна", "f"),
    ("Peter", "Петер", "m"), ("Claire", "Клэр", "f"), ("Jean", "Жан", "m"),
    ("Sofia", "София", "f"), ("David", "Давид", "m"), ("Laura", "Лаура", "f"),
    ("Martin", "Мартин", "m"), ("Elena", "Елена", "f"), ("Ahmed", "Ахмед", "m"),
    ("Amina", "Амина", "f"), ("Hiroshi", "Хироси", "m"), ("Ingrid", "Ингрид", "f"),
    ("Olivier", "Оливье", "m"), ("Isabel", "Изабель", "f"), ("Marco", "Марко", "m"),
    ("Nadia", "Надия", "f"), ("Kwame", "Кваме", "m"), ("Astrid", "Астрид", "f"),
    ("Luis", "Луис", "m"), ("Fatou", "Фату", "f"), ("Henrik", "Хенрик", "m"),
]  # fmt: skip

INTERNATIONAL_SURNAMES = [
    ("Schmidt", "Шмидт"), ("Dupont", "Дюпон"), ("Rossi", "Росси"), ("Andersen", "Андерсен"),
    ("Novak", "Новак"), ("García", "Гарсия"), ("Okafor", "Окафор"), ("Tanaka", "Танака"),
    ("Müller", "Мюллер"), ("Lindqvist", "Линдквист"), ("Haddad", "Хаддад"),
    ("Moreau", "Моро"), ("Fischer", "Фишер"), ("Bianchi", "Бьянки"),
    ("O’Connor", "О’Коннор"), ("Mensah", "Менса"), ("Berg", "Берг"), ("Costa", "Кошта"),
    ("Laurent", "Лоран"), ("Van Dijk", "ван Дейк"), ("Kowalczyk", "Ковальчик"),
    ("Ferreira", "Феррейра"), ("Nakamura", "Накамура"), ("Petit", "Пети"),
]  # fmt: skip


def feminine(surname):
    """Mammadov -> Mammadova, Мамедов -> Мамедова; Hasanli and Schmidt stay as they are."""
    if surname.endswith(("ov", "ev")):
        return surname + "a"
    if surname.endswith(("ов", "ев")):
        return surname + "а"
    return surname


def azerbaijani_name(first, surname):
    """Names in each language from pool entries: {language: name}, and the gender."""
    latin, az, ru, gender = first
    last = [feminine(part) for part in surname] if gender == "f" else list(surname)
    return {
        "en": f"{latin} {last[0]}",
        "fr": f"{latin} {last[0]}",
        "az": f"{az} {last[1]}",
        "ru": f"{ru} {last[2]}",
    }, gender


def international_name(first, surname):
    latin, ru, gender = first
    return {
        "en": f"{latin} {surname[0]}",
        "fr": f"{latin} {surname[0]}",
        "az": f"{latin} {surname[0]}",
        "ru": f"{ru} {surname[1]}",
    }, gender


# Pools: outlets and topics


@dataclass(frozen=True)
class OutletSpec:
    name: str
    slug: str
    homepage: str
    country: str
    language: str
    languages: tuple
    weight: int
    agency: bool = False


#: Real outlets reporting on the region; slugs match the seed fixture's.
OUTLETS = [
    OutletSpec("News.Az", "news-az", "https://news.az", "AZ", "en", ("en", "ru"), 10),
    OutletSpec(
        "AZERTAC", "azertac", "https://azertag.az", "AZ", "az", ("az", "en", "ru", "fr"), 14, True
    ),
    OutletSpec("AzerNews", "azernews", "https://www.azernews.az", "AZ", "en", ("en",), 8),
    OutletSpec("MENAFN", "menafn", "https://menafn.com", "JO", "en", ("en",), 4),
    OutletSpec("Trend", "trend", "https://www.trend.az", "AZ", "en", ("en", "ru", "az"), 10, True),
    OutletSpec(
        "Report.az", "report-az", "https://report.az", "AZ", "az", ("az", "en", "ru"), 9, True
    ),
    OutletSpec("APA", "apa", "https://apa.az", "AZ", "az", ("az", "en", "ru"), 8, True),
    OutletSpec("Caliber.az", "caliber-az", "https://caliber.az", "AZ", "en", ("en", "ru"), 4),
    OutletSpec(
        "Interfax-Azerbaijan", "interfax-azerbaijan", "https://interfax.az", "AZ", "ru", ("ru",), 4
    ),
    OutletSpec("Vesti.az", "vesti-az", "https://vesti.az", "AZ", "ru", ("ru", "az"), 3),
    OutletSpec("UN News", "un-news", "https://news.un.org/en", "", "en", ("en", "ru"), 4),
    OutletSpec("ONU Info", "onu-info", "https://news.un.org/fr", "", "fr", ("fr",), 3),
]
#: Words for the outlets made up for large archives ("Caspian Herald").
OUTLET_WORDS = (
    ("Caspian", "Absheron", "Silk Way", "Ganja", "Shirvan", "Kura", "Gabala", "Lankaran"),
    ("Herald", "Monitor", "Post", "Daily", "Times", "Review", "Observer", "Wire"),
)
#: One made-up outlet per this many articles.
ARTICLES_PER_EXTRA_OUTLET = 5000


@dataclass(frozen=True)
class TopicSpec:
    """A topic: its record, and how a text names it (Russian: accusative)."""

    slug: str
    name: str
    en: str
    fr: str
    ru: str
    az: str


#: The seed fixture's topics (same slugs and names), then a few more.
TOPICS = [
    TopicSpec(
        "cooperation-with-un-human-rights-bodies", "Cooperation with UN human rights bodies",
        "cooperation with UN human rights bodies",
        "la coopération avec les organes des droits de l’homme de l’ONU",
        "сотрудничество с правозащитными органами ООН",
        "BMT-nin insan hüquqları orqanları ilə əməkdaşlıq",
    ),
    TopicSpec(
        "legal-and-judicial-reform", "Legal and judicial reform", "legal and judicial reform",
        "la réforme juridique et judiciaire", "правовую и судебную реформу",
        "hüquq və məhkəmə islahatları",
    ),
    TopicSpec(
        "civil-society-and-ngos", "Civil society and NGOs", "the role of civil society and NGOs",
        "le rôle de la société civile et des ONG", "роль гражданского общества и НКО",
        "vətəndaş cəmiyyəti və QHT-lərin rolu",
    ),
    TopicSpec(
        "sustainable-development-goals", "Sustainable Development Goals",
        "the Sustainable Development Goals", "les objectifs de développement durable",
        "Цели устойчивого развития", "Davamlı İnkişaf Məqsədləri",
    ),
    TopicSpec(
        "karabakh-conflict", "Karabakh conflict", "the Karabakh conflict",
        "le conflit du Karabakh", "карабахский конфликт", "Qarabağ münaqişəsi",
    ),
    TopicSpec(
        "refugees-and-idps", "Refugees and internally displaced persons",
        "the rights of refugees and internally displaced persons",
        "les droits des réfugiés et des personnes déplacées",
        "права беженцев и вынужденных переселенцев",
        "qaçqın və məcburi köçkünlərin hüquqları",
    ),
    TopicSpec(
        "captured-civilians", "Captured civilians", "the fate of captured civilians",
        "le sort des civils capturés", "судьбу захваченных гражданских лиц",
        "əsir götürülmüş mülki şəxslərin taleyi",
    ),
    TopicSpec(
        "international-humanitarian-law", "International humanitarian law",
        "respect for international humanitarian law",
        "le respect du droit international humanitaire",
        "соблюдение международного гуманитарного права",
        "beynəlxalq humanitar hüquqa riayət",
    ),
    TopicSpec(
        "post-conflict-reconstruction", "Post-conflict reconstruction",
        "post-conflict reconstruction", "la reconstruction post-conflit",
        "постконфликтное восстановление", "münaqişədən sonrakı bərpa",
    ),
    TopicSpec(
        "landmines", "Landmines", "the threat of landmines", "la menace des mines terrestres",
        "минную угрозу", "mina təhlükəsi",
    ),
    TopicSpec(
        "armenia-azerbaijan-normalization", "Armenia–Azerbaijan normalization",
        "the normalization of relations between Armenia and Azerbaijan",
        "la normalisation des relations entre l’Arménie et l’Azerbaïdjan",
        "нормализацию отношений между Арменией и Азербайджаном",
        "Ermənistan ilə Azərbaycan arasında münasibətlərin normallaşması",
    ),
    TopicSpec(
        "cop29", "COP29", "the preparations for COP29", "les préparatifs de la COP29",
        "подготовку к COP29", "COP29-a hazırlıq",
    ),
    TopicSpec(
        "intercultural-and-interfaith-dialogue", "Intercultural and interfaith dialogue",
        "intercultural and interfaith dialogue", "le dialogue interculturel et interreligieux",
        "межкультурный и межрелигиозный диалог", "mədəniyyətlərarası və dinlərarası dialoq",
    ),
    TopicSpec(
        "un-treaty-bodies", "UN treaty bodies", "reporting to UN treaty bodies",
        "les rapports aux organes conventionnels de l’ONU",
        "подготовку докладов для договорных органов ООН",
        "BMT-nin müqavilə orqanlarına hesabatlar",
    ),
    TopicSpec(
        "un-special-procedures", "UN special procedures", "visits by UN special procedures",
        "les visites des procédures spéciales de l’ONU", "визиты специальных процедур ООН",
        "BMT-nin xüsusi prosedurlarının səfərləri",
    ),
    TopicSpec(
        "missing-persons", "Missing persons", "the search for missing persons",
        "la recherche des personnes disparues", "поиск пропавших без вести",
        "itkin düşmüş şəxslərin axtarışı",
    ),
    TopicSpec(
        "karabakh-armenian-residents", "Rights and reintegration of Karabakh’s Armenian residents",
        "the reintegration of Karabakh’s Armenian residents",
        "la réintégration des résidents arméniens du Karabakh",
        "реинтеграцию армянских жителей Карабаха",
        "Qarabağın erməni sakinlərinin reinteqrasiyası",
    ),
    TopicSpec(
        "national-human-rights-reforms", "National human rights reforms",
        "national human rights reforms",
        "les réformes nationales en matière de droits de l’homme",
        "национальные реформы в сфере прав человека",
        "insan hüquqları sahəsində milli islahatlar",
    ),
    TopicSpec(
        "non-aligned-movement", "Non-Aligned Movement", "the work of the Non-Aligned Movement",
        "les travaux du Mouvement des non-alignés", "работу Движения неприсоединения",
        "Qoşulmama Hərəkatının fəaliyyəti",
    ),
    TopicSpec(
        "universal-periodic-review", "Universal Periodic Review",
        "the Universal Periodic Review", "l’Examen périodique universel",
        "универсальный периодический обзор", "Universal Dövri İcmal",
    ),
    TopicSpec(
        "rights-of-the-child", "Rights of the child", "the rights of the child",
        "les droits de l’enfant", "права ребёнка", "uşaq hüquqları",
    ),
    TopicSpec(
        "gender-equality", "Gender equality", "gender equality",
        "l’égalité entre les femmes et les hommes", "гендерное равенство",
        "gender bərabərliyi",
    ),
    TopicSpec(
        "freedom-of-expression", "Freedom of expression", "freedom of expression and the media",
        "la liberté d’expression et des médias", "свободу выражения мнений и СМИ",
        "ifadə və media azadlığı",
    ),
    TopicSpec(
        "prevention-of-torture", "Prevention of torture", "the prevention of torture",
        "la prévention de la torture", "предупреждение пыток",
        "işgəncələrin qarşısının alınması",
    ),
    TopicSpec(
        "rights-of-persons-with-disabilities", "Rights of persons with disabilities",
        "the rights of persons with disabilities", "les droits des personnes handicapées",
        "права лиц с инвалидностью", "əlilliyi olan şəxslərin hüquqları",
    ),
    TopicSpec(
        "minority-rights", "Minority rights", "the rights of national minorities",
        "les droits des minorités nationales", "права национальных меньшинств",
        "milli azlıqların hüquqları",
    ),
    TopicSpec(
        "migration", "Migration", "the protection of migrants", "la protection des migrants",
        "защиту мигрантов", "miqrantların müdafiəsi",
    ),
    TopicSpec(
        "human-rights-education", "Human rights education", "human rights education",
        "l’éducation aux droits de l’homme", "образование в области прав человека",
        "insan hüquqları üzrə maarifləndirmə",
    ),
]  # fmt: skip


# Pools: text
#
# Sentences are written once per language and filled in from a story: {A} is the host
# (a state official), {B} the guest (from an international body), {C} anyone else
# present; {A_role} and the like are their posts as this language names them, and
# `[A:masculine|feminine]` agrees with A's gender. {reports} is ", News.Az reports" in
# an outlet's report and empty in the desk's summary.

MEETING, VISIT, CONSULTATION, CALL, ADDRESS = "meeting", "visit", "consultation", "call", "address"
TALKS = frozenset({MEETING, VISIT, CONSULTATION, CALL})
IN_PERSON = frozenset({MEETING, VISIT, CONSULTATION})
#: Meeting kinds and how often a story is of each.
KIND_WEIGHTS = {MEETING: 62, VISIT: 12, CONSULTATION: 10, CALL: 8, ADDRESS: 8}


@dataclass(frozen=True)
class Text:
    en: str
    fr: str
    ru: str
    az: str
    kinds: frozenset = TALKS


TITLES = {
    MEETING: [
        Text(
            "{A} meets {B}",
            "{A} s’entretient avec {B}",
            "{A} и {B} провели встречу",
            "{A} {B} ilə görüşüb",
        ),
        Text(
            "{A} receives {B_short} delegation",
            "{A} reçoit une délégation {B_short_of}",
            "{A} [A:принял|приняла] делегацию {B_short}",
            "{A} {B_of} nümayəndə heyətini qəbul edib",
        ),
        Text(
            "{A} and {B} discuss {topic}",
            "{A} et {B} évoquent {topic}",
            "{A} и {B} обсудили {topic}",
            "{A} və {B} {topic} mövzusunu müzakirə ediblər",
        ),
        Text(
            "{A}: cooperation with {B_short} to be expanded",
            "{A} : la coopération avec {B_short} sera élargie",
            "{A}: взаимодействие {A_country} и {B_short} будет расширено",
            "{A}: {B_short} ilə əməkdaşlıq genişləndiriləcək",
        ),
    ],
    VISIT: [
        Text(
            "{B_short} delegation visits {A_country}",
            "Une délégation {B_short_of} en visite {A_country_in}",
            "Делегация {B_short} находится с визитом {A_country_in}",
            "{B_of} nümayəndə heyəti {A_country_in} səfərdədir",
        ),
        Text(
            "{A} receives {B}, who is visiting {A_country}",
            "{A} reçoit {B}, en visite {A_country_in}",
            "{A} [A:провёл|провела] встречу с делегацией {B_short}",
            "{A} {A_country_in} səfərdə olan {B} ilə görüşüb",
        ),
    ],
    CONSULTATION: [
        Text(
            "{A_country} and {B_short} hold consultations {city_in}",
            "{A_country} et {B_short} tiennent des consultations {city_in}",
            "{city_in} прошли консультации {A_country} и {B_short}",
            "{A_country} və {B_short} {city_in} məsləhətləşmələr keçirib",
        ),
    ],
    CALL: [
        Text(
            "{A} and {B} hold phone talks",
            "Entretien téléphonique entre {A} et {B}",
            "{A} и {B} провели телефонный разговор",
            "{A} və {B} arasında telefon danışığı olub",
        ),
    ],
    ADDRESS: [
        Text(
            "{A} addresses {session_short}",
            "{A} s’exprime devant {session}",
            "{A} [A:выступил|выступила] на {session}",
            "{A} {session} çıxış edib",
        ),
    ],
}

LEADS = {
    MEETING: [
        Text(
            "{A_role} {A} has met {B}, {B_role}{reports}.",
            "{A}, {A_role}, a rencontré {B}, {B_role}{reports}.",
            "{A_role} {A} [A:провёл|провела] встречу, в которой [B:принял|приняла] участие "
            "{B_role} {B}{reports}.",
            "{A_role} {A} {B_role} {B} ilə görüşüb{reports}.",
        ),
        Text(
            "On {date}, {A}, {A_role}, received a delegation led by {B}, {B_role}{reports}.",
            "Le {date}, {A}, {A_role}, a reçu une délégation conduite par {B}, {B_role}{reports}.",
            "{date} {A_role} {A} [A:принял|приняла] делегацию, которую "
            "[B:возглавлял|возглавляла] {B_role} {B}{reports}.",
            "{date} tarixində {A_role} {A} {B_role} {B} başda olmaqla nümayəndə heyətini qəbul "
            "edib{reports}.",
        ),
        Text(
            "{A_role} {A} and {B}, {B_role}, met {city_in} on {date}{reports}.",
            "{A}, {A_role}, et {B}, {B_role}, ont eu un entretien {city_in} le {date}{reports}.",
            "{date} {city_in} состоялась встреча, в ходе которой {A_role} {A} и {B_role} {B} "
            "обсудили вопросы сотрудничества{reports}.",
            "{date} tarixində {city_in} {A_role} {A} ilə {B_role} {B} arasında görüş "
            "keçirilib{reports}.",
        ),
    ],
    VISIT: [
        Text(
            "{A_role} {A} has received {B}, {B_role}, who is on a visit to {A_country}{reports}.",
            "{A}, {A_role}, a reçu {B}, {B_role}, en visite {A_country_in}{reports}.",
            "{A_role} {A} [A:провёл|провела] встречу с делегацией, которую возглавляет "
            "[B:находящийся|находящаяся] с визитом {A_country_in} {B_role} {B}{reports}.",
            "{A_role} {A} {A_country_in} səfərdə olan {B_role} {B} ilə görüşüb{reports}.",
        ),
    ],
    CONSULTATION: [
        Text(
            "Consultations between {A_country} and {B_side} were held {city_in} on "
            "{date}{reports}. The delegations were led by {A}, {A_role}, and {B}, {B_role}.",
            "Des consultations entre {A_country} et {B_side} se sont tenues {city_in} le "
            "{date}{reports}. Les délégations étaient conduites par {A}, {A_role}, et {B}, "
            "{B_role}.",
            "{date} {city_in} прошли консультации представителей {A_country} и "
            "{B_side}{reports}. Делегации возглавили {A_role} {A} и {B_role} {B}.",
            "{date} tarixində {city_in} {A_country} və {B_side} arasında məsləhətləşmələr "
            "keçirilib{reports}. Nümayəndə heyətlərinə {A_role} {A} və {B_role} {B} rəhbərlik "
            "ediblər.",
        ),
    ],
    CALL: [
        Text(
            "{A_role} {A} has held a telephone conversation with {B}, {B_role}{reports}.",
            "{A}, {A_role}, s’est entretenu[A:|e] par téléphone avec {B}, {B_role}{reports}.",
            "{A_role} {A} и {B_role} {B} провели телефонный разговор{reports}.",
            "{A_role} {A} {B_role} {B} ilə telefon danışığı aparıb{reports}.",
        ),
    ],
    ADDRESS: [
        Text(
            "{A_role} {A} addressed {session} in Geneva on {date}{reports}.",
            "{A}, {A_role}, a pris la parole devant {session} à Genève le {date}{reports}.",
            "{date} {A_role} {A} [A:выступил|выступила] на {session} в Женеве{reports}.",
            "{A_role} {A} {date} tarixində Cenevrədə {session} çıxış edib{reports}.",
        ),
    ],
}

#: The body of a report: talks draw on all but the address sentences, addresses on those.
SENTENCES = [
    Text(
        "The sides discussed {topic} and {topic2}.",
        "Les parties ont évoqué {topic} ainsi que {topic2}.",
        "Стороны обсудили {topic} и {topic2}.",
        "Tərəflər {topic} və {topic2} mövzularında fikir mübadiləsi aparıblar.",
    ),
    Text(
        "{A} highlighted the reforms carried out {A_country_in} in recent years in the field "
        "of human rights.",
        "{A} a souligné les réformes menées ces dernières années {A_country_in} dans le domaine "
        "des droits de l’homme.",
        "{A} [A:рассказал|рассказала] о реформах, проведённых {A_country_in} в последние годы "
        "в сфере прав человека.",
        "{A} son illərdə {A_country_in} insan hüquqları sahəsində həyata keçirilən "
        "islahatlardan danışıb.",
    ),
    Text(
        "{B} noted the constructive nature of the cooperation and expressed interest in "
        "developing it further.",
        "{B} a salué le caractère constructif de la coopération et s’est dit[B:|e] "
        "intéressé[B:|e] par son approfondissement.",
        "{B} [B:отметил|отметила] конструктивный характер сотрудничества и "
        "[B:выразил|выразила] заинтересованность в его дальнейшем развитии.",
        "{B} əməkdaşlığın konstruktiv xarakterini qeyd edib və onun daha da inkişaf "
        "etdirilməsində maraqlı olduğunu bildirib.",
    ),
    Text(
        "The conversation also touched upon {topic2}.",
        "L’entretien a également porté sur {topic2}.",
        "Собеседники также затронули {topic2}.",
        "Söhbət zamanı həmçinin {topic2} məsələsinə toxunulub.",
    ),
    Text(
        "{A} informed {B} about the work carried out to implement the recommendations of UN "
        "treaty bodies.",
        "{A} a informé {B} des travaux menés pour mettre en œuvre les recommandations des "
        "organes conventionnels de l’ONU.",
        "{A} [A:проинформировал|проинформировала] [B:собеседника|собеседницу] о работе по "
        "выполнению рекомендаций договорных органов ООН.",
        "{A} həmsöhbətini BMT-nin müqavilə orqanlarının tövsiyələrinin icrası istiqamətində "
        "görülən işlər barədə məlumatlandırıb.",
    ),
    Text(
        "{B} thanked {A} for the warm welcome and the well-organised programme of the visit.",
        "{B} a remercié {A} pour l’accueil chaleureux et le programme bien organisé de la visite.",
        "{B} [B:поблагодарил|поблагодарила] за тёплый приём и хорошо организованную программу "
        "визита.",
        "{B} səmimi qəbula və səfər proqramının yüksək səviyyədə təşkilinə görə "
        "minnətdarlığını bildirib.",
        kinds=frozenset({VISIT}),
    ),
    Text(
        "It was noted that dialogue with international human rights mechanisms remains a "
        "priority for {A_country}.",
        "Il a été souligné que le dialogue avec les mécanismes internationaux des droits de "
        "l’homme reste une priorité pour {A_country}.",
        "Было отмечено, что диалог с международными правозащитными механизмами остаётся "
        "приоритетом для {A_country}.",
        "Qeyd olunub ki, beynəlxalq insan hüquqları mexanizmləri ilə dialoq {A_country} üçün "
        "prioritet olaraq qalır.",
        kinds=TALKS | {ADDRESS},
    ),
    Text(
        "{B} outlined the main areas of work {B_of} and its priorities for the coming year.",
        "{B} a présenté les principaux axes de travail {B_of} et ses priorités pour l’année "
        "à venir.",
        "{B} [B:рассказал|рассказала] об основных направлениях деятельности {B_of} и её "
        "приоритетах на предстоящий год.",
        "{B} {B_of} fəaliyyətinin əsas istiqamətləri və qarşıdakı il üçün prioritetləri "
        "barədə məlumat verib.",
    ),
    Text(
        "The parties agreed to continue regular consultations.",
        "Les parties sont convenues de poursuivre des consultations régulières.",
        "Стороны договорились продолжить регулярные консультации.",
        "Tərəflər müntəzəm məsləhətləşmələri davam etdirmək barədə razılığa gəliblər.",
    ),
    Text(
        "{A} described {topic} as one of the priorities of the coming years.",
        "{A} a présenté {topic} comme l’une des priorités des années à venir.",
        "{A} [A:назвал|назвала] {topic} одним из приоритетов ближайших лет.",
        "{A} {topic} mövzusunu yaxın illərin prioritetlərindən biri adlandırıb.",
    ),
    Text(
        "{B} expressed readiness to provide technical assistance in this area.",
        "{B} s’est dit[B:|e] prêt[B:|e] à apporter une assistance technique dans ce domaine.",
        "{B} [B:выразил|выразила] готовность оказать техническое содействие в этой сфере.",
        "{B} bu sahədə texniki yardım göstərməyə hazır olduğunu bildirib.",
    ),
    Text(
        "Views were exchanged on the prospects for cooperation between {A_country} and {B_side}.",
        "Un échange de vues a eu lieu sur les perspectives de coopération entre {A_country} "
        "et {B_side}.",
        "Состоялся обмен мнениями о перспективах дальнейшего сотрудничества.",
        "Gələcək əməkdaşlığın perspektivləri ilə bağlı fikir mübadiləsi aparılıb.",
    ),
    Text(
        "{A} drew attention to {topic}.",
        "{A} a attiré l’attention de [B:son interlocuteur|son interlocutrice] sur {topic}.",
        "{A} [A:обратил|обратила] внимание [B:собеседника|собеседницы] на {topic}.",
        "{A} həmsöhbətinin diqqətini {topic} məsələsinə yönəldib.",
    ),
    Text(
        "Information was provided on the measures taken under the National Action Plan on "
        "Human Rights.",
        "Des informations ont été fournies sur les mesures prises dans le cadre du Plan "
        "d’action national en matière de droits de l’homme.",
        "Была представлена информация о мерах, принятых в рамках Национального плана "
        "действий в области прав человека.",
        "İnsan hüquqları üzrə Milli Fəaliyyət Planı çərçivəsində görülən tədbirlər barədə "
        "məlumat verilib.",
        kinds=TALKS | {ADDRESS},
    ),
    Text(
        "In the speech, {A} outlined the steps taken by {A_country} to strengthen the "
        "protection of human rights.",
        "Dans son intervention, {A} a présenté les mesures prises par {A_country} pour "
        "renforcer la protection des droits de l’homme.",
        "В своём выступлении {A} [A:рассказал|рассказала] о мерах, принимаемых "
        "{A_country_in} для укрепления защиты прав человека.",
        "Çıxışında {A} {A_country_in} insan hüquqlarının müdafiəsinin gücləndirilməsi "
        "istiqamətində atılan addımlardan danışıb.",
        kinds=frozenset({ADDRESS}),
    ),
    Text(
        "The speech also addressed {topic}.",
        "L’intervention a également porté sur {topic}.",
        "{A} также [A:затронул|затронула] {topic}.",
        "Çıxışda {topic} mövzusuna da toxunulub.",
        kinds=frozenset({ADDRESS}),
    ),
    Text(
        "{A} reaffirmed the commitment of {A_country} to constructive cooperation with the "
        "Council and the Office of the High Commissioner.",
        "{A} a réaffirmé l’engagement {A_of} en faveur d’une coopération constructive avec le "
        "Conseil et le Haut-Commissariat.",
        "{A} [A:подтвердил|подтвердила] приверженность {A_country} конструктивному "
        "сотрудничеству с Советом и Управлением Верховного комиссара.",
        "{A} {A_of} Şura və Ali Komissarlıqla konstruktiv əməkdaşlığa sadiqliyini bir daha "
        "təsdiqləyib.",
        kinds=frozenset({ADDRESS}),
    ),
    Text(
        "On the margins of the session, {A} also met the President of the Council.",
        "En marge de la session, {A} s’est également entretenu[A:|e] avec le président du Conseil.",
        "На полях сессии {A} также [A:провёл|провела] встречу с председателем Совета.",
        "Sessiya çərçivəsində {A} Şuranın sədri ilə də görüşüb.",
        kinds=frozenset({ADDRESS}),
    ),
]

#: Names someone else present: {C} is filled in with each of them in turn.
ALSO_PRESENT = Text(
    "The meeting was also attended by {C}, {C_role}.",
    "{C}, {C_role}, a également pris part à la rencontre.",
    "Во встрече также [C:принял|приняла] участие {C_role} {C}.",
    "Görüşdə həmçinin {C_role} {C} iştirak edib.",
    kinds=IN_PERSON,
)

ENDINGS = {
    MEETING: Text(
        "At the end of the meeting, the sides exchanged views on further steps.",
        "À l’issue de la rencontre, les parties ont échangé sur les prochaines étapes.",
        "В завершение встречи стороны обменялись мнениями о дальнейших шагах.",
        "Görüşün sonunda tərəflər növbəti addımlar barədə fikir mübadiləsi aparıblar.",
    ),
    CONSULTATION: Text(
        "The next round of consultations is expected to take place in {next_year}.",
        "Le prochain cycle de consultations devrait avoir lieu en {next_year}.",
        "Следующий раунд консультаций планируется провести в {next_year} году.",
        "Məsləhətləşmələrin növbəti raundunun {next_year} ildə keçirilməsi gözlənilir.",
    ),
    CALL: Text(
        "The sides agreed to stay in touch.",
        "Les deux interlocuteurs sont convenus de rester en contact.",
        "Собеседники договорились поддерживать контакт.",
        "Həmsöhbətlər əlaqə saxlamağa razılaşıblar.",
    ),
    ADDRESS: Text(
        "The speech was followed by an interactive dialogue with member states.",
        "L’intervention a été suivie d’un dialogue interactif avec les États membres.",
        "После выступления состоялся интерактивный диалог с государствами-членами.",
        "Çıxışdan sonra üzv dövlətlərlə interaktiv dialoq keçirilib.",
    ),
}
ENDINGS[VISIT] = ENDINGS[MEETING]

REPORTS = {
    "en": ", {outlet} reports",
    "fr": ", rapporte {outlet}",
    "ru": ", сообщает {outlet}",
    "az": ", {outlet} xəbər verir",
}

MONTHS = {
    "en": "January February March April May June July August September October November "
    "December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября "
    "декабря".split(),
    "az": "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr".split(),
}

#: The vowel of a number's last word decides the Azerbaijani ordinal suffix.
AZ_UNIT_SUFFIXES = ["", "ci", "ci", "cü", "cü", "ci", "cı", "ci", "ci", "cu"]
AZ_TEN_SUFFIXES = ["", "cu", "ci", "cu", "cı", "ci", "cı", "ci", "ci", "cı"]


def az_ordinal(number):
    """2024 -> "2024-cü", 2016 -> "2016-cı", 54 -> "54-cü"."""
    if number % 10:
        suffix = AZ_UNIT_SUFFIXES[number % 10]
    elif number % 100:
        suffix = AZ_TEN_SUFFIXES[number // 10 % 10]
    else:
        suffix = "cü" if number % 1000 else "ci"
    return f"{number}-{suffix}"


def en_ordinal(number):
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def long_date(day, language):
    month = MONTHS[language][day.month - 1]
    if language == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    if language == "ru":
        return f"{day.day} {month} {day.year} года"
    if language == "az":
        return f"{day.day} {month} {az_ordinal(day.year)} il"
    return f"{day.day} {month} {day.year}"


def session_number(day):
    """The Human Rights Council's regular session in a March, June or September."""
    return 31 + 3 * (day.year - 2016) + day.month // 3 - 1


def session_names(number):
    """(in a sentence, in a headline) for the Council's session, in each language."""
    return {
        "en": (
            f"the {en_ordinal(number)} session of the UN Human Rights Council",
            f"{en_ordinal(number)} session of UN Human Rights Council",
        ),
        "fr": (f"la {number}e session du Conseil des droits de l’homme",) * 2,
        "ru": (f"{number}-й сессии Совета ООН по правам человека",) * 2,
        "az": (f"BMT İnsan Hüquqları Şurasının {az_ordinal(number)} sessiyasında",) * 2,
    }


GENDERED = re.compile(r"\[(?:([A-C]):)?([^|\]]*)\|([^\]]*)\]")


@functools.cache
def agree(template, genders):
    """The template with each `[X:masculine|feminine]` resolved for X's gender in
    `genders` ("A", "B", "C" -> "m" or "f"), and `[masculine|feminine]` for "A"'s."""

    def choose(match):
        who, masculine, feminine = match.groups()
        return feminine if genders[ord(who or "A") - ord("A")] == "f" else masculine

    return GENDERED.sub(choose, template)


def capitalize(text):
    return text[:1].upper() + text[1:]


# The world: outlets, organizations and people


@dataclass(frozen=True)
class OrganizationSpec:
    slug: str
    name: str
    kind: str
    country: str = ""
    parent: str | None = None
    abbreviation: str = ""


@dataclass
class DemoPost:
    """A post someone holds: on a rung of its organization's ladder, for a period."""

    organization: str
    ladder: str
    rung: int
    start: dt.date
    end: dt.date | None
    #: The state or body that names the post in texts ("… of Azerbaijan").
    named_after: State | Body

    @property
    def title(self):
        return LADDERS[self.ladder][self.rung].title

    def covers(self, day):
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class DemoPerson:
    """A fictional person: names in each language, gender, and posts, oldest first."""

    slug: str
    names: dict
    gender: str
    #: The organization they speak for: their state, or their international body.
    represents: str
    posts: list = field(default_factory=list)

    def post_on(self, day):
        """The index of the post held on `day`, or of the nearest one before or after."""
        for index, post in enumerate(self.posts):
            if post.covers(day):
                return index
        started = [index for index, post in enumerate(self.posts) if post.start <= day]
        return started[-1] if started else 0

    def active_in(self, year):
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return any(p.start <= last and (p.end is None or p.end >= first) for p in self.posts)


def state_organizations(state):
    """The state, its government, foreign ministry, and ombudsman institution if any."""
    formal = state.formal.removeprefix("the ")
    government = f"{state.slug}-government"
    specs = [
        OrganizationSpec(state.slug, formal, K.STATE, state.code),
        OrganizationSpec(
            government, f"Government of {state.formal}", K.GOVERNMENT, state.code, state.slug
        ),
        OrganizationSpec(
            f"{state.slug}-foreign-ministry",
            f"Ministry of Foreign Affairs of {state.formal}",
            K.MINISTRY,
            state.code,
            government,
        ),
    ]
    if state.code == "AZ":
        specs.append(
            OrganizationSpec(
                f"{state.slug}-justice-ministry",
                f"Ministry of Justice of {state.formal}",
                K.MINISTRY,
                state.code,
                government,
            )
        )
    if state.ombudsman:
        specs.append(
            OrganizationSpec(
                f"{state.slug}-ombudsman", state.ombudsman, K.OMBUDSMAN, state.code, state.slug
            )
        )
    return specs


class World:
    """Who and what the stories are about: made once per run from the seed."""

    journalist_count = 24

    def __init__(self, rng, articles):
        self.states = STATES[: min(len(STATES), 4 + articles // 1500)]
        self.outlets = OUTLETS + self.extra_outlets(rng, articles // ARTICLES_PER_EXTRA_OUTLET)
        self.organizations = [
            spec for state in self.states for spec in state_organizations(state)
        ] + [
            OrganizationSpec(b.slug, b.name, b.kind, parent=b.parent, abbreviation=b.abbreviation)
            for b in BODIES
        ]
        self.people, self.journalists = self.make_people(rng, min(900, 30 + articles // 200))
        self.by_group = self.group_people()
        self.roles = {}
        self.outlet_choices = {
            language: (
                [o for o in self.outlets if language in o.languages],
                list(
                    itertools.accumulate(o.weight for o in self.outlets if language in o.languages)
                ),
            )
            for language in LANGUAGES
        }
        self.agencies = [outlet for outlet in self.outlets if outlet.agency]

    @staticmethod
    def extra_outlets(rng, count):
        names = [" ".join(words) for words in itertools.product(*OUTLET_WORDS)]
        outlets = []
        for name in rng.sample(names, min(count, len(names))):
            slug = slugify(name)
            language = rng.choice(("en", "ru", "az"))
            homepage = f"https://{slug}.example"
            outlets.append(OutletSpec(name, slug, homepage, "AZ", language, (language,), 2))
        return outlets

    def make_people(self, rng, count):
        """Fictional officials of the states, staff of the international bodies, and the
        journalists who sign reports, each with a name unique in the run."""
        azerbaijani = [
            azerbaijani_name(*pair)
            for pair in sample_pairs(
                rng, AZ_FIRST_NAMES, AZ_SURNAMES, count + self.journalist_count
            )
        ]
        international = [
            international_name(*pair)
            for pair in sample_pairs(rng, INTERNATIONAL_FIRST_NAMES, INTERNATIONAL_SURNAMES, count)
        ]
        officials_here = round(count * 0.4)
        officials_abroad = round(count * 0.15)
        journalists = [names for names, _ in azerbaijani[officials_here:][: self.journalist_count]]
        people = [
            self.official(rng, self.states[0], *azerbaijani[i]) for i in range(officials_here)
        ]
        people += [
            self.official(rng, rng.choice(self.states[1:]), *international[i])
            for i in range(officials_abroad)
        ]
        staff = [body for body in BODIES if body.ladder]
        weights = [body.weight for body in staff]
        people += [
            self.staff(rng, rng.choices(staff, weights)[0], *international[i])
            for i in range(officials_abroad, count - officials_here)
        ]
        self.appoint(rng, people)
        return people, journalists

    def official(self, rng, state, names, gender):
        if state.code == "AZ":
            ladders, weights = ("foreign-ministry", "justice-ministry", "ombudsman"), (55, 15, 30)
        else:
            ladders, weights = ("foreign-ministry", "ombudsman"), (75, 25 if state.ombudsman else 0)
        ladder = rng.choices(ladders, weights)[0]
        person = DemoPerson(slugify(anyascii(names["en"])), names, gender, state.slug)
        person.posts = career(rng, f"{state.slug}-{ladder}", ladder, state)
        return person

    def staff(self, rng, body, names, gender):
        person = DemoPerson(slugify(anyascii(names["en"])), names, gender, body.slug)
        person.posts = career(rng, body.slug, body.ladder, body)
        return person

    @staticmethod
    def appoint(rng, people):
        """Give each post held by one person at a time its successive holders, from
        among the people of its organization, from 2008 on; each leaves their post the
        day before their term starts."""
        staff = {}
        for person in people:
            staff.setdefault(person.posts[0].organization, []).append(person)
        for members in staff.values():
            for rung, spec in enumerate(LADDERS[members[0].posts[0].ladder]):
                if spec.sole:
                    appoint_terms(rng, members, rung)

    def group_people(self):
        """People by what they represent, and all staff of international bodies together
        ("bodies"), each by the years they were in post: {group: {year: [index]}}."""
        groups = {}
        for index, person in enumerate(self.people):
            keys = [person.represents]
            if person.represents in BODY_BY_SLUG:
                keys.append("bodies")
            for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
                if person.active_in(year):
                    for key in keys:
                        groups.setdefault(key, {}).setdefault(year, []).append(index)
            for key in keys:
                groups.setdefault(key, {}).setdefault("any", []).append(index)
        return groups

    def pick(self, rng, group, day, exclude=()):
        """Someone of `group` in post on `day` (else anyone of the group), not in
        `exclude`; None when there is nobody."""
        years = self.by_group.get(group, {})
        for candidates in (years.get(day.year, ()), years.get("any", ())):
            for _ in range(8):
                if not candidates:
                    break
                index = rng.choice(candidates)
                if index not in exclude:
                    return index
            others = [index for index in candidates if index not in exclude]
            if others:
                return rng.choice(others)
        return None

    def pick_outlet(self, rng, language):
        outlets, cumulative = self.outlet_choices[language]
        return rng.choices(outlets, cum_weights=cumulative)[0]

    def role(self, person_index, post_index, language):
        """How a text in `language` names someone's post: "Member of the UN Committee
        against Torture", "член Комитета ООН против пыток"."""
        key = (person_index, post_index, language)
        if key not in self.roles:
            person = self.people[person_index]
            post = person.posts[post_index]
            template = getattr(LADDERS[post.ladder][post.rung], language)
            of = post.named_after.forms(language).of
            self.roles[key] = agree(template, (person.gender,)).format(of=of)
        return self.roles[key]

    def summary(self, person_index):
        """A person's one-line description, from their posts."""
        person = self.people[person_index]
        parts = []
        for post_index, post in reversed(list(enumerate(person.posts))):
            role = self.role(person_index, post_index, "en")
            if post.end is None:
                parts.append(f"{role} since {post.start.year}")
            else:
                parts.append(f"{role} from {post.start.year} to {post.end.year}")
        return capitalize("; before that, ".join(parts)) + "."


def appoint_terms(rng, members, rung):
    """Terms of three to seven years in the post on `rung`, each for someone already in
    the organization, until there is nobody left or the archive ends."""
    first = members[0].posts[0]
    day = POSTS_FROM + dt.timedelta(days=rng.randrange(2 * 365))
    candidates = list(members)
    while day <= LAST_DAY:
        if not candidates:
            return
        eligible = [member for member in candidates if member.posts[-1].start < day]
        if not eligible:
            day = min(member.posts[-1].start for member in candidates) + dt.timedelta(days=1)
            continue
        holder = rng.choice(eligible)
        candidates.remove(holder)
        last = holder.posts[-1]
        if last.end is None or last.end >= day:
            last.end = day - dt.timedelta(days=1)
        end = day + dt.timedelta(days=rng.randrange(*TERM_DAYS))
        holder.posts.append(
            DemoPost(
                first.organization,
                first.ladder,
                rung,
                day,
                end if end < LAST_DAY else None,
                first.named_after,
            )
        )
        day = end + dt.timedelta(days=1)


def sample_pairs(rng, firsts, lasts, count):
    """`count` different (first name, surname) pairs."""
    count = min(count, len(firsts) * len(lasts))
    pairs = rng.sample(range(len(firsts) * len(lasts)), count)
    return [(firsts[n // len(lasts)], lasts[n % len(lasts)]) for n in pairs]


def career(rng, organization, ladder, named_after):
    """One post, or two when promoted: the second a rung up, from the day the first ends.
    Posts held by one person at a time are left to `World.appoint`."""
    rungs = sum(not rung.sole for rung in LADDERS[ladder])
    rung = rng.choices(range(rungs), FIRST_RUNG_WEIGHTS[:rungs])[0]
    start = POSTS_FROM + dt.timedelta(days=rng.randrange((dt.date(2020, 12, 31) - POSTS_FROM).days))
    if rung + 1 < rungs and rng.random() < 0.4:
        end = start + dt.timedelta(days=rng.randrange(730, 2190))
        if end < dt.date(2025, 1, 1):
            return [
                DemoPost(organization, ladder, rung, start, end, named_after),
                DemoPost(
                    organization, ladder, rung + 1, end + dt.timedelta(days=1), None, named_after
                ),
            ]
    end = None
    if rng.random() < 0.25:
        end = start + dt.timedelta(days=rng.randrange(1095, 3650))
        end = end if end <= LAST_DAY else None
    return [DemoPost(organization, ladder, rung, start, end, named_after)]


# Stories: what happened, who reported it, in which languages


@dataclass
class Role:
    """Someone at a meeting: the person, the post they held then, and their side."""

    person: int
    post: int
    side: str


@dataclass
class Plan:
    """What a text says, whatever its language: headline, lead, the sentences of each
    paragraph, and whether it ends with the closing sentence."""

    title: int
    lead: int
    paragraphs: list
    ending: bool


@dataclass
class Version:
    """One article: an original report, or one of its translations."""

    language: str
    outlet: OutletSpec
    status: str
    published_at: dt.datetime
    agency: OutletSpec | None = None
    byline: int | None = None
    dateline: bool = False
    has_url: bool = False
    method: str = ""


@dataclass
class Report:
    """An outlet's report: the original first, then its translations."""

    plan: Plan
    versions: list


@dataclass
class MeetingPlan:
    language: str
    plan: Plan
    status: str
    published_at: dt.datetime | None
    summaries: list
    mentioned: list


@dataclass
class Story:
    """A meeting, the reports of it, and perhaps the desk's summary."""

    kind: str
    day: dt.date
    city: str
    state: State
    roles: list
    topics: list
    reports: list = field(default_factory=list)
    meeting: MeetingPlan | None = None
    #: The genders of A, B and C in the texts' `[A:…|…]`.
    genders: tuple = ("m", "m", "m")


SCHEDULED = "scheduled"
ORIGINAL_STATUSES = (
    (Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.WITHDRAWN, SCHEDULED),
    (88, 4, 3, 3, 2),
)
MEETING_STATUSES = (
    (Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.WITHDRAWN),
    (85, 7, 5, 3),
)


class Planner:
    """Decides every story from the run's random generator, in a fixed order."""

    def __init__(self, world, rng):
        self.world = world
        self.rng = rng
        self.sentences = {
            kind: [i for i, text in enumerate(SENTENCES) if kind in text.kinds]
            for kind in KIND_WEIGHTS
        }

    def skeleton(self, articles):
        """How many articles each report of each story has, `articles` in all: a story
        has one to three reports; a third of the reports have one to three translations."""
        rng, stories, remaining = self.rng, [], articles
        while remaining:
            sizes = []
            for _ in range(rng.choices((1, 2, 3), (75, 20, 5))[0]):
                translations = 0
                if rng.random() < 1 / 3:
                    translations = rng.choices((1, 2, 3), (50, 35, 15))[0]
                size = min(1 + translations, remaining)
                sizes.append(size)
                remaining -= size
                if not remaining:
                    break
            stories.append(sizes)
        return stories

    def meeting_stories(self, stories, count):
        """The stories that get a summary: `count` of them, chosen at random."""
        return set(self.rng.sample(range(len(stories)), min(count, len(stories))))

    def story(self, sizes, with_meeting):
        rng, world = self.rng, self.world
        kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
        day = self.day(kind)
        state = world.states[0]
        abroad = [other for other in world.states[1:] if other.slug in world.by_group]
        if abroad and rng.random() < 0.25:
            state = rng.choice(abroad)
        story = Story(kind, day, "", state, self.roles(kind, day, state), self.topics())
        story.city = self.city(story)
        genders = [world.people[role.person].gender for role in story.roles[:3]]
        story.genders = (*genders, *["m"] * (3 - len(genders)))
        story.reports = [self.report(story, size) for size in sizes]
        if with_meeting:
            story.meeting = self.meeting(story)
        return story

    def day(self, kind):
        rng = self.rng
        if kind == ADDRESS:
            year = rng.randint(FIRST_DAY.year, LAST_DAY.year)
            return dt.date(year, rng.choice((3, 6, 9)), rng.randint(1, 28))
        return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))

    def roles(self, kind, day, state):
        """The host (an official of `state`), the guest (from an international body) and
        anyone else present; an address has only its speaker."""
        rng, world = self.rng, self.world
        side = {MEETING: "host", VISIT: "host", ADDRESS: "guest"}.get(kind, "other")
        guest_side = "guest" if side == "host" else "other"
        host = world.pick(rng, state.slug, day)
        roles = [Role(host, world.people[host].post_on(day), side)]
        if kind == ADDRESS:
            return roles
        guest = world.pick(rng, "bodies", day)
        roles.append(Role(guest, world.people[guest].post_on(day), guest_side))
        if kind not in IN_PERSON:
            return roles
        taken = {host, guest}
        for _ in range(rng.choices((0, 1, 2), (55, 30, 15))[0]):
            if rng.random() < 0.5:
                other, other_side = world.pick(rng, state.slug, day, taken), side
            else:
                body = world.people[guest].represents
                other = world.pick(rng, body, day, taken) or world.pick(rng, "bodies", day, taken)
                other_side = guest_side
            if other is not None:
                taken.add(other)
                roles.append(Role(other, world.people[other].post_on(day), other_side))
        return roles

    def topics(self):
        return self.rng.sample(range(len(TOPICS)), self.rng.choice((2, 2, 3)))

    def city(self, story):
        """Where it happened: the host's capital or the guest's seat."""
        if story.kind == ADDRESS:
            return "geneva"
        seat = BODY_BY_SLUG[self.world.people[story.roles[1].person].represents].seat
        away = {MEETING: 0.35, CONSULTATION: 0.5}.get(story.kind, 0)
        return seat if self.rng.random() < away else story.state.capital

    def plan(self, kind, paragraphs, sentences_each):
        rng = self.rng
        counts = [rng.randint(*sentences_each) for _ in range(paragraphs)]
        pool = self.sentences[kind]
        chosen = rng.sample(pool, min(len(pool), sum(counts)))
        split, start = [], 0
        for count in counts:
            if chosen[start : start + count]:
                split.append(chosen[start : start + count])
            start += count
        return Plan(
            rng.randrange(len(TITLES[kind])),
            rng.randrange(len(LEADS[kind])),
            split,
            rng.random() < 0.7,
        )

    def report(self, story, size):
        rng, world = self.rng, self.world
        paragraphs = 2 if story.kind == ADDRESS else rng.randint(2, 4)
        plan = self.plan(story.kind, paragraphs, (1, 3))
        language = rng.choices(LANGUAGES, ORIGINAL_LANGUAGE_WEIGHTS)[0]
        outlet = world.pick_outlet(rng, language)
        status = rng.choices(*ORIGINAL_STATUSES)[0]
        original = Version(
            language,
            outlet,
            status,
            self.published_at(story.day, status),
            agency=self.agency(outlet),
            byline=rng.randrange(world.journalist_count) if rng.random() < 0.35 else None,
            dateline=rng.random() < 0.6,
            has_url=rng.random() < 0.7,
        )
        translations = [
            self.translation(original, target) for target in self.targets(original, size - 1)
        ]
        return Report(plan, [original, *translations])

    def published_at(self, day, status):
        if status == SCHEDULED:
            return SCHEDULED_FROM + dt.timedelta(minutes=self.rng.randrange(365 * 24 * 60))
        start = dt.datetime.combine(day, dt.time(6), tzinfo=dt.UTC)
        return start + dt.timedelta(minutes=self.rng.randrange(30 * 60))

    def agency(self, outlet):
        if self.rng.random() >= 0.12:
            return None
        agencies = [agency for agency in self.world.agencies if agency != outlet]
        return self.rng.choice(agencies)

    def targets(self, original, count):
        """Languages to translate into: first those the outlet publishes in."""
        own = [lang for lang in original.outlet.languages if lang != original.language]
        others = [lang for lang in LANGUAGES if lang != original.language and lang not in own]
        self.rng.shuffle(own)
        self.rng.shuffle(others)
        return (own + others)[:count]

    def translation(self, original, language):
        rng = self.rng
        if language in original.outlet.languages:
            outlet = original.outlet
            method = (
                Translation.Method.PUBLISHER if rng.random() < 0.9 else Translation.Method.HUMAN
            )
        else:
            outlet = self.world.pick_outlet(rng, language)
            method = rng.choice((Translation.Method.HUMAN, Translation.Method.MACHINE))
        if original.status == Status.PUBLISHED:
            status = rng.choices((Status.PUBLISHED, Status.DRAFT, Status.REVIEW), (92, 5, 3))[0]
        else:
            status = original.status
        delay = dt.timedelta(minutes=rng.randrange(20, 48 * 60))
        return Version(
            language,
            outlet,
            status,
            original.published_at + delay,
            agency=original.agency,
            byline=original.byline if outlet == original.outlet else None,
            dateline=original.dateline,
            has_url=original.has_url,
            method=method,
        )

    def meeting(self, story):
        rng = self.rng
        language = "en" if rng.random() < 0.85 else rng.choice(("fr", "ru", "az"))
        plan = self.plan(story.kind, rng.randint(1, 2), (2, 3))
        status = rng.choices(*MEETING_STATUSES)[0]
        published_at = None
        if status == Status.PUBLISHED:
            published_at = self.published_at(story.day + dt.timedelta(days=1), status)
        summaries = []
        if rng.random() < 0.15:
            summaries.append(rng.choice([lang for lang in LANGUAGES if lang != language]))
        mentioned = []
        if rng.random() < 0.1:
            taken = {role.person for role in story.roles}
            person = self.world.pick(rng, "bodies", story.day, taken)
            mentioned = [] if person is None else [person]
        return MeetingPlan(language, plan, status, published_at, summaries, mentioned)


# Rendering


class Renderer:
    """Writes a story's texts in any of the four languages."""

    def __init__(self, world):
        self.world = world

    def slots(self, story, language):
        """What the placeholders of the texts stand for, in `language`."""
        world, roles = self.world, story.roles
        country = story.state.forms(language)
        first, second = (TOPICS[index] for index in story.topics[:2])
        session, session_short = session_names(session_number(story.day))[language]
        next_year = story.day.year + 1
        slots = {
            "A": world.people[roles[0].person].names[language],
            "A_role": world.role(roles[0].person, roles[0].post, language),
            "A_country": country.side,
            "A_of": country.of,
            "A_country_in": country.within,
            "topic": getattr(first, language),
            "topic2": getattr(second, language),
            "date": long_date(story.day, language),
            "city_in": CITIES[story.city].name_in(language),
            "session": session,
            "session_short": session_short,
            "next_year": az_ordinal(next_year) if language == "az" else next_year,
        }
        if len(roles) > 1:
            body = BODY_BY_SLUG[world.people[roles[1].person].represents].forms(language)
            slots |= {
                "B": world.people[roles[1].person].names[language],
                "B_role": world.role(roles[1].person, roles[1].post, language),
                "B_side": body.side,
                "B_of": body.of,
                "B_short": body.short,
                "B_short_of": body.short_of,
            }
        return slots

    def title(self, story, plan, language, slots):
        template = getattr(TITLES[story.kind][plan.title], language)
        return capitalize(agree(template, story.genders).format_map(slots))[:300]

    def body(self, story, plan, language, slots):
        """The paragraphs: the lead, the plan's sentences, then who else was there and
        the closing sentence."""

        def sentence(text, genders=story.genders, values=slots):
            return capitalize(agree(getattr(text, language), genders).format_map(values))

        paragraphs = [sentence(LEADS[story.kind][plan.lead])]
        paragraphs += [" ".join(sentence(SENTENCES[i]) for i in part) for part in plan.paragraphs]
        closing = []
        if story.kind in ALSO_PRESENT.kinds:
            for role in story.roles[2:]:
                person = self.world.people[role.person]
                values = slots | {
                    "C": person.names[language],
                    "C_role": self.world.role(role.person, role.post, language),
                }
                closing.append(sentence(ALSO_PRESENT, (*story.genders[:2], person.gender), values))
        if plan.ending:
            closing.append(sentence(ENDINGS[story.kind]))
        if closing:
            paragraphs.append(" ".join(closing))
        return "\n\n".join(paragraphs)

    def report(self, story, plan, version):
        """(title, body) of an article."""
        slots = self.slots(story, version.language)
        slots["reports"] = REPORTS[version.language].format(outlet=version.outlet.name)
        return (
            self.title(story, plan, version.language, slots),
            self.body(story, plan, version.language, slots),
        )

    def summary(self, story, language):
        """(title, summary) of the desk's account: no outlet named."""
        slots = self.slots(story, language) | {"reports": ""}
        plan = story.meeting.plan
        return self.title(story, plan, language, slots), self.body(story, plan, language, slots)


def demo_slug(text, number):
    """The slug of the `number`th demo article or meeting: its title, then `-d<number>`."""
    base = slugify(anyascii(text))[:80].strip("-") or "item"
    return f"{base}-d{number}"


def highest_demo_number(model):
    """The highest `-d<number>` ending a slug of `model`: numbering continues after it."""
    slugs = model.objects.filter(slug__regex=r"-d[0-9]+$").values_list("slug", flat=True)
    return max((int(DEMO_SLUG.search(slug)[1]) for slug in slugs.iterator(10000)), default=0)


# Writing


@dataclass
class Created:
    """What a run added, and how long its phases took (seconds)."""

    articles: int = 0
    translations: int = 0
    meetings: int = 0
    participants: int = 0
    summaries: int = 0
    people: int = 0
    posts: int = 0
    organizations: int = 0
    outlets: int = 0
    topics: int = 0
    timings: dict = field(default_factory=lambda: dict.fromkeys(("text", "insert", "search"), 0.0))

    def __str__(self):
        return (
            f"{self.articles} articles ({self.translations} translations), "
            f"{self.meetings} meetings ({self.participants} participants, "
            f"{self.summaries} summary translations), {self.people} people, "
            f"{self.posts} posts, {self.organizations} organizations, {self.outlets} outlets, "
            f"{self.topics} topics"
        )


def get_or_create_by_slug(model, rows, unique_name=False):
    """Insert the rows whose slug (or, with `unique_name`, name) is not taken yet; map
    every row's slug to the primary key of its record, new or existing."""
    taken = Q(slug__in=[row.slug for row in rows])
    if unique_name:
        taken |= Q(name__in=[row.name for row in rows])
    by_slug, by_name = {}, {}
    for pk, slug, name in model.objects.filter(taken).values_list("pk", "slug", "name"):
        by_slug[slug], by_name[name] = pk, pk
    new = [
        row for row in rows if row.slug not in by_slug and not (unique_name and row.name in by_name)
    ]
    model.objects.bulk_create(new, batch_size=BATCH_SIZE)
    pks = {row.slug: row.pk for row in new}
    for row in rows:
        pks.setdefault(row.slug, by_slug.get(row.slug) or by_name.get(row.name))
    return pks, len(new)


class Writer:
    """Writes the world's records once, then the stories a chunk at a time."""

    def __init__(self, world, created):
        self.world = world
        self.created = created
        self.render = Renderer(world)
        self.article_number = highest_demo_number(Article)
        self.meeting_number = highest_demo_number(Meeting)

    def reference(self):
        """Outlets, topics, organizations, people and their posts: reused when present."""
        created = self.created
        self.outlets, created.outlets = get_or_create_by_slug(
            Outlet,
            [
                Outlet(
                    name=o.name,
                    slug=o.slug,
                    homepage=o.homepage,
                    country=o.country,
                    language=o.language,
                )
                for o in self.world.outlets
            ],
            unique_name=True,
        )
        self.topics, created.topics = get_or_create_by_slug(
            Topic, [Topic(name=t.name, slug=t.slug) for t in TOPICS], unique_name=True
        )
        self.organizations = self.write_organizations()
        self.people = self.write_people()
        self.posts = self.write_posts()

    def write_organizations(self):
        """Level by level, so that each parent exists before its parts."""
        pks, level = {}, [spec for spec in self.world.organizations if spec.parent is None]
        while level:
            rows = [
                Organization(
                    name=spec.name,
                    slug=spec.slug,
                    abbreviation=spec.abbreviation,
                    kind=spec.kind,
                    country=spec.country,
                    parent_id=pks.get(spec.parent),
                )
                for spec in level
            ]
            new, count = get_or_create_by_slug(Organization, rows)
            pks |= new
            self.created.organizations += count
            slugs = {spec.slug for spec in level}
            level = [spec for spec in self.world.organizations if spec.parent in slugs]
        return pks

    def write_people(self):
        people = self.world.people
        rows = [
            Person(name=person.names["en"], slug=person.slug, summary=self.world.summary(index))
            for index, person in enumerate(people)
        ]
        pks, self.created.people = get_or_create_by_slug(Person, rows)
        names = [
            PersonName(person_id=row.pk, name=person.names[language], language=language)
            for row, person in zip(rows, people, strict=True)
            if row.pk is not None
            for language in ("az", "ru")
            if person.names[language] != person.names["en"]
        ]
        PersonName.objects.bulk_create(names, batch_size=BATCH_SIZE, ignore_conflicts=True)
        return [pks[person.slug] for person in people]

    def write_posts(self):
        """Each person's posts, reusing a post of the same title in the same organization."""
        existing = {
            (person, organization, title): pk
            for pk, person, organization, title in Post.objects.filter(
                person__in=self.people
            ).values_list("pk", "person", "organization", "title")
        }
        keys, rows = {}, []
        for index, person in enumerate(self.world.people):
            for post_index, post in enumerate(person.posts):
                key = (self.people[index], self.organizations[post.organization], post.title)
                keys[index, post_index] = key
                if key not in existing:
                    row = Post(
                        person_id=key[0],
                        organization_id=key[1],
                        title=post.title,
                        start_date=post.start,
                        end_date=post.end,
                    )
                    existing[key] = row
                    rows.append(row)
        Post.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.created.posts += len(rows)
        return {
            place: existing[key] if isinstance(existing[key], int) else existing[key].pk
            for place, key in keys.items()
        }

    def write(self, stories):
        """Render the stories, then insert them and index them in one transaction."""
        started = time.monotonic()
        batch = Batch()
        for story in stories:
            self.add_story(batch, story)
        rendered = time.monotonic()
        with transaction.atomic():
            batch.insert(self.created)
            inserted = time.monotonic()
            search.index_articles(Article.objects.filter(pk__in=[a.pk for a in batch.articles]))
            search.index_meetings(Meeting.objects.filter(pk__in=[m.pk for m in batch.meetings]))
        timings = self.created.timings
        timings["text"] += rendered - started
        timings["insert"] += inserted - rendered
        timings["search"] += time.monotonic() - inserted
        return len(batch.articles)

    def add_story(self, batch, story):
        articles = []
        for report in story.reports:
            original = None
            for version in report.versions:
                article = self.article(story, report.plan, version)
                articles.append(article)
                if original is None:
                    original = article
                else:
                    batch.translations.append((original, article, version.method))
        people = [self.people[role.person] for role in story.roles]
        organizations = self.named_organizations(story)
        for article in articles:
            batch.people += [(article, pk) for pk in people]
            batch.organizations += [(article, pk) for pk in organizations]
        batch.articles += articles
        if story.meeting is not None:
            self.add_meeting(batch, story, articles)

    def article(self, story, plan, version):
        title, body = self.render.report(story, plan, version)
        self.article_number += 1
        slug = demo_slug(title, self.article_number)
        outlet, language = version.outlet, version.language
        return Article(
            title=title,
            slug=slug,
            language=language,
            outlet_id=self.outlets[outlet.slug],
            agency_id=self.outlets[version.agency.slug] if version.agency else None,
            source_url=f"{outlet.homepage}/{language}/news/{slug}" if version.has_url else "",
            published_at=version.published_at,
            dateline=CITIES[story.city].name(language) if version.dateline else "",
            byline=self.byline(version),
            body=body,
            status=Status.PUBLISHED if version.status == SCHEDULED else version.status,
        )

    def byline(self, version):
        if version.byline is None:
            return ""
        return self.world.journalists[version.byline][version.language]

    def named_organizations(self, story):
        """What the reports name: each participant's organization and the one they
        speak for, without repeats."""
        pks = {}
        for role in story.roles:
            person = self.world.people[role.person]
            post = person.posts[role.post]
            for slug in (person.represents, post.organization):
                pks.setdefault(self.organizations[slug])
        return list(pks)

    def add_meeting(self, batch, story, articles):
        plan, world = story.meeting, self.world
        title, summary = self.render.summary(story, plan.language)
        self.meeting_number += 1
        city = CITIES[story.city] if story.kind != CALL else None
        meeting = Meeting(
            title=title,
            slug=demo_slug(title, self.meeting_number),
            date=story.day,
            kind=story.kind,
            venue=self.venue(story),
            city=city.en if city else "",
            country=city.country if city else "",
            organizer_id=self.organizer(story),
            summary=summary,
            language=plan.language,
            status=plan.status,
            published_at=plan.published_at,
        )
        batch.meetings.append(meeting)
        for position, role in enumerate(story.roles, start=1):
            person = world.people[role.person]
            batch.participants.append(
                Participant(
                    meeting=meeting,
                    person_id=self.people[role.person],
                    post_id=self.posts[role.person, role.post],
                    organization_id=self.organizations[person.represents],
                    side=role.side,
                    reported_name=person.names[plan.language],
                    reported_title=capitalize(world.role(role.person, role.post, plan.language)),
                    position=position,
                )
            )
        batch.coverage += [(meeting, article) for article in articles]
        batch.topics += [(meeting, self.topics[TOPICS[index].slug]) for index in story.topics]
        batch.mentioned += [(meeting, self.people[index]) for index in plan.mentioned]
        for language in plan.summaries:
            title, summary = self.render.summary(story, language)
            batch.summaries.append(
                SummaryTranslation(meeting=meeting, language=language, title=title, summary=summary)
            )

    @staticmethod
    def venue(story):
        if story.kind == ADDRESS:
            return capitalize(
                session_names(session_number(story.day))["en"][0].removeprefix("the ")
            )
        return VENUES.get(story.city, "") if story.city != story.state.capital else ""

    def organizer(self, story):
        """The Council for an address; else whoever's city the meeting was in."""
        if story.kind == ADDRESS:
            return self.organizations[HUMAN_RIGHTS_COUNCIL.slug]
        if story.kind == CALL:
            return None
        host, guest = (self.world.people[role.person] for role in story.roles[:2])
        if story.city == story.state.capital:
            return self.organizations[host.posts[story.roles[0].post].organization]
        return self.organizations[guest.represents]


@dataclass
class Batch:
    """The rows of a chunk of stories, waiting to be inserted."""

    articles: list = field(default_factory=list)
    translations: list = field(default_factory=list)
    people: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    coverage: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    mentioned: list = field(default_factory=list)
    summaries: list = field(default_factory=list)

    def insert(self, created):
        """Bulk inserts, parents first; links are made once their ends have keys."""
        bulk_insert(Article, self.articles)
        bulk_insert(
            Translation,
            [
                Translation(source_id=source.pk, translation_id=translation.pk, method=method)
                for source, translation, method in self.translations
            ],
        )
        bulk_insert(
            Article.people.through,
            [Article.people.through(article_id=a.pk, person_id=pk) for a, pk in self.people],
        )
        bulk_insert(
            Article.organizations.through,
            [
                Article.organizations.through(article_id=a.pk, organization_id=pk)
                for a, pk in self.organizations
            ],
        )
        bulk_insert(Meeting, self.meetings)
        for row in itertools.chain(self.participants, self.summaries):
            row.meeting_id = row.meeting.pk
        bulk_insert(Participant, self.participants)
        bulk_insert(SummaryTranslation, self.summaries)
        bulk_insert(
            Coverage, [Coverage(meeting_id=m.pk, article_id=a.pk) for m, a in self.coverage]
        )
        bulk_insert(
            Meeting.topics.through,
            [Meeting.topics.through(meeting_id=m.pk, topic_id=pk) for m, pk in self.topics],
        )
        bulk_insert(
            Meeting.mentioned_people.through,
            [
                Meeting.mentioned_people.through(meeting_id=m.pk, person_id=pk)
                for m, pk in self.mentioned
            ],
        )
        created.articles += len(self.articles)
        created.translations += len(self.translations)
        created.meetings += len(self.meetings)
        created.participants += len(self.participants)
        created.summaries += len(self.summaries)


def bulk_insert(model, rows):
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)


# The run


def generate(articles, seed=1, progress=None):
    """Add `articles` demo articles and everything around them; return what was created.

    `progress`, if given, is called with the number of articles written after each
    chunk. The same seed and number on an empty database give the same data.
    """
    if articles < 0:
        raise ValueError(f"The number of articles cannot be negative ({articles}).")
    created = Created()
    if not articles:
        return created
    rng = random.Random(seed)
    world = World(rng, articles)
    planner = Planner(world, rng)
    stories = planner.skeleton(articles)
    with_meeting = planner.meeting_stories(stories, articles // 5)
    writer = Writer(world, created)
    with transaction.atomic():
        writer.reference()
    chunk, size, started = [], 0, time.monotonic()
    for index, sizes in enumerate(stories):
        chunk.append(planner.story(sizes, index in with_meeting))
        size += sum(sizes)
        if size >= CHUNK_SIZE or index == len(stories) - 1:
            created.timings["text"] += time.monotonic() - started
            written = writer.write(chunk)
            reset_queries()  # with DEBUG on, Django would keep every INSERT in memory
            if progress is not None:
                progress(written)
            chunk, size, started = [], 0, time.monotonic()
    caching.mark_changed()
    return created
