import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from newsroom.role_migrations import codenames, grant, revoke

pytestmark = pytest.mark.django_db


def test_grant_and_revoke_move_permissions_of_one_app():
    grant(apps, "testers", "comments", ["view_vote"])
    group = Group.objects.get(name="testers")
    assert list(group.permissions.values_list("codename", flat=True)) == ["view_vote"]
    revoke(apps, "testers", "comments", ["view_vote"])
    assert not group.permissions.exists()


def test_a_misspelt_permission_stops_the_migration_instead_of_leaving_a_role_short():
    with pytest.raises(LookupError, match="view_vot"):
        grant(apps, "testers", "comments", ["view_vot"])
    assert not Group.objects.filter(name="testers").exists()


def test_codenames_spell_out_actions_per_model():
    assert codenames({"article": ["add", "view"], "section": ["view"]}) == [
        "add_article",
        "view_article",
        "view_section",
    ]
