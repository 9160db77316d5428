"""manage.py import_articles [PATH ...]: press releases (plain text) to linked articles."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from tqdm import tqdm

from articles import gazetteer
from articles.importing import Importer, Options, Outcome, Source
from articles.models import Article, Section
from articles.persian import normalize
from articles.seedformat import parse_datetime, too_large

SEEDS = Path(settings.BASE_DIR) / "seeds"
# After a bulk load PostgreSQL plans with the statistics of the small tables it had before, until
# autovacuum gets round to them: measured at 5,000 new articles, front-page queries took 2 s instead of
# 2 ms. Refreshing them is a second or two, so a large import does it at once.
ANALYZE_AFTER = 1000


class Command(BaseCommand):
    help = (
        "Import press releases: files, directories (their *.txt files) or - for standard input. "
        "Loads the gazetteer first; re-importing an unchanged file does nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=[str(SEEDS)], help="Files, directories or -.")
        parser.add_argument("--dry-run", action="store_true", help="Parse, match and report; write nothing.")
        parser.add_argument(
            "--status", choices=[choice.value for choice in Article.Status], default=Article.Status.PUBLISHED
        )
        parser.add_argument(
            "--published-at", help="ISO 8601 or a Jalali date (1399-03-14) for items whose header has none."
        )
        parser.add_argument("--section", help="Section slug or name for items whose header names none.")
        parser.add_argument(
            "--force", action="store_true", help="Also overwrite articles an editor has edited since import."
        )
        parser.add_argument(
            "--gazetteer",
            default=str(SEEDS / "gazetteer.toml"),
            help="Officials and organizations to load first (skipped if the file does not exist).",
        )
        parser.add_argument("--chunk-size", type=int, default=500, help="Files written per bulk insert.")

    def handle(self, *args, **opts):
        options = Options(
            status=opts["status"],
            published_at=self._when(opts["published_at"]),
            section=self._section(opts["section"]),
            force=opts["force"],
            dry_run=opts["dry_run"],
        )
        if opts["chunk_size"] < 1:
            raise CommandError("--chunk-size must be at least 1")
        paths, missing = self._collect(opts["paths"])
        counts = dict.fromkeys(Outcome, 0)
        verbosity = opts["verbosity"]
        # A dry run does everything inside one transaction and rolls it back; a real run commits per chunk.
        # The dry run takes no news codes (Options.dry_run), so it does not hold the counter's lock.
        with transaction.atomic() if opts["dry_run"] else nullcontext():
            self._load_gazetteer(Path(opts["gazetteer"]), verbosity)
            importer = Importer(options=options)
            for label in missing:
                self.stderr.write(f"{label}:1: no such file or directory")
                counts[Outcome.FAILED] += 1
            progress = tqdm(
                total=len(paths),
                unit="file",
                file=sys.stderr,
                disable=verbosity == 0 or len(paths) < 2 or not sys.stderr.isatty(),
            )
            for result in importer.run(self._sources(paths), chunk_size=opts["chunk_size"]):
                counts[result.outcome] += 1
                self._report(result, verbosity)
                progress.update()
            progress.close()
            if opts["dry_run"]:
                transaction.set_rollback(True)

        summary = ", ".join(f"{counts[outcome]} {outcome}" for outcome in Outcome)
        if opts["dry_run"]:
            summary += " (dry run: nothing written)"
        self.stdout.write(summary)
        if not opts["dry_run"] and counts[Outcome.CREATED] >= ANALYZE_AFTER:
            self._refresh_statistics(verbosity)
        if counts[Outcome.FAILED]:
            raise CommandError(
                f"{counts[Outcome.FAILED]} of {len(paths) + len(missing)} failed", returncode=1
            )

    def _refresh_statistics(self, verbosity: int) -> None:
        if connection.vendor != "postgresql":
            return
        translations = Article._parler_meta.root_model
        tables = [
            Article._meta.db_table,
            translations._meta.db_table,
            Article.officials.through._meta.db_table,
            Article.organizations.through._meta.db_table,
        ]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))
        if verbosity >= 2:
            self.stdout.write("Refreshed the database's statistics for the article tables.")

    # Arguments --------------------------------------------------------------------------------------

    def _when(self, value):
        if not value:
            return None
        try:
            return parse_datetime(value)
        except ValueError as exc:
            raise CommandError(f"--published-at: {exc}") from None

    def _section(self, value):
        if not value:
            return None
        for section in Section.objects.prefetch_related("translations"):
            names = {section.slug} | {normalize(t.name) for t in section.translations.all()}
            if value in names or normalize(value) in names:
                return section
        known = ", ".join(Section.objects.values_list("slug", flat=True)) or "none yet"
        raise CommandError(f"--section: no section {value!r} (known: {known})")

    def _collect(self, raw_paths: list[str]) -> tuple[list[str], list[str]]:
        paths, missing = [], []
        for raw in raw_paths:
            path = Path(raw)
            if raw == "-":
                paths.append("-")
            elif path.is_dir():
                paths += [str(p) for p in sorted(path.glob("*.txt")) if p.is_file()]
            elif path.is_file():
                paths.append(raw)
            else:
                missing.append(raw)
        return paths, missing

    def _sources(self, paths: list[str]):
        limit = settings.NEWSROOM_IMPORT_MAX_BYTES
        for label in paths:
            name = "" if label == "-" else Path(label).name
            try:
                data = self._read(label, limit)
            except OSError as exc:
                yield Source(label=label, name=name, data=b"", error=f"cannot read ({exc.strerror})")
                continue
            if len(data) > limit:
                error = f"{too_large(limit)} (NEWSROOM_IMPORT_MAX_BYTES)"
                yield Source(label=label, name=name, data=b"", error=error)
            else:
                yield Source(label=label, name=name, data=data)

    @staticmethod
    def _read(label: str, limit: int) -> bytes:
        """At most one byte more than the limit: enough to know a file is too large without holding a
        huge one in memory."""
        if label == "-":
            return sys.stdin.buffer.read(limit + 1)
        with open(label, "rb") as stream:
            return stream.read(limit + 1)

    def _load_gazetteer(self, path: Path, verbosity: int) -> None:
        if not path.is_file():
            if verbosity >= 2:
                self.stdout.write(f"{path}: no gazetteer, matching against the database only")
            return
        try:
            report = gazetteer.load(path)
        except gazetteer.GazetteerError as exc:
            raise CommandError(str(exc)) from None
        if verbosity >= 2:
            self.stdout.write(
                f"{path}: {report.organizations_created} organizations, "
                f"{report.officials_created} officials, {report.positions_created} positions added"
            )

    # Output -----------------------------------------------------------------------------------------

    def _report(self, result, verbosity: int) -> None:
        if result.outcome == Outcome.FAILED:
            self.stderr.write(f"{result.label}:{result.line}: {result.reason}")
            return
        if result.outcome == Outcome.SKIPPED:
            self.stderr.write(
                self.style.WARNING(f"{result.label}: skipped, article {result.news_code} {result.reason}")
            )
            return
        for name in result.proposed if verbosity >= 1 else []:
            self.stdout.write(f"{result.label}: proposed official {name} (unconfirmed; confirm in the admin)")
        if verbosity >= 2:
            code = "" if result.news_code is None else f" {result.news_code}"  # a dry run's new article
            self.stdout.write(f"{result.label}: {result.outcome} article{code}")
