from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    """The site's identity (name, logo, footer and its pages), edited by chief editors in the admin.

    Built on articles (its sanitizer and image checks); it gives articles the site's brand through
    articles.extensions.site_brand, so articles never imports it."""

    name = "identity"
    verbose_name = _("Site identity")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from articles import extensions
        from articles.signal_handlers import renditions_on_save
        from identity import current
        from identity.models import FooterLink, FooterPage, SiteIdentity
        from identity.signal_handlers import forget_identity

        for model in (SiteIdentity, FooterLink, FooterPage):
            for each in (model, model._parler_meta.root_model):
                uid = f"identity-forget-{each.__name__}"
                post_save.connect(forget_identity, sender=each, dispatch_uid=f"{uid}-save")
                post_delete.connect(forget_identity, sender=each, dispatch_uid=f"{uid}-delete")
        # The default social image gets its 1200×630 crop as article photos do.
        post_save.connect(renditions_on_save, sender=SiteIdentity, dispatch_uid="renditions-SiteIdentity")
        extensions.site_brand.provide(current.brand)
