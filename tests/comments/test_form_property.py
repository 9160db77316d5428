"""Whatever text arrives in whichever field, the reader gets an answer, never a server error."""

import pytest
from django.core.cache import cache
from hypothesis import given, settings
from hypothesis import strategies as st

from comments.models import Comment
from tests.comments.helpers import post

pytestmark = pytest.mark.django_db

# Persian, bidi controls, zero-width characters, NUL and other control characters are all likely here.
hostile = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            ["\u202e", "\u2066", "\u200c", "\u200b", "\u0640", "\x00", "\x1b", "ي", "ك", "<", "&"]
        ),
    ),
    max_size=1500,
)


@settings(max_examples=60)  # the same 60 on every run (tests/conftest.py profile)
@given(
    body=hostile,
    name=hostile,
    email=st.one_of(st.just(""), hostile),
    parent=st.one_of(st.just(""), hostile),
    ts=st.one_of(st.none(), hostile),  # None: the genuine signed timestamp
)
def test_arbitrary_text_in_any_field_never_gets_a_server_error(
    client, article, body, name, email, parent, ts
):
    cache.clear()  # the rate limit is tested elsewhere
    fields = {"body": body, "name": name, "email": email, "parent": parent}
    if ts is not None:
        fields["ts"] = ts
    before = Comment.objects.count()
    response = post(client, article, **fields)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert 'id="comment-form"' in response.content.decode()
        assert Comment.objects.count() == before  # refused: nothing written
    else:
        stored = Comment.objects.latest("id")
        assert "\u202e" not in stored.body and "\x00" not in stored.body
