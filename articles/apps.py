from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from articles.models import Article, Official, Organization
        from articles.signal_handlers import renditions_on_save

        for model in (Article, Official, Organization):
            post_save.connect(renditions_on_save, sender=model, dispatch_uid=f"renditions-{model.__name__}")
