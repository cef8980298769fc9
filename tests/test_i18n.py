"""The interface in French: pages, dates, language names, error pages, and the catalog."""

import ast
import gettext
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from core.languages import LANGUAGES
from ingest.decoding import ReportError, decode
from tests.factories import ArticleFactory, MeetingFactory

NBSP, NNBSP = "\u00a0", "\u202f"
CATALOG = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"
FR_SLUG = "khalafov-s-entretient-avec-une-delegation-du-haut-commissariat-aux-droits-de-l-homme"
EN_SLUG = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
FRENCH_PAGES = [
    "/fr/",
    "/fr/articles/",
    f"/fr/articles/{FR_SLUG}/",
    f"/fr/articles/{EN_SLUG}/",
    "/fr/meetings/",
    "/fr/meetings/khalafov-receives-ohchr-delegation-2017/",
    "/fr/meetings/khalafov-receives-ohchr-delegation-2017/coverage/",
    "/fr/people/",
    "/fr/people/khalaf-khalafov/",
    "/fr/organizations/",
    "/fr/organizations/ohchr-field-missions-technical-cooperation/",
    "/fr/search/",
    "/fr/search/?q=Gagnon",
    "/fr/search/?q=Gagnon&language=ru",
]


def text_of(response):
    """A page's text as a reader sees it: tags dropped, entities decoded, spaces folded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    # Only ASCII white space is folded: French typography's no-break spaces are kept.
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


# --- a small reader of .po files (polib is not a dependency) -------------------------


def read_po(path):
    """The entries of a .po file, each a dict with `flags`, `refs`, `msgctxt` (or None),
    `msgid`, `msgid_plural` (or None) and `msgstr`, a {form index or None: text} dict."""
    entries, entry, target = [], None, None

    def close():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            close()
            entry, target = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "refs": [], "msgctxt": None, "msgid_plural": None}
            entry["msgstr"] = {}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#:"):
            entry["refs"].extend(line[2:].split())
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):  # a continuation of the string above
            container, key = target
            container[key] += ast.literal_eval(line)
        else:
            keyword, value = line.split(" ", 1)
            plural_form = re.fullmatch(r"msgstr(?:\[(\d+)\])?", keyword)
            if plural_form:
                index = plural_form.group(1)
                target = (entry["msgstr"], None if index is None else int(index))
            else:
                target = (entry, keyword)
            target[0][target[1]] = ast.literal_eval(value)
    close()
    return entries


def po_catalog(entries):
    """What gettext would read from these entries, keyed as `GNUTranslations._catalog`."""
    catalog = {}
    for entry in entries:
        key = entry["msgid"]
        if entry["msgctxt"] is not None:
            key = f"{entry['msgctxt']}\x04{key}"
        if entry["msgid_plural"] is None:
            catalog[key] = entry["msgstr"][None]
        else:
            for index, text in entry["msgstr"].items():
                catalog[(key, index)] = text
    return catalog


def mo_catalog(path):
    with path.open("rb") as file:
        return dict(gettext.GNUTranslations(file)._catalog)


@pytest.fixture(scope="module")
def po_entries():
    return read_po(CATALOG / "django.po")


# --- the pages -----------------------------------------------------------------------


@pytest.mark.django_db
class TestFrenchPages:
    def test_navigation_and_footer_speak_french(self, client, seed):
        response = client.get("/fr/")
        page = response.content.decode()
        assert '<html lang="fr">' in page
        nav = page.split('<nav aria-label="Menu principal">', 1)[1].split("</nav>", 1)[0]
        labels = re.findall(r">([^<>]+)</a>", nav)
        assert labels == ["Articles", "Réunions", "Personnes", "Organisations"]
        assert "Aller au contenu" in page
        assert "Derniers articles" in page
        assert "Dernières réunions" in page
        assert "Flux des articles" in page
        assert 'placeholder="Rechercher"' in page

    def test_the_english_interface_is_unchanged(self, client, seed):
        page = client.get("/en/").content.decode()
        assert '<html lang="en">' in page
        assert '<nav aria-label="Main">' in page
        assert ">Meetings</a>" in page
        assert "Latest reports" in page
        assert "Derniers articles" not in page

    def test_dates_have_french_month_names(self, client, seed):
        article = text_of(client.get(f"/fr/articles/{FR_SLUG}/"))
        assert "27 novembre 2017" in article
        assert "27 November 2017" not in article
        meetings = text_of(client.get("/fr/meetings/"))
        assert "27 nov. 2017" in meetings
        assert "25 sept. 2024" in meetings
        assert "27 Nov 2017" in text_of(client.get("/en/meetings/"))

    def test_a_translation_names_its_original_in_french(self, client, seed):
        page = text_of(client.get(f"/fr/articles/{FR_SLUG}/"))
        assert "Traduction de Deputy Foreign Minister Khalaf Khalafov" in page
        assert "(anglais), par un traducteur humain." in page
        assert f"Également en{NBSP}: English" in page

    def test_language_filter_lists_french_language_names(self, client, seed):
        ArticleFactory(language="az")  # the menu offers the languages in use
        page = client.get("/fr/articles/").content.decode()
        assert '<option value="" selected>Toutes les langues</option>' in page
        assert '<option value="en">anglais</option>' in page
        assert '<option value="fr">français</option>' in page
        assert '<option value="az">azerbaïdjanais</option>' in page
        assert '<option value="en">English</option>' in client.get("/en/articles/").text

    def test_content_language_names_are_lower_case_in_french(self):
        with translation.override("fr"):
            names = {code: str(name) for code, name in LANGUAGES}
        assert names["en"] == "anglais"
        assert names["fr"] == "français"
        assert names["ru"] == "russe"
        assert names["az"] == "azerbaïdjanais"
        assert all(name == name.lower() for name in names.values())

    def test_counts_agree_in_french(self, client, db):
        ArticleFactory(language="fr")
        assert "1 article correspond à ces filtres." in text_of(
            client.get("/fr/articles/?language=fr")
        )
        ArticleFactory(language="fr")
        assert "2 articles correspondent à ces filtres." in text_of(
            client.get("/fr/articles/?language=fr")
        )

    def test_search_speaks_french(self, client, seed):
        page = text_of(client.get("/fr/search/?q=Gagnon"))
        assert f"Résultats pour «{NBSP}Gagnon{NBSP}»" in page
        assert "2 articles correspondent." in page
        empty = text_of(client.get("/fr/search/?q=Gagnon&language=ru"))
        assert (
            f"Aucun article publié ne correspond à «{NBSP}Gagnon{NBSP}» avec ces filtres." in empty
        )

    def test_a_missing_summary_is_explained_in_french(self, client):
        meeting = MeetingFactory(summary="The summary in English.")
        page = text_of(client.get(f"/fr/meetings/{meeting.slug}/"))
        assert (
            f"Ce résumé n’est pas disponible dans votre langue{NNBSP}; le voici en anglais." in page
        )

    @pytest.mark.parametrize("url", FRENCH_PAGES)
    def test_no_english_interface_text_is_left(self, client, seed, url, po_entries):
        """No sentence of the interface stays in English on a French page (content, such
        as the seed's English titles, keeps its own language)."""
        response = client.get(url)
        assert response.status_code == 200
        attributes = re.findall(
            r'(?:aria-label|title|placeholder|alt|value)="([^"]*)"', response.content.decode()
        )
        page = " ".join([text_of(response), *map(html.unescape, attributes)])
        left = [
            entry["msgid"]
            for entry in po_entries
            if any(ref.startswith("templates/") for ref in entry["refs"])
            and entry["msgid_plural"] is None
            and "%(" not in entry["msgid"]
            and len(entry["msgid"].split()) >= 2
            and entry["msgstr"][None] != entry["msgid"]
            and entry["msgid"] in page
        ]
        assert left == []

    def test_feeds_are_titled_in_french(self, client, db):
        ArticleFactory()
        assert f"<title>Newsroom{NBSP}: derniers articles</title>" in (
            client.get("/fr/feeds/articles.rss").content.decode()
        )


# --- error pages ---------------------------------------------------------------------


@pytest.mark.django_db
class TestErrorPages:
    def test_404_in_french_under_fr(self, client, db):
        response = client.get("/fr/nonexistent/")
        assert response.status_code == 404
        page = response.content.decode()
        assert '<html lang="fr">' in page
        assert "<h1>Page introuvable</h1>" in page
        assert "Il n’y a pas de page à cette adresse." in page
        assert '<a href="/fr/articles/">Parcourez les articles</a>' in page
        assert "Page not found" not in page

    def test_404_in_english_under_en(self, client, db):
        response = client.get("/en/nonexistent/")
        assert response.status_code == 404
        page = response.content.decode()
        assert '<html lang="en">' in page
        assert "<h1>Page not found</h1>" in page
        assert '<a href="/en/articles/">Browse the reports</a>' in page
        assert "Page introuvable" not in page

    def test_500_template_in_french(self):
        with translation.override("fr"):
            page = render_to_string("500.html")
        assert '<html lang="fr">' in page
        assert "<title>Erreur du serveur · Newsroom</title>" in page
        assert "<h1>Un problème est survenu</h1>" in page
        assert '<a href="/fr/">Accueil de Newsroom</a>' in page
        assert 'href="/static/css/site.css"' in page

    def test_500_template_in_english(self):
        with translation.override("en"):
            page = render_to_string("500.html")
        assert '<html lang="en">' in page
        assert "<h1>Something went wrong</h1>" in page
        assert '<a href="/en/">Newsroom home</a>' in page

    def test_django_server_error_view_renders_it_without_a_request_context(self):
        with translation.override("fr"):
            response = server_error(RequestFactory().get("/fr/"))
        assert response.status_code == 500
        assert "Un problème est survenu" in response.content.decode()

    def test_withdrawn_page_in_french(self, client, db):
        article = ArticleFactory(title="A withdrawn report", status="withdrawn")
        response = client.get(f"/fr/articles/{article.slug}/")
        assert response.status_code == 410
        page = text_of(response)
        assert "Cette page a été retirée" in page
        assert f"«{NBSP}A withdrawn report{NBSP}» n’est plus publié." in page


# --- messages shown to editors ------------------------------------------------------


def test_import_errors_speak_the_editors_language():
    with translation.override("fr"), pytest.raises(ReportError, match="le fichier est vide"):
        decode(b"  \n")
    with pytest.raises(ReportError, match="the file is empty"):
        decode(b"  \n")


# --- the catalog ---------------------------------------------------------------------


def test_every_message_is_translated_and_none_is_fuzzy(po_entries):
    header, *messages = po_entries
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in header["msgstr"][None]
    assert len(messages) > 400
    fuzzy = [entry["msgid"] for entry in messages if "fuzzy" in entry["flags"]]
    assert fuzzy == []
    untranslated = [
        entry["msgid"]
        for entry in messages
        if not entry["msgstr"] or not all(text.strip() for text in entry["msgstr"].values())
    ]
    assert untranslated == []
    plurals = [entry for entry in messages if entry["msgid_plural"] is not None]
    assert plurals
    assert all(set(entry["msgstr"]) == {0, 1} for entry in plurals)


def test_placeholders_are_kept(po_entries):
    """Each translation uses the named placeholders of its message, no more, no fewer."""

    def names(text):
        return sorted(set(re.findall(r"%\((\w+)\)", text)))

    wrong = []
    for entry in po_entries[1:]:
        for index, text in entry["msgstr"].items():
            source = entry["msgid_plural"] if index and entry["msgid_plural"] else entry["msgid"]
            if names(text) != names(source) or text.count("%s") != source.count("%s"):
                wrong.append((entry["msgid"], text))
    assert wrong == []


def test_the_compiled_catalog_matches_the_po_file(po_entries):
    """django.mo says what django.po says: `make compilemessages` was run after the last
    change to the translations."""
    compiled = mo_catalog(CATALOG / "django.mo")
    expected = po_catalog(po_entries)
    expected.pop("")
    compiled.pop("", None)
    assert compiled == expected


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
def test_msgfmt_accepts_the_catalog_and_compiles_the_committed_mo(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(fresh), str(CATALOG / "django.po")],
        check=True,
        capture_output=True,
    )
    assert mo_catalog(fresh) == mo_catalog(CATALOG / "django.mo")
