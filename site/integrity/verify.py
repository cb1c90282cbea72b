"""``verify_integrity``: what the database could not refuse is found here, and named in Persian.

1. the audit chain: every entry has its seal, each seal its entry, the links follow each other with
   no gap, and each entry still hashes to what was sealed (``integrity.chain``);
2. every registered revision's content against its ``content_sha256`` and against the hash the chain
   took when it was approved; 3. its three signatures against the chain's fingerprint of them;
4. every record file's bytes against its SHA-256 (``records.fixity``) and that SHA-256 against the
   chain; 5. optionally, daily digests kept outside the database: the chain still passes through them.
Anchors are read only from entries whose seal holds, so a forged anchor is never trusted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.utils import timezone

from integrity import chain
from integrity.digest import Digest
from jalali.digits import to_persian_digits
from jalali.formatting import format_jalali

CHAIN = "زنجیره ممیزی"
_KIND = {"page": "رویداد صفحه", "model": "رویداد"}


@dataclass(frozen=True)
class Finding:
    area: str  # chain, revision, signoff, file, digest
    subject: str  # the object, as a person would name it
    message: str  # the whole Persian line

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class RevisionAnchor:
    sequence: int
    content_sha256: str
    signoffs_sha256: str | None
    code: str


@dataclass
class Anchors:
    """What the chain says was registered: revisions' hashes and record files' hashes, by id."""

    revisions: dict[int, RevisionAnchor] = field(default_factory=dict)
    files: dict[int, tuple[int, str]] = field(default_factory=dict)  # file id -> (sequence, sha256)
    removed_files: set[int] = field(default_factory=set)

    def take(self, sequence: int, data: dict) -> None:
        if not isinstance(data, dict):
            return
        pk = data.get("controlled_revision")
        if isinstance(pk, int) and data.get("content_sha256"):
            known = self.revisions.get(pk)
            if known is None or sequence < known.sequence:  # the approval is the first word
                self.revisions[pk] = RevisionAnchor(
                    sequence, data["content_sha256"], data.get("signoffs_sha256"), str(data.get("code", ""))
                )
        files = data.get("record_files")
        if isinstance(files, dict):
            for key, sha in files.items():
                if str(key).isdigit() and (int(key) not in self.files or sequence < self.files[int(key)][0]):
                    self.files[int(key)] = (sequence, str(sha))
        if isinstance(data.get("removed_file"), int):
            self.removed_files.add(data["removed_file"])


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.findings

    def add(self, area: str, subject: str, message: str) -> None:
        self.findings.append(Finding(area, subject, f"{subject}: {message}"))


def _fa(value: object) -> str:
    return to_persian_digits(value)


# --- 1. the chain -----------------------------------------------------------------------------------


def check_chain(report: Report, using: str = "default") -> Anchors:
    """Links, gaps, entries without seals, seals without entries, entries changed after sealing."""
    from wagtail.models import ModelLogEntry, PageLogEntry

    from integrity.models import AuditSeal

    sealed: dict[tuple[str, int], tuple[int, str]] = {}
    expected, previous = 1, chain.GENESIS
    seals = AuditSeal.objects.using(using).order_by("sequence")
    rows = seals.values_list("sequence", "log_model", "log_id", "content_sha256", "previous_sha256", "sha256")
    for sequence, kind, log_id, content, prev, sha in rows.iterator(chunk_size=5000):
        if sequence != expected:
            gap = _fa(expected) if sequence == expected + 1 else f"{_fa(expected)} تا {_fa(sequence - 1)}"
            report.add("chain", CHAIN, f"حلقه {gap} از زنجیره حذف شده است")
        elif prev != previous:
            report.add("chain", CHAIN, f"حلقه {_fa(sequence)} به حلقه پیش از خود پیوند ندارد")
        if sha != chain.link_sha256(prev, content):
            report.add("chain", CHAIN, f"حلقه {_fa(sequence)} پس از ثبت دست‌کاری شده است")
        sealed[(kind, log_id)] = (sequence, content)
        expected, previous = sequence + 1, sha
    report.counts["seals"] = len(sealed)

    anchors = Anchors()
    entries = 0
    for kind, model in (("page", PageLogEntry), ("model", ModelLogEntry)):
        for entry in model._base_manager.using(using).order_by("pk").iterator(chunk_size=2000):
            entries += 1
            name = f"{_KIND[kind]} {_fa(entry.pk)} («{entry.action}»)"
            seal = sealed.pop((kind, entry.pk), None)
            if seal is None:
                report.add("chain", CHAIN, f"{name} مهر زنجیره ندارد؛ بیرون از زنجیره افزوده شده است")
                continue
            key = chain.content_type_key(entry.content_type_id, using)
            if chain.entry_sha256(entry, kind, key) != seal[1]:
                report.add("chain", CHAIN, f"{name} پس از ثبت تغییر کرده است")
                continue
            anchors.take(seal[0], entry.data)
    report.counts["entries"] = entries
    for (kind, log_id), (sequence, _) in sorted(sealed.items(), key=lambda item: item[1][0]):
        report.add(
            "chain",
            CHAIN,
            f"{_KIND[kind]} {_fa(log_id)} (حلقه {_fa(sequence)}) از جدول رویدادها حذف شده است",
        )
    return anchors


def check_digests(report: Report, digests: Iterable[Digest], using: str = "default") -> None:
    """The chain still passes through each head kept outside the database."""
    from integrity.models import AuditSeal

    count = 0
    for digest in digests:
        count += 1
        subject = f"چکیده روزانه {format_jalali(digest.day)}"
        if digest.sequence == 0:
            continue
        seal = AuditSeal.objects.using(using).filter(sequence=digest.sequence).first()
        if seal is None:
            report.add(
                "digest", subject, f"حلقه {_fa(digest.sequence)} دیگر در زنجیره نیست؛ زنجیره کوتاه شده است"
            )
        elif seal.sha256 != digest.sha256:
            report.add(
                "digest",
                subject,
                f"زنجیره از حلقه {_fa(digest.sequence)} نمی‌گذرد؛ زنجیره پیش از آن بازنویسی شده است",
            )
    report.counts["digests"] = count


# --- 2 and 3. registered revisions and their signatures ----------------------------------------------


def check_revisions(report: Report, anchors: Anchors, using: str = "default") -> None:
    from wagtail.models import Revision

    from procedures.fingerprints import signoffs_sha256
    from procedures.models import ControlledRevision, SignOff
    from procedures.services import content_sha256

    registered = list(
        ControlledRevision._base_manager.using(using)
        .order_by("pk")
        .values_list("pk", "code", "content_sha256", "revision_id")
    )
    contents = dict(
        Revision.objects.using(using)
        .filter(pk__in=[row[3] for row in registered])
        .values_list("pk", "content")
    )
    signoffs: dict[int, list] = defaultdict(list)
    for signoff in SignOff._base_manager.using(using).all():
        signoffs[signoff.controlled_revision_id].append(signoff)
    seen = set()
    for pk, code, stored, revision_id in registered:
        seen.add(pk)
        subject = f"بازنگری «{code}»"
        anchor = anchors.revisions.get(pk)
        if revision_id not in contents:
            report.add("revision", subject, "نسخه ذخیره‌شده آن از پایگاه داده حذف شده است")
        elif content_sha256(contents[revision_id]) != stored:
            report.add("revision", subject, "محتوا پس از ثبت تغییر کرده است (با چکیده ثبت‌شده‌اش یکسان نیست)")
        if anchor is None:
            report.add("revision", subject, "تصویب آن در زنجیره ممیزی ثبت نشده است")
            continue
        if anchor.content_sha256 != stored:
            report.add(
                "revision",
                subject,
                "چکیده محتوا با آنچه هنگام تصویب در زنجیره ممیزی ثبت شد یکسان نیست؛ محتوا و چکیده‌اش بازنویسی شده‌اند",
            )
        rows = signoffs.get(pk, [])
        if anchor.signoffs_sha256 and signoffs_sha256(rows) != anchor.signoffs_sha256:
            report.add(
                "signoff",
                subject,
                f"امضاها با آنچه هنگام تصویب در زنجیره ممیزی ثبت شد یکسان نیستند (اکنون {_fa(len(rows))} امضا)",
            )
    for pk, anchor in sorted(anchors.revisions.items()):
        if pk not in seen:
            name = f"بازنگری «{anchor.code}»" if anchor.code else f"بازنگری ثبت‌شده {_fa(pk)}"
            report.add("revision", name, f"از دفتر ثبت حذف شده است (در زنجیره: حلقه {_fa(anchor.sequence)})")
    report.counts["revisions"] = len(registered)
    report.counts["signoffs"] = sum(len(rows) for rows in signoffs.values())


# --- 4. record files ---------------------------------------------------------------------------------


def check_files(report: Report, anchors: Anchors, using: str = "default") -> None:
    from records.fixity import check_file
    from records.models import RecordFile

    seen = set()
    files = RecordFile._base_manager.using(using).select_related("record", "document").order_by("pk")
    for record_file in files.iterator(chunk_size=500):
        seen.add(record_file.pk)
        subject = f"فایل «{record_file.name}» سابقه {record_file.record.reference_number}"
        anchored = anchors.files.get(record_file.pk)
        if anchored is None:
            report.add("file", subject, "چکیده آن در زنجیره ممیزی ثبت نشده است")
        elif anchored[1] != record_file.sha256:
            report.add(
                "file", subject, "چکیده ثبت‌شده با آنچه هنگام بارگذاری در زنجیره ممیزی ثبت شد یکسان نیست"
            )
        if record_file.removed_at is None and record_file.document_id is not None:
            result = check_file(record_file)
            if not result.ok:
                report.add("file", subject, result.problem)
    for pk, (sequence, _) in sorted(anchors.files.items()):
        if pk not in seen and pk not in anchors.removed_files:
            report.add(
                "file",
                f"فایل سابقه {_fa(pk)}",
                f"ردیف آن از پایگاه داده حذف شده است (در زنجیره: حلقه {_fa(sequence)})",
            )
    report.counts["files"] = len(seen)


# --- the whole run -----------------------------------------------------------------------------------


def verify(digests: Iterable[Digest] = (), using: str = "default") -> Report:
    report = Report()
    anchors = check_chain(report, using)
    check_digests(report, digests, using)
    check_revisions(report, anchors, using)
    check_files(report, anchors, using)
    return report


def run_and_store(digests: Iterable[Digest] = (), using: str = "default"):
    """Verify and keep the result for the auditor's dashboard; the stored ``IntegrityRun``."""
    from integrity.models import IntegrityRun

    started = timezone.now()
    report = verify(digests, using)
    return IntegrityRun.objects.using(using).create(
        started_at=started,
        finished_at=timezone.now(),
        ok=report.ok,
        findings=[asdict(finding) for finding in report.findings],
        counts=report.counts,
    ), report


def digest_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the ``*.txt`` in each directory named."""
    found: list[Path] = []
    for path in map(Path, paths):
        found.extend(sorted(path.glob("audit-digest-*.txt")) if path.is_dir() else [path])
    return found
