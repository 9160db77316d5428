"""Moderators work the queues, read votes and reports, and keep the banned and suspect word lists.
Editors and chief editors may write the newsroom's replies (پاسخ تحریریه) and type in officials' replies."""

from django.db import migrations

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
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _ = Group.objects.get_or_create(name="moderators")
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    moderators.permissions.add(
        *Permission.objects.filter(content_type__app_label="comments", codename__in=codenames)
    )
    replies = Permission.objects.filter(content_type__app_label="comments", codename__in=NEWSROOM_REPLIES)
    for group in Group.objects.filter(name__in=EDITORIAL_GROUPS):
        group.permissions.add(*replies)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    for group in Group.objects.filter(name="moderators"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="comments", codename__in=codenames)
        )
    replies = Permission.objects.filter(content_type__app_label="comments", codename__in=NEWSROOM_REPLIES)
    for group in Group.objects.filter(name__in=EDITORIAL_GROUPS):
        group.permissions.remove(*replies)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0003_votes_reports_word_rules"),
        ("articles", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
