"""Settings for newsroom, read from the environment.

Every variable is listed with its default in README.md ("Configuration"). The defaults run a local
site on SQLite with no services; production sets DJANGO_DEBUG=false and must then give a real secret.
"""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from newsroom.env import cache_config, database_config, env_bool, env_int, env_list, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = secret_key(DEBUG)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "parler",
    "ckeditor",
    "articles",
    "identity",
    "comments",
    "newsroom.apps.NewsroomConfig",
    "newsroom.apps.LoginThrottleConfig",  # django-axes, named in Persian in the admin
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session and the views: a NUL in the address or a cookie would reach PostgreSQL.
    "newsroom.input_guard.RefuseMalformedInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.locale.RequestLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # `identity`: the site's name, logo and footer, lazily from the cache (identity/current.py).
                "identity.context_processors.identity",
            ],
        },
    },
]

DATABASES = {"default": database_config(env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One Redis serves every app server in production; without REDIS_URL each process keeps its own cache.
# Readers keep getting pages when Redis is down or frozen (newsroom/cache.py; README "Without Redis").
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {"default": cache_config(REDIS_URL, env_int("NEWSROOM_REDIS_TIMEOUT_MS", 250, minimum=1))}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Login throttling (django-axes, failures kept in the database so it holds without Redis). An account
# is locked after NEWSROOM_LOGIN_FAILURE_LIMIT wrong passwords, from anywhere, and so is a client address
# after as many failures on any accounts. The lock is short and not extended by the attempts made while
# it holds, so an attacker cannot keep the chief editor out for long; a success clears the failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("NEWSROOM_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("NEWSROOM_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsroom.login_throttle.client_address"
AXES_LOCKOUT_CALLABLE = "newsroom.login_throttle.lockout_response"
# Failures are enough to throttle; a row per successful login would grow for ever.
AXES_DISABLE_ACCESS_LOG = True

# Persian first. The admin lives outside the language prefix, so it is always Persian and right to left,
# whatever language the editor's browser asks for; English content is written in parler's "en" tab.
LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", _("Persian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True

PARLER_DEFAULT_LANGUAGE_CODE = "fa"
# Every list prefetches translations; parler's per-translation cache would add one cache write per listed
# row on every request (a Redis round trip each in production) and buys nothing (docs/benchmarks.md).
PARLER_ENABLE_CACHING = False
PARLER_LANGUAGES = {
    None: ({"code": "fa"}, {"code": "en"}),
    "default": {"fallbacks": ["fa"], "hide_untranslated": False},
}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files in production; plain names locally and in tests, where no collectstatic runs.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or env_bool("NEWSROOM_PLAIN_STATIC", False)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The site's identity until a chief editor edits it in the admin (identity app), so a fresh site works:
# per language (these are translated), and static files for the pictures. A field left empty in the
# admin falls back to these.
NEWSROOM_SITE_NAME = _("Newsroom")
NEWSROOM_SITE_TAGLINE = _("Regional news")
NEWSROOM_SITE_LOGO = "img/logo-mark.png"
NEWSROOM_SITE_SOCIAL_IMAGE = "img/og-default.png"  # 1200×630

# Photo uploads (articles/images.py): larger files, or pictures of more pixels (checked from the header,
# before decoding: decompression bombs), are refused with a message on the form.
NEWSROOM_IMAGE_MAX_BYTES = env_int("NEWSROOM_IMAGE_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
NEWSROOM_IMAGE_MAX_PIXELS = env_int("NEWSROOM_IMAGE_MAX_PIXELS", 40_000_000, minimum=10_000)

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")

# django-ckeditor bundles CKEditor 4.22.1, which is end-of-life, so every check prints ckeditor.W001.
# It is safe here because (1) body HTML is sanitized with nh3 against an allowlist whenever it is saved
# (articles/fields.py), so the editor is never the security boundary; (2) only staff reach the editor, in
# the admin; (3) the body field is a plain TextField (articles/fields.py): the admin form chooses the
# editor (articles/forms.py) and this file configures it, so swapping editors touches nothing else.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]
CKEDITOR_BASEPATH = f"/{STATIC_URL}ckeditor/ckeditor/"
_CKEDITOR_TOOLBAR = [
    ["Format", "Bold", "Italic", "Underline", "Strike", "Subscript", "Superscript"],
    ["NumberedList", "BulletedList", "Blockquote", "-", "BidiRtl", "BidiLtr"],
    ["Link", "Unlink", "Image", "Table", "HorizontalRule"],
    ["Undo", "Redo", "RemoveFormat", "Source", "Maximize"],
]
# CKEditor's own content filter gets the sanitizer's allowlist as its rules, one per tag
# ("a[dir,href,lang,title]; ..."), generated so the two cannot drift: the editor offers and keeps only
# what clean_body_html() keeps. nh3 stays the boundary (it also checks URL schemes and sets link rel).
_CKEDITOR_ALLOWED_CONTENT = "; ".join(
    f"{tag}[{','.join(sorted(ALLOWED_ATTRIBUTES['*'] | ALLOWED_ATTRIBUTES.get(tag, set())))}]"
    for tag in sorted(ALLOWED_TAGS)
)
# Images in the body are uploaded to our own view (articles/body_images.py: checked like any photo, given
# renditions); responseType=json makes CKEditor's image dialog upload as pasted images do, by XHR.
# A test checks this address against reverse("body-image-upload").
_BODY_IMAGE_UPLOAD_URL = "/admin/body-images/?responseType=json"
# The English tab of the article admin writes left to right: ArticleAdmin.get_form adjusts a copy.
CKEDITOR_CONFIGS = {
    "default": {
        "language": "fa",
        "contentsLangDirection": "rtl",
        "contentsLanguage": "fa",
        "toolbar": _CKEDITOR_TOOLBAR,
        "format_tags": "p;h2;h3;h4",
        "height": 360,
        "width": "100%",
        # divarea: the editing area is a div in the page, not an iframe, whose bootstrap is an inline
        # script the Content-Security-Policy refuses (NEWSROOM_CSP_ADMIN).
        "extraPlugins": "bidi,divarea,uploadimage",
        # exportpdf (in the full build) would send the text to CKSource's converter in the cloud and warns
        # in the console without a token: drafts stay here.
        "removePlugins": "exportpdf",
        # uploadimage takes pasted images (to our upload view); CKEditor turns the clipboard's own
        # handling off when it sees the plugin and warns in the console unless it is off already.
        "clipboard_handleImages": False,
        "uploadUrl": _BODY_IMAGE_UPLOAD_URL,
        "filebrowserImageUploadUrl": _BODY_IMAGE_UPLOAD_URL,
        "allowedContent": _CKEDITOR_ALLOWED_CONTENT,
    },
}

# Production hardening: on whenever DEBUG is off (manage.py check --deploy is clean then).
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# How many trusted proxies append to X-Forwarded-For in front of the app (newsroom/clients.py). None
# unless configured: where gunicorn is reachable directly, a forged header must not choose the client's
# address (check --deploy warns, newsroom.W001, so a deployment behind a load balancer sets it).
NEWSROOM_PROXY_HOPS = env_int("NEWSROOM_PROXY_HOPS", 0, minimum=0)
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (newsroom/security_headers.py): scripts only from our own files, never inline,
# never eval. Images may come from other https hosts because article bodies may show them (the sanitizer
# allows any https image); everything else is our own host.
NEWSROOM_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The admin differs for CKEditor 4 only, which predates CSP: it sets inline styles (and django-ckeditor's
# widget has a style attribute), and its toolbar and dialogs call it through inline event attributes
# (onclick="CKEDITOR.tools.callFunction(…)", numbered per page, so no hash can list them). Those
# attributes are allowed in the admin alone; script elements stay 'self' only, with no eval, there too.
# Reader HTML cannot bring an event attribute into the editor: the sanitizer drops every on* attribute.
NEWSROOM_CSP_ADMIN = {
    **NEWSROOM_CSP,
    "script-src-attr": ["'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}
# Powerful browser features no page of the site uses.
NEWSROOM_PERMISSIONS_POLICY = {
    feature: "()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# Reader comments (comments app). Each defence has its own setting; README "Configuration" lists them.
NEWSROOM_COMMENT_PREMODERATION = env_bool("NEWSROOM_COMMENT_PREMODERATION", True)
NEWSROOM_COMMENT_MAX_DEPTH = env_int("NEWSROOM_COMMENT_MAX_DEPTH", 3, minimum=1)
NEWSROOM_COMMENT_CLOSE_AFTER_DAYS = env_int("NEWSROOM_COMMENT_CLOSE_AFTER_DAYS", 0, minimum=0)
NEWSROOM_COMMENT_MAX_LENGTH = env_int("NEWSROOM_COMMENT_MAX_LENGTH", 1200, minimum=1)
NEWSROOM_COMMENT_MAX_LINES = env_int("NEWSROOM_COMMENT_MAX_LINES", 30, minimum=1)
NEWSROOM_COMMENT_MAX_LINKS = env_int("NEWSROOM_COMMENT_MAX_LINKS", 2, minimum=0)
NEWSROOM_COMMENT_HONEYPOT_FIELD = env_str("NEWSROOM_COMMENT_HONEYPOT_FIELD", "website")
NEWSROOM_COMMENT_MIN_SECONDS = env_int("NEWSROOM_COMMENT_MIN_SECONDS", 3, minimum=0)
NEWSROOM_COMMENT_MAX_FORM_AGE = env_int("NEWSROOM_COMMENT_MAX_FORM_AGE", 12 * 3600, minimum=60)
NEWSROOM_COMMENT_RATE = env_int("NEWSROOM_COMMENT_RATE", 5, minimum=1)
NEWSROOM_COMMENT_RATE_SECONDS = env_int("NEWSROOM_COMMENT_RATE_SECONDS", 600, minimum=1)
NEWSROOM_COMMENT_VOTE_RATE = env_int("NEWSROOM_COMMENT_VOTE_RATE", 60, minimum=1)
NEWSROOM_COMMENT_REFUSE_DUPLICATES = env_bool("NEWSROOM_COMMENT_REFUSE_DUPLICATES", True)
NEWSROOM_COMMENT_VOTERS_PER_CLIENT = env_int("NEWSROOM_COMMENT_VOTERS_PER_CLIENT", 3, minimum=1)
NEWSROOM_COMMENT_REPORT_THRESHOLD = env_int("NEWSROOM_COMMENT_REPORT_THRESHOLD", 3, minimum=1)
NEWSROOM_COMMENT_EMAILS_PER_DAY = env_int("NEWSROOM_COMMENT_EMAILS_PER_DAY", 3, minimum=0)
NEWSROOM_COMMENT_IP_KEY = env_str("NEWSROOM_COMMENT_IP_KEY", "")
NEWSROOM_COMMENT_SITE_URL = env_str("NEWSROOM_COMMENT_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The importer (manage.py import_articles) refuses a larger file before reading the rest of it.
NEWSROOM_IMPORT_MAX_BYTES = env_int("NEWSROOM_IMPORT_MAX_BYTES", 1_000_000, minimum=1)

# Signed preview links a chief editor sends to someone without an account (articles/preview.py).
NEWSROOM_PREVIEW_HOURS = env_int("NEWSROOM_PREVIEW_HOURS", 48, minimum=1)

# The front page and the header (articles/front.py, articles/calendars.py).
# Urgent (breaking) articles stay in the bar at the top of every page for this many hours after publication.
NEWSROOM_URGENT_HOURS = env_int("NEWSROOM_URGENT_HOURS", 6, minimum=1)
# The header's Hijri-Qamari date follows the Umm al-Qura calendar (hijridate); Iran's official calendar,
# set by sighting the moon, is sometimes a day apart. This many days are added to match it (-2..2).
NEWSROOM_HIJRI_OFFSET_DAYS = env_int("NEWSROOM_HIJRI_OFFSET_DAYS", 0, minimum=-2, maximum=2)
