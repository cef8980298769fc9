"""Cities, meeting venues and states, with the forms their names take in each language."""

from dataclasses import dataclass


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
