"""Articles, sections, and the officials and organizations that articles mention."""

from __future__ import annotations

import secrets
import unicodedata
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from parler.fields import TranslationsForeignKey
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields, TranslatedFieldsModel

from articles.fields import SanitizedRichTextField
from articles.imagefields import FocalPointField, RenditionImageField
from articles.persian import BIDI_CONTROLS, normalize, persian_digits


def size_column() -> models.PositiveIntegerField:
    """Width or height of an uploaded original, filled by its RenditionImageField on upload."""
    return models.PositiveIntegerField(null=True, blank=True, editable=False)


def focal_column(axis: str) -> FocalPointField:
    """Half of the focal point editors choose (0..1; the middle by default): crops for thumbnails and
    social cards keep it in view. The admin sets both by a click on the preview (static/js/focal_point.js)."""
    verbose, help_text = {
        "x": (_("focal point across"), _("0 is the left edge, 1 the right; click the preview to set it.")),
        "y": (_("focal point down"), _("0 is the top edge, 1 the bottom.")),
    }[axis]
    return FocalPointField(
        verbose, default=0.5, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)], help_text=help_text
    )


def split_aliases(text: str) -> list[str]:
    """Aliases are kept one per line so editors can edit them in a plain text box."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def search_document_of(*parts: str) -> str:
    """The normalized text the admin's search matches (articles.admin_search), from display text."""
    return normalize(" ".join(part for part in parts if part))


class SearchDocumentMixin:
    """A translatable model whose `search_document` column holds its names in every language, normalized,
    plus `search_parts()`. Rewritten after each save, once parler has saved the translations too."""

    def search_parts(self) -> list[str]:
        return []

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        names = self.translations.model.objects.filter(master_id=self.pk).values_list("name", flat=True)
        self.search_document = search_document_of(*names, *self.search_parts())
        type(self).objects.filter(pk=self.pk).update(search_document=self.search_document)


class SectionQuerySet(TranslatableQuerySet):
    def with_newest(self, articles: ArticleQuerySet, count: int) -> list[tuple[Section, list[Article]]]:
        """Each section with the newest `count` of `articles` in it, in section order; sections with
        none get no entry. `articles` is the page's reader queryset (published, in its language).

        Two queries (+ translations) whatever the number of sections, and work bounded by the number of
        sections, not the size of the archive: the first asks each section for the ids of its newest
        few (one short walk down the section's index per slot), the second fetches those by id. A section
        whose newest article is old still gets its entry.
        """
        # Newest first (the Meta ordering); the section index serves it.
        newest_ids = articles.filter(section=OuterRef("pk")).values("pk")
        slots = [f"newest_{slot}" for slot in range(count)]
        sections = list(
            self.annotate(
                **{name: Subquery(newest_ids[slot : slot + 1]) for slot, name in enumerate(slots)}
            ).prefetch_related("translations")
        )
        wanted = {getattr(section, name) for section in sections for name in slots} - {None}
        by_section: dict[int, list[Article]] = {}
        # The ids were chosen from `articles` just now. Filtering on published() again would make SQLite
        # walk every published article by date (its planner prefers that index to looking up a few ids).
        for article in Article.objects.filter(pk__in=wanted).for_listing():  # newest first
            by_section.setdefault(article.section_id, []).append(article)
        return [(section, by_section[section.pk]) for section in sections if section.pk in by_section]


class SectionManager(TranslatableManager.from_queryset(SectionQuerySet)):
    pass


class Section(SearchDocumentMixin, TranslatableModel):
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=100),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # Names in every language and the slug, normalized: what the admin's search matches.
    search_document = models.TextField(blank=True, default="", editable=False)

    objects = SectionManager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("articles:section", kwargs={"slug": self.slug})

    def search_parts(self) -> list[str]:
        return [self.slug]


class Organization(SearchDocumentMixin, TranslatableModel):
    class Kind(models.TextChoices):
        JUDICIARY = "judiciary", _("judiciary")
        COURT = "court", _("court")
        COUNCIL = "council", _("council")
        GOVERNMENT = "government", _("government")
        MEDIA = "media", _("media")
        OTHER = "other", _("other")

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    aliases = models.TextField(_("aliases"), blank=True, help_text=_("Other spellings, one per line."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    logo = RenditionImageField(_("logo"), upload_to="organizations/", blank=True, purposes=("thumb",))
    logo_width = size_column()
    logo_height = size_column()
    logo_focal_x = focal_column("x")
    logo_focal_y = focal_column("y")
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    # Names in every language, short name, aliases and slug, normalized: what the admin's search matches.
    search_document = models.TextField(blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("articles:organization", kwargs={"slug": self.slug})

    def search_parts(self) -> list[str]:
        return [self.short_name, *split_aliases(self.aliases), self.slug]

    def alias_list(self) -> list[str]:
        names = [self.safe_translation_getter("name", any_language=True) or "", self.short_name]
        return [name for name in names + split_aliases(self.aliases) if name]

    def ancestors(self) -> list[Organization]:
        """From the root down to the parent. One query per level; hierarchies here are 2-4 deep."""
        chain, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return list(reversed(chain))


class OfficialQuerySet(models.QuerySet):
    def public(self) -> OfficialQuerySet:
        """Officials proposed by the importer stay hidden until an editor confirms them."""
        return self.filter(is_verified=True)


class Official(models.Model):
    name = models.CharField(_("name"), max_length=200)
    honorific = models.CharField(_("honorific"), max_length=100, blank=True)
    aliases = models.TextField(_("aliases"), blank=True, help_text=_("Other spellings, one per line."))
    photo = RenditionImageField(_("photo"), upload_to="officials/", blank=True, purposes=("thumb", "card"))
    photo_width = size_column()
    photo_height = size_column()
    photo_focal_x = focal_column("x")
    photo_focal_y = focal_column("y")
    bio = models.TextField(_("short bio"), blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    is_verified = models.BooleanField(
        _("confirmed by an editor"),
        default=True,
        help_text=_("Officials proposed by the importer are hidden from readers until confirmed."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Honorific, name, aliases and slug, normalized: what the admin's search matches. Kept by save().
    search_document = models.TextField(blank=True, default="", editable=False)

    objects = OfficialQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("official")
        verbose_name_plural = _("officials")

    def __str__(self) -> str:
        return f"{self.honorific} {self.name}".strip()

    def save(self, *args, **kwargs):
        self.search_document = search_document_of(self.honorific, *self.alias_list(), self.slug)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_document"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:official", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        """Mirrors OfficialQuerySet.public() for one instance already in hand."""
        return self.is_verified

    def alias_list(self) -> list[str]:
        return [self.name, *split_aliases(self.aliases)]

    def current_positions(self):
        return self.positions.filter(end_date__isnull=True)


class Position(models.Model):
    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.CASCADE, related_name="positions"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Empty while current."))

    class Meta:
        ordering = ["end_date", "-start_date", "id"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.CheckConstraint(
                name="position_ends_after_it_starts",
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_current(self) -> bool:
        return self.end_date is None


def tag_slug(name: str) -> str:
    """The readable slug a tag name makes: from its normalized key, so «الكترونيك» and «الکترونیک»
    give one address, Persian letters kept (`سازمان‌ها` → `سازمان-ها`)."""
    return slugify(normalize(name), allow_unicode=True)[: Tag.SLUG_LENGTH]


class TagQuerySet(TranslatableQuerySet):
    def for_language(self, language: str) -> TagQuerySet:
        """Tags named in `language`, with their names: what a page in that language may show or link."""
        return self.translated(language).prefetch_related("translations")


class TagManager(TranslatableManager.from_queryset(TagQuerySet)):
    pass


class Tag(SearchDocumentMixin, TranslatableModel):
    """A tag (برچسب) editors put on articles. Its name is per language (TagTranslation), and one tag is
    one normalized key per language, so spelling variants never make two tags. A tag shows on the pages
    of the languages it has a name in; its slug (one for all languages) makes the address."""

    NAME_LENGTH = 100
    KEY_LENGTH = 200
    SLUG_LENGTH = 120

    slug = models.SlugField(
        _("slug"),
        max_length=SLUG_LENGTH,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_("Leave empty to make it from the name. Persian letters are kept."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Names in every language and the slug, normalized: what the admin's search and autocomplete match.
    search_document = models.TextField(blank=True, default="", editable=False)

    objects = TagManager()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("articles:tag", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug(self.safe_translation_getter("name", any_language=True) or "")
        super().save(*args, **kwargs)

    def search_parts(self) -> list[str]:
        return [self.slug]

    @classmethod
    def free_slug(cls, name: str) -> str:
        """A slug no other tag has, from `name`: `-2`, `-3` … after a taken one."""
        base = tag_slug(name) or "tag"
        slug, n = base, 1
        while cls.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base[: cls.SLUG_LENGTH - len(str(n)) - 1]}-{n}"
        return slug


def clean_tag_name(text: str) -> str:
    """A typed tag name as it is stored: bidi controls dropped, runs of spaces made one, ends trimmed;
    the letters stay as written (normalize() makes the key, never the name). Raises ValidationError
    with a one-line reason. The article form's tag field and the tag admin both go through it."""
    name = " ".join(BIDI_CONTROLS.sub("", text).split())
    if any(unicodedata.category(char) == "Cc" for char in name):
        raise ValidationError(_("A tag name cannot contain control characters."), code="control")
    # The key too: NFKC spells a ligature out (ﷺ is 18 letters), and the key's column has a limit.
    if len(name) > Tag.NAME_LENGTH or len(normalize(name)) > Tag.KEY_LENGTH:
        limit = persian_digits(Tag.NAME_LENGTH) if get_language_bidi() else str(Tag.NAME_LENGTH)
        raise ValidationError(
            _("A tag name is at most %(limit)s characters: %(name)s"),
            code="too_long",
            params={"limit": limit, "name": name[:30] + "…"},
        )
    if not normalize(name):
        raise ValidationError(_("A tag name needs letters or digits."), code="empty")
    return name


class TagTranslation(TranslatedFieldsModel):
    """A tag's name in one language, as written, and its normalized key (articles.persian.normalize),
    which is unique per language: what a typed name is matched by."""

    master = TranslationsForeignKey(
        Tag, related_name="translations", null=True, editable=False, on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=Tag.NAME_LENGTH)
    key = models.CharField(_("normalized name"), max_length=Tag.KEY_LENGTH, editable=False)

    class Meta:
        db_table = "articles_tag_translation"
        verbose_name = _("tag translation")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "master"], name="articles_tag_translation_uniq_lang"
            ),
            # Serves matching a typed name to its tag: «الكترونيك» finds «الکترونیک».
            models.UniqueConstraint(
                fields=["language_code", "key"],
                name="tag_name_unique_per_language",
                violation_error_message=_("A tag with this name already exists."),
            ),
        ]

    def clean(self):
        super().clean()
        try:
            self.name = clean_tag_name(self.name)
        except ValidationError as refused:
            raise ValidationError({"name": refused.error_list}) from None
        self.key = normalize(self.name)  # so the uniqueness check sees the key this name makes

    def save(self, *args, **kwargs):
        self.key = normalize(self.name)
        super().save(*args, **kwargs)


class NewsCodeCounter(models.Model):
    """The last news code handed out. Codes come from here, never from MAX(), so a deleted
    article's code is never given to another article."""

    last_value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("news code counter")

    def __str__(self) -> str:
        return str(self.last_value)

    @classmethod
    def reserve(cls, count: int = 1) -> range:
        """Take `count` consecutive news codes: the one way codes are handed out (Article.save, the
        importer). Two queries; the counter's row stays locked until the caller's transaction ends, so
        concurrent writers queue there and never get the same code."""
        with transaction.atomic():
            if not cls.objects.filter(pk=1).update(last_value=F("last_value") + count):
                cls.objects.get_or_create(pk=1)  # the first code ever
                cls.objects.filter(pk=1).update(last_value=F("last_value") + count)
            last = cls.objects.values_list("last_value", flat=True).get(pk=1)
        return range(last - count + 1, last + 1)


def new_preview_nonce() -> str:
    return secrets.token_urlsafe(12)


class ArticleQuerySet(TranslatableQuerySet):
    def published(self) -> ArticleQuerySet:
        """The one definition of "visible to readers": published, and due by the clock.

        A future published_at is a scheduled article: it appears when its time comes, with no job to run.
        """
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self) -> ArticleQuerySet:
        """What a list of articles shows besides the article: its section, and both in every language.
        Not the search documents: a second, normalized copy of each text, for search's SQL only."""
        return (
            self.select_related("section")
            .defer("search_document", "section__search_document")
            .prefetch_related("translations", "section__translations")
        )

    def related_to(self, article: Article) -> ArticleQuerySet:
        """Articles sharing an official or an organization with `article` (the ones its `officials` and
        `organizations` hold: a prefetch decides which count), newest first, `article` left out.

        Walks the newest articles, checking each for a shared mention with two index probes; slice it
        to stop early. When most articles mention the same official (press releases do), that is a
        handful of rows whatever the size of the archive. The cost is the number of articles newer than
        the last one wanted: an article whose mentions appear only in old articles walks that far back
        (measured at 50,000 articles: tens of milliseconds, against under a millisecond usually).
        Queries: the article's mentions unless prefetched.
        """
        officials = [official.pk for official in article.officials.all()]
        organizations = [org.pk for org in article.organizations.all()]
        if not officials and not organizations:
            return self.none()
        # One EXISTS over both mention tables. Two EXISTS joined by OR, or pk IN (the mentions), let
        # PostgreSQL first collect every mention of those officials, which grows with the archive; a
        # compound subquery it checks row by row.
        mentions = (
            Article.officials.through.objects.filter(article_id=OuterRef("pk"), official_id__in=officials)
            .values("article_id")
            .union(
                Article.organizations.through.objects.filter(
                    article_id=OuterRef("pk"), organization_id__in=organizations
                ).values("article_id"),
                all=True,
            )
        )
        return self.filter(Exists(mentions)).exclude(pk=article.pk)

    def urgent_since(self, since: datetime) -> ArticleQuerySet:
        """Articles marked urgent and published at or after `since` (apply published() too), newest
        first: the urgent bar. Served by the partial index on urgent articles' publication time."""
        return self.filter(urgent=True, published_at__gte=since).order_by("-published_at", "-news_code")

    def most_read(self, *, since: date, count: int) -> list[int]:
        """Ids of the `count` articles of this queryset read most from the day `since` to today, by the
        daily view counts (DailyViewCount), most read first. One query; its work is bounded by the
        counts kept for those days (one row per article read on a day), not by the archive. The
        queryset (published(), in the page's language) is checked per counted article by primary key.
        """
        totals = (
            DailyViewCount.objects.filter(day__gte=since)
            .filter(Exists(self.filter(pk=OuterRef("article_id"))))
            .values("article_id")
            .annotate(total=Sum("views"))
            .order_by("-total", "-article_id")
        )
        return [row["article_id"] for row in totals[:count]]


class ArticleManager(TranslatableManager.from_queryset(ArticleQuerySet)):
    pass


class Article(TranslatableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        REVIEW = "review", _("in review")
        PUBLISHED = "published", _("published")

    translations = TranslatedFields(
        kicker=models.CharField(_("kicker"), max_length=300, blank=True),
        title=models.CharField(_("headline"), max_length=300),
        # Not unique: the news code in the URL identifies the article; press releases repeat headlines.
        slug=models.SlugField(_("slug"), max_length=300, allow_unicode=True),
        lead=models.TextField(_("lead"), blank=True),
        body=SanitizedRichTextField(_("body"), blank=True),
    )
    news_code = models.PositiveBigIntegerField(_("news code"), unique=True, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("A future time schedules the article; it appears by itself when the time comes."),
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    source = models.ForeignKey(
        Organization,
        verbose_name=_("source agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sourced_articles",
        limit_choices_to={"kind": Organization.Kind.MEDIA},
    )
    image = RenditionImageField(
        _("image"), upload_to="articles/%Y/%m/", blank=True, purposes=("article", "thumb", "card"), og=True
    )
    image_width = size_column()
    image_height = size_column()
    image_focal_x = focal_column("x")
    image_focal_y = focal_column("y")
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    officials = models.ManyToManyField(
        Official, verbose_name=_("officials mentioned"), blank=True, related_name="articles"
    )
    organizations = models.ManyToManyField(
        Organization, verbose_name=_("organizations mentioned"), blank=True, related_name="articles"
    )
    # Changed through articles.services.set_article_tags (typed names become tags there).
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    comments_enabled = models.BooleanField(_("comments open"), default=True)
    urgent = models.BooleanField(
        _("urgent"),
        default=False,
        help_text=_("Breaking news: shown in the urgent bar at the top of every page for a few hours."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Import bookkeeping (articles/management/commands/import_articles.py): which source item this is,
    # the hash of what was imported, and when, so a re-import can tell "unchanged" from "edited since".
    external_id = models.CharField(
        _("import id"), max_length=200, null=True, blank=True, unique=True, editable=False
    )
    import_hash = models.CharField(_("import hash"), max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True, editable=False)

    # Normalized text of headline, lead, body and mentioned names (articles.persian.normalize), kept by
    # articles.services.refresh_search_document(); search matches against this, never the display text.
    search_document = models.TextField(blank=True, default="", editable=False)

    # Part of every signed preview link (articles/preview.py); a new value revokes all links given out.
    preview_nonce = models.CharField(max_length=32, default=new_preview_nonce, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-news_code"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish and unpublish articles"))]
        indexes = [
            # Serves published() listings: status filter, newest first.
            models.Index(fields=["status", "-published_at"], name="article_published_idx"),
            # Serves the front page's newest few of each section (Section.objects.with_newest): one short
            # walk per section, newest first, whatever the size of the archive.
            models.Index(fields=["section", "-published_at"], name="article_section_recent_idx"),
            # Serves the urgent bar (ArticleQuerySet.urgent_since): the few urgent articles of the last
            # hours, newest first, without walking the others.
            models.Index(
                fields=["-published_at"], condition=Q(urgent=True), name="article_urgent_recent_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or f"#{self.news_code}"

    def get_absolute_url(self) -> str:
        slug = self.safe_translation_getter("slug", any_language=True) or "-"
        return reverse("articles:detail", kwargs={"code": self.news_code, "slug": slug})

    def save(self, *args, **kwargs):
        if self.news_code is None:
            self.news_code = NewsCodeCounter.reserve(1)[0]
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        """Mirrors ArticleQuerySet.published() for one instance already in hand."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_published

    def search_text(self) -> str:
        """Everything a reader might search this article by, normalized. Hits the database for the
        translations, the mentioned officials and organizations and the tags' names."""
        parts: list[str] = []
        for translation in self.translations.all():
            parts += [translation.kicker, translation.title, translation.lead, strip_tags(translation.body)]
        # Public officials only: readers must not find an article through the name of an official they
        # cannot see (articles.services.confirm_officials refreshes the documents on confirmation).
        # Filtered here, not in the query, so that a prefetched `officials` serves.
        parts += [
            name for official in self.officials.all() if official.is_public for name in official.alias_list()
        ]
        parts += [name for org in self.organizations.all() for name in org.alias_list()]
        parts += self.tag_names()
        return normalize(" ".join(part for part in parts if part))

    def tag_names(self) -> list[str]:
        """The names of this article's tags in every language (readers find an article by its tags).
        One query, or none when `tags__translations` is prefetched."""
        if "tags" in getattr(self, "_prefetched_objects_cache", {}):
            return [translation.name for tag in self.tags.all() for translation in tag.translations.all()]
        return list(TagTranslation.objects.filter(master__articles=self).values_list("name", flat=True))


class DailyViewCount(models.Model):
    """How many readers viewed an article on one day (Tehran time): the most-read lists are made from
    these, so a story read a lot last year does not crowd out today's. Article.view_count stays the
    all-time total. Written by articles/viewcount.py with an F() upsert, one row per article per day."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="daily_views"
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily view count")
        verbose_name_plural = _("daily view counts")
        constraints = [
            # One counter per article per day; also serves the upsert's UPDATE ... WHERE article, day.
            models.UniqueConstraint(fields=["article", "day"], name="daily_views_one_row_per_day"),
        ]
        indexes = [
            # Serves ArticleQuerySet.most_read: the rows of the last few days only, whatever the archive,
            # summed from the index alone (it holds the article and the count too).
            models.Index(fields=["day", "article", "views"], name="daily_views_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}@{self.day}: {self.views}"


class DeletedImport(models.Model):
    """An imported article an editor deleted. The importer skips its source file from then on, so a
    deletion sticks; deleting this record (or `import_articles --force`) lets the file in again."""

    external_id = models.CharField(_("import id"), max_length=200, unique=True)
    news_code = models.PositiveBigIntegerField(_("news code"))
    title = models.CharField(_("headline"), max_length=300, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), auto_now_add=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-deleted_at"]
        verbose_name = _("deleted imported article")
        verbose_name_plural = _("deleted imported articles")

    def __str__(self) -> str:
        return self.title or self.external_id


class ArticleRevision(models.Model):
    """One version of an article, kept on every save (articles/revisions.py writes them, one function).

    `data` is a JSON snapshot of everything an editor can restore: every language's kicker, headline,
    slug, lead and body, the status, publication time, urgent flag, section, image and the linked
    officials and organizations. A snapshot rather than django-reversion or django-simple-history: see
    README."""

    class Source(models.TextChoices):
        ADMIN = "admin", _("saved in the admin")
        IMPORT = "import", _("updated by import")
        RESTORE = "restore", _("restored")
        # The first version of a release an editor pasted into the admin, as the importer read it.
        PASTE = "paste", _("pasted press release")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(_("kind"), max_length=12, choices=Source.choices, default=Source.ADMIN)
    restored_from = models.ForeignKey(
        "self",
        verbose_name=_("restored from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data = models.JSONField(_("snapshot"), default=dict)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self) -> str:
        return f"{self.article_id}@{self.created_at:%Y-%m-%d %H:%M}"
