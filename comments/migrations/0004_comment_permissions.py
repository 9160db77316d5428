"""Moderators work the queues, read votes and reports, and keep the banned and suspect word lists.
Editors and chief editors may write the newsroom's replies (پاسخ تحریریه) and type in officials' replies."""

from django.db import migrations

from newsroom import role_migrations as roles

PERMISSIONS = {
    "pendingcomment": ["view", "change"],
    "reportedcomment": ["view", "change"],
    "vote": ["view"],
    "report": ["view"],
    "wordrule": ["view", "add", "change", "delete"],
}
NEWSROOM_REPLIES = ["add_comment", "view_comment"]
EDITORIAL_GROUPS = ["editors", "chief editors"]


def grant(apps, schema_editor):
    roles.grant(apps, "moderators", "comments", roles.codenames(PERMISSIONS))
    for group in EDITORIAL_GROUPS:
        roles.grant(apps, group, "comments", NEWSROOM_REPLIES)


def revoke(apps, schema_editor):
    roles.revoke(apps, "moderators", "comments", roles.codenames(PERMISSIONS))
    for group in EDITORIAL_GROUPS:
        roles.revoke(apps, group, "comments", NEWSROOM_REPLIES)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0003_votes_reports_word_rules"),
        ("articles", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
