"""Snippets of search results on SQLite (`search.sqlite.window`): the words matching a
reader's terms are marked as the index matches them, in the window of the body that
holds the most matches."""

from search.sqlite import SNIPPET_WORDS, wanted, window
from search.terms import MARK_END, MARK_START


def snippet(body, terms):
    return window(body, *wanted(terms)).replace(MARK_START, "[").replace(MARK_END, "]")


def test_a_word_matches_as_a_prefix_whatever_its_case_and_accents():
    assert snippet("Les Réunions du Conseil.", "reunion") == "Les [Réunions] du Conseil."


def test_a_short_word_matches_only_whole():
    assert snippet("The UN and the UNESCO met.", "un") == "The [UN] and the UNESCO met."


def test_a_phrase_matches_word_for_word():
    body = "The High Commissioner met a high official and the Commissioner."
    assert snippet(body, '"high commissioner"') == (
        "The [High] [Commissioner] met a high official and the Commissioner."
    )


def test_words_left_out_and_or_are_not_marked():
    body = "Ombudsman spoke at COP29, or so the ombudsman said."
    assert snippet(body, "ombudsman -COP29") == (
        "[Ombudsman] spoke at COP29, or so the [ombudsman] said."
    )
    either = "Ombudsman spoke at [COP29], or so the ombudsman [said]."
    assert snippet(body, "COP29 or said") == either


def test_cyrillic_keeps_its_letters():
    assert snippet("Встреча в Женеве прошла.", "встреча") == "[Встреча] в Женеве прошла."
    assert snippet("Май и маи.", "май") == "[Май] и маи."


def test_the_window_with_the_most_matches_is_shown_with_ellipses():
    filler = " ".join(f"word{number}" for number in range(100))
    body = f"{filler} Gagnon met Gagnon's team. {filler}"
    shown = snippet(body, "Gagnon")
    assert shown.startswith(" … ")
    assert shown.endswith(" … ")
    assert shown.count("[Gagnon]") == 2
    assert len(shown.replace(" … ", " ").split()) <= SNIPPET_WORDS + 1


def test_a_body_without_a_match_shows_its_beginning():
    body = " ".join(f"word{number}" for number in range(50))
    assert snippet(body, "absent") == " ".join(body.split()[:SNIPPET_WORDS]) + " … "
    assert snippet("", "absent") == ""
