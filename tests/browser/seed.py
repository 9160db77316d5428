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
