"""The archive's two audit actions: a whole-archive export and an import are events of the audit trail."""

from __future__ import annotations

from wagtail import hooks

EXPORTED = ("sanad.archive.export", "برون‌بری کل بایگانی", "کل بایگانی در یک بسته BagIt برون‌بری شد")
IMPORTED = ("sanad.archive.import", "بازگردانی بایگانی", "بایگانی از یک بسته BagIt بازگردانده شد")


@hooks.register("register_log_actions")
def register_archive_log_actions(actions):
    for action, label, message in (EXPORTED, IMPORTED):
        actions.register_action(action, label, message)
