"""Small factories that fill sensible Persian defaults, so a test names only what it is about."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Official, Organization, Position, Section, Tag
from articles.services import refresh_search_document

_seq = itertools.count(1)


def _named(model, *, name: str, slug: str, **kwargs):
    """A saved parler model with its Persian name."""
    obj = model(slug=slug, **kwargs)
    obj.set_current_language("fa")
    obj.name = name
    obj.save()
    return obj


def make_section(**kwargs) -> Section:
    n = next(_seq)
    kwargs.setdefault("name", f"استان {n}")
    kwargs.setdefault("slug", f"section-{n}")
    return _named(Section, **kwargs)


def make_organization(**kwargs) -> Organization:
    n = next(_seq)
    kwargs.setdefault("name", f"سازمان شماره {n}")
    kwargs.setdefault("slug", f"org-{n}")
    return _named(Organization, **kwargs)


def make_official(**kwargs) -> Official:
    n = next(_seq)
    kwargs.setdefault("name", f"مقام شماره {n}")
    kwargs.setdefault("slug", f"official-{n}")
    return Official.objects.create(**kwargs)


def make_position(**kwargs) -> Position:
    # Made only when not given: setdefault() would build (and save) a spare one every call.
    if "official" not in kwargs:
        kwargs["official"] = make_official()
    if "organization" not in kwargs:
        kwargs["organization"] = make_organization()
    kwargs.setdefault("title", "رئیس")
    return Position.objects.create(**kwargs)


def make_tag(name: str | None = None, *, language: str = "fa", **kwargs) -> Tag:
    """A saved tag named in `language` (its slug made from the name unless given)."""
    tag = Tag(**kwargs)
    tag.set_current_language(language)
    tag.name = name or f"برچسب {next(_seq)}"
    tag.save()
    return tag


def make_article(*, language: str = "fa", **kwargs) -> Article:
    """A published article by default; pass status/published_at to get anything else."""
    n = next(_seq)
    translated = {
        "title": kwargs.pop("title", f"تیتر خبر شماره {n}"),
        "kicker": kwargs.pop("kicker", ""),
        "lead": kwargs.pop("lead", "لید خبر"),
        "body": kwargs.pop("body", "<p>متن خبر</p>"),
    }
    translated["slug"] = kwargs.pop("slug", slugify(translated["title"], allow_unicode=True))
    officials = kwargs.pop("officials", [])
    organizations = kwargs.pop("organizations", [])
    tags = kwargs.pop("tags", [])
    kwargs.setdefault("status", Article.Status.PUBLISHED)
    if kwargs["status"] == Article.Status.PUBLISHED:
        kwargs.setdefault("published_at", timezone.now() - timedelta(minutes=n))
    article = Article(**kwargs)
    article.set_current_language(language)
    for field, value in translated.items():
        setattr(article, field, value)
    article.save()
    if officials:
        article.officials.set(officials)
    if organizations:
        article.organizations.set(organizations)
    if tags:
        article.tags.set(tags)
    # As every save path does (the admin, the importer): search, the admin's included, reads this.
    refresh_search_document(article)
    # Read back directly: parler's refresh_from_db() would also clear its translation cache.
    article.search_document = Article.objects.values_list("search_document", flat=True).get(pk=article.pk)
    return article


def image_bytes(
    width: int = 1200, height: int = 800, *, fmt: str = "JPEG", color=(200, 60, 40), **save
) -> bytes:
    """A picture built in memory with Pillow, with whatever Pillow's save() options (exif=...) say."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, fmt, **save)
    return out.getvalue()


def attach_image(
    instance, *, field: str = "image", data: bytes | None = None, name: str = "photo.jpg", **focal
):
    """Give `instance` an uploaded picture as the admin would (checked, re-encoded) and save it; the
    renditions are made after the commit (call within django_capture_on_commit_callbacks(execute=True))."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.imagefields import SafeImageFormField

    upload = SafeImageFormField().clean(SimpleUploadedFile(name, data or image_bytes(), "image/jpeg"))
    getattr(instance, field).save(upload.name, upload, save=False)
    for axis, value in focal.items():
        setattr(instance, f"{field}_focal_{axis}", value)
    instance.save()
    return instance


def set_identity(*, logo: bytes | None = None, **texts):
    """Save the site's identity: `name_fa="…", tagline_en="…"` and so on, and a logo picture's bytes."""
    from identity.forms import LogoFormField
    from identity.models import SiteIdentity

    identity = SiteIdentity.load()
    for key, value in texts.items():
        field, language = key.rsplit("_", 1)
        identity.set_current_language(language)
        setattr(identity, field, value)
    if logo is not None:
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = LogoFormField().clean(SimpleUploadedFile("logo.png", logo, "image/png"))
        identity.logo.save(upload.name, upload, save=False)
    identity.save()
    return identity


def make_footer_page(
    *,
    title: str = "درباره ما",
    slug: str = "درباره-ما",
    body: str = "<p>ما خبرگزاری استانی هستیم.</p>",
    language: str = "fa",
    **kwargs,
):
    from identity.models import FooterPage

    page = FooterPage(**kwargs)
    page.set_current_language(language)
    page.title, page.slug, page.body = title, slug, body
    page.save()
    return page
