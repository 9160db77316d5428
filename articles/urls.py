from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.FrontPageView.as_view(), name="front"),
    path("news/<int:code>/<str:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("news/<int:code>/", views.ArticleDetailView.as_view(), name="detail-no-slug"),
    path("n/<int:code>", views.short_link, name="short"),
    path("section/<str:slug>/", views.SectionView.as_view(), name="section"),
    path("officials/<str:slug>/", views.OfficialView.as_view(), name="official"),
    path("organizations/<str:slug>/", views.OrganizationView.as_view(), name="organization"),
]
