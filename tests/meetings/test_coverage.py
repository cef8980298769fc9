"""The comparison of a meeting's reports (`meetings.coverage`) and its page: reports
grouped by language and outlet, a translation beside its source paragraph by paragraph,
the facts each report states highlighted, and what one states and another lacks."""

import datetime as dt
import re

import pytest
from django.utils import timezone, translation

from articles.models import Article
from meetings import coverage
from meetings.coverage import Kind, Status
from meetings.models import Meeting
from people.models import OrganizationName, PersonName
from tests.factories import (
    ArticleFactory,
    MeetingFactory,
    OrganizationFactory,
    OutletFactory,
    ParticipantFactory,
    PersonFactory,
    PostFactory,
    TranslationFactory,
)
from tests.pages import html

pytestmark = pytest.mark.django_db

TREND = """Minister of Foreign Affairs Jeyhun Bayramov met UN High Commissioner for Human \
Rights Volker Türk in New York on 25 September 2024.

The sides discussed the return of 4,000 former residents, the Ministry of Foreign Affairs \
of Azerbaijan said.

They also spoke of the 46th session of the Council."""

AZERTAC = """Le ministre des Affaires étrangères Jeyhun Bayramov a rencontré Volker Türk, \
haut-commissaire des Nations Unies aux droits de l'homme, à New York le 25 septembre 2024.

Les parties ont évoqué le retour de 4 000 anciens habitants."""

NEWS_AZ = """Djeyhoun Baïramov received Volker Türk on 25 September.

The OHCHR delegation brought 12 experts."""


def published(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@pytest.fixture
def meeting():
    """A meeting covered by an English report (Trend) and its French translation
    (AZERTAC), which leaves out a paragraph and a name, and by another English report
    (News.Az) that names the others' facts differently and adds two of its own."""
    bayramov = PersonFactory(name="Jeyhun Bayramov", slug="jeyhun-bayramov")
    PersonName.objects.create(person=bayramov, name="Djeyhoun Baïramov", language="fr")
    turk = PersonFactory(name="Volker Türk", slug="volker-turk")
    ministry = OrganizationFactory(
        name="Ministry of Foreign Affairs of Azerbaijan", slug="azerbaijan-foreign-ministry"
    )
    ohchr = OrganizationFactory(
        name="Office of the United Nations High Commissioner for Human Rights",
        slug="ohchr",
        abbreviation="OHCHR",
    )
    OrganizationName.objects.create(
        organization=ohchr, name="Haut-Commissariat aux droits de l'homme", language="fr"
    )
    meeting = MeetingFactory(slug="bayramov-meets-turk", date=dt.date(2024, 9, 25))
    ParticipantFactory(
        meeting=meeting,
        person=bayramov,
        post=PostFactory(person=bayramov, organization=ministry, title="Minister"),
    )
    ParticipantFactory(
        meeting=meeting,
        person=turk,
        post=PostFactory(person=turk, organization=ohchr, title="High Commissioner"),
    )
    day = published(dt.date(2024, 9, 26))
    trend = ArticleFactory(
        title="Bayramov meets Türk",
        slug="trend-report",
        outlet=OutletFactory(name="Trend", slug="trend"),
        body=TREND,
        published_at=day,
    )
    azertac = ArticleFactory(
        title="Bayramov rencontre Türk",
        slug="azertac-report",
        language="fr",
        outlet=OutletFactory(name="AZERTAC", slug="azertac"),
        body=AZERTAC,
        published_at=day,
    )
    TranslationFactory(source=trend, translation=azertac)
    news_az = ArticleFactory(
        title="Türk received in Baku",
        slug="news-az-report",
        outlet=OutletFactory(name="News.Az", slug="news-az"),
        body=NEWS_AZ,
        published_at=day,
    )
    news_az.organizations.add(ohchr)
    draft = ArticleFactory(
        title="Draft about the meeting",
        slug="draft-report",
        body="Volker Türk met 999 people.",
        status=Article.Status.DRAFT,
    )
    meeting.reports.add(trend, azertac, news_az, draft)
    MeetingFactory(slug="another-meeting").reports.add(
        ArticleFactory(title="Another meeting's report", body="Volker Türk spoke of 777.")
    )
    return meeting


def comparison_of(meeting):
    return coverage.compare(Meeting.objects.get(pk=meeting.pk))


def reading(comparison, slug):
    return next(r for r in comparison.readings if r.article.slug == slug)


def facts(reading, kind=None):
    return {(f.kind, f.label) for f in reading.facts if kind is None or f.kind == kind}


def marks(paragraph):
    """The highlighted text of a paragraph, with each mention's kind and status."""
    return [(s.text, s.fact.kind, s.status) for s in paragraph if s.fact]


class TestGroups:
    def test_published_reports_by_language_and_outlet(self, meeting):
        comparison = comparison_of(meeting)

        assert [r.article.slug for r in comparison.readings] == [
            "news-az-report",
            "trend-report",
            "azertac-report",
        ]
        assert comparison.compared

    def test_a_translation_is_grouped_with_its_source_first(self, meeting):
        comparison = comparison_of(meeting)

        (group,) = comparison.groups
        assert [r.article.slug for r in group.versions] == ["trend-report", "azertac-report"]
        assert [r.article.slug for r in comparison.alone] == ["news-az-report"]

    def test_a_meeting_with_one_report_has_nothing_to_compare(self, meeting):
        meeting.reports.remove(*meeting.reports.exclude(slug="trend-report"))
        comparison = comparison_of(meeting)

        (only,) = comparison.readings
        assert not comparison.compared
        assert only.only == only.lacks == []
        assert {s.status for p in only.paragraphs for s in p if s.fact} == {Status.SHARED}


class TestAlignment:
    def test_paragraphs_side_by_side_the_missing_one_left_empty(self, meeting):
        (group,) = comparison_of(meeting).groups

        rows = [
            [paragraph and "".join(s.text for s in paragraph) for _, paragraph in row]
            for row in group.rows
        ]
        trend, azertac = TREND.split("\n\n"), AZERTAC.split("\n\n")
        assert rows == [[trend[0], azertac[0]], [trend[1], azertac[1]], [trend[2], None]]

    def test_each_cell_knows_its_report(self, meeting):
        (group,) = comparison_of(meeting).groups

        for row in group.rows:
            assert [r.article.slug for r, _ in row] == ["trend-report", "azertac-report"]


class TestFacts:
    def test_people_organizations_posts_numbers_and_dates(self, meeting):
        trend = reading(comparison_of(meeting), "trend-report")

        assert facts(trend) == {
            (Kind.PERSON, "Jeyhun Bayramov"),
            (Kind.PERSON, "Volker Türk"),
            (Kind.ORGANIZATION, "Ministry of Foreign Affairs of Azerbaijan"),
            (Kind.POST, "Minister (Jeyhun Bayramov)"),
            (Kind.POST, "High Commissioner (Volker Türk)"),
            (Kind.NUMBER, "4,000"),
            (Kind.NUMBER, "46"),
            (Kind.DATE, "25 September 2024"),
        }

    def test_highlights_cover_the_words_that_state_each_fact(self, meeting):
        trend = reading(comparison_of(meeting), "trend-report")

        first, second, third = (marks(paragraph) for paragraph in trend.paragraphs)
        assert [(text, kind) for text, kind, _ in first] == [
            ("Minister of Foreign Affairs", Kind.POST),
            ("Jeyhun Bayramov", Kind.PERSON),
            ("UN High Commissioner for Human Rights", Kind.POST),
            ("Volker Türk", Kind.PERSON),
            ("25 September 2024", Kind.DATE),
        ]
        assert [(text, kind) for text, kind, _ in second] == [
            ("4,000", Kind.NUMBER),
            ("Ministry of Foreign Affairs of Azerbaijan", Kind.ORGANIZATION),
        ]
        assert [(text, kind) for text, kind, _ in third] == [("46", Kind.NUMBER)]

    def test_the_text_is_kept_whole(self, meeting):
        for each in comparison_of(meeting).readings:
            text = "\n\n".join("".join(s.text for s in p) for p in each.paragraphs)
            assert text == each.article.body

    def test_facts_compare_across_languages_and_spellings(self, meeting):
        comparison = comparison_of(meeting)
        trend, azertac = reading(comparison, "trend-report"), reading(comparison, "azertac-report")
        news_az = reading(comparison, "news-az-report")

        shared = {
            (Kind.PERSON, "Jeyhun Bayramov"),
            (Kind.PERSON, "Volker Türk"),
            (Kind.DATE, "25 September 2024"),
        }
        assert shared <= facts(trend) & facts(azertac) & facts(news_az)
        # "4 000" in French, "4,000" in English; the French post written after the name.
        assert (Kind.NUMBER, "4,000") in facts(azertac)
        assert facts(azertac, Kind.POST) == facts(trend, Kind.POST)

    def test_a_day_without_its_year_takes_the_year_of_the_report(self, meeting):
        news_az = reading(comparison_of(meeting), "news-az-report")

        assert facts(news_az, Kind.DATE) == {(Kind.DATE, "25 September 2024")}

    def test_the_organization_linked_to_a_report_is_looked_for(self, meeting):
        news_az = reading(comparison_of(meeting), "news-az-report")

        assert (
            Kind.ORGANIZATION,
            "Office of the United Nations High Commissioner for Human Rights",
        ) in facts(news_az)

    def test_french_labels_in_the_french_interface(self, meeting):
        with translation.override("fr"):
            trend = reading(comparison_of(meeting), "trend-report")

        assert (Kind.NUMBER, "4\xa0000") in facts(trend)
        assert (Kind.DATE, "25 septembre 2024") in facts(trend)


class TestWhatEachAddsOrLacks:
    def test_what_only_one_report_states(self, meeting):
        comparison = comparison_of(meeting)

        only = {r.article.slug: [f.label for f in r.only] for r in comparison.readings}
        assert only == {
            "trend-report": ["Ministry of Foreign Affairs of Azerbaijan", "46"],
            "azertac-report": [],
            "news-az-report": [
                "Office of the United Nations High Commissioner for Human Rights",
                "12",
            ],
        }

    def test_what_a_report_lacks_and_who_states_it(self, meeting):
        comparison = comparison_of(meeting)

        lacks = {
            r.article.slug: [
                (f.label, [c.article.slug for c in carriers]) for f, carriers in r.lacks
            ]
            for r in comparison.readings
        }
        assert lacks["azertac-report"] == [
            ("Ministry of Foreign Affairs of Azerbaijan", ["trend-report"]),
            ("Office of the United Nations High Commissioner for Human Rights", ["news-az-report"]),
            ("12", ["news-az-report"]),
            ("46", ["trend-report"]),
        ]
        assert lacks["news-az-report"] == [
            ("Ministry of Foreign Affairs of Azerbaijan", ["trend-report"]),
            ("High Commissioner (Volker Türk)", ["trend-report", "azertac-report"]),
            ("Minister (Jeyhun Bayramov)", ["trend-report", "azertac-report"]),
            ("46", ["trend-report"]),
            ("4,000", ["trend-report", "azertac-report"]),
        ]

    def test_each_mention_is_marked_by_how_many_reports_state_it(self, meeting):
        trend = reading(comparison_of(meeting), "trend-report")

        statuses = {text: status for p in trend.paragraphs for text, _, status in marks(p)}
        assert statuses["Jeyhun Bayramov"] == Status.SHARED
        assert statuses["25 September 2024"] == Status.SHARED
        assert statuses["Minister of Foreign Affairs"] == Status.PARTIAL
        assert statuses["4,000"] == Status.PARTIAL
        assert statuses["46"] == Status.ONLY
        assert statuses["Ministry of Foreign Affairs of Azerbaijan"] == Status.ONLY


class TestQueries:
    def test_reading_the_reports_costs_a_few_queries(self, meeting, django_assert_max_num_queries):
        """The reports, the participants with their posts, the people mentioned, the
        people and organizations looked for with their other names, the posts held."""
        meeting = Meeting.objects.get(pk=meeting.pk)
        named = coverage.named_in_reports(meeting)
        with django_assert_max_num_queries(8):
            coverage.compare(meeting, named)


# The page ---------------------------------------------------------------------------


PAGE = "/en/meetings/bayramov-meets-turk/coverage/"


class TestPage:
    def test_every_published_report_of_the_meeting_and_no_other(self, client, meeting):
        page = html(client.get(PAGE))

        for title in ("Bayramov meets Türk", "Bayramov rencontre Türk", "Türk received in Baku"):
            assert title in page
        assert "Draft about the meeting" not in page
        assert "999" not in page
        assert "Another meeting&#x27;s report" not in page

    def test_highlights_carry_a_text_cue_and_the_page_a_legend(self, client, meeting):
        page = html(client.get(PAGE))

        assert re.search(
            r'<mark class="fact fact-number fact-only">46<span class="fact-cue" '
            r'aria-hidden="true">N★</span><span class="visually-hidden" lang="en"> '
            r"\(number, in this report only\)</span></mark>",
            page,
        )
        assert '<mark class="fact fact-person fact-shared">Jeyhun Bayramov<span' in page
        legend = page[page.index('id="coverage-legend-heading"') :]
        assert 'Person<span class="fact-cue" aria-hidden="true">P</span>' in legend
        assert "In this report only" in legend
        assert "Not in every report" in legend

    def test_the_summary_lists_what_each_report_adds_and_lacks(self, client, meeting):
        page = html(client.get(PAGE))

        summary = page[page.index('id="coverage-summary-heading"') : page.index("coverage-group")]
        trend = summary[summary.index("Trend</h3>") : summary.index("AZERTAC</h3>")]
        ministry = trend.index("/en/organizations/azerbaijan-foreign-ministry/")
        assert trend.index("Only in this report") < ministry < trend.index("Not in this report")
        lacking = trend[trend.index("Not in this report") :]
        assert "/en/organizations/ohchr/" in lacking
        assert "stated by News.Az" in lacking

    def test_aligned_paragraphs_and_the_paragraph_a_translation_left_out(self, client, meeting):
        page = html(client.get(PAGE))

        group = page[
            page.index('id="coverage-group-1"') : page.index('id="coverage-alone-heading"')
        ]
        assert "Paragraph 3, AZERTAC in French" in group
        assert "No paragraph here in this version." in group
        assert 'lang="fr"' in group

    def test_in_french(self, client, meeting):
        page = html(client.get(PAGE.replace("/en/", "/fr/")))

        assert "Articles comparés" in page
        assert "Seulement dans cet article" in page
        assert "(nombre, seulement dans cet article)" in page

    @pytest.mark.parametrize(
        "change",
        [
            {"status": Meeting.Status.DRAFT},
            {"status": Meeting.Status.REVIEW},
            {"status": Meeting.Status.WITHDRAWN},
            {"published_at": timezone.now() + dt.timedelta(days=1)},
        ],
    )
    def test_an_unpublished_meeting_is_not_found(self, client, editor, meeting, change):
        Meeting.objects.filter(pk=meeting.pk).update(**change)

        assert client.get(PAGE).status_code == 404
        client.force_login(editor)
        assert client.get(PAGE).status_code == 404

    def test_an_unknown_meeting_is_not_found(self, client, db):
        assert client.get("/en/meetings/no-such-meeting/coverage/").status_code == 404

    def test_a_meeting_without_reports(self, client, db):
        MeetingFactory(slug="quiet-meeting")

        page = html(client.get("/en/meetings/quiet-meeting/coverage/"))

        assert "No published report covers this meeting yet." in page

    def test_the_meeting_page_links_the_comparison(self, client, meeting):
        page = html(client.get(meeting.get_absolute_url()))

        assert f'<a href="{PAGE}">Compare the 3 reports side by side</a>' in page

    def test_no_link_for_a_single_report(self, client, meeting):
        meeting.reports.remove(*meeting.reports.exclude(slug="trend-report"))

        assert PAGE not in html(client.get(meeting.get_absolute_url()))


class TestEditsShowAtOnce:
    """The comparison is kept as a fragment; every change it shows renders it anew."""

    def test_an_edited_report(self, client, meeting):
        client.get(PAGE)
        article = Article.objects.get(slug="news-az-report")
        article.body = NEWS_AZ.replace("12 experts", "15 experts")
        article.save()

        page = html(client.get(PAGE))

        assert ">15<span" in page
        assert ">12<span" not in page

    def test_a_person_linked_to_a_report(self, client, meeting):
        assert "/en/people/dilgam-asgarov/" not in html(client.get(PAGE))
        article = Article.objects.get(slug="news-az-report")
        article.body += "\n\nDilgam Asgarov was named."
        article.save()
        client.get(PAGE)
        article.people.add(PersonFactory(name="Dilgam Asgarov", slug="dilgam-asgarov"))

        assert "/en/people/dilgam-asgarov/" in html(client.get(PAGE))

    def test_another_name_of_an_organization(self, client, meeting):
        article = Article.objects.get(slug="news-az-report")
        article.body += "\n\nThe Foreign Ministry welcomed the visit."
        article.save()
        assert "Foreign Ministry<span" not in html(client.get(PAGE))

        OrganizationName.objects.create(
            organization=meeting.participants.get(person__slug="jeyhun-bayramov").post.organization,
            name="Foreign Ministry",
        )

        assert "Foreign Ministry<span" in html(client.get(PAGE))

    def test_a_report_withdrawn(self, client, meeting):
        client.get(PAGE)
        article = Article.objects.get(slug="news-az-report")
        article.status = Article.Status.WITHDRAWN
        article.save()

        assert "Türk received in Baku" not in html(client.get(PAGE))
