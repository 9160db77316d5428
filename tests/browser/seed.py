"""The seed press release as the reader site shows it, built with the factories so the site tests do not
depend on the importer: the article, its section, the agency شیرازه, the judiciary hierarchy and the
official سید کاظم موسوی with his positions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from articles.models import Article, Official, Organization, Position
from articles.services import refresh_search_document
from tests.factories import make_article, make_official, make_organization, make_section

SEED_FILE = Path(__file__).resolve().parents[2] / "seeds" / "000_41121ad2ed1a0d20.txt"
COMMENTS_HEADING = "نظرات بینندگان"


@dataclass
class SeedSite:
    article: Article
    official: Official
    judiciary: Organization
    province: Organization
    council: Organization
    agency: Organization


def seed_lines() -> list[str]:
    text = SEED_FILE.read_text(encoding="utf-8-sig")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if COMMENTS_HEADING in lines:
        lines = lines[: lines.index(COMMENTS_HEADING)]
    return lines


@dataclass
class Newsroom:
    """What the desk knows before the release arrives: who the official is, and his organizations."""

    official: Official
    judiciary: Organization
    province: Organization
    council: Organization
    agency: Organization


def build_newsroom() -> Newsroom:
    judiciary = make_organization(name="قوه قضائیه", slug="قوه-قضائیه", kind=Organization.Kind.JUDICIARY)
    province = make_organization(
        name="دادگستری کل استان فارس",
        slug="دادگستری-کل-استان-فارس",
        aliases="دادگستری استان فارس\nدادگستری فارس",
        kind=Organization.Kind.COURT,
        parent=judiciary,
    )
    council = make_organization(
        name="شورای قضایی استان فارس",
        slug="شورای-قضایی-استان-فارس",
        kind=Organization.Kind.COUNCIL,
        parent=province,
    )
    agency = make_organization(name="شیرازه", slug="شیرازه", kind=Organization.Kind.MEDIA)
    official = make_official(name="سید کاظم موسوی", honorific="حجت الاسلام و المسلمین", slug="سید-کاظم-موسوی")
    # Position.objects.create, not make_position: its defaults build a spare official and organization
    # even when both are given (setdefault evaluates its argument).
    for organization, position_title in (
        (province, "رئیس کل دادگستری استان فارس"),
        (council, "رئیس شورای قضایی استان فارس"),
        (judiciary, "نماینده عالی قوه قضائیه در استان فارس"),
    ):
        Position.objects.create(official=official, organization=organization, title=position_title)
    return Newsroom(official, judiciary, province, council, agency)


def build_seed_site(**article_kwargs) -> SeedSite:
    kicker, title, lead, *body = seed_lines()
    n = build_newsroom()
    article_kwargs.setdefault("section", make_section(name="قضایی", slug="قضایی"))
    article = make_article(
        kicker=kicker,
        title=title,
        lead=lead,
        body="".join(f"<p>{line}</p>" for line in body),
        source=n.agency,
        officials=[n.official],
        organizations=[n.judiciary, n.province, n.council],
        **article_kwargs,
    )
    refresh_search_document(article)
    article.refresh_from_db()
    return SeedSite(article, n.official, n.judiciary, n.province, n.council, n.agency)


def add_english(article: Article, *, title: str = "Fars judiciary leads in e-services") -> Article:
    article.set_current_language("en")
    article.title = title
    article.slug = "fars-judiciary-e-services"
    article.lead = "The head of the Fars province judiciary spoke to the province's judicial managers."
    article.body = "<p>Fars province judiciary is among the pioneers of electronic judicial services.</p>"
    article.save()
    article.set_current_language("fa")
    return article


# A front page as a provincial news site has it ---------------------------------------------------------

FRONT_SECTIONS = [
    ("استانی", "ostani"),
    ("قضایی", "ghazaei"),
    ("اقتصادی", "eghtesadi"),
    ("فرهنگی", "farhangi"),
]
FRONT_STORIES = [
    # (section slug, kicker, headline, lead)
    (
        "ostani",
        "استاندار فارس در جلسه شورای برنامه‌ریزی استان:",
        "۱۲ هزار میلیارد ریال اعتبار برای تکمیل طرح‌های نیمه‌تمام فارس تخصیص یافت",
        "استاندار فارس گفت: اعتبار طرح‌های عمرانی نیمه‌تمام استان امسال دو برابر شده "
        "و اولویت با آب و راه روستایی است.",
    ),
    ("ostani", "", "بارش باران در ۱۸ شهرستان فارس؛ هشدار زرد هواشناسی صادر شد", "ورود سامانه بارشی از فردا."),
    ("ostani", "", "آغاز عملیات اجرایی کمربندی جنوبی شیراز", "طول این کمربندی ۲۴ کیلومتر است."),
    ("ostani", "", "ثبت‌نام ۴۰ هزار متقاضی در طرح نهضت ملی مسکن استان", "متقاضیان تا پایان ماه فرصت دارند."),
    (
        "ghazaei",
        "رئیس کل دادگستری فارس:",
        "مجموعه قضایی فارس از پیشگامان خدمات الکترونیک قضایی در سطح کشور است",
        "رئیس کل دادگستری استان فارس از کاهش مراجعه حضوری مردم به دادگاه‌ها خبر داد.",
    ),
    ("ghazaei", "", "آزادی ۸۵ زندانی جرائم غیرعمد با کمک خیران شیرازی", "ستاد دیه استان اعلام کرد."),
    ("ghazaei", "", "برگزاری میز خدمت قضایی در نماز جمعه شیراز", "قضات به پرسش‌های مردم پاسخ دادند."),
    ("eghtesadi", "", "صادرات غیرنفتی فارس ۱۵ درصد افزایش یافت", "بیشترین صادرات به عراق و امارات بوده است."),
    ("eghtesadi", "", "خرید تضمینی گندم در فارس از یک میلیون تن گذشت", "مطالبات کشاورزان پرداخت می‌شود."),
    ("eghtesadi", "", "افتتاح سه واحد صنعتی در شهرک صنعتی بزرگ شیراز", "با اشتغال ۳۲۰ نفر."),
    ("farhangi", "", "جشنواره تئاتر فجر استان فارس با ۲۴ نمایش آغاز شد", "اجراها در تالار حافظ است."),
    ("farhangi", "", "مرمت بافت تاریخی شیراز به مرحله دوم رسید", "میراث فرهنگی استان اعلام کرد."),
    ("farhangi", "", "نمایشگاه کتاب استان در محل نمایشگاه‌های بین‌المللی شیراز برپا می‌شود", ""),
]
# Sky, ground and sun colours, so each photo in a screenshot is told apart.
PALETTES = [
    ((70, 130, 200), (80, 120, 60), (250, 210, 60)),
    ((200, 120, 80), (120, 90, 60), (255, 240, 200)),
    ((40, 60, 110), (60, 60, 60), (230, 230, 250)),
    ((120, 170, 160), (150, 120, 70), (250, 180, 80)),
]


def scenic_photo(n: int, width: int = 1600, height: int = 1067) -> bytes:
    """A picture that reads as a photo in a screenshot (sky, ground, a sun), different for each n."""
    import io

    from PIL import Image, ImageDraw

    sky, ground, sun = PALETTES[n % len(PALETTES)]
    picture = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(picture)
    for y in range(0, height * 2 // 3, 4):
        shade = y * 60 // height
        draw.rectangle((0, y, width, y + 4), fill=tuple(min(255, c + shade) for c in sky))
    draw.rectangle((0, height * 2 // 3, width, height), fill=ground)
    x = width * (0.15 + 0.2 * (n % 4))
    draw.ellipse((x, height * 0.15, x + width * 0.14, height * 0.15 + width * 0.14), fill=sun)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85)
    return out.getvalue()


def build_front(*, photos: bool) -> list[Article]:
    """Sections and stories of a provincial news site, newest first as FRONT_STORIES lists them (the
    first is the lead); with `photos`, all but every fourth story have one (a front is never all photos).
    The third story is urgent; readers' daily views make the most-read lists. Call within
    django_capture_on_commit_callbacks(execute=True) so the photos get their renditions."""
    from datetime import timedelta

    from django.utils import timezone

    from articles.models import DailyViewCount
    from tests.factories import attach_image

    sections = {
        slug: make_section(name=name, slug=slug, position=n) for n, (name, slug) in enumerate(FRONT_SECTIONS)
    }
    now = timezone.now()
    stories = []
    for n, (slug, kicker, title, lead) in enumerate(FRONT_STORIES):
        article = make_article(
            kicker=kicker,
            title=title,
            lead=lead,
            body="".join(f"<p>{lead or title} بند {k}.</p>" for k in range(6)),
            section=sections[slug],
            published_at=now - timedelta(minutes=20 + 47 * n),
            urgent=n == 2,
        )
        if photos and n % 4 != 3:
            attach_image(article, data=scenic_photo(n), name=f"photo-{n}.jpg")
        stories.append(article)
    today = timezone.localdate()
    for rank, article in enumerate(reversed(stories)):
        DailyViewCount.objects.create(article=article, day=today, views=10 + rank * 7)
        DailyViewCount.objects.create(article=article, day=today - timedelta(days=3), views=(rank % 5) * 40)
    return stories
