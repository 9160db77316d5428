"""Reader pages. Every article queryset starts from Article.objects.published() (through
PublishedArticlesMixin; the front page's section blocks then fetch by ids chosen from it); staff may
preview drafts on the article page, which is then never cached."""

from __future__ import annotations

from urllib.parse import unquote

from django.conf import settings
from django.db.models import F, Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from articles import frontpage, preview, search, viewcount
from articles.models import (
    Article,
    ArticleQuerySet,
    Official,
    Organization,
    Position,
    Section,
    Tag,
    tag_slug,
)

LATEST_ON_FRONT = 10
TOP_STORIES_ON_FRONT = 2  # under the lead story, with their photos
PER_SECTION_ON_FRONT = 4
RELATED_COUNT = 5


class PublishedArticlesMixin:
    """Owns the article queryset for every reader page: published, in the page's language."""

    def article_queryset(self) -> ArticleQuerySet:
        # An article is offered in a language only when it has that translation (no English page
        # falls back to Persian text).
        return Article.objects.published().translated(get_language()).for_listing()


class FrontPageView(PublishedArticlesMixin, ListView):
    """The lead story and the two after it, the latest news, most read, and the newest few of each
    section."""

    template_name = "articles/front.html"
    context_object_name = "latest"

    def get_queryset(self):
        return self.article_queryset()[: 1 + TOP_STORIES_ON_FRONT + LATEST_ON_FRONT]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(context["latest"])
        context["lead_story"] = latest[0] if latest else None
        context["top_stories"] = latest[1 : 1 + TOP_STORIES_ON_FRONT]
        context["latest"] = latest[1 + TOP_STORIES_ON_FRONT :]
        context["section_blocks"] = Section.objects.with_newest(self.article_queryset(), PER_SECTION_ON_FRONT)
        context["most_read"] = frontpage.most_read(self.article_queryset())
        return context


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    # The print view reuses this view without the redirect or the view count.
    is_print = False

    def visible_articles(self) -> ArticleQuerySet:
        user = self.request.user
        if user.is_authenticated and user.is_staff and user.has_perm("articles.view_article"):
            # Staff preview drafts and scheduled articles at the same address.
            return Article.objects.all()
        return Article.objects.published()

    def get_queryset(self):
        queryset = self.visible_articles()
        # The search document is a second copy of the text, for search only: never shown.
        return (
            queryset.select_related("section", "source")
            .defer("search_document")
            .prefetch_related(
                "translations",
                "section__translations",
                Prefetch("officials", queryset=Official.objects.public()),
                "organizations",
                # The tags with a name in the page's language (a tag without one has no page here).
                Prefetch("tags", queryset=Tag.objects.for_language(get_language()).order_by("pk")),
            )
        )

    def get_object(self, queryset=None):
        article = get_object_or_404(self.get_queryset(), news_code=self.kwargs["code"])
        if not article.has_translation(get_language()):
            raise Http404("This article has no translation in this language.")
        return article

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # Decided once: the clock may pass a scheduled time between here and the headers.
        self.is_preview = not self.object.is_published
        if not self.is_print:
            canonical = self.object.get_absolute_url()
            if request.path != unquote(canonical):  # reverse() percent-encodes Persian slugs
                return HttpResponsePermanentRedirect(canonical)
            if not self.is_preview and viewcount.record_view(request, self.object):
                self.object.view_count += 1  # the row was bumped with F(); show the reader's own view
        return self.render_article()

    def render_article(self, **extra):
        response = self.render_to_response(self.get_context_data(object=self.object, **extra))
        return preview.protect(response) if self.is_preview else response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        # The source agency and the organizations mentioned are one model: their names in one query.
        prefetch_related_objects(
            [org for org in (article.source, *article.organizations.all()) if org], "translations"
        )
        context["related"] = list(self.article_queryset().related_to(article)[:RELATED_COUNT])
        if not self.is_print:
            context["most_read"] = frontpage.most_read(self.article_queryset())
        context["languages"] = self.alternate_urls(article)
        context["is_print"] = self.is_print
        # Staff looking at a draft, an article in review or a scheduled one: say so, and offer nothing
        # a reader would share (articles/preview.py).
        context["preview"] = self.is_preview
        if self.is_preview:
            context["preview_state"] = preview.banner_state(article)
        return context

    def get_template_names(self):
        return ["articles/article_print.html"] if self.is_print else [self.template_name]

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


class SignedPreviewView(ArticleDetailView):
    """The article behind a signed preview link, for someone without an account (articles/preview.py).

    A tampered, expired or revoked link is a 404. Once the article is live the link is no longer a
    preview: it redirects (temporarily, never cached) to the public page.
    """

    def visible_articles(self) -> ArticleQuerySet:
        return Article.objects.all()  # the signed link decides, whoever follows it

    def get(self, request, *args, **kwargs):
        try:
            link = preview.read_token(self.kwargs["token"])
        except preview.InvalidPreviewLink:
            raise Http404("No such preview.") from None
        self.object = get_object_or_404(self.get_queryset(), pk=link.article_pk, preview_nonce=link.nonce)
        self.is_preview = not self.object.is_published
        if not self.is_preview:
            return preview.protect(HttpResponseRedirect(self.object.get_absolute_url()))
        if not self.object.has_translation(get_language()):
            # The page speaks Persian; a draft written only in English is still shown.
            self.object.set_current_language(self.object.get_available_languages()[0])
        response = self.render_article(preview_link=link)
        # The token is the key: links followed from the page must not carry it in a Referer header.
        response["Referrer-Policy"] = "no-referrer"
        return response


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


class TagView(PublishedArticlesMixin, ListView):
    """A tag's articles, newest first, paginated like a section. A tag has a page in each language it
    has a name in; an address spelt another way («الكترونيك» for «الکترونیک») redirects to its own."""

    template_name = "articles/tag.html"
    context_object_name = "articles"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        slug = self.kwargs["slug"]
        tags = Tag.objects.for_language(get_language())
        self.tag = tags.filter(slug=slug).first()
        if self.tag is None:
            canonical = tags.filter(slug=tag_slug(slug)).first() if tag_slug(slug) != slug else None
            if canonical is None:
                raise Http404("No such tag in this language.")
            return HttpResponsePermanentRedirect(canonical.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.article_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


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
        "Disallow: /preview/",
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


def bad_request(request, exception=None):
    """Malformed input: a NUL in the address, a form sent in another charset. Unlike Django's own
    handler it never reads the request's form data (that is what failed to decode) and runs no
    context processor or query. Always Persian, like the 500 page: the request may be refused before
    its language is known."""
    from django.template import loader

    with translation.override(settings.LANGUAGE_CODE):
        return HttpResponse(loader.get_template("400.html").render(), status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database: the failure may be the database.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
