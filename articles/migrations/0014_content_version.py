import time
from datetime import UTC, datetime

from django.db import migrations, models


def record_version(apps, schema_editor):
    """The content version starts now, knowing the next scheduled publication."""
    now = time.time()
    moment = datetime.fromtimestamp(now, tz=UTC)
    upcoming = [
        model.objects.filter(status="published", published_at__gt=moment)
        .aggregate(first=models.Min("published_at"))["first"]
        for model in (apps.get_model("articles", "Article"), apps.get_model("articles", "Meeting"))
    ]
    scheduled = min((m.timestamp() for m in upcoming if m is not None), default=0)
    apps.get_model("articles", "ContentVersion").objects.create(
        pk=1, changed_at=now, next_scheduled_at=scheduled
    )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0013_search_statistics"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("changed_at", models.FloatField()),
                ("next_scheduled_at", models.FloatField(default=0, help_text="0 when nothing is scheduled to go live.")),
            ],
            options={
                "verbose_name": "content version",
                "constraints": [models.CheckConstraint(condition=models.Q(("pk", 1)), name="content_version_one_row")],
            },
        ),
        migrations.RunPython(record_version, migrations.RunPython.noop),
    ]
