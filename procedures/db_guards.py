"""What the database refuses for controlled documents (issue 10 §3), installed by migration 0006.

The same rules hold in the models' ``save``/``delete`` (with the audit entry); these triggers hold
below them, for ``_base_manager``, querysets and raw SQL. The legitimate writes they leave open are
exactly those of ``procedures.services``:

- a revision's content is stamped before its register row exists (``_stamp``, then ``_register``);
- a register row moves approved -> in force (``activate_revision``: ``effective_from``), in force ->
  superseded (``effective_until``) or in force -> withdrawn (``decide_withdrawal``: ``withdrawn_on``,
  ``effective_until``, ``withdrawal_reason``); nothing else about it changes and it is never deleted;
- a page goes live only with a revision the register approved and three people signed; while live its
  content changes only in the publishing write itself, when its new live revision is still «approved»
  (``ControlledDocumentPage.save`` activates the revision after Wagtail's write).
"""

from __future__ import annotations

from sanad.dbguards import Guard, changed, history_guards

#: Tables of the concrete controlled document pages (subclasses of ControlledDocumentPage).
CONTROLLED_PAGE_TABLES = ("procedures_procedurepage", "procedures_servicestatementpage")
#: Their own columns (besides page_ptr_id): everything a reader sees of the document.
CONTROLLED_PAGE_COLUMNS = {
    "procedures_procedurepage": (
        "form_code",
        "document_code",
        "organisation",
        "organisation_unit",
        "control_notice",
        "change_reason",
        "review_interval_months",
        "revision_number",
        "issue_date",
        "revision_date",
        "purpose",
        "scope",
        "definitions",
        "responsibility_execution",
        "responsibility_supervision",
        "activities",
        "records_list",
        "external_documents",
        "attachments",
        "demo_note",
    ),
    "procedures_servicestatementpage": (
        "form_code",
        "document_code",
        "organisation",
        "organisation_unit",
        "control_notice",
        "change_reason",
        "review_interval_months",
        "revision_number",
        "issue_date",
        "revision_date",
        "introduction",
        "purpose",
        "responsibility",
        "service_steps",
        "commitments",
        "costs",
        "validity",
        "termination",
    ),
}
#: What a reader sees of a page in wagtailcore_page (the rest is Wagtail's bookkeeping).
PAGE_CONTENT_COLUMNS = ("title", "slug", "seo_title", "search_description", "show_in_menus", "live")

REGISTER = "procedures_controlledrevision"
REGISTER_FROZEN_COLUMNS = (
    "id",
    "page_id",
    "revision_id",
    "number",
    "code",
    "title",
    "issue_date",
    "revision_date",
    "change_reason",
    "approved_on",
    "imported",
    "import_note",
    "content_sha256",
    "created_at",
)
REVISION_FROZEN_COLUMNS = (
    "id",
    "content",
    "object_id",
    "content_type_id",
    "base_content_type_id",
    "created_at",
    "user_id",
    "object_str",
)


def _is_controlled(page_id: str) -> str:
    tables = " OR ".join(
        f"EXISTS (SELECT 1 FROM {t} WHERE page_ptr_id = {page_id})" for t in CONTROLLED_PAGE_TABLES
    )
    return f"({tables} OR EXISTS (SELECT 1 FROM {REGISTER} WHERE page_id = {page_id}))"


def _signed_and_approved(revision_id: str, statuses: str) -> str:
    """The register approved ``revision_id`` (status in ``statuses``) and three roles signed it."""
    return (
        f"EXISTS (SELECT 1 FROM {REGISTER} cr WHERE cr.revision_id = {revision_id} AND cr.status IN ({statuses})"
        f" AND (SELECT COUNT(DISTINCT s.role) FROM procedures_signoff s WHERE s.controlled_revision_id = cr.id) = 3)"
    )


def _publishing(page_id: str) -> str:
    """The page's live revision is one the register approved and has not yet brought into force."""
    return (
        f"EXISTS (SELECT 1 FROM wagtailcore_page p JOIN {REGISTER} cr ON cr.revision_id = p.live_revision_id"
        f" WHERE p.id = {page_id} AND cr.status = 'approved')"
    )


_GOING_LIVE_APPROVED = _signed_and_approved("NEW.live_revision_id", "'approved', 'in_force'")
_REFUSE_CHANGE = "نسخه منتشرشده سند کنترل‌شده تغییرناپذیر است؛ برای تغییر، پیش‌نویس بازنگری بعدی را تهیه کنید."

GUARDS: tuple[Guard, ...] = (
    (
        # --- published revisions -----------------------------------------------------------------------
        Guard(
            name="revision_published_update",
            table="wagtailcore_revision",
            event="UPDATE",
            when=f"{changed(*REVISION_FROZEN_COLUMNS)} AND EXISTS (SELECT 1 FROM {REGISTER} WHERE revision_id = OLD.id)",
            message="محتوای بازنگری ثبت‌شده در دفتر بازنگری‌ها تغییرناپذیر است.",
        ),
        Guard(
            name="revision_published_delete",
            table="wagtailcore_revision",
            event="DELETE",
            when=f"EXISTS (SELECT 1 FROM {REGISTER} WHERE revision_id = OLD.id)",
            message="بازنگری ثبت‌شده در دفتر بازنگری‌ها حذف نمی‌شود.",
        ),
        # --- the register ------------------------------------------------------------------------------
        Guard(
            name="register_frozen",
            table=REGISTER,
            event="UPDATE",
            when=changed(*REGISTER_FROZEN_COLUMNS),
            message="مشخصات بازنگری ثبت‌شده (کد، شماره، تاریخ‌ها، شرح تغییرات، چکیده محتوا) تغییرناپذیر است.",
        ),
        Guard(
            name="register_status",
            table=REGISTER,
            event="UPDATE",
            when=(
                "NEW.status IS DISTINCT FROM OLD.status AND NOT ("
                "(OLD.status = 'approved' AND NEW.status = 'in_force')"
                " OR (OLD.status = 'in_force' AND NEW.status IN ('superseded', 'withdrawn')))"
            ),
            message="وضعیت بازنگری فقط از «تصویب‌شده» به «جاری» و از «جاری» به «منسوخ» یا «ابطال‌شده» می‌رود.",
        ),
        Guard(
            name="register_lifecycle",
            table=REGISTER,
            event="UPDATE",
            when=(
                "(NEW.effective_from IS DISTINCT FROM OLD.effective_from"
                " AND NOT (OLD.status = 'approved' AND NEW.status = 'in_force'))"
                " OR (NEW.effective_until IS DISTINCT FROM OLD.effective_until AND NOT (OLD.effective_until IS NULL"
                " AND OLD.status = 'in_force' AND NEW.status IN ('superseded', 'withdrawn')))"
                " OR ((NEW.withdrawn_on IS DISTINCT FROM OLD.withdrawn_on"
                " OR NEW.withdrawal_reason IS DISTINCT FROM OLD.withdrawal_reason)"
                " AND NOT (OLD.status = 'in_force' AND NEW.status = 'withdrawn'))"
            ),
            message="تاریخ‌های اجرا و ابطال بازنگری فقط همراه با تغییر وضعیت مجاز آن و یک بار ثبت می‌شوند.",
        ),
        Guard(
            name="register_in_force",
            table=REGISTER,
            event="UPDATE",
            when=(
                "OLD.status = 'approved' AND NEW.status = 'in_force' AND (NEW.effective_from IS NULL"
                " OR NOT EXISTS (SELECT 1 FROM wagtailcore_page p WHERE p.id = OLD.page_id"
                " AND p.live_revision_id = OLD.revision_id))"
            ),
            message="بازنگری تصویب‌شده فقط هنگام انتشار همان بازنگری و با تاریخ اجرا جاری می‌شود.",
        ),
        Guard(
            name="register_superseded",
            table=REGISTER,
            event="UPDATE",
            when=(
                "OLD.status = 'in_force' AND NEW.status = 'superseded' AND (NEW.effective_until IS NULL"
                f" OR NOT EXISTS (SELECT 1 FROM {REGISTER} later WHERE later.page_id = OLD.page_id"
                " AND later.number > OLD.number AND later.status = 'approved'))"
            ),
            message="بازنگری جاری فقط وقتی منسوخ می‌شود که بازنگری بعدی همان سند تصویب شده باشد.",
        ),
        Guard(
            name="register_withdrawn",
            table=REGISTER,
            event="UPDATE",
            when=(
                "OLD.status = 'in_force' AND NEW.status = 'withdrawn' AND (NEW.withdrawn_on IS NULL"
                " OR NEW.withdrawal_reason = '' OR NEW.effective_until IS NULL"
                " OR NOT EXISTS (SELECT 1 FROM procedures_withdrawalrequest w WHERE w.page_id = OLD.page_id"
                " AND w.status = 'approved'))"
            ),
            message="بازنگری فقط با درخواست ابطالِ تصویب‌شده و با ثبت تاریخ و دلیل ابطال، ابطال می‌شود.",
        ),
        Guard(
            name="register_delete",
            table=REGISTER,
            event="DELETE",
            message="بازنگری‌های کنترل‌شده هرگز حذف نمی‌شوند.",
        ),
        # --- sign-offs ----------------------------------------------------------------------------------
        Guard(
            name="signoff_update",
            table="procedures_signoff",
            event="UPDATE",
            message="امضای ثبت‌شده تغییرناپذیر است.",
        ),
        Guard(
            name="signoff_delete",
            table="procedures_signoff",
            event="DELETE",
            message="امضای ثبت‌شده حذف نمی‌شود.",
        ),
        # --- controlled pages ---------------------------------------------------------------------------
        Guard(
            name="page_live_revision",
            table="wagtailcore_page",
            event="UPDATE",
            when=(
                "(NEW.live_revision_id IS DISTINCT FROM OLD.live_revision_id OR (NEW.live AND NOT OLD.live))"
                f" AND {_is_controlled('OLD.id')}"
                f" AND NOT {_GOING_LIVE_APPROVED}"
            ),
            message=(
                "سند کنترل‌شده فقط با بازنگری‌ای منتشر می‌شود که در دفتر بازنگری‌ها تصویب شده و سه امضا دارد؛"
                " انتشار مستقیم مجاز نیست."
            ),
        ),
        Guard(
            name="page_live_content",
            table="wagtailcore_page",
            event="UPDATE",
            when=(
                f"OLD.live AND {changed(*PAGE_CONTENT_COLUMNS)} AND {_is_controlled('OLD.id')}"
                f" AND NOT EXISTS (SELECT 1 FROM {REGISTER} cr WHERE cr.revision_id = NEW.live_revision_id"
                " AND cr.status = 'approved')"
            ),
            message=_REFUSE_CHANGE,
        ),
        Guard(
            name="page_controlled_delete",
            table="wagtailcore_page",
            event="DELETE",
            when=f"EXISTS (SELECT 1 FROM {REGISTER} WHERE page_id = OLD.id)",
            message="سند کنترل‌شده‌ای که بازنگری ثبت‌شده دارد حذف نمی‌شود؛ می‌توان آن را ابطال کرد.",
        ),
    )
    + tuple(
        Guard(
            name=f"{table.removeprefix('procedures_')}_live_content",
            table=table,
            event="UPDATE",
            when=(
                f"{changed(*columns)} AND EXISTS (SELECT 1 FROM wagtailcore_page p WHERE p.id = OLD.page_ptr_id"
                f" AND p.live) AND NOT {_publishing('OLD.page_ptr_id')}"
            ),
            message=_REFUSE_CHANGE,
        )
        for table, columns in CONTROLLED_PAGE_COLUMNS.items()
    )
    + tuple(
        Guard(
            name=f"{table.removeprefix('procedures_')}_delete",
            table=table,
            event="DELETE",
            when=f"EXISTS (SELECT 1 FROM {REGISTER} WHERE page_id = OLD.page_ptr_id)",
            message="سند کنترل‌شده‌ای که بازنگری ثبت‌شده دارد حذف نمی‌شود؛ می‌توان آن را ابطال کرد.",
        )
        for table in CONTROLLED_PAGE_TABLES
    )
    + (
        # --- the audit trail ---------------------------------------------------------------------------
        Guard(
            name="pagelogentry_update",
            table="wagtailcore_pagelogentry",
            event="UPDATE",
            message="رویدادهای گزارش ممیزی تغییرناپذیرند.",
        ),
        Guard(
            name="pagelogentry_delete",
            table="wagtailcore_pagelogentry",
            event="DELETE",
            message="رویدادهای گزارش ممیزی حذف نمی‌شوند.",
        ),
        Guard(
            name="modellogentry_update",
            table="wagtailcore_modellogentry",
            event="UPDATE",
            message="رویدادهای گزارش ممیزی تغییرناپذیرند.",
        ),
        Guard(
            name="modellogentry_delete",
            table="wagtailcore_modellogentry",
            event="DELETE",
            message="رویدادهای گزارش ممیزی حذف نمی‌شوند.",
        ),
    )
)


HISTORY_GUARDS = history_guards("procedures_historicalissuingauthority")

# --- the copy register (issue 13 §6), installed by migration 0008 ------------------------------------
COPY_REGISTER = "procedures_issuedcopy"
COPY_FROZEN_COLUMNS = (
    "id",
    "controlled_revision_id",
    "number",
    "recipient_user_id",
    "recipient_name",
    "recipient_unit",
    "issued_on",
    "issued_at",
    "issued_by_id",
    "verification_code",
)
COPY_GUARDS: tuple[Guard, ...] = (
    Guard(
        name="issuedcopy_frozen",
        table=COPY_REGISTER,
        event="UPDATE",
        when=changed(*COPY_FROZEN_COLUMNS),
        message="مشخصات نسخه صادرشده (شماره، گیرنده، تاریخ صدور، کد تصدیق) تغییرناپذیر است.",
    ),
    Guard(
        name="issuedcopy_file",
        table=COPY_REGISTER,
        event="UPDATE",
        # The issued PDF and its hash are written once, both together, while still empty.
        when=(
            f"{changed('issued_file', 'issued_sha256')} AND (OLD.issued_file <> '' OR OLD.issued_sha256 <> ''"
            " OR NEW.issued_file = '' OR NEW.issued_sha256 = '')"
        ),
        message="پرونده صادرشده نسخه و چکیده آن یک بار ثبت می‌شوند و تغییر نمی‌کنند.",
    ),
    Guard(
        name="issuedcopy_recall",
        table=COPY_REGISTER,
        event="UPDATE",
        when=f"{changed('recalled_on', 'recalled_by_id', 'recall_note')} AND OLD.recalled_on IS NOT NULL",
        message="فراخوان این نسخه پیش‌تر ثبت شده است.",
    ),
    Guard(
        name="issuedcopy_delete",
        table=COPY_REGISTER,
        event="DELETE",
        message="نسخه‌های ثبت‌شده در دفتر توزیع حذف نمی‌شوند؛ نسخه منسوخ را فراخوان کنید.",
    ),
)
