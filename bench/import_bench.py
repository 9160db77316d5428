"""Importer benchmark: generate N press releases and import them, on SQLite or PostgreSQL.

    python bench/import_bench.py                      # 10,000 items into a scratch SQLite file
    python bench/import_bench.py -n 2000 --database-url postgres://postgres@127.0.0.1:5432/newsroom

Runs `migrate`, then `import_articles` on the generated folder (a cold import: everything created),
then again (everything unchanged). Reports articles per second, the importer's CPU time and the peak
resident memory of the process, with DJANGO_DEBUG=false as in production. On PostgreSQL the
benchmark's articles (ids `bench-*`) are deleted afterwards; the database is otherwise left alone.
Kept out of the test suite on purpose: it takes seconds to minutes.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: `bench` and the apps importable

from bench.scratch import setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=10_000)
    parser.add_argument("--database-url", help="Default: a new SQLite file in a temporary folder.")
    parser.add_argument("--chunk-size", type=int, default=500)
    args = parser.parse_args()

    scratch = setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article, Official, Organization
    from bench.pressreleases import generate

    folder = scratch / "in"
    folder.mkdir()
    for name, text in generate(args.count):
        (folder / name).write_text(text, encoding="utf-8")
    call_command("migrate", verbosity=0)
    Article.objects.filter(external_id__startswith="bench-").delete()
    officials_before = set(Official.objects.values_list("pk", flat=True))
    organizations_before = set(Organization.objects.values_list("pk", flat=True))

    def timed(label: str) -> None:
        started, cpu = time.perf_counter(), time.process_time()
        call_command(
            "import_articles", str(folder), verbosity=0, chunk_size=args.chunk_size, stdout=io.StringIO()
        )
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sys.stdout.write(
            f"{connection.vendor:<10} {label:<10} {args.count:>7} items {seconds:7.2f} s "
            f"(importer CPU {cpu:.2f} s) {args.count / seconds:8.0f} items/s  peak RSS {peak_mb:.0f} MB\n"
        )

    timed("cold")
    assert Article.objects.filter(external_id__startswith="bench-").count() == args.count
    timed("unchanged")
    if connection.vendor != "sqlite":
        # Leave a shared database as it was: the articles, and the officials (proposals) and
        # organizations (agencies, the gazetteer on an empty database) the run added.
        Article.objects.filter(external_id__startswith="bench-").delete()
        Official.objects.exclude(pk__in=officials_before).delete()
        for org in Organization.objects.exclude(pk__in=organizations_before).order_by("-pk"):
            org.delete()  # children first: parents are protected


if __name__ == "__main__":
    main()
