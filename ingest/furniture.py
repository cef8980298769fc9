"""Page furniture: the lines of a scraped page that belong to the site, not to the report.

Lines are judged by their kind, in every language the desk reads: counters (views,
comments, reading time), section labels and glued breadcrumbs, share, print and font-size
bars, language menus, subscription and follow prompts, image captions and photo credits,
update notices, copyright lines, related-article teasers, slogans, lone punctuation and
lone values. Time-stamp lines are read in `ingest.extraction`, which knows the dates.
"""

import re

#: Words of share, print, font-size and comment bars, folded; a short line made only of
#: them (and numbers) is furniture.
BAR_WORDS = {
    # English, French, Spanish, German, Italian, Portuguese, Romanian
    "share",
    "print",
    "tweet",
    "email",
    "e-mail",
    "copy",
    "link",
    "comments",
    "comment",
    "partager",
    "imprimer",
    "compartir",
    "imprimir",
    "teilen",
    "drucken",
    "condividi",
    "stampa",
    "partilhar",
    "distribuie",
    "printeaza",
    "printează",
    "this",
    "article",
    "en",
    "redes",
    "font",
    "size",
    "px",
    "a",
    "a+",
    "a-",
    "+",
    "-",
    "−",
    "↺",
    "none",
    "leave",
    "reply",
    "post",
    "submit",
    "release",
    # social networks
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "vk",
    "ok",
    "reddit",
    "messenger",
    "viber",
    "instagram",
    "youtube",
    # Russian, Ukrainian, Kazakh, Kyrgyz, Uzbek, Mongolian
    "поделиться",
    "печать",
    "распечатать",
    "размер",
    "шрифта",
    "комментарии",
    "комментарий",
    "оставить",
    "поділитися",
    "друк",
    "коментарі",
    "бөлісу",
    "басып",
    "шығару",
    "бөлүшүү",
    "ulashish",
    "chop",
    "etish",
    "улашиш",
    "чоп",
    "этиш",
    "хуваалцах",
    "хэвлэх",
    "сэтгэгдэл",
    # Azerbaijani, Turkish, Turkmen
    "paylaş",
    "paylas",
    "çap",
    "et",
    "yazdır",
    "yazdir",
    "paýlaş",
    "çap etmek",
    # Armenian, Georgian, Arabic
    "կիսվել",
    "տպել",
    "გაზიარება",
    "ბეჭდვა",
    "مشاركة",
    "طباعة",
}
#: Read-also and related-story labels, alone on a line or before a headline.
TEASER = re.compile(
    r"^\s*(?:read (?:more|also)|related(?: news| articles| stories| posts)?|see also|more news|"
    r"more from|lire (?:aussi|la suite|également)|à lire aussi|leer más|lea también|"
    r"más noticias\b.*|mehr (?:lesen|zum thema)|citește și|citeste si|"
    r"читайте (?:также|еще|ещё|и смотрите нас в)|рекомендуем(?: посмотреть)?|"
    r"читайте також|дивіться також|оқи отырыңыз|оқыңыз|boshqa yangiliklar|"
    r"шунингдек ўқинг|бошқа янгиликлар|devamını oku|ilgili haberler|ətraflı|"
    r"həmçinin oxuyun|digər xəbərlər|կարդացեք նաև|ასევე წაიკითხეთ|мөн уншаарай|"
    r"اقرأ (?:المزيد|أيضا))\s*[:.…]?",
    re.IGNORECASE,
)
#: Lines that are furniture whatever follows them on the line.
FURNITURE_LINE = re.compile(
    r"^(?:"
    r"follow (?:us\b.*|.{0,40}\bon\s+(?:telegram|facebook|twitter|x|instagram|youtube|"
    r"whatsapp|linkedin)\b.*)|subscribe\b.*|подписывайтесь\b.*|підписуйтесь\b.*|"
    r"abonnez-vous\b.*|abone ol\b.*|"
    r"advertisement|sponsored|reklam|реклама|publicité|anuncio|anzeige|"
    r"(?:tags|теги|тэги|теґи|etiketler|etiketlər|mots-clés|schlagworte|etiquetas)\s*:?.*|"
    r"(?:category|categories|категория|категорія|рубрика|kateqoriya|kategoriya|kategori|"
    r"catégorie|categoría|categoria|rubrica)\s*:.*|"
    r"(?:reading time|lesezeit|temps de lecture|время чтения|okuma süresi)\s*:?.*|"
    r"cookies?\b.*|we use cookies\b.*|accept(?: all)?(?: cookies)?|"
    r"(?:©|\(c\)|copyright\b).*|"
    r"currently reading|you just read\s*:?|distribution channels\s*:?|news search|"
    r"(?:photo|фото|foto|surat|сурет|зураг|լուսանկար|ფოტო|صورة|image|изображение)\s*:.*|"
    r"изображение\s+['\"«].*|"
    r"<image>.*</image>|<image>.*|"
    r"курсы валют|exchange rates|valyuta məzənnələri|döviz kurları|dolar|euro|"
    r"[a-z]{2,4}(?:/[a-z]{2,4})+"
    r")[.!:]?$",
    re.IGNORECASE,
)
#: Notices recognised anywhere on a line: rights reserved, subscription notes, a
#: press-release platform's counter, a caption naming the headline's picture.
NOTICE = re.compile(
    r"\ball rights reserved\b|все права защищены|tous droits réservés|"
    r"todos los derechos reservados|alle rechte vorbehalten|bütün hüquqlar qorunur|"
    r"tüm hakları saklıdır|جميع الحقوق محفوظة|\babone\w*\b.*\b(?:haber|sunul)|"
    r"\bhaber\w*\b.*\babone|\bsubscribers?\b.{0,80}\bsubscription\b|"
    r"\d[\d,. ]*\s+(?:press releases|news|articles|stories|новост\w*|материал\w*)\s+"
    r"(?:were |have been |были )?(?:posted|published|опубликован\w*)\b|['’]ning rasmi$",
    re.IGNORECASE,
)
#: A reading time or view counter: "3 min read", "~2 мин", "4 minutes de lecture".
READING_TIME = re.compile(
    r"\d+\s*(?:min\w*|мин\w*|хв\w*|dak\w*|daq\w*|dəq\w*|წთ|წუთ\w*|րոպե\w*|минут\w*)\.?"
    r"(?:\s+(?:read|de lecture|чтения|okuma|o'qish))?$",
    re.IGNORECASE,
)
#: Update notices: "Updated at", "details added", "Güncelleme", "Обновлено".
UPDATE_NOTICE = re.compile(
    r"^\W*(?:updated?\b|last updated|first published|details added|güncelleme|yenilən\w*|"
    r"обновлен\w*|оновлен\w*|жаңартылды|yangilandi|actualizado|actualizat|mis à jour|"
    r"aktualisiert|დაემატა|թարմացված)",
    re.IGNORECASE,
)
#: A slogan under a bullet, in quotation marks: '• "Rights for all"'.
SLOGAN = re.compile(r"^[•·▪►]\s*[\"“«„].*[\"”»“]$")
#: An author's biography at the end: "I am a reporter...", "Sunt redactor de știri...".
AUTHOR_BIO = re.compile(
    r"^(?:I am|I'm|Sunt|Je suis|Soy|Я)\s.{0,60}\b(?:reporter|editor|journalist|redactor|"
    r"jurnalist|rédact\w*|journaliste|periodista|corespondent|журналист\w*|редактор\w*)\b",
    re.IGNORECASE,
)
#: Words glued into one breadcrumb: "HomePolitics", "ГлавнаяОбщество", "AsosiyJamiyat".
GLUED_BREADCRUMB = re.compile(r"^(?:[A-ZА-ЯЁІЇЄҐЎҚҒҲƏÜÖĞŞÇ][a-zа-яёіїєґўқғҳəüöğşçı'ʼ]+){2,3}$")
#: The bullet of a list item a page prints its furniture as: "- Category: News".
LIST_MARK = re.compile(r"^[-–—•·*]\s+")


def words_of(line):
    return re.findall(r"[\w+\-−↺'’ʻ]+", line.casefold())


def is_bar(line):
    """A share, print, font-size or comment bar: only its words and numbers."""
    words = words_of(line)
    return (
        bool(words)
        and len(words) <= 8
        and all(word in BAR_WORDS or word.isdigit() for word in words)
    )


def is_counter(line):
    """A view or comment counter, or a reading time: "Views: 97", "Комментарии (0)",
    "Baxış sayı: 412", "- 1840", "3 min read"."""
    stripped = line.strip(" -–—•·|")
    if READING_TIME.search(stripped) and len(stripped.split()) <= 6:
        return True
    counter = re.fullmatch(r"(?P<label>[^\d()]{0,40}?)\s*[:(]?\s*\d[\d\s,.]*\)?", stripped)
    return (
        bool(counter) and len(counter["label"].split()) <= 3 and not counter["label"].endswith(".")
    )


def is_menu(line):
    """A language menu or banner on one line: short parts between " | " or " / "."""
    parts = [part.strip() for part in re.split(r"\s[|/]\s", line)]
    return len(parts) >= 3 and all(0 < len(part.split()) <= 8 for part in parts)


def is_lone_value(line):
    """A line without letters ("-", "…", "|", "0"), or a template's empty "None"."""
    return not re.search(r"[^\W\d_]", line) or line.strip().casefold() in {"none", "null"}


def is_furniture(line):
    """Whether a line, on its own, is page furniture in any of the desk's languages."""
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped) > 120:  # a paragraph of text: only whole-line notices can match
        return bool(
            FURNITURE_LINE.match(stripped)
            or NOTICE.search(stripped)
            or AUTHOR_BIO.match(stripped)
            or is_menu(stripped)
        )
    return bool(
        is_lone_value(stripped)
        or FURNITURE_LINE.match(LIST_MARK.sub("", stripped))
        or NOTICE.search(stripped)
        or TEASER.fullmatch(stripped)
        or SLOGAN.match(stripped)
        or is_bar(stripped)
        or is_counter(stripped)
        or is_menu(stripped)
        or AUTHOR_BIO.match(stripped)
    )


def is_glued_breadcrumb(line):
    """Words of a breadcrumb printed without separators ("HomePolitics"): furniture at the
    top of a page only, since an outlet may write its name so ("AzerNews")."""
    return bool(GLUED_BREADCRUMB.match(line.strip()))


def is_teaser_heading(line):
    """A related-stories label, with or without the headline after it on the line."""
    return bool(TEASER.match(line.strip()))


def is_menu_run(lines):
    """Three or more lines in a row of one or two words each, without punctuation: a
    language menu or a list of tags printed one item a line."""
    return len(lines) >= 3 and all(
        0 < len(line.split()) <= 2 and not re.search(r"[.,:;!?]$", line.strip()) for line in lines
    )


def is_section_label(line):
    """A rubric or breadcrumb: at most three words, no punctuation, no digits, or a
    breadcrumb path ("Басты бет / Жаңалықтар", "Site | Section")."""
    stripped = line.strip()
    if re.fullmatch(r"[^\W\d_]+(?:[ \-][^\W\d_]+){0,2}", stripped):
        return True
    parts = re.split(r"\s*[/|›»>]\s*", stripped)
    return 2 <= len(parts) <= 4 and all(0 < len(part.split()) <= 4 for part in parts)
