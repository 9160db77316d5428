import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_creates_one_admin_with_a_random_password_and_never_resets_it(tmp_path, capsys):
    creds = tmp_path / "creds"
    call_command("ensure_editor", credentials_file=str(creds))
    out = capsys.readouterr().out
    user = get_user_model().objects.get(username="editor")
    password = creds.read_text().split("password: ")[1].strip()
    assert user.is_staff and user.check_password(password) and password in out
    assert oct(creds.stat().st_mode & 0o777) == "0o600"

    call_command("ensure_editor", credentials_file=str(tmp_path / "other"))
    assert get_user_model().objects.count() == 1
    user.refresh_from_db()
    assert user.check_password(password)
    assert "changepassword" in capsys.readouterr().out


@pytest.mark.django_db
def test_two_sites_never_get_the_same_password(tmp_path):
    call_command("ensure_editor", credentials_file=str(tmp_path / "a"))
    get_user_model().objects.all().delete()
    call_command("ensure_editor", credentials_file=str(tmp_path / "b"))
    assert (tmp_path / "a").read_text() != (tmp_path / "b").read_text()
