"""Admin login throttling: wrong passwords lock the account and the address for a short while only."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.i18n import fa

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
EDITOR_DESK = "198.51.100.7"


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.AXES_FAILURE_LIMIT = 3


def _login(username: str, password: str, address: str, client: Client | None = None):
    client = client or Client(HTTP_ACCEPT_LANGUAGE="fa")
    url = reverse("admin:login")
    return client.post(
        f"{url}?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _logged_in(response) -> bool:
    return response.status_code == 302 and response.url == "/admin/"


def _locked_out(response) -> bool:
    return response.status_code == 429 and fa("Too many failed logins") in response.content.decode()


def test_after_the_limit_the_right_password_is_refused_for_that_account(chief_editor):
    for _ in range(2):
        assert _login("chief", "wrong", ATTACKER).status_code == 200  # the form again, with its error
    assert _locked_out(_login("chief", "wrong", ATTACKER))  # the third failure locks
    assert _locked_out(_login("chief", "pw-chief", ATTACKER))
    # The account is locked from every address: the attacker may have many.
    assert _locked_out(_login("chief", "pw-chief", EDITOR_DESK))


def test_after_the_limit_an_address_is_refused_for_every_account(chief_editor, editor):
    for name in ("a", "b", "c"):
        _login(name, "wrong", ATTACKER)
    assert _locked_out(_login("editor", "pw-editor", ATTACKER))
    # Another account from another address still logs in.
    assert _logged_in(_login("editor", "pw-editor", EDITOR_DESK))


def test_ipv6_addresses_of_one_64_count_together(editor):
    for host in ("1", "2", "3"):
        _login("nobody", "wrong", f"2001:db8:7:7::{host}")
    assert _locked_out(_login("editor", "pw-editor", "2001:db8:7:7:abcd::9"))
    assert _logged_in(_login("editor", "pw-editor", "2001:db8:7:8::1"))


def test_the_lock_ends_after_the_cool_off_even_if_the_attacker_keeps_trying(chief_editor, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(3):
            _login("chief", "wrong", ATTACKER)
        clock.shift(timedelta(minutes=10))
        assert _locked_out(_login("chief", "wrong", ATTACKER))  # does not extend the lock
        clock.shift(timedelta(minutes=6))
        assert _logged_in(_login("chief", "pw-chief", EDITOR_DESK))


def test_a_success_clears_earlier_failures(chief_editor):
    for _ in range(2):
        _login("chief", "wrong", EDITOR_DESK)
    assert _logged_in(_login("chief", "pw-chief", EDITOR_DESK))
    for _ in range(2):
        _login("chief", "wrong", EDITOR_DESK)
    assert _logged_in(_login("chief", "pw-chief", EDITOR_DESK))


def test_the_lockout_page_is_persian_and_names_the_wait(chief_editor, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    for _ in range(3):
        _login("chief", "wrong", ATTACKER)
    html = _login("chief", "pw-chief", ATTACKER).content.decode()
    assert 'lang="fa"' in html and 'dir="rtl"' in html
    assert "۱۵" in html


def test_the_throttle_lists_its_records_in_the_persian_admin(chief_editor, django_user_model):
    _login("chief", "wrong", ATTACKER)
    admin_user = django_user_model.objects.create_superuser("root", password="pw-root-long-enough")
    client = Client(HTTP_ACCEPT_LANGUAGE="fa")
    client.force_login(admin_user)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert fa("Login throttling") in html and ATTACKER in html
