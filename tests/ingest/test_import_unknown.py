"""Reports from outlets and in languages the desk has not met yet: imported as drafts
with what they lack left for an editor to confirm, never refused and never guessed.

- Every language the detector recognises is a content language; an uncertain
  detection leaves the language empty, with the languages hesitated between.
- An outlet the desk does not know is proposed, not created; one click in the admin
  creates or links it. A report with no outlet signal at all imports with none.
- Publishing needs a publication date, an outlet and a language.
"""

import json
from pathlib import Path

import pytest
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from articles.models import Outlet
from core.languages import LANGUAGES, language_name
from editorial.models import Status
from ingest import languages
from ingest.importers import Importer
from ingest.models import NameProposal
from tests import factories
from tests.editorial.test_workflow import post_on_change_form
from tests.ingest.test_admin_import import buttons_of, change_url, messages_of, name_url

FORMATS = Path(__file__).parent.parent / "data" / "formats" / "reports"

#: A report by an outlet the desk does not know, named only in its closing line.
UNKNOWN_OUTLET = b"""\
ASTANA, 14 March 2024

Kazakhstan's Commissioner for Human Rights, Artur Lastayev, received a delegation of the \
Office of the UN High Commissioner for Human Rights led by its regional representative, \
who briefed him on the office's plans for monitoring places of detention this year.

The two sides discussed cooperation on the national preventive mechanism and the \
follow-up to the recommendations of the Universal Periodic Review.

Steppe Courier
"""

#: A report with no outlet signal anywhere.
NO_SIGNAL = b"""\
The Commissioner for Human Rights received a delegation of the Office of the UN High \
Commissioner for Human Rights, which briefed the office on its plans for the year ahead \
and on the follow-up to the recommendations made during the last periodic review.

The two sides agreed to meet again before the end of the year to review progress on \
the national preventive mechanism and the protection of the rights of detainees.
"""


def imported(data, name="report.txt", **options):
    (result,) = Importer(**options).import_many([(name, data)])
    return result


# Languages -------------------------------------------------------------------------------


def test_every_language_the_detector_recognises_is_a_content_language():
    codes = [code for code, _ in LANGUAGES]
    assert len(codes) == len(set(codes)) > 75
    assert codes[:4] == ["en", "fr", "ru", "az"]
    for code in ["kk", "uz", "tk", "ky", "mn", "hy", "ka", "uk", "ro", "tr", "tg"]:
        assert code in codes, code
    assert language_name("kk") == "Kazakh"
    assert language_name("tk") == "Turkmen"


def test_a_text_in_letters_its_language_lacks_is_not_given_that_language():
    """Both detectors read this Uzbek in Cyrillic as Macedonian; "ў", "қ", "ҳ" say it is
    not, and the alphabets that fit it are offered instead."""
    text = (
        "Олий Мажлис Сенати раиси ўринбосари БМТ Тараққиёт дастури делегациясини қабул "
        "қилди. Учрашувда инсон ҳуқуқлари бўйича миллий ҳаракатлар стратегиясини амалга "
        "ошириш масалалари муҳокама қилинди."
    )
    detection = languages.checked(languages.Detection("mk"), text)
    assert detection.language is None
    assert detection.candidates == ("uz", "tg")
    assert languages.checked(languages.Detection("ru"), "Встреча с Зейнеп Айдын.").language == "ru"


@pytest.mark.parametrize(
    "path",
    sorted(FORMATS.glob("*.txt")),
    ids=lambda path: path.stem,
)
def test_a_detected_language_is_never_a_neighbours_label(path):
    """Every test report in the formats catalogue: its own language, or none."""
    expected = json.loads(path.with_suffix(".expected.json").read_text())["language"]
    detection = languages.detect_language(path.read_text())
    assert detection.language in (expected, None)
    if detection.uncertain:
        assert detection.candidates, "an uncertain detection names what it hesitated between"


def test_most_test_reports_get_their_language():
    paths = sorted(FORMATS.glob("*.txt"))
    right = sum(
        languages.detect_language(path.read_text()).language
        == json.loads(path.with_suffix(".expected.json").read_text())["language"]
        for path in paths
    )
    assert right >= 0.9 * len(paths)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Oʻzbekiston Oliy Majlisining Inson huquqlari boʻyicha vakili BMT Bolalar "
            "jamgʻarmasining mamlakatdagi vakili bilan uchrashdi. Uchrashuvda bolalar "
            "huquqlarini himoya qilish masalalari muhokama qilindi.",
            "uz",
        ),
        (
            "Türkmenistanyň Daşary işler ministriniň orunbasary Birleşen Milletler "
            "Guramasynyň Bosgunlar boýunça ýokary komissarynyň wekili bilen duşuşdy. "
            "Duşuşykda ikitaraplaýyn hyzmatdaşlygyň meseleleri ara alnyp maslahatlaşyldy.",
            "tk",
        ),
    ],
    ids=["uzbek", "turkmen"],
)
def test_languages_lingua_does_not_know_come_from_fasttext(text, language):
    assert languages.detect_language(text).language == language


def test_a_text_too_short_to_tell_has_no_language():
    assert languages.detect_language("12.03.2024 — 14:05").uncertain


@pytest.mark.django_db
def test_an_uncertain_language_is_left_empty_with_a_warning(monkeypatch):
    monkeypatch.setattr(
        "ingest.importers.detect_language",
        lambda text: languages.Detection(None, ("az", "tr")),
    )
    factories.OutletFactory(name="Steppe Courier")

    result = imported(UNKNOWN_OUTLET)

    assert result.status == "imported"
    assert result.article.language == ""
    assert (
        "the language could not be told for sure (Azerbaijani? Turkish?): choose it"
        in result.warnings
    )


# Outlets ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_unknown_outlet_is_proposed_not_created():
    outlets = Outlet.objects.count()

    result = imported(UNKNOWN_OUTLET)

    assert result.status == "imported"
    assert result.as_json()["outlet"] == "Steppe Courier"
    assert result.as_json()["outlet_to_confirm"] is True
    assert "the outlet “Steppe Courier” is new: confirm it" in result.warnings
    article = result.article
    assert (article.outlet, article.status) == (None, Status.DRAFT)
    assert Outlet.objects.count() == outlets
    assert list(article.name_proposals.filter(kind="outlet").values_list("name", flat=True)) == [
        "Steppe Courier"
    ]


@pytest.mark.django_db
def test_a_known_outlet_is_linked_at_once():
    outlet = factories.OutletFactory(name="Steppe Courier")

    result = imported(UNKNOWN_OUTLET)

    assert result.article.outlet == outlet
    assert result.as_json()["outlet_to_confirm"] is False
    assert not result.article.name_proposals.filter(kind="outlet").exists()


@pytest.mark.django_db
def test_a_report_with_no_outlet_signal_imports_with_none_and_a_warning():
    result = imported(NO_SIGNAL)

    assert result.status == "imported"
    assert result.article.outlet is None
    assert "no outlet recognised in the report: choose it" in result.warnings
    assert not result.article.name_proposals.filter(kind="outlet").exists()


@pytest.mark.django_db
def test_a_named_outlet_overrides_the_report():
    result = imported(UNKNOWN_OUTLET, outlet="Desk Wire")

    assert result.article.outlet.name == "Desk Wire"
    assert not result.article.name_proposals.filter(kind="outlet").exists()


@pytest.mark.django_db
def test_one_click_in_the_admin_creates_the_proposed_outlet(editor_client):
    article = imported(UNKNOWN_OUTLET).article
    proposal = article.name_proposals.get(kind="outlet")
    assert ("Confirm as the outlet", name_url(proposal, "accept")) in buttons_of(
        editor_client.get(change_url(article))
    )

    response = editor_client.post(name_url(proposal, "accept"), follow=True)

    assert messages_of(response) == [
        ("success", "“Steppe Courier” is now the outlet of this article.")
    ]
    article.refresh_from_db()
    assert article.outlet.name == "Steppe Courier"
    assert article.version == 2, "an editor's form opened before gets the conflict message"
    assert not article.name_proposals.filter(kind="outlet").exists()


@pytest.mark.django_db
def test_accepting_links_an_outlet_known_by_another_name(editor_client):
    outlet = factories.OutletFactory(name="Steppe Courier Agency")
    outlet.other_names.create(name="Steppe Courier")
    article = factories.ArticleFactory(status=Status.DRAFT, outlet=None)
    proposal = NameProposal.objects.create(article=article, kind="outlet", name="STEPPE COURIER")
    outlets = Outlet.objects.count()

    editor_client.post(name_url(proposal, "accept"))

    article.refresh_from_db()
    assert article.outlet == outlet
    assert Outlet.objects.count() == outlets


@pytest.mark.django_db
def test_a_proposed_source_agency_is_confirmed_as_the_agency(editor_client):
    outlet = factories.OutletFactory()
    article = factories.ArticleFactory(status=Status.DRAFT, outlet=outlet)
    proposal = NameProposal.objects.create(article=article, kind="agency", name="Kabar")

    response = editor_client.post(name_url(proposal, "accept"), follow=True)

    assert messages_of(response) == [
        ("success", "“Kabar” is now the source agency of this article.")
    ]
    article.refresh_from_db()
    assert (article.outlet, article.agency.name) == (outlet, "Kabar")


# Publishing needs a date, an outlet and a language ----------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ({"published_at": None}, "give it its publication date first"),
        ({"outlet": None}, "give it its outlet first"),
        ({"language": ""}, "give it its language first"),
        (
            {"published_at": None, "outlet": None, "language": ""},
            "give it its publication date, outlet and language first",
        ),
    ],
    ids=["date", "outlet", "language", "all"],
)
def test_publishing_an_incomplete_article_is_refused_with_what_it_lacks(missing, message):
    article = factories.ArticleFactory(status=Status.REVIEW, title="Incomplete", **missing)
    reviewer = Client()
    reviewer.force_login(factories.ReviewerFactory())

    response = post_on_change_form(reviewer, article, "publish")

    assert response.status_code == 302
    page = reviewer.get(response.url)
    assert f"“Incomplete” cannot be published yet: {message}." in page.text
    article.refresh_from_db()
    assert article.status == Status.REVIEW


@pytest.mark.django_db
def test_the_database_refuses_a_published_article_without_a_date():
    with pytest.raises(IntegrityError):
        factories.ArticleFactory(status=Status.PUBLISHED, published_at=None)


@pytest.mark.django_db
def test_the_admin_lists_articles_to_complete(admin_client):
    factories.ArticleFactory(title="Complete report")
    factories.ArticleFactory(title="Undated report", status=Status.DRAFT, published_at=None)
    factories.ArticleFactory(title="Report from nowhere", status=Status.DRAFT, outlet=None)
    changelist = reverse("admin:articles_article_changelist")

    page = admin_client.get(changelist).text
    assert "No publication date" in page
    undated = admin_client.get(changelist, {"missing": "date"}).text
    nowhere = admin_client.get(changelist, {"missing": "outlet"}).text

    assert "Undated report" in undated
    assert "Complete report" not in undated
    assert "Report from nowhere" in nowhere
    assert "Undated report" not in nowhere


@pytest.mark.django_db
def test_an_incomplete_draft_previews_without_its_missing_parts(editor_client):
    article = factories.ArticleFactory(
        title="Undated report", status=Status.DRAFT, published_at=None, outlet=None, language=""
    )

    response = editor_client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Undated report" in response.text
    assert "<time" not in response.text.split('id="article-title"')[1].split("</header>")[0]


@pytest.mark.django_db
def test_the_public_filter_offers_the_languages_in_use(client):
    factories.ArticleFactory(language="kk")
    factories.ArticleFactory(language="en")
    factories.ArticleFactory(language="tk", status=Status.DRAFT)

    page = client.get("/en/articles/").text
    menu = page.split('name="language"')[1].split("</select>")[0]

    assert 'value="kk"' in menu
    assert 'value="en"' in menu
    assert 'value="tk"' not in menu, "a draft's language is not offered"
    assert 'value="mn"' not in menu
    assert client.get("/en/articles/", {"language": "mn"}).status_code == 200
