"""The Editors group: everything an editor does in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

#: Editors add, change and view everything; they delete only the rows edited inline
#: (names, posts, translation links, participants, reports listed on a meeting) and the
#: importer's proposals they dismiss, not whole records.
EDITABLE = [
    "article",
    "outletname",
    "meeting",
    "person",
    "organization",
    "outlet",
    "topic",
    "post",
    "personname",
    "organizationname",
    "translation",
    "participant",
    "coverage",
]
DELETABLE = [
    "outletname",
    "nameproposal",
    "relationproposal",
    "post",
    "personname",
    "organizationname",
    "translation",
    "participant",
    "coverage",
]


def create_editors(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True  # historical app configs have none; create_permissions needs one
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in EDITABLE for action in ("add", "change", "view")]
    codenames += [f"delete_{model}" for model in DELETABLE]
    codenames += ["view_nameproposal", "view_relationproposal"]
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_import_proposals"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
