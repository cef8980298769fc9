"""What the importer proposes and an editor confirms: names to add, related reports,
and meetings read in reports.

Nothing becomes a person, organization, outlet, link or meeting until an editor accepts
the proposal. The tables keep the names they had in the articles app.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Outlet, Translation
from core.languages import LANGUAGES
from core.models import find_by_name, unique_slug
from meetings.models import Coverage, Meeting, Participant
from people.models import Organization, Person, Post


class NameProposal(models.Model):
    """A person, organization or outlet the importer found in a report but could not
    match.

    Nothing becomes a `Person`, `Organization` or `Outlet` until an editor confirms it.
    """

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANIZATION = "organization", _("Organization")
        OUTLET = "outlet", _("Outlet")
        AGENCY = "agency", _("Source agency")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="name_proposals", verbose_name=_("article")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    name = models.CharField(_("name"), max_length=300)
    context = models.CharField(
        _("context"), max_length=500, blank=True, help_text=_("Where the report names it.")
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        db_table = "articles_nameproposal"
        verbose_name = _("name to confirm")
        verbose_name_plural = _("names to confirm")
        constraints = [
            models.UniqueConstraint(fields=["article", "kind", "name"], name="unique_name_proposal")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    def accept(self):
        """Make the name a `Person`, `Organization` or `Outlet` (or find the one of that
        name) and link it to the article. The proposal is used up, and so are the
        article's other proposals for the same role."""
        if self.kind in (self.Kind.OUTLET, self.Kind.AGENCY):
            return self.accept_outlet()
        model, names = (
            (Person, self.article.people)
            if self.kind == self.Kind.PERSON
            else (Organization, self.article.organizations)
        )
        record = find_by_name(model, self.name)
        if record is None:
            record = model.objects.create(name=self.name, slug=unique_slug(self.name, model))
        names.add(record)
        self.delete()
        return record

    def accept_outlet(self):
        """The article's outlet (or source agency) becomes the `Outlet` of this name,
        created when new. The article's version moves, so an editor's form opened before
        cannot put the old outlet back (it gets the edit-conflict message)."""
        record = find_by_name(Outlet, self.name)
        if record is None:
            record = Outlet.objects.create(
                name=self.name[:200], slug=unique_slug(self.name, Outlet)
            )
        field = "outlet" if self.kind == self.Kind.OUTLET else "agency"
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=self.article_id)
            setattr(article, field, record)
            article._change_reason = f"{self.get_kind_display()}: {record.name}"
            article.save(update_fields=[field, "updated_at"])
            self.article.name_proposals.filter(kind=self.kind).delete()
        return record


class RelationProposal(models.Model):
    """Another report the importer thinks covers the same meeting, or translates this one."""

    class Relation(models.TextChoices):
        TRANSLATION = "translation", _("Translation")
        SAME_EVENT = "same_event", _("Same event")

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="relation_proposals",
        verbose_name=_("article"),
    )
    candidate = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("related report"),
    )
    relation = models.CharField(_("relation"), max_length=20, choices=Relation)
    score = models.FloatField(_("score"))
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        db_table = "articles_relationproposal"
        verbose_name = _("proposed relation")
        verbose_name_plural = _("proposed relations")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "candidate"], name="unique_relation_proposal"
            ),
            models.CheckConstraint(
                condition=~Q(article=F("candidate")), name="relation_proposal_not_self"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=1), name="relation_proposal_score_range"
            ),
        ]

    def __str__(self):
        return f"{self.get_relation_display()}: {self.candidate}"

    def accept(self):
        """Link the two reports: as a translation of the other report's original, or as
        another report of the meetings the other covers. The proposal is used up.

        Raises ValidationError, naming the reason, when the link would break a rule.
        """
        if self.relation == self.Relation.TRANSLATION:
            source = self.candidate
            original = Translation.objects.filter(translation=source).select_related("source")
            if original.exists():
                source = original.get().source
            link = Translation(
                source=source,
                translation=self.article,
                notes=_("Proposed by the importer (score %(score).2f).") % {"score": self.score},
            )
            link.follow_source()
            link.full_clean()
            link.save()
            self.delete()
            return link
        meetings = list(self.candidate.meetings.order_by("pk"))
        if not meetings:
            raise ValidationError(
                _("“%(title)s” covers no meeting yet: write the meeting summary first.")
                % {"title": self.candidate}
            )
        for meeting in meetings:
            Coverage.objects.get_or_create(meeting=meeting, article=self.article)
        self.delete()
        return meetings


class MeetingProposal(models.Model):
    """A meeting the importer read in one or more reports, for an editor to confirm.

    With `meeting` set, the reports are proposed as coverage of that stored meeting;
    without, confirming the proposal makes a draft `Meeting` of it, with its participants
    and reports. Nothing is invented: a day or place the reports do not give stays empty.
    """

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coverage_proposals",
        verbose_name=_("stored meeting"),
        help_text=_("Set when the reports cover a meeting already in the database."),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Meeting.Kind, default=Meeting.Kind.MEETING
    )
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Empty when no report states the day of the meeting."),
    )
    city = models.CharField(_("city"), max_length=200, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    language = models.CharField(_("summary language"), max_length=7, choices=LANGUAGES)
    reports = models.ManyToManyField(
        Article, related_name="meeting_proposals", verbose_name=_("reports")
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        db_table = "articles_meetingproposal"
        verbose_name = _("meeting to confirm")
        verbose_name_plural = _("meetings to confirm")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(self.meeting) if self.meeting_id else self.title

    @property
    def place(self):
        return ", ".join(part for part in (self.venue, self.city) if part)

    def accept(self):
        """Make the proposal a draft `Meeting` with its participants (in the posts they
        held that day) and its reports, or add the reports to the stored meeting. The
        proposal is used up. Raises ValidationError, naming what is missing."""
        if self.meeting_id:
            for article in self.reports.order_by("pk"):
                Coverage.objects.get_or_create(meeting=self.meeting, article=article)
            meeting = self.meeting
            self.delete()
            return meeting
        if self.date is None:
            raise ValidationError(
                _("No report states the day of “%(title)s”: enter its date first.")
                % {"title": self.title}
            )
        meeting = Meeting(
            title=self.title,
            slug=unique_slug(f"{self.title} {self.date.year}", Meeting),
            date=self.date,
            kind=self.kind,
            city=self.city,
            venue=self.venue,
            language=self.language,
            summary="",
        )
        meeting._change_reason = gettext("proposed by the importer")
        meeting.save()
        participants = list(self.participants.select_related("person").order_by("position", "pk"))
        posts = Post.objects.held_on(self.date).filter(
            person__in=[p.person_id for p in participants if p.person_id]
        )
        post_of = {}
        for post in posts.select_related("organization"):
            post_of.setdefault(post.person_id, post)
        Participant.objects.bulk_create(
            Participant(
                meeting=meeting,
                person=proposed.person,
                post=post_of.get(proposed.person_id),
                organization=proposed.organization
                or getattr(post_of.get(proposed.person_id), "organization", None),
                side=proposed.side,
                reported_name=proposed.reported_name,
                reported_title=proposed.reported_title,
                position=position,
            )
            for position, proposed in enumerate(participants)
        )
        Coverage.objects.bulk_create(
            Coverage(meeting=meeting, article=article) for article in self.reports.order_by("pk")
        )
        self.delete()
        return meeting


class ProposedParticipant(models.Model):
    """Someone a report names as taking part in a proposed meeting, as it names them."""

    proposal = models.ForeignKey(
        MeetingProposal,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("meeting to confirm"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
        help_text=_("Empty while the name is not in the database."),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("representing"),
    )
    side = models.CharField(
        _("side"), max_length=10, choices=Participant.Side, default=Participant.Side.OTHER
    )
    reported_name = models.CharField(_("name as reported"), max_length=300)
    reported_title = models.CharField(_("title as reported"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        db_table = "articles_proposedparticipant"
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "reported_name"],
                name="unique_proposed_participant",
                violation_error_message=_("This name is already listed for this meeting."),
            ),
        ]

    def __str__(self):
        return self.reported_name
