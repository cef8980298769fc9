"""Admin pieces every app's change lists share."""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

#: Above this many rows, an unfiltered change list shows PostgreSQL's estimate.
ESTIMATE_ABOVE = 100_000


class ArchivePaginator(Paginator):
    """Exact counts, except for an unfiltered list of a large table on PostgreSQL: there
    the planner's row estimate stands in for a full COUNT(*), which would read the
    whole table on every page."""

    @cached_property
    def count(self):
        query = self.object_list.query
        connection = connections[self.object_list.db]
        if connection.vendor == "postgresql" and not query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [self.object_list.model._meta.db_table],
                )
                estimate = cursor.fetchone()[0]
            if estimate > ESTIMATE_ABOVE:
                return estimate
        return super().count


class ArchiveAdminMixin:
    """Change lists of tables that grow with the archive: no second, unfiltered count
    (Django's "n total"), and estimated counts where exact ones cost too much."""

    paginator = ArchivePaginator
    show_full_result_count = False
