"""Cached fragments of public pages (core/fragments.py): with the page cache off, a page
is assembled from fragments kept under the version of what they show. Each change a
reader could see shows at once, a change leaves the fragments of other items in place,
and no fragment of a draft is ever kept."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article, Outlet
from articles.views import ArticleDetailView
from core import caching
from tests.factories import (
    ArticleFactory,
    EditorFactory,
    MeetingFactory,
    OrganizationFactory,
    OutletFactory,
    ParticipantFactory,
    PersonFactory,
    SummaryTranslationFactory,
    TopicFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_not_cached(settings):
    """Every request renders its page: only the fragments are cached."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0


def text(client, url):
    """The page at `url`, asked for twice: the second reader of an article's or a
    meeting's page is the first served from its address's record (`PageFragmentMixin`),
    and must get the same page."""
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert second.text == first.text
    return second.text


def queries(client, url, django_assert_max_num_queries):
    """The page at `url`, and how many queries it took."""
    with django_assert_max_num_queries(100) as context:
        page = text(client, url)
    return page, len(context.captured_queries)


def kept_anywhere(value):
    """Whether the cache holds `value` in any of its entries (local memory, pickled)."""
    return any(value.encode() in entry for entry in cache._cache.values())


class TestServedFromFragments:
    def test_a_page_costs_fewer_queries_once_its_fragments_are_kept(
        self, client, django_assert_max_num_queries
    ):
        article = ArticleFactory(language="en")
        TranslationFactory(source=article)
        meeting = MeetingFactory()
        meeting.reports.add(article)
        ParticipantFactory(meeting=meeting)
        for url in (article.get_absolute_url(), meeting.get_absolute_url(), "/en/articles/"):
            cache.clear()
            first, cold = queries(client, url, django_assert_max_num_queries)
            again, warm = queries(client, url, django_assert_max_num_queries)
            assert warm < cold, url
            assert again == first

    def test_an_edit_leaves_the_fragments_of_other_items(
        self, client, django_assert_max_num_queries
    ):
        edited, other = ArticleFactory(), ArticleFactory()
        url = other.get_absolute_url()
        text(client, url)
        page, warm = queries(client, url, django_assert_max_num_queries)
        assert warm == 0
        version = caching.content_version()
        edited.title = "Edited elsewhere"
        edited.save()
        assert caching.content_version() > version  # the page cache starts over
        assert queries(client, url, django_assert_max_num_queries) == (page, warm)

    def test_each_interface_language_has_its_own_fragments(self, client):
        article = ArticleFactory()
        article.people.add(PersonFactory())
        english_url = article.get_absolute_url()
        french_url = english_url.replace("/en/", "/fr/", 1)
        for _ in range(2):
            assert "People named" in text(client, english_url)
            french = text(client, french_url)
            assert "Personnes citées" in french
            assert "People named" not in french
            assert "Latest reports" in text(client, "/en/")
            assert "Derniers articles" in text(client, "/fr/")


class TestEachChangeShowsAtOnce:
    def test_an_edit(self, client):
        article = ArticleFactory(title="First title", language="en")
        french = ArticleFactory(language="fr")
        TranslationFactory(source=article, translation=french)
        meeting = MeetingFactory()
        meeting.reports.add(article)
        pages = ("/en/articles/", article.get_absolute_url(), french.get_absolute_url())
        for url in (*pages, meeting.get_absolute_url()):
            assert "First title" in text(client, url)
        article.title = "Corrected title"
        article.save()
        for url in (*pages, meeting.get_absolute_url()):
            page = text(client, url)
            assert "Corrected title" in page, url
            assert "First title" not in page, url

    def test_a_translation_link(self, client):
        source = ArticleFactory(language="en")
        french = ArticleFactory(language="fr", title="Version française")
        meeting = MeetingFactory()
        meeting.reports.add(source)
        for url in ("/en/articles/", source.get_absolute_url()):
            assert 'title="Version française"' not in text(client, url)
        TranslationFactory(source=source, translation=french)
        for url in ("/en/articles/", source.get_absolute_url(), meeting.get_absolute_url()):
            assert 'title="Version française"' in text(client, url), url
        assert 'rel="alternate" hreflang="fr"' in text(client, source.get_absolute_url())

    def test_a_person_renamed(self, client):
        person = PersonFactory(name="Anna Lindqvist")
        article = ArticleFactory()
        article.people.add(person)
        meeting = MeetingFactory()
        ParticipantFactory(meeting=meeting, person=person, reported_name="Anna Lindqvist")
        pages = (article.get_absolute_url(), meeting.get_absolute_url(), "/en/meetings/")
        for url in pages:
            assert "Anna Lindqvist" in text(client, url)
        person.name = "Anna Lindqvist-Berg"
        person.save()
        for url in pages:
            assert "Anna Lindqvist-Berg" in text(client, url), url

    def test_an_outlet_and_an_organization_renamed(self, client):
        outlet = OutletFactory(name="Old Wire")
        organization = OrganizationFactory(name="Old Committee")
        article = ArticleFactory(outlet=outlet)
        article.organizations.add(organization)
        assert "Old Wire" in text(client, "/en/articles/")
        assert "Old Committee" in text(client, article.get_absolute_url())
        outlet.name = "New Wire"
        outlet.save()
        organization.name = "New Committee"
        organization.save()
        assert "New Wire" in text(client, "/en/articles/")
        page = text(client, article.get_absolute_url())
        assert "New Wire" in page
        assert "New Committee" in page

    def test_what_is_read_with_a_row_is_part_of_its_key(self, client):
        """A change no signal tells of (an UPDATE of the outlet row) still shows in the
        list, for what is read in the same query as the report."""
        outlet = OutletFactory(name="Old Wire")
        ArticleFactory(outlet=outlet)
        assert "Old Wire" in text(client, "/en/articles/")
        Outlet.objects.filter(pk=outlet.pk).update(name="New Wire")
        assert "New Wire" in text(client, "/en/articles/")

    @pytest.mark.parametrize("change", ["edit", "outlet renamed"])
    def test_a_change_between_the_read_and_the_stamp_is_not_kept_at_the_address(
        self, client, monkeypatch, change
    ):
        """A change that commits after a reader read the article, and before the
        reader found its stamp and generation: the page the reader built shows the
        article as it was, and the next reader does not get it from the address."""
        article = ArticleFactory(title="First title", outlet=OutletFactory(name="Old Wire"))
        url = article.get_absolute_url()
        read = ArticleDetailView.get_object

        def read_then_change(view, *args):
            found = read(view, *args)
            monkeypatch.setattr(ArticleDetailView, "get_object", read)
            if change == "edit":
                article.title = "Corrected title"
                article.save()
            else:
                article.outlet.name = "New Wire"
                article.outlet.save()
            return found

        text(client, "/en/articles/")  # the article's stamp is drawn
        monkeypatch.setattr(ArticleDetailView, "get_object", read_then_change)
        assert "First title" in client.get(url).text
        page = text(client, url)
        assert "Corrected title" in page if change == "edit" else "New Wire" in page

    def test_a_publication_and_a_withdrawal(self, client):
        english = ArticleFactory(language="en")
        french = ArticleFactory(language="fr", title="Le brouillon", status=Article.Status.DRAFT)
        TranslationFactory(source=english, translation=french)
        for url in ("/en/articles/", english.get_absolute_url()):
            assert "Le brouillon" not in text(client, url)
        french.status = Article.Status.PUBLISHED
        french.save()
        for url in ("/en/articles/", english.get_absolute_url()):
            assert "Le brouillon" in text(client, url), url
        french.status = Article.Status.WITHDRAWN
        french.save()
        for url in ("/en/articles/", english.get_absolute_url()):
            assert "Le brouillon" not in text(client, url), url

    def test_a_scheduled_version_going_live(self, client):
        english = ArticleFactory(language="en")
        go_live = timezone.now() + dt.timedelta(hours=2)
        TranslationFactory(
            source=english,
            translation=ArticleFactory(language="fr", title="Sous embargo", published_at=go_live),
        )
        assert "Sous embargo" not in text(client, english.get_absolute_url())
        with time_machine.travel(go_live + dt.timedelta(minutes=1)):
            assert "Sous embargo" in text(client, english.get_absolute_url())

    def test_a_report_linked_to_a_meeting(self, client):
        article = ArticleFactory(title="The covering report")
        meeting = MeetingFactory(title="The covered meeting")
        assert "The covered meeting" not in text(client, article.get_absolute_url())
        assert "The covering report" not in text(client, meeting.get_absolute_url())
        meeting.reports.add(article)
        assert "The covered meeting" in text(client, article.get_absolute_url())
        assert "The covering report" in text(client, meeting.get_absolute_url())
        meeting.title = "The meeting retitled"
        meeting.save()
        assert "The meeting retitled" in text(client, article.get_absolute_url())
        meeting.reports.remove(article)
        assert "The meeting retitled" not in text(client, article.get_absolute_url())

    def test_a_participant_a_topic_and_a_summary_translation(self, client):
        meeting = MeetingFactory(language="en")
        url, french_url = (
            meeting.get_absolute_url(),
            meeting.get_absolute_url().replace("/en/", "/fr/", 1),
        )
        person, topic = PersonFactory(name="Mikael Berg"), TopicFactory(name="Prison conditions")
        for page in (url, "/en/meetings/", french_url):
            text(client, page)
        generation = caching.fragments_generation()
        ParticipantFactory(meeting=meeting, person=person)
        meeting.topics.add(topic)
        SummaryTranslationFactory(meeting=meeting, title="Réunion à Bakou")
        assert caching.fragments_generation() == generation  # each reaches this meeting only
        assert "Mikael Berg" in text(client, "/en/meetings/")
        page = text(client, url)
        assert "Mikael Berg" in page
        assert "Prison conditions" in page
        assert "Réunion à Bakou" in text(client, french_url)

    def test_an_article_deleted(self, client):
        english = ArticleFactory(language="en")
        french = ArticleFactory(language="fr", title="Bientôt supprimé")
        TranslationFactory(source=english, translation=french)
        assert "Bientôt supprimé" in text(client, english.get_absolute_url())
        french.delete()
        assert "Bientôt supprimé" not in text(client, english.get_absolute_url())


class TestWholePages:
    """An article's or a meeting's page is kept whole (`PageFragmentMixin`): once its
    address has a record, a reader is served it without a query, and each reader gets
    the page that is theirs."""

    @pytest.fixture
    def pages(self):
        article = ArticleFactory(language="en")
        meeting = MeetingFactory()
        meeting.reports.add(article)
        return [article.get_absolute_url(), meeting.get_absolute_url()]

    def test_a_kept_page_is_served_from_its_address_without_a_query(
        self, client, pages, django_assert_num_queries
    ):
        for url in pages:
            first = text(client, url)
            with django_assert_num_queries(0):
                assert client.get(url).text == first

    def test_staff_and_readers_each_get_their_header(self, client, pages):
        for url in pages:
            assert "/admin/" not in text(client, url)
        client.force_login(EditorFactory())
        for url in pages:
            assert 'href="/admin/"' in text(client, url)
        client.logout()
        for url in pages:
            assert 'href="/admin/"' not in text(client, url)

    def test_the_language_menu_follows_the_address(self, client, pages):
        for url in pages:
            assert f"{url}?ref=feed".replace("/en/", "/fr/", 1) not in text(client, url)
            tagged = text(client, f"{url}?ref=feed")
            assert f"{url}?ref=feed".replace("/en/", "/fr/", 1) in tagged

    def test_absolute_links_follow_the_host(self, client, pages, settings):
        settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
        for url in pages:
            assert "http://testserver/" in text(client, url)
            mirrored = client.get(url, HTTP_HOST="mirror.example").text
            assert "http://mirror.example/" in mirrored
            assert "http://testserver/" not in mirrored


class TestDrafts:
    def test_no_fragment_of_a_draft_is_kept(self, client):
        editor = EditorFactory()
        draft = ArticleFactory(title="Unreleased findings", status=Article.Status.DRAFT)
        meeting = MeetingFactory(title="Unannounced visit", status=Article.Status.DRAFT)
        client.force_login(editor)
        assert "Unreleased findings" in text(client, draft.get_absolute_url())
        assert "Unannounced visit" in text(client, meeting.get_absolute_url())
        assert not kept_anywhere("Unreleased findings")
        assert not kept_anywhere("Unannounced visit")
        client.logout()
        assert client.get(draft.get_absolute_url()).status_code == 404

    def test_an_editor_and_a_reader_share_only_published_fragments(self, client):
        published = ArticleFactory(language="en")
        draft = ArticleFactory(
            language="fr", title="Traduction en cours", status=Article.Status.DRAFT
        )
        TranslationFactory(source=published, translation=draft)
        client.force_login(EditorFactory())
        assert "Traduction en cours" not in text(client, published.get_absolute_url())
        assert "Traduction en cours" in text(client, draft.get_absolute_url())
        client.logout()
        assert "Traduction en cours" not in text(client, published.get_absolute_url())
        assert not kept_anywhere("Traduction en cours")


class TestGeneration:
    """A change whose reach is not declared renews the generation, which sets every
    fragment aside; a declared one leaves it."""

    def test_a_rename_renews_it(self, client):
        generation = caching.fragments_generation()
        person = PersonFactory()
        assert caching.fragments_generation() > generation
        generation = caching.fragments_generation()
        person.name = "Another name"
        person.save()
        assert caching.fragments_generation() > generation

    def test_an_edit_of_an_article_keeps_it(self, client):
        article, french = ArticleFactory(), ArticleFactory(language="fr")
        generation = caching.fragments_generation()
        article.title = "Edited"
        article.save()
        TranslationFactory(source=article, translation=french)
        assert caching.fragments_generation() == generation

    def test_a_restored_backup_renews_it(self):
        generation = caching.fragments_generation()
        caching.mark_changed()
        assert caching.fragments_generation() > generation
        assert caching.stored_version().generation == caching.fragments_generation()


class TestFilterForm:
    """The list's filter form is cached under the content version, the interface
    language and the address (`includes/list_filters.html`)."""

    def test_its_menus_follow_every_change(self, client):
        ArticleFactory(outlet=OutletFactory(name="First Wire"), language="en")
        page = text(client, "/en/articles/")
        assert ">First Wire</option>" in page
        assert 'value="fr"' not in page.split('name="language"')[1].split("</select>")[0]
        ArticleFactory(outlet=OutletFactory(name="Second Wire"), language="fr")
        page = text(client, "/en/articles/")
        assert ">Second Wire</option>" in page
        assert 'value="fr"' in page.split('name="language"')[1].split("</select>")[0]

    def test_each_language_and_address_has_its_own(self, client):
        ArticleFactory()
        for _ in range(2):
            assert "Apply filters" in text(client, "/en/articles/")
            assert "Appliquer les filtres" in text(client, "/fr/articles/")
            refused = client.get("/en/articles/?published_after=someday")
            assert refused.status_code == 400
            assert "Some filters could not be applied:" in refused.text
            assert "Some filters could not be applied:" not in text(client, "/en/articles/")
            assert 'value="someday"' not in text(client, "/en/search/?q=report")


class TestAPIList:
    """The API's list of reports keeps each report's representation as a fragment."""

    def test_it_is_the_representation_without_fragments(self, client, settings):
        ArticleFactory(agency=OutletFactory(name="Wire Agency"))
        TranslationFactory()
        kept = [client.get("/api/v1/articles/").json() for _ in range(2)]
        settings.NEWSROOM_FRAGMENT_SECONDS = 0
        assert kept[0] == kept[1] == client.get("/api/v1/articles/").json()

    def test_each_change_shows_at_once(self, client):
        outlet = OutletFactory(name="Old Wire")
        article = ArticleFactory(title="First title", outlet=outlet)

        def listed():
            (item,) = client.get("/api/v1/articles/").json()["results"]
            return item["title"], item["outlet"]["name"]

        assert listed() == ("First title", "Old Wire")
        article.title = "Corrected title"
        article.save()
        assert listed() == ("Corrected title", "Old Wire")
        outlet.name = "New Wire"
        outlet.save()
        assert listed() == ("Corrected title", "New Wire")
