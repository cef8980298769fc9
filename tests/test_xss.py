"""Every stored string is untrusted: the XSS corpus (tests/xss_payloads.py) is stored in
every text field a reader or an editor sees, and each page, feed and API answer must give
it back as text.

HTML pages must carry each payload escaped, never raw, and hold no markup the payloads
could have brought: no event-handler attribute, no javascript:/data:/vbscript: address,
no script but the JSON-LD data block (which must parse, with every value equal to what
was stored), no frame, plugin, base or refresh. Feeds must parse as XML with the payload
as text; the API must return it verbatim, as JSON that no browser would sniff as HTML.

The corpus is stored once for the module, in a transaction rolled back at its end.
"""

import html
import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.text import Truncator

from articles import models
from core.feeds import DESCRIPTION_WORDS
from core.models import is_web_address, paragraphs_of
from ingest.importers import Importer
from meetings import models as meetings_models
from search.query import MAX_QUERY_LENGTH
from tests import xss_payloads
from tests.admin_forms import admin_page, model_named
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OutletFactory,
    ParticipantFactory,
    PersonFactory,
    UserFactory,
)
from tests.xss_payloads import PAYLOADS, fitted, storable, store

pytestmark = pytest.mark.django_db

#: Tags the public templates use; anything else on a public page was injected.
PUBLIC_TAGS = {
    *"html head meta title link script body header nav ul li a form label input button".split(),
    *"main footer p h1 h2 h3 span div time section article aside dl dt dd strong br".split(),
    *"select option fieldset legend mark".split(),
    *"figure details summary table caption thead tbody tr th td ol svg g line rect circle".split(),
    *"text desc".split(),
}
#: Tags no page of the site, public or admin, ever has.
FOREIGN_TAGS = {
    *"iframe frame frameset object embed applet base math marquee video audio source".split(),
    *"isindex animate set style".split(),
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}
BAD_SCHEME = re.compile(r"(?:javascript|vbscript|data):", re.IGNORECASE)
MARKER = re.compile(r"alert\(|__xss|xss-|msgbox|expression\(")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
ATOM = "{http://www.w3.org/2005/Atom}"
RSS_TAGS = {"rss", "channel", "title", "link", "description", "lastBuildDate", "item"}
RSS_TAGS |= {"pubDate", "guid", "category", "{http://purl.org/dc/elements/1.1/}creator"}
RSS_TAGS |= {f"{ATOM}link", "language"}
ATOM_TAGS = {f"{ATOM}{name}" for name in "feed title link id updated subtitle entry".split()}
ATOM_TAGS |= {f"{ATOM}{name}" for name in "published summary author name category".split()}


@pytest.fixture(scope="module")
def rows(django_db_setup, django_db_blocker):
    """One row of records per payload the database can hold, each payload in every text
    field of its row; stored once, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield store(storable(connection.vendor), UserFactory(username="xss-desk"))
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def escaped_forms(rows):
    """The escaped form of every string stored, longest first."""
    return sorted({escape(text) for text in stored_strings(rows)}, key=len, reverse=True)


@pytest.fixture(scope="module")
def sampled(rows):
    return xss_payloads.sampled(rows)


@pytest.fixture(scope="module")
def breakouts(rows):
    return xss_payloads.breakouts(rows)


def stored_strings(rows):
    """Every text value the rows hold."""
    for row in rows:
        yield from (row.outlet.name, row.outlet.homepage, row.person.name, row.person.summary)
        yield from (row.organization.name, row.organization.abbreviation, row.post.title)
        yield from (row.topic.name, row.article.title, row.article.dateline, row.article.byline)
        yield from (row.article.source_url, row.article.body, row.translation.title)
        yield from (row.link.notes, row.meeting.title, row.meeting.venue, row.meeting.city)
        yield from (row.meeting.summary, row.summary.title, row.summary.summary)
        for participant in row.participants:
            yield from (participant.reported_name, participant.reported_title)
        for other in [*row.person.other_names.all(), *row.organization.other_names.all()]:
            yield from (other.name, other.note)
        yield from row.outlet.other_names.values_list("name", flat=True)


# Checks -----------------------------------------------------------------------------------


class Markup(HTMLParser):
    """Reads a page as a browser would build it, noting anything a payload could have
    brought in: a tag, an event handler, an executable address, a script."""

    def __init__(self, allowed_tags=None):
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.problems = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.allowed_tags is not None and tag not in self.allowed_tags:
            self.problems.append(f"<{tag}> element")
        if tag in FOREIGN_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"{name} attribute on <{tag}>")
            elif name == "id" and value.startswith("xss"):
                self.problems.append(f"id {value!r}")
            elif name == "srcdoc" or (name == "style" and MARKER.search(value)):
                self.problems.append(f"{name} attribute on <{tag}>")
            elif name in URL_ATTRIBUTES and BAD_SCHEME.match(browser_url(value)):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "meta" and "http-equiv" in attributes:
            self.problems.append("<meta http-equiv>")
        self.scripts += tag == "script"
        if tag == "script" and attributes.get("type") != "application/ld+json":
            source = attributes.get("src") or ""
            if not source.startswith("/") or source.startswith("//"):
                self.problems.append(f"script {source!r}")
        if tag == "link" and not (attributes.get("href") or "").startswith(("/", "http")):
            self.problems.append(f"link to {attributes.get('href')!r}")


def browser_url(value):
    """An address as a browser reads it: tabs and newlines dropped, leading controls
    and spaces stripped."""
    return re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(0x21))))


def assert_inert(page, *, admin=False):
    """The page holds no markup but the site's own, and its JSON-LD stays data."""
    markup = Markup(None if admin else PUBLIC_TAGS)
    markup.feed(page)
    markup.close()
    assert markup.problems == []
    assert page.lower().count("<script") == markup.scripts
    blocks = JSON_LD.findall(page)
    for block in blocks:
        assert "</script" not in block.lower()
        assert "<!--" not in block
        assert "<" not in block
    return [json.loads(block) for block in blocks]


def leaks(page, text, escaped_forms):
    """Whether `text` appears raw in `page`, other than inside the escaped form of a
    stored string (the escaped form of one payload may be another payload)."""
    start = page.find(text)
    while start != -1:
        covers = [
            form
            for form, offset in containing(text, tuple(escaped_forms))
            if page.startswith(form, start - offset)
        ]
        if not covers:
            return True
        start = page.find(text, start + 1)
    return False


@cache
def containing(text, escaped_forms):
    return [
        (form, offset)
        for form in escaped_forms
        for offset in (m.start() for m in re.finditer(re.escape(text), form))
    ]


def assert_shown(page, escaped_forms, *texts, paragraphs=(), lines=()):
    """Each text is on the page escaped, and nowhere raw; each text of `paragraphs` is
    shown paragraph by paragraph, and each of `lines` whole, line breaks as <br>."""
    visible = JSON_LD.sub("", page)
    expected = [(text, escape(text)) for text in texts if text]
    expected += [(text, linebreaksbr(text)) for text in lines]
    for text in paragraphs:
        expected += [(paragraph, linebreaksbr(paragraph)) for paragraph in paragraphs_of(text)]
    for text, shown in expected:
        assert shown in visible, f"{text[:80]!r} is not shown escaped"
        if escape(text) != text:
            assert not leaks(visible, text, escaped_forms), f"{text[:80]!r} is shown raw"


def assert_not_raw(page, text, escaped_forms):
    if escape(text) != text:
        assert not leaks(JSON_LD.sub("", page), text, escaped_forms), f"{text[:80]!r} is raw"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def pages(client, url):
    """The page at `url` and every page its "next" links lead to, as one text."""
    path, texts = url.split("?")[0], []
    while url:
        texts.append(get(client, url))
        found = re.search(r'rel="next" href="([^"]+)"', texts[-1])
        url = found and html.unescape(found.group(1))
        if url and url.startswith("?"):
            url = path + url
    return "".join(texts)


# Public pages -------------------------------------------------------------------------------


def test_home_page_shows_the_latest_reports_and_meetings_escaped(client, rows, escaped_forms):
    page = get(client, "/en/")
    assert_inert(page)
    for row in rows[:5]:
        assert_shown(page, escaped_forms, row.article.title, row.translation.title)
        assert_shown(page, escaped_forms, row.outlet.name)
    for row in rows[:6]:
        assert_shown(page, escaped_forms, row.meeting.title, row.meeting.venue, row.meeting.city)
        assert_shown(page, escaped_forms, *(str(p) for p in row.participants))


def test_article_list_pages_and_menus_show_every_report_escaped(client, rows, escaped_forms):
    listed = pages(client, "/en/articles/")
    assert_inert(listed)
    for row in rows:
        assert_shown(listed, escaped_forms, row.article.title, row.translation.title)
        assert_shown(listed, escaped_forms, row.outlet.name, row.topic.name)


def test_filtered_article_list_names_each_filter_escaped(client, sampled, escaped_forms):
    for row in sampled:
        query = {
            "outlet": row.outlet.slug,
            "person": row.person.slug,
            "organization": row.organization.slug,
            "topic": row.topic.slug,
        }
        page = get(client, f"/en/articles/?{urlencode(query)}")
        assert_inert(page)
        assert_shown(page, escaped_forms, row.article.title, row.person.name)
        assert_shown(page, escaped_forms, row.organization.name, row.outlet.name)
        assert escape(f"Reports from {row.outlet.name} (RSS)") in page


def test_a_payload_as_a_filter_value_is_refused_escaped(client, sampled, escaped_forms):
    for row in sampled:
        text = row.payload.text
        query = {"outlet": text, "published_after": text, "language": text}
        page = get(client, f"/en/articles/?{urlencode(query)}", status=400)
        assert_inert(page)
        assert_not_raw(page, text, escaped_forms)


def test_article_pages_show_each_field_escaped(client, rows, escaped_forms):
    for index, row in enumerate(rows):
        article, meeting = row.article, row.meeting
        page = get(client, f"/en/articles/{article.slug}/")
        (data,) = assert_inert(page)
        assert_shown(page, escaped_forms, article.title, article.dateline, article.byline)
        assert_shown(page, escaped_forms, row.outlet.name, row.person.name, meeting.title)
        assert_shown(page, escaped_forms, row.organization.name, row.translation.title)
        assert_shown(page, escaped_forms, paragraphs=[article.body])
        if index:
            assert_shown(page, escaped_forms, rows[index - 1].outlet.name)
        assert_original_link(page, article.source_url)

        assert data["headline"] == article.title
        assert data["dateline"] == article.dateline
        assert data["author"]["name"] == article.byline
        assert data["publisher"]["name"] == row.outlet.name
        assert data["publisher"].get("url") == web_or_none(row.outlet.homepage)
        assert data.get("isBasedOn") == web_or_none(article.source_url)
        assert data["description"] == paragraphs_of(article.body)[0][:300]
        assert [item["name"] for item in data["mentions"]] == [
            row.person.name,
            row.organization.name,
        ]
        assert data["about"][0]["name"] == meeting.title
        assert data["workTranslation"][0]["headline"] == row.translation.title
        if index:
            assert data["sourceOrganization"]["name"] == rows[index - 1].outlet.name


def test_translation_pages_show_their_original_escaped(client, rows, escaped_forms):
    for row in rows:
        page = get(client, f"/en/articles/{row.translation.slug}/")
        (data,) = assert_inert(page)
        assert_shown(page, escaped_forms, row.translation.title, row.article.title)
        assert_shown(page, escaped_forms, paragraphs=[row.translation.body])
        assert "The original was updated after this translation." in page
        assert data["headline"] == row.translation.title
        assert data["translationOfWork"]["headline"] == row.article.title


def web_or_none(url):
    return url if is_web_address(url) else None


def assert_original_link(page, address):
    """The original address is a link only when it is a web address."""
    links = re.findall(r'<a class="original-link" href="([^"]*)"', page)
    assert links == ([escape(address)] if is_web_address(address) else [])


def test_meeting_pages_show_each_field_escaped(client, rows, escaped_forms):
    root = rows[0].organization
    for row in rows:
        meeting, post = row.meeting, row.post
        page = get(client, f"/en/meetings/{meeting.slug}/")
        (data,) = assert_inert(page)
        assert_shown(page, escaped_forms, meeting.title, meeting.venue, meeting.city)
        assert_shown(page, escaped_forms, row.organization.name, row.person.name, post.title)
        assert_shown(page, escaped_forms, row.topic.name, row.article.title, row.outlet.name)
        assert_shown(page, escaped_forms, row.translation.title, root.name)
        for participant in row.participants:
            assert_shown(page, escaped_forms, participant.reported_title)
        assert_shown(page, escaped_forms, row.participants[1].reported_name)
        assert_shown(page, escaped_forms, paragraphs=[meeting.summary])
        assert_original_link_in_reports(page, row.article.source_url)

        assert data["name"] == meeting.title
        assert data["description"] == paragraphs_of(meeting.summary)[0][:300]
        assert data["location"]["name"] == meeting.venue
        assert data["location"]["address"]["addressLocality"] == meeting.city
        assert data["organizer"]["name"] == row.organization.name
        host, guest = data["attendee"]
        assert (host["name"], host["jobTitle"]) == (row.person.name, post.title)
        assert host["affiliation"]["name"] == root.name
        assert guest["name"] == row.participants[1].reported_name
        assert guest["jobTitle"] == row.participants[1].reported_title
        assert [thing["name"] for thing in data["about"]] == [row.topic.name]
        assert data["subjectOf"][0]["headline"] == row.article.title


def assert_original_link_in_reports(page, address):
    links = re.findall(r'<a href="([^"]*)" rel="external noopener noreferrer">', page)
    assert links == ([escape(address)] if is_web_address(address) else [])


def test_meeting_pages_in_french_show_the_summary_translation_escaped(client, rows, escaped_forms):
    for row in rows:
        page = get(client, f"/fr/meetings/{row.meeting.slug}/")
        (data,) = assert_inert(page)
        assert_shown(page, escaped_forms, row.summary.title)
        assert_shown(page, escaped_forms, paragraphs=[row.summary.summary])
        assert data["name"] == row.summary.title
        assert data["description"] == paragraphs_of(row.summary.summary)[0][:300]


#: The highlighting of a fact on a meeting's comparison: what it adds around the text.
HIGHLIGHT = re.compile(
    r'<mark class="fact [^"]*">|</mark>|<span class="fact-cue" aria-hidden="true">[^<]*</span>'
    r'|<span class="visually-hidden" lang="[a-z]+"> \([^<]*\)</span>'
)


def test_meeting_coverage_pages_show_each_report_escaped(client, rows, escaped_forms):
    """The comparison of a meeting's reports, the translation beside its source: every
    payload escaped, in the text and in the facts highlighted in it."""
    for row in rows:
        meetings_models.Coverage.objects.create(meeting=row.meeting, article=row.translation)
    highlighted = 0
    for row in rows:
        page = get(client, f"/en/meetings/{row.meeting.slug}/coverage/")
        assert_inert(page)
        highlighted += '<mark class="fact' in page
        assert_shown(page, escaped_forms, row.meeting.title, row.meeting.city, row.outlet.name)
        assert_shown(page, escaped_forms, row.article.title, row.translation.title)
        text = HIGHLIGHT.sub("", page)
        assert_shown(text, escaped_forms, paragraphs=[row.article.body, row.translation.body])
        assert page.count('<div class="aligned-cell" lang="fr">') == len(
            paragraphs_of(row.translation.body)
        )
    # The payloads name the people and organizations of their rows: many are found.
    assert highlighted > len(rows) / 2


def test_meeting_timeline_shows_every_meeting_escaped(client, rows, escaped_forms):
    for timeline in (pages(client, "/en/meetings/"), get(client, "/en/meetings/2024/")):
        assert_inert(timeline)
        for row in rows:
            assert_shown(timeline, escaped_forms, row.meeting.title, row.meeting.venue)
            assert_shown(timeline, escaped_forms, *(str(p) for p in row.participants))


def test_filtered_meeting_list_names_each_filter_escaped(client, sampled, escaped_forms):
    for row in sampled:
        query = {
            "topic": row.topic.slug,
            "person": row.person.slug,
            "organization": row.organization.slug,
        }
        page = get(client, f"/en/meetings/?{urlencode(query)}")
        assert_inert(page)
        assert_shown(page, escaped_forms, row.meeting.title, row.person.name)
        assert_shown(page, escaped_forms, row.organization.name, row.topic.name)


def test_a_payload_as_a_meeting_filter_is_refused_escaped(client, sampled, escaped_forms):
    for row in sampled:
        text = row.payload.text
        query = urlencode({"kind": text, "topic": text, "date_after": text, "person": text})
        page = get(client, f"/en/meetings/?{query}", status=400)
        assert_inert(page)
        assert_not_raw(page, text, escaped_forms)
        refused = client.get(f"/en/open-data/meetings.csv?{query}")
        assert refused.status_code == 400
        assert refused["Content-Type"] == "application/json"
        assert text in refused.json()["kind"][0]


def streamed_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    return json.loads(b"".join(response.streaming_content))


def test_downloads_give_every_payload_verbatim(client, rows):
    meetings = {item["slug"]: item for item in streamed_json(client, "/en/open-data/meetings.json")}
    participants = streamed_json(client, "/en/open-data/meetings.json?rows=participants")
    popolo = streamed_json(client, "/en/open-data/popolo.json")
    persons = {person["id"]: person for person in popolo["persons"]}
    organizations = {organization["id"]: organization for organization in popolo["organizations"]}
    events = {event["id"]: event for event in popolo["events"]}
    for row in rows:
        meeting = meetings[row.meeting.slug]
        assert (meeting["title"], meeting["venue"], meeting["city"], meeting["summary"]) == (
            row.meeting.title,
            row.meeting.venue,
            row.meeting.city,
            row.meeting.summary,
        )
        assert (meeting["organizer_name"], meeting["topics"]) == (
            row.organization.name,
            [row.topic.name],
        )
        assert meeting["participants"] == [str(p) for p in row.participants]
        assert meeting["mentioned_people"] == [row.person.name]
        theirs = [item for item in participants if item["meeting"] == row.meeting.slug]
        assert [(p["reported_name"], p["reported_title"]) for p in theirs] == [
            (p.reported_name, p.reported_title) for p in row.participants
        ]
        assert theirs[0]["post_title"] == row.post.title
        person = persons[row.person.slug]
        assert (person["name"], person["summary"]) == (row.person.name, row.person.summary)
        assert [(n["name"], n["note"]) for n in person["other_names"]] == list(
            row.person.other_names.values_list("name", "note")
        )
        organization = organizations[row.organization.slug]
        assert organization["name"] == row.organization.name
        assert organization["other_names"][0]["name"] == row.organization.abbreviation
        event = events[row.meeting.slug]
        assert (event["name"], event["description"]) == (row.meeting.title, row.meeting.summary)
        assert [attendee["name"] for attendee in event["attendees"]] == [
            str(p) for p in row.participants
        ]
        assert (
            event["attendees"][0]["memberships"][0]["label"] == row.participants[0].reported_title
        )


def test_people_pages_show_each_field_escaped(client, rows, escaped_forms):
    listed = pages(client, "/en/people/")
    assert_inert(listed)
    for row in rows:
        assert_shown(listed, escaped_forms, row.person.name, row.post.title)
        assert_shown(listed, escaped_forms, row.organization.name)
    for row in rows:
        person = row.person
        page = get(client, f"/en/people/{person.slug}/")
        assert_inert(page)
        assert_shown(page, escaped_forms, person.name, person.summary, row.post.title)
        assert_shown(page, escaped_forms, *person.other_names.values_list("name", flat=True))
        assert_shown(page, escaped_forms, row.organization.name, row.meeting.title)
        assert_shown(page, escaped_forms, row.article.title, row.outlet.name)
        assert escape(f"Reports mentioning {person.name} (RSS)") in page
        assert escape(f"Meetings of {person.name} (Atom)") in page
        # The organizer met them: it is drawn in the network, named as text.
        assert f"{xml_text(row.organization.name)}: 1 meeting" in drawn(page)


def test_organization_pages_show_each_field_escaped(client, rows, escaped_forms):
    root = rows[0].organization
    listed = pages(client, "/en/organizations/")
    assert_inert(listed)
    for row in rows:
        assert_shown(listed, escaped_forms, row.organization.name)
        assert_shown(listed, escaped_forms, row.organization.abbreviation)
    for row in rows:
        organization = row.organization
        page = get(client, f"/en/organizations/{organization.slug}/")
        assert_inert(page)
        assert_shown(page, escaped_forms, organization.name, organization.abbreviation)
        assert_shown(page, escaped_forms, *organization.other_names.values_list("name", flat=True))
        assert_shown(page, escaped_forms, row.person.name, row.post.title, row.meeting.title)
        assert_shown(page, escaped_forms, row.article.title, root.name)
        assert escape(f"Reports naming {organization.name} (RSS)") in page
        drawn(page)


def test_who_met_everyone_is_drawn_and_listed_escaped(client, rows, escaped_forms):
    """One meeting with every payload person in their post: its other participant met
    them all, and their organizations."""
    meeting = MeetingFactory(slug="everyone")
    hub = PersonFactory(name="Hub", slug="hub")
    ParticipantFactory(meeting=meeting, person=hub)
    for index, row in enumerate(rows):
        ParticipantFactory(
            meeting=meeting, person=row.person, post=row.post, reported_name=f"Payload {index}"
        )

    page = get(client, "/en/people/hub/")

    assert_inert(page)
    names = [row.person.name for row in rows] + [row.organization.name for row in rows]
    network = drawn(page)
    assert len(network) == 12
    assert set(network) <= {f"{xml_text(name)}: 1 meeting" for name in names}
    listed = meetings_models.Meeting.objects.filter(pk=meeting.pk)
    for counterpart in [*listed.people_met(hub)[:30], *listed.organizations_met(hub)[:30]]:
        assert_shown(page, escaped_forms, counterpart.name)


def drawn(page):
    """The names drawn in the page's charts, each an SVG document of its own, as XML
    reads them."""
    names = []
    for svg in re.findall(r"<svg .*?</svg>", page, re.S):
        root = ET.fromstring(svg)
        names += [
            group.findtext("{http://www.w3.org/2000/svg}title")
            for group in root.iter("{http://www.w3.org/2000/svg}g")
        ]
    return names


def test_search_echoes_each_payload_query_escaped(client, escaped_forms):
    """Every payload, NUL included on every database: a query is never stored."""
    for payload in PAYLOADS:
        query = payload.text
        terms = query.strip()
        refused = len(terms) > MAX_QUERY_LENGTH or "\x00" in query
        page = get(client, f"/en/search/?{urlencode({'q': query})}", 400 if refused else 200)
        assert_inert(page)
        assert_shown(page, escaped_forms, terms)
        assert (f"Results for “{escape(terms)}”" in page) is not refused


def test_search_results_show_matches_escaped(client, rows, escaped_forms):
    for row in rows[:10]:
        page = get(client, f"/en/search/?{urlencode({'q': row.payload.text[:60].strip()})}")
        assert_inert(page)
        assert_not_raw(page, row.article.title, escaped_forms)


def test_not_found_page_keeps_a_payload_in_the_address_inert(client, escaped_forms):
    for payload in PAYLOADS:
        text = payload.text
        for url in (
            f"/en/missing/{quote(text, safe='')}/",
            f"/en/missing/?{urlencode({'q': text})}",
        ):
            page = get(client, url, 404)
            assert_inert(page)
            assert_not_raw(page, text, escaped_forms)


def test_withdrawn_pages_name_the_report_escaped(client, rows, escaped_forms):
    for row in rows:
        page = get(client, f"/en/articles/{row.withdrawn.slug}/", 410)
        assert_inert(page)
        assert f"“{escape(row.withdrawn.title)}” is no longer published" in page


def test_original_address_is_only_ever_a_web_address():
    """Addresses that would run code are refused when stored, and never linked."""
    for address in (
        "javascript:alert(1)",
        "data:text/html,x",
        "vbscript:msgbox(1)",
        "ftp://x.org/",
    ):
        with pytest.raises(ValidationError):
            models.web_address(address)
    models.web_address("https://news.example.org/report")
    assert is_web_address("HTTPS://x.org")
    assert not is_web_address(" https://x.org")


def test_a_javascript_original_address_stored_by_code_is_never_a_link(client):
    article = ArticleFactory(source_url="javascript:alert(document.domain)", slug="script-address")
    article.outlet.homepage = "javascript:alert(2)"
    article.outlet.save()
    page = get(client, f"/en/articles/{article.slug}/")
    (data,) = assert_inert(page)
    assert "original-link" not in page
    assert "isBasedOn" not in data
    assert "url" not in data["publisher"]


# Feeds and sitemap -----------------------------------------------------------------------


def parse_feed(content, atom):
    root = ET.fromstring(content)
    tags = {element.tag for element in root.iter()}
    assert tags <= (ATOM_TAGS if atom else RSS_TAGS), tags - (ATOM_TAGS if atom else RSS_TAGS)
    return root


def feed_items(root, atom):
    """(title, description, author) of each item, as the feed's XML gives them as text."""
    if atom:
        for entry in root.iter(f"{ATOM}entry"):
            yield (
                entry.findtext(f"{ATOM}title"),
                html.unescape(entry.findtext(f"{ATOM}summary")),
                entry.findtext(f"{ATOM}author/{ATOM}name"),
                [category.get("term") for category in entry.iter(f"{ATOM}category")],
            )
        return
    for item in root.iter("item"):
        title = item.findtext("title")
        assert "<" not in title, "RSS titles are read as HTML: they must stay escaped"
        yield (
            html.unescape(title),
            html.unescape(item.findtext("description")),
            item.findtext("{http://purl.org/dc/elements/1.1/}creator"),
            [category.text for category in item.iter("category")],
        )


def xml_text(text):
    """What a feed carries of `text`: XML 1.0 cannot hold control characters."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)


def excerpt_of(body):
    return xml_text(Truncator(" ".join(paragraphs_of(body)[:2])).words(DESCRIPTION_WORDS))


@pytest.mark.parametrize("atom", [False, True], ids=["rss", "atom"])
def test_feeds_give_each_payload_back_as_text(client, rows, atom):
    suffix = "atom" if atom else "rss"
    meetings = {xml_text(row.meeting.title): row.meeting for row in rows}
    for row in rows:
        expected = {xml_text(article.title): article for article in (row.article, row.translation)}
        response = client.get(f"/en/feeds/outlets/{row.outlet.slug}.{suffix}")
        assert response.status_code == 200
        root = parse_feed(response.content, atom)
        title = root.findtext(f"{ATOM}title" if atom else "channel/title")
        assert title == xml_text(f"Newsroom: reports from {row.outlet.name}")
        items = list(feed_items(root, atom))
        assert {item[0] for item in items} == set(expected)
        for title, description, author, categories in items:
            article = expected[title]
            assert description == excerpt_of(article.body)
            assert author == xml_text(article.byline)
            assert xml_text(row.outlet.name) in categories

        response = client.get(f"/en/feeds/people/{row.person.slug}.{suffix}")
        root = parse_feed(response.content, atom)
        assert [item[0] for item in feed_items(root, atom)] == [xml_text(row.article.title)]

        organization = row.organization.slug
        response = client.get(f"/en/feeds/organizations/{organization}.{suffix}")
        root = parse_feed(response.content, atom)
        title = root.findtext(f"{ATOM}title" if atom else "channel/title")
        assert title == xml_text(f"Newsroom: reports naming {row.organization.name}")
        assert [item[0] for item in feed_items(root, atom)] == [xml_text(row.article.title)]
        for address in (
            f"/en/feeds/people/{row.person.slug}/meetings.{suffix}",
            f"/en/feeds/organizations/{organization}/meetings.{suffix}",
        ):
            items = list(feed_items(parse_feed(client.get(address).content, atom), atom))
            assert xml_text(row.meeting.title) in [item[0] for item in items]
            for title, description, *_ in items:
                assert description == excerpt_of(meetings[title].summary)
    meetings = {xml_text(row.meeting.title): row.meeting for row in rows}
    root = parse_feed(client.get(f"/en/feeds/meetings.{suffix}").content, atom)
    items = list(feed_items(root, atom))
    assert len(items) == 30
    for title, description, *_ in items:
        assert description == excerpt_of(meetings[title].summary)
    parse_feed(client.get(f"/en/feeds/articles.{suffix}").content, atom)


def test_sitemap_lists_addresses_only(client, rows):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(sections) == 4
    for section in sections:
        content = client.get(section).content
        root = ET.fromstring(content)
        for element in root.iter():
            for value in (element.text or "", *element.attrib.values()):
                assert not MARKER.search(value)
                assert "<" not in value
            if element.tag.endswith("}loc"):
                assert element.text.startswith("http://testserver/")


# API --------------------------------------------------------------------------------------


def api_pages(client, url):
    while url:
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"
        data = json.loads(response.content)
        yield from data["results"]
        url = data["next"]


def test_api_returns_every_payload_verbatim(client, rows, sampled):
    listed = {item["slug"]: item for item in api_pages(client, "/api/v1/articles/?page_size=100")}
    for row in rows:
        item, article = listed[row.article.slug], row.article
        assert (item["title"], item["dateline"], item["byline"]) == (
            article.title,
            article.dateline,
            article.byline,
        )
        assert item["source_url"] == article.source_url
        assert item["outlet"]["name"] == row.outlet.name
        agency = article.agency
        assert (item["agency"] and item["agency"]["name"]) == (agency and agency.name)
    for row in sampled:
        article = row.article
        detail = json.loads(client.get(f"/api/v1/articles/{article.slug}/").content)
        assert detail["body"] == article.body
        assert [person["name"] for person in detail["people"]] == [row.person.name]
        assert detail["organizations"][0]["abbreviation"] == row.organization.abbreviation
        assert detail["meetings"][0]["title"] == row.meeting.title
        assert detail["translation_group"]["translations"][0]["title"] == row.translation.title

    meetings = {item["slug"]: item for item in api_pages(client, "/api/v1/meetings/?page_size=100")}
    people = {item["slug"]: item for item in api_pages(client, "/api/v1/people/?page_size=100")}
    organizations = {
        item["slug"]: item for item in api_pages(client, "/api/v1/organizations/?page_size=100")
    }
    outlets = {item["slug"]: item for item in api_pages(client, "/api/v1/outlets/?page_size=100")}
    for row in rows:
        meeting = meetings[row.meeting.slug]
        assert (meeting["title"], meeting["venue"], meeting["city"], meeting["summary"]) == (
            row.meeting.title,
            row.meeting.venue,
            row.meeting.city,
            row.meeting.summary,
        )
        (summary,) = meeting["summary_translations"]
        assert (summary["title"], summary["summary"]) == (row.summary.title, row.summary.summary)
        assert [topic["name"] for topic in meeting["topics"]] == [row.topic.name]
        assert [(p["reported_name"], p["reported_title"]) for p in meeting["participants"]] == [
            (p.reported_name, p.reported_title) for p in row.participants
        ]
        assert meeting["participants"][0]["post"]["title"] == row.post.title
        assert meeting["organizer"]["name"] == row.organization.name

        person = people[row.person.slug]
        assert (person["name"], person["summary"]) == (row.person.name, row.person.summary)
        assert [(n["name"], n["note"]) for n in person["other_names"]] == list(
            row.person.other_names.values_list("name", "note")
        )
        organization = organizations[row.organization.slug]
        assert organization["name"] == row.organization.name
        assert [(n["name"], n["note"]) for n in organization["other_names"]] == list(
            row.organization.other_names.values_list("name", "note")
        )
        outlet = outlets[row.outlet.slug]
        assert (outlet["name"], outlet["homepage"]) == (row.outlet.name, row.outlet.homepage)
        assert outlet["other_names"] == list(row.outlet.other_names.values_list("name", flat=True))


# Admin ------------------------------------------------------------------------------------


admin_url = admin_page


def test_admin_change_lists_show_every_payload_escaped(admin_client, rows, escaped_forms):
    checks = {
        "article": lambda row: [row.article.title, row.translation.title, row.outlet.name],
        "meeting": lambda row: [row.meeting.title, row.meeting.venue, row.meeting.city],
        "person": lambda row: [row.person.name, row.post.title],
        "organization": lambda row: [row.organization.name, row.organization.abbreviation],
        "outlet": lambda row: [row.outlet.name],
        "topic": lambda row: [row.topic.name],
        "post": lambda row: [row.post.title],
        "translation": lambda row: [row.article.title],
        "summarytranslation": lambda row: [row.meeting.title],
    }
    for model, shown in checks.items():
        url = admin_url(f"{model}_changelist")
        count = model_named(model).objects.count()
        listed = "".join(get(admin_client, f"{url}?p={n}") for n in range(1, -(-count // 100) + 1))
        assert_inert(listed, admin=True)
        for row in rows:
            assert_shown(listed, escaped_forms, *shown(row))


def test_admin_search_echoes_the_payload_escaped(admin_client, breakouts, escaped_forms):
    for row in breakouts:
        text = row.payload.text.replace("\x00", "")
        page = get(admin_client, f"{admin_url('article_changelist')}?{urlencode({'q': text})}")
        assert_inert(page, admin=True)
        assert f'value="{escape(text.strip())}"' in page


def test_admin_change_forms_show_each_field_escaped(admin_client, breakouts, escaped_forms):
    """Forms put stored text in attributes, textareas and titles: the breakouts' rows."""
    for row in breakouts:
        article, meeting = row.article, row.meeting
        page = get(admin_client, admin_url("article_change", article.pk))
        assert_inert(page, admin=True)
        assert_shown(page, escaped_forms, article.title, article.body, article.dateline)
        assert_shown(page, escaped_forms, article.byline, article.source_url, row.outlet.name)
        assert_shown(page, escaped_forms, row.person.name, row.organization.name)
        assert_shown(page, escaped_forms, row.translation.title, row.link.notes)
        proposals = article.name_proposals.values_list("name", flat=True)
        assert_shown(page, escaped_forms, lines=[*proposals, article.workflow_events.get().comment])

        page = get(admin_client, admin_url("article_change", row.translation.pk))
        assert_inert(page, admin=True)
        assert_shown(page, escaped_forms, row.translation.title, article.title)
        for paragraph in paragraphs_of(article.body):
            assert escape(paragraph) in page

        page = get(admin_client, admin_url("meeting_change", meeting.pk))
        assert_inert(page, admin=True)
        assert_shown(page, escaped_forms, meeting.title, meeting.summary, meeting.venue)
        assert_shown(page, escaped_forms, meeting.city, row.summary.title, row.summary.summary)
        assert_shown(page, escaped_forms, row.topic.name, row.organization.name)
        for participant in row.participants:
            assert_shown(page, escaped_forms, participant.reported_name)
            assert_shown(page, escaped_forms, participant.reported_title)
        assert_shown(page, escaped_forms, lines=[meeting.workflow_events.get().comment])

        for name, record, texts in (
            ("person", row.person, [row.person.name, row.person.summary, row.post.title]),
            ("organization", row.organization, [row.organization.name, row.post.title]),
            ("outlet", row.outlet, [row.outlet.name]),
            ("topic", row.topic, [row.topic.name]),
            ("post", row.post, [row.post.title, row.person.name]),
            ("translation", row.link, [row.link.notes, row.article.title]),
            ("summarytranslation", row.summary, [row.summary.title, row.summary.summary]),
        ):
            page = get(admin_client, admin_url(f"{name}_change", record.pk))
            assert_inert(page, admin=True)
            assert_shown(page, escaped_forms, *texts)


def test_admin_history_shows_each_change_escaped(admin_client, sampled, escaped_forms):
    for row in sampled:
        page = get(admin_client, admin_url("article_history", row.article.pk))
        assert_inert(page, admin=True)
        assert_shown(page, escaped_forms, fitted(row.payload.text, 100))
        for line in row.article.title.splitlines():
            assert escape(f"+{line}") in page


def test_admin_translate_and_coverage_pages_name_items_escaped(
    admin_client, rows, sampled, escaped_forms
):
    for row in sampled:
        page = get(admin_client, admin_url("article_translate", row.article.pk))
        assert_inert(page, admin=True)
        assert f"Translate “{escape(row.article.title)}”" in page
    coverage = "".join(
        get(admin_client, f"{admin_url('meeting_coverage')}?page={n}") for n in (1, 2)
    )
    assert_inert(coverage, admin=True)
    for row in rows:
        assert_shown(coverage, escaped_forms, row.meeting.title)


def test_admin_import_preview_shows_what_was_read_escaped(admin_client, rows, escaped_forms):
    texts = [payload.text for payload in PAYLOADS if not payload.has_nul]
    # Each payload inside a sentence of its own paragraph, as hostile text comes in a
    # report (a paragraph of markup alone is page furniture, and is dropped).
    pasted = "Baku, 27 November 2017 (AZERTAC).\n\n" + "\n\n".join(
        f"The minister said {text} at the meeting in Baku." for text in texts
    )
    page_html = "<html><head><title>{0}</title></head><body><article><h1>{0}</h1>{1}</article>"
    files = [
        SimpleUploadedFile(
            "<img src=x onerror=alert(1)>.txt",
            f"Baku, 27 November 2017 (AZERTAC).\n\n{texts[-1]} {texts[2]}".encode(),
        ),
        SimpleUploadedFile(
            "report.html",
            page_html.format(escape(texts[0]), "".join(f"<p>{t}</p>" for t in texts)).encode(),
        ),
    ]
    response = admin_client.post(
        admin_url("article_import"), {"text": pasted, "outlet": texts[1], "files": files}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert_inert(page, admin=True)
    reports = [(f.name, f.open().read()) for f in files] + [("pasted text", pasted.encode())]
    previews = list(Importer(dry_run=True, outlet=texts[1]).import_many(reports))
    assert [preview.path for preview in previews] == [name for name, _ in reports]
    assert len(paragraphs_of(previews[-1].body)) > 80
    for preview in previews:
        assert_shown(page, escaped_forms, preview.path, preview.title, preview.outlet)
        assert_shown(page, escaped_forms, preview.dateline, preview.byline)
        for paragraph in paragraphs_of(preview.body or ""):
            assert escape(paragraph) in page


def test_admin_saves_a_typed_payload_verbatim_and_names_it_escaped(
    admin_client, breakouts, escaped_forms
):
    """What an editor types is stored as typed (NUL is refused), and the message naming
    the new record shows it escaped."""
    payloads = [row.payload for row in breakouts] + [p for p in PAYLOADS if p.has_nul][:1]
    names = [fitted(f"Topic {payload.text}", 200).strip() for payload in payloads]
    forms = [*escaped_forms, *(escape(name) for name in names)]
    for index, name in enumerate(names):
        data = {"name": name, "slug": f"typed-{index}"}
        response = admin_client.post(admin_url("topic_add"), data, follow=True)
        assert response.status_code == 200
        page = response.content.decode()
        assert_inert(page, admin=True)
        if "\x00" in name:
            assert "Null characters are not allowed." in page
            assert not meetings_models.Topic.objects.filter(slug=data["slug"]).exists()
            continue
        assert meetings_models.Topic.objects.get(slug=data["slug"]).name == name
        assert f">{escape(name)}</a>” was added successfully." in page
        assert_shown(page, forms, name)


def test_outlets_with_a_payload_homepage_never_link_it(admin_client):
    outlet = OutletFactory(homepage="javascript:alert(1)", slug="script-homepage")
    page = get(admin_client, admin_url("outlet_change", outlet.pk))
    assert_inert(page, admin=True)
    page = get(admin_client, admin_url("outlet_changelist"))
    assert_inert(page, admin=True)
    assert "javascript:alert(1)" in page
