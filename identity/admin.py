"""The identity in the admin: one page for the name, logo, tagline, social image and footer links, and
a list of the footer's pages. Chief editors only: the model permissions are theirs (granted by
migration), and every save goes through identity/services.py, which checks the same right."""

from __future__ import annotations

import copy

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from articles import images
from articles.admin_display import PersianHistoryMixin
from articles.admin_images import ImageAdminMixin
from identity import services
from identity.forms import FooterPageForm, SiteIdentityForm
from identity.models import FooterLink, FooterPage, SiteIdentity


class FooterLinkInline(TranslatableTabularInline):
    model = FooterLink
    fields = ["label", "url", "position"]
    extra = 1


@admin.register(SiteIdentity)
class SiteIdentityAdmin(ImageAdminMixin, PersianHistoryMixin, TranslatableAdmin):
    form = SiteIdentityForm
    inlines = [FooterLinkInline]
    readonly_fields = ["logo_preview", "social_image_preview"]
    fieldsets = [
        (None, {"fields": ["name", "tagline", "logo", "logo_preview"]}),
        (_("Share"), {"fields": ["social_image", "social_image_preview"]}),
    ]

    @admin.display(description=_("Preview"))
    def logo_preview(self, obj):
        if not obj or not obj.logo:
            return _("No logo yet: the site shows the default one.")
        return format_html('<img class="identity-preview" src="{}" alt="" height="48">', obj.logo.url)

    @admin.display(description=_("Preview"))
    def social_image_preview(self, obj):
        source = SiteIdentity._meta.get_field("social_image").source(obj) if obj else None
        if source is None:
            return _("No image yet: the site shares the default one.")
        url = default_storage.url(images.og_rendition(source).name)
        return format_html('<img class="identity-preview" src="{}" alt="" width="300" height="158">', url)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # There is one identity: nothing to "save and add another" of.
        context["show_save_and_add_another"] = False
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changelist_view(self, request, extra_context=None):
        """There is one identity: the list is its page (or the form that creates it)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.opts
        if SiteIdentity.objects.filter(pk=SiteIdentity.SINGLETON_ID).exists():
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[SiteIdentity.SINGLETON_ID]
            )
        else:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        return HttpResponseRedirect(url)

    def add_view(self, request, form_url="", extra_context=None):
        """Adding is creating the one identity; once it exists, "add" opens it (the service refuses a
        second one too). Checked here rather than in has_add_permission, which every admin page asks
        when it lists the apps: it would cost them all a query."""
        if SiteIdentity.objects.filter(pk=SiteIdentity.SINGLETON_ID).exists():
            opts = self.opts
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[SiteIdentity.SINGLETON_ID])
            )
        return super().add_view(request, form_url, extra_context)

    def has_delete_permission(self, request, obj=None):
        # parler asks with a translation when one language's text is deleted: that is allowed.
        if obj is not None and not isinstance(obj, SiteIdentity):
            return services.can_edit_identity(request.user)
        return False

    def save_model(self, request, obj, form, change):
        services.save_identity(identity=obj, user=request.user)

    def save_formset(self, request, form, formset, change):
        links = formset.save(commit=False)
        for link in formset.deleted_objects:
            services.delete_footer_link(link=link, user=request.user)
        for link in links:
            services.save_footer_link(link=link, user=request.user)
        formset.save_m2m()


@admin.register(FooterPage)
class FooterPageAdmin(PersianHistoryMixin, TranslatableAdmin):
    class Media:
        # Images uploaded into the text: a refused one shows our Persian reason, as in the article form.
        js = ["js/ckeditor_uploads.js"]

    form = FooterPageForm
    list_display = ["__str__", "in_footer", "position"]
    list_editable = ["in_footer", "position"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        body = form.base_fields.get("body")
        if body is not None and self.get_form_language(request, obj) == "en":
            # As the article admin: the English tab writes left to right, on a copy of the shared widget.
            body = form.base_fields["body"] = copy.deepcopy(body)
            body.widget.config = {
                **body.widget.config,
                "contentsLangDirection": "ltr",
                "contentsLanguage": "en",
            }
        return form

    def save_model(self, request, obj, form, change):
        services.save_footer_page(page=obj, user=request.user)

    def delete_model(self, request, obj):
        services.delete_footer_pages(pages=[obj], user=request.user)

    def delete_queryset(self, request, queryset):
        services.delete_footer_pages(pages=queryset, user=request.user)
