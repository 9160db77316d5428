"""The footer's pages (about us, contact, terms) for readers, in the language of the address."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import DetailView

from identity.models import FooterPage


class FooterPageView(DetailView):
    """Two queries: the page translated into this language with this slug there (slugs are unique per
    language), and its translations. A page not translated into the language is not found in it."""

    template_name = "identity/page.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        language = get_language()
        queryset = FooterPage.objects.translated(language, slug=self.kwargs["slug"])
        page = get_object_or_404(queryset.prefetch_related("translations"))
        page.set_current_language(language)
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"] = self.alternate_urls(self.object)
        return context

    @staticmethod
    def alternate_urls(page: FooterPage) -> list[tuple[str, str]]:
        """(language, URL) per translation, for hreflang links and the header's language switch."""
        available = {t.language_code for t in page.translations.all()}
        urls = []
        for code, _name in settings.LANGUAGES:
            if code in available:
                with translation.override(code):
                    page.set_current_language(code)
                    urls.append((code, page.get_absolute_url()))
        page.set_current_language(get_language())
        return urls
