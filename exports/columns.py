"""What each downloadable table holds: its columns, their types and meanings.

One description serves the CSV header, the JSON rows, the archive's README and
`datapackage.json`, the Open data page and the API's OpenAPI document. Types are those
of Frictionless Table Schema: `string`, `integer`, `boolean`, `date` (YYYY-MM-DD),
`datetime` (ISO 8601 in UTC) and `array` (a JSON list; in CSV its items joined by
`LIST_SEPARATOR`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

#: Between the items of a list in a CSV cell.
LIST_SEPARATOR = "; "


#: How the Open data page names each type.
TYPE_LABELS = {
    "string": _("text"),
    "integer": _("whole number"),
    "boolean": _("true or false"),
    "date": _("date"),
    "datetime": _("date and time"),
    "array": _("list"),
}


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    type: str = "string"
    #: Whether the value may be missing: `null` in JSON, an empty cell in CSV.
    nullable: bool = False

    @property
    def type_label(self):
        return TYPE_LABELS[self.type]


@dataclass(frozen=True)
class Table:
    """A file of the archive, or the rows of a download."""

    name: str
    description: str
    columns: tuple

    @property
    def filename(self):
        return f"{self.name}.csv"


MEETINGS = Table(
    "meetings",
    _("Published meeting summaries, latest meeting first: one row per meeting."),
    (
        Column("slug", _("The meeting's identifier; its page is /en/meetings/<slug>/.")),
        Column("title", _("Its title.")),
        Column("date", _("The day it took place."), "date"),
        Column(
            "kind",
            _("meeting, visit, address, reception, consultation, call, negotiation or other."),
        ),
        Column("venue", _("The building, session or occasion; empty when unknown.")),
        Column("city", _("The city; empty when unknown.")),
        Column("country", _("The country, as an ISO 3166-1 alpha-2 code; empty when unknown.")),
        Column("organizer", _("The organizer's identifier (see organizations)."), nullable=True),
        Column("organizer_name", _("The organizer's name."), nullable=True),
        Column(
            "part_of",
            _("The identifier of the published meeting it is part of (a visit, a session)."),
            nullable=True,
        ),
        Column("language", _("The language of the summary, as an ISO 639-1 code.")),
        Column("summary", _("The desk's account; paragraphs are separated by a blank line.")),
        Column("topics", _("The subjects discussed, by name."), "array"),
        Column(
            "participants",
            _(
                "Who took part, in order: each one's name, or the name as reported when "
                "they are not in the database."
            ),
            "array",
        ),
        Column("mentioned_people", _("People discussed who did not take part."), "array"),
        Column(
            "reports",
            _("The identifiers of the published reports covering it (see articles)."),
            "array",
        ),
        Column("url", _("Its public page.")),
        Column("updated_at", _("When the summary was last changed."), "datetime"),
    ),
)

PARTICIPANTS = Table(
    "participants",
    _(
        "Who took part in each published meeting, in the post they held then: one row "
        "per participant, latest meeting first, in the meeting's order."
    ),
    (
        Column("meeting", _("The meeting's identifier (see meetings).")),
        Column("meeting_title", _("The meeting's title.")),
        Column("meeting_date", _("The day the meeting took place."), "date"),
        Column("meeting_kind", _("The kind of meeting (see meetings).")),
        Column("meeting_city", _("The meeting's city; empty when unknown.")),
        Column("meeting_country", _("The meeting's country code; empty when unknown.")),
        Column("position", _("The participant's place in the meeting's list, from 1."), "integer"),
        Column(
            "person",
            _("The person's identifier (see people); empty when not yet in the database."),
            nullable=True,
        ),
        Column("name", _("The person's name, or the name as reported.")),
        Column("reported_name", _("The name exactly as the report gave it.")),
        Column("reported_title", _("The title exactly as the report gave it; may be empty.")),
        Column("side", _("host, guest or other.")),
        Column("post", _("The identifier of the post held then (see posts)."), nullable=True),
        Column("post_title", _("The title of that post."), nullable=True),
        Column(
            "post_organization",
            _("The identifier of the organization of that post."),
            nullable=True,
        ),
        Column("post_organization_name", _("The name of that organization."), nullable=True),
        Column("post_start_date", _("When the post began, where known."), "date", True),
        Column("post_end_date", _("When the post ended, where known."), "date", True),
        Column(
            "representing",
            _("The identifier of the organization or state they spoke for."),
            nullable=True,
        ),
        Column("representing_name", _("The name of that organization or state."), nullable=True),
    ),
)

ARTICLES = Table(
    "articles",
    _("Published reports, newest first, with their full text."),
    (
        Column("slug", _("The report's identifier; its page is /en/articles/<slug>/.")),
        Column("title", _("Its headline.")),
        Column("language", _("The language it is written in, as an ISO 639-1 code.")),
        Column("published_at", _("When the outlet published it."), "datetime"),
        Column("updated_at", _("When it was last changed here."), "datetime"),
        Column("outlet", _("The identifier of the outlet that published it (see outlets).")),
        Column(
            "agency",
            _("The identifier of the agency the story came from, for a republication."),
            nullable=True,
        ),
        Column("dateline", _("The place line, e.g. Baku; may be empty.")),
        Column("byline", _("The author line; may be empty.")),
        Column("source_url", _("Its address on the outlet's site; may be empty.")),
        Column("url", _("Its public page here.")),
        Column("body", _("Plain text; paragraphs are separated by a blank line.")),
        Column("people", _("The identifiers of the people it names (see people)."), "array"),
        Column(
            "organizations",
            _("The identifiers of the organizations it names (see organizations)."),
            "array",
        ),
    ),
)

TRANSLATIONS = Table(
    "translations",
    _("Which published report translates which: one row per pair."),
    (
        Column("source", _("The identifier of the original report (see articles).")),
        Column("translation", _("The identifier of its translation (see articles).")),
        Column("source_language", _("The original's language.")),
        Column("translation_language", _("The translation's language.")),
        Column("method", _("How it was made: publisher, human or machine.")),
        Column(
            "is_outdated",
            _("Whether the original's title or body changed since it was translated."),
            "boolean",
        ),
    ),
)

COVERAGE = Table(
    "coverage",
    _("Which published report covers which published meeting: one row per pair."),
    (
        Column("meeting", _("The meeting's identifier (see meetings).")),
        Column("article", _("The report's identifier (see articles).")),
    ),
)

SUMMARY_TRANSLATIONS = Table(
    "summary_translations",
    _("The summaries of published meetings in other languages."),
    (
        Column("meeting", _("The meeting's identifier (see meetings).")),
        Column("language", _("The language of this summary, as an ISO 639-1 code.")),
        Column("title", _("The meeting's title in that language.")),
        Column("summary", _("The summary; paragraphs are separated by a blank line.")),
        Column(
            "is_outdated",
            _("Whether the original summary changed since it was translated."),
            "boolean",
        ),
        Column("updated_at", _("When this summary was last changed."), "datetime"),
    ),
)

PEOPLE = Table(
    "people",
    _("Everyone the desk has recorded, by name."),
    (
        Column("slug", _("The person's identifier; their page is /en/people/<slug>/.")),
        Column("name", _("Their name.")),
        Column("summary", _("One or two sentences on who this is; may be empty.")),
        Column("url", _("Their public page.")),
    ),
)

ORGANIZATIONS = Table(
    "organizations",
    _("States, UN bodies, ministries and other organizations, by name."),
    (
        Column("slug", _("The organization's identifier; its page is /en/organizations/<slug>/.")),
        Column("name", _("Its name.")),
        Column("abbreviation", _("Its short name, e.g. OHCHR; may be empty.")),
        Column(
            "kind",
            _("state, government, ministry, intergovernmental, un-body, ombudsman, ngo or other."),
        ),
        Column("country", _("Its country, as an ISO 3166-1 alpha-2 code; may be empty.")),
        Column(
            "part_of",
            _("The identifier of the organization it is part of."),
            nullable=True,
        ),
        Column("url", _("Its public page.")),
    ),
)

POSTS = Table(
    "posts",
    _("The posts people held in organizations (Popolo's memberships)."),
    (
        Column("id", _("The post's identifier, as in participants and popolo.json.")),
        Column("person", _("The holder's identifier (see people).")),
        Column("organization", _("The organization's identifier (see organizations).")),
        Column("title", _("The post's title.")),
        Column("start_date", _("When it began, where known."), "date", True),
        Column("end_date", _("When it ended, where known."), "date", True),
    ),
)

OUTLETS = Table(
    "outlets",
    _("News outlets and agencies, by name."),
    (
        Column("slug", _("The outlet's identifier.")),
        Column("name", _("Its name.")),
        Column("homepage", _("Its site's address; may be empty.")),
        Column("country", _("Its country, as an ISO 3166-1 alpha-2 code; may be empty.")),
        Column("language", _("The language it usually publishes in; may be empty.")),
    ),
)

OTHER_NAMES = Table(
    "other_names",
    _("Other names of people, organizations and outlets: other languages and scripts."),
    (
        Column("of", _("What the name belongs to: person, organization or outlet.")),
        Column("slug", _("The identifier of that person, organization or outlet.")),
        Column("name", _("The other name.")),
        Column("language", _("Its language, as an ISO 639-1 code; may be empty.")),
        Column("note", _("A note, such as “initials”; may be empty.")),
    ),
)

#: The tables of the archive, in the order of its README.
ARCHIVE_TABLES = (
    ARTICLES,
    TRANSLATIONS,
    MEETINGS,
    PARTICIPANTS,
    COVERAGE,
    SUMMARY_TRANSLATIONS,
    PEOPLE,
    ORGANIZATIONS,
    POSTS,
    OUTLETS,
    OTHER_NAMES,
)

#: The shapes of the meeting list's download (`?rows=`).
MEETING_ROWS = {"meetings": MEETINGS, "participants": PARTICIPANTS}
