"""Reader endpoints: post a comment or reply, vote, report. Each works as a plain form post (redirect back
with a message) and, for comments.js, as a fetch() that asks for JSON. Thin: the rules are in services."""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from articles.models import Article
from comments import display, readers, services, spam
from comments.forms import CommentForm, ReportForm
from comments.models import Comment


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _back(article: Article, anchor: str = "comments") -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{article.get_absolute_url()}#{anchor}")


def _back_to(comment: Comment) -> HttpResponseRedirect:
    """To the comment, on the page of the thread that shows it (straight there, not through show())."""
    return HttpResponseRedirect(services.comment_url(comment))


def _form_page(request, article, form, *, status: int, parent=None, error: str = "") -> HttpResponse:
    """The form re-shown with the reader's text, on its own page (the article page belongs to articles)."""
    if _wants_json(request):
        errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()} if form else {}
        return JsonResponse({"ok": False, "error": error, "errors": errors}, status=status)
    context = {"article": article, "form": form, "parent": parent, "error": error, **display.page_context()}
    return render(request, "comments/form_page.html", context, status=status)


def _published_article(code: int) -> Article:
    return get_object_or_404(Article.objects.published().prefetch_related("translations"), news_code=code)


def post_comment(request: HttpRequest, code: int) -> HttpResponse:
    article = _published_article(code)
    if request.method != "POST":
        return _back(article, "comment-form")
    client = spam.request_ip_hash(request)
    form = CommentForm(request.POST, article=article, client=client)
    if not form.is_valid():
        return _form_page(request, article, form, status=400)
    try:
        comment = services.post_comment(
            article=article,
            body=form.cleaned_data["body"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            parent_id=form.cleaned_data["parent"],
            client=client,
            user=request.user,
        )
    except services.CommentRefused as refused:
        return _form_page(request, article, form, status=refused.status, error=str(refused))
    if comment.status == Comment.Status.PUBLISHED:
        message = _("Thank you. Your comment has been published.")
    else:
        # The same words whether it was held or rejected: a bot learns nothing from the answer.
        message = _("Thank you. Your comment was received and will appear after review.")
    if _wants_json(request):
        html = ""
        if comment.status == Comment.Status.PUBLISHED:
            shared = display.page_context()
            html = display.thread_html(
                [comment],
                comment_root=shared["comment_root"],
                labels=shared["labels"],
                reply_href=shared["reply_href"],
            )
        counts = asdict(services.counts_for(article))
        return JsonResponse(
            {"ok": True, "message": message, "html": html, "parent": comment.parent_id, "counts": counts},
            status=201,
        )
    messages.success(request, message, extra_tags=display.MESSAGE_TAG)
    if comment.status == Comment.Status.PUBLISHED:
        return _back_to(comment)
    return _back(article)


def show(request: HttpRequest, pk: int) -> HttpResponse:
    """Comment.get_absolute_url(): to the article page that shows the comment, on the page of the thread
    it is on (which moves as the thread grows, so the redirect is not permanent). A comment readers
    cannot see is a 404, except for staff who see it in the admin ("view on site"): they go to where it
    would be, and the article page decides what they may see there."""
    comment = get_object_or_404(
        services.comments_seen_by(request.user)
        .select_related("article")
        .prefetch_related("article__translations"),
        pk=pk,
    )
    return _back_to(comment)


def _visible_comment_or_404(pk: int) -> Comment:
    """A published comment on a published article, with its article, for the reply and report pages."""
    return get_object_or_404(services.visible_comments().select_related("article"), pk=pk)


def reply_form(request: HttpRequest, pk: int) -> HttpResponse:
    """The reply form on its own page (older links; the thread's reply links go to the article's own form
    with ?reply=<id>): the comment being answered, and the form under it."""
    comment = _visible_comment_or_404(pk)
    article = comment.article
    if not services.comments_open(article):
        return _back(article)
    form = CommentForm(article=article, client=spam.request_ip_hash(request), initial={"parent": comment.pk})
    context = {
        "article": article,
        "form": form,
        "parent": comment,
        "parent_link": services.comment_url(comment),
        **display.page_context(),
    }
    return render(request, "comments/form_page.html", context)


def _answer(request, comment_id: int, payload: dict, message: str, *, status: int = 200) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"message": message, **payload}, status=status)
    # Only a comment readers can see leads back to its article: a held, rejected or spam comment, or one
    # on an unpublished article, answers exactly as an id that does not exist.
    comment = services.visible_comments().select_related("article").filter(pk=comment_id).first()
    article = comment.article if comment is not None else None
    if status >= 400 or article is None:
        return render(
            request, "comments/notice.html", {"message": message, "article": article}, status=status
        )
    messages.success(request, message, extra_tags=display.MESSAGE_TAG)
    return _back_to(comment)


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    """Like or dislike; the same vote again withdraws it. The answer says which way this reader now
    votes, so the buttons show it (aria-pressed), with JavaScript in place and without it on the page
    the reader is sent back to."""
    choice = request.POST.get("value")
    value = {"like": 1, "dislike": -1}.get(choice, 0)
    voter = readers.reader_id(request)
    new = voter is None
    if new:
        voter = readers.new_reader_id()
    try:
        comment = services.vote(comment_id=pk, voter=voter, client=spam.request_ip_hash(request), value=value)
    except services.CommentRefused as refused:
        return _answer(request, pk, {"ok": False}, str(refused), status=refused.status)
    response = _answer(
        request,
        pk,
        {
            "ok": True,
            "likes": comment.likes,
            "dislikes": comment.dislikes,
            "vote": display.VOTE_NAMES.get(comment.reader_vote, ""),
        },
        _("Your vote was counted.") if comment.reader_vote else _("Your vote was withdrawn."),
    )
    if new:
        readers.remember_reader(request, response, voter)
    return response


def _report_page(request, comment: Comment, form: ReportForm, *, status: int = 200, error: str = ""):
    context = {"comment": comment, "article": comment.article, "form": form, "error": error}
    return render(request, "comments/report_page.html", context, status=status)


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the report form for one comment, for readers without JavaScript (the thread carries no form
    per comment). POST: report it, then back to the comment with a message, or JSON for comments.js."""
    if request.method == "GET":
        return _report_page(request, _visible_comment_or_404(pk), ReportForm())
    form = ReportForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.report(comment_id=pk, client=spam.request_ip_hash(request), reason=reason)
    except services.CommentRefused as refused:
        if refused.status == 400 and not _wants_json(request):
            # The form again, with the reason to choose; a comment readers cannot see is still a 404.
            return _report_page(request, _visible_comment_or_404(pk), form, status=400, error=str(refused))
        return _answer(request, pk, {"ok": False}, str(refused), status=refused.status)
    return _answer(request, pk, {"ok": True}, _("Thank you. A moderator will look at this comment."))
