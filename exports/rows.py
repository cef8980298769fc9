"""The rows of each table (`columns`), read from published data only.

Each function takes a queryset (or reads one) and yields dicts, reading the rows a chunk
at a time with what they show prefetched for the whole chunk: a few queries per
`CHUNK_SIZE` rows, never one per row. Addresses of public pages are absolute, from
`origin` ("https://news.example.org"), in the default interface language.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import translation

from articles.models import Article, Outlet, OutletName, Translation
from meetings.models import Coverage, Meeting, SummaryTranslation, Topic, participants_in_order
from people.models import Organization, OrganizationName, Person, PersonName, Post

#: Rows read from the database at a time.
CHUNK_SIZE = 500


def page_url(origin, item):
    """The absolute address of `item`'s public page, in the default interface language."""
    with translation.override(settings.LANGUAGE_CODE):
        return origin + item.get_absolute_url()


def slug_of(item):
    return item.slug if item is not None else None


def name_of(item):
    return item.name if item is not None else None


def post_id(post_pk):
    """A post's identifier in the downloads and in Popolo's memberships."""
    return f"post-{post_pk}" if post_pk is not None else None


def published_meetings():
    return Meeting.objects.published().newest_first()


def read_meetings(meetings):
    """`meetings` with their organizer, parent, participants, topics, people mentioned
    and published reports, a chunk at a time."""
    return (
        meetings.select_related("organizer", "parent")
        .prefetch_related(
            participants_in_order(),
            Prefetch("topics", queryset=Topic.objects.order_by("name")),
            Prefetch("mentioned_people", queryset=Person.objects.order_by("name", "pk")),
            Prefetch(
                "reports",
                queryset=Article.objects.published()
                .order_by("published_at", "pk")
                .only("pk", "slug", "title", "language"),
            ),
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )


def meeting_rows(meetings, origin):
    """One row per meeting (`columns.MEETINGS`)."""
    for meeting in read_meetings(meetings):
        parent = meeting.parent
        yield {
            "slug": meeting.slug,
            "title": meeting.title,
            "date": meeting.date,
            "kind": meeting.kind,
            "venue": meeting.venue,
            "city": meeting.city,
            "country": meeting.country.code,
            "organizer": slug_of(meeting.organizer),
            "organizer_name": name_of(meeting.organizer),
            "part_of": parent.slug if parent is not None and parent.is_published else None,
            "language": meeting.language,
            "summary": meeting.summary,
            "topics": [topic.name for topic in meeting.topics.all()],
            "participants": [str(participant) for participant in meeting.participants.all()],
            "mentioned_people": [person.name for person in meeting.mentioned_people.all()],
            "reports": [report.slug for report in meeting.reports.all()],
            "url": page_url(origin, meeting),
            "updated_at": meeting.updated_at,
        }


def participant_rows(meetings, origin=None):
    """One row per participant of each meeting (`columns.PARTICIPANTS`)."""
    for meeting in read_meetings(meetings):
        for position, participant in enumerate(meeting.participants.all(), start=1):
            post = participant.post
            yield {
                "meeting": meeting.slug,
                "meeting_title": meeting.title,
                "meeting_date": meeting.date,
                "meeting_kind": meeting.kind,
                "meeting_city": meeting.city,
                "meeting_country": meeting.country.code,
                "position": position,
                "person": slug_of(participant.person),
                "name": str(participant),
                "reported_name": participant.reported_name,
                "reported_title": participant.reported_title,
                "side": participant.side,
                "post": post_id(participant.post_id),
                "post_title": post.title if post else None,
                "post_organization": post.organization.slug if post else None,
                "post_organization_name": post.organization.name if post else None,
                "post_start_date": post.start_date if post else None,
                "post_end_date": post.end_date if post else None,
                "representing": slug_of(participant.organization),
                "representing_name": name_of(participant.organization),
            }


#: The rows of the meeting list's download, by its `rows` parameter.
MEETING_ROWS = {"meetings": meeting_rows, "participants": participant_rows}


def article_rows(origin):
    articles = (
        Article.objects.published()
        .select_related("outlet", "agency")
        .prefetch_related(
            Prefetch("people", queryset=Person.objects.order_by("name", "pk").only("slug")),
            Prefetch(
                "organizations",
                queryset=Organization.objects.order_by("name", "pk").only("slug"),
            ),
        )
        .newest_first()
    )
    for article in articles.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "slug": article.slug,
            "title": article.title,
            "language": article.language,
            "published_at": article.published_at,
            "updated_at": article.updated_at,
            "outlet": article.outlet.slug,
            "agency": slug_of(article.agency),
            "dateline": article.dateline,
            "byline": article.byline,
            "source_url": article.source_url,
            "url": origin + article.get_canonical_url(),
            "body": article.body,
            "people": [person.slug for person in article.people.all()],
            "organizations": [organization.slug for organization in article.organizations.all()],
        }


def translation_rows(origin=None):
    published = Article.objects.published()
    links = (
        Translation.objects.filter(source__in=published, translation__in=published)
        .select_related("source", "translation")
        .only(
            "method",
            "source__slug",
            "source__language",
            "translation__slug",
            "translation__language",
        )
        .annotate(outdated=Exists(Translation.objects.outdated().filter(pk=OuterRef("pk"))))
        .order_by("source__slug", "translation__language", "pk")
    )
    for link in links.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "source": link.source.slug,
            "translation": link.translation.slug,
            "source_language": link.source.language,
            "translation_language": link.translation.language,
            "method": link.method,
            "is_outdated": link.outdated,
        }


def coverage_rows(origin=None):
    links = (
        Coverage.objects.filter(
            meeting__in=published_meetings(), article__in=Article.objects.published()
        )
        .values_list("meeting__slug", "article__slug")
        .order_by("-meeting__date", "-meeting", "article__published_at", "article")
    )
    for meeting, article in links.iterator(chunk_size=CHUNK_SIZE):
        yield {"meeting": meeting, "article": article}


def summary_translation_rows(origin=None):
    summaries = (
        SummaryTranslation.objects.filter(meeting__in=published_meetings())
        .select_related("meeting")
        .only("language", "title", "summary", "updated_at", "meeting__slug")
        .annotate(outdated=Exists(SummaryTranslation.objects.outdated().filter(pk=OuterRef("pk"))))
        .order_by("-meeting__date", "-meeting", "language")
    )
    for summary in summaries.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "meeting": summary.meeting.slug,
            "language": summary.language,
            "title": summary.title,
            "summary": summary.summary,
            "is_outdated": summary.outdated,
            "updated_at": summary.updated_at,
        }


def person_rows(origin):
    for person in Person.objects.order_by("name", "pk").iterator(chunk_size=CHUNK_SIZE):
        yield {
            "slug": person.slug,
            "name": person.name,
            "summary": person.summary,
            "url": page_url(origin, person),
        }


def organization_rows(origin):
    organizations = Organization.objects.select_related("parent").order_by("name", "pk")
    for organization in organizations.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "slug": organization.slug,
            "name": organization.name,
            "abbreviation": organization.abbreviation,
            "kind": organization.kind,
            "country": organization.country.code,
            "part_of": slug_of(organization.parent),
            "url": page_url(origin, organization),
        }


def post_rows(origin=None):
    posts = Post.objects.select_related("person", "organization").order_by(
        "person__name", "person", "pk"
    )
    for post in posts.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": post_id(post.pk),
            "person": post.person.slug,
            "organization": post.organization.slug,
            "title": post.title,
            "start_date": post.start_date,
            "end_date": post.end_date,
        }


def outlet_rows(origin=None):
    for outlet in Outlet.objects.order_by("name", "pk").iterator(chunk_size=CHUNK_SIZE):
        yield {
            "slug": outlet.slug,
            "name": outlet.name,
            "homepage": outlet.homepage,
            "country": outlet.country.code,
            "language": outlet.language,
        }


def other_name_rows(origin=None):
    kinds = [
        ("person", PersonName.objects.values_list("person__slug", "name", "language", "note")),
        (
            "organization",
            OrganizationName.objects.values_list("organization__slug", "name", "language", "note"),
        ),
        ("outlet", OutletName.objects.values_list("outlet__slug", "name")),
    ]
    for kind, names in kinds:
        names = names.order_by(f"{kind}__slug", "name", "pk")
        for slug, name, *rest in names.iterator(chunk_size=CHUNK_SIZE):
            language, note = rest or ("", "")
            yield {"of": kind, "slug": slug, "name": name, "language": language, "note": note}
