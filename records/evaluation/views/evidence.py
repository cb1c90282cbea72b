"""Evidence: the link chain from a file to the revision in force and its retention, and the files
themselves (evidence and objection attachments), served as downloads that never render."""

from __future__ import annotations

import mimetypes
from urllib.parse import quote

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from records.evaluation import access
from records.evaluation.models import ObjectionFile
from records.evaluation.views.boundary import gate, get_evidence


def evidence_detail(request, evidence_id: int):
    """cycle → agency → indicator → the procedure revision in force → retention series and disposition date."""
    item = get_evidence(request, evidence_id)
    submission = item.answer.submission
    cycle = submission.cycle
    record = item.record
    pinned = cycle.pinned_revision
    procedure = cycle.procedure
    in_force_at_upload = procedure.revision_in_force_on(record.record_date) if procedure else None
    context = {
        "item": item,
        "cycle": cycle,
        "agency": submission.agency,
        "indicator": item.answer.indicator,
        "pinned": pinned,
        "procedure": procedure,
        "in_force_at_upload": in_force_at_upload,
        "record": record,
        "series": record.series,
        "file": record.files.first(),
        "holds": list(record.holds_in_force()),
    }
    return TemplateResponse(request, "evaluation/admin/evidence.html", context)


def _serve_record_file(record_file):
    if record_file is None or record_file.document is None:
        raise Http404("محتوای این فایل در دسترس نیست (تعیین تکلیف شده است).")
    document = record_file.document
    response = FileResponse(
        document.file.open("rb"), content_type=record_file.mime or mimetypes.guess_type(record_file.name)[0]
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(record_file.name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def evidence_download(request, evidence_id: int):
    item = get_evidence(request, evidence_id)
    return _serve_record_file(item.record.files.first())


def objection_file_download(request, file_id: int):
    gate(request)
    item = get_object_or_404(ObjectionFile.objects.select_related("objection__submission"), pk=file_id)
    access.check_may_see_agency(request.user, item.objection.submission.agency_id)
    return _serve_record_file(item.record.files.first())
