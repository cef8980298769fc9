from django.contrib import admin
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Organization, OrganizationName, Person, PersonName, Post


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 1


class PostInline(admin.TabularInline):
    model = Post
    extra = 1
    autocomplete_fields = ["organization"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "current_posts"]
    search_fields = ["name", "slug", "other_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonNameInline, PostInline]
    ordering = ["name"]

    def get_queryset(self, request):
        held = Post.objects.held_on(timezone.localdate()).select_related("organization")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("posts", queryset=held, to_attr="current"))
        )

    @admin.display(description=_("current posts"))
    def current_posts(self, person):
        return "; ".join(f"{post.title}, {post.organization}" for post in person.current)


class OrganizationNameInline(admin.TabularInline):
    model = OrganizationName
    extra = 1


class OrganizationPostInline(admin.TabularInline):
    model = Post
    extra = 0
    autocomplete_fields = ["person"]
    verbose_name_plural = _("posts held here")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "organization")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "kind", "country", "parent"]
    list_filter = ["kind", "country"]
    list_select_related = ["parent"]
    search_fields = ["name", "abbreviation", "slug", "other_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [OrganizationNameInline, OrganizationPostInline]
    ordering = ["name"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "organization", "start_date", "end_date"]
    list_select_related = ["person", "organization"]
    list_filter = ["organization__kind"]
    search_fields = ["person__name", "title", "organization__name", "organization__abbreviation"]
    autocomplete_fields = ["person", "organization"]
    ordering = ["person__name", "title"]
