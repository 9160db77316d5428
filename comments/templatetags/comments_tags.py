"""The comment thread plugs into the article page through this tag, which the comments app owns, so
articles never imports comments."""

from django import template
from django.contrib.messages import get_messages

from comments import services
from comments.forms import CommentForm
from comments.views import MESSAGE_TAG, page_context

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_for(context, article):
    """Two queries whatever the number of comments: the counts by state, and the published thread."""
    request = context.get("request")
    is_open = services.comments_open(article)
    notices = []
    if request is not None:
        # Messages the comment views left for this page (the page itself shows no others).
        notices = [m for m in get_messages(request) if MESSAGE_TAG in m.tags.split()]
    return {
        "article": article,
        "counts": services.counts_for(article),
        "thread": services.thread_for(article),
        "form": CommentForm(article=article) if is_open else None,
        "open": is_open,
        **page_context(),
        "notices": notices,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
