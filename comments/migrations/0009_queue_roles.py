"""The working queue: chief editors keep the list of rejection reasons, moderators pick from it; moderators
write the newsroom's replies (پاسخ تحریریه) from the queue, so they get the right to add a comment. A few
reasons to start the list with, in the newsroom's language (chief editors change them)."""

from django.db import migrations

from newsroom import role_migrations as roles

CHIEF_REASONS = roles.codenames({"rejectionreason": ["view", "add", "change", "delete"]})
MODERATOR_RIGHTS = ["view_rejectionreason", "add_comment"]
FIRST_REASONS = [
    "توهین یا بی‌احترامی به دیگران",
    "خارج از موضوع خبر",
    "اتهام بدون سند یا اطلاعات نادرست",
    "افشای اطلاعات خصوصی افراد",
    "تبلیغ",
]


def grant(apps, schema_editor):
    roles.grant(apps, "chief editors", "comments", CHIEF_REASONS)
    roles.grant(apps, "moderators", "comments", MODERATOR_RIGHTS)
    RejectionReason = apps.get_model("comments", "RejectionReason")
    for position, text in enumerate(FIRST_REASONS):
        RejectionReason.objects.get_or_create(text=text, defaults={"position": position})


def revoke(apps, schema_editor):
    roles.revoke(apps, "chief editors", "comments", CHIEF_REASONS)
    roles.revoke(apps, "moderators", "comments", MODERATOR_RIGHTS)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0008_rejection_reasons"),
        ("comments", "0004_comment_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
