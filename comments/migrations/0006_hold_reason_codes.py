"""Hold reasons were stored as text translated into the language of the request that wrote them; they
are codes now (Comment.HoldReason), translated when shown. A comment the defences rejected also had the
same text in rejection_reason, which is now for a moderator's own words: the code says it instead.

The texts are spelled out here, not looked up in the translations, so the migration means the same
whatever the catalogue says later. A text that is none of them is left as it is (the admin shows it)."""

from django.db import migrations, models

# code: (English text, Persian text), as the defences wrote them.
TEXTS = {
    "banned_word": ("contains a banned word", "دارای واژه ممنوع"),
    "suspect_word": ("contains a suspect word", "دارای واژه مشکوک"),
    "too_many_links": ("too many links", "پیوندهای بیش از حد"),
    "reported": ("reported by readers", "گزارش\u200cشده توسط خوانندگان"),
}


def to_codes(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    for code, texts in TEXTS.items():
        if code == "banned_word":
            # Rejected by the defences, never by a moderator: the reason was the defences' text.
            Comment.objects.filter(
                status="rejected",
                moderated_at__isnull=True,
                hold_reason__in=texts,
                rejection_reason__in=texts,
            ).update(rejection_reason="")
        Comment.objects.filter(hold_reason__in=texts).update(hold_reason=code)


def to_texts(apps, schema_editor):
    """Back to the Persian text, as the site's default language wrote it."""
    Comment = apps.get_model("comments", "Comment")
    for code, (_english, persian) in TEXTS.items():
        if code == "banned_word":
            Comment.objects.filter(
                status="rejected", moderated_at__isnull=True, hold_reason=code, rejection_reason=""
            ).update(rejection_reason=persian)
        Comment.objects.filter(hold_reason=code).update(hold_reason=persian)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0005_refresh_body_keys"),
    ]

    operations = [
        migrations.RunPython(to_codes, to_texts),
        migrations.AlterField(
            model_name="comment",
            name="hold_reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("banned_word", "contains a banned word"),
                    ("suspect_word", "contains a suspect word"),
                    ("too_many_links", "too many links"),
                    ("reported", "reported by readers"),
                ],
                editable=False,
                max_length=200,
                verbose_name="held because",
            ),
        ),
    ]
