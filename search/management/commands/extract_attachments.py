"""``manage.py extract_attachments``: extract (again) the text of every stored file, with a progress bar,
and re-index the pages that attach them. ``--missing`` only files never extracted; ``--force`` reads
files whose bytes did not change too."""

from __future__ import annotations

from collections import Counter

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from sanad.progress import Progress
from search.attachments import AttachmentText, extract_object, reindex_owners
from search.extraction import STATUS_LABELS


class Command(BaseCommand):
    help = "استخراج دوباره متن همه پرونده‌های پیوست (PDF، DOCX، ODT، XLSX، متن، و نویسه‌خوانی اسکن‌ها)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="فقط پرونده‌هایی که هنوز استخراج نشده‌اند.")
        parser.add_argument("--force", action="store_true", help="پرونده‌های بی‌تغییر را هم دوباره بخوان.")

    def handle(self, *args, missing: bool = False, force: bool = False, **options):
        documents = get_document_model().objects.order_by("pk")
        if missing:
            done = AttachmentText.objects.exclude(status="pending").values_list("object_id", flat=True)
            documents = documents.exclude(pk__in=[int(i) for i in done if i.isdecimal()])
        documents = list(documents)
        progress = Progress(self.stderr._out, label="استخراج متن")
        statuses: Counter[str] = Counter()
        pages = 0
        for n, document in enumerate(documents, start=1):
            row = extract_object(document, force=force)
            statuses[row.status] += 1
            if row.status in ("ok", "ocr"):
                pages += reindex_owners(document)
            progress(n, len(documents))
        for status, count in statuses.most_common():
            self.stdout.write(f"{STATUS_LABELS.get(status, status)}: {count}")
        self.stdout.write(f"پرونده‌ها: {len(documents)}، صفحه‌های نمایه‌شده دوباره: {pages}")
