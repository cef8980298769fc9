"""The search documents: what each published article and meeting puts in its own,
writing them, rebuilding them all, the database objects that index them, and the
signal handlers that keep them current (see `search` for how they are read)."""

from django.contrib.postgres.search import SearchVector
from django.db import connections, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
)

from articles.models import Article, Outlet
from editorial.models import Status
from meetings.models import Meeting, Participant, SummaryTranslation, Topic
from people.models import Organization, Person

from . import postgresql, sqlite
from .models import SearchDocument
from .postgresql import config_for
from .terms import CONTROL_CHARACTERS


def clean(text):
    return CONTROL_CHARACTERS.sub(" ", text or "")


def article_document(article):
    names = [person.name for person in article.people.all()]
    names += [organization.name for organization in article.organizations.all()]
    parts = [
        article.body,
        article.dateline,
        article.byline,
        article.outlet.name,
        article.agency.name if article.agency else "",
        " · ".join(names),
    ]
    return document(article=article, title=article.title, language=article.language, parts=parts)


def meeting_document(meeting):
    names = []
    for participant in meeting.participants.all():
        names.append(participant.person.name if participant.person else participant.reported_name)
        organization = participant.organization or (
            participant.post.organization if participant.post else None
        )
        if organization:
            names.append(organization.name)
    names += [person.name for person in meeting.mentioned_people.all()]
    names += [topic.name for topic in meeting.topics.all()]
    summaries = [f"{summary.title}\n\n{summary.summary}" for summary in meeting.summaries.all()]
    parts = [
        meeting.summary,
        *summaries,
        meeting.venue,
        meeting.city,
        meeting.country.name if meeting.country else "",
        meeting.organizer.name if meeting.organizer else "",
        " · ".join(names),
    ]
    return document(meeting=meeting, title=meeting.title, language=meeting.language, parts=parts)


def document(*, title, language, parts, **item):
    return SearchDocument(
        **item,
        language=language,
        config=config_for(language),
        title=clean(title),
        body=clean("\n\n".join(part for part in parts if part)),
    )


def index_articles(articles, using="default"):
    """Rebuild the documents of these articles (a queryset): published ones get one,
    the others lose theirs."""
    articles = Article.objects.using(using).filter(pk__in=articles.values("pk"))
    published = (
        articles.filter(status=Status.PUBLISHED)
        .select_related("outlet", "agency")
        .prefetch_related("people", "organizations")
        .order_by("pk")
    )
    write(
        SearchDocument.objects.using(using).filter(article__in=articles.values("pk")),
        [article_document(article) for article in published],
        using,
    )


def index_meetings(meetings, using="default"):
    """Rebuild the documents of these meetings (a queryset), as `index_articles`."""
    meetings = Meeting.objects.using(using).filter(pk__in=meetings.values("pk"))
    published = (
        meetings.filter(status=Status.PUBLISHED)
        .select_related("organizer")
        .with_participants()
        .prefetch_related(
            "mentioned_people",
            "topics",
            "summaries",
        )
        .order_by("pk")
    )
    write(
        SearchDocument.objects.using(using).filter(meeting__in=meetings.values("pk")),
        [meeting_document(meeting) for meeting in published],
        using,
    )


def write(stale, documents, using):
    with transaction.atomic(using=using):
        stale.delete()
        created = SearchDocument.objects.using(using).bulk_create(documents, batch_size=500)
        if created and connections[using].vendor == "postgresql":
            SearchDocument.objects.using(using).filter(
                pk__in=[document.pk for document in created]
            ).update(
                vector=SearchVector("title", weight="A", config=F("config"))
                + SearchVector("body", weight="B", config=F("config"))
            )


def rebuild(using="default", batch_size=2000):
    """Rebuild every document, in batches; returns the number indexed."""
    for model, index in ((Article, index_articles), (Meeting, index_meetings)):
        ids = list(model.objects.using(using).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            index(model.objects.filter(pk__in=ids[start : start + batch_size]), using)
    return SearchDocument.objects.using(using).count()


# Database objects: the FTS5 table on SQLite, the GIN index on PostgreSQL


def install(using, **kwargs):
    """Create the search index's database objects (idempotent; run after `migrate`)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        table_names = connection.introspection.table_names(cursor)
        if SearchDocument._meta.db_table not in table_names:
            return
        if connection.vendor == "postgresql":
            postgresql.install(cursor)
        elif connection.vendor == "sqlite":
            sqlite.install(cursor, table_names)


# Keeping documents current


def article_changed(sender, instance, using, **kwargs):
    index_articles(Article.objects.filter(pk=instance.pk), using)


def meeting_changed(sender, instance, using, **kwargs):
    index_meetings(Meeting.objects.filter(pk=instance.pk), using)


def meeting_part_changed(sender, instance, using, origin=None, **kwargs):
    """A participant or summary translation saved or deleted."""
    if isinstance(origin, Meeting | QuerySet) and getattr(origin, "model", Meeting) is Meeting:
        return  # the meeting itself is being deleted
    index_meetings(Meeting.objects.filter(pk=instance.meeting_id), using)


#: Many-to-many relations shown in documents: the item model and its field.
RELATIONS = {
    Article.people.through: (Article, "people"),
    Article.organizations.through: (Article, "organizations"),
    Meeting.topics.through: (Meeting, "topics"),
    Meeting.mentioned_people.through: (Meeting, "mentioned_people"),
}


def relations_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    """Items gained or lost people, organizations or topics, changed from either side.

    Clearing from the other side (`person.articles.clear()`) names no items, so they are
    noted before the clear and reindexed after it.
    """
    model, field = RELATIONS[sender]
    index = index_articles if model is Article else index_meetings
    if not reverse:
        # An unpublished item has no document: its last save removed it.
        if action.startswith("post_") and instance.status == Status.PUBLISHED:
            index(model.objects.filter(pk=instance.pk), using)
    elif action == "pre_clear":
        instance._search_cleared = list(
            model.objects.filter(**{field: instance}).values_list("pk", flat=True)
        )
    elif action == "post_clear":
        index(model.objects.filter(pk__in=instance.__dict__.pop("_search_cleared", [])), using)
    elif action.startswith("post_"):
        index(model.objects.filter(pk__in=pk_set), using)


def shown_in(instance):
    """The articles and meetings whose documents show this person, organization, topic
    or outlet."""
    articles, meetings = Article.objects.none(), Meeting.objects.none()
    if isinstance(instance, Person):
        articles = Article.objects.filter(people=instance)
        meetings = Meeting.objects.with_person(instance)
    elif isinstance(instance, Organization):
        articles = Article.objects.filter(organizations=instance)
        meetings = Meeting.objects.with_organization(instance)
    elif isinstance(instance, Topic):
        meetings = Meeting.objects.filter(topics=instance)
    elif isinstance(instance, Outlet):
        articles = Article.objects.filter(Q(outlet=instance) | Q(agency=instance))
    return articles, meetings


def name_changed(sender, instance, using, created=False, raw=False, **kwargs):
    if raw or created:
        return  # nothing shows a new name yet
    articles, meetings = shown_in(instance)
    index_articles(articles, using)
    index_meetings(meetings, using)


def name_deleting(sender, instance, using, **kwargs):
    articles, meetings = shown_in(instance)
    instance._search_shown_in = (
        list(articles.using(using).values_list("pk", flat=True)),
        list(meetings.using(using).values_list("pk", flat=True)),
    )


def name_deleted(sender, instance, using, **kwargs):
    articles, meetings = instance.__dict__.pop("_search_shown_in", ([], []))
    index_articles(Article.objects.filter(pk__in=articles), using)
    index_meetings(Meeting.objects.filter(pk__in=meetings), using)


def connect(app_config):
    post_migrate.connect(install, sender=app_config)
    post_save.connect(article_changed, sender=Article)
    post_save.connect(meeting_changed, sender=Meeting)
    for relation in RELATIONS:
        m2m_changed.connect(relations_changed, sender=relation)
    for model in (Participant, SummaryTranslation):
        post_save.connect(meeting_part_changed, sender=model)
        post_delete.connect(meeting_part_changed, sender=model)
    for model in (Person, Organization, Topic, Outlet):
        post_save.connect(name_changed, sender=model)
        pre_delete.connect(name_deleting, sender=model)
        post_delete.connect(name_deleted, sender=model)
