"""The admin of outlets, topics, articles, translation links, meetings and their summary
translations.

Longer than the project's 500 lines, for a stated reason: the meetings' admin (about 200
lines) lives here until the meetings move to an app of their own, and the article admin
is one class with its inlines, filters and translate page.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy

from core.admin import ArchiveAdminMixin
from core.languages import LANGUAGES
from editorial.admin import RevisionAdmin, WorkflowAdminMixin, WorkflowEventInline
from editorial.diffs import line_diff
from editorial.forms import VersionedForm

from .filters import languages_in_use
from .models import Article, Outlet, OutletName, Translation

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Editorial desk")


class OutletNameInline(admin.TabularInline):
    model = OutletName
    extra = 1


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "language", "homepage", "article_count"]
    list_filter = ["language", "country"]
    search_fields = ["name", "slug", "homepage", "other_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OutletNameInline]
    ordering = ["name"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(article_count=Count("articles", distinct=True))
        )

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, outlet):
        return outlet.article_count


def submitted_rows(formset, prefix, field):
    """The values of `field` in the rows an inline of the same page submits, less deletions.

    The rules in `Translation.clean` see stored links only; the article page saves both
    of its translation inlines at once, so each checks what the other submits.
    """
    try:
        total = int(formset.data.get(f"{prefix}-TOTAL_FORMS", 0))
    except ValueError:
        return []
    rows = (f"{prefix}-{index}" for index in range(min(total, 1000)))
    return [
        formset.data[f"{row}-{field}"]
        for row in rows
        if formset.data.get(f"{row}-{field}") and not formset.data.get(f"{row}-DELETE")
    ]


class TranslationLinkFormSet(forms.BaseInlineFormSet):
    def active_links(self):
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        super().clean()
        links = self.active_links()
        if self.fk.name == "translation" and getattr(self, "require_source", False) and not links:
            raise forms.ValidationError(
                _("A translator writes translations: name the article this one translates.")
            )
        if self.fk.name == "translation":
            if links and submitted_rows(self, "translation_links", "translation"):
                raise forms.ValidationError(
                    _(
                        "An article that translates another cannot have translations of its "
                        "own: link the translations to its original instead."
                    )
                )
            return
        languages = [link["translation"].language for link in links if link.get("translation")]
        repeated = {language for language in languages if languages.count(language) > 1}
        if repeated:
            names = ", ".join(sorted(str(dict(LANGUAGES)[code]) for code in repeated))
            raise forms.ValidationError(
                _("An article has one translation per language; this save adds two in %(lang)s.")
                % {"lang": names}
            )


class TranslationInline(admin.TabularInline):
    model = Translation
    formset = TranslationLinkFormSet
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["translation"]
    fields = ["translation", "method", "notes"]
    verbose_name = _("translation of this article")
    verbose_name_plural = _("translations of this article")


class SourceInline(admin.TabularInline):
    model = Translation
    formset = TranslationLinkFormSet
    fk_name = "translation"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.require_source = not request.user.has_perm("articles.change_article")
        return formset

    extra = 0
    max_num = 1
    autocomplete_fields = ["source"]
    fields = ["source", "method", "notes"]
    verbose_name = _("source of this translation")
    verbose_name_plural = _("this article translates")


def version_links(articles):
    """Links to the admin pages of other-language versions, labelled by language code."""
    return format_html_join(
        " ",
        '<a href="{}" title="{}">{}</a>',
        (
            (
                reverse("admin:articles_article_change", args=[article.pk]),
                article.title,
                article.language,
            )
            for article in articles
        ),
    )


class TranslationStateFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            ("outdated", _("Outdated translations")),
            ("current", _("Up-to-date translations")),
        ]

    def queryset(self, request, queryset):
        outdated = Translation.objects.outdated().values("pk")
        if self.value() == "outdated":
            return queryset.filter(source_links__in=outdated)
        if self.value() == "current":
            return queryset.filter(source_links__isnull=False).exclude(source_links__in=outdated)
        return queryset


class ToCompleteFilter(admin.SimpleListFilter):
    """Imported articles that lack what publishing needs: the importer leaves a date,
    an outlet or a language empty rather than guess it."""

    title = _("to complete")
    parameter_name = "missing"
    MISSING = {
        "date": Q(published_at__isnull=True),
        "outlet": Q(outlet__isnull=True),
        "language": Q(language=""),
    }

    def lookups(self, request, model_admin):
        return [
            ("date", _("No publication date")),
            ("outlet", _("No outlet")),
            ("language", _("No language")),
        ]

    def queryset(self, request, queryset):
        condition = self.MISSING.get(self.value())
        return queryset if condition is None else queryset.filter(condition)


class LanguageInUseFilter(admin.SimpleListFilter):
    """The languages articles are written in, rather than every content language (read
    once per content change, not on every page)."""

    title = _("language")
    parameter_name = "language__exact"

    def lookups(self, request, model_admin):
        in_use = languages_in_use(published=False)
        return [(code, name) for code, name in LANGUAGES if code in in_use]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


class TranslateForm(forms.Form):
    language = forms.ChoiceField(label=_("Translate into"), choices=LANGUAGES)


@admin.register(Article)
class ArticleAdmin(ArchiveAdminMixin, WorkflowAdminMixin, RevisionAdmin):
    list_display = [
        "title",
        "language",
        "outlet",
        "published_at",
        "status",
        "translation_links_display",
        "title_is_provisional",
    ]
    list_filter = [
        "status",
        ToCompleteFilter,
        LanguageInUseFilter,
        TranslationStateFilter,
        "outlet",
        "title_is_provisional",
        "published_at",
    ]
    list_select_related = ["outlet"]
    date_hierarchy = "published_at"
    search_fields = ["title", "body", "byline", "dateline", "source_url", "outlet__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["outlet", "agency", "people", "organizations"]
    change_form_template = "admin/articles/article/change_form.html"
    readonly_fields = ["created_at", "updated_at", "source_text", "source_changes"]
    actions = [*WorkflowAdminMixin.actions, "mark_up_to_date"]
    inlines = [
        SourceInline,
        TranslationInline,
        WorkflowEventInline,
    ]
    ordering = ["-published_at", "-pk"]
    form = forms.modelform_factory(
        Article,
        form=VersionedForm,
        fields="__all__",
        widgets={
            "title": forms.TextInput(attrs={"size": 90}),
            "body": forms.Textarea(attrs={"rows": 24, "cols": 100}),
        },
    )
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "title_is_provisional",
                    "slug",
                    "language",
                    "status",
                    "body",
                    "opened_version",
                ]
            },
        ),
        (
            _("Source"),
            {"fields": ["outlet", "agency", "source_url", "published_at", "dateline", "byline"]},
        ),
        (_("Named in the report"), {"fields": ["people", "organizations"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                "translation_links__translation",
                "source_links__source",
                "source_links__source_revision",
            )
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        link = self.source_link(obj)
        if link is None:
            return fieldsets
        main = dict(fieldsets[0][1])
        main["fields"] = [
            ("body", "source_text") if name == "body" else name for name in main["fields"]
        ]
        extra = [(_("Source changed since this translation"), {"fields": ["source_changes"]})]
        return [(None, main), *(extra if link.is_outdated else []), *fieldsets[1:]]

    def source_link(self, obj):
        if obj is None or obj.pk is None:
            return None
        return obj.source_links.select_related("source", "source_revision").first()

    @admin.display(description=_("source, paragraph by paragraph"))
    def source_text(self, obj):
        link = self.source_link(obj)
        if link is None:
            return "—"
        return format_html(
            '<div class="source-text" lang="{}"><p><strong>{}</strong></p>{}</div>',
            link.source.language,
            link.source.title,
            format_html_join(
                "",
                '<p><span class="paragraph-number">{}</span> {}</p>',
                ((number, paragraph) for number, paragraph in enumerate(link.source.paragraphs, 1)),
            ),
        )

    @admin.display(description=_("changes in the source"))
    def source_changes(self, obj):
        link = self.source_link(obj)
        if link is None or not link.is_outdated:
            return "—"
        old, new = link.source_revision, link.source
        return format_html(
            '<pre class="conflict-diff">{}</pre>',
            format_html_join(
                "",
                '<span class="{}">{}</span>\n',
                line_diff(f"{old.title}\n\n{old.body}", f"{new.title}\n\n{new.body}"),
            ),
        )

    @admin.action(
        description=_("Mark translations as up to date with their source"),
        permissions=["mark_up_to_date"],
    )
    def mark_up_to_date(self, request, queryset):
        links = Translation.objects.filter(translation__in=queryset).select_related("source")
        for link in links:
            link.follow_source()
            link.save(update_fields=["source_revision"])
        self.message_user(
            request,
            ngettext(
                "%d translation marked up to date.",
                "%d translations marked up to date.",
                len(links),
            )
            % len(links),
            messages.SUCCESS,
        )

    def has_mark_up_to_date_permission(self, request):
        return self.may_translate(request) or request.user.has_perm("articles.change_article")

    def save_formset(self, request, form, formset, change):
        """New translation links follow the source as it is when they are made."""
        if formset.model is not Translation:
            return super().save_formset(request, form, formset, change)
        for link in formset.save(commit=False):
            if link.source_revision_id is None:
                link.follow_source()
            link.save()
        for link in formset.deleted_objects:
            link.delete()
        formset.save_m2m()

    def translate_view(self, request, object_id):
        """Make a draft translation of an article, linked to its original."""
        source = get_object_or_404(Article, pk=object_id)
        if not (self.may_translate(request) or request.user.has_perm("articles.add_article")):
            raise PermissionDenied
        original = source.source_links.select_related("source").first()
        source = original.source if original else source
        taken = set(source.versions().values_list("language", flat=True)) | {source.language}
        form = TranslateForm(
            request.POST or None, initial={"language": request.GET.get("language")}
        )
        form.fields["language"].choices = [(c, n) for c, n in LANGUAGES if c not in taken]
        if request.method == "POST" and form.is_valid():
            translation = source.translate_into(form.cleaned_data["language"])
            self.message_user(
                request,
                _("Draft translation made: write the title and the text beside the source."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse("admin:articles_article_change", args=[translation.pk])
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Translate “%(title)s”") % {"title": source},
            "original": source,
            "form": form,
        }
        return TemplateResponse(request, "admin/articles/article/translate.html", context)

    def may_translate(self, request):
        return request.user.has_perm("articles.translate_article")

    def has_add_permission(self, request):
        """Translators add articles too: translations, with their source."""
        return super().has_add_permission(request) or self.may_translate(request)

    def has_change_permission(self, request, obj=None):
        """Translators change translations only; originals are the editors'."""
        if super().has_change_permission(request, obj):
            return True
        return self.may_translate(request) and (obj is None or obj.source_links.exists())

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/translate/",
                view(self.translate_view),
                name="articles_article_translate",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("translation links"))
    def translation_links_display(self, article):
        sources = article.source_links.all()
        if sources:
            outdated = any(link.is_outdated for link in sources)
            return format_html(
                "{} {}{}",
                pgettext("translation links", "from"),
                version_links(link.source for link in sources),
                format_html(' <strong class="outdated">{}</strong>', _("outdated"))
                if outdated
                else "",
            )
        translations = article.translation_links.all()
        if translations:
            return format_html(
                "{} {}",
                pgettext("translation links", "into"),
                version_links(link.translation for link in translations),
            )
        return "—"


@admin.register(Translation)
class TranslationAdmin(ArchiveAdminMixin, RevisionAdmin):
    list_display = ["source", "source_language", "translation", "translation_language", "method"]
    list_filter = ["method", "source__language", "translation__language"]
    list_select_related = ["source", "translation"]
    search_fields = ["source__title", "translation__title"]
    autocomplete_fields = ["source", "translation"]
    readonly_fields = ["created_at"]
    ordering = ["-created_at", "-pk"]

    @admin.display(description=pgettext_lazy("translation", "from"), ordering="source__language")
    def source_language(self, link):
        return link.source.get_language_display()

    @admin.display(
        description=pgettext_lazy("translation", "into"), ordering="translation__language"
    )
    def translation_language(self, link):
        return link.translation.get_language_display()
