from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """The desk's summaries of meetings: participants in their posts, topics, the
    summary in other languages, and the reports covering each meeting."""

    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from core import public

        from . import fragments
        from .models import Coverage, Meeting, Participant, SummaryTranslation, Topic

        public.register(
            Topic, Meeting, Coverage, Participant, SummaryTranslation, scheduled=[Meeting]
        )
        fragments.register()
