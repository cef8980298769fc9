"""The Translators and Reviewers groups, and the Editors' part in the workflow.

Editors write and submit for review; Translators write translations and cannot publish;
Reviewers publish, send back and withdraw. Superusers do everything.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LOOKUP = ["article", "meeting", "outlet", "person", "organization", "topic", "post"]

ROLES = {
    "Editors": ["submit_article", "submit_meeting", "view_workflowevent"],
    "Translators": [
        *(f"view_{model}" for model in LOOKUP),
        "translate_article",
        "add_translation",
        "change_translation",
        "delete_translation",
        "view_translation",
        "view_workflowevent",
    ],
    "Reviewers": [
        *(f"view_{model}" for model in LOOKUP),
        "view_translation",
        "view_workflowevent",
        "review_article",
        "review_meeting",
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True  # historical app configs have none; create_permissions needs one
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Translators", "Reviewers"]).delete()
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(
            *editors.permissions.filter(codename__in=ROLES["Editors"])
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_workflow")]

    operations = [migrations.RunPython(grant, revoke)]
