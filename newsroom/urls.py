from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page

from articles import body_images
from articles.sitemaps import SITEMAP_CACHE_SECONDS, SITEMAPS, news_sitemap
from articles.views import SignedPreviewView, robots_txt

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Editorial desk")

# The admin is outside the language prefix: always Persian, right to left.
urlpatterns = [
    # CKEditor's image uploads (staff only); before the admin's own addresses, which would claim it.
    path("admin/body-images/", body_images.upload_view, name="body-image-upload"),
    path("admin/", admin.site.urls),
    # For machines: one of each, whatever the language (the article sitemap lists both languages).
    path("robots.txt", robots_txt, name="robots"),
    # Signed preview links (articles/preview.py): one address whatever the language, shown in Persian.
    path("preview/<str:token>/", SignedPreviewView.as_view(), name="article-preview"),
    # An index of one sitemap per kind, the articles' split into pages; built at most once every few
    # minutes per cache (they list published content only, so a shared cache is safe).
    path("sitemap-news.xml", news_sitemap, name="sitemap-news"),
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

# Persian (the default) has no prefix; English lives under /en/.
urlpatterns += i18n_patterns(
    path("", include("articles.urls")),
    # The newsroom's own pages (about us, contact, terms), edited with the site's identity.
    path("", include("identity.urls")),
    prefix_default_language=False,
)

# Persian 400, 404 and 500 pages (articles/views.py); the 400 and 500 pages need neither the database
# nor a context.
handler400 = "articles.views.bad_request"
handler404 = "articles.views.page_not_found"
handler500 = "articles.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Reader comments: posting, replies, votes and reports (the thread itself is drawn by {% comments_for %}).
urlpatterns += i18n_patterns(
    path("comments/", include("comments.urls")),
    prefix_default_language=False,
)
