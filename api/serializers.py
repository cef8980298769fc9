"""Representations for the read-only JSON API.

Field names are stable and snake_case; choices are given as their codes, never as
translated labels, and blank text stays an empty string. Every object carries `url`,
its public page, and, where the API has one, `api_url`, its API resource.
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, Outlet, Translation
from core.fragments import cached
from core.languages import LANGUAGES
from meetings.models import Meeting, Participant, SummaryTranslation, Topic
from people.models import Organization, Person, Post


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.ReadOnlyField):
    """The absolute address of the object's public page, in the default interface
    language; `source` names the method giving its path."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "get_absolute_url")
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        with translation.override(settings.LANGUAGE_CODE):
            return super().get_attribute(instance)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value)


class ReadOnlyModelSerializer(serializers.ModelSerializer):
    """A representation for reading only: every field is read-only, so always present."""

    def include_extra_kwargs(self, kwargs, extra_kwargs):
        allow_blank = kwargs.get("allow_blank", False)
        kwargs = super().include_extra_kwargs(kwargs, {**extra_kwargs, "read_only": True})
        if allow_blank:
            kwargs["allow_blank"] = True  # documents that the value may be empty
        return kwargs


class CachedListSerializer(serializers.ListSerializer):
    """A list whose items' representations come from the fragment cache
    (`core.fragments`), each kept under its item's version. The child names what it
    reads along with the item, in the same query (`read_with`): that is part of the key."""

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        origin = self.context["request"].build_absolute_uri("/")

        def build(missing):
            return [self.child.to_representation(item) for item in missing]

        def vary(item):
            return f"{origin} {self.child.read_with(item)!r}"

        return cached(f"api-{type(self.child).__name__}", items, build, vary=vary)


def api_url(basename):
    """The absolute address of the object in the API."""
    return serializers.HyperlinkedIdentityField(
        view_name=f"api:{basename}-detail", lookup_field="slug"
    )


def country_code():
    """The country as its code: names would follow the reader's language."""
    return serializers.CharField(
        source="country.code",
        read_only=True,
        help_text="ISO 3166-1 alpha-2 code; empty when unknown.",
    )


class OutletRefSerializer(ReadOnlyModelSerializer):
    """An outlet, as named by a report."""

    url = PageURLField()
    api_url = api_url("outlet")

    class Meta:
        model = Outlet
        fields = ["slug", "name", "url", "api_url"]


class PersonRefSerializer(ReadOnlyModelSerializer):
    """A person, as named elsewhere."""

    url = PageURLField()
    api_url = api_url("person")

    class Meta:
        model = Person
        fields = ["slug", "name", "url", "api_url"]


class OrganizationRefSerializer(ReadOnlyModelSerializer):
    """An organization, as named elsewhere."""

    url = PageURLField()
    api_url = api_url("organization")

    class Meta:
        model = Organization
        fields = ["slug", "name", "abbreviation", "url", "api_url"]


class MeetingRefSerializer(ReadOnlyModelSerializer):
    """A published meeting, as named by a report."""

    url = PageURLField()
    api_url = api_url("meeting")

    class Meta:
        model = Meeting
        fields = ["slug", "title", "date", "kind", "url", "api_url"]


class TopicSerializer(ReadOnlyModelSerializer):
    """A subject discussed at a meeting."""

    url = PageURLField(help_text="The public list of reports on this topic.")

    class Meta:
        model = Topic
        fields = ["slug", "name", "url"]


class ArticleSerializer(ReadOnlyModelSerializer):
    """A published report, as listed."""

    outlet = OutletRefSerializer(read_only=True)
    agency = OutletRefSerializer(read_only=True, allow_null=True)
    url = PageURLField(source="get_canonical_url")
    api_url = api_url("article")

    class Meta:
        model = Article
        fields = [
            "slug",
            "title",
            "language",
            "published_at",
            "updated_at",
            "outlet",
            "agency",
            "dateline",
            "byline",
            "source_url",
            "url",
            "api_url",
        ]
        list_serializer_class = CachedListSerializer

    @staticmethod
    def read_with(article):
        return [(outlet.slug, outlet.name) for outlet in (article.outlet, article.agency) if outlet]


class VersionSerializer(ReadOnlyModelSerializer):
    """One language version of a report."""

    url = PageURLField(source="get_canonical_url")
    api_url = api_url("article")

    class Meta:
        model = Article
        fields = ["slug", "title", "language", "url", "api_url"]


class TranslatedVersionSerializer(VersionSerializer):
    """A published translation in a report's translation group."""

    method = serializers.ChoiceField(
        choices=Translation.Method.choices,
        source="translation_method",
        read_only=True,
        help_text="How the translation was made.",
    )
    is_outdated = serializers.BooleanField(
        source="translation_outdated",
        read_only=True,
        help_text="The original's title or body changed since it was translated.",
    )

    class Meta(VersionSerializer.Meta):
        fields = [*VersionSerializer.Meta.fields, "method", "is_outdated"]


class TranslationGroupSerializer(serializers.Serializer):
    """A report's original and its translations, all published."""

    original = VersionSerializer(
        read_only=True,
        allow_null=True,
        help_text="The original report; null when it is not published.",
    )
    translations = TranslatedVersionSerializer(
        many=True,
        read_only=True,
        help_text="Its published translations, this report included if it is one.",
    )


class ArticleDetailSerializer(ArticleSerializer):
    """A published report with its text, its translation group and the meetings it covers."""

    people = PersonRefSerializer(many=True, read_only=True)
    organizations = OrganizationRefSerializer(many=True, read_only=True)
    meetings = MeetingRefSerializer(many=True, read_only=True)
    translation_group = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "body",
            "people",
            "organizations",
            "meetings",
            "translation_group",
        ]

    @extend_schema_field(TranslationGroupSerializer)
    def get_translation_group(self, article):
        outdated = Translation.objects.outdated().filter(translation=OuterRef("pk"))
        group = (
            Article.objects.published()
            .annotate(
                translation_method=F("source_links__method"),
                translation_outdated=Exists(outdated),
            )
            .translation_group(article)
        )
        return TranslationGroupSerializer(group, context=self.context).data


class PostSerializer(ReadOnlyModelSerializer):
    """A post a person held in an organization; dates are null where unknown."""

    organization = OrganizationRefSerializer(read_only=True)

    class Meta:
        model = Post
        fields = ["title", "organization", "start_date", "end_date"]


class ParticipantSerializer(ReadOnlyModelSerializer):
    """Someone who took part in a meeting, in the post they held then."""

    person = PersonRefSerializer(
        read_only=True, allow_null=True, help_text="Null when not yet in the database."
    )
    post = PostSerializer(read_only=True, allow_null=True, help_text="The post held then.")
    representing = OrganizationRefSerializer(
        source="organization",
        read_only=True,
        allow_null=True,
        help_text="The organization or state they spoke for.",
    )

    class Meta:
        model = Participant
        fields = ["person", "reported_name", "reported_title", "post", "representing", "side"]


class SummaryTranslationSerializer(ReadOnlyModelSerializer):
    """The desk's summary of a meeting in another language."""

    is_outdated = serializers.BooleanField(
        read_only=True, help_text="The summary changed since it was translated."
    )

    class Meta:
        model = SummaryTranslation
        fields = ["language", "title", "summary", "is_outdated"]


class ReportSerializer(VersionSerializer):
    """A published report covering a meeting."""

    outlet = OutletRefSerializer(read_only=True)

    class Meta(VersionSerializer.Meta):
        fields = [*VersionSerializer.Meta.fields, "published_at", "outlet"]


class MeetingSerializer(ReadOnlyModelSerializer):
    """A published meeting summary, its participants and the reports covering it."""

    country = country_code()
    place = serializers.SerializerMethodField()
    organizer = OrganizationRefSerializer(read_only=True, allow_null=True)
    summary_translations = SummaryTranslationSerializer(
        source="summaries", many=True, read_only=True
    )
    topics = TopicSerializer(many=True, read_only=True)
    participants = ParticipantSerializer(many=True, read_only=True)
    mentioned_people = PersonRefSerializer(many=True, read_only=True)
    reports = ReportSerializer(many=True, read_only=True)
    url = PageURLField()
    api_url = api_url("meeting")

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "title",
            "date",
            "kind",
            "venue",
            "city",
            "country",
            "place",
            "organizer",
            "language",
            "summary",
            "summary_translations",
            "topics",
            "participants",
            "mentioned_people",
            "reports",
            "updated_at",
            "url",
            "api_url",
        ]

    def get_place(self, meeting) -> str:
        """Venue, city and country in one line, named in the default interface language."""
        with translation.override(settings.LANGUAGE_CODE):
            return meeting.place


class OtherNameSerializer(serializers.Serializer):
    """Another name: an alias, a transliteration, a form with initials."""

    name = serializers.CharField(read_only=True)
    language = serializers.ChoiceField(choices=LANGUAGES, allow_blank=True, read_only=True)
    note = serializers.CharField(read_only=True, help_text="e.g. initials, transliteration")


class PersonSerializer(ReadOnlyModelSerializer):
    """A person, with other names and the posts they held."""

    other_names = OtherNameSerializer(many=True, read_only=True)
    posts = PostSerializer(many=True, read_only=True)
    url = PageURLField()
    api_url = api_url("person")

    class Meta:
        model = Person
        fields = ["slug", "name", "summary", "other_names", "posts", "url", "api_url"]


class OrganizationSerializer(ReadOnlyModelSerializer):
    """An organization or state."""

    country = country_code()
    parent = OrganizationRefSerializer(
        read_only=True, allow_null=True, help_text="The organization it is part of."
    )
    other_names = OtherNameSerializer(many=True, read_only=True)
    url = PageURLField()
    api_url = api_url("organization")

    class Meta:
        model = Organization
        fields = [
            "slug",
            "name",
            "abbreviation",
            "kind",
            "country",
            "parent",
            "other_names",
            "url",
            "api_url",
        ]


class OutletSerializer(ReadOnlyModelSerializer):
    """A news outlet or agency."""

    country = country_code()
    other_names = serializers.SlugRelatedField(
        slug_field="name", many=True, read_only=True, help_text="Other names it goes by."
    )
    url = PageURLField(help_text="The public list of its reports.")
    api_url = api_url("outlet")

    class Meta:
        model = Outlet
        fields = [
            "slug",
            "name",
            "homepage",
            "country",
            "language",
            "other_names",
            "url",
            "api_url",
        ]
