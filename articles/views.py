"""Reader pages. Every article queryset starts from Article.objects.published() (through
PublishedArticlesMixin; the front page's section blocks then fetch by ids chosen from it); staff may
preview drafts on the article page, which is then never cached."""

from __future__ import annotations

from urllib.parse import unquote

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Prefetch, Subquery
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from articles import search, viewcount
from articles.models import Article, ArticleQuerySet, Official, Organization, Position, Section

LATEST_ON_FRONT = 10
PER_SECTION_ON_FRONT = 4
RELATED_COUNT = 5


class PublishedArticlesMixin:
    """Owns the article queryset for every reader page: published, in the page's language."""

    def article_queryset(self):
        # An article is offered in a language only when it has that translation (no English page
        # falls back to Persian text).
        return self.for_listing(Article.objects.published().translated(get_language()))

    @staticmethod
    def for_listing(queryset: ArticleQuerySet) -> ArticleQuerySet:
        """What a list of articles shows besides the article: its section, and both in every language."""
        return queryset.select_related("section").prefetch_related("translations", "section__translations")


class FrontPageView(PublishedArticlesMixin, ListView):
    """The lead story, the latest news, and the newest few of each section."""

    template_name = "articles/front.html"
    context_object_name = "latest"

    def get_queryset(self):
        return self.article_queryset()[: LATEST_ON_FRONT + 1]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(context["latest"])
        context["lead_story"] = latest[0] if latest else None
        context["latest"] = latest[1:]
        context["section_blocks"] = self.section_blocks()
        return context

    def section_blocks(self) -> list[tuple[Section, list[Article]]]:
        """The newest few of each section, in section order; sections with nothing published get no block.

        Two queries (+ translations) whatever the number of sections, and work bounded by the number of
        sections, not the size of the archive: the first asks each section for the ids of its newest
        few (one short walk down the section's index per slot), the second fetches those by id. A section
        whose newest article is old still gets its block.
        """
        # Newest first (the Meta ordering); the section index serves it.
        newest_ids = self.article_queryset().filter(section=OuterRef("pk")).values("pk")
        slots = [f"newest_{slot}" for slot in range(PER_SECTION_ON_FRONT)]
        sections = list(
            Section.objects.annotate(
                **{name: Subquery(newest_ids[slot : slot + 1]) for slot, name in enumerate(slots)}
            ).prefetch_related("translations")
        )
        wanted = {getattr(section, name) for section in sections for name in slots} - {None}
        by_section: dict[int, list[Article]] = {}
        # The ids were chosen from published() just now. Filtering on it again would make SQLite walk
        # every published article by date (its planner prefers that index to looking up a few ids).
        for article in self.for_listing(Article.objects.filter(pk__in=wanted)):  # newest first
            by_section.setdefault(article.section_id, []).append(article)
        return [(section, by_section[section.pk]) for section in sections if section.pk in by_section]


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    # The print view reuses this view without the redirect or the view count.
    is_print = False

    def get_queryset(self):
        user = self.request.user
        if user.is_authenticated and user.is_staff and user.has_perm("articles.view_article"):
            # Staff preview drafts and scheduled articles at the same address.
            queryset = Article.objects.all()
        else:
            queryset = Article.objects.published()
        return queryset.select_related("section", "source").prefetch_related(
            "translations",
            "section__translations",
            "source__translations",
            Prefetch("officials", queryset=Official.objects.public()),
            Prefetch("organizations", queryset=Organization.objects.prefetch_related("translations")),
        )

    def get_object(self, queryset=None):
        article = get_object_or_404(self.get_queryset(), news_code=self.kwargs["code"])
        if not article.has_translation(get_language()):
            raise Http404("This article has no translation in this language.")
        return article

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.is_print:
            canonical = self.object.get_absolute_url()
            if request.path != unquote(canonical):  # reverse() percent-encodes Persian slugs
                return HttpResponsePermanentRedirect(canonical)
            if self.object.is_published and viewcount.record_view(request, self.object):
                self.object.view_count += 1  # the row was bumped with F(); show the reader's own view
        response = self.render_to_response(self.get_context_data(object=self.object))
        if not self.object.is_published:
            response["Cache-Control"] = "private, no-store"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["related"] = self.related(article)
        context["languages"] = self.alternate_urls(article)
        context["is_print"] = self.is_print
        return context

    def get_template_names(self):
        return ["articles/article_print.html"] if self.is_print else [self.template_name]

    def related(self, article: Article) -> list[Article]:
        """Published articles sharing an official or an organization with this one, newest first.

        Walks the newest published articles, checking each for a shared mention with two index probes,
        and stops at five. When most articles mention the same official (press releases do), that is a
        handful of rows whatever the size of the archive. The cost is the number of articles newer than
        the fifth related one: an article whose mentions appear only in old articles walks that far back
        (measured at 50,000 articles: tens of milliseconds, against under a millisecond usually).
        """
        officials = [official.pk for official in article.officials.all()]
        organizations = [org.pk for org in article.organizations.all()]
        if not officials and not organizations:
            return []
        # One EXISTS over both mention tables. Two EXISTS joined by OR, or pk IN (the mentions), let
        # PostgreSQL first collect every mention of those officials, which grows with the archive; a
        # compound subquery it checks row by row.
        mentions = (
            Article.officials.through.objects.filter(article_id=OuterRef("pk"), official_id__in=officials)
            .values("article_id")
            .union(
                Article.organizations.through.objects.filter(
                    article_id=OuterRef("pk"), organization_id__in=organizations
                ).values("article_id"),
                all=True,
            )
        )
        shared = Exists(mentions)
        return list(self.article_queryset().filter(shared).exclude(pk=article.pk)[:RELATED_COUNT])

    @staticmethod
    def alternate_urls(article: Article) -> list[tuple[str, str]]:
        """(language, URL) for each language the article is translated into, for hreflang links."""
        available = set(article.get_available_languages())
        urls = []
        for code, _name in settings.LANGUAGES:
            if code in available:
                with translation.override(code):
                    article.set_current_language(code)
                    urls.append((code, article.get_absolute_url()))
        article.set_current_language(get_language())
        return urls


class ArticlePrintView(ArticleDetailView):
    is_print = True


def short_link(request, code: int):
    article = get_object_or_404(Article.objects.published().translated(get_language()), news_code=code)
    return HttpResponsePermanentRedirect(article.get_absolute_url())


class SectionView(PublishedArticlesMixin, ListView):
    template_name = "articles/section.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return self.article_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class OfficialView(PublishedArticlesMixin, ListView):
    """An official: current and past positions, and the articles that mention them, paginated."""

    template_name = "articles/official.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.official = get_object_or_404(Official.objects.public(), slug=self.kwargs["slug"])
        return self.article_queryset().filter(officials=self.official)

    def get_context_data(self, **kwargs):
        # Current positions (no end date) first on every database: PostgreSQL sorts NULLs last.
        positions = (
            self.official.positions.select_related("organization")
            .prefetch_related("organization__translations")
            .order_by(F("end_date").desc(nulls_first=True), F("start_date").desc(nulls_last=True), "id")
        )
        return super().get_context_data(official=self.official, positions=positions, **kwargs)


class OrganizationView(PublishedArticlesMixin, ListView):
    """An organization: its place in the hierarchy, who holds positions there now, and its articles."""

    template_name = "articles/organization.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.organization = get_object_or_404(
            Organization.objects.select_related("parent"), slug=self.kwargs["slug"]
        )
        return self.article_queryset().filter(organizations=self.organization)

    def get_context_data(self, **kwargs):
        organization = self.organization
        current = (
            Position.objects.filter(organization=organization, end_date__isnull=True)
            .filter(official__in=Official.objects.public())
            .select_related("official")
        )
        return super().get_context_data(
            organization=organization,
            ancestors=organization.ancestors(),
            children=organization.children.prefetch_related("translations"),
            current_positions=current,
            **kwargs,
        )


class SearchView(PublishedArticlesMixin, ListView):
    """One search page; the query itself lives in articles/search.py."""

    template_name = "articles/search.html"
    context_object_name = "articles"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        self.form = search.SearchForm(request.GET or None)
        self.terms: list[str] = []
        if self.form.is_bound and not self.form.is_valid():
            self.object_list = Article.objects.none()
            return render(request, self.template_name, {"form": self.form}, status=400)
        if self.form.is_bound:
            self.terms = search.terms(self.form.cleaned_data["q"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.terms:
            return Article.objects.none()
        return search.search_articles(self.article_queryset(), self.terms)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, terms=self.terms, **kwargs)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        # Comment actions (vote, report, reply pages); the thread itself is on the article page.
        "Disallow: /comments/",
        "Disallow: /en/comments/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap-news'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database: the failure may be the database.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
