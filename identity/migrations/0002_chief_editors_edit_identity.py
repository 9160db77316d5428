"""Chief editors edit the site's identity, its footer links and its pages; nobody else (superusers aside)."""

from django.db import migrations

from newsroom.role_migrations import codenames, grant, revoke

CHIEF_PERMISSIONS = {
    "siteidentity": ["add", "change", "view"],
    "footerlink": ["add", "change", "delete", "view"],
    "footerpage": ["add", "change", "delete", "view"],
}


def grant_chief_editors(apps, schema_editor):
    grant(apps, "chief editors", "identity", codenames(CHIEF_PERMISSIONS))


def revoke_chief_editors(apps, schema_editor):
    revoke(apps, "chief editors", "identity", codenames(CHIEF_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0001_site_identity_and_pages"),
        ("articles", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant_chief_editors, revoke_chief_editors)]
