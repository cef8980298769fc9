"""Outlets, the reports they publish, and which report translates which.

An article is a schema.org NewsArticle; a translation links a source report to its
translated version (schema.org's translationOfWork and workTranslation).
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import F, Q
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
from people.models import Organization, Person


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

    def attach_versions(self, articles):
        """Give each of `articles` `other_versions`: its versions in other languages
        among these (say `published()`). One query; the articles must carry
        `original_id` (`with_original`)."""
        articles = list(articles)
        groups = self.versions_by_group(articles)
        for article in articles:
            group = groups.get(article.original_id or article.pk, TranslationGroup())
            article.other_versions = group.besides(article)
        return articles

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
