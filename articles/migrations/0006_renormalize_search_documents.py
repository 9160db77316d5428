"""Fold every stored search document again with the current normalize(): it now applies NFKC, drops
soft hyphens, word joiners and other invisible characters, and folds lookalike letters, so words in
articles saved before would no longer match a query folded the new way.

The stored document is already normalized text, and the new folding applied to the old result gives the
new result (the old rules are a subset of the new; the one exception, a decomposed آ that the old rules
had already reduced to ا, is rare enough to wait for the article's next save), so this is one pass over
one column, without rebuilding documents from translations and aliases. Chunked so a large table is not
loaded at once."""

from django.db import migrations

CHUNK = 500


def renormalize(apps, schema_editor):
    from articles.persian import normalize

    Article = apps.get_model("articles", "Article")
    last = 0
    while True:
        rows = list(Article.objects.filter(pk__gt=last).order_by("pk").only("pk", "search_document")[:CHUNK])
        if not rows:
            return
        changed = []
        for article in rows:
            document = normalize(article.search_document)
            if document != article.search_document:
                article.search_document = document
                changed.append(article)
        Article.objects.bulk_update(changed, ["search_document"])
        last = rows[-1].pk


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_deleted_imports")]

    operations = [migrations.RunPython(renormalize, migrations.RunPython.noop, elidable=True)]
