"""Editors and Translators write summary translations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [f"{action}_summarytranslation" for action in ("add", "change", "view", "delete")]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True  # historical app configs have none; create_permissions needs one
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="articles", codename__in=CODENAMES
    )
    for name in ("Editors", "Translators"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")
    reviewers.permissions.add(*permissions.filter(codename="view_summarytranslation"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.all():
        group.permissions.remove(*Permission.objects.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_summary_translations")]

    operations = [migrations.RunPython(grant, revoke)]
