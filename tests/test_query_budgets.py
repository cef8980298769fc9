"""Query budgets: every page costs the same number of queries whatever the data size.

Each page is requested once on a database of 5 items and once on one of 200, with the
same budget for both (`django_assert_max_num_queries`): a count that grows with the data
is an N+1. An item is a published article (about a third in translation groups), named
with 2 people and 1 organization; size // 5 published meetings each have 3 participants
in their posts, topics, and covering reports; drafts of both are there and must not
show. The data is built once per size and module, in a transaction rolled back at the
end, and each test runs in a savepoint inside it.

Budgets are the counts at 200 items (the larger of SQLite's and PostgreSQL's). A page
whose count grows is marked xfail(strict) at 200 items with the budget the 5-item case
needs, naming the queries that repeat. The ContentType cache is cleared before each
test, and so is the page cache (tests/conftest.py), so a count does not depend on which
tests ran before it: an anonymous page's count includes what the page cache does on a
cold cache, and each page is requested once per test.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace

import factory
import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from simple_history.utils import bulk_create_with_history

from articles import views
from articles.models import Article, Outlet, OutletName, Translation
from editorial.models import WorkflowEvent
from ingest.models import MeetingProposal, NameProposal, ProposedParticipant, RelationProposal
from meetings.models import Coverage, Meeting, Participant, SummaryTranslation, Topic
from people.models import Organization, OrganizationName, Person, PersonName, Post
from search import documents as search_documents
from search.models import SearchDocument
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    OutletFactory,
    PersonFactory,
    SummaryTranslationFactory,
    TopicFactory,
    TranslationFactory,
    UserFactory,
)

SIZES = [5, 200]
#: A word in every report and summary, for search.
WORD = "zorbalite"
#: In the title and slug of every draft: no public page may show it.
DRAFT = "zzdraft"


# The data ------------------------------------------------------------------------------


def create(factory_class, count, **fields):
    """`count` objects made by the factory, saved in bulk (with their history records,
    for a model that keeps one): saving one by one would reindex and mark the content
    changed after each, ten times slower. Related objects must be passed saved."""
    built = factory_class.build_batch(count, **fields)
    model = factory_class._meta.model
    if hasattr(model, "history"):
        return bulk_create_with_history(built, model)
    return model.objects.bulk_create(built)


def varying(values):
    """A different value for each object of a batch."""
    return factory.Iterator(list(values), cycle=False)


def build(size):
    """`size` published articles and what goes with them (see the module docstring); the
    featured items have fixed slugs. Links are written in bulk too, so the search index
    is rebuilt once at the end."""
    now = timezone.now()
    outlets = create(OutletFactory, 3, slug=varying(f"budget-outlet-{i}" for i in range(3)))
    # A few busy people named everywhere, and a crowd that grows with the data.
    busy = create(
        PersonFactory,
        6,
        slug=varying(["budget-person", *(f"budget-person-{i}" for i in range(1, 6))]),
    )
    crowd = create(PersonFactory, max(2, size // 2))
    people = busy + crowd
    main_org = create(OrganizationFactory, 1, slug="budget-organization", kind="state")[0]
    orgs = [main_org, *create(OrganizationFactory, max(2, size // 10), parent=main_org)]
    topics = create(
        TopicFactory,
        4,
        slug=varying(["budget-topic", "budget-topic-1", "budget-topic-2", "budget-topic-3"]),
    )

    # Translation groups: an original in English with a French version, and every other
    # one a German version too; the first group is the featured one. The rest of the
    # reports stand alone, and drafts (one a translation) must not show.
    group_count = max(1, size // 7)
    originals = [f"budget-original-{g}" for g in range(group_count)]
    originals[0] = "budget-original"
    shape = [("en", None, slug) for slug in originals]
    for g in range(group_count):
        shape.append(("fr", g, "budget-translation" if g == 0 else f"budget-fr-{g}"))
        if g % 2 == 0:
            shape.append(("de", g, f"budget-de-{g}"))
    shape += [(("en", "en", "ru")[i % 3], None, f"budget-{i}") for i in range(size - len(shape))]
    published = create(
        ArticleFactory,
        size,
        language=varying(language for language, _, _ in shape),
        slug=varying(slug for _, _, slug in shape),
        outlet=varying(outlets[i % len(outlets)] for i in range(size)),
        published_at=varying(now - dt.timedelta(days=i + 1, hours=i) for i in range(size)),
        body=varying(
            f"First paragraph on {WORD} number {i}.\n\nSecond paragraph." for i in range(size)
        ),
    )
    drafts = create(
        ArticleFactory,
        max(2, size // 10) + 1,
        title=factory.Sequence(lambda n: f"Draft {DRAFT} report {n}"),
        slug=factory.Sequence(lambda n: f"{DRAFT}-report-{n}"),
        language=varying(["it", *["en"] * (max(2, size // 10))]),
        status=Article.Status.DRAFT,
        outlet=outlets[0],
        body=f"A draft on {WORD}.",
    )
    articles = published + drafts
    sources = [
        (published[group], article)
        for (_, group, _), article in zip(shape, published, strict=True)
        if group is not None
    ]
    sources.append((published[0], drafts[0]))  # an Italian draft in the featured group
    grouped = [published[g] for g in range(group_count)] + [t for _, t in sources[:-1]]
    first_revision = dict(Article.history.filter(history_type="+").values_list("id", "history_id"))
    create(
        TranslationFactory,
        len(sources),
        source=varying(source for source, _ in sources),
        translation=varying(translation for _, translation in sources),
        source_revision_id=varying(first_revision[source.pk] for source, _ in sources),
    )
    Article.people.through.objects.bulk_create(
        Article.people.through(article=article, person=person)
        for i, article in enumerate(articles)
        for person in (busy[i % len(busy)], crowd[i % len(crowd)])
    )
    Article.organizations.through.objects.bulk_create(
        Article.organizations.through(article=article, organization=orgs[i % len(orgs)])
        for i, article in enumerate(articles)
    )

    # Each person holds a post, at a growing number of organizations.
    posts = Post.objects.bulk_create(
        Post(person=person, organization=orgs[i % len(orgs)], title=f"Post {i}")
        for i, person in enumerate(people)
    )
    post_of = {post.person_id: post for post in posts}

    # Meetings: the featured one is the latest, a third of the others are its parts, and
    # one in five is the year before.
    count = max(1, size // 5)
    meetings = create(
        MeetingFactory,
        count,
        slug=varying(["budget-meeting", *(f"budget-meeting-{i}" for i in range(1, count))]),
        date=varying(
            dt.date(2024, 12, 20) - dt.timedelta(days=7 * i)
            if i % 5 != 4
            else dt.date(2023, 6, 1) - dt.timedelta(days=i)
            for i in range(count)
        ),
        organizer=main_org,
        venue="Palais des Nations",
        summary=f"The desk's account of the meeting on {WORD}.\n\nA second paragraph.",
    )
    featured = meetings[0]
    Meeting.objects.filter(pk__in=[meeting.pk for meeting in meetings[1::3]]).update(
        parent=featured
    )
    draft_meetings = create(
        MeetingFactory,
        max(1, size // 20),
        title=factory.Sequence(lambda n: f"Draft {DRAFT} meeting {n}"),
        slug=factory.Sequence(lambda n: f"{DRAFT}-meeting-{n}"),
        status=Meeting.Status.DRAFT,
        organizer=main_org,
        parent=featured,
        date=dt.date(2024, 12, 24),
    )
    every_meeting = meetings + draft_meetings
    Participant.objects.bulk_create(
        Participant(
            meeting=meeting,
            person=person,
            post=post_of[person.pk],
            organization=orgs[(i + position) % len(orgs)],
            side=("host", "guest", "other")[position],
            reported_name=person.name,
            reported_title=f"Post {position}",
            position=position,
        )
        for i, meeting in enumerate(every_meeting)
        for position, person in enumerate(
            (busy[0], crowd[(2 * i) % len(crowd)], crowd[(2 * i + 1) % len(crowd)])
        )
    )
    Meeting.topics.through.objects.bulk_create(
        Meeting.topics.through(meeting=meeting, topic=topics[(i + k) % len(topics)])
        for i, meeting in enumerate(every_meeting)
        for k in range(2)
    )
    Meeting.mentioned_people.through.objects.bulk_create(
        Meeting.mentioned_people.through(meeting=meeting, person=busy[-1])
        for meeting in every_meeting
    )
    # Each report covers one meeting; the featured meeting is covered by every report in
    # a translation group, and by drafts, which must not show.
    coverage = {(meetings[i % count].pk, article.pk) for i, article in enumerate(published)}
    coverage |= {(featured.pk, article.pk) for article in grouped + drafts}
    Coverage.objects.bulk_create(
        Coverage(meeting_id=meeting, article_id=article) for meeting, article in sorted(coverage)
    )
    meeting_revision = dict(
        Meeting.history.filter(history_type="+").values_list("id", "history_id")
    )
    summaries = [(meeting, language) for meeting in meetings for language in ("fr", "ru")]
    create(
        SummaryTranslationFactory,
        len(summaries),
        meeting=varying(meeting for meeting, _ in summaries),
        language=varying(language for _, language in summaries),
        source_revision_id=varying(meeting_revision[meeting.pk] for meeting, _ in summaries),
    )

    # Other names, proposals from the importer, workflow steps.
    PersonName.objects.bulk_create(
        PersonName(person=person, name=f"{person.name} (alias)") for person in people
    )
    OrganizationName.objects.bulk_create(
        OrganizationName(organization=org, name=f"{org.name} (alias)") for org in orgs
    )
    OutletName.objects.bulk_create(
        OutletName(outlet=outlet, name=f"{outlet.name} (alias)") for outlet in outlets
    )
    original = published[0]
    NameProposal.objects.create(article=original, kind="person", name="Someone New")
    RelationProposal.objects.create(
        article=original, candidate=published[-1], relation="same_event", score=0.8
    )
    # Meetings read in reports, one for every fifth, the original's first.
    proposals = MeetingProposal.objects.bulk_create(
        MeetingProposal(title=f"Meeting read in report {i}", date=now.date(), language="en")
        for i in range(max(2, size // 5))
    )
    MeetingProposal.reports.through.objects.bulk_create(
        MeetingProposal.reports.through(meetingproposal=proposal, article=published[i])
        for i, proposal in enumerate(proposals)
    )
    ProposedParticipant.objects.bulk_create(
        ProposedParticipant(
            proposal=proposal,
            person=people[(i + side) % len(people)],
            organization=orgs[i % len(orgs)],
            reported_name=f"Participant {i}-{side}",
            position=side,
        )
        for i, proposal in enumerate(proposals)
        for side in (0, 1)
    )
    reviewer = UserFactory(username="budget-reviewer", password="!")
    # One step each; the featured items went back and forth, more often in a bigger desk.
    steps = [{"article": article} for article in published]
    steps += [{"meeting": meeting} for meeting in meetings]
    steps += [{"article": original}, {"meeting": featured}] * (size // 20)
    WorkflowEvent.objects.bulk_create(
        WorkflowEvent(
            **item,
            transition="publish",
            from_status="review",
            to_status="published",
            user=reviewer,
        )
        for item in steps
    )

    search_documents.rebuild()
    return SimpleNamespace(
        size=size,
        original=original,
        translation=published[group_count],
        meeting=featured,
        person=busy[0],
        organization=main_org,
        outlet=outlets[0],
        topic=topics[0],
        post=post_of[busy[0].pk],
        summary=SummaryTranslation.objects.filter(meeting=featured).order_by("pk").first(),
        link=Translation.objects.filter(source=original).order_by("pk").first(),
        reviewer=reviewer,
        meeting_to_confirm=proposals[0],
    )


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    """The data of one size (the test's parameter), built once per module and size in a
    transaction that is rolled back when the module is done with it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with translation.override("en"):
                built = build(request.param)
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def cold_content_types():
    """The ContentType cache is per process: clear it, so counts don't hang on test order."""
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """`admin_client`'s superuser is made for each test: hash its password quickly."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The pages -----------------------------------------------------------------------------


@dataclass
class Page:
    id: str
    path: str
    budget: int
    #: What repeats, when the count grows with the data: xfail at 200 items.
    n_plus_one: str = ""
    #: A callable (data) -> path, for admin pages that name an object by its id.
    path_for: object = None
    #: The model of an admin page.
    model: object = None
    #: The status the page answers with.
    status: int = 200


def cases(pages):
    return [pytest.param(page, id=page.id) for page in pages]


#: Each test runs on the data of each size.
sized = pytest.mark.parametrize("data", SIZES, indirect=True, ids=lambda size: f"size{size}")


def expect(request, page, data):
    """A page whose count grows with the data is expected to fail at the larger size."""
    if page.n_plus_one and data.size == max(SIZES):
        # Only the budget's failure is expected: any other error still fails the test.
        request.applymarker(
            pytest.mark.xfail(
                strict=True, raises=pytest.fail.Exception, reason=f"N+1: {page.n_plus_one}"
            )
        )


LIST = "/en/articles/"
AFTER = (dt.date.today() - dt.timedelta(days=60)).isoformat()
BEFORE = (dt.date.today() + dt.timedelta(days=1)).isoformat()
ALL_FILTERS = (
    f"language=en&outlet=budget-outlet-0&published_after={AFTER}&published_before={BEFORE}"
    f"&person=budget-person&organization=budget-organization&topic=budget-topic&q={WORD}"
)
#: The filters of a person's or an organization's meetings: a range of days and a kind.
RECORD_FILTERS = "date_after=2023-01-01&date_before=2024-12-31&kind=meeting"
#: Every filter of the meeting list and its downloads.
MEETING_FILTERS = (
    "kind=meeting&topic=budget-topic&date_after=2024-01-01&date_before=2024-12-31"
    "&person=budget-person&organization=budget-organization"
)

PUBLIC_PAGES = [
    Page("home", "/en/", 7),
    Page("article-list", LIST, 8),
    Page("article-list-language", f"{LIST}?language=fr", 9),
    Page("article-list-outlet", f"{LIST}?outlet=budget-outlet-0", 10),
    Page("article-list-after", f"{LIST}?published_after={AFTER}", 9),
    Page("article-list-before", f"{LIST}?published_before={BEFORE}", 9),
    Page("article-list-person", f"{LIST}?person=budget-person", 10),
    Page("article-list-organization", f"{LIST}?organization=budget-organization", 10),
    Page("article-list-topic", f"{LIST}?topic=budget-topic", 10),
    Page("article-list-q", f"{LIST}?q={WORD}", 10),
    Page("article-list-all-filters", f"{LIST}?{ALL_FILTERS}", 14),
    Page("article-original", "/en/articles/budget-original/", 8),
    Page("article-translation", "/en/articles/budget-translation/", 9),
    Page("meeting-list", "/en/meetings/", 5),
    # The timeline reads its rows' participants once for each year the page shows: 7
    # where the meetings of a topic span two years.
    Page("meeting-list-kind", "/en/meetings/?kind=meeting", 5),
    Page("meeting-list-topic", "/en/meetings/?topic=budget-topic", 7),
    Page("meeting-list-dates", "/en/meetings/?date_after=2023-01-01&date_before=2024-06-30", 6),
    Page("meeting-list-person", "/en/meetings/?person=budget-person", 6),
    Page("meeting-list-organization", "/en/meetings/?organization=budget-organization", 6),
    Page("meeting-list-all-filters", f"/en/meetings/?{MEETING_FILTERS}", 8),
    Page("open-data", "/en/open-data/", 1),
    # 8 queries at 5 items, where no meeting is in an earlier year: the link to the year
    # before runs the view's queryset, participants prefetch included, for one meeting.
    Page("meeting-year", "/en/meetings/2024/", 9),
    Page(
        "meeting",
        "/en/meetings/budget-meeting/",
        11,
    ),
    Page("meeting-coverage", "/en/meetings/budget-meeting/coverage/", 12),
    Page("person-list", "/en/people/", 5),
    Page("person", "/en/people/budget-person/", 14),
    Page("person-filtered", f"/en/people/budget-person/?{RECORD_FILTERS}", 14),
    Page("person-counterpart", "/en/people/budget-person/?organization=budget-organization", 15),
    Page("organization-list", "/en/organizations/", 4),
    Page("organization", "/en/organizations/budget-organization/", 15),
    Page("organization-filtered", f"/en/organizations/budget-organization/?{RECORD_FILTERS}", 15),
    # 15 on SQLite, 13 on PostgreSQL: FTS5 snippets take two queries each for reports and
    # meetings (document ids, then snippets), ts_headline one.
    Page("search", f"/en/search/?q={WORD}", 15),
    Page("search-filtered", f"/en/search/?q={WORD}&language=en", 15),
    Page("feed-articles-rss", "/en/feeds/articles.rss", 3),
    Page("feed-articles-atom", "/en/feeds/articles.atom", 3),
    Page("feed-language-rss", "/en/feeds/articles/en.rss", 3),
    Page("feed-language-atom", "/en/feeds/articles/en.atom", 3),
    Page("feed-outlet-rss", "/en/feeds/outlets/budget-outlet-0.rss", 4),
    Page("feed-outlet-atom", "/en/feeds/outlets/budget-outlet-0.atom", 4),
    Page("feed-person-rss", "/en/feeds/people/budget-person.rss", 4),
    Page("feed-person-atom", "/en/feeds/people/budget-person.atom", 4),
    Page("feed-person-meetings-rss", "/en/feeds/people/budget-person/meetings.rss", 4),
    Page("feed-person-meetings-atom", "/en/feeds/people/budget-person/meetings.atom", 4),
    Page("feed-organization-rss", "/en/feeds/organizations/budget-organization.rss", 4),
    Page("feed-organization-atom", "/en/feeds/organizations/budget-organization.atom", 4),
    Page(
        "feed-organization-meetings-rss",
        "/en/feeds/organizations/budget-organization/meetings.rss",
        4,
    ),
    Page(
        "feed-organization-meetings-atom",
        "/en/feeds/organizations/budget-organization/meetings.atom",
        4,
    ),
    Page("feed-meetings-rss", "/en/feeds/meetings.rss", 3),
    Page("feed-meetings-atom", "/en/feeds/meetings.atom", 3),
    Page("sitemap-index", "/sitemap.xml", 8),
    Page("sitemap-articles", "/sitemap-articles.xml", 6),
    Page("sitemap-meetings", "/sitemap-meetings.xml", 3),
    Page("sitemap-people", "/sitemap-people.xml", 3),
    Page("sitemap-organizations", "/sitemap-organizations.xml", 3),
]

PAGE_2_BUDGET = 6

API = "/api/v1"
API_PAGES = [
    Page("api-articles", f"{API}/articles/", 3),
    Page("api-articles-language", f"{API}/articles/?language=fr", 3),
    Page("api-articles-outlet", f"{API}/articles/?outlet=budget-outlet-0", 3),
    Page("api-articles-person", f"{API}/articles/?person=budget-person", 3),
    Page("api-articles-organization", f"{API}/articles/?organization=budget-organization", 3),
    Page("api-articles-topic", f"{API}/articles/?topic=budget-topic", 3),
    Page("api-articles-unknown-outlet", f"{API}/articles/?outlet=no-such-outlet", 3),
    Page("api-articles-q", f"{API}/articles/?q={WORD}", 4),
    Page("api-articles-all-filters", f"{API}/articles/?{ALL_FILTERS}", 4),
    Page("api-articles-page-size", f"{API}/articles/?page_size=100", 3),
    Page("api-articles-bad-page-size", f"{API}/articles/?page_size=abc", 2, status=400),
    Page("api-articles-empty-filter", f"{API}/articles/?published_before=", 2, status=400),
    Page("api-article", f"{API}/articles/budget-original/", 8),
    Page("api-article-translation", f"{API}/articles/budget-translation/", 8),
    Page("api-meetings", f"{API}/meetings/", 8),
    Page("api-meeting", f"{API}/meetings/budget-meeting/", 8),
    Page("api-people", f"{API}/people/", 5),
    Page("api-person", f"{API}/people/budget-person/", 5),
    Page("api-organizations", f"{API}/organizations/", 4),
    Page("api-organization", f"{API}/organizations/budget-organization/", 4),
    Page("api-outlets", f"{API}/outlets/", 4),
    Page("api-outlet", f"{API}/outlets/budget-outlet-0/", 4),
    Page("api-odd-slug", f"{API}/people/%C3%84/", 2, status=404),
]

#: The downloads: streamed, so their queries run while the answer is read. Meetings are
#: read 500 at a time, each batch with its participants, topics, people mentioned and
#: reports (5 queries); Popolo adds people, organizations, their other names and posts.
DOWNLOADS = [
    Page("download-meetings-csv", "/en/open-data/meetings.csv", 6),
    Page("download-meetings-json", "/en/open-data/meetings.json", 6),
    Page("download-participants-csv", "/en/open-data/meetings.csv?rows=participants", 6),
    Page("download-meetings-filtered", f"/en/open-data/meetings.csv?{MEETING_FILTERS}", 9),
    Page("download-popolo", "/en/open-data/popolo.json", 11),
    Page("api-download-meetings", f"{API}/open-data/meetings.json?rows=participants", 6),
    Page("api-download-filtered", f"{API}/open-data/meetings.csv?{MEETING_FILTERS}", 9),
    Page("api-download-popolo", f"{API}/open-data/popolo.json", 11),
]


def admin_url(name, *args):
    return reverse(f"admin:{name}", args=args)


def changelist(model, budget, **kwargs):
    """The admin's list of `model`."""
    opts = model._meta
    return Page(
        f"admin-{opts.model_name}-changelist",
        "",
        budget,
        model=model,
        path_for=lambda data: admin_url(f"{opts.app_label}_{opts.model_name}_changelist"),
        **kwargs,
    )


def change(model, pick, budget, name="", **kwargs):
    """The admin's change form of the object `pick(data)` of `model`."""
    opts = model._meta
    return Page(
        f"admin-{opts.model_name}-change{name}",
        "",
        budget,
        model=model,
        path_for=lambda data: admin_url(
            f"{opts.app_label}_{opts.model_name}_change", pick(data).pk
        ),
        **kwargs,
    )


ADMIN_PAGES = [
    Page("admin-index", "", 3, path_for=lambda d: admin_url("index")),
    Page(
        "admin-meeting-coverage", "", 6, path_for=lambda d: admin_url("meetings_meeting_coverage")
    ),
    Page(
        "admin-meeting-dashboard",
        "",
        11,
        path_for=lambda d: admin_url("meetings_meeting_dashboard") + "?start=2023-01-01",
    ),
    changelist(Article, 15),  # with the content version and the languages in use
    change(
        Article,
        lambda d: d.original,
        33,
        "-original",
    ),
    change(Article, lambda d: d.translation, 27, "-translation"),
    changelist(Meeting, 8),
    change(
        Meeting,
        lambda d: d.meeting,
        52,
        n_plus_one="Django's autocomplete widget looks up each inline row's selected "
        "option: for each covering report SELECT articles_article ... WHERE id IN (%s). It "
        "grows with this meeting's own rows, not with the archive",
    ),
    changelist(MeetingProposal, 5),
    change(MeetingProposal, lambda d: d.meeting_to_confirm, 14),
    changelist(Translation, 5),
    change(Translation, lambda d: d.link, 8),
    changelist(SummaryTranslation, 5),
    change(SummaryTranslation, lambda d: d.summary, 6),
    changelist(Person, 7),
    change(Person, lambda d: d.person, 11),
    changelist(Organization, 5),
    change(
        Organization,
        lambda d: d.organization,
        15,
    ),
    changelist(Outlet, 5),
    change(Outlet, lambda d: d.outlet, 5),
    changelist(Topic, 5),
    change(Topic, lambda d: d.topic, 4),
    changelist(Post, 5),
    change(Post, lambda d: d.post, 8),
    changelist(User, 6),
    change(User, lambda d: d.reviewer, 8),
    changelist(Group, 5),
    change(Group, lambda d: Group.objects.get(name="Editors"), 6),
]


# The tests -----------------------------------------------------------------------------


def test_every_model_in_the_admin_has_its_list_and_form_measured():
    measured = {(page.model, page.id.endswith("changelist")) for page in ADMIN_PAGES}
    assert {(model, is_list) for model in admin.site._registry for is_list in (True, False)} <= (
        measured
    )


@sized
def test_the_data_has_the_size_asked_for(db, data):
    published = Article.objects.published()
    assert published.count() == data.size
    grouped = published.filter(Q(source_links__isnull=False) | Q(translation_links__isnull=False))
    assert data.size / 4 <= grouped.distinct().count() <= data.size / 2 + 1
    assert Article.objects.exclude(status=Article.Status.PUBLISHED).count() > 0
    assert all(
        (article.people.count(), article.organizations.count()) == (2, 1) for article in published
    )
    meetings = Meeting.objects.published()
    assert meetings.count() == data.size // 5
    assert Meeting.objects.exclude(status=Meeting.Status.PUBLISHED).count() > 0
    for meeting in meetings:
        participants = meeting.participants.all()
        assert len(participants) == 3
        assert all(p.post_id and p.organization_id for p in participants)
        assert meeting.topics.exists()
        assert meeting.reports.published().exists()
    assert SearchDocument.objects.count() == data.size + meetings.count()


@sized
@pytest.mark.parametrize("page", cases(PUBLIC_PAGES + API_PAGES))
def test_public_page(request, db, client, data, page, django_assert_max_num_queries):
    expect(request, page, data)
    with django_assert_max_num_queries(page.budget):
        response = client.get(page.path)
    assert response.status_code == page.status
    assert DRAFT not in response.content.decode()


def planner_statistics():
    """Gather the planner's statistics on what the test wrote in bulk, as PostgreSQL's
    autovacuum does once a table has grown (a test's transaction never lets it): the
    tables were analyzed empty when the test database was made, and with those
    statistics PostgreSQL ran the state's "Met with" queries as nested loops over every
    participant, for minutes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def test_a_person_with_a_thousand_meetings_costs_what_any_person_costs(
    db, client, django_assert_max_num_queries
):
    """A thousand published meetings over ten years, each with two of 60 counterparts in
    their posts at 12 organizations, written in bulk: the person's and their state's
    pages, filtered or not, keep the budgets of the pages above."""
    state = OrganizationFactory(slug="busy-state", kind="state")
    organizations = create(OrganizationFactory, 12)
    person = PersonFactory(slug="busy-person")
    others = create(PersonFactory, 60)
    posts = Post.objects.bulk_create(
        Post(person=other, organization=organizations[i % 12], title="Envoy")
        for i, other in enumerate(others)
    )
    meetings = create(
        MeetingFactory,
        1000,
        date=varying(dt.date(2015, 1, 1) + dt.timedelta(days=3 * i + i % 2) for i in range(1000)),
        kind=varying(("meeting", "visit", "call", "address")[i % 4] for i in range(1000)),
        organizer=varying(organizations[i % 12] if i % 3 == 0 else None for i in range(1000)),
    )
    Participant.objects.bulk_create(
        Participant(
            meeting=meeting,
            person=person,
            organization=state,
            reported_name=person.name,
        )
        for meeting in meetings
    )
    Participant.objects.bulk_create(
        Participant(
            meeting=meeting,
            person=others[(i + k) % 60],
            post=posts[(i + k) % 60],
            reported_name=f"Counterpart {k}",
            position=k,
        )
        for i, meeting in enumerate(meetings)
        for k in (1, 2)
    )
    planner_statistics()
    budget = {page.id: page.budget for page in PUBLIC_PAGES}
    for path, page in (
        ("/en/people/busy-person/", "person"),
        (f"/en/people/busy-person/?{RECORD_FILTERS}", "person-filtered"),
        ("/en/people/busy-person/?date_after=2016-01-01&date_before=2016-12-31", "person"),
        (f"/en/people/busy-person/?person={others[0].slug}", "person-counterpart"),
        ("/en/organizations/busy-state/", "organization"),
        (f"/en/organizations/busy-state/?{RECORD_FILTERS}", "organization-filtered"),
    ):
        with django_assert_max_num_queries(budget[page]):
            response = client.get(path)
        assert response.status_code == 200, path
    page = client.get("/en/people/busy-person/?page=2").context
    assert page["page_obj"].paginator.count == 1000
    assert sum(bar.count for bar in page["timeline"].bars) == 1000
    assert len(page["network"].nodes) == 12
    assert len(page["people_met"]) == 30
    shared = Counter(
        Participant.objects.filter(meeting__in=meetings)
        .exclude(person=person)
        .values_list("person__name", flat=True)
    )
    ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
    assert [(other.name, other.shared) for other in page["people_met"]] == ranked[:30]


@sized
def test_article_list_page_2(db, client, data, monkeypatch, django_assert_max_num_queries):
    """Pages of 3, so that the 5 reports have a second page too. The first page gives
    the second's address, whether pages are numbered or continue from a cursor."""
    monkeypatch.setattr(views.ArticleListView, "paginate_by", 3)
    if cursor := getattr(views, "ArticleCursor", None):
        monkeypatch.setattr(cursor, "page_size", 3)
    first = client.get(LIST)
    second = first.context.get("older_url") or f"{LIST}?page=2"
    with django_assert_max_num_queries(PAGE_2_BUDGET):
        response = client.get(second)
    assert response.status_code == 200
    assert len(response.context["article_list"]) == min(3, data.size - 3)


@sized
@pytest.mark.parametrize("page", cases(ADMIN_PAGES))
def test_admin_page(request, admin_client, data, page, django_assert_max_num_queries):
    expect(request, page, data)
    path = page.path_for(data) if page.path_for else page.path
    with django_assert_max_num_queries(page.budget):
        response = admin_client.get(path)
    assert response.status_code == 200


@sized
@pytest.mark.parametrize("page", cases(DOWNLOADS))
def test_download(request, db, client, data, page, django_assert_max_num_queries):
    expect(request, page, data)
    with django_assert_max_num_queries(page.budget):
        response = client.get(page.path)
        content = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert "budget-meeting" in content
    assert DRAFT not in content
