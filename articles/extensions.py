"""Extension points: where apps built on articles plug in, without articles knowing they exist.

As Wagtail's hooks or `admin.site.register`: a higher app registers callables here from its
`AppConfig.ready()`, and articles calls whatever is registered. Articles never imports the apps that
register, nor names their models or relations (tests/test_boundaries.py keeps it so).

- `admin_columns`: extra columns in the article admin's change list, each with the queryset
  annotations it reads, applied in the one list query (articles/admin.py, ArticleAdmin).
- `import_hooks`: called by the importer with the articles a chunk created or updated and the press
  releases they came from, inside the chunk's transaction (articles/importing/importer.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

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
