"""The admin login throttle's two hooks into django-axes (settings: AXES_*): who the client is, by the
site's one rule, and the Persian page a locked-out login gets."""

from __future__ import annotations

from axes.helpers import get_cool_off
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from articles.persian import persian_digits
from newsroom.clients import client_ip, limit_key

LOCKED_OUT_STATUS = 429


def client_address(request: HttpRequest) -> str | None:
    """The address failures are counted for: the rate limits' rule, so an IPv6 client counts by its /64
    (stored as the /64's first address, which the throttle's address column accepts)."""
    address = limit_key(client_ip(request))
    return address if address != "unknown" else None


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0
    context = {**admin.site.each_context(request), "minutes": persian_digits(minutes)}
    return render(request, "admin/locked_out.html", context, status=LOCKED_OUT_STATUS)
