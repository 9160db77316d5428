"""manage.py import_articles: options, standard input, comments, proposals, and every bad-file case."""

from __future__ import annotations

import io
import sys
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.management.commands import import_articles
from articles.models import Article, NewsCodeCounter, Official, Organization
from comments.models import Comment
from tests.factories import make_section

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "seeds"
SEED_NAME = "000_41121ad2ed1a0d20.txt"
GOOD = "\n".join(
    [
        "در جمع مدیران استان:",
        "تیتر خبر آزمایشی درباره دادگستری فارس",
        "لید خبر آزمایشی درباره قوه قضاییه است.",
        "به گزارش ایرنا، حجت الاسلام و المسلمین سید کاظم موسوی در شیراز سخن گفت.",
        "دکتر علی رضایی مدیر کل زندان ها نیز در این جلسه حضور داشت.",
    ]
)


def state() -> tuple:
    """Everything an import can write."""
    return (
        list(Article.objects.values_list("pk", "news_code", "import_hash", "updated_at")),
        Article.officials.through.objects.count(),
        Article.organizations.through.objects.count(),
        list(Official.objects.values_list("pk", "name")),
        list(Organization.objects.values_list("pk", "slug")),
        Comment.objects.count(),
        NewsCodeCounter.objects.values_list("last_value", flat=True).first(),
    )


def run(*args, stdin: bytes | None = None, **options) -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    if stdin is not None:
        old = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        call_command("import_articles", *[str(a) for a in args], stdout=stdout, stderr=stderr, **options)
    finally:
        if stdin is not None:
            sys.stdin = old
    return stdout.getvalue(), stderr.getvalue()


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.fixture
def loaded():
    """The gazetteer and the seed, imported once."""
    run(SEEDS)
    return state()


BAD_FILES = {
    "empty.txt": (b"", 1, "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "binary file"),
    "latin1.txt": ("تیتر\n".encode() + "caf\xe9".encode("latin-1"), 2, "not UTF-8"),
    "noheadline.txt": ("---\nid: x\n---\n\nنظرات بینندگان\nعالی\n".encode(), 5, "no headline"),
    "badkey.txt": ("---\nid: a\nauthor: x\n---\nتیتر\n".encode(), 3, "unknown header key 'author'"),
    "baddate.txt": ("---\npublished_at: 1399-14-01\n---\nتیتر\n".encode(), 2, "bad published_at"),
    "badsection.txt": ("---\nsection: nowhere\n---\nتیتر\n".encode(), 2, "unknown section 'nowhere'"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_each_bad_file_gets_one_line_and_writes_nothing(tmp_path, loaded, name):
    data, line, reason = BAD_FILES[name]
    path = write(tmp_path / "in", name, data)
    stderr = StringIO()
    with pytest.raises(CommandError, match="1 of 1 failed"):
        call_command("import_articles", str(path), stdout=StringIO(), stderr=stderr)
    lines = stderr.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:{line}: {reason}")
    assert state() == loaded


def test_bad_files_do_not_stop_the_others_and_the_exit_code_is_non_zero(tmp_path, loaded):
    folder = tmp_path / "in"
    for name, (data, _line, _reason) in BAD_FILES.items():
        write(folder, name, data)
    write(folder, "good.txt", GOOD)
    stdout = StringIO()
    stderr = StringIO()
    with pytest.raises(CommandError) as info:
        call_command("import_articles", str(folder), stdout=stdout, stderr=stderr)
    assert info.value.returncode == 1
    assert "1 created, 0 updated, 0 unchanged, 0 skipped, 7 failed" in stdout.getvalue()
    assert len(stderr.getvalue().splitlines()) == len(BAD_FILES)
    assert Article.objects.filter(external_id="good.txt").exists()


def test_missing_path_is_reported_and_fails(tmp_path, loaded):
    with pytest.raises(CommandError):
        _out, _err = run(tmp_path / "nope.txt")
    assert state() == loaded


def test_dry_run_writes_nothing(tmp_path):
    before = state()
    write(tmp_path / "in", "good.txt", GOOD)
    out, _err = run(SEEDS, tmp_path / "in", dry_run=True)
    assert "2 created" in out and "dry run" in out
    assert "proposed official" in out  # it reports what it would do
    assert state() == before
    assert Organization.objects.count() == 0  # not even the gazetteer


def test_standard_input(loaded):
    out, _err = run("-", stdin=("---\nid: from-stdin\n---\n" + GOOD).encode())
    assert "1 created" in out
    article = Article.objects.get(external_id="from-stdin")
    assert article.get_translation("fa").title == "تیتر خبر آزمایشی درباره دادگستری فارس"
    out, _err = run("-", stdin=("---\nid: from-stdin\n---\n" + GOOD).encode())
    assert "1 unchanged" in out


def test_standard_input_without_an_id_is_keyed_by_its_content(loaded):
    run("-", stdin=GOOD.encode())
    out, _err = run("-", stdin=GOOD.encode())
    assert "1 unchanged" in out
    assert Article.objects.count() == 2


def test_mapping_of_source_comments_and_mentions(tmp_path, loaded):
    text = GOOD + "\nانتهای پیام/ ح.م\nنظر شما\nخیلی خوب بود <b>واقعاً</b>\nممنون\n"
    run(write(tmp_path / "in", "mapped.txt", text))
    article = Article.objects.get(external_id="mapped.txt")
    fa = article.get_translation("fa")
    assert fa.body.startswith("<p>به گزارش ایرنا، ")
    assert "انتهای پیام" not in fa.body
    assert article.source.kind == Organization.Kind.MEDIA
    assert str(article.source) == "ایرنا"
    assert {str(org) for org in article.organizations.all()} == {"دادگستری کل استان فارس", "قوه قضائیه"}
    comments = list(article.comments.order_by("id"))
    assert [c.body for c in comments] == ["خیلی خوب بود <b>واقعاً</b>", "ممنون"]
    assert all(c.status == Comment.Status.PUBLISHED and c.name == "" for c in comments)

    # A second article from the same agency reuses it, matched by alias.
    run(write(tmp_path / "in", "second.txt", GOOD.replace("به گزارش ایرنا،", "به گزارش ايرنا ،")))
    assert Organization.objects.filter(kind=Organization.Kind.MEDIA, translations__name="ایرنا").count() == 1
    assert Article.objects.get(external_id="second.txt").source == article.source


def test_body_paragraphs_are_escaped(tmp_path, loaded):
    text = "تیتر\nلید.\nبه گزارش ایرنا، <script>alert(1)</script> & دیگر\n"
    run(write(tmp_path / "in", "escape.txt", text))
    body = Article.objects.get(external_id="escape.txt").get_translation("fa").body
    assert "<script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; دیگر" in body


def test_unknown_person_with_an_honorific_is_proposed_and_hidden(tmp_path, loaded, reader_client):
    out, _err = run(write(tmp_path / "in", "p.txt", GOOD))
    assert "proposed official دکتر علی رضایی" in out
    proposed = Official.objects.get(name="علی رضایی")
    assert proposed.is_verified is False and proposed.honorific == "دکتر"
    article = Article.objects.get(external_id="p.txt")
    assert set(article.officials.values_list("name", flat=True)) == {"سید کاظم موسوی", "علی رضایی"}
    assert proposed not in Official.objects.public()
    assert reader_client.get(proposed.get_absolute_url()).status_code == 404

    # Proposed once: another article naming him links the same, still unconfirmed, official.
    run(write(tmp_path / "in", "p2.txt", GOOD.replace("تیتر خبر", "تیتر دوم")))
    assert Official.objects.filter(name="علی رضایی").count() == 1
    assert Article.objects.get(external_id="p2.txt").officials.filter(pk=proposed.pk).exists()

    Official.objects.filter(pk=proposed.pk).update(is_verified=True)  # an editor confirms
    assert reader_client.get(proposed.get_absolute_url()).status_code == 200


def test_status_published_at_and_section_options(tmp_path, loaded):
    section = make_section(name="استانی", slug="ostani")
    folder = tmp_path / "in"
    write(folder, "a.txt", GOOD)
    write(folder, "b.txt", "---\npublished_at: 2020-06-03T08:00:00+00:00\n---\n" + GOOD.replace("تیتر", "دو"))
    run(folder, status="draft", published_at="1399-03-14", section="استانی")
    a = Article.objects.get(external_id="a.txt")
    b = Article.objects.get(external_id="b.txt")
    assert a.status == b.status == Article.Status.DRAFT
    assert a.section == b.section == section
    assert a.published_at == datetime(2020, 6, 3, tzinfo=ZoneInfo("Asia/Tehran"))
    assert b.published_at == datetime(2020, 6, 3, 8, tzinfo=ZoneInfo("UTC"))  # the header wins
    assert not Article.objects.published().filter(pk__in=[a.pk, b.pk]).exists()


def test_header_section_and_language(tmp_path, loaded):
    section = make_section(name="قضایی", slug="qazaei")
    run(write(tmp_path / "in", "en.txt", "---\nsection: qazaei\nlanguage: en\n---\nHeadline\nLead.\n"))
    article = Article.objects.get(external_id="en.txt")
    assert article.section == section
    assert list(article.get_available_languages()) == ["en"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"published_at": "tomorrow"}, "--published-at"),
        ({"section": "nowhere"}, "--section"),
    ],
)
def test_bad_options_are_one_line_errors(options, message):
    with pytest.raises(CommandError, match=message):
        run(SEEDS, **options)
    assert Article.objects.count() == 0


def test_the_same_id_twice_in_one_run_is_refused(tmp_path, loaded):
    folder = tmp_path / "in"
    write(folder, "a.txt", "---\nid: same\n---\n" + GOOD)
    write(folder, "b.txt", "---\nid: same\n---\n" + GOOD.replace("تیتر", "دیگر"))
    with pytest.raises(CommandError):
        _out, _err = run(folder)
    assert Article.objects.filter(external_id="same").count() == 1


def test_many_files_in_small_chunks(tmp_path, loaded):
    folder = tmp_path / "in"
    for n in range(7):
        write(folder, f"{n}.txt", GOOD.replace("تیتر خبر", f"تیتر {n}"))
    out, _err = run(folder, chunk_size=3)
    assert "7 created" in out
    codes = sorted(
        Article.objects.exclude(external_id__startswith="000_").values_list("news_code", flat=True)
    )
    assert len(set(codes)) == 7
    assert all(
        sorted(article.search_document.split()) == sorted(article.search_text().split())
        for article in Article.objects.all()
    )


def test_an_editor_finds_and_confirms_a_proposed_official_in_the_admin(tmp_path, loaded, editor_client):
    run(write(tmp_path / "in", "p.txt", GOOD))
    proposed = Official.objects.get(name="علی رضایی")
    changelist = reverse("admin:articles_official_changelist")
    page = editor_client.get(changelist, {"is_verified__exact": "0"})
    assert "علی رضایی" in page.content.decode()
    assert "سید کاظم موسوی" not in page.content.decode()
    response = editor_client.post(
        changelist, {"action": "confirm_officials", "_selected_action": [proposed.pk]}
    )
    assert response.status_code == 302
    assert proposed in Official.objects.public()


def test_a_database_error_in_one_file_rolls_back_that_file_only(tmp_path, loaded, monkeypatch):
    """Fault injection: the database refuses one file's agency. The chunk is written again file by file."""
    from django.db import IntegrityError

    from articles.importing import Importer

    real_agency = Importer._agency

    def refusing_agency(self, name):
        if name == "خبرگزاری خراب":
            raise IntegrityError("refused for the test")
        return real_agency(self, name)

    monkeypatch.setattr(Importer, "_agency", refusing_agency)
    folder = tmp_path / "in"
    write(folder, "1.txt", GOOD)
    write(folder, "2.txt", GOOD.replace("به گزارش ایرنا،", "به گزارش خبرگزاری خراب،").replace("تیتر", "دو"))
    write(folder, "3.txt", GOOD.replace("تیتر", "سه"))
    stdout, stderr = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(folder), stdout=stdout, stderr=stderr)
    assert "2 created, 0 updated, 0 unchanged, 0 skipped, 1 failed" in stdout.getvalue()
    assert (
        stderr.getvalue().strip()
        == f"{folder / '2.txt'}:1: database refused the article: refused for the test"
    )
    assert set(Article.objects.values_list("external_id", flat=True)) == {SEED_NAME, "1.txt", "3.txt"}
    assert Official.objects.filter(name="علی رضایی").count() == 1  # not proposed twice
    assert Article.objects.get(external_id="3.txt").officials.filter(name="علی رضایی").exists()


@pytest.mark.django_db
def test_a_large_import_refreshes_postgresqls_statistics(monkeypatch):
    from django.db import connection

    from articles.management.commands import import_articles
    from tests.services import need_postgres

    need_postgres(connection)
    monkeypatch.setattr(import_articles, "ANALYZE_AFTER", 1)  # the seed alone counts as large here

    def estimated_rows() -> float:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Article._meta.db_table])
            return cursor.fetchone()[0]

    run(settings.BASE_DIR / "seeds", verbosity=2)
    assert Article.objects.count() == 1
    assert estimated_rows() == 1  # ANALYZE counted the new row; before it the planner had no estimate


class _Terminal(StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
@pytest.mark.parametrize(("terminal", "shown"), [(True, True), (False, False)])
def test_a_progress_bar_on_a_terminal_only(tmp_path, monkeypatch, terminal, shown):
    seed = (settings.BASE_DIR / "seeds" / "000_41121ad2ed1a0d20.txt").read_text(encoding="utf-8")
    for n in range(3):
        (tmp_path / f"release-{n}.txt").write_text(seed.replace("مجموعه قضایی فارس", f"مجموعه {n}", 1))
    stderr = _Terminal() if terminal else StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    run(tmp_path)
    assert Article.objects.count() == 3
    assert ("3/3" in stderr.getvalue()) is shown  # tqdm's "3/3 [..." on standard error


def test_a_file_over_the_size_limit_fails_alone_and_is_not_read_whole(
    tmp_path, loaded, settings, monkeypatch
):
    settings.NEWSROOM_IMPORT_MAX_BYTES = 1000
    big = write(tmp_path / "in", "big.txt", ("تیتر\n" + "متن " * 2000).encode())
    reads = []

    class RecordingFile(io.FileIO):
        def read(self, size=-1):
            reads.append(size)
            return super().read(size)

    monkeypatch.setattr(import_articles, "open", lambda file, mode: RecordingFile(file), raising=False)
    stderr = StringIO()
    with pytest.raises(CommandError, match="1 of 1 failed") as caught:
        call_command("import_articles", str(big), stdout=StringIO(), stderr=stderr)
    assert caught.value.returncode == 1
    assert stderr.getvalue().splitlines() == [
        f"{big}:1: file is larger than 1,000 bytes (NEWSROOM_IMPORT_MAX_BYTES)"
    ]
    assert reads == [1001]
    assert state() == loaded


def test_standard_input_over_the_size_limit_fails(loaded, settings):
    settings.NEWSROOM_IMPORT_MAX_BYTES = 100
    with pytest.raises(CommandError, match="1 of 1 failed"):
        run("-", stdin=GOOD.encode())
    assert state() == loaded


def test_a_file_at_the_size_limit_is_imported(tmp_path, loaded, settings):
    settings.NEWSROOM_IMPORT_MAX_BYTES = len(GOOD.encode())
    path = write(tmp_path / "in", "good.txt", GOOD.encode())
    run(path)
    assert Article.objects.count() == len(loaded[0]) + 1


def test_a_huge_paragraph_fails_with_its_line_and_writes_nothing(tmp_path, loaded):
    path = write(tmp_path / "in", "wall.txt", ("تیتر\nلید\n" + "متن" * 10_000 + "\n").encode())
    stderr = StringIO()
    with pytest.raises(CommandError, match="1 of 1 failed"):
        call_command("import_articles", str(path), stdout=StringIO(), stderr=stderr)
    assert stderr.getvalue().splitlines() == [
        f"{path}:3: paragraph is longer than 20,000 characters (30,000)"
    ]
    assert state() == loaded


def test_a_dry_run_names_no_news_code_for_new_articles(tmp_path):
    """Its new articles hold placeholder codes (it takes none from the counter): none is reported."""
    write(tmp_path / "in", "good.txt", GOOD)
    out, _err = run(tmp_path / "in", dry_run=True, verbosity=2)
    assert "good.txt: created article\n" in out
