"""PostgreSQL: finer statistics on search vectors.

With the default, a word missing from the sampled lexemes was estimated to match
thousands of documents, so the planner walked the date index looking for them, through
the whole archive when a rare name matched nothing. With 1,000, rare words are known
to be rare and are looked up in the GIN index.
"""

from django.db import migrations


def set_statistics(target):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                "ALTER TABLE articles_searchdocument ALTER COLUMN vector "
                f"SET STATISTICS {target}"
            )

    return operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_web_addresses")]

    operations = [migrations.RunPython(set_statistics(1000), set_statistics(-1))]
