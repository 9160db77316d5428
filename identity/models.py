"""The site's identity: one row of name, tagline, logo and default social image (per language where it
is text), the links in the footer, and the footer's pages (about us, contact, terms).

Readers never query these directly: identity/current.py keeps a snapshot per language in the cache.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from articles.fields import SanitizedRichTextField
from articles.imagefields import RenditionImageField
from articles.models import size_column


class SingletonDeletion(ValidationError):
    """The identity is edited, never deleted: the site would lose its name."""


class SiteIdentityQuerySet(TranslatableQuerySet):
    def delete(self):
        raise SingletonDeletion(_("The site's identity cannot be deleted; edit it instead."))


class SiteIdentity(TranslatableModel):
    """The one row of the site's identity. Its key is always SINGLETON_ID and a constraint refuses any
    other, so a second row cannot exist; saving a new one overwrites the first."""

    SINGLETON_ID = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_ID, editable=False)
    translations = TranslatedFields(
        name=models.CharField(
            _("site name"),
            max_length=100,
            blank=True,
            help_text=_(
                "As readers see it in the header, the page titles and shared links. Empty: the default."
            ),
        ),
        tagline=models.CharField(
            _("tagline"),
            max_length=200,
            blank=True,
            help_text=_("A short line under the name, such as the province it covers. Empty: the default."),
        ),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="identity/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text=_("Shown beside the name in the header, on printed pages and on social cards."),
    )
    logo_width = size_column()
    logo_height = size_column()
    # The 1200×630 crop is made on save (articles/images.py), like an article photo's social card.
    social_image = RenditionImageField(
        _("default social image"),
        upload_to="identity/",
        blank=True,
        purposes=(),
        og=True,
        help_text=_("Shared with links to pages that have no picture of their own; cropped to 1200×630."),
    )
    social_image_width = size_column()
    social_image_height = size_column()
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TranslatableManager.from_queryset(SiteIdentityQuerySet)()

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="site_identity_is_a_singleton"),
        ]

    def __str__(self) -> str:
        return str(_("Site identity"))

    def delete(self, *args, **kwargs):
        raise SingletonDeletion(_("The site's identity cannot be deleted; edit it instead."))

    @classmethod
    def load(cls) -> SiteIdentity:
        """The stored identity, or a new unsaved one (a fresh site, before anyone edited it)."""
        return cls.objects.filter(pk=cls.SINGLETON_ID).first() or cls(pk=cls.SINGLETON_ID)


def validate_link_target(value: str) -> None:
    """A page of this site ("/section/…/") or an http(s) address: nothing a browser would run."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"], message=_("Enter an address starting with https:// or /."))(value)


class FooterLink(TranslatableModel):
    """A link in the footer (a partner site, the province's portal). Shown in the languages whose label
    is filled in."""

    identity = models.ForeignKey(
        SiteIdentity, on_delete=models.CASCADE, related_name="footer_links", verbose_name=_("site identity")
    )
    translations = TranslatedFields(label=models.CharField(_("label"), max_length=100))
    url = models.CharField(_("address"), max_length=500, validators=[validate_link_target])
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.safe_translation_getter("label", any_language=True) or self.url


class FooterPage(TranslatableModel):
    """A simple page of the newsroom's own (about us, contact, terms), with its address per language.
    A page exists in a language when it is translated into it."""

    translations = TranslatedFields(
        title=models.CharField(_("page title"), max_length=200),
        slug=models.SlugField(
            _("page address"),
            max_length=200,
            allow_unicode=True,
            help_text=_("The page's address: /pages/<address>/"),
        ),
        body=SanitizedRichTextField(_("text")),
        meta={"unique_together": [("language_code", "slug")]},
    )
    in_footer = models.BooleanField(_("linked from the footer"), default=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or ""

    def get_absolute_url(self) -> str:
        return reverse("identity:page", kwargs={"slug": self.slug})
