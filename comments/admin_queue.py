"""The moderators' queue as a working surface: each row a readable card (the whole text, the article as a
short link, the reader's other comments a click away, report reasons counted) with its own approve /
reject / spam / dismiss buttons and a newsroom-reply link. The buttons are submit buttons of the
changelist's own form with a `formaction`, so they work without JavaScript and carry its CSRF token and
the reason fields of the action bar; every decision is a call to comments.services."""

from __future__ import annotations

from collections import Counter

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.persian import jalali_datetime, persian_digits
from comments import services
from comments.models import Comment, RejectionReason, Report

READER_PARAMETER = "reader_of"


class SameReaderFilter(admin.SimpleListFilter):
    """The comments sent from the same client as comment <pk>: the hash is looked up here and never put
    in a page or a link."""

    title = _("reader")
    parameter_name = READER_PARAMETER

    def lookups(self, request, model_admin):
        value = self.value()
        # Offered only while set, so it shows and can be cleared (a nonsense value selects nothing).
        return [(value, _("this reader's comments"))] if value else []

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        same = Comment.objects.filter(pk=int(value)).exclude(ip_hash="").values("ip_hash")[:1]
        return queryset.filter(ip_hash__in=same)


class ModerationActionForm(ActionForm):
    """The action bar: the reason fields serve the bulk reject action and every row's reject button."""

    listed_reason = forms.ModelChoiceField(
        label=_("Reason"),
        queryset=RejectionReason.objects.all(),
        required=False,
        empty_label=_("— reason from the list —"),
    )
    reason = forms.CharField(
        label=_("Reason (for rejecting)"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"size": 30, "placeholder": _("or your own words")}),
    )


def posted_reason(request) -> str:
    """The reason a moderator gave in the action bar: the listed one, their words, or both."""
    listed = ""
    choice = request.POST.get("listed_reason", "")
    if choice.isdigit():
        listed = RejectionReason.objects.filter(pk=int(choice)).values_list("text", flat=True).first() or ""
    return services.rejection_reason(listed=listed, note=request.POST.get("reason", ""))


def report_summary(reports) -> str:
    """«insulting ×۲، spam ×۱»: the open reports counted by reason, most first."""
    counts = Counter(report.get_reason_display() for report in reports)
    return "، ".join(f"{reason} ×{persian_digits(count)}" for reason, count in counts.most_common())


def _back(request, fallback: str) -> HttpResponseRedirect:
    """Back to the page the moderator came from (its filters and page), if it is ours."""
    target = request.POST.get("next") or request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = fallback
    return HttpResponseRedirect(target)


class QueueRowsMixin:
    """Card and buttons for the queue admins (comments.admin.QueueAdmin)."""

    list_display = ["queue_card", "queue_buttons"]
    list_display_links = None
    list_per_page = 50
    change_list_template = "admin/comments/queue_change_list.html"
    action_form = ModerationActionForm

    class Media:
        css = {"all": ["css/moderation-queue.css"]}
        js = ["js/moderation-queue.js"]

    def get_queryset(self, request):
        open_reports = Report.objects.filter(resolved_at__isnull=True).order_by("id")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        )

    @admin.display(description=_("comment"))
    def queue_card(self, obj):
        return mark_safe(_render_card(obj))  # rendered by a template, which escapes

    @admin.display(description=_("decision"))
    def queue_buttons(self, obj):
        return mark_safe(_render_buttons(obj))


def _render_card(obj: Comment) -> str:
    article = obj.article
    return render_to_string(
        "admin/comments/queue_card.html",
        {
            "comment": obj,
            "posted": jalali_datetime(obj.created_at),
            "article_title": Truncator(str(article)).chars(48),
            "article_full_title": str(article),
            "article_link": reverse("articles:short", args=[article.news_code]),
            "article_code": persian_digits(article.news_code),
            "parent_excerpt": Truncator(obj.parent.body).chars(90) if obj.parent_id else "",
            "reports": report_summary(getattr(obj, "open_reports", [])),
            "change_url": reverse("admin:comments_comment_change", args=[obj.pk]),
            "reader_url": (
                f"{reverse('admin:comments_comment_changelist')}?{READER_PARAMETER}={obj.pk}"
                if obj.ip_hash
                else ""
            ),
            "reply_url": reverse("admin:comments_comment_queue_reply", args=[obj.pk]),
        },
    )


def _render_buttons(obj: Comment) -> str:
    return render_to_string(
        "admin/comments/queue_buttons.html",
        {"comment": obj, "decide_url": reverse("admin:comments_comment_queue_decide", args=[obj.pk])},
    )


DECISIONS = {
    "approve": lambda comment, user, request: services.approve_comment(comment=comment, moderator=user),
    "reject": lambda comment, user, request: services.reject_comment(
        comment=comment, moderator=user, reason=posted_reason(request)
    ),
    "spam": lambda comment, user, request: services.mark_spam(comment=comment, moderator=user),
    "dismiss": lambda comment, user, request: services.dismiss_reports(comment=comment, moderator=user),
}


def decision_messages() -> dict[str, str]:
    return {
        "approve": _gettext("The comment was published."),
        "reject": _gettext("The comment was rejected."),
        "spam": _gettext("The comment was marked as spam."),
        "dismiss": _gettext("The reports were dismissed; the comment stays published."),
    }


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("The newsroom's reply"),
        # The moderator came here from the queue's p key: typing starts at once.
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto", "autofocus": True}),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def queue_urls(admin_site) -> list:
    """The row views, under the comments admin (comments.admin.CommentAdmin.get_urls)."""

    @require_POST
    def decide(request, pk: int):
        comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
        decision = request.POST.get("decision", "")
        if decision not in DECISIONS:
            messages.error(request, _gettext("Unknown decision."))
            return _back(request, reverse("admin:comments_pendingcomment_changelist"))
        try:
            DECISIONS[decision](comment, request.user, request)
        except services.CommentRefused as refused:
            if refused.status == 403:
                raise PermissionDenied(str(refused)) from None
            messages.error(request, str(refused))
        else:
            messages.success(request, decision_messages()[decision])
        return _back(request, reverse("admin:comments_pendingcomment_changelist"))

    def reply(request, pk: int):
        if not request.user.has_perm(services.STAFF_REPLY_PERMISSION):
            raise PermissionDenied
        parent = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
        status = 200
        if request.method == "POST":
            form = ReplyForm(request.POST)
            if form.is_valid():
                try:
                    services.reply_as_newsroom(
                        parent=parent, user=request.user, body=form.cleaned_data["body"]
                    )
                except services.CommentRefused as refused:
                    if refused.status == 403:
                        raise PermissionDenied(str(refused)) from None
                    form.add_error("body", str(refused))
                else:
                    messages.success(request, _gettext("The newsroom's reply was published."))
                    return _back(request, reverse("admin:comments_pendingcomment_changelist"))
            status = 400
        else:
            form = ReplyForm(initial={"next": request.META.get("HTTP_REFERER", "")})
        context = {
            **admin_site.each_context(request),
            "title": _gettext("The newsroom's reply"),
            "parent": parent,
            "article_title": str(parent.article),
            "article_link": reverse("articles:short", args=[parent.article.news_code]),
            "form": form,
            "opts": Comment._meta,
        }
        return TemplateResponse(request, "admin/comments/queue_reply.html", context, status=status)

    return [
        path("<int:pk>/decide/", admin_site.admin_view(decide), name="comments_comment_queue_decide"),
        path(
            "<int:pk>/reply-as-newsroom/", admin_site.admin_view(reply), name="comments_comment_queue_reply"
        ),
    ]
