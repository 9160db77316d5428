"""Side effects hung on saves: renditions of uploaded images (articles/images.py).

Connected in ArticlesConfig.ready(). They run after the transaction commits, so a rolled-back save makes
no files, and a failure to make them (a file missing from storage) never undoes the editor's save: it is
logged, and `manage.py make_renditions` makes whatever is missing.
"""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

from articles.imagefields import make_renditions_for, rendition_fields

logger = logging.getLogger(__name__)


def _make_renditions(instance) -> None:
    try:
        make_renditions_for(instance)
    except (OSError, ValueError):
        logger.warning("could not make the renditions of %r", instance, exc_info=True)


def renditions_on_save(sender, instance, raw=False, **kwargs) -> None:
    if raw or not any(getattr(instance, field.attname) for field in rendition_fields(sender)):
        return
    transaction.on_commit(partial(_make_renditions, instance))
