from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Reader comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Comments plugs into articles' extension points: admin columns and the importer's hook.
        from comments import article_hooks

        article_hooks.register()
