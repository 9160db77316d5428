from django.db import migrations, models

import articles.models


class Migration(migrations.Migration):
    # Existing articles all get the one default computed here. That is enough: a preview link signs the
    # article's primary key together with the nonce, and revoking gives that one article a new value.

    dependencies = [
        ("articles", "0006_renormalize_search_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="preview_nonce",
            field=models.CharField(default=articles.models.new_preview_nonce, editable=False, max_length=32),
        ),
    ]
