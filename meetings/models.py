"""The desk's summaries of meetings: when and where, who took part in which post, what
was discussed, the summary in other languages, and the reports that cover each meeting.

A meeting `Participant` records the post held then, the organization or state
represented, and the name and title exactly as the report gave them (Open Civic Data's
EventParticipant; Popolo's Event for the meeting).

The models kept the tables the articles app made for them (`db_table`), so moving them
here changed Django's state only (`meetings.0001`, `articles.0019`).
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce, Trunc
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from articles.models import Article
from core.languages import LANGUAGES, language_name
from core.models import SlugManager, SlugNaturalKey, paragraphs_of
from editorial.models import Publishable, PublishableQuerySet, Status, Versioned, latest_revision
from people.models import Organization, Person, Post


class Topic(SlugNaturalKey, models.Model):
    """A subject discussed at meetings, from the desk's controlled list."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    objects = SlugManager()

    class Meta:
        db_table = "articles_topic"
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('article-list')}?topic={self.slug}"


def participants_in_order():
    """A meeting's participants in the order the desk gave them, with their people,
    posts and organizations, to prefetch."""
    return Prefetch(
        "participants",
        queryset=Participant.objects.select_related(
            "person", "post__organization", "organization"
        ).order_by("position", "pk"),
    )


class MeetingQuerySet(PublishableQuerySet):
    def with_person(self, person):
        """Meetings the person took part in or that discussed them. The ids are read
        from the person's own rows, in one `UNION`, so the archive's other meetings'
        participants are never read: joined, the query read every meeting's participants
        (90 ms at 20,000 meetings), and two `IN` tests joined by `OR` read every meeting
        (75 ms at 200,000 on PostgreSQL; 6 ms as one)."""
        mentioned = Meeting.mentioned_people.through.objects.filter(person=person)
        return self.filter(
            pk__in=Participant.objects.filter(person=person)
            .values("meeting")
            .union(mentioned.values("meeting"))
        )

    def with_organization(self, organization):
        """Meetings the organization organized, or took part in itself or through
        someone in one of its posts (their ids in one `UNION`, as `with_person`)."""
        posts = Post.objects.filter(organization=organization).values("pk")
        return self.filter(
            pk__in=Meeting.objects.filter(organizer=organization)
            .values("pk")
            .union(
                Participant.objects.filter(organization=organization).values("meeting"),
                Participant.objects.filter(post__in=posts).values("meeting"),
            )
        )

    def with_participants(self):
        """Prefetch the participants in the order the desk gave them, with their people,
        posts and organizations."""
        return self.prefetch_related(participants_in_order())

    def held_between(self, start=None, end=None):
        """The meetings held from `start` to `end`, both days included; None leaves that
        end of the range open."""
        meetings = self
        if start is not None:
            meetings = meetings.filter(date__gte=start)
        if end is not None:
            meetings = meetings.filter(date__lte=end)
        return meetings

    def counted_by_month_and(self, field):
        """How many of these meetings each month holds for each value of `field`
        ("kind"): rows of `month` (its first day), the field and `count`."""
        return (
            self.annotate(month=Trunc("date", "month"))
            .values("month", field)
            .annotate(count=Count("pk", distinct=True))
            .order_by("month", field)
        )

    def counted_by_organization_and_month(self):
        """How many of these meetings each organization or state took part in, month by
        month: through the participants who spoke for it, or held a post in it when the
        desk named no organization they spoke for. Rows of `taking_part` (the
        organization's id), `month` and `count`."""
        return (
            Participant.objects.filter(meeting__in=self.values("pk"))
            .annotate(
                taking_part=Coalesce("organization", "post__organization"),
                month=Trunc("meeting__date", "month"),
            )
            .exclude(taking_part=None)
            .values("taking_part", "month")
            .annotate(count=Count("meeting", distinct=True))
            .order_by("taking_part", "month")
        )

    def without_summary(self):
        """Meetings whose summary is still empty (as the importer's drafts start)."""
        return self.filter(summary__regex=r"^\s*$")

    def without_summary_translation(self):
        """Meetings whose summary is in no other language yet."""
        return self.exclude(Exists(SummaryTranslation.objects.filter(meeting=OuterRef("pk"))))

    def with_report_count(self):
        """Annotate `report_count`: how many reports cover each meeting, drafts too."""
        return self.annotate(report_count=Count("reports", distinct=True))

    def newest_first(self):
        return self.order_by("-date", "-pk")

    def counted_by(self, period):
        """How many of these meetings fall in each `period` ("year" or "month"): rows
        of `period` (its first day) and `count`, earliest first."""
        return (
            self.annotate(period=Trunc("date", period))
            .values("period")
            .annotate(count=Count("pk", distinct=True))
            .order_by("period")
        )

    def shared_with(self, subject, counterpart):
        """These meetings of `subject` (a person or an organization) that `counterpart`
        shared: a person by taking part, an organization by organizing one or through
        someone there speaking for it or holding a post in it; no one on `subject`'s
        own side (`side_of`) counts."""
        others = Participant.objects.exclude(side_of(subject))
        if isinstance(counterpart, Person):
            return self.filter(pk__in=others.filter(person=counterpart).values("meeting"))
        speaking_for = Q(organization=counterpart) | Q(post__organization=counterpart)
        return self.filter(
            Q(organizer=counterpart) | Q(pk__in=others.filter(speaking_for).values("meeting"))
        )

    def people_met(self, subject):
        """The people who took part in these meetings beside `subject`, each with the
        number of meetings shared (`shared`, as `shared_with` counts them), the most
        shared first."""
        others = Participant.objects.filter(meeting__in=self.values("pk")).exclude(side_of(subject))
        return (
            Person.objects.filter(participations__in=others)
            .annotate(shared=Count("participations__meeting", distinct=True))
            .order_by("-shared", "name", "pk")
        )

    def organizations_met(self, subject):
        """The organizations that organized these meetings or took part in them beside
        `subject` (but an organization's own parts), each with the number of meetings
        shared (`shared`, as `shared_with` counts them), the most shared first: a list.

        Counted here from the (organization, meeting) pairs of these meetings, read in
        one query, and the organizations in one more: counted by the database, with a
        subquery per organization, each organization read the subject's meetings again
        (850 ms for a person with a thousand meetings, among 200,000, on PostgreSQL)."""
        meetings = self.values("pk")
        present = Participant.objects.filter(meeting__in=meetings).exclude(side_of(subject))
        pairs = (
            Meeting.objects.filter(pk__in=meetings, organizer__isnull=False)
            .values_list("organizer", "pk")
            .union(
                present.filter(organization__isnull=False).values_list("organization", "meeting"),
                present.filter(post__organization__isnull=False).values_list(
                    "post__organization", "meeting"
                ),
                all=True,
            )
        )
        shared = defaultdict(set)
        for organization, meeting in pairs:
            shared[organization].add(meeting)
        organizations = Organization.objects.filter(pk__in=list(shared))
        if isinstance(subject, Organization):
            organizations = organizations.exclude(pk__in=Organization.objects.with_parts(subject))
        organizations = list(organizations)
        for organization in organizations:
            organization.shared = len(shared[organization.pk])
        return sorted(organizations, key=lambda each: (-each.shared, each.name, each.pk))


def side_of(subject):
    """The participants on `subject`'s own side of a meeting, as a filter: the person
    themself, or those who spoke for the organization or one of its parts, or held a
    post in them. Meetings are shared with everyone else there."""
    if isinstance(subject, Person):
        return Q(person=subject)
    own = Organization.objects.with_parts(subject)
    return Q(organization__in=own) | Q(post__organization__in=own)


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
    history = HistoricalRecords(table_name="articles_historicalmeeting")

    class Meta:
        db_table = "articles_meeting"
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
        "meetings.HistoricalMeeting",
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
    history = HistoricalRecords(table_name="articles_historicalsummarytranslation")

    class Meta:
        db_table = "articles_summarytranslation"
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
        db_table = "articles_coverage"
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

    natural_key.dependencies = ["meetings.meeting", "articles.article"]


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
        db_table = "articles_participant"
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

    natural_key.dependencies = ["meetings.meeting", "people.person", "people.post"]

    def clean(self):
        if self.post_id and self.person_id and self.post.person_id != self.person_id:
            raise ValidationError({"post": _("This post belongs to someone else.")})
