"""`generate_demo_data`: a realistic archive that obeys the rules, the same for a seed."""

import itertools
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from articles.models import Article, Outlet, Translation
from core import caching
from editorial.models import Status
from meetings.models import Coverage, Meeting, Participant, SummaryTranslation
from people.models import Organization, Person, Post
from search.models import SearchDocument
from search.query import search
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DEMO_SLUG = re.compile(r"-d(\d+)$")


def generate(articles, seed=1):
    out = StringIO()
    call_command("generate_demo_data", articles=articles, seed=seed, no_progress=True, stdout=out)
    return out.getvalue()


def snapshot():
    """Everything a run decides, by slug: equal for two runs with the same seed."""
    return {
        "articles": sorted(
            Article.objects.values_list(
                "slug",
                "title",
                "language",
                "status",
                "published_at",
                "outlet__slug",
                "agency__slug",
                "dateline",
                "byline",
                "source_url",
                "body",
            )
        ),
        "people": sorted(
            Article.people.through.objects.values_list("article__slug", "person__slug")
        ),
        "organizations": sorted(
            Article.organizations.through.objects.values_list("article__slug", "organization__slug")
        ),
        "translations": sorted(
            Translation.objects.values_list("source__slug", "translation__slug", "method")
        ),
        "meetings": sorted(
            Meeting.objects.values_list(
                "slug",
                "title",
                "date",
                "kind",
                "language",
                "status",
                "published_at",
                "venue",
                "city",
                "organizer__slug",
                "summary",
            )
        ),
        "participants": sorted(
            Participant.objects.values_list(
                "meeting__slug",
                "position",
                "person__slug",
                "post__title",
                "organization__slug",
                "side",
                "reported_name",
                "reported_title",
            )
        ),
        "coverage": sorted(Coverage.objects.values_list("meeting__slug", "article__slug")),
        "topics": sorted(
            Meeting.topics.through.objects.values_list("meeting__slug", "topic__slug")
        ),
        "summaries": sorted(
            SummaryTranslation.objects.values_list("meeting__slug", "language", "title")
        ),
    }


def groups():
    """Each translation group: the original and its translations."""
    found = {}
    for link in Translation.objects.select_related("source", "translation"):
        found.setdefault(link.source, [link.source]).append(link.translation)
    return list(found.values())


class TestArchive:
    def test_the_numbers_asked_for(self):
        output = generate(60)

        assert Article.objects.count() == 60
        assert Meeting.objects.count() == 12
        assert 0 < Translation.objects.count() < 60
        assert re.search(r"Created 60 articles \(\d+ translations\), 12 meetings", output)
        assert re.search(r" in \d+\.\d s$", output.strip())

    def test_articles_in_four_languages_and_their_scripts(self):
        generate(60)

        bodies = {}
        for language, body in Article.objects.values_list("language", "body"):
            bodies.setdefault(language, []).append(body)
        assert set(bodies) == {"en", "fr", "ru", "az"}
        assert all(re.search("[а-яё]", body) for body in bodies["ru"])
        assert all(re.search("[əşğ]", body) for body in bodies["az"])
        assert all(re.search("[éèàç’]", body) for body in bodies["fr"])
        assert not any(re.search("[а-яё]", body) for body in bodies["en"])
        assert all(
            len(body.split("\n\n")) >= 3 for body_list in bodies.values() for body in body_list
        )

    def test_translation_groups_are_stars_with_one_version_per_language(self):
        generate(60)

        translations = set(Translation.objects.values_list("translation", flat=True))
        for group in groups():
            original, versions = group[0], group[1:]
            assert original.pk not in translations
            assert not Translation.objects.filter(source__in=versions).exists()
            assert len({article.language for article in group}) == len(group)
            assert all(
                set(version.people.all()) == set(original.people.all()) for version in versions
            )
        methods = Counter(Translation.objects.values_list("method", flat=True))
        assert methods.most_common(1)[0][0] == Translation.Method.PUBLISHER

    def test_mostly_published_some_not_and_a_few_scheduled(self):
        generate(400)

        statuses = Counter(Article.objects.values_list("status", flat=True))
        assert 0.75 < statuses[Status.PUBLISHED] / 400 < 0.98
        assert all(statuses[status] for status in (Status.DRAFT, Status.REVIEW, Status.WITHDRAWN))
        scheduled = Article.objects.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
        assert scheduled.exists()
        assert all(article.published_at.year == 2099 for article in scheduled)
        dates = Article.objects.exclude(pk__in=scheduled).values_list("published_at", flat=True)
        assert {date.year for date in dates} >= set(range(2016, 2026))
        assert max(dates) < timezone.now()

    def test_meetings_have_participants_in_posts_and_cover_whole_groups(self):
        generate(60)

        for meeting in Meeting.objects.prefetch_related("participants__post", "reports"):
            participants = list(meeting.participants.all())
            assert 1 <= len(participants) <= 4
            for participant in participants:
                assert participant.post.person_id == participant.person_id
                assert participant.organization_id
                assert participant.reported_name
                assert participant.reported_title
            covered = set(meeting.reports.all())
            assert covered
            assert meeting.topics.exists()
            for article in covered:
                assert set(Article.objects.versions_of(article)) <= covered
        sides = set(Participant.objects.values_list("side", flat=True))
        assert {"host", "guest"} <= sides

    def test_organizations_have_parents_and_people_have_dated_posts(self):
        generate(60)

        ministry = Organization.objects.get(slug="azerbaijan-foreign-ministry")
        assert [o.slug for o in ministry.ancestors()] == ["azerbaijan-government", "azerbaijan"]
        assert Organization.objects.filter(kind=Organization.Kind.OMBUDSMAN).exists()
        assert Organization.objects.filter(kind=Organization.Kind.UN_BODY).count() >= 5
        assert not Post.objects.filter(start_date__isnull=True).exists()
        ministers = Post.objects.filter(organization=ministry, title="Minister of Foreign Affairs")
        terms = sorted(ministers.values_list("start_date", "end_date"))
        assert len(terms) > 1
        for (_, end), (start, _) in itertools.pairwise(terms):
            assert end < start
        assert Person.objects.filter(other_names__language="ru").exists()


class TestReproducibility:
    def test_the_same_seed_gives_the_same_data(self):
        generate(60, seed=7)
        first = snapshot()
        Meeting.objects.all().delete()
        Article.objects.all().delete()

        generate(60, seed=7)

        assert snapshot() == first

    def test_another_seed_gives_other_data(self):
        generate(60, seed=7)
        first = snapshot()
        Meeting.objects.all().delete()
        Article.objects.all().delete()

        generate(60, seed=8)

        assert snapshot()["articles"] != first["articles"]


class TestAddingToExistingData:
    def test_a_second_run_adds_more_without_slug_clashes(self):
        generate(30)
        generate(30)

        slugs = list(Article.objects.values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs)) == 60
        numbers = sorted(int(DEMO_SLUG.search(slug)[1]) for slug in slugs)
        assert numbers == list(range(1, 61))
        assert Meeting.objects.count() == 12
        assert Outlet.objects.filter(slug="azertac").count() == 1

    def test_numbering_goes_on_after_any_slug_ending_like_a_demo_slug(self):
        ArticleFactory(slug="an-earlier-report-d100")

        generate(5)

        numbers = [
            int(DEMO_SLUG.search(slug)[1])
            for slug in Article.objects.values_list("slug", flat=True)
        ]
        assert sorted(numbers) == [100, 101, 102, 103, 104, 105]

    def test_the_seed_fixture_is_reused_not_duplicated(self, seed):
        outlets = set(Outlet.objects.values_list("slug", "name"))

        generate(40)

        assert Article.objects.count() == 45
        assert outlets <= set(Outlet.objects.values_list("slug", "name"))
        assert Outlet.objects.filter(name="AZERTAC").count() == 1
        assert Organization.objects.get(slug="azerbaijan").name == "Republic of Azerbaijan"
        assert Article.objects.filter(slug__regex=r"-d[0-9]+$").count() == 40


class TestSearchAndPages:
    def test_search_finds_a_demo_article_by_a_word_of_its_title(self, client):
        generate(60)
        article = Article.objects.published().filter(language="en").order_by("slug").first()
        word = max(re.findall(r"[A-Za-z]+", article.title), key=len)

        assert SearchDocument.objects.filter(article=article).exists()
        assert article in search(Article.objects.published(), word)
        assert client.get("/en/search/", {"q": word}).status_code == 200

    def test_meetings_are_indexed_too(self):
        generate(60)
        meeting = Meeting.objects.published().filter(language="en").order_by("slug").first()
        word = max(re.findall(r"[A-Za-z]+", meeting.title), key=len)

        assert meeting in search(Meeting.objects.published(), word)

    def test_cached_pages_are_replaced(self):
        before = caching.content_version()

        generate(5)

        assert caching.content_version() > before

    def test_public_pages_render(self, client):
        generate(60)
        article = Article.objects.published().filter(translation_links__isnull=False).first()
        meeting = Meeting.objects.published().first()
        person = meeting.participants.first().person

        listing = client.get("/en/articles/")

        assert listing.status_code == 200
        assert all(DEMO_SLUG.search(a.slug) for a in listing.context["article_list"])
        assert client.get(article.get_absolute_url()).status_code == 200
        assert client.get(meeting.get_absolute_url()).status_code == 200
        assert client.get(person.get_absolute_url()).status_code == 200


class TestArguments:
    def test_a_negative_number_is_refused(self):
        with pytest.raises(CommandError, match=r"--articles must be 0 or more, not -3"):
            generate(-3)

        assert not Article.objects.exists()

    def test_zero_does_nothing(self):
        output = generate(0)

        assert "Nothing to do" in output
        assert not Article.objects.exists()
        assert not Outlet.objects.exists()
        assert not Person.objects.exists()

    def test_the_number_is_required(self):
        with pytest.raises(CommandError, match="--articles"):
            call_command("generate_demo_data")
