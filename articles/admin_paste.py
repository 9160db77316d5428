"""The admin page where an editor pastes (or uploads) a press release: paste → check → save as draft.

Step 1 takes the text; step 2 shows what the importer would make of it (a dry run: nothing written) and
carries the text on in a signed hidden field; step 3 imports it again from that text, as a draft, and
opens the draft. Works without JavaScript; the page has no inline script.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from articles.importing.paste import (
    AlreadyImported,
    PasteRefused,
    can_paste,
    create_draft,
    preview_release,
    release_bytes,
)
from articles.importing.reasons import error_line
from articles.persian import persian_digits
from articles.seedformat import SeedFormatError, decode, too_large

_SIGNING_SALT = "articles.paste-release"
# Long enough for an editor to check a release over a cup of tea; the text is re-imported on save anyway.
_SIGNED_MAX_AGE = 6 * 60 * 60


class PasteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Press release text"),
        required=False,
        strip=False,  # line numbers in messages count the editor's own lines
        widget=forms.Textarea(attrs={"rows": 18, "dir": "rtl", "class": "paste-text"}),
        help_text=gettext_lazy(
            "Paste the whole release: kicker, headline, lead, body and, if any, the comments heading."
        ),
    )
    file = forms.FileField(
        label=gettext_lazy("or a .txt file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # NUL bytes reach the importer, whose reason names their line, instead of Django's generic one.
        self.fields["text"].validators = []

    def clean(self):
        cleaned = super().clean()
        limit = settings.NEWSROOM_IMPORT_MAX_BYTES
        upload = cleaned.get("file")
        try:
            if upload:
                if upload.size > limit:
                    raise SeedFormatError(1, too_large(limit))
                text = decode(upload.read(limit + 1))
            else:
                text = cleaned.get("text") or ""
            data = release_bytes(text)
            if len(data) > limit:
                raise SeedFormatError(1, too_large(limit))
        except SeedFormatError as exc:
            raise forms.ValidationError(error_line(exc.line, exc.reason)) from None
        cleaned["text"], cleaned["data"] = text, data
        return cleaned


def paste_view(model_admin):
    """The view for ArticleAdmin.get_urls: 403 for anyone without the right to add articles."""

    @never_cache
    @login_required
    def view(request):
        if not can_paste(request.user):
            raise PermissionDenied
        if request.method == "POST" and "release" in request.POST:
            return _save(request, model_admin)
        if request.method == "POST":
            return _preview(request, model_admin)
        return _render(request, model_admin, PasteForm())

    return view


def _render(request, model_admin, form, *, preview=None, signed="", status=200):
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Import a press release"),
        "opts": opts,
        "form": form,
        "preview": preview,
        "signed": signed,
        "already_url": _already_url(preview.already) if preview and preview.already else "",
    }
    return TemplateResponse(request, "admin/articles/article/paste.html", context, status=status)


def _already_url(already: AlreadyImported) -> str:
    if already.article_id is None:
        return ""
    return reverse("admin:articles_article_change", args=[already.article_id])


def _preview(request, model_admin):
    form = PasteForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, model_admin, form, status=400)
    try:
        preview = preview_release(data=form.cleaned_data["data"], user=request.user)
    except PasteRefused as exc:
        form.add_error(None, error_line(exc.line, exc.reason))
        return _render(request, model_admin, form, status=400)
    # The text goes on to step 3 signed, and re-shown for editing (an uploaded file becomes its text).
    text = form.cleaned_data["text"]
    form = PasteForm(initial={"text": text})
    signed = signing.dumps(text, salt=_SIGNING_SALT, compress=True)
    return _render(request, model_admin, form, preview=preview, signed=signed)


def _save(request, model_admin):
    try:
        text = signing.loads(request.POST["release"], salt=_SIGNING_SALT, max_age=_SIGNED_MAX_AGE)
    except signing.BadSignature:
        form = PasteForm(data={"text": ""})
        form.is_valid()
        form.add_error(None, _("The checked text was too old or altered; paste it and check it again."))
        return _render(request, model_admin, form, status=400)
    form = PasteForm(data={"text": text})
    if not form.is_valid():  # the size limit may have changed since the preview
        return _render(request, model_admin, form, status=400)
    try:
        draft = create_draft(data=form.cleaned_data["data"], user=request.user)
    except PasteRefused as exc:
        form.add_error(None, error_line(exc.line, exc.reason))
        return _render(request, model_admin, form, status=400)
    if isinstance(draft, AlreadyImported):
        # Imported meanwhile (another tab, another editor): show where it went instead of a second copy.
        preview = preview_release(data=form.cleaned_data["data"], user=request.user)
        return _render(request, model_admin, PasteForm(initial={"text": text}), preview=preview, status=409)
    messages.success(
        request,
        _("The press release was saved as draft %(code)s. Check it and send it to review.")
        % {"code": persian_digits(draft.news_code)},
    )
    return redirect("admin:articles_article_change", draft.pk)
