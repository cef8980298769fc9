"""Outlets reporting on the region, words for made-up ones, and topics."""

from dataclasses import dataclass


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
