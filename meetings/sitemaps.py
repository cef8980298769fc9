from core.sitemaps import InterfaceSitemap, LatestLastmod

from .models import Meeting


class MeetingSitemap(LatestLastmod, InterfaceSitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.published().only("slug", "updated_at").order_by("pk")
