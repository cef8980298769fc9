"""Words that come with names but are not part of them: courtesy titles, posts and the
offices they make, units and bodies, places and months, in the languages of the reports.
"""

import re
from functools import lru_cache

from .extraction import fold
from .grammar import SCRIPTS, base_forms, has_surname_shape, transliterate


def stem_form(word):
    """`word` as the lists of posts, units and titles are compared: Latin letters
    without accents ("Müdür" -> "mudur"), other scripts in lower case only, since taking
    the marks off Cyrillic letters confuses words ("сайд", a minister, and "Саид")."""
    return fold(word) if SCRIPTS["latin"].search(word) else word.casefold()


#: Courtesy titles and honorifics, before a name or (Uzbek "xonim") after it.
HONORIFICS = {
    stem_form(word)
    for word in """
    mr mrs ms miss mme mlle dr prof sir madam monsieur madame herr frau señor señora sr
    sra don doña domnul doamna dl dna sayın bay bayan cənab xanım janob xonim jenap hanym
    господин госпожа г-н г-жа пан пані мырза ханым ноён хатагтай պարոն տիկին ბატონი
    ქალბატონი ბატონ ქალბატონ السيد السيدة sheikh sheikha şeyx şeyxa şeyh шейх шейха
    baroness baron lady lord
    """.split()
}
#: Beginnings of words for posts, ranks and roles, in the languages of the reports.
POST_STEMS = tuple(
    stem_form(word)
    for word in """
    minist ministr vice- viceminist vicepresid deputy assist secretar secrétai secreta
    sekret ambassad embaja
    botschaf director directeu directri direktor dirección head chief chef jefe leiter
    president préside presiden prezid cumhurba chair speaker spokes representa représen
    vertret rapporteu relator berichter raport commissio commissa comisiona komissar
    komisyon ombuds médiat defensor defender advocat avocatul poporului adviser advisor
    conseill asesor berater consilier coordinat coordonat koordinat member membre miembr
    mitglied officer official officiel oficial general colonel envoy consul adjunct
    adjoint adjunto authorized authorised public nazir naziri müavin səfir nümayəndə
    rəhbər rəis sədr müşavir əlaqələndir müvəkkil katib üzvü başçı bakan yardımcı
    büyükelçi temsilci denetçi müdür başkan genel sekreter komiser raportör danışman
    müşavir vazir o'rinbosar orinbosar rais vakil elchi maslahatchi ma'ruzachi maruzachi
    ministr orunbasar ilçi wekil ýolbaşçy yolbasci başlyk baslyk министр заместител
    замминистр посол посл представител директор глав руководит советник член докладчик
    координатор комиссар омбудсм омбудсман уполномоч председател президент генерал
    спикер секретар начальник акыйкатчы заступни міністр представни керівник голов
    доповідач радник уповноважен орынбасар өкіл басшы министрі елші уәкіл төраға
    вазир ўринбосар раис вакил элчи сайд гишүүн илтгэгч дарга зохицуулагч төлөөлөгч
    элчин тэргүүн դեսպան տեղակալ նախարար ղեկավար ներկայացուցիչ պաշտպան
    მოადგილე დირექტორ წარმომადგენ ელჩ მინისტრ ხელმძღვანელ
    judge juez jueza juge judecat expert uzman сарапшы мэргэжилтэн шинжээч эксперт
    експерт փորձագետ ექსპერტ counterpart homolog omolog professor профессор професор
    doctor doktor доктор դոկտոր պրոֆեսոր governor gobernador mayor senator premier
    премьер прем'єр პრემიერ manager menejer менеджер канцлер canciller portavoz
    porte-parole sözcü sozcu purtator spiker presedint ambasad reprezent başbakan
    basbakan müsteşar mustesar müdir mudir baslyg kotib котиб хатшы кеңесші ерөнхий
    захира зөвлө референт орлогч замглав генсек вице- консул пресс-секрет прес-секрет
    правозахисн правозащитн судья судьи суддя судді губернатор նախագահ տնօրեն
    քարտուղար հանձնակատար զեկուցող վարչապետ խորհրդական փոխնախարար փոխնախագահ
    դատավոր պատգամավոր օմբուդսմ ներկայացուց მომხსენებ კომისარ პრეზიდენტ თავმჯდომარ
    დამცველ მდივან სპიკერ ომბუდსმენ მრჩეველ მოსამართლე enviad adjunt adalatçy
    համանախագահ
    """.split()
)
#: Beginnings of words for units, bodies, documents and events ("... Division",
#: "... Order", "... Segment"), which never end or begin a person's name.
UNIT_STEMS = tuple(
    stem_form(word)
    for word in """
    division unit order segment section sector department depart treaty bodies operation
    mission délégat delegat
    office bureau oficina session sesión sesiune sitzung plan programm program project
    projet proyecto law loi ley gesetz code convention declaration déclaration review
    report rapport informe agenda dialogue forum network institut mechanism mécanism
    mecanism agency agence service servicio press news haber xəbər хабар новост
    majlis мажлис senat сенат kengash кенгаш parliament parlament парламент ministr
    ministère ministerio ministerium nazirliy bakanlığ vazirlig ministrlig министерств
    міністерств министрлиг yamaa unicef unhcr ohchr icrc osce odihr chamber republic
    respublik республик rada society sociedad société region bölge bolge oblast
    viloyat welaýat вилоят область район heyəti heyeti response strateg initiativ
    campaign framework partnership summit conferen congress
    """.split()
)
#: Countries, regions and cities, as the beginnings of their transliterated names.
PLACE_STEMS = tuple(
    """
    azerbai azerbay azarbay armeni hayastan georgia gruzi sakartvel gurcist turkmen
    kazakh kazakst qazaq kazakist kyrgyz kirgiz qirgiz uzbek ozbek mongol moldov
    ukrain ukrayin rossi russia russie rusiya turkiy turkey turquie turqui switzerl
    shveits isvecr isvicr suisse schweiz europ evrop yevrop avrop asiya azii aziy
    osiyo tsentraln central kavkaz caucas qafqaz kafkas genev geneve cenevr jenev
    zhenev ginebra tbilis yerevan erevan astana bishkek tashkent toshkent ashgabat
    ashkhabad asgabat ulaanbaat ulanbat ulanbator chisinau kishinev moskv moscow
    ankara warsaw varshav varsav strasbourg vienna brussel karagand almaty samarkand
    dushanbe tajik tojik afghan iran belarus polsh poland lithuan latvi eston ulsyn
    monggol artsakh arcax artsax karabakh karabag qarabag garabag pakist hindist
    hindust yaponi japoni xitoy kitai avstri awstri austri osterr almaniy almaniya
    almanya germaniy fransiy frantsiy italiy italya ispani ispany portug britani
    britan kanad afrik afric aziya aziyo evroosiy niderland gollandi netherland
    belchik shvetsi isvech norveg norway finland finlyand macarist vengri hungar
    chexi chekhi slovaki sloveni xorvati khorvati croati serbiy serbia bosni
    chernogor montenegr albani makedoni macedoni bolgar bulgari yunanist gretsi
    greece ruminiy rumyni romania felestin palestin iraq seudiyy saudov arabiy
    arabia emirat egipt egypt liviy libya tunis elcezair alzhir algeri marokk
    marokash morocc argentin brazil braziliy meksik mexic venesuel venezuel kolumbi
    colombi guatemal nigeri avstrali austral gurcust
    """.split()
)
#: Places short enough to be whole words only.
PLACE_WORDS = set(
    """
    baku baki bakou bakoe genf kyiv kiev kyyiv wien viena paris london berlin rome
    roma new york riga minsk oslo bern nyu yorkda ulus uls ulsad ulsyn mgl qatar
    katar qeter belgiya belgium belgique amerika india inde indiya china japan korea
    koreya kore misr misir cuba kipr cyprus kibris france fransa spain espana italy
    azi asia asie africa afrique america europe usa ssha absh aqsh doha tokio tokyo
    north south east west northern southern eastern western norte sur nord sud ouest
    shimoliy janubiy sharqiy garbiy shimali cenubi sherqi qerbi kuzey guney dogu
    bati demirgazyk gunorta gundogar gunbatar soltustik ontustik khoid omnod guneydogu
    francia alemania suecia noruega dinamarca nomkhon anadolu
    """.split()
)
MONTHS = {
    fold(word)
    for word in """
    january february march april may june july august september october november december
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre januar februar märz juni juli oktober dezember ocak şubat mart nisan mayıs
    haziran temmuz ağustos eylül ekim kasım aralık yanvar fevral aprel iyun iyul avqust
    sentyabr oktyabr noyabr dekabr
    """.split()
}


#: What a short stem may be followed by and still be the word: "rais", "raisi", but
#: not "Raisa"; "ley", but not "Leyla".
SHORT_STEM_ENDINGS = ("", "s", "es", "i", "ı", "si", "sı")


def stem_rest(word, stems):
    """What follows the first of `stems` that begins `word` (see `has_stem`), or None."""
    for stem in stems:
        if not word.startswith(stem):
            continue
        rest = word[len(stem) :]
        if rest in SURNAME_SUFFIXES:
            continue  # "Генералов": a surname made from a post
        if len(stem) >= 5 or (
            rest in SHORT_STEM_ENDINGS if stem.isascii() else short_ending(rest, word)
        ):
            return rest
    return None


#: What a surname made from a word adds to it.
SURNAME_SUFFIXES = {"ov", "ova", "ev", "eva", "in", "ina", "ов", "ова", "ев", "ева", "ин", "ина"}


def has_stem(word, stems):
    """Whether `word` (see `stem_form`) begins with one of `stems`: a stem of five
    letters or more begins any word; a shorter Latin one only the word itself or a short
    ending after it; a shorter one in another script a word of at most four letters more
    that does not end like a surname ("посла", "сайдын", but not "Саидов")."""
    for stem in stems:
        if not word.startswith(stem):
            continue
        rest = word[len(stem) :]
        if len(stem) >= 5 or (
            rest in SHORT_STEM_ENDINGS if stem.isascii() else short_ending(rest, word)
        ):
            return True
    return False


def short_ending(rest, word):
    """Whether `rest`, after a short stem, is a case ending rather than more of a name."""
    return len(rest) <= 4 and not has_surname_shape(word)


@lru_cache(maxsize=65536)
def is_title(word):
    """Whether `word` is a courtesy title or a post ("Sayın", "Müdürü", "господин"), not
    the office a post holds ("Başkanlığı", "ýolbaşçylygynda", "նախագահությամբ")."""
    form = stem_form(word).rstrip(".")
    if form in HONORIFICS:
        return True
    rest = stem_rest(form, POST_STEMS)
    if rest is None:
        rest = stem_rest(without_post_prefix(form), POST_STEMS)
    if rest is not None:
        return not is_office(rest)
    return loanword_stem(word, LATIN_POSTS)


#: Prefixes that make a post a chief's, a deputy's or a co-holder's ("Başdenetçisi",
#: "замглавы", "co-chair", "համանախագահ", "փոխնախարար").
POST_PREFIXES = ("bas", "baş", "зам", "вице-", "vice-", "co-", "ко-", "համա", "փոխ")


def without_post_prefix(form):
    """`form` without a prefix of `POST_PREFIXES`, when a word of some length is left."""
    for prefix in POST_PREFIXES:
        if form.startswith(prefix) and len(form) - len(prefix) >= 5:
            return form[len(prefix) :]
    return form


#: Suffixes that make a post into its office or tenure: Turkic "-lik", Armenian
#: "-ություն", Georgian "-ობა", Russian "-ство".
OFFICE_SUFFIXES = tuple(
    stem_form(suffix)
    for suffix in "lik lık luk lük lyk lyg lig liq luq lığ liğ luğ lüğ лік лық лик лиг ств "
    "ьств ությ ութ ობ ეობ".split()
)


def is_office(rest):
    """Whether what follows a post's stem makes the word its office (see
    `OFFICE_SUFFIXES`), allowing one vowel between ("Komiserliği")."""
    return rest.startswith(OFFICE_SUFFIXES) or rest[1:].startswith(OFFICE_SUFFIXES)


#: The Latin stems of five letters or more, which loanwords in other scripts share
#: ("Сенат", "Սենատ", "პრეზიდენტი").
LATIN_POSTS = tuple(stem for stem in POST_STEMS if stem.isascii() and len(stem) >= 5)
LATIN_UNITS = tuple(stem for stem in UNIT_STEMS if stem.isascii() and len(stem) >= 5)


def loanword_stem(word, stems):
    """Whether a word in another script than Latin begins, transliterated, with one of
    `stems`, and does not end as a surname ("Генералов")."""
    if SCRIPTS["latin"].search(word) or has_surname_shape(word):
        return False
    return transliterate(word).startswith(stems)


def is_honorific(word):
    """Whether `word` is a courtesy title ("Mme", "cənab", "ноён")."""
    return stem_form(word).rstrip(".") in HONORIFICS


@lru_cache(maxsize=65536)
def is_unit(word):
    """Whether `word` names a unit, a body, a document or an event ("Division"), or an
    office ("Komiserliği")."""
    form = stem_form(word)
    if has_stem(form, UNIT_STEMS) or loanword_stem(word, LATIN_UNITS):
        return True
    rest = stem_rest(form, POST_STEMS)
    return rest is not None and is_office(rest)


@lru_cache(maxsize=65536)
def is_place(word, grammar):
    """Whether `word` is a country, region or city, in any case ("Туркменистана",
    "Cenevrədə", "Бишкеке"), or a word joined to one ("Nyu-Yorkdakı", "l'Argentine")."""
    word = ELISION.sub("", word)
    if "-" in word.strip("-"):
        return any(is_place(part, grammar) for part in word.split("-") if part)
    letters = transliterate(word)
    if letters.startswith(PLACE_STEMS) or fold(word) in MONTHS:
        return True
    return any(transliterate(form) in PLACE_WORDS for form in base_forms(word, grammar))


#: An article or preposition elided before a name ("l'Argentine", "d'Arménie").
ELISION = re.compile(r"^[ld]['’](?=[^\W\d_])")
