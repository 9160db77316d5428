from django.urls import path

from identity import views

app_name = "identity"

urlpatterns = [
    path("pages/<str:slug>/", views.FooterPageView.as_view(), name="page"),
]
