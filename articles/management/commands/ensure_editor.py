"""Make sure someone can log in to the admin on a fresh local site, without shipping a fixed password."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a local admin account with a random password if the site has no staff account yet, and "
        "say how to log in. Never changes an existing account's password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--site-url", default="http://127.0.0.1:8000", help="Where the site is served.")
        parser.add_argument(
            "--credentials-file",
            default=str(Path(settings.BASE_DIR) / ".editor-credentials"),
            help="Where the generated password is written (readable by you only). Default: %(default)s",
        )

    def handle(self, *args, username, credentials_file, site_url, **options):
        admin_url = f"{site_url.rstrip('/')}/admin/"
        User = get_user_model()
        credentials = Path(credentials_file)
        if User.objects.filter(is_staff=True, is_active=True).exists():
            hint = f" (password in {credentials})" if credentials.exists() else ""
            self.stdout.write(
                f"Admin: {admin_url} — staff accounts exist{hint}. "
                f"Reset a password with: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username=username, email="", password=password)
        user.groups.add(*Group.objects.filter(name="chief editors"))
        credentials.write_text(f"username: {username}\npassword: {password}\n", encoding="utf-8")
        credentials.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created admin account {username!r} with password {password}\n"
                f"Log in at {admin_url} (also written to {credentials})."
            )
        )
