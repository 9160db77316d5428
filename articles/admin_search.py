"""The admin's search, on the project's one normalization: `الكترونيك` finds `الکترونیک`, as on the site.

Each admin searches a normalized column (`search_document`, kept by the models' save paths) with the
search words normalized the same way; Django's own search then does the rest (words, quoted phrases,
autocomplete, which calls get_search_results too)."""

from __future__ import annotations

from articles.persian import normalize


class NormalizedSearchMixin:
    """For a ModelAdmin whose `search_fields` name normalized columns (and plain codes such as news_code:
    normalize() also turns Persian digits into the Latin ones stored there)."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, normalize(search_term))
