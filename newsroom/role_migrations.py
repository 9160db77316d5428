"""Shared steps for the data migrations that give the role groups (editors, chief editors, moderators)
their permissions. Migrations are history: change this only in ways that keep every migration that
calls it doing what it did."""

from __future__ import annotations


def ensure_permissions(apps) -> None:
    """Django creates permissions after all migrations have run; make them exist now, so a migration
    can hand them to a group."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def grant(apps, group_name: str, app_label: str, codenames: list[str]) -> None:
    """Give the group (created if missing) these permissions of one app."""
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    missing = set(codenames) - {permission.codename for permission in found}
    if missing:  # a typo here would silently leave a role without a right it needs
        raise LookupError(f"no such permissions in {app_label}: {sorted(missing)}")
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*found)


def revoke(apps, group_name: str, app_label: str, codenames: list[str]) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=group_name):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def codenames(spec: dict[str, list[str]]) -> list[str]:
    """{"article": ["add", "view"]} → ["add_article", "view_article"]"""
    return [f"{action}_{model}" for model, actions in spec.items() for action in actions]
