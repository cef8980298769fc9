"""People, organizations, their posts and the published meetings as Popolo JSON
(https://www.popoloproject.com/specs/): `persons`, `organizations`, `memberships` (a
`Post` is Popolo's Membership) and `events`.

Identifiers are the site's slugs, and `post-<n>` for memberships, as in the CSV tables
(`columns`). The document's shape is `schemas/popolo.json`, a JSON Schema (2020-12).
Other names carry their language as `lang`, as EveryPolitician's Popolo data does; an
organization's abbreviation is one of its other names, noted "abbreviation".
"""

from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation

from people.models import Organization, OrganizationName, Person, PersonName, Post

from .rows import CHUNK_SIZE, page_url, post_id, published_meetings, read_meetings, slug_of

SCHEMA = Path(__file__).resolve().parent / "schemas" / "popolo.json"


def document(origin):
    """The document's members, each an iterator of objects, to write as they come."""
    return {
        "persons": persons(origin),
        "organizations": organizations(origin),
        "memberships": memberships(),
        "events": events(origin),
    }


def other_names(names):
    return [
        {"name": other.name, "lang": other.language or None, "note": other.note or None}
        for other in names
    ]


def persons(origin):
    people = Person.objects.prefetch_related(
        Prefetch("other_names", queryset=PersonName.objects.order_by("language", "name", "pk"))
    ).order_by("name", "pk")
    for person in people.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": person.slug,
            "name": person.name,
            "other_names": other_names(person.other_names.all()),
            "summary": person.summary,
            "links": [{"url": page_url(origin, person), "note": settings.SITE_NAME}],
        }


def organizations(origin):
    found = (
        Organization.objects.select_related("parent")
        .prefetch_related(
            Prefetch(
                "other_names",
                queryset=OrganizationName.objects.order_by("language", "name", "pk"),
            )
        )
        .order_by("name", "pk")
    )
    for organization in found.iterator(chunk_size=CHUNK_SIZE):
        abbreviation = (
            [{"name": organization.abbreviation, "lang": None, "note": "abbreviation"}]
            if organization.abbreviation
            else []
        )
        yield {
            "id": organization.slug,
            "name": organization.name,
            "other_names": abbreviation + other_names(organization.other_names.all()),
            "classification": organization.kind,
            "parent_id": slug_of(organization.parent),
            "links": [{"url": page_url(origin, organization), "note": settings.SITE_NAME}],
        }


def iso(day):
    return day.isoformat() if day is not None else None


def memberships():
    posts = Post.objects.select_related("person", "organization").order_by(
        "person__name", "person", "pk"
    )
    for post in posts.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": post_id(post.pk),
            "label": post.title,
            "role": post.title,
            "person_id": post.person.slug,
            "organization_id": post.organization.slug,
            "start_date": iso(post.start_date),
            "end_date": iso(post.end_date),
        }


def attendee(participant):
    """A participant as a Popolo person, with one membership when anything is known of
    their part: the post they held then (its `id` is the membership's), their title as
    reported (`label`) and the organization or state they spoke for
    (`on_behalf_of_id`)."""
    person, post, represented = participant.person, participant.post, participant.organization
    held = []
    if post is not None or represented is not None or participant.reported_title:
        held.append(
            {
                "id": post_id(participant.post_id),
                "label": participant.reported_title or (post.title if post else None),
                "role": post.title if post else None,
                "person_id": slug_of(person),
                "organization_id": post.organization.slug if post else None,
                "on_behalf_of_id": slug_of(represented),
                "start_date": iso(post.start_date) if post else None,
                "end_date": iso(post.end_date) if post else None,
            }
        )
    return {"id": slug_of(person), "name": str(participant), "memberships": held}


def events(origin):
    for meeting in read_meetings(published_meetings()):
        parent = meeting.parent
        with translation.override(settings.LANGUAGE_CODE):
            location = meeting.place
        yield {
            "id": meeting.slug,
            "name": meeting.title,
            "description": meeting.summary,
            "start_date": meeting.date.isoformat(),
            "location": location or None,
            "classification": meeting.kind,
            "organization_id": slug_of(meeting.organizer),
            "parent_id": parent.slug if parent is not None and parent.is_published else None,
            "attendees": [attendee(participant) for participant in meeting.participants.all()],
            "sources": [
                {"url": origin + report.get_canonical_url(), "note": report.title}
                for report in meeting.reports.all()
            ],
        }
