"""The press-release parser, on short texts written for each variation PRODUCT.md lists. No database."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.seedformat import (
    COMMENT_HEADINGS,
    MAX_PARAGRAPH_LENGTH,
    SeedFormatError,
    parse,
    parse_bytes,
    parse_datetime,
)

KICKER = "رئیس کل دادگستری فارس در جمع مدیران:"
HEADLINE = "مجموعه قضایی فارس پیشگام خدمات الکترونیک است"
LEAD = "رئیس شورای قضایی استان فارس گفت: زمینه اعتماد عمومی را فراهم نمائید."
BODY1 = "به گزارش شیرازه، رئیس کل دادگستری استان فارس در جلسه شورا سخن گفت."
BODY2 = "وی افزود: این برنامه ادامه دارد."


def lines(*parts: str) -> str:
    return "\n".join(parts)


def test_the_seed_shape_splits_into_kicker_headline_lead_body_and_source():
    release = parse(lines(KICKER, HEADLINE, LEAD, BODY1, BODY2, "نظرات بینندگان"))
    assert release.kicker == KICKER
    assert release.headline == HEADLINE
    assert release.lead == LEAD
    assert release.body == (BODY1, BODY2)
    assert release.source == "شیرازه"
    assert release.comments == ()
    assert release.language == "fa"


@pytest.mark.parametrize("ending", [":", "؛"])
def test_kicker_ending_with_colon_or_semicolon(ending):
    kicker = "در جمع مدیران استان" + ending
    release = parse(lines(kicker, HEADLINE, LEAD, BODY1))
    assert (release.kicker, release.headline, release.lead) == (kicker, HEADLINE, LEAD)


def test_kicker_without_punctuation_is_a_short_line_before_the_headline():
    release = parse(lines("در جمع مدیران استان", HEADLINE, LEAD, BODY1))
    assert release.kicker == "در جمع مدیران استان"
    assert release.headline == HEADLINE
    assert release.lead == LEAD


@pytest.mark.parametrize("ending", ["!", "?", "؟"])
def test_a_headline_ending_with_an_exclamation_or_question_after_a_kicker_line_stays_the_headline(ending):
    kicker, headline = "در جمع مدیران استان", "خدمات الکترونیک قضایی به روستاها رسید" + ending
    release = parse(lines(kicker, headline, LEAD, BODY1))
    assert (release.kicker, release.headline, release.lead) == (kicker, headline, LEAD)


def test_no_kicker_when_the_second_line_is_a_lead_sentence():
    release = parse(lines(HEADLINE, LEAD, BODY1))
    assert release.kicker == ""
    assert release.headline == HEADLINE
    assert release.lead == LEAD
    assert release.body == (BODY1,)


def test_no_lead_when_the_attribution_follows_the_headline():
    release = parse(lines(KICKER, HEADLINE, BODY1, BODY2))
    assert release.lead == ""
    assert release.body == (BODY1, BODY2)
    assert release.source == "شیرازه"


def test_headline_and_lead_only():
    release = parse(lines(HEADLINE, LEAD))
    assert (release.kicker, release.headline, release.lead, release.body) == ("", HEADLINE, LEAD, ())


def test_headline_only():
    release = parse(HEADLINE)
    assert (release.headline, release.lead, release.body) == (HEADLINE, "", ())


@pytest.mark.parametrize(
    "opening",
    ["به گزارش ایرنا، ", "به گزارش ایرنا؛ ", "به گزارش ایرنا ، ", "به گزارش ایرنا,"],
)
def test_attribution_forms_name_the_agency(opening):
    release = parse(lines(HEADLINE, LEAD, opening + "جلسه برگزار شد."))
    assert release.source == "ایرنا"
    assert release.body == (opening.strip() + ("" if opening.endswith(",") else " ") + "جلسه برگزار شد.",)


def test_attribution_quoting_another_agency():
    release = parse(lines(HEADLINE, LEAD, "به گزارش شیرازه به نقل از میزان، جلسه برگزار شد."))
    assert release.source == "شیرازه"
    assert release.source_via == "میزان"


def test_agency_name_is_returned_as_written():
    """Recognition is on normalized text, but the agency keeps its own spelling (Arabic ي here)."""
    release = parse(lines(HEADLINE, LEAD, "به گزارش شيرازه، جلسه برگزار شد."))
    assert release.source == "شيرازه"


def test_dateline_names_agency_and_city():
    paragraph = "ایرنا - شیراز - جلسه شورای قضایی برگزار شد."
    release = parse(lines(HEADLINE, LEAD, paragraph))
    assert (release.source, release.dateline_city) == ("ایرنا", "شیراز")
    assert release.body == (paragraph,)


def test_dateline_right_after_the_headline_means_no_lead():
    release = parse(lines(HEADLINE, "ایرنا - شیراز - جلسه برگزار شد.", BODY2))
    assert release.lead == ""
    assert release.source == "ایرنا"


@pytest.mark.parametrize("signoff", [["انتهای پیام/ ح.م"], ["انتهای پیام/", "ح.م"]])
def test_agency_signoff_is_not_body(signoff):
    release = parse(lines(HEADLINE, LEAD, BODY1, BODY2, *signoff))
    assert release.body == (BODY1, BODY2)
    assert release.signoff == " ".join(signoff)


@pytest.mark.parametrize("heading", COMMENT_HEADINGS)
def test_each_comments_heading_spelling_starts_the_comments(heading):
    release = parse(lines(HEADLINE, LEAD, BODY1, heading, "خیلی خوب بود", "ممنون از گزارش"))
    assert release.body == (BODY1,)
    assert release.comments == ("خیلی خوب بود", "ممنون از گزارش")


def test_comments_heading_with_arabic_letters_and_a_colon():
    release = parse(lines(HEADLINE, LEAD, BODY1, "نظرات بينندگان:", "عالی"))
    assert release.comments == ("عالی",)


def test_no_comments_heading_means_no_comments():
    release = parse(lines(HEADLINE, LEAD, BODY1, BODY2))
    assert release.comments == ()
    assert release.body == (BODY1, BODY2)


def test_arabic_letters_mixed_digits_and_missing_zwnj_are_kept_as_written():
    body = "به گزارش شيرازه، سازمان های وابسته ١٥ خرداد و ۱۴ تیر و 15 مرداد جلسه دارند."
    release = parse(lines("مجموعه قضايي فارس پيشگام است", LEAD, body))
    assert release.headline == "مجموعه قضايي فارس پيشگام است"
    assert release.body == (body,)
    assert release.source == "شيرازه"


def test_crlf_bom_blank_lines_and_leading_spaces():
    text = "\ufeff" + "\r\n".join(["", "  " + HEADLINE, "", LEAD + "  ", "", "", " " + BODY1, ""])
    release = parse(text)
    assert (release.headline, release.lead, release.body) == (HEADLINE, LEAD, (BODY1,))


def test_double_spaces_inside_a_line_are_not_rewritten():
    headline = "مجموعه قضایی  فارس پیشگام است"
    assert parse(lines(headline, LEAD)).headline == headline


def test_typos_stay_as_published():
    body = "به گزارش شیرازه، نمانیده عالی قوه قضائیه سخن گفت."
    assert parse(lines(HEADLINE, LEAD, body)).body == (body,)


def test_bom_in_bytes_is_dropped():
    release = parse_bytes(("\ufeff" + lines(HEADLINE, LEAD)).encode("utf-8"))
    assert release.headline == HEADLINE


# The header ------------------------------------------------------------------------------------------


def test_header_overrides_the_guesses():
    text = lines(
        "---",
        "id: fars-1399-03-14-1",
        "kicker:",
        "source: میزان",
        "section: fars",
        "published_at: 1399-03-14 12:30",
        "language: fa",
        "---",
        "در جمع مدیران استان",
        HEADLINE,
        BODY1,
    )
    release = parse(text)
    # An empty kicker in the header says "no kicker": the short first line is the headline.
    assert release.kicker == ""
    assert release.headline == "در جمع مدیران استان"
    assert release.external_id == "fars-1399-03-14-1"
    assert release.source == "میزان"
    assert release.section == "fars"
    assert release.published_at == datetime(2020, 6, 3, 12, 30, tzinfo=ZoneInfo("Asia/Tehran"))
    assert release.header_lines == {
        "id": 2,
        "kicker": 3,
        "source": 4,
        "section": 5,
        "published_at": 6,
        "language": 7,
    }


def test_header_kicker_replaces_the_first_line_guess():
    release = parse(lines("---", "kicker: روتیتر از سرصفحه", "---", HEADLINE, LEAD))
    assert release.kicker == "روتیتر از سرصفحه"
    assert release.headline == HEADLINE
    assert release.lead == LEAD


def test_header_kicker_repeated_as_the_first_line_is_not_the_headline():
    release = parse(lines("---", "kicker: " + KICKER, "---", KICKER, HEADLINE, LEAD))
    assert (release.kicker, release.headline) == (KICKER, HEADLINE)


def test_header_language_en():
    assert parse(lines("---", "language: en", "---", "Headline", "Lead.")).language == "en"


# Bad input -------------------------------------------------------------------------------------------


def error(data: bytes) -> SeedFormatError:
    with pytest.raises(SeedFormatError) as info:
        parse_bytes(data)
    return info.value


@pytest.mark.parametrize("data", [b"", b"\n\n  \r\n", "\ufeff".encode()])
def test_empty_file(data):
    exc = error(data)
    assert (exc.line, exc.reason) == (1, "empty file")


def test_binary_file_names_the_line_of_the_nul_byte():
    exc = error(HEADLINE.encode() + b"\n\x89PNG\x00\x01")
    assert exc.line == 2
    assert "binary" in exc.reason


def test_non_utf8_file_names_the_line():
    exc = error(lines(HEADLINE, LEAD).encode() + "\nسلام".encode("cp1256"))
    assert exc.line == 3
    assert exc.reason.startswith("not UTF-8")


def test_no_headline_when_only_a_header():
    exc = error(b"---\nid: x\n---\n\n")
    assert "no headline" in exc.reason


def test_no_headline_when_the_file_starts_with_the_comments_heading():
    exc = error("\n\nنظرات بینندگان\nعالی\n".encode())
    assert (exc.line, "no headline" in exc.reason) == (3, True)


def test_unknown_header_key_names_its_line():
    exc = error(lines("---", "id: a", "author: someone", "---", HEADLINE).encode())
    assert exc.line == 3
    assert "unknown header key 'author'" in exc.reason


def test_bad_date_in_header_names_its_line():
    exc = error(lines("---", "published_at: 1399-13-40", "---", HEADLINE).encode())
    assert exc.line == 2
    assert exc.reason.startswith("bad published_at")


def test_header_line_without_a_colon():
    exc = error(lines("---", "just words", "---", HEADLINE).encode())
    assert exc.line == 2


def test_header_never_closed():
    exc = error(lines("", "---", "id: a", "kicker: روتیتر").encode())
    assert exc.line == 2
    assert "never closed" in exc.reason


def test_header_without_its_closing_fence_stops_at_the_first_text_line():
    exc = error(lines("---", "id: a", HEADLINE).encode())
    assert exc.line == 3
    assert "closing --- missing" in exc.reason


def test_header_key_given_twice():
    assert error(lines("---", "id: a", "id: b", "---", HEADLINE).encode()).line == 3


def test_unknown_language():
    assert "unknown language" in error(lines("---", "language: de", "---", HEADLINE).encode()).reason


def test_overlong_headline_is_refused_before_the_database_sees_it():
    exc = error(("الف " * 200).encode())
    assert "headline is longer" in exc.reason


# Dates -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1399-03-14", datetime(2020, 6, 3, tzinfo=ZoneInfo("Asia/Tehran"))),
        ("۱۳۹۹/۰۳/۱۴", datetime(2020, 6, 3, tzinfo=ZoneInfo("Asia/Tehran"))),
        ("2020-06-03T08:00:00+00:00", datetime(2020, 6, 3, 8, tzinfo=ZoneInfo("UTC"))),
        ("2020-06-03 12:30", datetime(2020, 6, 3, 12, 30, tzinfo=ZoneInfo("Asia/Tehran"))),
    ],
)
def test_parse_datetime_takes_iso_and_jalali(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["yesterday", "1399-02-32", "2020-13-01"])
def test_parse_datetime_refuses_nonsense(text):
    with pytest.raises(ValueError):
        parse_datetime(text)


@pytest.mark.parametrize(("key", "limit"), [("id", 200), ("kicker", 300), ("source", 200), ("section", 100)])
def test_header_values_longer_than_their_field_are_refused(key, limit):
    exc = error(lines("---", f"{key}: {'ب' * (limit + 1)}", "---", HEADLINE).encode())
    assert (exc.line, exc.reason) == (2, f"{key} is longer than {limit} characters")
    assert parse(lines("---", f"{key}: {'ب' * limit}", "---", HEADLINE)).header[key] == "ب" * limit


def test_a_paragraph_over_the_limit_is_refused_naming_its_line():
    long = "ا" * (MAX_PARAGRAPH_LENGTH + 1)
    with pytest.raises(SeedFormatError) as caught:
        parse(f"تیتر\nلید کوتاه\n\n{long}\n")
    assert (
        str(caught.value) == f"4: paragraph is longer than 20,000 characters ({MAX_PARAGRAPH_LENGTH + 1:,})"
    )
    assert parse(f"تیتر\n{'ا' * MAX_PARAGRAPH_LENGTH}\n").lead  # at the limit is fine


def test_a_file_over_the_byte_limit_is_refused_before_decoding():
    data = "تیتر خبر\nلید خبر این است که چیزی رخ داد.\n".encode()
    assert parse_bytes(data, max_bytes=len(data)).headline == "تیتر خبر"
    with pytest.raises(SeedFormatError) as caught:
        parse_bytes(data + b"\xff", max_bytes=len(data))  # refused for its size, not its bad byte
    assert str(caught.value) == f"1: file is larger than {len(data)} bytes"
