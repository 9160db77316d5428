"""The reader's comment form and the report form. Hostile text is refused here, with the form re-shown
and the reader's text kept; what the defences decide about acceptable text lives in comments.spam."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _

from articles.persian import persian_digits
from comments import spam
from comments.models import Report


def _number(value: int) -> str:
    """A number in a message: Persian digits on Persian pages, as everywhere else a reader looks."""
    return persian_digits(value) if get_language_bidi() else str(value)


def _refuse_controls(value: str) -> str:
    if spam.has_control_characters(value):
        raise forms.ValidationError(_("Remove the invisible control characters from the text."))
    return spam.clean_text(value)


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Name (optional)"), max_length=80, required=False)
    email = forms.EmailField(
        label=_("Email (optional, never shown)"),
        max_length=254,
        required=False,
        help_text=_("Only to tell you whether your comment was published."),
    )
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 5}), strip=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    ts = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, article, client: str, now: float | None = None, **kwargs):
        """`client` is the keyed hash of the reader's address (comments.spam.request_ip_hash): the
        form's token is issued to that client and accepted from it only."""
        super().__init__(*args, **kwargs)
        self.article = article
        self.client = client
        self._now = now
        self.max_length = settings.NEWSROOM_COMMENT_MAX_LENGTH
        self.fields["body"].widget.attrs["maxlength"] = self.max_length
        if not self.is_bound:
            self.initial["ts"] = spam.form_token(article.pk, client, now)
        # The honeypot: hidden from people by CSS and from assistive technology; bots fill it in.
        self.honeypot = settings.NEWSROOM_COMMENT_HONEYPOT_FIELD
        self.fields[self.honeypot] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def honeypot_field(self):
        return self[self.honeypot]

    def clean_name(self) -> str:
        return _refuse_controls(self.cleaned_data["name"])

    def clean_body(self) -> str:
        body = _refuse_controls(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError(_("Write a comment before sending it."))
        if len(body) > self.max_length:
            raise forms.ValidationError(
                _("A comment can be at most %(limit)s characters; this one has %(count)s."),
                params={"limit": _number(self.max_length), "count": _number(len(body))},
            )
        lines = spam.line_count(body)
        if lines > settings.NEWSROOM_COMMENT_MAX_LINES:
            raise forms.ValidationError(
                _("A comment can have at most %(limit)s lines; this one has %(count)s."),
                params={"limit": _number(settings.NEWSROOM_COMMENT_MAX_LINES), "count": _number(lines)},
            )
        if spam.is_zalgo(body):
            raise forms.ValidationError(
                _("Remove the marks piled on the letters and write the text plainly.")
            )
        return body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(self.honeypot):
            raise forms.ValidationError(_("Your comment could not be accepted."), code="honeypot")
        problem = spam.check_form_token(cleaned.get("ts", ""), self.article.pk, self.client, self._now)
        if problem:
            raise forms.ValidationError(problem, code="timestamp")
        return cleaned


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why should a moderator look at it?"), choices=Report.Reason.choices)
