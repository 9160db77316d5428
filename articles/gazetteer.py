"""The gazetteer: officials and organizations kept as data (seeds/gazetteer.toml), loaded idempotently.

Entries are matched by slug and created only when missing, so loading twice changes nothing and an
editor's later changes in the admin are never overwritten by the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from articles.models import Official, Organization, Position
from articles.persian import latin_digits, parse_jalali_date

ORGANIZATION_KINDS = {choice.value for choice in Organization.Kind}


class GazetteerError(ValueError):
    pass


@dataclass
class LoadReport:
    organizations_created: int = 0
    officials_created: int = 0
    positions_created: int = 0
    problems: list[str] = field(default_factory=list)


def read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: {exc}") from None


@transaction.atomic
def load(path: Path) -> LoadReport:
    """Create the organizations, officials and positions in `path` that do not exist yet."""
    data = read(path)
    report = LoadReport()
    by_slug = {org.slug: org for org in Organization.objects.all()}
    for number, entry in enumerate(data.get("organizations", []), start=1):
        where = f"{path}: organizations #{number}"
        name = _required(entry, "name", where)
        slug = entry.get("slug") or slugify(name, allow_unicode=True)
        kind = entry.get("kind", Organization.Kind.OTHER)
        if kind not in ORGANIZATION_KINDS:
            raise GazetteerError(
                f"{where}: unknown kind {kind!r} (one of {', '.join(sorted(ORGANIZATION_KINDS))})"
            )
        parent = None
        if entry.get("parent"):
            parent = by_slug.get(entry["parent"])
            if parent is None:
                raise GazetteerError(f"{where}: parent {entry['parent']!r} is not defined before it")
        if slug in by_slug:
            continue
        org = Organization(
            slug=slug,
            kind=kind,
            parent=parent,
            short_name=entry.get("short_name", ""),
            aliases="\n".join(entry.get("aliases", [])),
        )
        org.set_current_language("fa")
        org.name = name
        org.description = entry.get("description", "")
        org.full_clean()
        org.save()
        by_slug[slug] = org
        report.organizations_created += 1

    officials = {official.slug: official for official in Official.objects.all()}
    for number, entry in enumerate(data.get("officials", []), start=1):
        where = f"{path}: officials #{number}"
        name = _required(entry, "name", where)
        slug = entry.get("slug") or slugify(name, allow_unicode=True)
        official = officials.get(slug)
        if official is None:
            official = Official(
                slug=slug,
                name=name,
                honorific=entry.get("honorific", ""),
                aliases="\n".join(entry.get("aliases", [])),
                bio=entry.get("bio", ""),
                is_verified=True,
            )
            official.full_clean()
            official.save()
            officials[slug] = official
            report.officials_created += 1
        for position in entry.get("positions", []):
            title = _required(position, "title", where)
            org = by_slug.get(position.get("organization", ""))
            if org is None:
                raise GazetteerError(f"{where}: position {title!r} names an unknown organization")
            _, created = Position.objects.get_or_create(
                official=official,
                organization=org,
                title=title,
                defaults={
                    "start_date": _date(position.get("start"), where),
                    "end_date": _date(position.get("end"), where),
                },
            )
            report.positions_created += created
    return report


def _required(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise GazetteerError(f"{where}: {key!r} is missing")
    return value.strip()


def _date(value, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = latin_digits(str(value))
    try:
        if int(text[:4]) < 1700:
            return parse_jalali_date(text)
        return date.fromisoformat(text)
    except ValueError as exc:
        raise GazetteerError(f"{where}: bad date {value!r} ({exc})") from None
