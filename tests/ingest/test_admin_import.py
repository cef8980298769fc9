"""The admin's import page and the importer's proposals, as an editor uses them.

An editor uploads scraped reports (or pastes one), checks what was read, ticks the
reports to import as drafts, then confirms or dismisses on each article's page the names
and related reports the importer proposes.
"""

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles import models
from ingest.decoding import MAX_BYTES
from ingest.extraction import extract, fingerprint
from ingest.models import NameProposal, RelationProposal
from meetings import models as meetings_models
from people import models as people_models
from tests import factories

DATA = Path(__file__).parent.parent / "data"
SEEDS = DATA / "seeds"
REPORTS = DATA / "reports"
EXPECTED = json.loads((REPORTS / "expected.json").read_text(encoding="utf-8"))

ENGLISH_2017 = "000_d5025afe1417ab83.txt"
FRENCH_2017 = "001_e339c143af38d813.txt"
ENGLISH_2017_TITLE = (
    "Deputy Foreign Minister Khalaf Khalafov has received a delegation led by Georgette Gagnon"
)
FRENCH_2017_TITLE = (
    "Khalaf Khalafov s’est entretenu avec une délégation conduite par Mme Georgette Gagnon"
)

IMPORT_URL = reverse("admin:articles_article_import")
CHANGELIST_URL = reverse("admin:articles_article_changelist")
PASTED = "pasted text"


# Helpers ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def followed_outlets(request):
    """The corpus's outlets are ones the desk already follows: an outlet new to the desk
    is proposed for an editor to confirm (`tests/test_import_unknown.py`)."""
    if "db" in request.fixturenames or "seed" in request.fixturenames:
        request.getfixturevalue("db")
        for name in ("dpa", "EFE", "AA"):
            factories.OutletFactory(name=name)


def data_file(name):
    """The bytes of a seed report (tests/data/seeds) or a corpus report (tests/data/reports)."""
    path = SEEDS / name if (SEEDS / name).exists() else REPORTS / name
    return path.read_bytes()


def upload(name, data=None):
    """A file as the browser uploads it: a seed or corpus report, or the bytes given."""
    return SimpleUploadedFile(name, data_file(name) if data is None else data)


def forget_seed_articles(*names):
    """Delete the fixture's articles made from these seed reports, as if never imported."""
    prints = [fingerprint(extract(data_file(name).decode("utf-8")).body) for name in names]
    stored = models.Article.objects.filter(import_fingerprint__in=prints)
    assert stored.count() == len(names)
    stored.delete()


def counts():
    """How many rows the import could write, model by model."""
    return {
        model.__name__: model.objects.count()
        for model in (
            models.Article,
            NameProposal,
            RelationProposal,
            people_models.Person,
            people_models.Organization,
            models.Outlet,
            models.Translation,
            meetings_models.Coverage,
        )
    }


def read(client, *files, **fields):
    """Submit the upload form ("Read the reports"); the client remembers the preview."""
    data = dict(fields)
    if files:
        data["files"] = list(files)
    client.preview = client.post(IMPORT_URL, data)
    return client.preview


def import_ticked(client, ticked, preview=None):
    """Submit a preview form (the last one read, unless given) with the boxes `ticked`
    (their indices), following the redirect."""
    preview = preview or client.preview
    batch = re.search(r'name="batch" value="([^"]*)"', preview.text)
    data = {
        "import": "Import the ticked reports",
        "batch": batch.group(1) if batch else "",
        "report": [str(index) for index in ticked],
    }
    return client.post(IMPORT_URL, data, follow=True)


def import_files(client, *files):
    """Upload files and import every report the preview offers, as ticked by default."""
    response = read(client, *files)
    assert response.status_code == 200
    response = import_ticked(client, [row["box"] for row in preview_rows(response) if row["box"]])
    assert response.redirect_chain == [(CHANGELIST_URL, 302)], messages_of(response)
    return response


def text_of(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def preview_rows(response):
    """The rows of the preview table, as an editor reads them, in order."""
    table = re.search(r'<table class="import-preview">(.*?)</table>', response.text, re.DOTALL)
    assert table, "no preview table on the page"
    rows = []
    for status, row in re.findall(
        r'<tr class="row[12] status-([\w-]+)">(.*?)</tr>', table.group(1), re.DOTALL
    ):
        cells = re.findall(r"<td>(.*?)</td>", row, re.DOTALL)
        assert len(cells) == 5, row
        box = re.search(r'<input type="checkbox" name="report" value="(\d+)"([^>]*)>', cells[0])
        report = cells[1]
        title = re.search(r"(?:</strong>|</p>)\s*<p>(.*?)</p>", report, re.DOTALL)
        error = re.search(r'<p class="errornote">(.*?)</p>', report, re.DOTALL)
        names = re.findall(r'<div( class="org")?>(✓|<em>new</em>) (.*?)</div>', cells[3])
        rows.append(
            {
                "status": status,
                "path": text_of(re.search(r"<strong>(.*?)</strong>", report).group(1)),
                "box": box.group(1) if box else None,
                "checked": bool(box) and "checked" in box.group(2),
                "marker": text_of(cells[0]) if not box else None,
                "title": text_of(title.group(1)) if title else None,
                "error": text_of(error.group(1)) if error else None,
                "warnings": [
                    text_of(w) for w in re.findall(r'<p class="warning">⚠ (.*?)</p>', report)
                ],
                "article_link": re.search(r'<a href="([^"]+)">the imported article</a>', report),
                "read_as": {
                    text_of(key): text_of(value)
                    for key, value in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", cells[2])
                },
                "people": [(known == "✓", text_of(name)) for org, known, name in names if not org],
                "organizations": [
                    (known == "✓", text_of(name)) for org, known, name in names if org
                ],
                "related": text_of(cells[4]),
            }
        )
    return rows


def row_for(response, path):
    matches = [row for row in preview_rows(response) if row["path"] == path]
    assert len(matches) == 1, f"no single row for {path}"
    return matches[0]


def messages_of(response):
    return [(message.level_tag, str(message)) for message in response.context["messages"]]


def article_from(name):
    """The article imported from a seed or corpus report."""
    return models.Article.objects.get(
        import_fingerprint=fingerprint(extract(data_file(name).decode("utf-8")).body)
    )


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def buttons_of(response, routes=("names", "relations")):
    """The proposal buttons of an article's change page: (label, formaction) pairs; those
    of names and related reports unless `routes` asks for others ("meetings")."""
    return [
        (html.unescape(label), action)
        for action, label in re.findall(
            r'<button type="submit" class="button" formaction="([^"]+)" formnovalidate>'
            r"(.*?)</button>",
            response.text,
        )
        if action.split("/")[-4] in routes
    ]


def source_inline(response):
    [formset] = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is models.Translation and inline.formset.fk.name == "translation"
    ]
    return formset


def staff_client(*codenames):
    """A client logged in as a staff user holding only these permissions (of the
    articles and people apps)."""
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["articles", "people"], codename__in=codenames
        )
    )
    client = Client()
    client.force_login(user)
    return client


def editor_permissions_except(*left_out):
    codenames = Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    assert set(left_out) <= set(codenames)
    return [codename for codename in codenames if codename not in left_out]


@pytest.fixture
def catalog(seed):
    """The seed fixture, less the 2017 English report and its French version."""
    forget_seed_articles(ENGLISH_2017, FRENCH_2017)


# 1. Who gets the import page -------------------------------------------------------------


def test_the_import_page_has_the_address_linked_from_the_changelist():
    assert reverse("admin:articles_article_import") == IMPORT_URL
    assert reverse("admin:articles_article_changelist") == CHANGELIST_URL


def test_an_editor_finds_the_import_link_on_the_article_changelist(editor_client):
    response = editor_client.get(CHANGELIST_URL)

    assert response.status_code == 200
    links = re.findall(r'<a href="([^"]+)" class="addlink">Import reports</a>', response.text)
    assert links == [IMPORT_URL]

    response = editor_client.get(links[0])

    assert response.status_code == 200
    assert "<title>Import reports | Newsroom admin</title>" in response.text
    assert 'enctype="multipart/form-data"' in response.text
    assert re.search(r'<input type="file" name="files"[^>]* multiple', response.text)
    assert '<textarea name="text"' in response.text
    assert '<input type="text" name="outlet"' in response.text


def test_staff_without_add_article_get_no_link_and_no_import_page(db):
    client = staff_client("view_article", "change_article")
    before = counts()

    response = client.get(CHANGELIST_URL)
    assert response.status_code == 200  # the changelist itself is open to them
    assert "Import reports" not in response.text
    assert IMPORT_URL not in response.text

    assert client.get(IMPORT_URL).status_code == 403
    assert read(client, upload("de_dpa_genf_ombudsfrau.txt")).status_code == 403
    assert client.post(IMPORT_URL, {"import": "1", "report": ["0"]}).status_code == 403
    assert counts() == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_anonymous_user_is_sent_to_the_login_page(client, db, method):
    response = getattr(client, method)(IMPORT_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={IMPORT_URL}"


# 2. Reading: a preview, nothing written ---------------------------------------------------


def test_uploading_several_reports_shows_what_was_read_and_writes_nothing(catalog, editor_client):
    before = counts()

    response = read(
        editor_client,
        upload(ENGLISH_2017),
        upload(FRENCH_2017),
        upload("en_translation_source_menafn_trend.txt"),
    )

    assert response.status_code == 200
    assert "This is what was read from 3 reports." in response.text
    rows = preview_rows(response)
    assert [row["path"] for row in rows] == [
        ENGLISH_2017,
        FRENCH_2017,
        "en_translation_source_menafn_trend.txt",
    ]
    assert [(row["status"], row["box"], row["checked"]) for row in rows] == [
        ("would-import", "0", True),
        ("would-import", "1", True),
        ("would-import", "2", True),
    ]
    english, french, menafn = rows
    assert english["title"] == f"{ENGLISH_2017_TITLE} (provisional title, to review)"
    assert english["read_as"] == {
        "Language": "en",
        "Outlet": "News.Az",
        "Published": "28 November 2017",
        "Dateline": "—",
        "Byline": "—",
        "Meeting date": "—",
    }
    assert {(True, "Khalaf Khalafov"), (True, "Georgette Gagnon")} <= set(english["people"])
    assert english["warnings"] == []
    assert english["error"] is None

    assert french["title"] == f"{FRENCH_2017_TITLE} (provisional title, to review)"
    assert (french["read_as"]["Language"], french["read_as"]["Outlet"]) == ("fr", "AZERTAC")
    assert french["read_as"]["Published"] == "27 November 2017"
    assert french["read_as"]["Dateline"] == "Bakou"
    assert french["warnings"] == [f"the report gives no year: 2017, the year of {ENGLISH_2017}"]
    assert french["related"].startswith("translation (0.")
    assert french["related"].endswith(f"): {ENGLISH_2017}")

    expected = EXPECTED["en_translation_source_menafn_trend.txt"]
    assert menafn["read_as"]["Language"] == expected["language"] == "en"
    assert menafn["read_as"]["Outlet"] == f"{expected['outlet']} (from {expected['agency']})"
    assert menafn["read_as"]["Published"] == "13 May 2025"
    assert sorted(menafn["people"]) == [
        (False, "Edward Carrington"),
        (True, "Sabina Aliyeva"),
        (True, "Vladimir Shkolnikov"),
    ]

    assert counts() == before


def test_pasting_a_report_shows_it_and_the_tick_imports_it(seed, editor_client):
    # A browser sends the lines of a text area separated by CR LF.
    text = data_file("de_dpa_genf_ombudsfrau.txt").decode("utf-8").replace("\n", "\r\n")
    before = counts()

    response = read(editor_client, text=text, outlet="")

    assert response.status_code == 200
    assert "This is what was read from the report. Tick it to import it as a draft." in (
        response.text
    )
    [row] = preview_rows(response)
    assert (row["path"], row["status"], row["box"]) == (PASTED, "would-import", "0")
    assert (row["read_as"]["Language"], row["read_as"]["Outlet"]) == ("de", "dpa")
    assert row["read_as"]["Published"] == "7 June 2024"
    assert (True, "Sabina Aliyeva") in row["people"]
    assert (False, "Ingrid Halvorsen") in row["people"]
    assert counts() == before

    response = import_ticked(editor_client, ["0"])

    assert response.redirect_chain == [(CHANGELIST_URL, 302)]
    assert messages_of(response) == [("success", "1 report imported.")]
    assert counts()["Article"] == before["Article"] + 1
    article = article_from("de_dpa_genf_ombudsfrau.txt")  # the same text as the file
    assert (article.language, article.outlet.name, article.status) == ("de", "dpa", "draft")
    assert article.published_at.date() == dt.date(2024, 6, 7)
    assert "\r" not in article.body
    assert NameProposal.objects.filter(article=article, name="Ingrid Halvorsen").exists()


def test_pasting_a_report_already_imported_shows_it_so(seed, editor_client):
    text = data_file("002_2dfe3c45910bb948.txt").decode("utf-8").replace("\n", "\r\n")
    stored = models.Article.objects.get(slug="bayramov-meets-un-high-commissioner-volker-turk")

    response = read(editor_client, text=text)

    [row] = preview_rows(response)
    assert (row["status"], row["box"], row["marker"]) == ("unchanged", None, "already imported")
    assert row["article_link"].group(1) == change_url(stored)


def test_the_form_asks_for_files_or_text(editor_client):
    response = read(editor_client, text="   ")

    assert response.status_code == 200
    assert "Choose report files or paste the text of a report." in response.text
    assert "previews" not in response.context


def test_the_outlet_given_on_the_form_is_used_for_every_report(seed, editor_client):
    response = read(editor_client, upload("de_dpa_genf_ombudsfrau.txt"), outlet="Trend")

    assert (
        row_for(response, "de_dpa_genf_ombudsfrau.txt")["read_as"]["Outlet"] == "Trend (from dpa)"
    )

    import_ticked(editor_client, ["0"])

    assert article_from("de_dpa_genf_ombudsfrau.txt").outlet.slug == "trend"


# 3. Importing the ticked reports ----------------------------------------------------------

THREE = [
    "es_efe_ginebra_turk_bayramov.txt",
    "de_dpa_genf_ombudsfrau.txt",
    "tr_aa_baku_bayramov_icrc.txt",
]


def test_only_the_ticked_reports_are_imported_as_drafts(seed, editor_client):
    before = counts()
    response = read(editor_client, *(upload(name) for name in THREE))
    assert [row["box"] for row in preview_rows(response)] == ["0", "1", "2"]

    response = import_ticked(editor_client, ["0", "2"])

    assert response.redirect_chain == [(CHANGELIST_URL, 302)]
    assert messages_of(response) == [("success", "2 reports imported.")]
    assert counts()["Article"] == before["Article"] + 2
    spanish, turkish = article_from(THREE[0]), article_from(THREE[2])
    assert not models.Article.objects.filter(language="de").exists()
    for article, name in [(spanish, THREE[0]), (turkish, THREE[2])]:
        expected = EXPECTED[name]
        assert article.status == models.Status.DRAFT
        assert article.language == expected["language"]
        assert article.outlet.name == expected["outlet"]
        assert article.published_at.date().isoformat() == expected["published"]
        assert set(article.people.values_list("name", flat=True)) == set(expected["people_known"])
        assert article in response.context["cl"].result_list
    # The batch is used up: the same post again imports nothing more.
    editor_client.post(IMPORT_URL, {"import": "1", "report": ["1"]})
    assert counts()["Article"] == before["Article"] + 2


def test_importing_with_no_box_ticked_imports_nothing(seed, editor_client):
    before = counts()
    read(editor_client, upload(THREE[0]))

    response = import_ticked(editor_client, [])

    assert response.redirect_chain == [(CHANGELIST_URL, 302)]
    assert messages_of(response) == [("warning", "0 reports imported.")]
    assert counts() == before


def test_reports_already_imported_are_shown_so_and_offer_no_box(seed, editor_client):
    import_files(editor_client, upload(THREE[0]))
    imported = article_from(THREE[0])
    before = counts()

    response = read(editor_client, upload(THREE[0]), upload("002_2dfe3c45910bb948.txt"))

    for row, article in zip(
        preview_rows(response),
        [
            imported,
            models.Article.objects.get(slug="bayramov-meets-un-high-commissioner-volker-turk"),
        ],
        strict=True,
    ):
        assert (row["status"], row["box"], row["marker"]) == (
            "unchanged",
            None,
            "already imported",
        )
        assert row["article_link"].group(1) == change_url(article)
    assert counts() == before


def test_the_same_report_twice_in_one_upload_is_offered_once(seed, editor_client):
    response = read(editor_client, upload(THREE[0]), upload("copy.txt", data_file(THREE[0])))

    first, second = preview_rows(response)
    assert (first["status"], first["box"]) == ("would-import", "0")
    assert (second["status"], second["box"], second["marker"]) == (
        "unchanged",
        None,
        "already imported",
    )
    assert "the same text as an earlier report of this run" in second["warnings"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"  \n\n\t\r\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16, "this is a binary file"),
    ],
    ids=["blank", "binary"],
)
def test_a_report_that_cannot_be_read_is_shown_with_its_reason(seed, editor_client, data, reason):
    before = counts()

    response = read(editor_client, upload("bad.txt", data), upload(THREE[0]))

    bad, good = preview_rows(response)
    assert (bad["path"], bad["status"], bad["box"], bad["marker"]) == (
        "bad.txt",
        "failed",
        None,
        "cannot import",
    )
    assert bad["error"].startswith(reason)
    assert bad["read_as"] == {}
    assert (good["status"], good["box"]) == ("would-import", "1")
    assert counts() == before

    response = import_ticked(editor_client, ["1"])

    assert messages_of(response) == [("success", "1 report imported.")]
    assert counts()["Article"] == before["Article"] + 1


def test_an_empty_file_is_shown_as_cannot_import(seed, editor_client):
    response = read(editor_client, upload("empty.txt", b""), upload(THREE[0]))

    assert response.context["form"].errors == {}
    bad, good = preview_rows(response)
    assert (bad["path"], bad["marker"], bad["error"]) == (
        "empty.txt",
        "cannot import",
        "the file is empty",
    )
    assert good["box"] == "1"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", b"%PDF-1.4 a report", "report.pdf is not a .txt or .html file."),
        (
            "big.txt",
            b"The sides discussed cooperation.\n" * (MAX_BYTES // 33 + 1),
            "big.txt is 5.0\xa0MB; reports over 5 MB are refused.",
        ),
    ],
    ids=["pdf", "over-5-MB"],
)
def test_the_form_refuses_a_file_naming_it(seed, editor_client, name, data, message):
    assert name.endswith(".pdf") or len(data) > MAX_BYTES
    before = counts()

    response = read(editor_client, upload(name, data), upload(THREE[0]))

    assert response.status_code == 200
    assert "previews" not in response.context
    assert response.context["form"].errors["files"] == [message]
    assert html.escape(message) in response.text
    assert counts() == before
    # Nothing was kept to import either.
    import_ticked(editor_client, ["0", "1"])
    assert counts() == before


def test_a_file_of_exactly_5_mb_passes_the_form(seed, editor_client):
    text = data_file(THREE[0])
    data = (text + b" " * MAX_BYTES)[:MAX_BYTES]

    response = read(editor_client, upload("five.txt", data))

    assert row_for(response, "five.txt")["box"] == "0"


def test_a_report_imported_meanwhile_by_someone_else_is_not_imported_twice(seed, editor_client):
    read(editor_client, upload(THREE[0]), upload(THREE[1]))
    colleague = Client()
    colleague.force_login(factories.EditorFactory(username="colleague"))
    import_files(colleague, upload(THREE[0]))
    before = counts()

    response = import_ticked(editor_client, ["0", "1"])

    assert messages_of(response) == [
        ("success", "1 report imported."),
        ("warning", f"{THREE[0]}: unchanged"),
    ]
    assert counts()["Article"] == before["Article"] + 1
    assert models.Article.objects.filter(language="es").count() == 1
    assert article_from(THREE[1]).status == models.Status.DRAFT


def test_a_ticked_report_is_imported_with_the_date_its_preview_showed(catalog, editor_client):
    response = read(editor_client, upload(ENGLISH_2017), upload(FRENCH_2017))
    assert row_for(response, FRENCH_2017)["read_as"]["Published"] == "27 November 2017"

    import_ticked(editor_client, ["1"])

    assert article_from(FRENCH_2017).published_at.date() == dt.date(2017, 11, 27)


def test_importing_from_an_older_preview_imports_what_it_showed(seed, editor_client):
    first = read(editor_client, upload(THREE[0]))
    assert row_for(first, THREE[0])["box"] == "0"
    read(editor_client, upload(THREE[1]))  # another tab, opened meanwhile

    import_ticked(editor_client, ["0"], preview=first)  # the first tab's form

    assert not models.Article.objects.filter(language="de").exists()


# 4. A translation proposed by the importer ------------------------------------------------


@pytest.fixture
def translation_proposal(catalog, editor_client):
    """The English 2017 report imported, then its French version: a proposal on the latter."""
    import_files(editor_client, upload(ENGLISH_2017))
    import_files(editor_client, upload(FRENCH_2017))
    return RelationProposal.objects.get(article=article_from(FRENCH_2017))


def test_importing_a_translation_after_its_source_proposes_the_link(
    translation_proposal, editor_client
):
    english, french = article_from(ENGLISH_2017), article_from(FRENCH_2017)
    assert (translation_proposal.candidate, translation_proposal.relation) == (
        english,
        "translation",
    )
    assert not models.Translation.objects.exists()
    assert not RelationProposal.objects.filter(article=english).exists()
    assert french.published_at.date() == dt.date(2017, 11, 27)

    response = editor_client.get(change_url(french))

    assert response.status_code == 200
    assert "Related reports proposed by the importer" in response.text
    accept = f"{CHANGELIST_URL}{french.pk}/relations/{translation_proposal.pk}/accept/"
    dismiss = f"{CHANGELIST_URL}{french.pk}/relations/{translation_proposal.pk}/dismiss/"
    assert buttons_of(response) == [("Link as translation", accept), ("Dismiss", dismiss)]
    assert f'<a href="{change_url(english)}">{html.escape(english.title)}</a>' in response.text
    assert "(English, News.Az, 2017-11-28)" in response.text
    # The English article's page proposes nothing.
    response = editor_client.get(change_url(english))
    assert "Related reports proposed by the importer" not in response.text
    assert buttons_of(response) == []


def test_link_as_translation_links_the_french_report_to_the_english(
    translation_proposal, editor_client
):
    english, french = article_from(ENGLISH_2017), article_from(FRENCH_2017)
    [(_label, accept), _dismiss] = buttons_of(editor_client.get(change_url(french)))

    response = editor_client.post(accept, follow=True)

    assert response.redirect_chain == [(change_url(french), 302)]
    assert messages_of(response) == [("success", f"Linked as a translation of “{english.title}”.")]
    link = models.Translation.objects.get()
    assert (link.source, link.translation) == (english, french)
    assert not RelationProposal.objects.exists()
    assert "Related reports proposed by the importer" not in response.text
    assert buttons_of(response) == []
    assert [form.instance for form in source_inline(response).forms] == [link]


def test_the_buttons_work_from_the_change_form_with_its_csrf_token(translation_proposal, editor):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    french = article_from(FRENCH_2017)
    page = browser.get(change_url(french))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    [(_label, accept), _dismiss] = buttons_of(page)

    assert browser.post(accept).status_code == 403  # no token: refused
    response = browser.post(accept, {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response.url == change_url(french)
    assert models.Translation.objects.get().translation == french


def test_dismiss_deletes_the_proposal_without_linking(translation_proposal, editor_client):
    french = article_from(FRENCH_2017)
    [_accept, (label, dismiss)] = buttons_of(editor_client.get(change_url(french)))
    assert label == "Dismiss"

    response = editor_client.post(dismiss, follow=True)

    assert response.redirect_chain == [(change_url(french), 302)]
    assert messages_of(response) == [("success", f"“Translation: {ENGLISH_2017_TITLE}” dismissed.")]
    assert not RelationProposal.objects.exists()
    assert not models.Translation.objects.exists()
    assert models.Article.objects.filter(pk=translation_proposal.candidate_id).exists()


@pytest.mark.parametrize("action", ["accept", "dismiss"])
def test_a_get_on_a_relation_button_address_is_refused(translation_proposal, editor_client, action):
    url = reverse(
        "admin:articles_article_relation_proposal",
        args=[translation_proposal.article_id, translation_proposal.pk, action],
    )

    response = editor_client.get(url)

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert RelationProposal.objects.filter(pk=translation_proposal.pk).exists()
    assert not models.Translation.objects.exists()


def test_an_unknown_action_is_refused(translation_proposal, editor_client):
    url = reverse(
        "admin:articles_article_relation_proposal",
        args=[translation_proposal.article_id, translation_proposal.pk, "delete"],
    )

    assert editor_client.post(url).status_code == 405
    assert RelationProposal.objects.filter(pk=translation_proposal.pk).exists()


def test_a_proposal_is_acted_on_only_from_its_own_article(translation_proposal, editor_client):
    english = article_from(ENGLISH_2017)
    url = reverse(
        "admin:articles_article_relation_proposal",
        args=[english.pk, translation_proposal.pk, "accept"],
    )

    assert editor_client.post(url).status_code == 404
    assert not models.Translation.objects.exists()


def test_a_user_without_add_translation_may_not_link(translation_proposal):
    client = staff_client(*editor_permissions_except("add_translation"))
    french = article_from(FRENCH_2017)
    url = f"{CHANGELIST_URL}{french.pk}/relations/{translation_proposal.pk}/accept/"

    response = client.post(url)

    assert response.status_code == 403
    assert not models.Translation.objects.exists()
    assert RelationProposal.objects.filter(pk=translation_proposal.pk).exists()


def test_a_user_without_delete_relationproposal_may_not_dismiss(translation_proposal):
    client = staff_client(*editor_permissions_except("delete_relationproposal"))
    url = reverse(
        "admin:articles_article_relation_proposal",
        args=[translation_proposal.article_id, translation_proposal.pk, "dismiss"],
    )

    assert client.post(url).status_code == 403
    assert RelationProposal.objects.filter(pk=translation_proposal.pk).exists()


def test_a_translation_of_a_translation_is_linked_to_the_original(editor_client):
    link = factories.TranslationFactory(source__language="en", translation__language="ru")
    french = factories.ArticleFactory(language="fr")
    proposal = RelationProposal.objects.create(
        article=french, candidate=link.translation, relation="translation", score=0.8
    )

    response = editor_client.post(
        reverse(
            "admin:articles_article_relation_proposal", args=[french.pk, proposal.pk, "accept"]
        ),
        follow=True,
    )

    assert messages_of(response) == [
        ("success", f"Linked as a translation of “{link.source.title}”.")
    ]
    new = models.Translation.objects.get(translation=french)
    assert new.source == link.source
    assert not RelationProposal.objects.exists()


# 5. Another report of the same meeting ---------------------------------------------------

SAME_EVENT = ["en_same_event_apa_geneva.txt", "fr_same_event_azertac_geneve.txt"]


@pytest.fixture
def same_event_proposal(seed, editor_client):
    """The English report of a meeting imported, then the French report of it."""
    import_files(editor_client, upload(SAME_EVENT[0]))
    import_files(editor_client, upload(SAME_EVENT[1]))
    return RelationProposal.objects.get(article=article_from(SAME_EVENT[1]))


def accept_url(proposal):
    return reverse(
        "admin:articles_article_relation_proposal",
        args=[proposal.article_id, proposal.pk, "accept"],
    )


def test_the_same_event_proposal_offers_to_add_to_the_meeting(same_event_proposal, editor_client):
    english, french = article_from(SAME_EVENT[0]), article_from(SAME_EVENT[1])
    assert (same_event_proposal.candidate, same_event_proposal.relation) == (english, "same_event")

    response = editor_client.get(change_url(french))

    assert buttons_of(response)[0] == ("Add to its meeting", accept_url(same_event_proposal))


def test_accepting_adds_the_report_to_every_meeting_the_other_covers(
    same_event_proposal, editor_client
):
    english, french = article_from(SAME_EVENT[0]), article_from(SAME_EVENT[1])
    first = factories.MeetingFactory(title="Bayramov meets Türk in Geneva")
    second = factories.MeetingFactory(title="Human Rights Council, 58th session")
    first.reports.add(english)
    second.reports.add(english)
    unrelated = factories.MeetingFactory(title="Another meeting")

    response = editor_client.post(accept_url(same_event_proposal), follow=True)

    assert response.redirect_chain == [(change_url(french), 302)]
    assert messages_of(response) == [
        (
            "success",
            "Added to “Bayramov meets Türk in Geneva”, “Human Rights Council, 58th session”.",
        )
    ]
    assert set(french.meetings.all()) == {first, second}
    assert not unrelated.reports.exists()
    assert meetings_models.Coverage.objects.filter(article=french).count() == 2
    assert not RelationProposal.objects.filter(pk=same_event_proposal.pk).exists()


def test_accepting_when_the_other_covers_no_meeting_changes_nothing(
    same_event_proposal, editor_client
):
    english, french = article_from(SAME_EVENT[0]), article_from(SAME_EVENT[1])
    before = counts()

    response = editor_client.post(accept_url(same_event_proposal), follow=True)

    assert response.redirect_chain == [(change_url(french), 302)]
    assert messages_of(response) == [
        (
            "error",
            f"“{english.title}” covers no meeting yet: write the meeting summary first.",
        )
    ]
    assert counts() == before
    assert RelationProposal.objects.filter(pk=same_event_proposal.pk).exists()
    assert buttons_of(response)[0] == ("Add to its meeting", accept_url(same_event_proposal))


def test_a_user_without_change_meeting_may_not_add_to_the_meeting(same_event_proposal):
    factories.MeetingFactory().reports.add(same_event_proposal.candidate)
    client = staff_client(*editor_permissions_except("change_meeting"))
    before = counts()

    assert client.post(accept_url(same_event_proposal)).status_code == 403
    assert counts() == before


# 6. Names the importer could not match ----------------------------------------------------

MENAFN = "en_translation_source_menafn_trend.txt"


def name_url(proposal, action):
    return reverse(
        "admin:articles_article_name_proposal", args=[proposal.article_id, proposal.pk, action]
    )


@pytest.fixture
def name_proposal(seed, editor_client):
    """A report naming someone unknown, "Edward Carrington", imported through the page."""
    import_files(editor_client, upload(MENAFN))
    return NameProposal.objects.get(article=article_from(MENAFN), kind="person")


def test_the_article_page_offers_to_add_the_unknown_name(name_proposal, editor_client):
    assert name_proposal.name == "Edward Carrington"
    assert not people_models.Person.objects.filter(name__icontains="Carrington").exists()

    response = editor_client.get(change_url(name_proposal.article))

    assert "Names to confirm (found by the importer;" in response.text
    assert buttons_of(response) == [
        ("Add as person", name_url(name_proposal, "accept")),
        ("Dismiss", name_url(name_proposal, "dismiss")),
    ]


def test_add_as_person_creates_the_person_and_links_it(name_proposal, editor_client):
    article = name_proposal.article
    people_before = set(article.people.all())

    response = editor_client.post(name_url(name_proposal, "accept"), follow=True)

    assert response.redirect_chain == [(change_url(article), 302)]
    assert messages_of(response) == [
        ("success", "“Edward Carrington” is now in the database and linked to this article.")
    ]
    person = people_models.Person.objects.get(name="Edward Carrington")
    assert person.slug == "edward-carrington"
    assert set(article.people.all()) == people_before | {person}
    assert not NameProposal.objects.exists()
    assert buttons_of(response) == []


@pytest.mark.parametrize(
    ("stored", "proposed"),
    [
        ("Edward Carrington", "EDWARD CARRINGTON"),
        ("Edward Carrington", "edward carrington"),
        ("Edward Carrington", "Edward Carrington"),
    ],
)
def test_a_name_already_in_the_database_links_that_person(editor_client, stored, proposed):
    existing = factories.PersonFactory(name=stored)
    article = factories.ArticleFactory()
    proposal = NameProposal.objects.create(article=article, kind="person", name=proposed)
    people_before = people_models.Person.objects.count()

    response = editor_client.post(name_url(proposal, "accept"), follow=True)

    assert response.status_code == 200
    assert people_models.Person.objects.count() == people_before
    assert list(article.people.all()) == [existing]
    assert not NameProposal.objects.exists()


@pytest.mark.parametrize(
    ("stored", "proposed"),
    [
        pytest.param("Эдвард Каррингтон", "ЭДВАРД КАРРИНГТОН"),
        pytest.param("Hélène Garnier", "HÉLÈNE GARNIER"),
    ],
    ids=["cyrillic", "french"],
)
def test_a_non_ascii_name_in_another_case_links_that_person(editor_client, stored, proposed):
    existing = factories.PersonFactory(name=stored)
    article = factories.ArticleFactory()
    proposal = NameProposal.objects.create(article=article, kind="person", name=proposed)

    editor_client.post(name_url(proposal, "accept"))

    assert list(article.people.all()) == [existing]
    assert (
        people_models.Person.objects.filter(pk=existing.pk).count()
        == people_models.Person.objects.count()
    )


def test_dismiss_deletes_the_name_without_adding_anyone(name_proposal, editor_client):
    article = name_proposal.article
    people_before = set(article.people.all())
    before = counts()

    response = editor_client.post(name_url(name_proposal, "dismiss"), follow=True)

    assert response.redirect_chain == [(change_url(article), 302)]
    assert messages_of(response) == [("success", "“Edward Carrington (Person)” dismissed.")]
    assert counts() == {**before, "NameProposal": before["NameProposal"] - 1}
    assert set(article.people.all()) == people_before
    assert not people_models.Person.objects.filter(name="Edward Carrington").exists()


def test_add_as_organization_creates_an_organization(editor_client):
    article = factories.ArticleFactory()
    proposal = NameProposal.objects.create(
        article=article, kind="organization", name="Caspian Human Rights Forum"
    )
    page = editor_client.get(change_url(article))
    assert buttons_of(page) == [
        ("Add as organization", name_url(proposal, "accept")),
        ("Dismiss", name_url(proposal, "dismiss")),
    ]
    people_before = people_models.Person.objects.count()

    response = editor_client.post(name_url(proposal, "accept"), follow=True)

    assert messages_of(response) == [
        (
            "success",
            "“Caspian Human Rights Forum” is now in the database and linked to this article.",
        )
    ]
    organization = people_models.Organization.objects.get(name="Caspian Human Rights Forum")
    assert list(article.organizations.all()) == [organization]
    assert not article.people.exists()
    assert people_models.Person.objects.count() == people_before
    assert not NameProposal.objects.exists()


@pytest.mark.parametrize("action", ["accept", "dismiss"])
def test_a_get_on_a_name_button_address_is_refused(name_proposal, editor_client, action):
    response = editor_client.get(name_url(name_proposal, action))

    assert response.status_code == 405
    assert NameProposal.objects.filter(pk=name_proposal.pk).exists()
    assert not people_models.Person.objects.filter(name="Edward Carrington").exists()


def test_a_user_without_add_person_may_not_add_a_name(name_proposal):
    client = staff_client(*editor_permissions_except("add_person"))

    assert client.post(name_url(name_proposal, "accept")).status_code == 403
    assert NameProposal.objects.filter(pk=name_proposal.pk).exists()
    assert not people_models.Person.objects.filter(name="Edward Carrington").exists()


# 7. A link that breaks a translation rule ------------------------------------------------


def test_a_translation_that_breaks_a_rule_is_refused_with_the_reason(editor_client):
    link = factories.TranslationFactory(source__language="en", translation__language="fr")
    french = factories.ArticleFactory(language="fr", title="Une autre version française")
    proposal = RelationProposal.objects.create(
        article=french, candidate=link.source, relation="translation", score=0.9
    )
    before = counts()

    response = editor_client.post(accept_url(proposal), follow=True)

    assert response.redirect_chain == [(change_url(french), 302)]
    assert messages_of(response) == [
        ("error", f"“{link.translation.title}” already translates this source into French.")
    ]
    assert counts() == before
    assert list(models.Translation.objects.all()) == [link]
    assert RelationProposal.objects.filter(pk=proposal.pk).exists()
    assert buttons_of(response)[0] == ("Link as translation", accept_url(proposal))


def test_a_translation_already_linked_elsewhere_is_refused_with_the_reason(editor_client):
    french = factories.TranslationFactory(translation__language="fr").translation
    other_source = factories.ArticleFactory(language="de")
    proposal = RelationProposal.objects.create(
        article=french, candidate=other_source, relation="translation", score=0.6
    )
    before = counts()

    response = editor_client.post(accept_url(proposal), follow=True)

    assert messages_of(response) == [("error", "This article is already a translation of another.")]
    assert counts() == before
    assert RelationProposal.objects.filter(pk=proposal.pk).exists()


def test_an_upload_is_read_never_kept_under_the_site(seed, editor_client, settings, tmp_path):
    """An upload over Django's in-memory limit goes to a temporary file outside the
    project, deleted once read; nothing of it stays where the site serves files from."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    root = Path(settings.BASE_DIR)
    served = [root / "static", Path(settings.STATIC_ROOT)]
    before = {path for folder in served if folder.exists() for path in folder.rglob("*")}
    marker = b"<script>alert('kept-upload')</script>"
    data = data_file(THREE[0]) + b"\n" + marker + b" " * (settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = read(editor_client, upload("kept.html", data))

    assert response.status_code == 200
    assert list(tmp_path.iterdir()) == []
    after = {path for folder in served if folder.exists() for path in folder.rglob("*")}
    assert after == before
    assert not getattr(settings, "MEDIA_ROOT", "")
