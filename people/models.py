"""People, the organizations and states they act for, and the posts they hold there,
after Popolo: a `Post` is a post a person held in an organization for a period
(Popolo's Membership). Both go by other names in other languages and scripts.

The tables keep the names they had when these models lived in the articles app.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.languages import LANGUAGES
from core.models import SlugManager, SlugNaturalKey


class PersonQuerySet(models.QuerySet):
    def with_posts(self):
        """Prefetch each person's posts in the order they are shown, with their
        organizations."""
        return self.prefetch_related(
            Prefetch("posts", queryset=Post.objects.select_related("organization").latest_first())
        )


class Person(SlugNaturalKey, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences on who this is.")
    )

    objects = SlugManager.from_queryset(PersonQuerySet)()

    class Meta:
        db_table = "articles_person"
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("person-detail", kwargs={"slug": self.slug})


class OrganizationQuerySet(models.QuerySet):
    def with_parts(self, organization):
        """The organization and those within it, three levels down: a state, its
        government, a ministry, one of its departments."""
        condition = Q(pk=organization.pk)
        for level in ("parent", "parent__parent", "parent__parent__parent"):
            condition |= Q(**{level: organization})
        return self.filter(condition)


class Organization(SlugNaturalKey, models.Model):
    class Kind(models.TextChoices):
        STATE = "state", _("State")
        GOVERNMENT = "government", _("Government")
        MINISTRY = "ministry", _("Ministry")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization")
        UN_BODY = "un-body", _("UN body")
        OMBUDSMAN = "ombudsman", _("Ombudsman institution")
        NGO = "ngo", _("Non-governmental organization")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )

    objects = SlugManager.from_queryset(OrganizationQuerySet)()

    class Meta:
        db_table = "articles_organization"
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="organization_not_own_parent",
                violation_error_message=_("An organization cannot be part of itself."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organization-detail", kwargs={"slug": self.slug})

    def clean(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("An organization cannot be part of one of its own parts.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def ancestors(self):
        """The organizations this one belongs to, nearest first."""
        chain, ancestor = [], self.parent
        while ancestor is not None and ancestor not in chain:
            chain.append(ancestor)
            ancestor = ancestor.parent
        return chain


class OtherName(models.Model):
    """A name used elsewhere: an alias, a transliteration, a form with initials."""

    name = models.CharField(_("name"), max_length=300)
    language = models.CharField(_("language"), max_length=7, choices=LANGUAGES, blank=True)
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("e.g. initials, transliteration")
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name} ({self.language})" if self.language else self.name


class PersonNameManager(models.Manager):
    def get_by_natural_key(self, person_slug, name, language):
        return self.get(person__slug=person_slug, name=name, language=language)


class PersonName(OtherName):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="other_names", verbose_name=_("person")
    )

    objects = PersonNameManager()

    class Meta:
        db_table = "articles_personname"
        verbose_name = _("other name")
        verbose_name_plural = _("other names")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "name", "language"], name="unique_person_other_name"
            )
        ]

    def natural_key(self):
        return (*self.person.natural_key(), self.name, self.language)

    natural_key.dependencies = ["people.person"]


class OrganizationNameManager(models.Manager):
    def get_by_natural_key(self, organization_slug, name, language):
        return self.get(organization__slug=organization_slug, name=name, language=language)


class OrganizationName(OtherName):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="other_names",
        verbose_name=_("organization"),
    )

    objects = OrganizationNameManager()

    class Meta:
        db_table = "articles_organizationname"
        verbose_name = _("other name")
        verbose_name_plural = _("other names")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name", "language"],
                name="unique_organization_other_name",
            )
        ]

    def natural_key(self):
        return (*self.organization.natural_key(), self.name, self.language)

    natural_key.dependencies = ["people.organization"]


class PostQuerySet(models.QuerySet):
    def latest_first(self, *then):
        """The order posts are shown in: the latest begun first, undated ones last."""
        return self.order_by(F("start_date").desc(nulls_last=True), *(then or ["pk"]))

    def held_on(self, date):
        """Posts held that day, or with no dates to say otherwise; the latest begun first."""
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=date),
            Q(end_date__isnull=True) | Q(end_date__gte=date),
        ).latest_first()


class PostManager(models.Manager.from_queryset(PostQuerySet)):
    def get_by_natural_key(self, person_slug, organization_slug, title, start_date):
        return self.get(
            person__slug=person_slug,
            organization__slug=organization_slug,
            title=title,
            start_date=start_date,
        )


class Post(models.Model):
    """A post a person held in an organization for a period (Popolo's Membership).

    Dates are left empty where no report gives them.
    """

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="posts", verbose_name=_("person")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="posts",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)

    objects = PostManager()

    class Meta:
        db_table = "articles_post"
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organization", "title", "start_date"],
                name="unique_post",
                violation_error_message=_(
                    "This person already holds this post in this organization from that date."
                ),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="post_ends_after_it_starts",
                violation_error_message=_("A post cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.person}, {self.title} ({self.organization})"

    def natural_key(self):
        return (
            self.person.slug,
            self.organization.slug,
            self.title,
            self.start_date.isoformat() if self.start_date else None,
        )

    natural_key.dependencies = ["people.person", "people.organization"]
