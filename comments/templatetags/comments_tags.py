"""The comment thread plugs into the article page through this tag, which the comments app owns, so
articles never imports comments."""

from collections.abc import Callable

from django import template
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from comments import display, readers, services, spam
from comments.display import MESSAGE_TAG, REPLY_PARAMETER, page_context
from comments.forms import CommentForm, ReportForm
from comments.models import Comment
from comments.services import PAGE_PARAMETER

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_for(context, article):
    """Two queries whatever the number of comments: the counts by state, and the published thread, of
    which one page is drawn (`?comments=<n>`, services.THREAD_PAGE_SIZE top-level comments with replies).
    A reader who has voted (the reader cookie, comments/readers.py) costs a third: their votes on the
    comments of the page, which the vote buttons show as pressed. That is the one thing on the page that
    belongs to one reader.

    `?reply=<id>` on the article page (the thread's reply links, for readers without JavaScript) puts the
    form in reply to that comment, when it is in the published thread; anything else is ignored."""
    request = context.get("request")
    query = request.GET if request is not None else {}
    is_open = services.comments_open(article)
    thread = services.thread_for(article)
    page = services.thread_page(thread, query.get(PAGE_PARAMETER))
    notices = []
    parent = None
    if request is not None:
        # Messages the comment views left for this page (the page itself shows no others).
        notices = [m for m in get_messages(request) if MESSAGE_TAG in m.tags.split()]
    if is_open:
        parent = _reply_target(thread, query.get(REPLY_PARAMETER, ""))
    page_query = f"{PAGE_PARAMETER}={page.number}&" if page.number > 1 else ""
    shared = page_context()
    voter = readers.reader_id(request) if request is not None else None
    votes = (
        services.reader_votes(voter=voter, comment_ids=display.comment_ids(page.object_list)) if voter else {}
    )
    reply_href = f"?{page_query}{REPLY_PARAMETER}="
    return {
        "article": article,
        "counts": services.counts_for(article),
        "thread": page.object_list,
        "thread_html": display.thread_html(
            page.object_list,
            comment_root=shared["comment_root"],
            labels=shared["labels"],
            reply_href=reply_href if is_open else None,
            votes=votes,
        ),
        "page": page,
        "page_parameter": PAGE_PARAMETER,
        # The form's token is issued to this reader's address: a page cache for anonymous readers must
        # leave the form out (or fetch it separately), or every reader would get the first one's token.
        "form": CommentForm(
            article=article,
            client=spam.request_ip_hash(request) if request is not None else "",
            initial={"parent": parent.pk if parent else None},
        )
        if is_open
        else None,
        "parent": parent,
        # The comment answered is on this page: its reply link kept the page number.
        "parent_link": f"#comment-{parent.pk}" if parent else "",
        "report_form": ReportForm(auto_id="report-%s"),
        "open": is_open,
        **shared,
        "reply_href": reply_href,
        "notices": notices,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


def _reply_target(thread: list[Comment], wanted: str) -> Comment | None:
    """The comment with id `wanted` in the already loaded thread (no query), or None."""
    if not wanted.isascii() or not wanted.isdecimal():
        return None
    pk = int(wanted)
    pending = list(thread)
    while pending:
        comment = pending.pop()
        if comment.pk == pk:
            return comment
        pending.extend(comment.children)
    return None


# The unbound comment form's fields and the report form's reasons look the same to every reader in a
# language (no value, no error, no token): drawn once per process, language and the settings that shape
# them, then pasted into each page. Widget templates are the costliest part of drawing a form.
_drawn: dict[tuple, SafeString] = {}


def _once(key: tuple, draw: Callable[[], SafeString]) -> SafeString:
    html = _drawn.get(key)
    if html is None:
        html = _drawn[key] = draw()
    return html


@register.simple_tag
def comment_fields(form: CommentForm) -> SafeString:
    """The visible fields and the honeypot of `form` (comments/form_fields.html); a bound form (the
    reader's text and its errors, shown again) is drawn each time."""

    def draw() -> SafeString:
        return render_to_string("comments/form_fields.html", {"form": form})

    if form.is_bound:
        return draw()
    return _once(("comment fields", get_language(), form.max_length, form.honeypot), draw)


@register.simple_tag
def report_reasons(form: ReportForm) -> SafeString:
    """The unbound report form's list of reasons."""
    return _once(("report reasons", get_language(), form.auto_id), lambda: form["reason"].as_widget())
