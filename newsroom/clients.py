"""Who is asking: the client address behind the load balancer, for rate limits, vote limits and view
counts. One rule for the whole site, so the comment defences and the view counter agree."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The reader's address.

    Behind NEWSROOM_PROXY_HOPS trusted proxies it is that many entries from the right of
    X-Forwarded-For: each proxy appends the address it saw, so the entries further left are whatever the
    client chose to send and are never trusted. With no proxies (the default), or no header, it is
    REMOTE_ADDR: where the app is reachable directly, a header the client wrote must not name the client.
    """
    hops = settings.NEWSROOM_PROXY_HOPS
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def limit_key(address: str) -> str:
    """What rate limits count as one client: an IPv4 address as it is, an IPv6 address by its /64
    (written as the /64's first address, so the key is still an address).

    One IPv6 subscriber or server gets a whole /64 and can pick a new address from it for every request,
    so counting single IPv6 addresses would count nothing. Anything that is not an address is kept as is.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False).network_address)
    return str(ip)


def client_limit_key(request: HttpRequest) -> str:
    return limit_key(client_ip(request))
