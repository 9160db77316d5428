"""The import flow: prepare a chunk of sources (no writes), then create or update their articles.

See the package's docstring for the guarantees (all-or-nothing per file, idempotent re-imports).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from parler.cache import get_translation_cache_key

from articles import extensions
from articles.extensions import Imported
from articles.importing.documents import body_html, document_text, translation_fields
from articles.importing.links import insert_links
from articles.importing.results import Options, Outcome, Result, Source
from articles.mentions import MentionIndex, Mentions, find_mentions
from articles.models import (
    Article,
    ArticleRevision,
    DeletedImport,
    NewsCodeCounter,
    Official,
    Organization,
    Section,
)
from articles.persian import normalize
from articles.revisions import record_revision
from articles.seedformat import PressRelease, SeedFormatError, parse_bytes
from articles.services import refresh_search_document

EXTERNAL_ID_MAX = Article._meta.get_field("external_id").max_length
# Why a create-only run (Options.create_only) skips an item.
ALREADY_IMPORTED = "already imported"


# Placeholder news codes of a dry run's new articles (see Importer._news_codes): 2**62, a quarter of the
# way up the 64-bit range both databases store.
DRY_RUN_CODES = 2**62


class _Existing(NamedTuple):
    """The article an item was imported into before."""

    pk: int
    news_code: int
    digest: str  # import_hash
    edited: bool  # saved by someone other than the importer since


@dataclass
class _Item:
    source: Source
    release: PressRelease
    external_id: str
    digest: str
    section: Section | None
    existing: _Existing | None = None
    deleted_code: int | None = None  # the news code of this file's article, which an editor deleted
    mentions: Mentions | None = None


class Importer:
    def __init__(self, *, options: Options | None = None, index: MentionIndex | None = None):
        self.options = options or Options()
        self.index = index or MentionIndex.load()
        self._load_lookups()
        self._seen: dict[str, str] = {}
        self._dry_run_codes_used = 0

    def _load_lookups(self) -> None:
        """Media agencies by alias and sections by slug and name: two queries per run."""
        self.media: dict[str, Organization] = {}
        for org in Organization.objects.filter(kind=Organization.Kind.MEDIA).prefetch_related("translations"):
            for alias in org.alias_list() + [t.name for t in org.translations.all()]:
                self.media.setdefault(normalize(alias), org)
        self.sections: dict[str, Section] = {}
        for section in Section.objects.prefetch_related("translations"):
            self.sections[section.slug] = section
            for translation in section.translations.all():
                self.sections.setdefault(normalize(translation.name), section)
        self.names = _names_by_entity()

    def _reload(self) -> None:
        """After a rolled-back chunk: forget proposals and agencies that were never committed."""
        self.index = MentionIndex.load()
        self._load_lookups()

    # Running ----------------------------------------------------------------------------------------

    def run(self, sources: Iterable[Source], *, chunk_size: int = 500) -> Iterator[Result]:
        chunk: list[Source] = []
        for source in sources:
            chunk.append(source)
            if len(chunk) >= chunk_size:
                yield from self.import_chunk(chunk)
                chunk = []
        if chunk:
            yield from self.import_chunk(chunk)

    def import_chunk(self, sources: list[Source]) -> list[Result]:
        self.index.refresh()
        results: dict[int, Result] = {}
        items: list[tuple[int, _Item]] = []
        for position, source in enumerate(sources):
            try:
                items.append((position, self._prepare(source)))
            except SeedFormatError as exc:
                results[position] = Result(source.label, Outcome.FAILED, exc.line, exc.reason)
        self._attach_existing([item for _position, item in items])

        new: list[tuple[int, _Item]] = []
        for position, item in items:
            existing = item.existing
            if item.deleted_code is not None and not self.options.force:
                results[position] = Result(
                    item.source.label,
                    Outcome.SKIPPED,
                    reason="was deleted by an editor; --force imports it again",
                    news_code=item.deleted_code,
                )
                continue
            if existing is None:
                new.append((position, item))
                continue
            if self.options.create_only:
                results[position] = Result(
                    item.source.label,
                    Outcome.SKIPPED,
                    reason=ALREADY_IMPORTED,
                    article_id=existing.pk,
                    news_code=existing.news_code,
                )
                continue
            if existing.edited and not self.options.force:
                results[position] = Result(
                    item.source.label,
                    Outcome.SKIPPED,
                    reason="edited since import; --force overwrites",
                    article_id=existing.pk,
                    news_code=existing.news_code,
                )
            elif existing.digest == item.digest and not existing.edited:
                results[position] = Result(
                    item.source.label, Outcome.UNCHANGED, article_id=existing.pk, news_code=existing.news_code
                )
            else:
                results[position] = self._guarded(item, self._update)

        if new:
            try:
                with transaction.atomic():
                    created = self._create([item for _position, item in new])
            except DatabaseError:
                # Find the file that broke the chunk: every file again, each in its own transaction.
                self._reload()
                for position, item in new:
                    results[position] = self._guarded(item, lambda one: self._create([one])[0])
            else:
                for (position, _item), result in zip(new, created, strict=True):
                    results[position] = result
        return [results[position] for position in range(len(sources))]

    def _guarded(self, item: _Item, write) -> Result:
        try:
            with transaction.atomic():
                return write(item)
        except DatabaseError as exc:
            self._reload()
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            reason = f"database refused the article: {detail}"
            return Result(item.source.label, Outcome.FAILED, 1, reason)

    # Preparing (no writes) -------------------------------------------------------------------------

    def _prepare(self, source: Source) -> _Item:
        if source.error:
            raise SeedFormatError(1, source.error)
        release = parse_bytes(source.data)
        digest = hashlib.sha256(source.data).hexdigest()
        external_id = release.external_id or source.name or f"sha256-{digest[:32]}"
        id_line = release.header_lines.get("id", 1)
        if len(external_id) > EXTERNAL_ID_MAX:
            raise SeedFormatError(id_line, f"id is longer than {EXTERNAL_ID_MAX} characters")
        if external_id in self._seen:
            raise SeedFormatError(
                id_line, f"id {external_id!r} was already imported from {self._seen[external_id]}"
            )
        section = self.options.section
        if release.section:
            section = self.sections.get(release.section) or self.sections.get(normalize(release.section))
            if section is None:
                raise SeedFormatError(release.header_lines["section"], f"unknown section {release.section!r}")
        self._seen[external_id] = source.label
        return _Item(source=source, release=release, external_id=external_id, digest=digest, section=section)

    def _attach_existing(self, items: list[_Item]) -> None:
        """Two queries for the whole chunk: the articles already imported, and the deleted ones."""
        by_id = {item.external_id: item for item in items}
        deleted = DeletedImport.objects.filter(external_id__in=list(by_id))
        for external_id, news_code in deleted.values_list("external_id", "news_code"):
            by_id[external_id].deleted_code = news_code
        rows = Article.objects.filter(external_id__in=list(by_id)).values_list(
            "external_id", "pk", "news_code", "import_hash", "updated_at", "imported_at"
        )
        for external_id, pk, code, digest, updated_at, imported_at in rows:
            # The importer leaves imported_at == updated_at; any other save moves updated_at on.
            edited = imported_at is None or updated_at != imported_at
            by_id[external_id].existing = _Existing(pk, code, digest, edited)

    # Writing ---------------------------------------------------------------------------------------

    def _create(self, items: list[_Item]) -> list[Result]:
        """Bulk-insert new articles: a fixed number of queries for any number of items."""
        codes = self._news_codes(len(items))
        now = timezone.now()
        articles, translations, results = [], [], []
        for offset, item in enumerate(items):
            release = item.release
            body = body_html(release.body)
            text = document_text(release)
            item.mentions = find_mentions(text, self.index, normalized=True)
            proposed = self._propose(item.mentions)
            source = self._agency(release.source)
            item.mentions.organization_ids.discard(source.pk if source else None)
            article = Article(
                news_code=codes[offset],
                status=self.options.status,
                published_at=self._published_at(release, existing=None),
                section=item.section,
                source=source,
                external_id=item.external_id,
                import_hash=item.digest,
                imported_at=now,
            )
            article.search_document = self._search_document(text, item.mentions)
            articles.append(article)
            translations.append(translation_fields(release, body))
            results.append(Result(item.source.label, Outcome.CREATED, proposed=proposed))
        Article.objects.bulk_create(articles)
        revived = [
            item.external_id for item in items if item.deleted_code is not None
        ]  # brought back with --force
        if revived:
            DeletedImport.objects.filter(external_id__in=revived).delete()
        Translation = Article._parler_meta.root_model
        Translation.objects.bulk_create(
            Translation(master_id=article.pk, language_code=item.release.language, **fields)
            for article, item, fields in zip(articles, items, translations, strict=True)
        )
        # Bulk inserts bypass parler's translation cache: drop whatever it holds for these ids (one call).
        keys = []
        for article, item in zip(articles, items, strict=True):
            keys.append(get_translation_cache_key(Translation, article.pk, item.release.language))
        cache.delete_many(keys)
        self._link(articles, items)
        extensions.import_hooks.run(
            [Imported(article, item.release) for article, item in zip(articles, items, strict=True)]
        )
        pks = [article.pk for article in articles]
        Article.objects.filter(pk__in=pks).update(imported_at=F("updated_at"))
        for result, article in zip(results, articles, strict=True):
            result.article_id = article.pk
            result.news_code = None if self.options.dry_run else article.news_code  # no code of its own
        return results

    def _update(self, item: _Item) -> Result:
        """A changed file (or --force): the article takes the file's text and links again."""
        pk = item.existing.pk
        release = item.release
        article = Article.objects.select_for_update().get(pk=pk)
        item.mentions = find_mentions(release.text(), self.index)
        proposed = self._propose(item.mentions)
        source = self._agency(release.source)
        item.mentions.organization_ids.discard(source.pk if source else None)
        article.status = self.options.status
        article.published_at = self._published_at(release, existing=article.published_at)
        article.section = item.section
        article.source = source
        article.set_current_language(release.language)
        for name, value in translation_fields(release, body_html(release.body)).items():
            setattr(article, name, value)
        article.import_hash = item.digest
        article.save()
        article.officials.set(item.mentions.official_ids)
        article.organizations.set(item.mentions.organization_ids)
        extensions.import_hooks.run([Imported(article, release)])
        refresh_search_document(article)
        record_revision(article, source=ArticleRevision.Source.IMPORT)  # no user: "updated by import"
        Article.objects.filter(pk=pk).update(imported_at=F("updated_at"))
        return Result(
            item.source.label, Outcome.UPDATED, article_id=pk, news_code=article.news_code, proposed=proposed
        )

    def _news_codes(self, count: int) -> range:
        if self.options.dry_run:
            # Rolled back at the end: codes from the counter would lock its row for the whole run (every
            # article save in the newsroom waiting on it) and use codes up. These are far above any code
            # the counter will reach, so they never collide with an article saved meanwhile.
            start = DRY_RUN_CODES + self._dry_run_codes_used
            self._dry_run_codes_used += count
            return range(start, start + count)
        return NewsCodeCounter.reserve(count)

    def _propose(self, mentions: Mentions) -> list[str]:
        """Unknown people introduced by an honorific become unconfirmed officials, hidden from readers."""
        proposed = []
        for proposal in mentions.proposals:
            official = Official(
                name=proposal.name,
                honorific=proposal.honorific,
                is_verified=False,
                slug=_free_slug(proposal.name),
            )
            official.save()
            self.index.add_official(official.name, official.pk)
            # No entry in self.names: unconfirmed, their names stay out of search documents.
            mentions.official_ids.add(official.pk)
            proposed.append(str(official))
        return proposed

    def _agency(self, name: str) -> Organization | None:
        """The source agency: an existing media organization by alias, or a new one, created once."""
        if not name:
            return None
        key = normalize(name)
        org = self.media.get(key)
        if org is None:
            org = Organization(kind=Organization.Kind.MEDIA, slug=_free_slug(name, model=Organization))
            org.set_current_language("fa")
            org.name = name
            org.save()
            self.media[key] = org
            self.names["organization"][org.pk] = _names(org)
        return org

    def _published_at(self, release: PressRelease, *, existing: datetime | None) -> datetime | None:
        when = release.published_at or self.options.published_at or existing
        if when is None and self.options.status == Article.Status.PUBLISHED:
            when = timezone.now()
        return when

    def _search_document(self, text: str, mentions: Mentions) -> str:
        """What Article.search_text() computes, from what is in hand instead of from queries."""
        parts = [text]
        parts += [self.names["official"].get(pk, "") for pk in mentions.official_ids]
        parts += [self.names["organization"].get(pk, "") for pk in mentions.organization_ids]
        return " ".join(part for part in parts if part)

    def _link(self, articles: list[Article], items: list[_Item]) -> None:
        """Both relations in one executemany each: model instances per link cost more than the insert."""
        pairs = list(zip(articles, items, strict=True))
        insert_links(
            Article.officials, [(a.pk, pk) for a, i in pairs for pk in sorted(i.mentions.official_ids)]
        )
        insert_links(
            Article.organizations,
            [(a.pk, pk) for a, i in pairs for pk in sorted(i.mentions.organization_ids)],
        )


def _names(entity: Official | Organization) -> str:
    return normalize(" ".join(name for name in entity.alias_list() if name))


def _names_by_entity() -> dict[str, dict[int, str]]:
    """Normalized names and aliases per entity, for search documents. Two queries. Public officials
    only, as in Article.search_text(): an unconfirmed official's names find nothing."""
    officials = {official.pk: _names(official) for official in Official.objects.public()}
    organizations = {org.pk: _names(org) for org in Organization.objects.prefetch_related("translations")}
    return {"official": officials, "organization": organizations}


def _free_slug(name: str, *, model=Official) -> str:
    base = slugify(name, allow_unicode=True)[:180] or "item"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
