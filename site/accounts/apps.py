from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "کاربران و نقش‌ها"

    def ready(self) -> None:
        from accounts.permission_names import rename_permissions

        # After each app's own permissions are made (Django's receiver runs first for that app).
        post_migrate.connect(rename_permissions, dispatch_uid="sanad-persian-permission-names")
