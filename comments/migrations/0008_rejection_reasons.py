from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("comments", "0006_hold_reason_codes")]

    operations = [
        migrations.CreateModel(
            name="RejectionReason",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.CharField(max_length=200, unique=True, verbose_name="reason")),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
            ],
            options={
                "verbose_name": "rejection reason",
                "verbose_name_plural": "rejection reasons",
                "ordering": ["position", "text"],
            },
        ),
    ]
