from django.db import migrations


#: The models that moved to the ingest app, by content type name.
MOVED = ["nameproposal", "relationproposal", "meetingproposal", "proposedparticipant"]


def move_content_types(apps, schema_editor, source, target):
    """Give the moved models' content types their new app: their permissions, the
    groups that hold them and the admin's log follow, as they point at these rows."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        if types.filter(app_label=source, model=model).exists():
            types.filter(app_label=target, model=model).delete()
            types.filter(app_label=source, model=model).update(app_label=target)
    ContentType.objects.clear_cache()


def relabel(apps, schema_editor):
    move_content_types(apps, schema_editor, "articles", "ingest")


def unrelabel(apps, schema_editor):
    move_content_types(apps, schema_editor, "ingest", "articles")


class Migration(migrations.Migration):
    """What the importer proposes (names, related reports, meetings and their
    participants) now lives in the ingest app, in the same tables (`ingest.0001`): the
    models leave Django's state here, and their content types move with them."""

    dependencies = [
        ("articles", "0017_people_app"),
        ("ingest", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="meetingproposal",
                    name="meeting",
                ),
                migrations.RemoveField(
                    model_name="meetingproposal",
                    name="reports",
                ),
                migrations.RemoveConstraint(
                    model_name="nameproposal",
                    name="unique_name_proposal",
                ),
                migrations.RemoveConstraint(
                    model_name="proposedparticipant",
                    name="unique_proposed_participant",
                ),
                migrations.RemoveConstraint(
                    model_name="relationproposal",
                    name="unique_relation_proposal",
                ),
                migrations.RemoveConstraint(
                    model_name="relationproposal",
                    name="relation_proposal_not_self",
                ),
                migrations.RemoveConstraint(
                    model_name="relationproposal",
                    name="relation_proposal_score_range",
                ),
                migrations.RemoveField(
                    model_name="proposedparticipant",
                    name="organization",
                ),
                migrations.RemoveField(
                    model_name="proposedparticipant",
                    name="person",
                ),
                migrations.RemoveField(
                    model_name="proposedparticipant",
                    name="proposal",
                ),
                migrations.RemoveField(
                    model_name="relationproposal",
                    name="article",
                ),
                migrations.RemoveField(
                    model_name="relationproposal",
                    name="candidate",
                ),
                migrations.DeleteModel(
                    name="NameProposal",
                ),
                migrations.DeleteModel(
                    name="MeetingProposal",
                ),
                migrations.DeleteModel(
                    name="ProposedParticipant",
                ),
                migrations.DeleteModel(
                    name="RelationProposal",
                ),
            ],
        ),
        migrations.RunPython(relabel, unrelabel),
    ]
