"""The moderators' queue: pending and reported comments with the article and parent shown, bulk approve,
reject with a reason, mark as spam. Every decision goes through comments.services."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.admin_display import PersianHistoryMixin, jalali_column
from articles.admin_search import NormalizedSearchMixin
from articles.models import Article
from articles.persian import jalali_datetime, persian_digits
from comments import services
from comments.admin_queue import (
    ModerationActionForm,
    QueueRowsMixin,
    SameReaderFilter,
    posted_reason,
    queue_urls,
)
from comments.models import Comment, PendingComment, RejectionReason, Report, ReportedComment, Vote, WordRule


class ReportInline(admin.TabularInline):
    model = Report
    extra = 0
    can_delete = False
    fields = ["reason", "created_at", "resolved_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class CommentAdmin(PersianHistoryMixin, NormalizedSearchMixin, admin.ModelAdmin):
    list_display = [
        "excerpt",
        "article_title",
        "parent_excerpt",
        "commenter",
        "status",
        "hold_reason",
        "reports",
        "posted",
    ]
    list_filter = ["status", "is_staff_reply", "is_official_reply", "created_at", SameReaderFilter]
    search_fields = ["search_document"]  # name and text, normalized
    list_select_related = ["parent"]
    raw_id_fields = ["article", "parent", "official"]
    readonly_fields = [
        "depth",
        "hold_reason",
        "created_at",
        "likes",
        "dislikes",
        "report_count",
        "moderated_at",
        "moderated_by",
        "author",
    ]
    fieldsets = [
        (None, {"fields": ["article", "parent", "depth", "name", "email", "body"]}),
        (
            _("Moderation"),
            {
                "fields": [
                    "status",
                    "rejection_reason",
                    "hold_reason",
                    "moderated_at",
                    "moderated_by",
                ]
            },
        ),
        (
            _("Newsroom and official replies"),
            {
                "fields": [
                    "author",
                    "is_staff_reply",
                    "is_official_reply",
                    "official",
                ]
            },
        ),
        (_("Readers"), {"fields": ["likes", "dislikes", "report_count", "created_at"]}),
    ]
    inlines = [ReportInline]
    action_form = ModerationActionForm
    actions = ["approve_comments", "reject_comments", "mark_as_spam"]
    date_hierarchy = None

    def get_queryset(self, request):
        # Article titles come from parler translations: prefetched, so the list is a fixed number of queries.
        articles = Article.objects.prefetch_related("translations")
        return super().get_queryset(request).prefetch_related(Prefetch("article", queryset=articles))

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        return obj.body[:120]

    @admin.display(description=_("article"))
    def article_title(self, obj):
        return str(obj.article)

    @admin.display(description=_("name"), ordering="name")
    def commenter(self, obj):
        return obj.display_name

    @admin.display(description=_("in reply to"))
    def parent_excerpt(self, obj):
        return obj.parent.body[:80] if obj.parent else "—"

    @admin.display(description=_("reports"), ordering="report_count")
    def reports(self, obj):
        return persian_digits(obj.report_count)

    @admin.display(description=_("posted"), ordering="created_at")
    def posted(self, obj):
        return jalali_datetime(obj.created_at)

    def get_urls(self):
        return queue_urls(self.admin_site) + super().get_urls()

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return super().get_fieldsets(request, obj)
        # A new comment here is the writer's published reply (comments.services.save_staff_comment): its
        # state, author and counts are not for the form to say.
        official = (
            ["is_official_reply", "official"] if services.may_mark_official_replies(request.user) else []
        )
        return [(None, {"fields": ["article", "parent", "body", *official]})]

    def get_readonly_fields(self, request, obj=None):
        # The newsroom label follows the official one (comments.services.save_staff_comment).
        fields = [*super().get_readonly_fields(request, obj), "is_staff_reply"]
        if obj is not None and obj.author_id is None:
            # A reader's words are kept as written and as theirs: moderators publish or reject them, never
            # rewrite them or show them as the newsroom's or an official's.
            fields += ["article", "parent", "name", "email", "body", "is_official_reply", "official"]
        elif not services.may_mark_official_replies(request.user):
            fields += ["is_official_reply", "official"]
        return fields

    def save_model(self, request, obj, form, change):
        decide = {
            Comment.Status.PUBLISHED: lambda: services.approve_comment(comment=obj, moderator=request.user),
            Comment.Status.REJECTED: lambda: services.reject_comment(
                comment=obj, moderator=request.user, reason=obj.rejection_reason
            ),
            Comment.Status.SPAM: lambda: services.mark_spam(comment=obj, moderator=request.user),
        }
        try:
            # Written or edited in the admin: a newsroom reply, or an official's reply typed in by a chief
            # editor; whose words a comment shows is checked there, for every save.
            services.save_staff_comment(comment=obj, user=request.user)
            if change and "status" in form.changed_data and obj.status in decide:
                # A decision made on the change form is the same decision as the queue's actions.
                decide[obj.status]()
        except services.CommentRefused as refused:
            # The read-only fields keep honest forms from asking; a forged post is refused whole.
            raise PermissionDenied(str(refused)) from None

    def _each(self, request, queryset, decide, done_message):
        count = 0
        for comment in queryset.select_related("article"):
            try:
                decide(comment)
            except services.CommentRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
                return
            count += 1
        self.message_user(request, done_message(count) % count, messages.SUCCESS)

    @admin.action(description=_("Approve (publish) the selected comments"), permissions=["change"])
    def approve_comments(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda c: services.approve_comment(comment=c, moderator=request.user),
            lambda n: ngettext("%d comment published.", "%d comments published.", n),
        )

    @admin.action(
        description=_("Reject the selected comments, with the reason given"), permissions=["change"]
    )
    def reject_comments(self, request, queryset):
        reason = posted_reason(request)
        if not reason:
            self.message_user(
                request, _("Write the reason for rejecting in the box next to the action."), messages.ERROR
            )
            return
        self._each(
            request,
            queryset,
            lambda c: services.reject_comment(comment=c, moderator=request.user, reason=reason),
            lambda n: ngettext("%d comment rejected.", "%d comments rejected.", n),
        )

    @admin.action(description=_("Mark the selected comments as spam"), permissions=["change"])
    def mark_as_spam(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda c: services.mark_spam(comment=c, moderator=request.user),
            lambda n: ngettext("%d comment marked as spam.", "%d comments marked as spam.", n),
        )


admin.site.register(Comment, CommentAdmin)


class QueueAdmin(QueueRowsMixin, CommentAdmin):
    """A moderators' queue: the comments admin narrowed to one queryset method, shown as cards with
    per-row buttons (comments.admin_queue)."""

    queue = ""  # the CommentQuerySet method that selects this queue

    def get_queryset(self, request):
        return getattr(super().get_queryset(request), self.queue)()

    def has_add_permission(self, request):
        return False


@admin.register(PendingComment)
class PendingCommentAdmin(QueueAdmin):
    queue = "pending"
    list_filter = ["is_staff_reply", "created_at"]


@admin.register(ReportedComment)
class ReportedCommentAdmin(QueueAdmin):
    queue = "reported"
    list_filter = ["status"]
    ordering = ["-report_count", "created_at"]
    actions = [*QueueAdmin.actions, "dismiss_reports"]

    @admin.action(description=_("Dismiss the reports on the selected comments"), permissions=["change"])
    def dismiss_reports(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda c: services.dismiss_reports(comment=c, moderator=request.user),
            lambda n: ngettext("Reports on %d comment dismissed.", "Reports on %d comments dismissed.", n),
        )


@admin.register(RejectionReason)
class RejectionReasonAdmin(admin.ModelAdmin):
    """The reasons moderators pick from; chief editors keep the list (permissions: migration 0009)."""

    list_display = ["text", "position"]
    list_editable = ["position"]
    search_fields = ["text"]


@admin.register(WordRule)
class WordRuleAdmin(PersianHistoryMixin, admin.ModelAdmin):
    list_display = ["word", "kind", "created_column"]
    created_column = jalali_column("created_at", _("created"))
    list_filter = ["kind"]
    search_fields = ["word"]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["comment", "value", "created_column"]
    created_column = jalali_column("created_at", _("created"))
    list_filter = ["value"]
    raw_id_fields = ["comment"]
    readonly_fields = ["comment", "voter", "ip_hash", "value", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False
