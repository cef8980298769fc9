"""Meeting kinds, the titles, leads, sentences and endings in each language, and their helpers."""

import functools
import re
from dataclasses import dataclass

#: The languages of demo articles.
LANGUAGES = ("en", "fr", "ru", "az")


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
