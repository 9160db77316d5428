"""An imported article an editor deletes stays deleted when the same file is imported again."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, DeletedImport

pytestmark = pytest.mark.django_db

SEEDS = settings.BASE_DIR / "seeds"


def import_seeds(**options) -> str:
    stdout, stderr = StringIO(), StringIO()
    call_command("import_articles", str(SEEDS), stdout=stdout, stderr=stderr, verbosity=2, **options)
    return stdout.getvalue() + stderr.getvalue()


def test_deleting_in_the_admin_leaves_a_record_and_a_reimport_skips_the_file(chief_client, chief_editor):
    import_seeds()
    article = Article.objects.get()
    response = chief_client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Article.objects.exists()
    tombstone = DeletedImport.objects.get()
    assert (tombstone.external_id, tombstone.news_code, tombstone.deleted_by) == (
        article.external_id,
        article.news_code,
        chief_editor,
    )
    assert tombstone.title.startswith("مجموعه قضایی فارس")

    out = import_seeds()
    assert "0 created" in out and "1 skipped" in out
    assert f"skipped, article {article.news_code} was deleted by an editor; --force imports it again" in out
    assert not Article.objects.exists()


def test_bulk_delete_action_records_every_imported_article(chief_client):
    import_seeds()
    from tests.factories import make_article

    typed_in = make_article(title="نوشته در پنل")  # not imported: nothing to remember
    response = chief_client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": list(Article.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == 302 and not Article.objects.exists()
    assert list(DeletedImport.objects.values_list("external_id", flat=True)) == ["000_41121ad2ed1a0d20.txt"]
    assert typed_in.news_code not in DeletedImport.objects.values_list("news_code", flat=True)


def test_force_imports_a_deleted_file_again_and_forgets_the_deletion(chief_client):
    import_seeds()
    chief_client.post(
        reverse("admin:articles_article_delete", args=[Article.objects.get().pk]), {"post": "yes"}
    )
    out = import_seeds(force=True)
    assert "1 created" in out
    assert Article.objects.count() == 1 and not DeletedImport.objects.exists()


def test_deleting_the_record_in_the_admin_lets_the_file_in_again(chief_client):
    import_seeds()
    chief_client.post(
        reverse("admin:articles_article_delete", args=[Article.objects.get().pk]), {"post": "yes"}
    )
    tombstone = DeletedImport.objects.get()
    listing = chief_client.get(reverse("admin:articles_deletedimport_changelist"))
    assert listing.status_code == 200 and tombstone.external_id in listing.content.decode()
    chief_client.post(reverse("admin:articles_deletedimport_delete", args=[tombstone.pk]), {"post": "yes"})
    assert "1 created" in import_seeds()


def test_editors_cannot_see_or_clear_deletions(editor_client):
    assert editor_client.get(reverse("admin:articles_deletedimport_changelist")).status_code == 403
