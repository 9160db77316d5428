from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("<int:pk>/", views.show, name="show"),
    path("news/<int:code>/", views.post_comment, name="post"),
    path("<int:pk>/reply/", views.reply_form, name="reply"),
    path("<int:pk>/vote/", views.vote, name="vote"),
    path("<int:pk>/report/", views.report, name="report"),
]
