"""Synthetic press releases in the seed's shape, for the importer benchmark.

Deterministic for a given seed number: kicker (most of the time), headline, lead (most of the time),
seven body paragraphs opening with an agency attribution, mentions of the gazetteer's officials and
organizations, now and then an unknown person with an honorific, a sign-off, a comments heading and
sometimes a few comments. Spellings vary the way real releases do (Arabic ي/ك, missing ZWNJ, CRLF).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

KICKERS = ["رئیس کل دادگستری فارس در جمع مدیران مجموعه قضایی استان:", "دادستان شیراز؛", "در نشست شورای قضایی"]
SUBJECTS = ["مجموعه قضایی فارس", "دادگستری استان فارس", "شورای قضایی استان فارس", "قوه قضائیه"]
CLAIMS = [
    "از پیشگامان ارائه خدمات الکترونیک قضایی در سطح کشور است",
    "برنامه های هفته قوه قضائیه را اعلام کرد",
    "بر رسیدگی به پرونده های معوق تأکید کرد",
    "ملاقات های عمومی را در سراسر استان برگزار می کند",
]
AGENCIES = ["شیرازه", "ایرنا", "میزان", "ایسنا", "فارس"]
SENTENCES = [
    "حجت الاسلام و المسلمین سید کاظم موسوی در این نشست گفت: باید سرمایه اجتماعی را گسترش دهیم",
    "ستاد بزرگداشت هفته قوه قضائیه برنامه های مدونی را با رعایت پروتکل های بهداشتی تدوین کرده است",
    "نمانیده عالی قوه قضائیه در استان فارس بر گسترش خدمات الکترونیکی تأکید کرد",
    "مسئولان روابط عمومی سازمان های وابسته به قوه قضاییه در این جلسه حضور داشتند",
    "رئیس کل دادگستری استان فارس خواستار اطلاع رسانی بیشتر شد",
    "گزارش مبسوطی از اقدامات دادگستری فارس به مردم ارائه خواهد شد",
    "شورای قضایی استان فارس عملکرد دو ماهه اول امسال را بررسی کرد",
    "تعیین تکلیف پرونده های معوق مانده و قدیمی با جدیت در دستور کار قرار گیرد",
]
FIRST_NAMES = ["علی", "محمد", "حسین", "رضا", "مهدی", "زهرا", "فاطمه", "مریم", "احمد", "حسن"]
SURNAMES = ["رضایی", "احمدی", "کریمی", "حسینی", "محمدی", "صادقی", "نوری", "قاسمی", "جعفری", "اکبری"]
HONORIFICS = ["دکتر", "مهندس", "سردار", "آیت الله"]
HEADINGS = ["نظرات بینندگان", "نظر شما", "تبادل نظر", "ارسال دیدگاه", "ارسال نظرات"]


def generate(count: int = 10_000, *, seed: int = 1) -> Iterator[tuple[str, str]]:
    """(file name, text) pairs."""
    rng = random.Random(seed)
    for number in range(count):
        lines = []
        if rng.random() < 0.8:
            lines.append(rng.choice(KICKERS))
        lines.append(f"{rng.choice(SUBJECTS)} {rng.choice(CLAIMS)} ({number})")
        if rng.random() < 0.85:
            lines.append(f"{rng.choice(SENTENCES)}، {rng.choice(SENTENCES)}.")
        for paragraph in range(7):
            text = "، ".join(rng.sample(SENTENCES, 3)) + "."
            if paragraph == 0:
                text = f"به گزارش {rng.choice(AGENCIES)}، {text}"
            if paragraph == 3 and rng.random() < 0.2:
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
                text = f"{rng.choice(HONORIFICS)} {name} در این جلسه گفت: {text}"
            lines.append(text)
        lines.append("انتهای پیام/ ح.م")
        lines.append(rng.choice(HEADINGS))
        lines += [f"نظر خواننده شماره {n}" for n in range(rng.choice([0, 0, 0, 1, 3]))]
        text = "\n".join(lines) + "\n"
        if number % 5 == 1:
            text = text.replace("ی", "ي").replace("ک", "ك")
        if number % 7 == 2:
            text = text.replace("\n", "\r\n")
        yield f"bench-{number:06d}.txt", text
