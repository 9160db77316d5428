"""Editing the site's identity: the one rule for who may (chief editors), checked in every save path.

The admin hides the identity from editors too, but the rule lives here: a form, a script or a future
API calls these and is refused the same way.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from identity.models import FooterLink, FooterPage, SiteIdentity

# Granted to the chief editors' group (identity/migrations/0002_chief_editors_edit_identity.py).
EDIT_PERMISSION = "identity.change_siteidentity"


def can_edit_identity(user) -> bool:
    return bool(user and user.is_active and user.has_perm(EDIT_PERMISSION))


def require_identity_right(user) -> None:
    if not can_edit_identity(user):
        raise PermissionDenied(_("Only a chief editor may change the site's identity and its pages."))


@transaction.atomic
def save_identity(*, identity: SiteIdentity, user) -> SiteIdentity:
    """Save the one identity row. A new one is refused when the site has its identity already (edit
    SiteIdentity.load() instead); the database refuses any key but the one, whoever writes."""
    require_identity_right(user)
    exists = SiteIdentity.objects.select_for_update().filter(pk=SiteIdentity.SINGLETON_ID).exists()
    if identity._state.adding and exists:
        raise ValidationError(_("The site has its identity already: edit it instead of adding another."))
    identity.pk = SiteIdentity.SINGLETON_ID
    identity.full_clean(validate_unique=False)
    identity.save()
    return identity


@transaction.atomic
def save_footer_link(*, link: FooterLink, user) -> FooterLink:
    require_identity_right(user)
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def delete_footer_link(*, link: FooterLink, user) -> None:
    require_identity_right(user)
    link.delete()


@transaction.atomic
def save_footer_page(*, page: FooterPage, user) -> FooterPage:
    require_identity_right(user)
    page.full_clean()
    page.save()
    return page


@transaction.atomic
def delete_footer_pages(*, pages, user) -> int:
    """Delete footer pages (a queryset or a list); returns how many."""
    require_identity_right(user)
    deleted = 0
    for page in list(pages):
        page.delete()
        deleted += 1
    return deleted
