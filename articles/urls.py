from django.urls import path

from articles import feeds, views

app_name = "articles"

# Readers and other sites link to these: keep them stable.
urlpatterns = [
    path("", views.FrontPageView.as_view(), name="front"),
    # Before the canonical route, which would take "print" for a slug.
    path("news/<int:code>/print/", views.ArticlePrintView.as_view(), name="print"),
    path("news/<int:code>/<str:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("news/<int:code>/", views.ArticleDetailView.as_view(), name="detail-no-slug"),
    path("n/<int:code>", views.short_link, name="short"),
    path("section/<str:slug>/", views.SectionView.as_view(), name="section"),
    path("section/<str:slug>/feed/", feeds.SectionFeed(), name="section-feed"),
    path("officials/<str:slug>/", views.OfficialView.as_view(), name="official"),
    path("officials/<str:slug>/feed/", feeds.OfficialFeed(), name="official-feed"),
    path("organizations/<str:slug>/", views.OrganizationView.as_view(), name="organization"),
    path("tag/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("tag/<str:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
]
