"""Finding the people a report names, rule by rule: what makes a run of words a
person's name, what makes it a place, a body or a post, and how names come back to the
nominative. Every text is invented; each shows one kind of mistake the rules avoid."""

import pytest

from ingest.declension import is_given_name, nominative
from ingest.extraction import extract
from ingest.grammar import base_forms, cannot_be_surname, has_surname_shape, name_grammar
from ingest.lexicon import is_place, is_title, is_unit
from ingest.tokens import tokenize
from tests.ingest.test_names import proposed

# Words: tokens, posts, places


def test_a_case_ending_after_an_apostrophe_goes_but_a_name_keeps_its_own():
    words = [t.text for t in tokenize("Türk'ün Lindqvist'i People’s Zeid Ra'ad")]
    assert words == ["Türk", "Lindqvist", "People", "Zeid", "Ra'ad"]


def test_words_the_scraper_ran_together_are_split_but_names_with_capitals_stay():
    words = [t.text for t in tokenize("AmbassadorIlona Vasko met McDonald and FitzGerald")]
    assert words[:3] == ["Ambassador", "Ilona", "Vasko"]
    assert "McDonald" in words
    assert "FitzGerald" in words


def test_a_particle_glued_to_a_name_makes_it_a_name_word():
    tokens = tokenize("Karim al-Saadi met Paola d'Ascenzo and ал-Ҳасан")
    assert [t.text for t in tokens if t.capitalised] == [
        "Karim",
        "al-Saadi",
        "Paola",
        "d'Ascenzo",
        "ал-Ҳасан",
    ]


def test_uzbek_apostrophes_are_letters_of_a_word():
    assert [t.text for t in tokenize("Rejep Erdog‘an O`zbekiston")] == [
        "Rejep",
        "Erdog‘an",
        "O`zbekiston",
    ]


@pytest.mark.parametrize(
    ("word", "title"),
    [
        ("посла", True),  # a short stem with a case ending
        ("Саидов", False),  # "сайд" (a minister) is not "Саид-"
        ("Sözcüsü", True),
        ("homólogos", True),
        ("Başdenetçisi", True),  # a chief's post
        ("замглавы", True),
        ("Başkanlığı", False),  # the office, not the post
        ("ýolbaşçylygynda", False),
        ("նախագահությամբ", False),
        ("представити", False),  # a Ukrainian verb, not "представитель"
    ],
)
def test_posts_in_each_script_and_the_offices_they_name(word, title):
    assert is_title(word) is title


def test_an_office_is_a_unit_and_a_loanword_post_is_read_across_scripts():
    assert is_unit("Komiserliği")
    assert is_unit("Սենատի")
    assert is_title("პრეზიდენტი")
    assert not is_title("Генералов")  # a surname, though it begins like "general"


@pytest.mark.parametrize(
    ("word", "grammar"),
    [
        ("Qətər", "az"),
        ("Nyu-Yorkdakı", "az"),
        ("l'Argentine", "latin"),
        ("Janubiy", "uz"),
        ("Francia", "latin"),
        ("Ази", "mn"),
    ],
)
def test_countries_continents_and_directions_are_places(word, grammar):
    assert is_place(word, grammar)


@pytest.mark.parametrize("word", ["Horvat", "Irakli", "Belgin", "Daniyar", "Kuba"])
def test_names_that_begin_like_a_country_are_no_places(word):
    assert not is_place(word, "latin")


def test_surname_shapes_need_a_stem_and_some_endings_end_no_surname():
    assert not has_surname_shape("Now")
    assert has_surname_shape("Gurbanow")
    assert cannot_be_surname("Información", "latin")
    assert cannot_be_surname("Operasyonları", "tr")
    assert not cannot_be_surname("Aliyeva", "az")


def test_uzbek_apostrophes_tell_the_grammar_of_a_latin_text():
    assert name_grammar("O‘zbekiston bo‘yicha vakili bilan uchrashdi, bo‘ldi") == "uz"


# Endings and cases


def test_a_turkic_ending_follows_the_vowel_of_the_stem():
    assert "Ioselian" not in base_forms("Ioseliani", "tk")  # "i" after "a": no ending
    assert "Lopes" in base_forms("Lopesi", "az")
    assert "Ковальска" in base_forms("Ковальскамен", "kk")  # "мен" keeps its vowel


@pytest.mark.parametrize(
    ("words", "grammar", "post", "expected"),
    [
        (("Лаврова",), "ru", "Министра", ("Лавров",)),  # the post's genitive
        (("Мирьяной", "Сполярич"), "ru", "президентом", ("Мирьяна", "Сполярич")),
        (("Мирьяна", "Сполярич"), "ru", "президент", ("Мирьяна", "Сполярич")),
        (("Марком-Антуаном", "Дюбуа"), "ru", None, ("Марк-Антуан", "Дюбуа")),
        (("Կոզլովսկին",), "hy", None, ("Կոզլովսկի",)),  # the article on a "-ski"
        (("Хүрэлсүхээр",), "mn", None, ("Хүрэлсүх",)),
    ],
)
def test_names_come_back_to_the_nominative(words, grammar, post, expected):
    assert nominative(words, grammar, None, post) == expected


def test_an_unknown_russian_surname_takes_the_form_its_mentions_share():
    mentions = {"Зниберу": {"Зниберу"}, "Знибером": {"Знибером"}}
    assert nominative(("Знибером",), "ru", mentions) == ("Знибер",)


def test_only_a_word_the_dictionary_knows_as_a_name_alone_is_a_given_name():
    assert is_given_name("Сергей", "ru")
    assert not is_given_name("Рада", "uk")  # a council too


# Runs of name words: what is a person


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a" and "se" begin no speech verb: "Associate" says nothing
        ("Ms Ilse Berg, Senior Protection Associate for Austria, spoke.", ["Ilse Berg"]),
        # "AP." is an acronym, not an initial
        ("He spoke to AP.Viktor Albu answered later.", []),
        # particles inside names
        (
            "Minister Jorge Luis Peña de la Vega met Director Sophie de Vries.",
            ["Jorge Luis Peña de la Vega", "Sophie de Vries"],
        ),
        # an article opens no name
        ("El Enviado Especial llegó. La Misión Permanente informó.", []),
    ],
)
def test_words_around_names(db, text, expected):
    assert proposed(text) == expected


def test_the_words_of_a_body_between_a_post_and_a_name_are_no_other_name(db):
    text = (
        "Se reunió con el presidente del Comité Internacional de la Cruz Roja (CICR), "
        "Tomás Albertini, y con la directora de la División de Operaciones de Campo."
    )
    assert proposed(text) == ["Tomás Albertini"]


def test_a_place_after_a_preposition_is_no_other_name(db):
    text = "Habló con sus homólogos de Portugal, Rui Matos Ferreira, y de Chile."
    assert proposed(text) == ["Rui Matos Ferreira"]


def test_an_abbreviated_title_before_a_name_is_a_cue(db):
    assert proposed("Kurum Başkanı Prof. Dr. Ayşe Demirtaş konuştu.") == ["Ayşe Demirtaş"]


@pytest.mark.parametrize(
    "text",
    [
        "Ombudsman of the Lugansk People's Republic",
        "Seminar of the Organización Mundial de la Salud with the Director.",
        "The Director of the Comitetului Internațional al Crucii Roșii spoke.",
        "Dışişleri Bakanlığı Özel Kalem Müdürü Sayın konuştu.",
        "The Verkhovna Rada Commissioner for Human Rights spoke today.",
    ],
)
def test_names_of_bodies_and_the_complements_of_posts_are_no_people(db, text):
    assert proposed(text) == []


def test_words_repeated_in_a_longer_name_are_no_evidence_of_a_person(db):
    text = "Hogan Lovells LLP filed the petition. Later Hogan Lovells LLP wrote again."
    assert proposed(text) == []


def test_a_name_in_the_genitive_ends_the_name(db):
    text = "Prezident Gurbanguly Berdimuhamedowyň Birleşen Milletler bilen gepleşigi."
    assert proposed(text) == ["Gurbanguly Berdimuhamedow"]


def test_a_turkic_izafet_chain_and_a_plural_are_no_names(db):
    text = "Başkan Ulusal İnsan Hakları Kurumları Küresel Ağı toplantısında Temaslarda Bulundu."
    assert proposed(text) == []


def test_an_initial_glued_to_a_name_is_a_person(db):
    assert proposed("Уулзалтад Д.Батсайхан, Ц.Оюунгэрэл нар оролцов.") == [
        "Д.Батсайхан",
        "Ц.Оюунгэрэл",
    ]


def test_a_russian_given_name_the_dictionary_knows_makes_a_name(db):
    assert proposed("Миссию возглавила Фиона Брукс.") == ["Фиона Брукс"]


def test_a_post_after_the_comma_past_an_article_or_an_acronym(db):
    text = "The Ombudsman received Dunja Petrak, the CoE Commissioner for Human Rights."
    assert proposed(text) == ["Dunja Petrak"]


def test_a_list_of_names_with_their_posts_after_a_dash(db):
    text = "Au participat:\nIoana Radu — adjunct al Avocatului Poporului\nDan Popa — consilier"
    assert proposed(text) == ["Ioana Radu", "Dan Popa"]


def test_a_double_surname_given_alone_is_the_same_person(db):
    text = (
        "La ministra María José Ibarra Solís llegó a Ginebra. Ibarra Solís se reunió con la prensa."
    )
    assert proposed(text) == ["María José Ibarra Solís"]


# Georgian, without capital letters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("შეხვედრას ესწრებოდა უჩა ბერიძე და სხვები.", ["უჩა ბერიძე"]),  # "-ძე"
        ("ისაუბრა გოგიტა კიკნაძის სახელობის სკოლაში.", ["გოგიტა კიკნაძე"]),  # genitive
        ("მომხსენებელს ელენა მარტინესს შეხვდა.", ["ელენა მარტინესი"]),  # post in the same case
        ("ელჩს საქართველოში, ჯონ სმიტს შეხვდა.", ["ჯონ სმიტი"]),
        ("დამცველის აპარატი ავრცელებს ცნობას.", []),  # a genitive post belongs to a noun
        ("პრეზიდენტს საპროტესტო აქციებზე ინფორმაცია მიაწოდა.", []),  # a plural
    ],
)
def test_georgian_names(db, text, expected):
    assert proposed(text) == expected


# The text the names are read in


def test_an_armenian_lead_ending_with_a_colon_is_the_report(db):
    text = (
        "Պաշտպանն ընդունել է դեսպանին\n\n"
        "Մարդու իրավունքների պաշտպանի տեղակալ Արմինե Սահակյանն այսօր ընդունել է "
        "Նորվեգիայի դեսպան Օլե Հանսենին:\n\n"
        "Կողմերը քննարկել են համագործակցության հարցեր, այդ թվում՝ խոշտանգումների "
        "կանխարգելման ազգային մեխանիզմի աշխատանքը և մոնիտորինգի արդյունքները։"
    )
    assert "Օլե Հանսենին" in extract(text).body


def test_a_short_first_sentence_of_a_page_with_no_headline_is_kept():
    text = (
        "Prezident Vəli Qəniyev səfiri qəbul edib.\n\n"
        "Görüşdə tərəflər insan hüquqları sahəsində əməkdaşlığın perspektivlərini, "
        "birgə layihələri və beynəlxalq təşkilatlarla əlaqələri müzakirə ediblər."
    )
    assert extract(text).body.startswith("Prezident Vəli Qəniyev")


def test_lines_a_page_wrapped_in_a_sentence_are_joined():
    text = (
        "The Special Rapporteur on the independence of judges will visit the country next\n"
        "week. She will meet the Chairman of the Supreme Court, the Prosecutor General and\n"
        "the Minister of Justice Abror\n"
        "Yusupov, as well as judges and lawyers of the regions, the office said on\n"
        "Monday."
    )
    assert "Minister of Justice Abror Yusupov," in extract(text).body
