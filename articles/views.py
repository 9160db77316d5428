"""Reader pages. Every queryset starts from Article.objects.published(); staff may preview drafts."""

from __future__ import annotations

from urllib.parse import unquote

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from articles.models import Article, Official, Organization, Section


class PublishedArticlesMixin:
    """Owns the article queryset for every reader page."""

    def article_queryset(self):
        return (
            Article.objects.published().select_related("section", "source").prefetch_related("translations")
        )


class FrontPageView(PublishedArticlesMixin, ListView):
    template_name = "articles/front.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return self.article_queryset()


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        user = self.request.user
        if user.is_authenticated and user.is_staff and user.has_perm("articles.view_article"):
            # Staff preview drafts and scheduled articles at the same address.
            return Article.objects.select_related("section", "source").prefetch_related("translations")
        return self.article_queryset()

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), news_code=self.kwargs["code"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        canonical = self.object.get_absolute_url()
        if request.path != unquote(canonical):  # reverse() percent-encodes Persian slugs
            return HttpResponsePermanentRedirect(canonical)
        context = self.get_context_data(object=self.object)
        response = self.render_to_response(context)
        if not self.object.is_published:
            response["Cache-Control"] = "private, no-store"
        return response


def short_link(request, code: int):
    article = get_object_or_404(Article.objects.published(), news_code=code)
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
    template_name = "articles/official.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.official = get_object_or_404(Official.objects.public(), slug=self.kwargs["slug"])
        return self.article_queryset().filter(officials=self.official)

    def get_context_data(self, **kwargs):
        return super().get_context_data(official=self.official, **kwargs)


class OrganizationView(PublishedArticlesMixin, ListView):
    template_name = "articles/organization.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.organization = get_object_or_404(Organization, slug=self.kwargs["slug"])
        return self.article_queryset().filter(organizations=self.organization)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organization=self.organization, **kwargs)
