"""Recompute every comment's duplicate key: normalize() now folds more (NFKC, invisible characters,
lookalike letters) and the key no longer counts spaces, so keys stored before would never match a new
comment's. Runs again harmlessly if the folding changes later; chunked so a large table is not loaded
into memory at once."""

from django.db import migrations

CHUNK = 1000


def refresh(apps, schema_editor):
    from comments.spam import body_key  # the current rule: the key must match new comments' keys

    Comment = apps.get_model("comments", "Comment")
    last = 0
    while True:
        rows = list(Comment.objects.filter(pk__gt=last).order_by("pk").only("pk", "body", "body_key")[:CHUNK])
        if not rows:
            return
        changed = []
        for comment in rows:
            key = body_key(comment.body)
            if key != comment.body_key:
                comment.body_key = key
                changed.append(comment)
        Comment.objects.bulk_update(changed, ["body_key"])
        last = rows[-1].pk


class Migration(migrations.Migration):
    dependencies = [("comments", "0004_comment_permissions")]

    operations = [migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True)]
