"""Who is asking: the client address behind the load balancer, for rate limits, vote limits and view
counts. One rule for the whole site, so the comment defences and the view counter agree."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The reader's address.

    Behind NEWSROOM_PROXY_HOPS trusted proxies it is that many entries from the right of
    X-Forwarded-For: each proxy appends the address it saw, so the entries further left are whatever the
    client chose to send and are never trusted. With no proxies, or no header, it is REMOTE_ADDR.
    """
    hops = settings.NEWSROOM_PROXY_HOPS
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "") or "unknown"
