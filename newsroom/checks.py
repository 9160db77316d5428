"""Deployment checks (`manage.py check --deploy`) for the settings that only matter under load: who the
client is behind the load balancer, and whether the rate limits are shared between processes."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_client_address_settings(app_configs=None, **kwargs) -> list[Warning]:
    problems = []
    if not settings.DEBUG and settings.NEWSROOM_PROXY_HOPS == 0:
        problems.append(
            Warning(
                "NEWSROOM_PROXY_HOPS is 0: the client address is the connection's address, and no "
                "X-Forwarded-For entry is trusted.",
                hint="Behind a load balancer or reverse proxy set NEWSROOM_PROXY_HOPS to the number of "
                "proxies in front of the app (usually 1); otherwise every reader shares the proxy's "
                "address in the rate limits. If the app really faces the internet directly, silence "
                "newsroom.W001.",
                id="newsroom.W001",
            )
        )
    if not settings.REDIS_URL:
        problems.append(
            Warning(
                "REDIS_URL is not set: comment rate limits and the view counter live in each "
                "process's memory, so every worker and every server counts on its own.",
                hint="Set REDIS_URL to a Redis shared by all app servers.",
                id="newsroom.W002",
            )
        )
    return problems
