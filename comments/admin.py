from django.contrib import admin

from comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "display_name", "status", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["body", "name"]
    list_select_related = ["article"]
    raw_id_fields = ["article", "parent", "official", "author"]
    readonly_fields = ["created_at", "ip_hash", "likes", "dislikes", "report_count"]
