import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse


class Command(BaseCommand):
    help = (
        "Create a local superuser for development when no superuser exists, and print how to "
        "log in. Refuses to run with DJANGO_DEBUG off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("NEWSROOM_ADMIN_USER", "admin"))
        parser.add_argument(
            "--password", default=os.environ.get("NEWSROOM_ADMIN_PASSWORD", "admin")
        )

    def handle(self, *args, username, password, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_local_admin is for local development only (DJANGO_DEBUG is off); "
                "use 'manage.py createsuperuser' in production."
            )
        User = get_user_model()
        address = f"http://127.0.0.1:8000{reverse('admin:index')}"
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"Admin: {address} (log in with your existing superuser; "
                f"a fresh set-up uses {username} / {password})."
            )
            return
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the local admin account. Log in at {address} as {username} / {password}"
            )
        )
