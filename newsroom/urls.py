from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Editorial desk")

# The admin is outside the language prefix: always Persian, right to left.
urlpatterns = [
    path("admin/", admin.site.urls),
]

# Persian (the default) has no prefix; English lives under /en/.
urlpatterns += i18n_patterns(
    path("", include("articles.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Reader comments: posting, replies, votes and reports (the thread itself is drawn by {% comments_for %}).
urlpatterns += i18n_patterns(
    path("comments/", include("comments.urls")),
    prefix_default_language=False,
)
