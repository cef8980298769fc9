"""The meetings admin as an editor uses it: the meeting change form with its participant
and report inlines, and the changelist: a report count per meeting, right when searching
and sortable, in few queries, with its workflow actions."""

from articles import models
from meetings import models as meetings_models
from people import models as people_models
from tests import factories
from tests.admin_forms import (
    add_inline_row,
    admin_url,
    changeform_data,
    changelist_cell,
    form_errors,
    inline_formset,
    messages_of,
)

# Saving through the change form ---------------------------------------------------------


def test_editor_saves_the_meeting_change_form_with_its_inlines(seed, editor_client):
    meeting = meetings_models.Meeting.objects.get(slug="bayramov-meets-turk-unga-79-2024")
    participants_before = list(meeting.participants.values_list("pk", flat=True))
    report = models.Article.objects.get(
        slug="bayramov-addresses-54th-session-of-un-human-rights-council"
    )
    person = people_models.Person.objects.get(slug="khalaf-khalafov")
    url = admin_url(meetings_models.Meeting, "change", meeting.pk)
    response = editor_client.get(url)
    data = changeform_data(response)
    data["title"] = "Bayramov and Türk meet in New York"
    data["city"] = "New York"
    data = add_inline_row(
        data,
        inline_formset(response, meetings_models.Participant, "meeting"),
        person=str(person.pk),
        reported_name="Khalaf Khalafov",
        reported_title="Deputy Foreign Minister",
        side=meetings_models.Participant.Side.GUEST,
        position="9",
    )
    data = add_inline_row(
        data,
        inline_formset(response, meetings_models.Meeting.reports.through, "meeting"),
        article=str(report.pk),
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    meeting.refresh_from_db()
    assert meeting.title == "Bayramov and Türk meet in New York"
    assert meeting.city == "New York"
    assert meeting.date.isoformat() == "2024-09-25"
    added = meeting.participants.exclude(pk__in=participants_before).get()
    assert (added.person, added.reported_title, added.side, added.position) == (
        person,
        "Deputy Foreign Minister",
        "guest",
        9,
    )
    assert meeting.participants.count() == len(participants_before) + 1
    assert set(meeting.reports.values_list("slug", flat=True)) == {
        "bayramov-meets-un-high-commissioner-volker-turk",
        report.slug,
    }
    assert meeting.topics.count() == 6


# The changelist: report counts, query budget, workflow actions --------------------------


def test_meeting_changelist_makes_no_query_per_row(editor_client, django_assert_max_num_queries):
    meetings = factories.MeetingFactory.create_batch(20)
    for meeting in meetings:
        meeting.reports.add(*factories.ArticleFactory.create_batch(2))
        meeting.topics.add(factories.TopicFactory())
        factories.ParticipantFactory.create_batch(2, meeting=meeting)

    with django_assert_max_num_queries(15):
        response = editor_client.get(admin_url(meetings_models.Meeting, "changelist"))

    assert response.context["cl"].result_count == 20
    assert {changelist_cell(response, meeting, "report_count") for meeting in meetings} == {"2"}


def test_meeting_actions_work_on_the_changelist_sorted_by_reports(editor_client, reviewer):
    editor_client.force_login(reviewer)
    meetings = factories.MeetingFactory.create_batch(3, status=models.Status.REVIEW)
    response = editor_client.get(admin_url(meetings_models.Meeting, "changelist"))
    column = response.context["cl"].list_display.index("report_count")
    url = f"{admin_url(meetings_models.Meeting, 'changelist')}?o={column}"
    assert editor_client.get(url).status_code == 200

    response = editor_client.post(
        url,
        {
            "action": "publish",
            "_selected_action": [meeting.pk for meeting in meetings[:2]],
            "index": "0",
            "select_across": "0",
        },
        follow=True,
    )

    assert "2 items published." in messages_of(response)
    assert [m.status for m in meetings_models.Meeting.objects.order_by("pk")] == [
        "published",
        "published",
        "review",
    ]


def test_meeting_report_count_is_right_when_searching_by_participant(editor_client):
    meeting = factories.MeetingFactory(title="Bilateral meeting")
    meeting.reports.add(factories.ArticleFactory())
    factories.ParticipantFactory(meeting=meeting, reported_name="Jeyhun Bayramov")
    factories.ParticipantFactory(meeting=meeting, reported_name="Elnur Bayramov")
    url = admin_url(meetings_models.Meeting, "changelist")

    response = editor_client.get(url, {"q": "Bayramov"})

    assert list(response.context["cl"].result_list) == [meeting]
    assert changelist_cell(response, meeting, "report_count") == "1"
