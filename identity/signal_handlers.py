"""Side effects hung on saves: forgetting the cached identity (identity/current.py) whenever the identity,
a footer link or a footer page changes, by any path (the admin, a script, a migration's data).

Connected in IdentityConfig.ready(). The snapshot is forgotten at once and again after the commit: a page
rendered between the two (reading the old rows) may have cached the old snapshot meanwhile.
"""

from __future__ import annotations

from django.db import transaction

from identity import current


def forget_identity(sender, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures: nothing is shown yet
        return
    current.invalidate()
    transaction.on_commit(current.invalidate)
