"""Articles and their translation links refuse bad data, in the database and in
validation, with clear errors; natural keys round-trip; one rule says what readers see."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Translation
from people.models import Organization, Post
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    PostFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db


def refused(match):
    """The database refuses the write inside a savepoint, so the test can go on."""
    return pytest.raises(IntegrityError, match=match)


class TestTranslationConstraints:
    def test_a_translation_links_two_languages(self):
        link = TranslationFactory()
        assert link.source.language == "en"
        assert link.translation.language == "fr"

    def test_the_database_refuses_a_link_between_two_articles_in_the_same_language(self):
        source, other = ArticleFactory(language="en"), ArticleFactory(language="en")
        with refused("different language"), transaction.atomic():
            Translation.objects.create(source=source, translation=other)
        assert not Translation.objects.exists()

    def test_the_database_refuses_a_self_link(self):
        article = ArticleFactory()
        with refused("translation_not_self|different language"), transaction.atomic():
            Translation.objects.create(source=article, translation=article)

    def test_the_database_refuses_a_second_source_for_one_translation(self):
        link = TranslationFactory()
        other_source = ArticleFactory(language="ru")
        with refused("one_source_per_translation|UNIQUE"), transaction.atomic():
            Translation.objects.create(source=other_source, translation=link.translation)

    def test_the_database_refuses_a_duplicate_pair(self):
        link = TranslationFactory()
        with refused("UNIQUE|unique|duplicate"), transaction.atomic():
            Translation.objects.create(source=link.source, translation=link.translation)
        assert Translation.objects.count() == 1

    def test_the_database_refuses_a_translation_used_as_a_source(self):
        link = TranslationFactory()
        russian = ArticleFactory(language="ru")
        with refused("cannot itself be a translation"), transaction.atomic():
            Translation.objects.create(source=link.translation, translation=russian)

    def test_the_database_refuses_making_a_source_a_translation(self):
        link = TranslationFactory()
        russian = ArticleFactory(language="ru")
        with refused("source of translations cannot be a translation"), transaction.atomic():
            Translation.objects.create(source=russian, translation=link.source)

    def test_the_database_refuses_moving_a_linked_article_into_its_partners_language(self):
        link = TranslationFactory()
        with refused("same language"), transaction.atomic():
            Article.objects.filter(pk=link.translation.pk).update(language="en")
        link.translation.refresh_from_db()
        assert link.translation.language == "fr"

    def test_validation_names_the_language_clash(self):
        source, other = ArticleFactory(language="en"), ArticleFactory(language="en")
        with pytest.raises(ValidationError, match="another language than its source"):
            Translation(source=source, translation=other).full_clean()

    def test_validation_explains_chains(self):
        link = TranslationFactory()
        russian = ArticleFactory(language="ru")
        with pytest.raises(ValidationError, match="is itself a translation"):
            Translation(source=link.translation, translation=russian).full_clean()
        with pytest.raises(ValidationError, match="has translations of its own"):
            Translation(source=russian, translation=link.source).full_clean()

    def test_validation_refuses_a_second_version_in_one_language(self):
        link = TranslationFactory()
        second_french = ArticleFactory(language="fr")
        with pytest.raises(ValidationError, match="already translates this source into French"):
            Translation(source=link.source, translation=second_french).full_clean()

    def test_validation_refuses_a_second_source(self):
        link = TranslationFactory()
        with pytest.raises(ValidationError, match="already a translation of another"):
            Translation(
                source=ArticleFactory(language="ru"), translation=link.translation
            ).full_clean()

    def test_article_validation_refuses_the_language_of_a_version(self):
        link = TranslationFactory()
        link.translation.language = "en"
        with pytest.raises(ValidationError) as error:
            link.translation.full_clean()
        assert "language" in error.value.message_dict
        assert "already in English" in error.value.message_dict["language"][0]


class TestVersions:
    @pytest.fixture
    def group(self):
        english = ArticleFactory(language="en")
        french = TranslationFactory(source=english, translation__language="fr").translation
        russian = TranslationFactory(source=english, translation__language="ru").translation
        ArticleFactory(language="az")  # unrelated
        return english, french, russian

    def test_an_original_offers_its_translations(self, group, django_assert_num_queries):
        english, french, russian = group
        with django_assert_num_queries(2):
            assert set(english.versions()) == {french, russian}

    def test_a_translation_offers_its_original_and_its_siblings(
        self, group, django_assert_num_queries
    ):
        english, french, russian = group
        with django_assert_num_queries(2):
            assert set(french.versions()) == {english, russian}

    def test_an_article_without_translations_has_no_versions(self):
        assert list(ArticleFactory().versions()) == []

    def test_with_original_annotates_the_source(self, group):
        english, french, _ = group
        annotated = {a.pk: a.original_id for a in Article.objects.with_original()}
        assert annotated[english.pk] is None
        assert annotated[french.pk] == english.pk


class TestArticle:
    def test_source_url_is_unique_when_set(self):
        ArticleFactory(source_url="https://news.az/news/1")
        with refused("unique_article_source_url|UNIQUE|duplicate"), transaction.atomic():
            ArticleFactory(source_url="https://news.az/news/1")

    def test_validation_names_the_duplicate_original_address(self):
        ArticleFactory(source_url="https://news.az/news/1")
        duplicate = ArticleFactory.build(
            source_url="https://news.az/news/1", outlet=ArticleFactory().outlet
        )
        with pytest.raises(ValidationError, match="original address already exists"):
            duplicate.full_clean()

    def test_many_articles_may_leave_the_original_address_empty(self):
        ArticleFactory(source_url="")
        ArticleFactory(source_url="")
        assert Article.objects.filter(source_url="").count() == 2

    def test_published_excludes_drafts_and_scheduled_articles(self):
        live = ArticleFactory()
        ArticleFactory(status=Article.Status.DRAFT)
        ArticleFactory(published_at=timezone.now() + dt.timedelta(days=30))
        assert list(Article.objects.published()) == [live]

    def test_paragraphs_split_on_blank_lines(self):
        article = ArticleFactory(body="One.\r\n\r\nTwo\nstill two.\n\n\n\nThree.")
        assert article.paragraphs == ["One.", "Two\nstill two.", "Three."]

    def test_absolute_url(self):
        assert ArticleFactory(slug="a-report").get_absolute_url() == "/en/articles/a-report/"


class TestPeopleAndOrganizations:
    def test_natural_keys_round_trip(self):
        post = PostFactory(start_date=dt.date(2018, 4, 21))
        assert Post.objects.get_by_natural_key(*post.natural_key()) == post
        undated = PostFactory()
        assert Post.objects.get_by_natural_key(*undated.natural_key()) == undated
        organization = OrganizationFactory()
        assert Organization.objects.get_by_natural_key(*organization.natural_key()) == organization
        link = TranslationFactory()
        assert Translation.objects.get_by_natural_key(*link.natural_key()) == link


@pytest.mark.parametrize(
    ("factory", "status", "go_live", "visible"),
    [
        (ArticleFactory, "published", -1, True),
        (ArticleFactory, "published", +1, False),
        (ArticleFactory, "review", -1, False),
        (MeetingFactory, "published", -1, True),
        (MeetingFactory, "published", +1, False),
        (MeetingFactory, "published", None, True),
        (MeetingFactory, "withdrawn", None, False),
    ],
)
def test_one_rule_says_what_readers_see(factory, status, go_live, visible):
    """`published()` and `is_published` agree for every publishable model: published and
    live; a meeting summary without a go-live time is live once published (an article
    cannot be published without its publication time: `published_article_complete`)."""
    published_at = None if go_live is None else timezone.now() + dt.timedelta(days=go_live)
    item = factory(status=status)
    type(item).objects.filter(pk=item.pk).update(published_at=published_at)
    item.refresh_from_db()

    assert item.is_published is visible
    assert type(item).objects.published().filter(pk=item.pk).exists() is visible
    assert type(item).objects.scheduled().filter(pk=item.pk).exists() is (
        status == "published" and go_live == +1
    )
