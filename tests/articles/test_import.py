"""The seed imported exactly, re-imports, and the edited-article rule."""

from __future__ import annotations

import shutil
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Official, Organization
from articles.persian import normalize
from comments.models import Comment

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "seeds"
SEED = SEEDS / "000_41121ad2ed1a0d20.txt"


def run(*args, **kwargs):
    call_command("import_articles", *[str(arg) for arg in args], verbosity=0, **kwargs)


def counts() -> tuple[int, ...]:
    return (
        Article.objects.count(),
        Official.objects.count(),
        Organization.objects.count(),
        Article.officials.through.objects.count(),
        Article.organizations.through.objects.count(),
        Comment.objects.count(),
    )


def test_the_seed_is_imported_exactly():
    run(SEEDS)
    article = Article.objects.get()
    fa = article.get_translation("fa")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert fa.kicker == lines[0] == "رئیس کل دادگستری فارس در جمع مدیران مجموعه قضایی استان:"
    assert fa.title == lines[1]
    assert fa.lead == lines[2]
    assert fa.body == "\n".join(f"<p>{line}</p>" for line in lines[3:10])
    assert fa.body.count("<p>") == 7
    assert "نمانیده عالی" in fa.body  # the typo stays as published
    assert article.status == Article.Status.PUBLISHED and article.is_published
    assert article.external_id == SEED.name
    assert article.source.get_translation("fa").name == "شیرازه"
    assert article.source.kind == Organization.Kind.MEDIA

    official = article.officials.get()
    assert (official.name, official.honorific, official.is_verified) == (
        "سید کاظم موسوی",
        "حجت الاسلام و المسلمین",
        True,
    )
    assert sorted(p.title for p in official.positions.all()) == sorted(
        [
            "رئیس کل دادگستری استان فارس",
            "رئیس شورای قضایی استان فارس",
            "نماینده عالی قوه قضائیه در استان فارس",
        ]
    )
    linked = {str(org) for org in article.organizations.all()}
    assert {"قوه قضائیه", "دادگستری کل استان فارس", "شورای قضایی استان فارس"} <= linked
    assert "شیرازه" not in linked  # the source agency is the source, not a mention
    council = Organization.objects.get(slug="شورای-قضایی-استان-فارس")
    assert [str(org) for org in council.ancestors()] == ["قوه قضائیه", "دادگستری کل استان فارس"]
    assert Comment.objects.count() == 0  # the seed's comments heading has no comments after it

    # Search sees the text and the mentioned names, normalized.
    assert normalize("سازمان‌های وابسته") in article.search_document
    assert sorted(article.search_document.split()) == sorted(article.search_text().split())


def test_the_imported_seed_is_on_the_site(reader_client):
    run(SEEDS)
    article = Article.objects.get()
    page = reader_client.get(article.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    fa = article.get_translation("fa")
    for text in (fa.kicker, fa.title, fa.lead, "به گزارش شیرازه، رئیس کل دادگستری استان فارس", "شیرازه"):
        assert text in html
    official = article.officials.get()
    assert reader_client.get(official.get_absolute_url()).status_code == 200
    for org in article.organizations.all():
        assert fa.title in reader_client.get(org.get_absolute_url()).content.decode()


def test_reimporting_changes_nothing():
    run(SEEDS)
    article = Article.objects.get()
    before = counts()
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        run(SEEDS)
    assert counts() == before
    again = Article.objects.get()
    assert (again.pk, again.news_code, again.updated_at, again.imported_at) == (
        article.pk,
        article.news_code,
        article.updated_at,
        article.imported_at,
    )


def seed_copy(tmp_path: Path, text: str | None = None) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    target = folder / SEED.name
    if text is None:
        shutil.copy(SEED, target)
    else:
        target.write_text(text, encoding="utf-8")
    return folder


def test_a_changed_file_updates_its_article(tmp_path):
    folder = seed_copy(tmp_path)
    run(folder)
    article = Article.objects.get()
    changed = SEED.read_text(encoding="utf-8").replace("خط شکنان", "پیشروان", 1)
    seed_copy(tmp_path, changed)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        run(folder)
    updated = Article.objects.get()
    assert updated.pk == article.pk and updated.news_code == article.news_code
    assert "پیشروان" in updated.get_translation("fa").title
    assert updated.imported_at == updated.updated_at > article.imported_at
    assert updated.officials.count() == 1


def test_an_article_edited_since_import_is_left_alone_unless_forced(tmp_path):
    folder = seed_copy(tmp_path)
    run(folder)
    article = Article.objects.get()
    org = article.organizations.get(slug="قوه-قضائیه")
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        # An editor's change in the admin: a new headline, and one link removed.
        article.set_current_language("fa")
        article.title = "تیتر دبیر"
        article.save()
        article.organizations.remove(org)

    seed_copy(tmp_path, SEED.read_text(encoding="utf-8").replace("خط شکنان", "پیشروان", 1))
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        out = run_capturing(folder)
    assert "skipped" in out["stderr"] and "edited since import" in out["stderr"]
    assert "0 created, 0 updated, 0 unchanged, 1 skipped, 0 failed" in out["stdout"]
    kept = Article.objects.get()
    assert kept.get_translation("fa").title == "تیتر دبیر"
    assert not kept.organizations.filter(pk=org.pk).exists()

    # An unchanged file does not overwrite the edit either.
    seed_copy(tmp_path)
    run(folder)
    assert Article.objects.get().get_translation("fa").title == "تیتر دبیر"

    with time_machine.travel(timezone.now() + timedelta(minutes=15)):
        run(folder, force=True)
    forced = Article.objects.get()
    assert forced.get_translation("fa").title == SEED.read_text(encoding="utf-8").splitlines()[1]
    assert forced.organizations.filter(pk=org.pk).exists()
    assert Article.objects.count() == 1


def run_capturing(*args, **kwargs) -> dict[str, str]:
    stdout, stderr = StringIO(), StringIO()
    call_command("import_articles", *[str(a) for a in args], stdout=stdout, stderr=stderr, **kwargs)
    return {"stdout": stdout.getvalue(), "stderr": stderr.getvalue()}


def test_the_admin_change_list_shows_the_imported_article(chief_client):
    run(SEEDS)
    page = chief_client.get(reverse("admin:articles_article_changelist"))
    assert "مجموعه قضایی فارس" in page.content.decode()


def test_comments_are_not_duplicated_when_a_changed_file_is_imported_again(tmp_path):
    text = SEED.read_text(encoding="utf-8") + "\nعالی بود\n"
    folder = seed_copy(tmp_path, text)
    run(folder)
    seed_copy(tmp_path, text.replace("خط شکنان", "پیشروان", 1) + "ممنون\n")
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        run(folder)
    article = Article.objects.get()
    assert "پیشروان" in article.get_translation("fa").title
    assert list(article.comments.order_by("id").values_list("body", "status")) == [
        ("عالی بود", Comment.Status.PUBLISHED),
        ("ممنون", Comment.Status.PUBLISHED),
    ]


def test_an_import_update_is_kept_as_a_version_marked_as_import(tmp_path):
    from articles.models import ArticleRevision

    folder = seed_copy(tmp_path)
    run(folder)
    changed = SEED.read_text(encoding="utf-8").replace("خط شکنان", "پیشروان", 1)
    seed_copy(tmp_path, changed)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        run(folder)
    version = ArticleRevision.objects.get()
    assert version.source == ArticleRevision.Source.IMPORT and version.user is None
    assert "پیشروان" in version.data["translations"]["fa"]["title"]
    assert version.data["officials"] == list(Article.objects.get().officials.values_list("pk", flat=True))
