"""Demo step for evaluation cycles (run by ``load_demo`` after records): seed 003's 1398 and 1399 cycles,
and one cycle of the current year laid out around the day the demo is loaded, so that every role can run
it end to end in the admin. Idempotent: every piece is found by its slug, code or key before it is made.

Decisions on the seed (also written on the pages):
- seed 003 gives the 1398 cycle's circular (۲۴/۱۸۹۹۷۵/۱۱۰ of ۱۳۹۸/۱۰/۲۳), the COVID extension by letter
  ۷۴۹۰۱۴ of ۱۳۹۸/۱۲/۲۴ «with a new timetable attached», and the 1399 cycle's circular ۷۱۲۶۶۹ of
  ۱۳۹۸/۱۲/۰۷ and letter ۲۳۷۰۱۶/۱۱۰ of ۱۳۹۸/۱۲/۲۵ — but not the timetables themselves: every phase date
  here is illustrative. The 1398 self-assessment ends on ۱۳۹۸/۱۲/۲۵ as planned and the letter moves it
  to ۱۳۹۹/۰۲/۳۱; the later phases are planned after the new timetable.
- the agencies are the province's units named in the records demo, plus their national headquarters;
  the demo user «agency» works for the education department. Indicator titles follow the general
  indicators of the administrative reform programme the seeds cite; scores and maxima are illustrative.
- the seeds give no levelling thresholds: see ``records.evaluation.rules`` for Sanad's formula.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import StaffProfile
from accounts.roles import Role, ensure_role_groups
from jalali.calendar import jalali_year_of, parse_jalali
from jalali.digits import to_persian_digits
from records.choices import HoldKind
from records.evaluation import demo_checklists, notices, services
from records.evaluation.choices import (
    CircularRole,
    IndicatorKind,
    IndicatorLevel,
    ObjectionStatus,
)
from records.evaluation.demo_data import (
    AGENCIES,
    AGENCY_USERS,
    INDICATORS,
    LETTERS,
    PROVINCIAL,
    SCORES_1398,
    SCORES_1399,
    TIMETABLE_1398,
    TIMETABLE_1399,
    TIMETABLE_NOW,
)
from records.evaluation.models import (
    Agency,
    AgencyMember,
    CycleCircular,
    CyclePhase,
    EvaluationCyclePage,
    Indicator,
)
from records.evaluation.setup import ensure_evaluation_index


def _d(text: str) -> dt.date:
    return parse_jalali(text)


def _pdf(text: str) -> bytes:
    """A small valid one-page PDF carrying an ASCII line: enough for a demo evidence file."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


# --- references, agencies, users, the bank ---------------------------------------------------------


def letters(loader) -> dict[str, object]:
    from procedures.models import ExternalReferencePage, IssuingAuthority
    from search.numbers import act_number_key

    made = {}
    for slug, (title, ref_type, number, date, authority, summary) in LETTERS.items():
        page = ExternalReferencePage.objects.filter(number_key=act_number_key(number)).first()
        if page is None:
            page = loader.references_folder.add_child(
                instance=ExternalReferencePage(
                    title=title,
                    slug=slug,
                    ref_type=ref_type,
                    number=number,
                    date=_d(date),
                    authority=IssuingAuthority.objects.get_or_create(name=authority)[0],
                    summary=summary,
                )
            )
            page.save_revision().publish()
            loader.say(f"مستند {title} ساخته شد")
        made[slug] = page
    return made


def agencies(loader) -> dict[str, Agency]:
    made: dict[str, Agency] = {}
    for code, name, kind, parent, email in AGENCIES:
        agency, created = Agency.objects.get_or_create(
            code=code,
            defaults={"name": name, "kind": kind, "parent": made.get(parent), "contact_emails": email},
        )
        if created:
            loader.say(f"دستگاه {name} ساخته شد")
        made[code] = agency
    return made


def agency_users(loader, by_code) -> dict[str, object]:
    from home.demo.loader import DEMO_PASSWORD

    User = get_user_model()
    groups = ensure_role_groups()
    users = {}
    for username, first, last, code in AGENCY_USERS:
        user = loader.users_by_name.get(username)
        if user is None:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "email": f"{username}@sanad.example"},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
                loader.say(f"کاربر {username} ساخته شد")
            StaffProfile.objects.get_or_create(
                user=user, defaults={"position": f"کارشناس ارزیابی {by_code[code].name}"}
            )
        user.groups.add(groups[Role.AGENCY_USER])
        AgencyMember.objects.get_or_create(user=user, defaults={"agency": by_code[code]})
        users[code] = user
    return users


def bank(loader, by_code) -> dict[str, Indicator]:
    made = {}
    for code, title, kind, level, maximum, evidence, owner in INDICATORS:
        indicator, created = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "title": title,
                "kind": kind,
                "level": level,
                "max_score": Decimal(maximum),
                "evidence_required": evidence,
                "owner": by_code.get(owner) if owner else None,
            },
        )
        if created:
            loader.say(f"شاخص {code} در بانک شاخص‌ها ساخته شد")
        demo_checklists.apply(indicator, loader)
        made[code] = indicator
    return made


def carry_bank_to_1399(loader, made) -> None:
    """Seed 004's bank carried to the next year with its changes kept: e-government weighs more in 1399,
    and a new general indicator joins. Each change is a history version of the indicator."""
    e_gov = made["ع-۰۲"]
    if e_gov.max_score != Decimal("25"):
        e_gov.max_score = Decimal("25")
        e_gov.evidence_required += "؛ از ۱۳۹۹: گزارش خدمات غیرحضوری در دوران کرونا"
        e_gov._change_reason = "بخشنامه ۷۱۲۶۶۹: وزن بیشتر خدمات الکترونیکی در ۱۳۹۹"
        e_gov.save()
        loader.say("شاخص ع-۰۲ برای ۱۳۹۹ به‌روز شد")
    made["ع-۰۵"], created = Indicator.objects.get_or_create(
        code="ع-۰۵",
        defaults={
            "title": "مدیریت بحران و تداوم خدمات در شرایط همه‌گیری",
            "kind": IndicatorKind.GENERAL,
            "level": IndicatorLevel.MANAGERS,
            "max_score": Decimal("10"),
            "evidence_required": "برنامه تداوم خدمات، گزارش دورکاری و خدمات غیرحضوری",
        },
    )
    if created:
        loader.say("شاخص ع-۰۵ به بانک شاخص‌ها افزوده شد")
    demo_checklists.apply(made["ع-۰۵"], loader)


# --- the cycles --------------------------------------------------------------------------------------


def _series(code: str):
    from records.models import RetentionSeriesPage

    return RetentionSeriesPage.objects.filter(code=code).first()


def _cycle(loader, index, *, slug, year, opened_on, title, intro, note, timetable, agency_list, circulars):
    existing = (
        EvaluationCyclePage.objects.filter(slug=slug).first()
        or EvaluationCyclePage.objects.filter(year=year).first()
    )
    if existing is not None:
        return existing, False
    page = EvaluationCyclePage(
        title=title,
        slug=slug,
        year=year,
        procedure=loader.procedure_page,
        opened_on=opened_on,
        evidence_series=_series("س-ا-۰۱"),
        objection_series=_series("س-ا-۰۳"),
        intro=intro,
        note=note,
        phases=[CyclePhase(kind=k, starts_on=start, ends_on=end) for k, start, end in timetable],
        agencies=agency_list,
        circulars=[CycleCircular(reference=ref, role=role) for ref, role in circulars],
        live=True,
    )
    index.add_child(instance=page)
    page.save_revision(user=loader.users_by_name.get("evaluator")).publish()
    loader.say(f"{title} گشوده شد (بازنگری حاکم: {page.pinned_revision.code})")
    return EvaluationCyclePage.objects.get(pk=page.pk), True


def cycle_1398(loader, index, refs, by_code, users, made) -> EvaluationCyclePage:
    evaluator, approver = loader.users_by_name["evaluator"], loader.users_by_name["approver"]
    cycle, created = _cycle(
        loader,
        index,
        slug="1398",
        year=1398,
        opened_on=_d("1398/10/23"),
        title="ارزیابی عملکرد سال ۱۳۹۸",
        intro="<p>فرایند ارزیابی عملکرد سال ۱۳۹۸ با بخشنامه ۲۴/۱۸۹۹۷۵/۱۱۰ مورخ ۱۳۹۸/۱۰/۲۳ آغاز شد و به سبب شیوع کرونا "
        "با نامه ۷۴۹۰۱۴ مورخ ۱۳۹۸/۱۲/۲۴ تمدید شد.</p>",
        note="نمونه ۰۰۳ زمان‌بندی را «به پیوست» آورده ولی خود جدول را ندارد؛ تاریخ مراحل نمایشی‌اند. مهلت خودارزیابی "
        "طبق برنامه ۱۳۹۸/۱۲/۲۵ بود و با نامه ۷۴۹۰۱۴ تا ۱۳۹۹/۰۲/۳۱ تمدید شد؛ مراحل بعدی طبق جدول جدید برنامه‌ریزی شده‌اند.",
        timetable=[(k, _d(a), _d(b)) for k, a, b in TIMETABLE_1398],
        agency_list=[by_code[c] for c in PROVINCIAL],
        circulars=[
            (refs["circular-24-189975-110"], CircularRole.OPENING),
            (refs["letter-749014"], CircularRole.TIMETABLE),
            (refs["circular-761847"], CircularRole.OTHER),
        ],
    )
    if not created:
        return cycle
    bank_1398 = [made[c] for c in ("ع-۰۱", "ع-۰۲", "ع-۰۳", "ع-۰۴", "ت-۰۱", "خ-۱۰۱", "خ-۲۰۱", "خ-۳۰۱")]
    services.issue_indicators(cycle, bank_1398, by=evaluator, today=_d("1398/10/30"))
    services.grant_extension(
        cycle,
        by=evaluator,
        new_end=_d("1399/02/31"),
        reason="شیوع کرونا و تأثیر آن در عملکرد واحدها و کارکنان؛ موافقت سازمان اداری و استخدامی کشور با تمدید فرایندها "
        "تا واحدها بتوانند در زمان مناسب گزارش‌های کامل ارائه کنند (جدول زمان‌بندی جدید به پیوست نامه).",
        letter=refs["letter-749014"],
        today=_d("1398/12/24"),
    )
    services.grant_extension(
        cycle,
        by=evaluator,
        agency=by_code["401"],
        new_end=_d("1399/03/10"),
        reason="نمونه نمایشی تمدید برای یک دستگاه: درخواست اداره کل به سبب تعطیلی واحدهای شهرستانی در دوران کرونا.",
        letter_number="۹۹/۲۱۴۵ (نمونه)",
        letter_date=_d("1399/02/28"),
        today=_d("1399/02/28"),
    )
    for code, scores in SCORES_1398.items():
        agency = by_code[code]
        # the natural-resources department has no named demo user: its own account files it, late, under
        # the extension it was granted
        user = users.get(code) or _stand_in(agency)
        answer_day = _d("1399/02/20") if code in users else _d("1399/03/05")
        for indicator_code, (self_score, _) in scores.items():
            indicator = cycle.indicators.get(code=indicator_code)
            answer = services.save_answer(
                cycle,
                agency,
                indicator,
                by=user,
                self_score=self_score,
                narrative=f"شرح اقدامات {agency.name} در «{indicator.title}».",
                today=answer_day,
            )
            services.attach_evidence(
                answer,
                by=user,
                name=f"mostanadat-{indicator_code}.pdf",
                data=_pdf(f"Evidence 1398 {code} {indicator.pk}"),
                today=answer_day,
            )
        if code in users:
            services.finalise_submission(
                services.submission_for(cycle, agency), by=user, today=_d("1399/02/25")
            )
    for code, scores in SCORES_1398.items():
        submission = services.submission_for(cycle, by_code[code])
        for indicator_code, (_, score) in scores.items():
            services.score_indicator(
                submission,
                cycle.indicators.get(code=indicator_code),
                by=evaluator,
                score=score,
                comment="مستندات بررسی شد.",
                today=_d("1399/03/20"),
            )
        services.release_results(submission, by=evaluator, today=_d("1399/04/01"))
    education = services.submission_for(cycle, by_code["101"])
    objection = services.file_objection(
        education,
        cycle.indicators.get(code="ع-۰۳"),
        by=users["101"],
        reason="گواهی‌های دوره‌های آموزش مجازی کارکنان در دوران کرونا در بررسی دیده نشده است؛ پیوست شد.",
        files=[("govahi-amoozesh.pdf", _pdf("Training certificates 1398"))],
        today=_d("1399/04/10"),
    )
    services.decide_objection(
        objection,
        by=evaluator,
        status=ObjectionStatus.PARTLY,
        response="گواهی‌ها بررسی شد و بخشی از آن‌ها پذیرفته شد.",
        new_score="13",
        today=_d("1399/04/25"),
    )
    for code in ("201", "301"):
        services.accept_results(
            services.submission_for(cycle, by_code[code]), by=users[code], today=_d("1399/04/12")
        )
    approval = services.propose_final_results(
        cycle,
        by=evaluator,
        note="پس از بررسی اعتراض‌ها، برای طرح در شورای توسعه مدیریت.",
        today=_d("1399/05/12"),
    )
    services.approve_final_results(
        approval,
        by=approver,
        council_reference="صورت‌جلسه ۳/۹۹ شورای توسعه مدیریت (نمونه)",
        council_date=_d("1399/05/18"),
        today=_d("1399/05/28"),
    )
    loader.say("نتایج نهایی ارزیابی ۱۳۹۸ تصویب شد")
    return cycle


def _stand_in(agency):
    """An account for an agency the demo gives no named user (its own staff would use it)."""
    from home.demo.loader import DEMO_PASSWORD

    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=f"agency-{agency.code}", defaults={"first_name": "کاربر", "last_name": agency.name}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(ensure_role_groups()[Role.AGENCY_USER])
    AgencyMember.objects.get_or_create(user=user, defaults={"agency": agency})
    return user


def cycle_1399(loader, index, refs, by_code, users, made) -> EvaluationCyclePage:
    evaluator = loader.users_by_name["evaluator"]
    cycle, created = _cycle(
        loader,
        index,
        slug="1399",
        year=1399,
        opened_on=_d("1398/12/07"),
        title="ارزیابی عملکرد سال ۱۳۹۹",
        intro="<p>ارزیابی عملکرد سال ۱۳۹۹ با وصول بخشنامه ۷۱۲۶۶۹ مورخ ۱۳۹۸/۱۲/۰۷ و ابلاغ آن با نامه ۲۳۷۰۱۶/۱۱۰ مورخ "
        "۱۳۹۸/۱۲/۲۵ آغاز شد، در حالی که ارزیابی ۱۳۹۸ هنوز در جریان بود.</p>",
        note="تاریخ مراحل نمایشی‌اند. در این نمونه اداره کل آموزش و پرورش خودارزیابی را کامل کرده، راه و شهرسازی ناقص "
        "مانده و دو دستگاه دیگر ثبت نکرده‌اند؛ پیشخوان دوره این‌ها را «دیرکرد» نشان می‌دهد.",
        timetable=[(k, _d(a), _d(b)) for k, a, b in TIMETABLE_1399],
        agency_list=[by_code[c] for c in PROVINCIAL],
        circulars=[
            (refs["circular-712669"], CircularRole.OPENING),
            (refs["letter-237016-110"], CircularRole.INDICATORS),
        ],
    )
    if not created:
        return cycle
    carry_bank_to_1399(loader, made)
    codes = ("ع-۰۱", "ع-۰۲", "ع-۰۳", "ع-۰۴", "ع-۰۵", "ت-۰۱", "خ-۱۰۱", "خ-۲۰۱", "خ-۳۰۱")
    services.issue_indicators(
        cycle, [Indicator.objects.get(code=c) for c in codes], by=evaluator, today=_d("1399/01/20")
    )
    for code, scores in SCORES_1399.items():
        agency, user = by_code[code], users[code]
        for indicator_code, self_score in scores.items():
            answer = services.save_answer(
                cycle,
                agency,
                cycle.indicators.get(code=indicator_code),
                by=user,
                self_score=self_score,
                narrative="شرح اقدامات سال ۱۳۹۹.",
                today=_d("1399/11/15"),
            )
            services.attach_evidence(
                answer,
                by=user,
                name=f"mostanadat-1399-{indicator_code}.pdf",
                data=_pdf(f"Evidence 1399 {code} {answer.pk}"),
                today=_d("1399/11/15"),
            )
    services.finalise_submission(
        services.submission_for(cycle, by_code["101"]), by=users["101"], today=_d("1399/12/10")
    )
    return cycle


def cycle_now(loader, index, by_code, users, made) -> EvaluationCyclePage:
    """A cycle of the current year around the load date, for running every step in the admin:
    «agency» answers and finalises; «evaluator» scores and releases; «agency» objects or accepts;
    «evaluator» answers and proposes; «approver» approves. Roads (agency2) is already through."""
    today = timezone.localdate()
    year = jalali_year_of(today)
    evaluator = loader.users_by_name["evaluator"]
    if EvaluationCyclePage.objects.filter(year=year).exists():
        return EvaluationCyclePage.objects.get(year=year)
    cycle, created = _cycle(
        loader,
        index,
        slug=f"run-{year}",
        year=year,
        opened_on=today - dt.timedelta(days=45),
        title=f"ارزیابی عملکرد سال {to_persian_digits(year)} (دوره نمونه برای اجرای کامل)",
        intro="<p>دوره‌ای نمونه که زمان‌بندی آن از روز بارگذاری نسخه نمایشی چیده شده است تا هر نقش بتواند همه مراحل را در "
        "پیشخوان انجام دهد.</p>",
        note="راهنما: کاربر agency خودارزیابی را ثبت و «ثبت نهایی» می‌کند؛ evaluator امتیاز می‌دهد و نتایج اولیه را اعلام "
        "می‌کند؛ agency اعتراض می‌کند یا نتایج را می‌پذیرد؛ evaluator اعتراض را بررسی و نتایج نهایی را پیشنهاد می‌کند؛ "
        "approver تصویب می‌کند. اداره کل راه و شهرسازی (agency2) این مراحل را پیش‌تر گذرانده است.",
        timetable=[
            (k, today + dt.timedelta(days=a), today + dt.timedelta(days=b)) for k, a, b in TIMETABLE_NOW
        ],
        agency_list=[by_code["101"], by_code["201"]],
        circulars=[],
    )
    if not created:
        return cycle
    codes = ("ع-۰۱", "ع-۰۲", "ع-۰۳", "ع-۰۴", "ع-۰۵", "ت-۰۱", "خ-۱۰۱", "خ-۲۰۱")
    services.issue_indicators(
        cycle,
        [Indicator.objects.get(code=c) for c in codes],
        by=evaluator,
        today=today - dt.timedelta(days=31),
    )
    roads, user = by_code["201"], users["201"]
    scores = {
        "ع-۰۱": ("18", "17"),
        "ع-۰۲": ("21", "20"),
        "ع-۰۳": ("13", "12"),
        "ع-۰۴": ("9", "9"),
        "ع-۰۵": ("8", "7"),
        "ت-۰۱": ("9", "8"),
        "خ-۲۰۱": ("14", "14"),
    }
    for code, (self_score, _) in scores.items():
        answer = services.save_answer(
            cycle,
            roads,
            cycle.indicators.get(code=code),
            by=user,
            self_score=self_score,
            narrative="شرح اقدامات.",
            today=today,
        )
        services.attach_evidence(
            answer,
            by=user,
            name=f"mostanadat-{code}.pdf",
            data=_pdf(f"Evidence {year} 201 {answer.pk}"),
            today=today,
        )
    submission = services.finalise_submission(services.submission_for(cycle, roads), by=user, today=today)
    for code, (_, score) in scores.items():
        services.score_indicator(
            submission,
            cycle.indicators.get(code=code),
            by=evaluator,
            score=score,
            comment="بررسی شد.",
            today=today,
        )
    services.release_results(submission, by=evaluator, today=today)
    services.accept_results(submission, by=user, today=today)
    return cycle


def load_demo(loader) -> None:
    index = ensure_evaluation_index(
        loader.home,
        intro="<p>ارزیابی عملکرد سالانه دستگاه‌های اجرایی استان بر پایه روش اجرایی «م پ-م-۱-۰۴» و بیانیه سطح خدمت: "
        "شاخص‌ها، خودارزیابی و مستندات، بررسی، اعتراض، نتایج نهایی، سطح‌بندی و رتبه‌بندی.</p>",
    )
    refs = letters(loader)
    by_code = agencies(loader)
    users = agency_users(loader, by_code)
    made = bank(loader, by_code)
    # The replayed steps mail nobody (the daily send_cycle_notices run announces the current cycle's phases).
    with notices.suppressed():
        older = cycle_1398(loader, index, refs, by_code, users, made)
        cycle_1399(loader, index, refs, by_code, users, made)
        cycle_now(loader, index, by_code, users, made)
    hold_1398(loader, older)


HOLD_1398 = (
    "نگهداری به سبب اعتراض در جریان: اعتراض اداره کل آموزش و پرورش به نتیجه نهایی ارزیابی ۱۳۹۸ نزد مرجع بالاتر "
    "در جریان است؛ مستندات و پیوست‌های اعتراض این دوره تا پایان رسیدگی امحا نمی‌شوند (نمونه)."
)


def hold_1398(loader, cycle) -> None:
    """A hold on the whole 1398 cycle (issue 4): its evidence and objection records are frozen."""
    from records.models import Hold
    from records.services import place_hold

    if Hold.objects.filter(cycle=cycle).exists():
        return
    place_hold(
        cycle=cycle,
        kind=HoldKind.OBJECTION,
        reason=HOLD_1398,
        reference="۹۹/۴۱۲/ش (نمونه)",
        by=loader.users_by_name["records"],
    )
    loader.say("سوابق دوره ارزیابی ۱۳۹۸ توقیف شد (اعتراض در جریان)")
