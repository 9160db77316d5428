"""Extension points: where apps built on articles plug in, without articles knowing they exist.

As Wagtail's hooks or `admin.site.register`: a higher app registers callables here from its
`AppConfig.ready()`, and articles calls whatever is registered. Articles never imports the apps that
register, nor names their models or relations (tests/test_boundaries.py keeps it so).

- `admin_columns`: extra columns in the article admin's change list, each with the queryset
  annotations it reads, applied in the one list query (articles/admin.py, ArticleAdmin).
- `import_hooks`: called by the importer with the articles a chunk created or updated and the press
  releases they came from, inside the chunk's transaction (articles/importing/importer.py).
- `site_brand`: the site's name and pictures where articles draws or writes them outside a template
  (social cards, JSON-LD, feeds, the news sitemap); the identity app provides it. Templates read the
  same identity from their context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static

if TYPE_CHECKING:
    from django.db.models import Expression

    from articles.models import Article
    from articles.seedformat import PressRelease


# Admin list columns -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdminColumn:
    """`display(article)` is a list_display callable (decorate it with `admin.display` for its header
    and ordering); its `__name__` names the column (`<td class="field-NAME">`). It may read the
    attributes that `annotations` add to each row."""

    display: Callable[[Article], Any]
    annotations: Mapping[str, Expression]

    @property
    def name(self) -> str:
        return self.display.__name__


class AdminColumns:
    def __init__(self) -> None:
        self._columns: dict[str, AdminColumn] = {}

    def register(self, display: Callable[[Article], Any], *, annotations: Mapping[str, Expression]):
        """Add a column (or replace the one of the same name); returns `display`, so it can decorate."""
        column = AdminColumn(display=display, annotations=dict(annotations))
        self._columns[column.name] = column
        return display

    def unregister(self, name: str) -> None:
        self._columns.pop(name, None)

    def __iter__(self):
        return iter(list(self._columns.values()))

    def annotations(self) -> dict[str, Expression]:
        """Every registered column's annotations, each a fresh copy for one queryset."""
        return {alias: expr.copy() for column in self for alias, expr in column.annotations.items()}


admin_columns = AdminColumns()


# Import hooks -------------------------------------------------------------------------------------------


class Imported(NamedTuple):
    """An article the importer has just written, and the release it was written from."""

    article: Article
    release: PressRelease


ImportHook = Callable[[Sequence[Imported]], None]


class ImportHooks:
    def __init__(self) -> None:
        self._hooks: list[ImportHook] = []

    def register(self, hook: ImportHook) -> ImportHook:
        """`hook(imported)` runs once per written batch (a chunk of new articles, or one updated
        article), inside its transaction: raising a DatabaseError rolls the batch back with it. It
        should cost a fixed number of queries per call, not per article. Returns `hook`."""
        if hook not in self._hooks:
            self._hooks.append(hook)
        return hook

    def unregister(self, hook: ImportHook) -> None:
        if hook in self._hooks:
            self._hooks.remove(hook)

    def run(self, imported: Sequence[Imported]) -> None:
        if not imported:
            return
        for hook in list(self._hooks):
            hook(imported)


import_hooks = ImportHooks()


# The site's brand -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Picture:
    url: str  # absolute path or URL, as a page would write it
    width: int | None
    height: int | None
    open: Callable[[], IO[bytes]] | None = None  # its bytes, for drawing on a card


@dataclass(frozen=True)
class SiteBrand:
    """The site's name (in the active language), logo and default social image."""

    name: str
    logo: Picture | None
    social_image: Picture


def _static_picture(path: str, width: int | None, height: int | None) -> Picture:
    def opener() -> IO[bytes]:
        found = finders.find(path)
        if not found:
            raise FileNotFoundError(path)
        return open(found, "rb")  # noqa: SIM115 - the caller closes it

    return Picture(static(path), width, height, opener)


def default_brand() -> SiteBrand:
    """From settings: what a fresh site shows before anyone has edited its identity."""
    logo = settings.NEWSROOM_SITE_LOGO
    return SiteBrand(
        name=str(settings.NEWSROOM_SITE_NAME),
        logo=_static_picture(logo, None, None) if logo else None,
        social_image=_static_picture(settings.NEWSROOM_SITE_SOCIAL_IMAGE, 1200, 630),
    )


class SiteBrandProvider:
    """One provider at a time (the identity app's); without one, the settings' defaults."""

    def __init__(self) -> None:
        self._provider: Callable[[], SiteBrand] | None = None

    def provide(self, provider: Callable[[], SiteBrand] | None) -> None:
        self._provider = provider

    def __call__(self) -> SiteBrand:
        return self._provider() if self._provider is not None else default_brand()


site_brand = SiteBrandProvider()
