"""Only chief editors change the site's identity and its pages: in the services, whatever the caller,
and in the admin. The identity is one row that cannot be duplicated or deleted."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from identity import services
from identity.models import FooterLink, FooterPage, SingletonDeletion, SiteIdentity
from tests.factories import make_footer_page, set_identity

pytestmark = pytest.mark.django_db


def _identity(name: str) -> SiteIdentity:
    identity = SiteIdentity.load()
    identity.set_current_language("fa")
    identity.name = name
    return identity


def test_a_chief_editor_saves_the_identity(chief_editor):
    services.save_identity(identity=_identity("خبرگزاری شیرازه"), user=chief_editor)
    stored = SiteIdentity.objects.get()
    stored.set_current_language("fa")
    assert stored.name == "خبرگزاری شیرازه"


@pytest.mark.parametrize("persona", ["editor", "moderator", "outsider"])
def test_other_roles_are_refused_by_every_service(request, persona):
    user = request.getfixturevalue(persona)
    page = make_footer_page()
    identity = set_identity(name_fa="پیشین")
    link = FooterLink(identity=identity, url="https://example.org/")
    with pytest.raises(PermissionDenied):
        services.save_identity(identity=_identity("ربوده"), user=user)
    with pytest.raises(PermissionDenied):
        services.save_footer_page(page=page, user=user)
    with pytest.raises(PermissionDenied):
        services.delete_footer_pages(pages=[page], user=user)
    with pytest.raises(PermissionDenied):
        services.save_footer_link(link=link, user=user)
    assert FooterPage.objects.filter(pk=page.pk).exists() and not FooterLink.objects.exists()
    stored = SiteIdentity.objects.get()
    stored.set_current_language("fa")
    assert stored.name == "پیشین"


def test_an_inactive_chief_editor_is_refused(chief_editor):
    chief_editor.is_active = False
    with pytest.raises(PermissionDenied):
        services.save_identity(identity=_identity("x"), user=chief_editor)


def test_there_is_only_ever_one_identity(chief_editor):
    services.save_identity(identity=_identity("نخست"), user=chief_editor)
    second = SiteIdentity()
    second.set_current_language("fa")
    second.name = "دوم"
    with pytest.raises(ValidationError):
        services.save_identity(identity=second, user=chief_editor)
    assert SiteIdentity.objects.count() == 1
    # And the database refuses any other key, whoever writes.
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteIdentity.objects.create(pk=2)


def test_the_identity_cannot_be_deleted():
    identity = set_identity(name_fa="ماندگار")
    with pytest.raises(SingletonDeletion):
        identity.delete()
    with pytest.raises(SingletonDeletion):
        SiteIdentity.objects.all().delete()
    assert SiteIdentity.objects.count() == 1


def test_a_footer_link_must_be_a_web_address_or_a_page_of_the_site(chief_editor):
    identity = set_identity(name_fa="x")
    for bad in ("javascript:alert(1)", "//evil.example/", "data:text/html,x", "ftp://x.org/"):
        link = FooterLink(identity=identity, url=bad)
        link.set_current_language("fa")
        link.label = "پیوند"
        with pytest.raises(ValidationError):
            services.save_footer_link(link=link, user=chief_editor)
    for good in ("https://dadgostari-fa.ir/", "/section/قضایی/"):
        link = FooterLink(identity=identity, url=good)
        link.set_current_language("fa")
        link.label = "پیوند"
        services.save_footer_link(link=link, user=chief_editor)
    assert FooterLink.objects.count() == 2


# The admin ------------------------------------------------------------------------------------------


def test_editors_do_not_reach_the_identity_in_the_admin(editor_client):
    assert editor_client.get("/admin/identity/siteidentity/").status_code == 403
    assert editor_client.get("/admin/identity/footerpage/add/").status_code == 403
    assert "/admin/identity/" not in editor_client.get("/admin/").content.decode()


def test_the_admin_list_is_the_one_identity_and_offers_no_delete(chief_client):
    assert chief_client.get("/admin/identity/siteidentity/")["Location"].endswith("/siteidentity/add/")
    set_identity(name_fa="خبرگزاری شیرازه")
    response = chief_client.get("/admin/identity/siteidentity/")
    assert response["Location"].endswith("/siteidentity/1/change/")
    page = chief_client.get(response["Location"]).content.decode()
    assert "/delete/" not in page.replace("translation/", "")  # parler's per-language delete aside
    # "Add" opens the one there is; a second one posted anyway is refused by the service.
    assert chief_client.get("/admin/identity/siteidentity/add/")["Location"].endswith(
        "/siteidentity/1/change/"
    )
    assert (
        chief_client.post("/admin/identity/siteidentity/add/?language=fa", _identity_form()).status_code
        == 302
    )
    assert chief_client.post("/admin/identity/siteidentity/1/delete/", {"post": "yes"}).status_code == 403
    assert SiteIdentity.objects.count() == 1


def _identity_form(**extra) -> dict:
    data = {
        "name": "خبرگزاری شیرازه",
        "tagline": "اخبار استان فارس",
        "footer_links-TOTAL_FORMS": "1",
        "footer_links-INITIAL_FORMS": "0",
        "footer_links-MIN_NUM_FORMS": "0",
        "footer_links-MAX_NUM_FORMS": "1000",
        "footer_links-0-label": "دادگستری استان فارس",
        "footer_links-0-url": "https://example.org/",
        "footer_links-0-position": "1",
    }
    data.update(extra)
    return data


def test_a_chief_editor_edits_the_identity_in_the_admin_and_readers_see_it(chief_client, reader_client):
    response = chief_client.post("/admin/identity/siteidentity/add/?language=fa", _identity_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    html = reader_client.get("/").content.decode()
    assert "خبرگزاری شیرازه" in html and "اخبار استان فارس" in html
    assert '<a href="https://example.org/">دادگستری استان فارس</a>' in html


def test_a_bad_footer_link_in_the_admin_is_refused_with_the_form_shown_again(chief_client):
    response = chief_client.post(
        "/admin/identity/siteidentity/add/?language=fa",
        _identity_form(**{"footer_links-0-url": "javascript:x"}),
    )
    assert response.status_code == 400
    assert not SiteIdentity.objects.exists() and not FooterLink.objects.exists()


def test_a_chief_editor_adds_a_footer_page_whose_html_is_sanitized(chief_client, reader_client):
    response = chief_client.post(
        "/admin/identity/footerpage/add/?language=fa",
        {
            "title": "تماس با ما",
            "slug": "",
            "body": '<p>تلفن: ۰۷۱۳۲۲۲۲۲۲۲</p><script>alert(1)</script><p onclick="x()">نشانی</p>',
            "in_footer": "on",
            "position": "2",
        },
    )
    assert response.status_code == 302
    page = FooterPage.objects.language("fa").get()
    assert page.slug == "تماس-با-ما"
    assert "<script" not in page.body and "onclick" not in page.body
    html = reader_client.get(page.get_absolute_url()).content.decode()
    assert "<h1>تماس با ما</h1>" in html and "alert(1)" not in html


def test_an_editor_cannot_add_a_footer_page_by_posting_to_the_admin(editor_client):
    response = editor_client.post(
        "/admin/identity/footerpage/add/?language=fa",
        {"title": "صفحه", "slug": "x", "body": "<p>x</p>", "position": "0"},
    )
    assert response.status_code == 403 and not FooterPage.objects.exists()
