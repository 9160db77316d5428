"""The site's addresses plus uploaded media, for browser tests: Django serves media only when debugging,
and the live server runs with DEBUG off. Media are read from MEDIA_ROOT as it is at request time (each
test has its own folder)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsroom.urls import handler404, handler500  # noqa: F401
from newsroom.urls import urlpatterns as site_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *site_urlpatterns]
