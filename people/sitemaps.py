from core.sitemaps import InterfaceSitemap

from .models import Organization, Person


class PersonSitemap(InterfaceSitemap):
    def items(self):
        return Person.objects.only("slug").order_by("pk")


class OrganizationSitemap(InterfaceSitemap):
    def items(self):
        return Organization.objects.only("slug").order_by("pk")
