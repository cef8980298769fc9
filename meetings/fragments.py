"""The meetings' cached fragments (`core.fragments`): a meeting's row in the timelines
and the body of its page, and which items a change to a meeting, its participants, its
coverage, its summaries or a covering report reaches."""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string

from articles.fragments import versions_of
from articles.models import Article, Translation
from core import fragments

from .models import Coverage, Meeting, Participant, SummaryTranslation, participants_in_order

ROW = "includes/meeting_row.html"


def covering(article_ids):
    """The ids of the meetings that reports among `article_ids` cover."""
    return set(Coverage.objects.filter(article__in=article_ids).values_list("meeting", flat=True))


def meeting_reach(meeting):
    """A meeting shows on its own page and row, on its parent's and its parts' pages,
    and in the sidebar of the reports covering it."""
    related = Meeting.objects.filter(parent=meeting.pk).values_list("pk", flat=True)
    return {
        Meeting: {meeting.pk, meeting.parent_id, *related} - {None},
        Article: set(meeting.reports.values_list("pk", flat=True)),
    }


def article_reach(article):
    """A meeting's page lists its reports with their versions in other languages."""
    return {Meeting: covering(versions_of(article.pk))}


def translation_reach(link):
    return {Meeting: covering(versions_of(link.source_id) | {link.translation_id})}


def coverage_reach(coverage):
    return {Article: {coverage.article_id}, Meeting: {coverage.meeting_id}}


def participant_reach(participant):
    parent = Meeting.objects.filter(pk=participant.meeting_id).values_list("parent", flat=True)
    return {Meeting: {participant.meeting_id, *parent} - {None}}


def summary_reach(summary):
    return {Meeting: {summary.meeting_id}}


def register():
    fragments.register(Meeting, meeting_reach)
    fragments.register(Article, article_reach)
    fragments.register(Translation, translation_reach)
    fragments.register(Coverage, coverage_reach)
    fragments.register(Participant, participant_reach)
    fragments.register(SummaryTranslation, summary_reach)


def with_participants(meetings):
    """`meetings` with their participants, people, posts and organizations, read now."""
    prefetch_related_objects(meetings, participants_in_order())
    return meetings


def rows(meetings):
    """The timeline rows of published `meetings`, with their participants."""

    def build(missing):
        return [
            render_to_string(ROW, {"meeting": meeting}) for meeting in with_participants(missing)
        ]

    return fragments.cached("meeting-row", meetings, build)
