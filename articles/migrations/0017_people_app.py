import django.db.models.deletion
from django.db import migrations, models


#: The models that moved to the people app, by content type name.
MOVED = ["person", "organization", "personname", "organizationname", "post"]


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
    move_content_types(apps, schema_editor, "articles", "people")


def unrelabel(apps, schema_editor):
    move_content_types(apps, schema_editor, "people", "articles")


class Migration(migrations.Migration):
    """People, organizations, their other names and posts now live in the people app,
    in the same tables (`people.0001`): the references to them change in Django's
    state only, and their content types move with them."""

    dependencies = [
        ("articles", "0016_meeting_proposals"),
        ("people", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name="organization",
                    name="organization_not_own_parent",
                ),
                migrations.AlterField(
                    model_name="participant",
                    name="organization",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="The organization or state they spoke for.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participations",
                        to="people.organization",
                        verbose_name="representing",
                    ),
                ),
                migrations.AlterField(
                    model_name="proposedparticipant",
                    name="organization",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="people.organization",
                        verbose_name="representing",
                    ),
                ),
                migrations.AlterField(
                    model_name="meeting",
                    name="organizer",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="organized_meetings",
                        to="people.organization",
                        verbose_name="organizer",
                    ),
                ),
                migrations.RemoveField(
                    model_name="article",
                    name="organizations",
                ),
                migrations.AlterField(
                    model_name="historicalmeeting",
                    name="organizer",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="people.organization",
                        verbose_name="organizer",
                    ),
                ),
                migrations.RemoveConstraint(
                    model_name="organizationname",
                    name="unique_organization_other_name",
                ),
                migrations.AlterField(
                    model_name="participant",
                    name="person",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Leave empty when the person is not yet in the database.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participations",
                        to="people.person",
                        verbose_name="person",
                    ),
                ),
                migrations.AlterField(
                    model_name="proposedparticipant",
                    name="person",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Empty while the name is not in the database.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="people.person",
                        verbose_name="person",
                    ),
                ),
                migrations.RemoveField(
                    model_name="meeting",
                    name="mentioned_people",
                ),
                migrations.RemoveField(
                    model_name="article",
                    name="people",
                ),
                migrations.RemoveConstraint(
                    model_name="personname",
                    name="unique_person_other_name",
                ),
                migrations.RemoveConstraint(
                    model_name="post",
                    name="unique_post",
                ),
                migrations.RemoveConstraint(
                    model_name="post",
                    name="post_ends_after_it_starts",
                ),
                migrations.AlterField(
                    model_name="participant",
                    name="post",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="participations",
                        to="people.post",
                        verbose_name="post held",
                    ),
                ),
                migrations.RemoveField(
                    model_name="organization",
                    name="parent",
                ),
                migrations.AddField(
                    model_name="article",
                    name="organizations",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="articles",
                        to="people.organization",
                        verbose_name="organizations named",
                    ),
                ),
                migrations.AddField(
                    model_name="meeting",
                    name="mentioned_people",
                    field=models.ManyToManyField(
                        blank=True,
                        help_text="People discussed at the meeting who did not take part.",
                        related_name="mentioned_in_meetings",
                        to="people.person",
                        verbose_name="people mentioned",
                    ),
                ),
                migrations.AddField(
                    model_name="article",
                    name="people",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="articles",
                        to="people.person",
                        verbose_name="people named",
                    ),
                ),
                migrations.RemoveField(
                    model_name="personname",
                    name="person",
                ),
                migrations.RemoveField(
                    model_name="post",
                    name="organization",
                ),
                migrations.RemoveField(
                    model_name="post",
                    name="person",
                ),
                migrations.DeleteModel(
                    name="OrganizationName",
                ),
                migrations.DeleteModel(
                    name="PersonName",
                ),
                migrations.DeleteModel(
                    name="Organization",
                ),
                migrations.DeleteModel(
                    name="Person",
                ),
                migrations.DeleteModel(
                    name="Post",
                ),
            ],
        ),
        migrations.RunPython(relabel, unrelabel),
    ]
