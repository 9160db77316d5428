"""Finding the officials and organizations an article mentions, by alias over normalized text.

`MentionIndex.load()` reads every alias once (two queries); `find_mentions()` then works on text alone,
so the importer builds one index per run and matches thousands of articles without another query.
A person introduced by a known honorific whose name is not in the index is returned as a proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from articles.persian import normalize

# Longest first, so `حجت الاسلام و المسلمین` wins over `حجت الاسلام`. Written as normalize() leaves them.
HONORIFICS = (
    "حجت الاسلام و المسلمین",
    "حجت الاسلام والمسلمین",
    "حجت الاسلام",
    "آیت الله العظمی",
    "آیت الله",
    "دکتر",
    "مهندس",
    "سرلشکر",
    "سرتیپ",
    "سرهنگ",
    "سردار",
)
# Words that end a name: prepositions, verbs and the job titles that usually follow one.
_NAME_STOPS = frozenset(
    normalize(word)
    for word in (
        "در",
        "با",
        "که",
        "و",
        "به",
        "از",
        "را",
        "این",
        "آن",
        "طی",
        "ضمن",
        "نیز",
        "هم",
        "گفت",
        "افزود",
        "تاکید",
        "تأکید",
        "بیان",
        "اظهار",
        "رئیس",
        "معاون",
        "مدیر",
        "مدیرکل",
        "دبیر",
        "نماینده",
        "استاندار",
        "فرماندار",
        "دادستان",
        "وزیر",
        "عضو",
        "سخنگوی",
        "امام",
        "جمعه",
        "فرمانده",
        "قاضی",
        "پیش",
        "روز",
    )
)
_NAME_PREFIXES = frozenset({"سید", "سیده", "میر"})
_WORD = re.compile(r"[^\W\d_]+")
_WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class Proposal:
    """Someone introduced by an honorific whom the index does not know."""

    honorific: str
    name: str


@dataclass
class Mentions:
    official_ids: set[int] = field(default_factory=set)
    organization_ids: set[int] = field(default_factory=set)
    proposals: list[Proposal] = field(default_factory=list)


class MentionIndex:
    """Normalized aliases of every official and organization, compiled into one pattern."""

    def __init__(self, officials: dict[str, int], organizations: dict[str, int]):
        self.officials = dict(officials)
        self.organizations = dict(organizations)
        self._compile()

    @classmethod
    def load(cls) -> MentionIndex:
        """Two queries: organizations with their translations, and officials (unconfirmed ones too, so a
        proposal is linked again rather than proposed twice)."""
        from articles.models import Official, Organization

        organizations: dict[str, int] = {}
        for org in Organization.objects.prefetch_related("translations"):
            names = [t.name for t in org.translations.all()] + [org.short_name, org.aliases]
            for alias in _aliases(names):
                organizations.setdefault(alias, org.pk)
        officials: dict[str, int] = {}
        for official in Official.objects.only("pk", "name", "aliases").order_by("-is_verified", "pk"):
            for alias in _aliases([official.name, official.aliases]):
                officials.setdefault(alias, official.pk)
        return cls(officials, organizations)

    def add_official(self, name: str, pk: int) -> None:
        """Remember an official created during a run (a proposal), so later articles link to it.

        Introduced by an honorific, the name is linked at once; by name alone, after refresh() (the
        importer calls it once per chunk: compiling the pattern per proposal would cost more than matching).
        """
        for alias in _aliases([name]):
            self.officials.setdefault(alias, pk)
        self._stale = True

    def refresh(self) -> None:
        if self._stale:
            self._compile()

    def _compile(self) -> None:
        self._stale = False
        aliases = sorted({*self.officials, *self.organizations}, key=len, reverse=True)
        alternation = "|".join(re.escape(alias) for alias in aliases) or r"(?!)"
        # Tried only where a word that starts some alias starts (see find_mentions); `(?!\w)` keeps
        # `فارس` from matching `فارسی`. Every word start is tried, so `قوه قضائیه` is found inside
        # `ستاد بزرگداشت هفته قوه قضائیه` too.
        self._aliases = re.compile(rf"(?:{alternation})(?!\w)")
        self._alias_starts = {_first_word(alias) for alias in aliases}
        honorifics = [normalize(h) for h in HONORIFICS]
        self._honorific = re.compile("(" + "|".join(re.escape(h) for h in honorifics) + r")\s+")
        self._honorific_starts = {_first_word(h) for h in honorifics}
        starts = sorted(self._alias_starts | self._honorific_starts, key=len, reverse=True)
        self._starts = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in starts) + r")(?!\w)")


def find_mentions(text: str, index: MentionIndex, *, normalized: bool = False) -> Mentions:
    """The one mention finder: aliases over normalize(text), plus honorific proposals. No queries.

    Pass `normalized=True` when `text` already went through normalize(), to save doing it twice.
    """
    key = text if normalized else normalize(text)
    found = Mentions()
    official_starts: set[int] = set()
    honorifics: list[re.Match] = []
    # Finding the words a name can start with, then trying the long patterns only there, is several
    # times faster than letting the long patterns try every character.
    for word in index._starts.finditer(key):
        if word.group() in index._alias_starts:
            match = index._aliases.match(key, word.start())
            if match:
                alias = match.group()
                if alias in index.officials:
                    found.official_ids.add(index.officials[alias])
                    official_starts.add(match.start())
                if alias in index.organizations:
                    found.organization_ids.add(index.organizations[alias])
        if word.group() in index._honorific_starts:
            match = index._honorific.match(key, word.start())
            if match:
                honorifics.append(match)
    seen: set[str] = set()
    for match in honorifics:
        name = _name_after(key, match.end())
        if not name or match.end() in official_starts or name in seen:
            continue
        known = _known(name, index)
        if known is not None:
            found.official_ids.add(known)
            continue
        seen.add(name)
        found.proposals.append(Proposal(honorific=match.group(1), name=name))
    return found


def _first_word(text: str) -> str:
    match = _WORD_RUN.match(text)
    return match.group() if match else text[:1]


def _name_after(key: str, start: int) -> str:
    """Up to three words (four after سید) that are not stop words: `سید کاظم موسوی`."""
    words: list[str] = []
    position = start
    while len(words) < (4 if words[:1] and words[0] in _NAME_PREFIXES else 3):
        match = _WORD.match(key, position)
        if not match or match.group() in _NAME_STOPS:
            break
        words.append(match.group())
        position = match.end()
        if position < len(key) and key[position] != " ":
            break  # punctuation ends the name
        position += 1
    # One word is a surname at best, too little to propose a person from.
    return " ".join(words) if len(words) >= 2 else ""


def _known(name: str, index: MentionIndex) -> int | None:
    """The official whose alias is the name, or its first words."""
    words = name.split()
    for n in range(len(words), 1, -1):
        pk = index.officials.get(" ".join(words[:n]))
        if pk is not None:
            return pk
    return None


def _aliases(values: list[str]) -> list[str]:
    result = []
    for value in values:
        for line in (value or "").splitlines():
            alias = normalize(line)
            if len(alias) >= 2:
                result.append(alias)
    return result


def link_new_article(article) -> Mentions:
    """Link a new article to what its text mentions (all its translations), keeping the editor's own links.

    Called once, when an article is created in the admin; never on later saves, so a link an editor
    removes stays removed. Queries: the index (two), the translations, and one insert per relation.
    Proposals are left to the importer: a hand-written article names people the editor already knows.
    """
    from django.utils.html import strip_tags

    parts = []
    for translation in article.translations.all():
        parts += [translation.kicker, translation.title, translation.lead, strip_tags(translation.body)]
    found = find_mentions("\n".join(part for part in parts if part), MentionIndex.load())
    found.organization_ids.discard(article.source_id)
    if found.official_ids:
        article.officials.add(*found.official_ids)
    if found.organization_ids:
        article.organizations.add(*found.organization_ids)
    return found
