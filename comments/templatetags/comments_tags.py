"""The comment thread plugs into the article page through this tag, which the comments app owns, so
articles never imports comments."""

from django import template

from comments.models import Comment

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_for(context, article):
    published = Comment.objects.filter(article=article, status=Comment.Status.PUBLISHED)
    return {"article": article, "comments": published, "request": context.get("request")}
