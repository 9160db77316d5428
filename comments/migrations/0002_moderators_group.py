"""Moderators see and moderate reader comments, and nothing editorial."""

from django.db import migrations

from newsroom.role_migrations import grant


def create_group(apps, schema_editor):
    grant(apps, "moderators", "comments", ["view_comment", "change_comment"])


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
