"""fixtures/seed.json: the five seed reports as clean articles, and the desk's meetings."""

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Outlet, Translation
from meetings.models import Meeting, Participant, Topic
from people.models import Organization, Person, PersonName, Post

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
MODELS = [
    Outlet,
    Topic,
    Person,
    PersonName,
    Organization,
    Post,
    Article,
    Translation,
    Meeting,
    Participant,
]

#: seed file -> (article slug, outlet, agency, language, publication date, dateline, byline)
EXPECTED = {
    "000_d5025afe1417ab83.txt": (
        "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon",
        "News.Az",
        None,
        "en",
        dt.date(2017, 11, 28),
        "",
        "",
    ),
    "001_e339c143af38d813.txt": (
        "khalafov-s-entretient-avec-une-delegation-du-haut-commissariat-aux-droits-de-l-homme",
        "AZERTAC",
        None,
        "fr",
        dt.date(2017, 11, 27),
        "Bakou",
        "",
    ),
    "002_2dfe3c45910bb948.txt": (
        "bayramov-meets-un-high-commissioner-volker-turk",
        "MENAFN",
        "AzerNews",
        "en",
        dt.date(2024, 9, 26),
        "",
        "Fatima Latifova",
    ),
    "003_ccac9e77d4cc7ef5.txt": (
        "ombudswoman-sabina-aliyeva-meets-ohchr-chief-adviser-vladimir-shkolnikov",
        "AzerNews",
        "AZERTAC",
        "en",
        dt.date(2023, 9, 21),
        "",
        "",
    ),
    "004_37abe51f9b6082c9.txt": (
        "bayramov-addresses-54th-session-of-un-human-rights-council",
        "Trend",
        None,
        "en",
        dt.date(2023, 9, 13),
        "Baku",
        "",
    ),
}

JUNK = ["16 px", "↺", "Read more", "MENAFN", "(UTC+04:00)", " date 20"]


def words(text):
    return unicodedata.normalize("NFC", text).split()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


pytestmark = pytest.mark.django_db


def test_loading_twice_creates_no_duplicates(seed):
    first = counts()
    assert first["Article"] == 5
    assert first["Translation"] == 1
    assert first["Meeting"] == 4
    call_command("loaddata", "seed", verbosity=0)
    assert counts() == first


def test_loads_into_a_database_that_already_has_data(db):
    from tests.factories import ArticleFactory, MeetingFactory, PersonFactory

    ArticleFactory.create_batch(3)
    MeetingFactory()
    PersonFactory(slug="someone-else")
    call_command("loaddata", "seed", verbosity=0)
    assert Article.objects.count() == 8
    assert Meeting.objects.count() == 5
    assert Person.objects.filter(slug="khalaf-khalafov").exists()


@pytest.mark.parametrize("filename", sorted(EXPECTED))
def test_each_report_is_a_clean_article_with_its_metadata(seed, filename):
    slug, outlet, agency, language, published, dateline, byline = EXPECTED[filename]
    article = Article.objects.select_related("outlet", "agency").get(slug=slug)
    assert article.outlet.name == outlet
    assert (article.agency.name if article.agency else None) == agency
    assert article.language == language
    assert article.published_at.date() == published
    assert article.dateline == dateline
    assert article.byline == byline
    assert article.status == Article.Status.PUBLISHED
    assert article.title
    for junk in JUNK:
        assert junk not in article.body, f"{junk!r} survived in {slug}"
    assert "\n\n\n" not in article.body
    assert all(paragraph == " ".join(paragraph.split()) for paragraph in article.paragraphs)


@pytest.mark.parametrize("filename", sorted(EXPECTED))
def test_every_word_of_the_report_is_kept_in_order(seed, filename):
    slug, _outlet, *_ = EXPECTED[filename]
    article = Article.objects.get(slug=slug)
    raw = words((SEEDS / filename).read_text(encoding="utf-8"))
    body = words(article.body)
    start = next(i for i in range(len(raw)) if raw[i : i + len(body[:6])] == body[:6])
    assert raw[start : start + len(body)] == body
    leftover = raw[:start] + raw[start + len(body) :]
    # Only page furniture, the dateline, the byline and signatures are left out.
    assert len(leftover) <= 14, leftover


def test_the_november_2017_reports_are_linked_as_translations(seed):
    link = Translation.objects.select_related("source", "translation").get()
    assert link.source.slug == EXPECTED["000_d5025afe1417ab83.txt"][0]
    assert link.translation.slug == EXPECTED["001_e339c143af38d813.txt"][0]
    assert (link.source.language, link.translation.language) == ("en", "fr")


def test_one_meeting_per_event_with_its_reports(seed):
    reports = {
        meeting.slug: sorted(meeting.reports.values_list("language", flat=True))
        for meeting in Meeting.objects.all()
    }
    assert reports == {
        "khalafov-receives-ohchr-delegation-2017": ["en", "fr"],
        "bayramov-meets-turk-unga-79-2024": ["en"],
        "aliyeva-meets-shkolnikov-2023": ["en"],
        "bayramov-addresses-hrc-54th-session-2023": ["en"],
    }
    address = Meeting.objects.get(slug="bayramov-addresses-hrc-54th-session-2023")
    assert address.date == dt.date(2023, 9, 13)
    assert address.kind == Meeting.Kind.ADDRESS
    assert address.organizer.abbreviation == "HRC"
    assert address.country.code == "CH"


def test_participants_in_the_posts_they_held(seed):
    meeting = Meeting.objects.get(slug="khalafov-receives-ohchr-delegation-2017")
    participants = {
        p.person.name: (p.side, p.post.title, p.post.organization.slug, p.organization.slug)
        for p in meeting.participants.select_related("person", "post__organization", "organization")
    }
    assert participants == {
        "Khalaf Khalafov": (
            "host",
            "Deputy Minister of Foreign Affairs",
            "azerbaijan-foreign-ministry",
            "azerbaijan",
        ),
        "Georgette Gagnon": (
            "guest",
            "Head of the Office for Field Missions and Technical Cooperation",
            "ohchr-field-missions-technical-cooperation",
            "ohchr",
        ),
    }
    assert set(meeting.mentioned_people.values_list("name", flat=True)) == {
        "Dilgam Asgarov",
        "Shahbaz Guliyev",
    }
    assert meeting.topics.filter(slug="captured-civilians").exists()


def test_every_named_person_takes_part_or_is_mentioned(seed):
    in_meetings = set(Participant.objects.values_list("person__name", flat=True)) | set(
        Meeting.mentioned_people.through.objects.values_list("person__name", flat=True)
    )
    assert in_meetings == set(Person.objects.values_list("name", flat=True))
    assert in_meetings >= {
        "Khalaf Khalafov",
        "Georgette Gagnon",
        "Jeyhun Bayramov",
        "Volker Türk",
        "Sabina Aliyeva",
        "Vladimir Shkolnikov",
    }


def test_other_names_with_their_language(seed):
    khalafov = Person.objects.get(slug="khalaf-khalafov")
    assert ("Kh.Khalafov", "fr") in khalafov.other_names.values_list("name", "language")
    guliyev = Person.objects.get(slug="shahbaz-guliyev")
    assert ("Chahbaz Gouliyev", "fr") in guliyev.other_names.values_list("name", "language")


def test_organizations_nest(seed):
    office = Organization.objects.get(slug="ohchr-field-missions-technical-cooperation")
    assert [o.slug for o in office.ancestors()] == ["ohchr", "united-nations"]
    assert Organization.objects.get(slug="azerbaijan-ombudsman").kind == "ombudsman"
