"""Press releases pasted into the admin: paste → check (nothing written) → save as draft."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from articles.models import Article, ArticleRevision, Official, Organization
from comments.models import Comment
from tests.factories import make_article, make_official, make_organization, make_section
from tests.i18n import fa

URL = reverse("admin:articles_article_paste")
KICKER = "رئیس کل دادگستری فارس در جمع مدیران:"
HEADLINE = "خدمات الکترونیک قضایی به روستاهای فارس رسید"
LEAD = "رئیس کل دادگستری استان فارس از راه‌اندازی دفاتر خدمات قضایی در روستاها خبر داد."
BODY1 = (
    "به گزارش شیرازه، حجت الاسلام سید کاظم موسوی در جلسه شورای قضایی گفت: دکتر بهرام نوروزی نیز حضور داشت."
)
BODY2 = "وی افزود: این دفاتر تا پایان سال در همه شهرستان‌ها دایر می‌شوند."
RELEASE = "\r\n".join(
    ["---", "section: fars", "---", KICKER, HEADLINE, LEAD, BODY1, BODY2, "نظرات بینندگان", "عالی بود"]
)


@pytest.fixture
def newsroom(db):
    """What the linker knows: a section, an official and the province's judiciary."""
    make_section(name="فارس", slug="fars")
    make_official(name="سید کاظم موسوی", aliases="کاظم موسوی")
    make_organization(name="دادگستری فارس")


def counts() -> tuple[int, int, int, int]:
    return (
        Article.objects.count(),
        Official.objects.count(),
        Organization.objects.count(),
        Comment.objects.count(),
    )


def preview(client, text=RELEASE, **extra):
    return client.post(URL, {"text": text, **extra})


def test_the_changelist_links_to_the_paste_page(editor_client):
    response = editor_client.get(reverse("admin:articles_article_changelist"))
    assert URL in response.content.decode()


def test_the_paste_page_is_persian_and_has_no_inline_script(editor_client):
    page = editor_client.get(URL).content.decode()
    assert 'dir="rtl"' in page
    assert "متن خبرنامه" in page
    assert "<script>" not in page and "onclick" not in page


def test_preview_shows_the_parsed_fields_and_writes_nothing(editor_client, newsroom):
    before = counts()
    response = preview(editor_client)
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        KICKER,
        HEADLINE,
        LEAD,
        BODY2,
        "شیرازه",
        "فارس",
        "سید کاظم موسوی",
        "دادگستری فارس",
        "عالی بود",
    ):
        assert text in page
    assert "بهرام نوروزی" in page  # proposed: unknown, introduced by an honorific
    assert 'name="release"' in page
    assert counts() == before


def test_save_creates_a_draft_with_fields_source_section_and_mentions(editor_client, editor, newsroom):
    signed = preview(editor_client).context["signed"]
    response = editor_client.post(URL, {"release": signed})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == Article.Status.DRAFT
    article.set_current_language("fa")
    assert (article.kicker, article.title, article.lead) == (KICKER, HEADLINE, LEAD)
    assert BODY2 in article.body
    assert str(article.source) == "شیرازه" and article.section.slug == "fars"
    assert article.author == editor
    names = {official.name for official in article.officials.all()}
    assert names == {"سید کاظم موسوی", "بهرام نوروزی"}
    assert not Official.objects.get(name="بهرام نوروزی").is_verified
    assert [str(org) for org in article.organizations.all()] == ["دادگستری فارس"]
    followed = editor_client.get(response["Location"])
    assert "پیش‌نویس" in followed.content.decode()


def test_the_pasted_release_is_the_drafts_first_version(editor_client, editor, newsroom):
    """So the versions page can compare the desk's changes with the release as it came in."""
    editor_client.post(URL, {"release": preview(editor_client).context["signed"]})
    article = Article.objects.get()
    [version] = article.revisions.all()
    assert (version.user, version.source) == (editor, ArticleRevision.Source.PASTE)
    assert version.data["translations"]["fa"]["title"] == HEADLINE
    assert version.data["status"] == Article.Status.DRAFT
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert fa("pasted press release") in history.content.decode()


def test_save_reparses_and_never_trusts_a_tampered_field(editor_client, newsroom):
    signed = preview(editor_client).context["signed"]
    response = editor_client.post(URL, {"release": signed[:-2] + "xx"})
    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_a_chief_editor_may_use_it_too_and_still_gets_a_draft(chief_client, newsroom):
    signed = preview(chief_client).context["signed"]
    chief_client.post(URL, {"release": signed})
    assert Article.objects.get().status == Article.Status.DRAFT


def test_upload_of_a_txt_file_works(editor_client, newsroom):
    upload = SimpleUploadedFile("khabar.txt", b"\xef\xbb\xbf" + RELEASE.encode(), content_type="text/plain")
    response = editor_client.post(URL, {"text": "", "file": upload})
    assert response.status_code == 200
    assert HEADLINE in response.content.decode()
    editor_client.post(URL, {"release": response.context["signed"]})
    assert Article.objects.get().translations.get().title == HEADLINE


def test_the_same_release_pasted_again_warns_with_a_link_to_the_first(editor_client, newsroom):
    editor_client.post(URL, {"release": preview(editor_client).context["signed"]})
    first = Article.objects.get()
    again = preview(editor_client, RELEASE.replace("\r\n", "\n"))  # an upload's line ends: the same release
    page = again.content.decode()
    assert reverse("admin:articles_article_change", args=[first.pk]) in page
    assert 'name="release"' not in page
    assert editor_client.post(URL, {"release": again.context["signed"]}).status_code == 409
    assert Article.objects.count() == 1


def test_an_id_header_naming_a_published_article_does_not_touch_it(editor_client, newsroom):
    live = make_article(external_id="fars-1", title="تیتر منتشرشده")
    text = "---\nid: fars-1\n---\n" + HEADLINE + "\n" + LEAD
    signed = preview(editor_client, text).context["signed"]
    editor_client.post(URL, {"release": signed})
    live.refresh_from_db()
    assert live.status == Article.Status.PUBLISHED
    assert live.translations.get().title == "تیتر منتشرشده"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "سطر ۱: متن خالی است"),
        ("تیتر\n\x00\x01", "سطر ۲: این متن نیست"),
        ("---\n---\n\n", "سطر ۴: تیتری پیدا نشد"),
        ("---\nauthor: کسی\n---\n" + HEADLINE, "سطر ۲: کلید ناشناخته در سرصفحه «author»"),
        ("---\nsection: nowhere\n---\n" + HEADLINE, "سطر ۲: بخش ناشناخته «nowhere»"),
    ],
)
def test_bad_text_is_refused_in_persian_with_the_text_kept(editor_client, newsroom, text, message):
    before = counts()
    response = preview(editor_client, text)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'name="release"' not in page
    if text.strip("\x00\x01"):
        assert response.context["form"]["text"].value() == text
    assert counts() == before


def test_a_binary_upload_is_refused(editor_client, newsroom):
    upload = SimpleUploadedFile("photo.txt", b"\x89PNG\r\n\x1a\n", content_type="text/plain")
    response = editor_client.post(URL, {"file": upload})
    assert response.status_code == 400
    assert "سطر ۱: فایل متن UTF-8 نیست" in response.content.decode()
    assert Article.objects.count() == 0


@override_settings(NEWSROOM_IMPORT_MAX_BYTES=100)
def test_too_large_text_and_upload_are_refused(editor_client, newsroom):
    response = preview(editor_client)
    assert response.status_code == 400
    assert "سطر ۱: متن بزرگ‌تر از ۱۰۰ بایت است" in response.content.decode()
    upload = SimpleUploadedFile("big.txt", RELEASE.encode(), content_type="text/plain")
    assert editor_client.post(URL, {"file": upload}).status_code == 400
    assert Article.objects.count() == 0


def test_moderators_and_outsiders_get_403(moderator_client, outsider_client, newsroom):
    for client in (moderator_client, outsider_client):
        assert client.get(URL).status_code == 403
        assert preview(client).status_code == 403
    assert Article.objects.count() == 0


def test_the_service_refuses_a_moderator_too(moderator, newsroom):
    from django.core.exceptions import PermissionDenied

    from articles.importing.paste import create_draft, release_bytes

    with pytest.raises(PermissionDenied):
        create_draft(data=release_bytes(RELEASE), user=moderator)
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"a\x00",
        b"\xff",
        b"a\x01",
        "\n".join(["تیتر", "x" * 20_001]).encode(),
        b"---\n---\n",
        "نظرات بینندگان\nعالی".encode(),
        ("ت" * 301).encode(),
        b"---\npublished_at: tomorrow\n---\nt",
        b"---\nfoo\n---\nt",
        b"---\nfoo: 1\n---\nt",
        b"---\nid: a\nid: b\n---\nt",
        b"---\nlanguage: de\n---\nt",
        b"---\nid:\n---\nt",
        b"---\nid: a\n",
        ("---\nsource: " + "s" * 201 + "\n---\nt").encode(),
    ],
)
def test_every_reason_the_parser_gives_reads_in_persian(data):
    from articles.importing.reasons import translated_reason
    from articles.seedformat import SeedFormatError, parse_bytes

    with pytest.raises(SeedFormatError) as caught:
        parse_bytes(data)
    assert translated_reason(caught.value.reason) != caught.value.reason
