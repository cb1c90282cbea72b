"""Django's ``flush``, let through the append-only triggers (it empties every table, tests included)."""

from django.core.management.commands.flush import Command as FlushCommand

from integrity.guard import maintenance


class Command(FlushCommand):
    def handle(self, **options):
        with maintenance(options.get("database", "default")):
            return super().handle(**options)
