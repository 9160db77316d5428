"""Editorial roles as groups: editors write but cannot publish; chief editors may publish."""

from django.db import migrations

from newsroom.role_migrations import codenames, grant

EDITOR_PERMISSIONS = {
    "article": ["add", "change", "view"],
    "section": ["view"],
    "official": ["add", "change", "view"],
    "position": ["add", "change", "delete", "view"],
    "organization": ["add", "change", "view"],
}
CHIEF_EXTRA = {
    "article": ["delete", "publish"],
    "section": ["add", "change"],
    "official": ["delete"],
    "organization": ["delete"],
}


def create_groups(apps, schema_editor):
    grant(apps, "editors", "articles", codenames(EDITOR_PERMISSIONS))
    grant(apps, "chief editors", "articles", codenames(EDITOR_PERMISSIONS) + codenames(CHIEF_EXTRA))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["editors", "chief editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
