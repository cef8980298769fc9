import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from articles import models
from ingest.models import MeetingProposal, ProposedParticipant
from meetings import models as meetings_models
from people import models as people_models


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Outlet
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.Sequence(lambda n: f"outlet-{n}")
    country = "AZ"
    language = "en"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = meetings_models.Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = people_models.Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = people_models.Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = people_models.Organization.Kind.UN_BODY


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = people_models.Post

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = "Minister of Foreign Affairs"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    title = factory.Sequence(lambda n: f"Report number {n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    language = "en"
    outlet = factory.SubFactory(OutletFactory)
    published_at = factory.Sequence(lambda n: timezone.now() - dt.timedelta(days=1, hours=n))
    body = "First paragraph of the report.\n\nSecond paragraph of the report."
    status = models.Status.PUBLISHED


class TranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Translation

    source = factory.SubFactory(ArticleFactory, language="en")
    translation = factory.SubFactory(ArticleFactory, language="fr")
    method = models.Translation.Method.PUBLISHER


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = meetings_models.Meeting

    title = factory.Sequence(lambda n: f"Meeting number {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    date = dt.date(2024, 9, 25)
    kind = meetings_models.Meeting.Kind.MEETING
    city = "Baku"
    country = "AZ"
    summary = "The desk's account of the meeting.\n\nA second paragraph."
    status = models.Status.PUBLISHED


class SummaryTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = meetings_models.SummaryTranslation

    meeting = factory.SubFactory(MeetingFactory, language="en")
    language = "fr"
    title = "Réunion"
    summary = "Le compte rendu de la réunion."


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = meetings_models.Participant

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    reported_name = factory.LazyAttribute(lambda participant: participant.person.name)
    side = meetings_models.Participant.Side.HOST


class MeetingProposalFactory(factory.django.DjangoModelFactory):
    """A meeting the importer read in a report, with that report and two participants."""

    class Meta:
        model = MeetingProposal
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Minister number {n} meets the High Commissioner")
    kind = meetings_models.Meeting.Kind.MEETING
    date = dt.date(2024, 9, 25)
    city = "Geneva"
    language = "en"

    @factory.post_generation
    def reports(self, create, extracted, **kwargs):
        if create:
            self.reports.set(extracted if extracted is not None else [ArticleFactory()])

    @factory.post_generation
    def participants(self, create, extracted, **kwargs):
        if create and extracted is None:
            ProposedParticipantFactory(proposal=self, side=meetings_models.Participant.Side.HOST)
            ProposedParticipantFactory(proposal=self, side=meetings_models.Participant.Side.GUEST)


class ProposedParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposedParticipant

    proposal = factory.SubFactory(MeetingProposalFactory, participants=[])
    person = factory.SubFactory(PersonFactory)
    reported_name = factory.LazyAttribute(lambda participant: participant.person.name)
    reported_title = "Minister of Foreign Affairs"
    position = factory.Sequence(lambda n: n)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class EditorFactory(UserFactory):
    """A staff user in the Editors group created by the data migration."""

    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=extracted or "Editors"))


class ReviewerFactory(EditorFactory):
    groups = factory.PostGeneration(
        lambda user, create, extracted, **kwargs: (
            create and user.groups.add(Group.objects.get(name="Reviewers"))
        )
    )


class TranslatorFactory(EditorFactory):
    groups = factory.PostGeneration(
        lambda user, create, extracted, **kwargs: (
            create and user.groups.add(Group.objects.get(name="Translators"))
        )
    )
