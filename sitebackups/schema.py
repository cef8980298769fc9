"""What a backup is: its file format, the models it holds, and their labels.

A backup is gzip-compressed text. Its first line is a JSON header; the rest, the
payload, is Django's JSON Lines serialization (what `dumpdata --format jsonl` writes):

- `format` and `version`: what reads the file (`FORMAT`, `VERSION`);
- `migrations`: the migrations applied to the database it came from, by app;
- `counts`: how many rows of each model the payload holds;
- `payload`: its length in bytes and its SHA-256.

It holds the project's apps that have content (`PROJECT_APPS`: people, articles,
meetings, editorial and ingest: people and organizations, articles and translations,
meetings, workflow steps, import proposals and every revision django-simple-history
kept), the user accounts (with their password hashes), groups and the admin's log. It
leaves out what `migrate` makes in every database (content types, permissions), what
is rebuilt (search documents), the content version (operational state), sessions and
django-axes' login records.

Rows keep their ids: simple-history refers to an item by its id in a plain column, a
translation follows a revision by id, and the admin's addresses use ids. Rows that
each database makes for itself are named by natural key instead: content types and
permissions (by the user accounts, groups and the admin's log), and groups (by name,
as migrations create them).

Writing a backup is `writing.back_up`, reading one back `restoring.restore`.
"""

from django.apps import apps
from django.core import serializers
from django.db.migrations.recorder import MigrationRecorder

from core.moved import MOVED_MODELS

FORMAT = "newsroom-backup"
VERSION = 1

#: Rows read and inserted at a time.
CHUNK_SIZE = 2000
#: The header is one short line; a longer first line is not one.
HEADER_LIMIT = 1 << 20
#: The project's apps whose every model a backup holds (but `LEFT_OUT`).
PROJECT_APPS = ["people", "articles", "meetings", "editorial", "ingest"]
#: Models of the project's apps that are rebuilt or made anew: never backed up.
LEFT_OUT = ["search.SearchDocument", "core.ContentVersion"]
#: Django's models that a backup holds too.
OTHER_MODELS = ["auth.User", "auth.Group", "admin.LogEntry"]
#: Apps whose rows refer to content types, permissions and groups by natural key.
NATURAL_KEY_APPS = {"auth", "admin"}


class BackupError(Exception):
    """A backup that cannot be made or restored, and why."""


def backed_up_models():
    """The models a backup holds, in an order that loads (natural keys first)."""
    left_out = {apps.get_model(label) for label in LEFT_OUT}
    models = [
        model
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
        if model not in left_out
    ]
    for label in OTHER_MODELS:
        if apps.is_installed(f"django.contrib.{label.split('.')[0]}"):
            models.append(apps.get_model(label))
    return serializers.sort_dependencies([(None, models)], allow_cycles=True)


def label_of(model):
    return model._meta.label_lower


def current_label(label):
    """A backup's model label as the model is known today (see `MOVED_MODELS`)."""
    return MOVED_MODELS.get(label, label)


def current_app(app_label, model_name):
    return current_label(f"{app_label}.{model_name}").partition(".")[0]


def with_current_labels(row):
    """Rename, in a row of a backup, the models that moved: its own label, and the
    content types and permissions it names by natural key (users, groups, the log)."""
    row["model"] = current_label(row["model"])
    fields = row.get("fields")
    if not isinstance(fields, dict):
        return
    content_type = fields.get("content_type")
    if isinstance(content_type, list) and len(content_type) == 2:
        fields["content_type"] = [current_app(*content_type), content_type[1]]
    for name in ("permissions", "user_permissions"):
        if isinstance(fields.get(name), list):
            fields[name] = [
                [key[0], current_app(key[1], key[2]), key[2]]
                if isinstance(key, list) and len(key) == 3
                else key
                for key in fields[name]
            ]


def m2m_fields(model):
    return [
        field for field in model._meta.many_to_many if field.remote_field.through._meta.auto_created
    ]


def tables(models):
    """The models' tables and those of their many-to-many relations."""
    names = []
    for model in models:
        names.append(model._meta.db_table)
        names += [field.remote_field.through._meta.db_table for field in m2m_fields(model)]
    return names


def applied_migrations(connection, app_labels):
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        app: sorted(name for label, name in applied if label == app) for app in sorted(app_labels)
    }


def migration_apps(models):
    return {model._meta.app_label for model in models} | {"contenttypes"}
