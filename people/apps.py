from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People and organizations")

    def ready(self):
        from core import public

        from .models import Organization, OrganizationName, Person, PersonName, Post

        public.register(Person, PersonName, Organization, OrganizationName, Post)
