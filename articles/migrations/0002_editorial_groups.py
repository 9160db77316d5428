"""Editorial roles as groups: editors write but cannot publish; chief editors may publish."""

from django.db import migrations

EDITOR_PERMISSIONS = [
    ("articles", "article", ["add", "change", "view"]),
    ("articles", "section", ["view"]),
    ("articles", "official", ["add", "change", "view"]),
    ("articles", "position", ["add", "change", "delete", "view"]),
    ("articles", "organization", ["add", "change", "view"]),
]
CHIEF_EXTRA = [
    ("articles", "article", ["delete"]),
    ("articles", "section", ["add", "change"]),
    ("articles", "official", ["delete"]),
    ("articles", "organization", ["delete"]),
]


def ensure_permissions(apps):
    """Permissions are created after migrations run; make them exist now so groups can get them."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def permissions(apps, spec):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, model, actions in spec:
        for action in actions:
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}"))
    return found


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="editors")
    editors.permissions.add(*permissions(apps, EDITOR_PERMISSIONS))
    chiefs, _ = Group.objects.get_or_create(name="chief editors")
    chiefs.permissions.add(*permissions(apps, EDITOR_PERMISSIONS + CHIEF_EXTRA))
    chiefs.permissions.add(Permission.objects.get(content_type__app_label="articles", codename="publish_article"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["editors", "chief editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
