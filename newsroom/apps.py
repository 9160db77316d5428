from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """The project package as an app, so that its deployment checks are registered."""

    name = "newsroom"
    verbose_name = "newsroom"

    def ready(self) -> None:
        from newsroom import checks  # noqa: F401  (registers the checks)


class LoginThrottleConfig(AxesConfig):
    """django-axes (login throttling) under a Persian name in the admin."""

    verbose_name = _("Login throttling")
