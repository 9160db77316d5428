import hashlib
import hmac
import re
import time

import pytest
from django.conf import settings as django_settings

from comments import spam
from comments.models import Comment, WordRule
from tests.comments.helpers import make_comment, post
from tests.i18n import fa

pytestmark = pytest.mark.django_db


def _form_shown_with(response, text: str) -> bool:
    html = response.content.decode()
    return 'id="comment-form"' in html and text in html


def test_a_filled_honeypot_is_refused_and_nothing_is_written(reader_client, article, settings):
    response = post(
        reader_client, article, body="متن ربات", **{settings.NEWSROOM_COMMENT_HONEYPOT_FIELD: "x"}
    )
    assert response.status_code == 400 and _form_shown_with(response, "متن ربات")
    assert not Comment.objects.exists()


def test_the_honeypot_field_name_is_a_setting(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_HONEYPOT_FIELD = "homepage"
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert 'name="homepage"' in html and 'name="website"' not in html
    assert post(reader_client, article, homepage="http://spam.example").status_code == 400


def test_a_form_sent_too_fast_is_refused(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 5
    response = post(reader_client, article, age=1, body="خیلی سریع")
    assert (
        response.status_code == 400
        and fa("That was too fast. Please take a moment and send it again.") in response.content.decode()
    )
    assert post(reader_client, article, age=6, body="به اندازه").status_code == 302


def test_a_form_kept_too_long_is_refused(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_MAX_FORM_AGE = 3600
    response = post(reader_client, article, age=3601, body="خیلی دیر")
    assert (
        response.status_code == 400
        and fa("The form has expired. Please reload the page and try again.") in response.content.decode()
    )
    assert not Comment.objects.exists()


def test_a_tampered_or_foreign_timestamp_is_refused(reader_client, article):
    client = spam.ip_hash("127.0.0.1")
    token = spam.form_token(article.pk, client, time.time() - 30)
    assert post(reader_client, article, ts=token[:-2] + "xx").status_code == 400
    foreign = spam.form_token(article.pk + 1, client, time.time() - 30)
    assert post(reader_client, article, ts=foreign).status_code == 400
    assert post(reader_client, article, ts="").status_code == 400
    assert not Comment.objects.exists()


def _token_on_the_page(client, article, remote_addr: str) -> str:
    html = client.get(article.get_absolute_url(), REMOTE_ADDR=remote_addr).content.decode()
    return re.search(r'name="ts" value="([^"]+)"', html).group(1)


def test_a_form_token_replayed_from_another_client_is_refused(client, article, settings):
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    token = _token_on_the_page(client, article, "198.51.100.4")
    for other in ("203.0.113.9", "198.51.100.5", "2001:db8::1"):
        response = post(client, article, ts=token, body=f"از {other}", remote_addr=other)
        assert response.status_code == 400
        assert fa("The form could not be verified. Please reload the page and try again.") in (
            response.content.decode()
        )
    assert not Comment.objects.exists()
    assert post(client, article, ts=token, remote_addr="198.51.100.4").status_code == 302


def test_a_form_token_follows_an_ipv6_reader_within_its_64(client, article, settings):
    """Privacy addresses change within the /64 the reader's network was given."""
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    token = _token_on_the_page(client, article, "2001:db8:1:2::10")
    assert post(client, article, ts=token, remote_addr="2001:db8:1:2:abcd::7").status_code == 302


def test_the_same_reader_posts_twice_from_one_page(client, article, settings):
    """comments.js keeps the page (and its form token) after a post: a reply after a comment works."""
    settings.NEWSROOM_COMMENT_MIN_SECONDS = 0
    token = _token_on_the_page(client, article, "198.51.100.4")
    first = post(client, article, as_json=True, ts=token, body="نظر اول", remote_addr="198.51.100.4")
    second = post(client, article, as_json=True, ts=token, body="نظر دوم", remote_addr="198.51.100.4")
    assert first.status_code == second.status_code == 201
    assert Comment.objects.count() == 2


def test_posting_is_rate_limited_per_client_through_the_cache(client, article, settings):
    settings.NEWSROOM_COMMENT_RATE = 2
    for n in range(2):
        assert post(client, article, body=f"نظر شماره {n}", remote_addr="10.0.0.1").status_code == 302
    response = post(client, article, body="نظر سوم", remote_addr="10.0.0.1")
    assert response.status_code == 429 and _form_shown_with(response, "نظر سوم")
    assert post(client, article, body="از نشانی دیگر", remote_addr="10.0.0.2").status_code == 302
    assert Comment.objects.count() == 3


def test_the_same_text_again_on_the_same_article_is_refused_even_with_letter_tricks(reader_client, article):
    assert post(reader_client, article, body="کیفیت خدمات الکترونیکی").status_code == 302
    for again in ("كيفيت خدمات الکترونیکی", "کیفیت  خدمات الکترونیـــکی", "کیفیت خدمات الکترو\u200cنیکی"):
        response = post(reader_client, article, body=again)
        assert (
            response.status_code == 400
            and fa("This comment has already been posted on this article.") in response.content.decode()
        )
    assert Comment.objects.count() == 1


def test_duplicates_are_allowed_when_the_setting_is_off(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_REFUSE_DUPLICATES = False
    post(reader_client, article, body="عالی")
    post(reader_client, article, body="عالی")
    assert Comment.objects.count() == 2


def test_the_same_text_on_another_article_is_fine(reader_client, article):
    from tests.factories import make_article

    other = make_article()
    post(reader_client, article, body="عالی بود")
    assert post(reader_client, other, body="عالی بود").status_code == 302


def test_too_many_links_are_held_for_review(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    settings.NEWSROOM_COMMENT_MAX_LINKS = 1
    post(reader_client, article, body="یک پیوند http://a.example/x")
    post(reader_client, article, body="دو پیوند http://a.example/y و www.b.example")
    one, two = Comment.objects.order_by("id")
    assert one.status == Comment.Status.PUBLISHED
    assert two.status == Comment.Status.PENDING and two.hold_reason == Comment.HoldReason.TOO_MANY_LINKS


@pytest.mark.parametrize(
    "text",
    [
        "این یک کلاهبردار است",  # as listed
        "این یک کلاه\u200cبردار است",  # a ZWNJ slipped inside
        "این یک کلاهــــبردار است",  # kashida
        "اين يک كلاهبردار است",  # Arabic ي and ك
        "این یک کلاه\u200bبردار است",  # zero-width space
    ],
)
def test_banned_words_reject_whatever_the_invisible_tricks(reader_client, article, text):
    WordRule.objects.create(word="کلاهبردار", kind=WordRule.Kind.BANNED)
    post(reader_client, article, body=text)
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.REJECTED and comment.hold_reason == Comment.HoldReason.BANNED_WORD
    # The code is the reason; rejection_reason is left for a moderator's own words.
    assert comment.rejection_reason == ""


def test_suspect_words_hold_even_under_post_moderation(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    WordRule.objects.create(word="رشوه", kind=WordRule.Kind.SUSPECT)
    post(reader_client, article, body="حرف از رشــوه زد")
    post(reader_client, article, body="خبر خوبی بود")
    held, clean = Comment.objects.order_by("id")
    assert held.status == Comment.Status.PENDING and held.hold_reason == Comment.HoldReason.SUSPECT_WORD
    assert clean.status == Comment.Status.PUBLISHED


def test_word_rules_match_whole_words_only(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_PREMODERATION = False
    WordRule.objects.create(word="خر", kind=WordRule.Kind.BANNED)
    post(reader_client, article, body="خرید خانه گران شده")
    assert Comment.objects.get().status == Comment.Status.PUBLISHED


def test_text_over_the_length_cap_is_refused_and_kept_in_the_form(reader_client, article):
    assert django_settings.NEWSROOM_COMMENT_MAX_LENGTH == 1200
    too_long = "ب" * 1199 + "پایان"
    response = post(reader_client, article, body=too_long)
    assert response.status_code == 400 and _form_shown_with(response, too_long)
    assert "1200" in response.content.decode()
    assert post(reader_client, article, body="ب" * 1200).status_code == 302
    assert Comment.objects.count() == 1


def test_the_length_cap_is_a_setting(reader_client, article, settings):
    settings.NEWSROOM_COMMENT_MAX_LENGTH = 20
    assert post(reader_client, article, body="ب" * 21).status_code == 400
    assert 'maxlength="20"' in reader_client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_nul_and_control_characters_are_refused_with_the_text_kept(reader_client, article, control):
    response = post(reader_client, article, body=f"متن عادی{control}ادامه")
    assert response.status_code == 400 and _form_shown_with(response, "متن عادی")
    assert not Comment.objects.exists()


def test_control_characters_in_the_name_are_refused(reader_client, article):
    assert post(reader_client, article, name="علی\x1b[31m").status_code == 400


def test_line_breaks_and_tabs_are_text_not_control_characters(reader_client, article):
    assert post(reader_client, article, body="خط اول\r\nخط دوم\tادامه").status_code == 302
    assert Comment.objects.get().body == "خط اول\nخط دوم\tادامه"


def test_bidi_overrides_are_stripped_from_text_and_name(reader_client, article):
    post(reader_client, article, body="سلام \u202eتست\u202c \u2066دنیا\u2069", name="\u202eعلی")
    comment = Comment.objects.get()
    assert comment.body == "سلام تست دنیا" and comment.name == "علی"


def test_everything_is_escaped_on_output(reader_client, article):
    make_comment(article, name="<b>نام</b>", body='<script>alert("x")</script><img src=x onerror=alert(1)>')
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html and "&lt;b&gt;نام&lt;/b&gt;" in html


def test_client_addresses_are_stored_only_as_a_keyed_hash(client, article, settings):
    post(client, article, body="حریم خصوصی", remote_addr="203.0.113.7")
    comment = Comment.objects.get()
    key = hashlib.sha256(b"newsroom.comments.ip-hash:" + settings.SECRET_KEY.encode()).digest()
    assert comment.ip_hash == hmac.new(key, b"203.0.113.7", hashlib.sha256).hexdigest()
    assert comment.ip_hash != hashlib.sha256(b"203.0.113.7").hexdigest()  # not a plain, guessable hash
    row = Comment.objects.filter(pk=comment.pk).values().get()
    assert not any("203.0.113.7" in str(value) for value in row.values())
    settings.NEWSROOM_COMMENT_IP_KEY = "a dedicated key"
    assert spam.ip_hash("203.0.113.7") != comment.ip_hash


def test_the_client_hash_follows_the_sites_one_client_address_rule(rf, settings):
    settings.NEWSROOM_PROXY_HOPS = 1
    one = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    forged = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="7.7.7.7, 198.51.100.4")
    assert spam.request_ip_hash(one) == spam.request_ip_hash(forged) == spam.ip_hash("198.51.100.4")


def test_an_overlong_email_is_a_form_error_not_a_server_error(reader_client, article):
    response = post(reader_client, article, email="a" * 64 + "@" + "b" * 250 + ".example")
    assert response.status_code == 400 and not Comment.objects.exists()


def test_a_banned_word_in_the_name_rejects_the_comment_too(reader_client, article):
    WordRule.objects.create(word="کلاهبردار", kind=WordRule.Kind.BANNED)
    post(reader_client, article, name="كلاه‌بردار", body="متن بی‌ضرر")
    assert Comment.objects.get().status == Comment.Status.REJECTED
