from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The project package as an app, so that its deployment checks are registered."""

    name = "newsroom"
    verbose_name = "newsroom"

    def ready(self) -> None:
        from newsroom import checks  # noqa: F401  (registers the checks)
