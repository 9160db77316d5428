"""The editors' admin: stock Django admin, Persian and right to left, with parler language tabs."""

from __future__ import annotations

import copy

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import get_content_type_for_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from articles import extensions, revisions, services
from articles.admin_display import PersianHistoryMixin, field_msgids, jalali_column, number_column
from articles.admin_filters import JalaliPublishedFilter, TranslatedRelatedFilter
from articles.admin_images import ImageAdminMixin
from articles.admin_paste import paste_view
from articles.admin_search import NormalizedSearchMixin
from articles.forms import ArticleAdminForm, PositionForm
from articles.mentions import link_new_article
from articles.models import (
    Article,
    ArticleRevision,
    DeletedImport,
    Official,
    Organization,
    Position,
    Section,
    Tag,
)
from articles.persian import jalali_datetime, persian_digits


@admin.register(Section)
class SectionAdmin(PersianHistoryMixin, NormalizedSearchMixin, TranslatableAdmin):
    list_display = ["__str__", "slug", "position_column"]
    position_column = number_column("position", _("order"))
    search_fields = ["search_document"]  # names in every language and the slug, normalized

    def get_queryset(self, request):
        # Names are parler translations: prefetched, or the list costs a query per row.
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Organization)
class OrganizationAdmin(ImageAdminMixin, PersianHistoryMixin, NormalizedSearchMixin, TranslatableAdmin):
    list_display = ["__str__", "short_name", "kind", "parent"]
    readonly_fields = ["logo_preview"]
    list_filter = ["kind"]
    search_fields = ["search_document"]  # names in every language, short name, aliases, slug
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    # Autocomplete and the list page through a stable order (Persian alphabetical order needs ICU collation).
    ordering = ["slug"]

    def get_queryset(self, request):
        # Names (the parent's too) are parler translations: prefetched, or the list costs queries per row.
        return super().get_queryset(request).prefetch_related("translations", "parent__translations")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)  # parler saves the tab's translation here too
        if change:
            # A new name or alias must find the articles written under the old one.
            services.refresh_articles_mentioning(obj, changed=set(form.changed_data))

    @admin.display(description=_("focal point"))
    def logo_preview(self, obj):
        return self.focal_preview(obj, "logo")


class PositionInline(admin.TabularInline):
    model = Position
    form = PositionForm  # Jalali start and end dates
    extra = 1
    autocomplete_fields = ["organization"]


@admin.register(Official)
class OfficialAdmin(ImageAdminMixin, PersianHistoryMixin, NormalizedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "honorific", "is_verified", "created_column"]
    created_column = jalali_column("created_at", _("created"))
    readonly_fields = ["photo_preview"]
    list_filter = ["is_verified"]
    search_fields = ["search_document"]  # honorific, name, aliases, slug
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PositionInline]
    actions = ["confirm_officials"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            # What finds the articles that mention this official may have changed with it.
            services.refresh_articles_mentioning(obj, changed=set(form.changed_data))

    @admin.display(description=_("focal point"))
    def photo_preview(self, obj):
        return self.focal_preview(obj, "photo")

    @admin.action(
        description=_("Confirm the selected officials (show them to readers)"), permissions=["change"]
    )
    def confirm_officials(self, request, queryset):
        count = services.confirm_officials(officials=queryset, user=request.user)
        self.message_user(
            request, ngettext("%d official confirmed.", "%d officials confirmed.", count) % count
        )


@admin.register(Article)
class ArticleAdmin(ImageAdminMixin, PersianHistoryMixin, NormalizedSearchMixin, TranslatableAdmin):
    class Media(ImageAdminMixin.Media):
        # The focal point, and the body editor's uploads: a refused one shows our Persian reason
        # (articles/body_images.py).
        js = [*ImageAdminMixin.Media.js, "js/ckeditor_uploads.js"]

    form = ArticleAdminForm
    # Apps built on articles add columns through articles.extensions.admin_columns (get_list_display).
    list_display = [
        "title_column",
        "news_code_column",
        "status_column",
        "urgent",
        "published_column",
        "section",
    ]
    list_filter = [
        "status",
        "urgent",
        ("section", TranslatedRelatedFilter),
        JalaliPublishedFilter,
        "comments_enabled",
    ]
    # Headline, kicker, lead and body in every language and the names mentioned, normalized; and the code.
    search_fields = ["search_document", "news_code"]
    autocomplete_fields = ["section", "source", "officials", "organizations"]
    readonly_fields = ["news_code", "view_count", "created_at", "updated_at", "image_preview"]
    list_per_page = 50
    actions = ["send_to_review", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["kicker", "title", "slug", "lead", "body"]}),
        (_("Tags"), {"fields": ["tags"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "confirm_change",
                    "urgent",
                    "section",
                    "source",
                    "comments_enabled",
                ]
            },
        ),
        (
            _("Image"),
            {
                "fields": [
                    "image",
                    "image_preview",
                    "image_focal_x",
                    "image_focal_y",
                    "image_caption",
                    "image_credit",
                ],
                "classes": ["collapse"],
            },
        ),
        (_("Officials and organizations mentioned"), {"fields": ["officials", "organizations"]}),
        (
            _("Record"),
            {
                "fields": ["news_code", "view_count", "author", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        # What the registered columns read, in the one list query. Headlines and section names are parler
        # translations: prefetched, or each row costs two queries.
        queryset = super().get_queryset(request).select_related("section")
        queryset = queryset.prefetch_related("translations", "section__translations")
        return queryset.annotate(**extensions.admin_columns.annotations())

    def get_list_display(self, request):
        return [*super().get_list_display(request), *(column.display for column in extensions.admin_columns)]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        body = form.base_fields.get("body")
        if body is not None and self.get_form_language(request, obj) == "en":
            # The English tab writes left to right. parler shares translated form fields between form
            # classes, so change a copy: mutating the shared widget would turn every later tab LTR.
            body = form.base_fields["body"] = copy.deepcopy(body)
            body.widget.config = {
                **body.widget.config,
                "contentsLangDirection": "ltr",
                "contentsLanguage": "en",
            }
        return form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {"can_send_preview": services.can_publish(request.user), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        # Before the stock URLs: their `<path:object_id>/` would take `paste/` for an article's id.
        return [
            path("paste/", paste_view(self), name="articles_article_paste"),
            path(
                "<path:object_id>/preview-link/",
                self.admin_site.admin_view(self.preview_link_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_preview_link",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/",
                self.admin_site.admin_view(self.revision_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_revision",
            ),
            *super().get_urls(),
        ]

    def preview_link_view(self, request, object_id):
        """Make a signed preview link to copy, or revoke every link given out (articles/preview.py).

        The link is shown once, in the response to the POST that made it; it is stored nowhere."""
        article = get_object_or_404(Article.objects.all(), pk=object_id)
        if not services.can_publish(request.user):
            raise PermissionDenied  # the services check too; this spares editors a page of refusals
        link = error = None
        status = 200
        if request.method == "POST":
            try:
                if request.POST.get("action") == "revoke":
                    services.revoke_preview_links(article=article, user=request.user)
                    self.message_user(request, _("Every preview link of this article now stops working."))
                    return redirect(request.path)
                link = services.create_preview_link(article=article, user=request.user)
            except ValidationError as exc:
                error, status = exc.messages[0], 400
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("Preview link"),
            "link": link,
            "link_url": request.build_absolute_uri(link.path) if link else "",
            "error": error,
            "is_live": article.is_published,
            "hours": persian_digits(settings.NEWSROOM_PREVIEW_HOURS),
        }
        return TemplateResponse(request, "admin/articles/article/preview_link.html", context, status=status)

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        # The form has already shown a refusal on its field; the service checks again against the locked
        # row, so no save path (list_editable included) can publish around the rule.
        services.save_article(article=obj, user=request.user)

    def has_delete_permission(self, request, obj=None):
        # Deleting takes a published or scheduled article out of view: a chief editor's act, as in
        # services.delete_articles. parler asks with a translation when one language is deleted.
        article = getattr(obj, "master", obj)
        if article is not None and article.status == Article.Status.PUBLISHED:
            if not services.can_publish(request.user):
                return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        services.delete_articles(articles=Article.objects.filter(pk=obj.pk), user=request.user)

    def delete_queryset(self, request, queryset):
        services.delete_articles(articles=queryset, user=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "tags" in form.cleaned_data:  # absent for a user who may only view
            services.set_article_tags(
                article=form.instance,
                tags=form.cleaned_data["tags"],
                user=request.user,
                language=form.language_code,
            )
        if not change:
            # Only on creation: a link the editor removes later must stay removed.
            link_new_article(form.instance)
        services.refresh_search_document(form.instance)
        # Every save keeps a version, after the mentions are written so the version has them.
        revisions.record_revision(form.instance, user=request.user)

    def construct_change_message(self, request, form, formsets, add=False):
        """PersianHistoryMixin names the changed fields; the editor re-serializes an untouched body, so the
        body counts as changed only when its sanitized HTML differs."""
        message = super().construct_change_message(request, form, formsets, add)
        if add or "body" not in form.changed_data or not self._same_body(form):
            return message
        body = set(field_msgids(form._meta.model, ["body"]))
        for entry in message:
            if "changed" in entry:
                entry["changed"]["fields"] = [name for name in entry["changed"]["fields"] if name not in body]
                break
        return [entry for entry in message if "changed" not in entry or entry["changed"]["fields"]]

    @staticmethod
    def _same_body(form) -> bool:
        return revisions.same_body(form.initial.get("body") or "", form.cleaned_data.get("body") or "")

    # Versions -----------------------------------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        """The article's versions, newest first, each with who, when (Jalali) and a compare link."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = list(article.revisions.select_related("user"))
        entries = LogEntry.objects.filter(
            content_type=get_content_type_for_model(article), object_id=str(article.pk)
        ).select_related("user")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Versions of: %s") % article,
            "subtitle": None,
            "opts": self.opts,
            "object": article,
            "versions": [_VersionRow(version) for version in versions],
            "version_count": persian_digits(len(versions)),
            "entries": [
                (jalali_datetime(entry.action_time), entry.user, persian_digits(entry.get_change_message()))
                for entry in entries.order_by("-action_time")
            ],
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/revision_list.html", context)

    def revision_view(self, request, object_id, revision_id):
        """Compare a version with the article as it is now; POST restores it (a new version)."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        revision = get_object_or_404(
            ArticleRevision.objects.select_related("user"), pk=revision_id, article=article
        )
        status = 200
        if request.method == "POST":
            if not self.has_change_permission(request, article):
                raise PermissionDenied
            try:
                services.restore_revision(revision=revision, user=request.user)
            except PermissionDenied as refused:
                self.message_user(request, str(refused), messages.ERROR)
                status = 403
            else:
                self.message_user(request, _("The version was restored; the restore is a new version."))
                return HttpResponseRedirect(
                    reverse(
                        "admin:articles_article_history", args=[article.pk], current_app=self.admin_site.name
                    )
                )
        current = revisions.snapshot(article)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare a version with the current article"),
            "subtitle": str(article),
            "opts": self.opts,
            "object": article,
            "version": _VersionRow(revision),
            "rows": [_DiffRow(row) for row in revisions.compare(revision.data, current)],
            "others": _other_changes(revision.data, current),
            "can_restore": self.has_change_permission(request, article),
        }
        request.current_app = self.admin_site.name
        template = "admin/articles/article/revision_compare.html"
        return TemplateResponse(request, template, context, status=status)

    @admin.display(description=_("focal point"))
    def image_preview(self, obj):
        return self.focal_preview(obj, "image")

    # List columns -------------------------------------------------------------------------------------

    @admin.display(description=_("headline"))
    def title_column(self, obj):
        return str(obj)

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, obj):
        # "Published" with a time still ahead is not on the site yet: say so, or a chief editor reading
        # the list takes a scheduled article for a live one.
        return _("scheduled") if obj.is_scheduled else obj.get_status_display()

    @admin.display(description=_("news code"), ordering="news_code")
    def news_code_column(self, obj):
        return persian_digits(obj.news_code)

    @admin.display(description=_("publication time"), ordering="published_at")
    def published_column(self, obj):
        return jalali_datetime(obj.published_at) if obj.published_at else "—"

    # Workflow actions ---------------------------------------------------------------------------------

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def _run(self, request, queryset, service, done_message, **kwargs):
        done = 0
        for article in queryset:
            try:
                service(article=article, **kwargs)
            except PermissionDenied as exc:
                self.message_user(request, f"{article}: {exc}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message % persian_digits(done), messages.SUCCESS)

    @admin.action(description=_("Send to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        self._run(
            request, queryset, services.submit_for_review, _("%s articles sent to review."), user=request.user
        )

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request, queryset):
        self._run(
            request, queryset, services.publish_article, _("%s articles published."), editor=request.user
        )

    @admin.action(description=_("Unpublish"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._run(
            request, queryset, services.unpublish_article, _("%s articles unpublished."), editor=request.user
        )


class _VersionRow:
    """A version as the pages show it: Jalali time with Persian digits, who or what wrote it."""

    def __init__(self, version: ArticleRevision):
        self.version = version
        self.pk = version.pk
        self.when = jalali_datetime(version.created_at)
        self.number = persian_digits(version.pk)
        if version.user is not None:
            self.who = version.user.get_full_name() or version.user.get_username()
        else:
            self.who = version.get_source_display()
        self.kind = version.get_source_display()
        data = version.data
        self.title = next(
            (tr.get("title") for tr in data.get("translations", {}).values() if tr.get("title")), ""
        )
        self.status = Article.Status(data["status"]).label if data.get("status") else ""


_FIELD_LABELS = {"kicker": _("kicker"), "title": _("headline"), "lead": _("lead"), "body": _("body")}
_LANGUAGE_LABELS = {"fa": _("Persian"), "en": _("English")}


class _DiffRow:
    def __init__(self, row: revisions.FieldDiff):
        self.language = _LANGUAGE_LABELS.get(row.language, row.language)
        self.field = _FIELD_LABELS[row.field]
        self.diff = row.diff
        self.changed = row.changed


def _other_changes(old: dict, new: dict) -> list[tuple[str, str, str]]:
    """Non-text differences between a version and now, as (what, then, now) in Persian."""
    rows = []
    if old.get("status") != new.get("status"):
        rows.append((_("status"), Article.Status(old["status"]).label, Article.Status(new["status"]).label))
    then, now = revisions.published_at_of(old), revisions.published_at_of(new)
    if then != now:
        rows.append(
            (
                _("publication time"),
                jalali_datetime(then) if then else "—",
                jalali_datetime(now) if now else "—",
            )
        )
    if old.get("urgent", False) != new.get("urgent", False):
        rows.append((_("urgent"), _yes_no(old.get("urgent", False)), _yes_no(new.get("urgent", False))))
    for key, label in (
        ("section", _("section")),
        ("image", _("image")),
        ("officials", _("officials mentioned")),
        ("organizations", _("organizations mentioned")),
    ):
        if old.get(key) != new.get(key):
            rows.append((label, _("changed"), ""))
    # Versions kept before articles had tags say nothing about them.
    if "tags" in old and old["tags"] != new.get("tags", []):
        rows.append((_("tags"), *_tag_names(old["tags"], new.get("tags", []))))
    return rows


def _tag_names(*id_lists: list[int]) -> list[str]:
    """Each list of tag ids as the names an editor reads ("—" for none, or for a tag deleted since)."""
    wanted = {pk for ids in id_lists for pk in ids}
    names = {tag.pk: str(tag) for tag in Tag.objects.filter(pk__in=wanted).prefetch_related("translations")}
    separator = gettext(", ")
    return [separator.join(names.get(pk, "—") for pk in ids) or "—" for ids in id_lists]


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


@admin.register(DeletedImport)
class DeletedImportAdmin(admin.ModelAdmin):
    """Imported articles an editor deleted; the importer skips their files. Delete a row here to let the
    file be imported again."""

    list_display = ["__str__", "news_code_column", "external_id", "deleted_column", "deleted_by"]
    news_code_column = number_column("news_code", _("news code"))
    deleted_column = jalali_column("deleted_at", _("deleted"))
    search_fields = ["title", "external_id"]
    readonly_fields = ["external_id", "news_code", "title", "deleted_at", "deleted_by"]
    list_select_related = ["deleted_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
