"""Meetings the importer proposes: read from a report (kind, participants with their posts
and sides, day and place), matched to a stored meeting, confirmed, edited or dismissed
in the admin in one step."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from editorial import workflow
from editorial.models import Status
from ingest.catalog import Found
from ingest.events import kind_in, read_meeting
from ingest.importers import Importer
from ingest.models import MeetingProposal, ProposedParticipant
from meetings.models import Coverage, Meeting, Participant
from people.models import Person
from tests import factories
from tests.admin_forms import changeform_data
from tests.ingest.test_admin_import import buttons_of, data_file, forget_seed_articles, messages_of

Kind, Side = Meeting.Kind, Participant.Side

#: Reports written for these tests, one per shape of meeting.
RECEPTION_EN = """Ombudsman receives the head of the UN refugee agency's office

Baku, 3 March 2025 /Desk Wire/. The Commissioner for Human Rights of Azerbaijan, Leyla \
Rustamova, received Henrik Solberg, Representative of the UN High Commissioner for \
Refugees in Azerbaijan, on 3 March.

They discussed the rights of refugees and of internally displaced persons.
"""

MEETING_RU = """Заместитель министра встретился с главой миссии ОБСЕ

Бишкек, 14 мая 2024 года. Заместитель министра иностранных дел Кыргызстана Азамат \
Жумабеков встретился с главой Программного офиса ОБСЕ в Бишкеке Томасом Бергманом.

Стороны обсудили подготовку сотрудников полиции.
"""

RECEPTION_AZ = """Ombudsman BMT nümayəndəsini qəbul edib

Bakı, 5 aprel 2025. Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkili Leyla \
Rüstəmova BMT Qaçqınlar üzrə Ali Komissarlığının nümayəndəsi Henrik Solberqi qəbul edib.

Görüşdə qaçqınların hüquqları müzakirə olunub.
"""

ADDRESS_EN = """Deputy minister addresses the Human Rights Council

Geneva, 26 February 2025 /Desk Wire/. Deputy Foreign Minister Kamran Ismayilzade \
addressed the high-level segment of the 58th session of the UN Human Rights Council on \
26 February.

He spoke of the national action plan on human rights.
"""

UNDATED_EN = """Ombudsman meets the ICRC delegation head

The Commissioner for Human Rights of Azerbaijan, Leyla Rustamova, met with the Head of \
the Delegation of the International Committee of the Red Cross in Azerbaijan, Marc \
Perrin.

They discussed the search for missing persons.
"""


def read(text):
    """What `read_meeting` makes of a report, through the importer's own reading."""
    result = Importer(dry_run=True).import_bytes("report.txt", text.encode())
    assert result.status == "would-import", result.error
    return result.meeting


# 1. Reading a meeting ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Minister X met with the High Commissioner", Kind.MEETING),
        ("Le ministre a reçu une délégation", Kind.RECEPTION),
        ("Министр принял делегацию МККК", Kind.RECEPTION),
        ("Nazir BMT nümayəndəsi ilə görüşüb", Kind.MEETING),
        ("Bakan, BM temsilcisini kabul etti", Kind.RECEPTION),
        ("The minister addressed the 58th session", Kind.ADDRESS),
        ("The two ministers held a telephone conversation", Kind.CALL),
        ("The rapporteur is on a visit to the country", Kind.VISIT),
        ("The methodology of the report was published", None),
    ],
)
def test_the_kind_of_meeting_is_read_in_every_language(text, kind):
    assert kind_in(text)[0] == kind


@pytest.mark.django_db
def test_a_reception_gives_posts_as_reported_and_sides():
    meeting = read(RECEPTION_EN)

    assert meeting.kind == Kind.RECEPTION
    assert meeting.date == dt.date(2025, 3, 3)
    assert meeting.city == "Baku"
    assert [(p.name, p.title, p.side) for p in meeting.participants] == [
        ("Leyla Rustamova", "Commissioner for Human Rights of Azerbaijan", Side.HOST),
        (
            "Henrik Solberg",
            "Representative of the UN High Commissioner for Refugees in Azerbaijan",
            Side.GUEST,
        ),
    ]


@pytest.mark.django_db
def test_russian_posts_are_kept_in_the_case_the_report_gives():
    meeting = read(MEETING_RU)

    assert meeting.kind == Kind.MEETING
    assert [(p.name, p.title, p.side) for p in meeting.participants] == [
        ("Азамат Жумабеков", "Заместитель министра иностранных дел Кыргызстана", Side.OTHER),
        ("Томас Бергман", "главой Программного офиса ОБСЕ в Бишкеке", Side.OTHER),
    ]


@pytest.mark.django_db
def test_a_verb_at_the_end_makes_the_first_named_the_host():
    meeting = read(RECEPTION_AZ)

    assert meeting.kind == Kind.RECEPTION
    assert [p.side for p in meeting.participants] == [Side.HOST, Side.GUEST]
    assert meeting.participants[0].title == (
        "Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkili"
    )


@pytest.mark.django_db
def test_an_address_to_a_session_needs_one_speaker():
    meeting = read(ADDRESS_EN)

    assert meeting.kind == Kind.ADDRESS
    assert [(p.name, p.title) for p in meeting.participants] == [
        ("Kamran Ismayilzade", "Deputy Foreign Minister")
    ]


@pytest.mark.django_db
def test_the_day_is_never_the_day_of_publication_unless_the_report_states_it():
    meeting = read(UNDATED_EN)

    assert meeting.kind == Kind.MEETING
    assert meeting.date is None
    assert meeting.city == ""


@pytest.mark.django_db
def test_a_state_a_post_is_merely_in_is_not_the_organization_represented():
    factories.OrganizationFactory(name="Azerbaijan", kind="state")
    meeting = read(UNDATED_EN)

    rustamova, perrin = meeting.participants
    assert rustamova.organization.name == "Azerbaijan"
    assert perrin.title.endswith("Red Cross in Azerbaijan")
    assert perrin.organization is None


@pytest.mark.django_db
def test_a_report_naming_one_person_and_no_meeting_word_proposes_nothing():
    text = "Court rules on press case\n\nJudge Anna Berg ruled on Tuesday in the case.\n"
    assert read(text) is None
    assert read_meeting("", "Nothing happened here.", [], []) is None


@pytest.mark.django_db
def test_a_known_person_keeps_the_record():
    person = factories.PersonFactory(name="Leyla Rustamova")
    meeting = read(RECEPTION_EN)

    assert meeting.participants[0].person == person
    assert meeting.known_people == {person.pk}


def test_first_mention_finds_an_initialled_name():
    found = Found("B.Tugsjargal", False)
    meeting = read_meeting(
        "",
        "Member of the Commission B.Tugsjargal received the UN Special Rapporteur, Amara "
        "Okafor, on Monday.",
        [found, Found("Amara Okafor", False)],
        [],
    )
    assert [p.title for p in meeting.participants] == [
        "Member of the Commission",
        "UN Special Rapporteur",
    ]


# 2. What the importer stores ---------------------------------------------------------------


@pytest.mark.django_db
def test_an_imported_report_proposes_a_draft_meeting_with_its_participants():
    person = factories.PersonFactory(name="Leyla Rustamova")

    result = Importer().import_bytes("reception.txt", RECEPTION_EN.encode())

    proposal = MeetingProposal.objects.get()
    assert list(proposal.reports.all()) == [result.article]
    assert (proposal.meeting, proposal.kind, proposal.date, proposal.city, proposal.language) == (
        None,
        Kind.RECEPTION,
        dt.date(2025, 3, 3),
        "Baku",
        "en",
    )
    assert proposal.title == "Ombudsman receives the head of the UN refugee agency's office"
    assert list(
        proposal.participants.order_by("position").values_list("person", "reported_name", "side")
    ) == [(person.pk, "Leyla Rustamova", Side.HOST), (None, "Henrik Solberg", Side.GUEST)]
    assert not Meeting.objects.exists()  # nothing is a meeting until an editor says so


@pytest.mark.django_db
def test_the_dry_run_shows_the_meeting_read(capsys, tmp_path):
    path = tmp_path / "reception.txt"
    path.write_text(RECEPTION_EN, encoding="utf-8")

    call_command("import_reports", str(path), dry_run=True, format="json")

    meeting = json.loads(capsys.readouterr().out.splitlines()[0])["meeting"]
    assert meeting["kind"] == "reception"
    assert meeting["date"] == "2025-03-03"
    assert [(p["name"], p["side"]) for p in meeting["participants"]] == [
        ("Leyla Rustamova", "host"),
        ("Henrik Solberg", "guest"),
    ]
    assert not MeetingProposal.objects.exists()


@pytest.mark.django_db
def test_a_report_of_a_stored_meeting_is_proposed_as_its_coverage():
    person = factories.PersonFactory(name="Leyla Rustamova")
    meeting = factories.MeetingFactory(date=dt.date(2025, 3, 3))
    factories.ParticipantFactory(meeting=meeting, person=person)
    factories.MeetingFactory(date=dt.date(2025, 3, 3))  # the same day, nobody in common

    result = Importer().import_bytes("reception.txt", RECEPTION_EN.encode())

    proposal = MeetingProposal.objects.get()
    assert proposal.meeting == meeting
    assert list(proposal.reports.all()) == [result.article]
    assert not proposal.participants.exists()


@pytest.mark.django_db
def test_a_translation_joins_the_meeting_proposed_for_its_original(seed):
    """The seed's 2017 meeting removed: its English report, then its French version."""
    Meeting.objects.filter(date__year=2017).delete()
    english = data_file("000_d5025afe1417ab83.txt")
    french = data_file("001_e339c143af38d813.txt")
    forget_seed_articles("000_d5025afe1417ab83.txt", "001_e339c143af38d813.txt")

    first = Importer().import_bytes("en.txt", english)
    second = Importer().import_bytes("fr.txt", french)

    proposal = MeetingProposal.objects.get()
    assert set(proposal.reports.all()) == {first.article, second.article}
    assert [p.reported_name for p in proposal.participants.order_by("position")] == [
        "Khalaf Khalafov",
        "Georgette Gagnon",
    ]


@pytest.mark.django_db
def test_the_seed_report_of_the_stored_2017_meeting_proposes_coverage(seed):
    forget_seed_articles("001_e339c143af38d813.txt")
    stored = Meeting.objects.get(date=dt.date(2017, 11, 27))

    result = Importer().import_bytes("fr.txt", data_file("001_e339c143af38d813.txt"))

    assert MeetingProposal.objects.get(reports=result.article).meeting == stored


# 3. Confirming it in the admin ------------------------------------------------------------


@pytest.fixture
def proposal(db):
    """A reception read in a report: a known minister in a post, and an unknown guest."""
    minister = factories.PersonFactory(name="Leyla Rustamova")
    post = factories.PostFactory(
        person=minister, title="Commissioner", start_date=dt.date(2020, 1, 1)
    )
    factories.PostFactory(
        person=minister,
        title="Former post",
        start_date=dt.date(2010, 1, 1),
        end_date=dt.date(2019, 12, 31),
    )
    article = factories.ArticleFactory(status=Status.DRAFT)
    proposal = factories.MeetingProposalFactory(
        title="Ombudsman receives UNHCR", kind=Kind.RECEPTION, reports=[article], participants=[]
    )
    factories.ProposedParticipantFactory(
        proposal=proposal, person=minister, side=Side.HOST, reported_title="Commissioner"
    )
    ProposedParticipant.objects.create(
        proposal=proposal, reported_name="Henrik Solberg", side=Side.GUEST, position=9
    )
    proposal.post = post
    proposal.article = article
    return proposal


def article_page(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def proposal_url(proposal, action):
    return reverse(
        "admin:articles_article_meeting_proposal",
        args=[proposal.article.pk, proposal.pk, action],
    )


def test_the_article_page_shows_the_meeting_read_with_its_buttons(proposal, editor_client):
    response = editor_client.get(article_page(proposal.article))

    assert "Meeting proposed by the importer" in response.text
    assert "Reception of a delegation" in response.text
    assert "Henrik Solberg" in response.text
    assert buttons_of(response, routes=("meetings",)) == [
        ("Create the draft meeting", proposal_url(proposal, "accept")),
        ("Dismiss", proposal_url(proposal, "dismiss")),
    ]
    edit = reverse("admin:ingest_meetingproposal_change", args=[proposal.pk])
    assert f'<a href="{edit}">Edit first</a>' in response.text


def test_confirming_creates_a_draft_meeting_with_posts_held_that_day(proposal, editor_client):
    response = editor_client.post(proposal_url(proposal, "accept"), follow=True)

    meeting = Meeting.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:meetings_meeting_change", args=[meeting.pk]
    )
    assert messages_of(response) == [
        (
            "success",
            "Draft meeting “Ombudsman receives UNHCR” created with its participants and "
            "reports: write its summary.",
        )
    ]
    assert (meeting.status, meeting.kind, meeting.date, meeting.city, meeting.summary) == (
        Status.DRAFT,
        Kind.RECEPTION,
        dt.date(2024, 9, 25),
        "Geneva",
        "",
    )
    assert list(
        meeting.participants.order_by("position").values_list(
            "person__name", "post", "organization", "side", "reported_name", "reported_title"
        )
    ) == [
        (
            "Leyla Rustamova",
            proposal.post.pk,
            proposal.post.organization_id,
            Side.HOST,
            "Leyla Rustamova",
            "Commissioner",
        ),
        (None, None, None, Side.GUEST, "Henrik Solberg", ""),
    ]
    assert list(meeting.reports.all()) == [proposal.article]
    assert not MeetingProposal.objects.exists()
    assert meeting.history.get().history_change_reason == "proposed by the importer"


def test_a_meeting_without_its_day_is_not_created(proposal, editor_client):
    MeetingProposal.objects.filter(pk=proposal.pk).update(date=None)

    response = editor_client.post(proposal_url(proposal, "accept"), follow=True)

    assert messages_of(response) == [
        ("error", "No report states the day of “Ombudsman receives UNHCR”: enter its date first.")
    ]
    assert not Meeting.objects.exists()
    assert MeetingProposal.objects.filter(pk=proposal.pk).exists()


def test_the_editor_edits_and_confirms_in_one_step(proposal, editor_client):
    url = reverse("admin:ingest_meetingproposal_change", args=[proposal.pk])
    MeetingProposal.objects.filter(pk=proposal.pk).update(date=None)
    page = editor_client.get(url)
    assert 'name="_accept"' in page.text
    data = changeform_data(page)
    data.update({"date": "2025-03-03", "city": "Baku", "_accept": "Save and create the meeting"})

    response = editor_client.post(url, data, follow=True)

    meeting = Meeting.objects.get()
    assert (meeting.date, meeting.city) == (dt.date(2025, 3, 3), "Baku")
    assert response.redirect_chain[-1][0] == reverse(
        "admin:meetings_meeting_change", args=[meeting.pk]
    )
    assert meeting.participants.count() == 2


def test_dismissing_deletes_the_proposal_and_creates_nothing(proposal, editor_client):
    response = editor_client.post(proposal_url(proposal, "dismiss"), follow=True)

    assert messages_of(response) == [("success", "“Ombudsman receives UNHCR” dismissed.")]
    assert not MeetingProposal.objects.exists()
    assert not Meeting.objects.exists()


def test_a_coverage_proposal_adds_the_report_to_the_stored_meeting(db, editor_client):
    meeting = factories.MeetingFactory(title="The stored meeting")
    article = factories.ArticleFactory()
    proposal = factories.MeetingProposalFactory(meeting=meeting, reports=[article])
    proposal.article = article
    page = editor_client.get(article_page(article))
    assert buttons_of(page, routes=("meetings",))[0] == (
        "Add to this meeting",
        proposal_url(proposal, "accept"),
    )

    response = editor_client.post(proposal_url(proposal, "accept"), follow=True)

    assert messages_of(response) == [("success", "Added to “The stored meeting”.")]
    assert Coverage.objects.filter(meeting=meeting, article=article).exists()
    assert not MeetingProposal.objects.exists()


def test_a_translator_may_not_create_the_meeting(proposal, client):
    client.force_login(factories.TranslatorFactory())

    assert client.post(proposal_url(proposal, "accept")).status_code == 403
    assert not Meeting.objects.exists()


def test_a_meeting_without_a_summary_cannot_be_published(db):
    meeting = factories.MeetingFactory(status=Status.REVIEW, summary="")
    reviewer = factories.ReviewerFactory()

    with pytest.raises(Exception, match="give it its summary first"):
        workflow.apply(workflow.TRANSITIONS["publish"], meeting, reviewer)
    assert Meeting.objects.get(pk=meeting.pk).status == Status.REVIEW


def test_a_deleted_person_leaves_the_name_as_reported(proposal):
    Person.objects.filter(name="Leyla Rustamova").delete()

    names = ProposedParticipant.objects.filter(proposal=proposal).values_list(
        "person", "reported_name"
    )
    assert set(names) == {(None, "Leyla Rustamova"), (None, "Henrik Solberg")}
