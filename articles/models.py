"""Reports, their translations, and the desk's summaries of the meetings they cover.

People, organizations and posts follow Popolo: a `Post` is a post a person held in an
organization for a period (Popolo's Membership), and a meeting `Participant` records
the post held then, the organization or state represented, and the name and title
exactly as the report gave them (Open Civic Data's EventParticipant).

Longer than the project's 500 lines, for a stated reason: the meetings' models (topics,
meetings, summary translations, coverage and participants, about 370 lines) still live
here, beside the articles they cover; they are the next to move to an app of their own
(see the README's Layout).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.languages import LANGUAGES, interface_language, language_name, language_name_local
from core.models import (
    SlugManager,
    SlugNaturalKey,
    paragraphs_of,
    unique_slug,
    web_address,
)
from editorial.models import (
    Publishable,
    PublishableQuerySet,
    Status,
    Versioned,
    latest_revision,
)
from people.models import Organization, Person, Post


class Outlet(SlugNaturalKey, models.Model):
    """A news outlet or agency that publishes reports."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    homepage = models.URLField(_("homepage"), blank=True, validators=[web_address])
    country = CountryField(_("country"), blank=True)
    language = models.CharField(_("default language"), max_length=7, choices=LANGUAGES, blank=True)

    objects = SlugManager()

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('article-list')}?outlet={self.slug}"


class OutletNameManager(models.Manager):
    def get_by_natural_key(self, outlet_slug, name):
        return self.get(outlet__slug=outlet_slug, name=name)


class OutletName(models.Model):
    """Another name an outlet goes by in signatures and tags ("Azertaj", "АЗЕРТАДЖ")."""

    outlet = models.ForeignKey(
        Outlet, on_delete=models.CASCADE, related_name="other_names", verbose_name=_("outlet")
    )
    name = models.CharField(_("name"), max_length=200)

    objects = OutletNameManager()

    class Meta:
        verbose_name = _("other name")
        verbose_name_plural = _("other names")
        constraints = [
            models.UniqueConstraint(fields=["outlet", "name"], name="unique_outlet_other_name")
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (*self.outlet.natural_key(), self.name)

    natural_key.dependencies = ["articles.outlet"]


class Topic(SlugNaturalKey, models.Model):
    """A subject discussed at meetings, from the desk's controlled list."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    objects = SlugManager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('article-list')}?topic={self.slug}"


class ArticleQuerySet(PublishableQuerySet):
    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def with_original(self):
        """Annotate `original_id`: the source of a translation, None for an original."""
        return self.annotate(original_id=F("source_links__source"))

    def in_groups(self, originals):
        """Every version in the translation groups of the given originals (ids).

        The group's ids are read first, so the versions are fetched by primary key.
        """
        originals = set(originals)
        translations = Translation.objects.filter(source__in=originals)
        return self.filter(
            pk__in=originals | set(translations.values_list("translation", flat=True))
        )

    def versions_of(self, article):
        """The article's whole translation group, itself included."""
        # Two selects in one query, each on its index: joined by OR, PostgreSQL scanned
        # every link (24 ms over 355,000 links).
        own = Translation.objects.filter(Q(source=article.pk) | Q(translation=article.pk))
        original = Translation.objects.filter(translation=article.pk).values("source")
        links = own.values_list("source", "translation").union(
            Translation.objects.filter(source__in=original).values_list("source", "translation")
        )
        return self.filter(pk__in={article.pk, *(pk for link in links for pk in link)})

    def versions_by_group(self, articles):
        """Map each original's id to its `TranslationGroup`, for a page of articles.

        Each article must carry `original_id` (see `with_original`). One query in all.
        """
        originals = {article.original_id or article.pk for article in articles}
        groups = {}
        for version in self.with_original().in_groups(originals).order_by("language", "pk"):
            groups.setdefault(version.original_id or version.pk, []).append(version)
        return {original: TranslationGroup(versions) for original, versions in groups.items()}

    def translation_group(self, article):
        """The article's `TranslationGroup` among these articles, itself included."""
        return TranslationGroup(
            list(self.with_original().versions_of(article).order_by("language", "pk"))
        )


class TranslationGroup(list):
    """The versions of one report, by language: an original and its translations.

    Each version carries `original_id` (see `ArticleQuerySet.with_original`).
    """

    @property
    def original(self):
        return next((version for version in self if version.original_id is None), None)

    @property
    def translations(self):
        return [version for version in self if version.original_id is not None]

    def besides(self, article):
        return [version for version in self if version.pk != article.pk]


class ArticleManager(SlugManager.from_queryset(ArticleQuerySet)):
    pass


class Article(Publishable, SlugNaturalKey, Versioned):
    """A report as an outlet published it, with clean body text."""

    Status = Status

    title = models.CharField(_("title"), max_length=300)
    title_is_provisional = models.BooleanField(
        _("title to review"),
        default=False,
        help_text=_("The importer built this title from the lead; an editor should rewrite it."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=LANGUAGES,
        blank=True,
        help_text=_("Empty when the importer could not tell: choose it before publishing."),
    )
    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("outlet"),
        help_text=_(
            "The outlet that published this page. Empty when the importer did not know it: "
            "confirm the one it proposes, or choose it, before publishing."
        ),
    )
    agency = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="syndicated_articles",
        verbose_name=_("source agency"),
        help_text=_("The agency the story came from, when the outlet republished its copy."),
    )
    source_url = models.URLField(
        _("original address"),
        max_length=1000,
        blank=True,
        validators=[web_address],
        help_text=_("The address of the report on the outlet's site."),
    )
    published_at = models.DateTimeField(
        _("published"),
        default=timezone.now,
        null=True,
        blank=True,
        help_text=_(
            "When the outlet published it. Empty when the report does not say: find it "
            "before publishing."
        ),
    )
    dateline = models.CharField(
        _("dateline"), max_length=200, blank=True, help_text=_("The place line, e.g. Baku.")
    )
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    body = models.TextField(
        _("body"), help_text=_("Plain text; separate paragraphs with a blank line.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    people = models.ManyToManyField(
        Person,
        blank=True,
        related_name="articles",
        verbose_name=_("people named"),
    )
    organizations = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="articles",
        verbose_name=_("organizations named"),
    )
    import_fingerprint = models.CharField(
        _("import fingerprint"),
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("A hash of the normalised text as imported; importing it again is a no-op."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleManager()
    history = HistoricalRecords(excluded_fields=["import_fingerprint"])

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("submit_article", _("Can submit articles for review")),
            ("review_article", _("Can publish, send back and withdraw articles")),
            ("translate_article", _("Can write translations of articles")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_url"],
                condition=~Q(source_url=""),
                name="unique_article_source_url",
                violation_error_message=_("An article with this original address already exists."),
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED)
                | (Q(published_at__isnull=False, outlet__isnull=False) & ~Q(language="")),
                name="published_article_complete",
                violation_error_message=_(
                    "A published article needs its publication date, outlet and language."
                ),
            ),
        ]
        # One for each way the public list is filtered and sorted (newest first, with
        # the id as tie-breaker, as the keyset pages need).
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_published"),
            models.Index(
                fields=["language", "status", "-published_at", "-id"],
                name="article_language_published",
            ),
            models.Index(
                fields=["outlet", "status", "-published_at", "-id"],
                name="article_outlet_published",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"slug": self.slug})

    def get_canonical_url(self):
        """The article's page in the interface language matching its own (see
        `interface_language`): the one address search engines should index."""
        with translation.override(interface_language(self.language)):
            return self.get_absolute_url()

    def missing_for_publication(self):
        """What the article lacks before it can be published, as field labels."""
        return [
            label
            for label, value in [
                (_("publication date"), self.published_at),
                (_("outlet"), self.outlet_id),
                (_("language"), self.language),
            ]
            if not value
        ]

    @property
    def language_name_local(self):
        return language_name_local(self.language)

    def get_language_display(self):
        # Django's own looks the code up among lazy names it hashes anew on every call.
        return language_name(self.language)

    @property
    def paragraphs(self):
        return paragraphs_of(self.body)

    def clean(self):
        if self.pk is None or not self.language:
            return
        clash = self.versions().filter(language=self.language).first()
        if clash is not None:
            raise ValidationError(
                {
                    "language": _("“%(title)s”, a version of this article, is already in %(lang)s.")
                    % {"title": clash, "lang": self.get_language_display()}
                }
            )

    @transaction.atomic
    def translate_into(self, language):
        """A new draft in `language` with this article's metadata, for a translator to
        write, linked to this article as its translation by a person (`Translation`); its
        title starts as this one's, marked for review."""
        translation = Article.objects.create(
            title=self.title,
            title_is_provisional=True,
            slug=unique_slug(f"{self.title} {language}", Article),
            language=language,
            outlet=self.outlet,
            agency=self.agency,
            published_at=self.published_at,
            dateline=self.dateline,
            byline=self.byline,
            body="",
            status=Status.DRAFT,
        )
        translation.people.set(self.people.all())
        translation.organizations.set(self.organizations.all())
        link = Translation(source=self, translation=translation, method=Translation.Method.HUMAN)
        link.follow_source()
        link.save()
        return translation

    def versions(self):
        """This article's original and all its other-language versions, in one query."""
        return Article.objects.versions_of(self).exclude(pk=self.pk)


class TranslationQuerySet(models.QuerySet):
    def outdated(self):
        """Links whose source's title or body changed since the translation was made."""
        return self.filter(source_revision__isnull=False).filter(
            ~Q(source__title=F("source_revision__title"))
            | ~Q(source__body=F("source_revision__body"))
        )


class TranslationManager(models.Manager.from_queryset(TranslationQuerySet)):
    def get_by_natural_key(self, source_slug, translation_slug):
        return self.get(source__slug=source_slug, translation__slug=translation_slug)


class Translation(models.Model):
    """`translation` is `source` in another language.

    A translation group is a star: an original and its translations. The database
    refuses a link between two articles in the same language, a link from an article to
    itself, a second source for one translation, and chains (a translation used as a
    source, or a source made a translation); see migration 0002.
    """

    class Method(models.TextChoices):
        PUBLISHER = "publisher", _("By the publisher")
        HUMAN = "human", _("By a human translator")
        MACHINE = "machine", _("By machine")

    source = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="translation_links",
        verbose_name=_("source"),
    )
    translation = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="source_links",
        verbose_name=_("translation"),
    )
    method = models.CharField(
        _("how it was made"), max_length=20, choices=Method, default=Method.PUBLISHER
    )
    notes = models.TextField(_("notes"), blank=True)
    source_revision = models.ForeignKey(
        "articles.HistoricalArticle",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
        editable=False,
        verbose_name=_("translated from revision"),
        help_text=_("The revision of the source this translation follows."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TranslationManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=F("translation")),
                name="translation_not_self",
                violation_error_message=_("An article cannot be a translation of itself."),
            ),
            models.UniqueConstraint(
                fields=["translation"],
                name="one_source_per_translation",
                violation_error_message=_("This article is already a translation of another."),
            ),
            models.UniqueConstraint(
                fields=["source", "translation"],
                name="unique_translation_pair",
                violation_error_message=_("These two articles are already linked."),
            ),
        ]

    def __str__(self):
        return f"{self.source} ({self.source.language}) → {self.translation.language}"

    def natural_key(self):
        return (self.source.slug, self.translation.slug)

    natural_key.dependencies = ["articles.article"]

    @property
    def is_outdated(self):
        revision = self.source_revision
        return revision is not None and (
            revision.title != self.source.title or revision.body != self.source.body
        )

    def follow_source(self):
        """Record that the translation follows the source as it is now."""
        self.source_revision = latest_revision(self.source)

    def clean(self):
        try:
            source, translation = self.source, self.translation
        except ObjectDoesNotExist:
            return
        if source.language == translation.language:
            raise ValidationError(
                _("A translation must be in another language than its source (both are %(lang)s).")
                % {"lang": source.get_language_display()}
            )
        others = Translation.objects.exclude(pk=self.pk)
        if source.pk and others.filter(translation=source.pk).exists():
            raise ValidationError(
                _("“%(title)s” is itself a translation: link its original instead.")
                % {"title": source}
            )
        if translation.pk and others.filter(source=translation.pk).exists():
            raise ValidationError(
                _("“%(title)s” has translations of its own, so it cannot be a translation.")
                % {"title": translation}
            )
        if source.pk:
            same_language = (
                Article.objects.filter(source_links__in=others.filter(source=source.pk))
                .filter(language=translation.language)
                .exclude(pk=translation.pk)
                .first()
            )
            if same_language is not None:
                raise ValidationError(
                    _("“%(title)s” already translates this source into %(lang)s.")
                    % {"title": same_language, "lang": translation.get_language_display()}
                )


class MeetingQuerySet(PublishableQuerySet):
    def with_person(self, person):
        """Meetings the person took part in or that discussed them."""
        return self.filter(Q(participants__person=person) | Q(mentioned_people=person))

    def with_organization(self, organization):
        """Meetings the organization organized, or took part in itself or through
        someone in one of its posts."""
        return self.filter(
            Q(organizer=organization)
            | Q(participants__organization=organization)
            | Q(participants__post__organization=organization)
        )

    def with_participants(self):
        """Prefetch the participants in the order the desk gave them, with their people,
        posts and organizations."""
        return self.prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related(
                    "person", "post__organization", "organization"
                ).order_by("position", "pk"),
            )
        )

    def newest_first(self):
        return self.order_by("-date", "-pk")


class MeetingManager(SlugManager.from_queryset(MeetingQuerySet)):
    pass


class Meeting(Publishable, SlugNaturalKey, Versioned):
    """The desk's summary of a meeting (schema.org Event)."""

    Status = Status
    needs_go_live = False

    class Kind(models.TextChoices):
        """Kinds of meeting, after the CAMEO event codes (040 to 046)."""

        MEETING = "meeting", _("Bilateral meeting")
        VISIT = "visit", _("Visit")
        ADDRESS = "address", _("Address to a session")
        RECEPTION = "reception", _("Reception of a delegation")
        CONSULTATION = "consultation", _("Consultation")
        CALL = "call", _("Telephone call")
        NEGOTIATION = "negotiation", _("Negotiation")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.MEETING)
    venue = models.CharField(
        _("venue"), max_length=300, blank=True, help_text=_("Building, session or occasion.")
    )
    city = models.CharField(_("city"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    organizer = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organized_meetings",
        verbose_name=_("organizer"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("part of"),
        help_text=_("A visit or session holding this meeting."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("The desk's account. Separate paragraphs with a blank line.")
    )
    language = models.CharField(
        _("summary language"), max_length=7, choices=LANGUAGES, default="en"
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="meetings", verbose_name=_("topics")
    )
    reports = models.ManyToManyField(
        Article,
        through="Coverage",
        blank=True,
        related_name="meetings",
        verbose_name=_("reports"),
    )
    mentioned_people = models.ManyToManyField(
        Person,
        blank=True,
        related_name="mentioned_in_meetings",
        verbose_name=_("people mentioned"),
        help_text=_("People discussed at the meeting who did not take part."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("Set a future time to publish it then; empty: when it is published."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MeetingManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        permissions = [
            ("submit_meeting", _("Can submit meeting summaries for review")),
            ("review_meeting", _("Can publish, send back and withdraw meeting summaries")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="meeting_not_own_part",
                violation_error_message=_("A meeting cannot be part of itself."),
            )
        ]
        indexes = [models.Index(fields=["status", "-date", "-id"], name="meeting_published")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meeting-detail", kwargs={"slug": self.slug})

    def get_language_display(self):
        return language_name(self.language)

    @property
    def place(self):
        return ", ".join(
            part for part in (self.venue, self.city, str(self.country.name or "")) if part
        )

    def missing_for_publication(self):
        """What the meeting lacks before it can be published, as field labels."""
        return [] if self.summary.strip() else [_("summary")]

    @property
    def paragraphs(self):
        return paragraphs_of(self.summary)


class SummaryTranslationQuerySet(models.QuerySet):
    def outdated(self):
        """Summaries whose meeting's title or summary changed since they were translated."""
        return self.filter(source_revision__isnull=False).filter(
            ~Q(meeting__title=F("source_revision__title"))
            | ~Q(meeting__summary=F("source_revision__summary"))
        )


class SummaryTranslation(models.Model):
    """The desk's summary of a meeting in another language."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="summaries", verbose_name=_("meeting")
    )
    language = models.CharField(_("language"), max_length=7, choices=LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"))
    source_revision = models.ForeignKey(
        "articles.HistoricalMeeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
        editable=False,
        verbose_name=_("translated from revision"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SummaryTranslationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("summary translation")
        verbose_name_plural = _("summary translations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "language"],
                name="one_summary_per_language",
                violation_error_message=_("This meeting already has a summary in this language."),
            )
        ]

    def __str__(self):
        return f"{self.meeting} ({self.language})"

    def clean(self):
        if self.meeting_id and self.language == self.meeting.language:
            raise ValidationError(
                {"language": _("The summary is written in this language already.")}
            )

    @property
    def is_outdated(self):
        revision = self.source_revision
        return revision is not None and (
            revision.title != self.meeting.title or revision.summary != self.meeting.summary
        )

    @property
    def paragraphs(self):
        return paragraphs_of(self.summary)

    def follow_source(self):
        """Record that the translation follows the meeting's summary as it is now."""
        self.source_revision = latest_revision(self.meeting)


class CoverageManager(models.Manager):
    def get_by_natural_key(self, meeting_slug, article_slug):
        return self.get(meeting__slug=meeting_slug, article__slug=article_slug)


class Coverage(models.Model):
    """A report that covers a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, verbose_name=_("meeting"))
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="coverage", verbose_name=_("report")
    )

    objects = CoverageManager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports covering this meeting")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "article"],
                name="unique_coverage",
                violation_error_message=_("This report is already listed for this meeting."),
            )
        ]

    def __str__(self):
        return str(self.article)

    def natural_key(self):
        return (self.meeting.slug, self.article.slug)

    natural_key.dependencies = ["articles.meeting", "articles.article"]


class ParticipantManager(models.Manager):
    def get_by_natural_key(self, meeting_slug, reported_name):
        return self.get(meeting__slug=meeting_slug, reported_name=reported_name)


class Participant(models.Model):
    """Someone who took part in a meeting, in the post they held then."""

    class Side(models.TextChoices):
        HOST = "host", _("Host")
        GUEST = "guest", _("Guest")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participants", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("person"),
        help_text=_("Leave empty when the person is not yet in the database."),
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("post held"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("representing"),
        help_text=_("The organization or state they spoke for."),
    )
    side = models.CharField(_("side"), max_length=10, choices=Side, default=Side.OTHER)
    reported_name = models.CharField(
        _("name as reported"), max_length=300, help_text=_("As the report gave it.")
    )
    reported_title = models.CharField(
        _("title as reported"), max_length=500, blank=True, help_text=_("As the report gave it.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ParticipantManager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "reported_name"],
                name="unique_participant_name",
                violation_error_message=_("This name is already listed for this meeting."),
            ),
        ]

    def __str__(self):
        return self.person.name if self.person_id else self.reported_name

    def natural_key(self):
        return (self.meeting.slug, self.reported_name)

    natural_key.dependencies = ["articles.meeting", "people.person", "people.post"]

    def clean(self):
        if self.post_id and self.person_id and self.post.person_id != self.person_id:
            raise ValidationError({"post": _("This post belongs to someone else.")})


class WorkflowEvent(models.Model):
    """A change of status: who made it, when, from what to what, and why."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workflow_events",
        verbose_name=_("article"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workflow_events",
        verbose_name=_("meeting"),
    )
    transition = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=Status)
    to_status = models.CharField(_("to"), max_length=20, choices=Status)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow")
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, meeting__isnull=True)
                | Q(article__isnull=True, meeting__isnull=False),
                name="workflow_event_one_item",
            )
        ]
        indexes = [models.Index(fields=["created_at"], name="workflow_event_created")]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class SearchDocument(models.Model):
    """The searchable text of one published article or meeting, kept by `articles.search`.

    Derived data: rebuilt from the item whenever it, its people, organizations,
    participants or summary translations change. PostgreSQL searches `vector` (a GIN
    index); SQLite searches an FTS5 table mirroring `title` and `body`.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, null=True, related_name="search_document"
    )
    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, null=True, related_name="search_document"
    )
    language = models.CharField(max_length=7, choices=LANGUAGES)
    config = models.CharField(
        max_length=20, help_text="PostgreSQL text-search configuration for the language."
    )
    title = models.TextField()
    body = models.TextField()
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, meeting__isnull=True)
                | Q(article__isnull=True, meeting__isnull=False),
                name="search_document_one_item",
            )
        ]

    def __str__(self):
        return self.title


class ContentVersion(models.Model):
    """When what readers can see last changed, and when the next scheduled item goes
    live, as Unix times: one row, the durable record behind the page cache's keys and
    ETags (`articles.caching`), which the cache only copies. Operational state, not
    content: backups leave it out."""

    changed_at = models.FloatField()
    next_scheduled_at = models.FloatField(
        default=0, help_text="0 when nothing is scheduled to go live."
    )

    class Meta:
        verbose_name = _("content version")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="content_version_one_row")]

    def __str__(self):
        return f"{self.changed_at:.6f}"
