"""Whose words a comment shows as: a reader's comment is never relabelled as the newsroom's or an
official's reply (جوابیه), and marking a reply as an official's is a chief editor's act. One rule, in
comments.services; the admin's read-only fields only keep honest forms from asking."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from comments import services
from comments.models import Comment
from tests.comments.helpers import add_form, make_comment
from tests.factories import make_official

pytestmark = pytest.mark.django_db

LABELS = ["author_id", "is_staff_reply", "is_official_reply", "official_id"]


def labels(comment) -> tuple:
    comment.refresh_from_db()
    return tuple(getattr(comment, field) for field in LABELS)


def change_form(comment, **fields) -> dict:
    data = {
        "article": comment.article_id,
        "parent": comment.parent_id or "",
        "name": comment.name,
        "email": comment.email,
        "body": comment.body,
        "status": comment.status,
        "rejection_reason": "",
        "is_staff_reply": "",
        "is_official_reply": "",
        "official": "",
        "reports-TOTAL_FORMS": "0",
        "reports-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


FORGED = {"is_staff_reply": "on", "is_official_reply": "on"}


@pytest.fixture
def official():
    return make_official(name="سید کاظم موسوی")


@pytest.fixture
def chief_moderator(chief_editor):
    """A chief editor who also works the comment queues (change_comment comes with the moderators)."""
    chief_editor.groups.add(Group.objects.get(name="moderators"))
    return chief_editor


# A reader's comment, in the admin ----------------------------------------------------------------------


@pytest.mark.parametrize("status", ["pending", "published"])
def test_moderator_cannot_relabel_a_readers_comment(moderator_client, article, official, status):
    comment = make_comment(article, status=status, body="حرف خواننده")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    form = moderator_client.get(url).context["adminform"].form
    assert not {"is_staff_reply", "is_official_reply", "official"} & set(form.fields)
    response = moderator_client.post(url, change_form(comment, official=official.pk, **FORGED))
    assert response.status_code == 302
    assert labels(comment) == (None, False, False, None)


def test_moderator_deciding_a_readers_comment_cannot_relabel_it_on_the_way(
    moderator_client, article, official
):
    comment = make_comment(article, status=Comment.Status.PENDING, body="حرف خواننده")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    response = moderator_client.post(
        url, change_form(comment, status="published", official=official.pk, **FORGED)
    )
    assert response.status_code == 302
    assert labels(comment) == (None, False, False, None)
    assert comment.status == Comment.Status.PUBLISHED


def test_chief_editor_cannot_relabel_a_readers_comment_either(chief_moderator, client, article, official):
    client.force_login(chief_moderator)
    comment = make_comment(article, body="حرف خواننده")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    response = client.post(url, change_form(comment, official=official.pk, **FORGED))
    assert response.status_code == 302
    assert labels(comment) == (None, False, False, None)


# Adding a reply in the admin ---------------------------------------------------------------------------


def test_an_editor_adding_a_reply_cannot_mark_it_as_an_officials(editor_client, editor, article, official):
    parent = make_comment(article, body="انتقاد خواننده")
    url = reverse("admin:comments_comment_add")
    assert "is_official_reply" not in editor_client.get(url).context["adminform"].form.fields
    response = editor_client.post(url, add_form(article, parent, official, body="پاسخ ما"))
    assert response.status_code == 302
    reply = Comment.objects.get(parent=parent)
    assert labels(reply) == (editor.pk, True, False, None)  # the newsroom's reply, as its author wrote it


def test_a_moderator_adding_a_reply_cannot_mark_it_as_an_officials(moderator, client, article, official):
    moderator.user_permissions.add(Permission.objects.get(codename="add_comment"))
    client.force_login(moderator)
    parent = make_comment(article, body="انتقاد خواننده")
    response = client.post(reverse("admin:comments_comment_add"), add_form(article, parent, official))
    assert response.status_code == 302
    assert not Comment.objects.get(parent=parent).is_official_reply


def test_a_chief_editor_marks_a_reply_as_an_officials(chief_client, chief_editor, article, official):
    parent = make_comment(article, body="انتقاد خواننده")
    response = chief_client.post(reverse("admin:comments_comment_add"), add_form(article, parent, official))
    assert response.status_code == 302
    reply = Comment.objects.get(parent=parent)
    assert labels(reply) == (chief_editor.pk, False, True, official.pk)


def test_moderator_cannot_turn_a_newsroom_reply_into_an_officials(
    moderator_client, editor, article, official
):
    reply = make_comment(article, body="پاسخ تحریریه", author=editor, is_staff_reply=True)
    url = reverse("admin:comments_comment_change", args=[reply.pk])
    response = moderator_client.post(url, change_form(reply, official=official.pk, **FORGED))
    assert response.status_code == 302  # the fields are read-only for them: ignored
    assert labels(reply) == (editor.pk, True, False, None)


# The rule itself ---------------------------------------------------------------------------------------


def _copy(comment, **changes) -> Comment:
    after = Comment.objects.get(pk=comment.pk)
    for field, value in changes.items():
        setattr(after, field, value)
    return after


@pytest.mark.parametrize(
    "changes",
    [
        {"is_staff_reply": True},
        {"is_official_reply": True, "official_id": "OFFICIAL"},
        {"official_id": "OFFICIAL"},
        {"author_id": "EDITOR"},
    ],
)
def test_no_one_relabels_a_readers_comment(moderator, chief_editor, editor, article, official, changes):
    comment = make_comment(article, body="حرف خواننده")
    ids = {"OFFICIAL": official.pk, "EDITOR": editor.pk}
    after = _copy(comment, **{field: ids.get(value, value) for field, value in changes.items()})
    for user in (moderator, chief_editor):
        with pytest.raises(services.CommentRefused) as refused:
            services.save_staff_comment(comment=after, user=user)
        assert refused.value.status == 403
    assert labels(comment) == (None, False, False, None)


def test_only_a_chief_editor_marks_or_unmarks_an_officials_reply(
    moderator, chief_editor, editor, article, official
):
    reply = make_comment(article, body="پاسخ", author=editor, is_staff_reply=True)
    with pytest.raises(services.CommentRefused):
        services.save_staff_comment(
            comment=_copy(reply, is_official_reply=True, official=official), user=moderator
        )
    assert labels(reply) == (editor.pk, True, False, None)

    services.save_staff_comment(
        comment=_copy(reply, is_official_reply=True, official=official), user=chief_editor
    )
    assert labels(reply) == (editor.pk, False, True, official.pk)

    with pytest.raises(services.CommentRefused):
        services.save_staff_comment(
            comment=_copy(reply, is_official_reply=False, official=None), user=moderator
        )
    assert labels(reply) == (editor.pk, False, True, official.pk)


def test_a_new_reply_is_its_writers_and_an_officials_only_from_a_chief_editor(
    editor, chief_editor, article, official
):
    parent = make_comment(article, body="انتقاد خواننده")
    reply = Comment(article=article, parent=parent, body="جوابیه", is_official_reply=True, official=official)
    with pytest.raises(services.CommentRefused):
        services.save_staff_comment(comment=reply, user=editor)
    assert not Comment.objects.filter(parent=parent).exists()

    saved = services.save_staff_comment(comment=reply, user=chief_editor)
    assert labels(saved) == (chief_editor.pk, False, True, official.pk)
    assert saved.status == Comment.Status.PUBLISHED and saved.depth == 1


def test_a_moderator_may_still_edit_a_newsroom_reply_without_relabelling_it(moderator, editor, article):
    reply = make_comment(article, body="پاسخ تحریریه", author=editor, is_staff_reply=True)
    services.save_staff_comment(comment=_copy(reply, body="پاسخ اصلاح شده"), user=moderator)
    reply.refresh_from_db()
    assert reply.body == "پاسخ اصلاح شده" and labels(reply) == (editor.pk, True, False, None)
