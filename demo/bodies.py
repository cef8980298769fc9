"""International organizations, and the ladders of posts held there and in ministries."""

from dataclasses import dataclass

from people.models import Organization

from .places import Forms, fr_de


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
