"""Complaint, suggestion and survey forms (seed 001: «complaints and suggestions through the online
forms»): Wagtail form pages whose submissions are stored, numbered and tracked."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from .spam import HONEYPOT_FIELD, honeypot_field, lookup_over_limit, submission_over_limit
from .tracking import (
    TrackingCounter,
    display_tracking_number,
    next_tracking_number,
    normalise_tracking_number,
)


class FeedbackKind(models.TextChoices):
    COMPLAINT = "complaint", "شکایت"
    SUGGESTION = "suggestion", "پیشنهاد"
    SURVEY = "survey", "نظرسنجی"


class SubmissionStatus(models.TextChoices):
    RECEIVED = "received", "دریافت شد"
    IN_REVIEW = "in_review", "در حال بررسی"
    ANSWERED = "answered", "پاسخ داده شد"
    CLOSED = "closed", "بسته شد"


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")


class FeedbackSubmission(AbstractFormSubmission):
    """One stored submission, with the number given to the sender and the state staff keep up to date."""

    tracking_number = models.CharField("شماره پیگیری", max_length=20, unique=True)
    kind = models.CharField("نوع", max_length=20, choices=FeedbackKind.choices)
    status = models.CharField(
        "وضعیت", max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.RECEIVED
    )
    public_note = models.TextField(
        "پاسخ قابل نمایش",
        blank=True,
        help_text="هر کس شماره پیگیری را داشته باشد این متن را می‌بیند؛ اطلاعات شخصی ننویسید.",
    )
    status_changed_at = models.DateTimeField("تاریخ تغییر وضعیت", default=timezone.now)

    class Meta:
        verbose_name = "درخواست ثبت‌شده"
        verbose_name_plural = "شکایات، پیشنهادها و نظرها"
        ordering = ["-submit_time"]

    def __str__(self) -> str:
        return self.tracking_number_display

    @property
    def tracking_number_display(self) -> str:
        return display_tracking_number(self.tracking_number)

    def get_data(self):
        return {
            **super().get_data(),
            "tracking_number": self.tracking_number_display,
            "status": self.get_status_display(),
        }

    def save(self, *args, **kwargs):
        if self.pk:
            previous = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if previous is not None and previous != self.status:
                self.status_changed_at = timezone.now()
        super().save(*args, **kwargs)


class FeedbackFormPage(RoutablePageMixin, AbstractEmailForm):
    """A complaint, suggestion or survey form; each answer gets a tracking number to follow it up."""

    kind = models.CharField("نوع فرم", max_length=20, choices=FeedbackKind.choices)
    intro = RichTextField("معرفی", blank=True)
    thank_you_text = RichTextField("متن پس از ارسال", blank=True)
    privacy_notice = models.TextField(
        "اطلاع‌رسانی حریم خصوصی",
        blank=True,
        default="اطلاعاتی که می‌فرستید فقط برای رسیدگی به همین درخواست به کار می‌رود.",
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("kind"),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="خانه فرم"),
        FieldPanel("thank_you_text"),
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="رونوشت رایانامه",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage", "home.SectionIndexPage"]
    subpage_types: list[str] = []
    template = "feedback/feedback_form_page.html"
    landing_page_template = "feedback/feedback_form_page_landing.html"

    class Meta:
        verbose_name = "فرم شکایت، پیشنهاد یا نظرسنجی"
        verbose_name_plural = "فرم‌های شکایت، پیشنهاد و نظرسنجی"

    # --- the form ----------------------------------------------------------------------------------

    def get_form_class(self):
        form_class = super().get_form_class()
        return type(form_class.__name__, (form_class,), {HONEYPOT_FIELD: honeypot_field()})

    def get_submission_class(self):
        return FeedbackSubmission

    def get_data_fields(self):
        return [
            ("tracking_number", "شماره پیگیری"),
            ("status", "وضعیت"),
            *super().get_data_fields(),
        ]

    def process_form_submission(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != HONEYPOT_FIELD}
        submission = FeedbackSubmission.objects.create(
            form_data=data,
            page=self,
            kind=self.kind,
            tracking_number=next_tracking_number(self.kind, timezone.localdate()),
        )
        if self.to_address:
            self.send_mail(form)
        return submission

    def render_email(self, form):
        text = super().render_email(form)
        # The honeypot is not part of what the sender wrote.
        return "\n".join(line for line in text.splitlines() if not line.startswith("این خانه را خالی"))

    @path("")
    def serve_form(self, request):
        if request.method != "POST":
            return AbstractEmailForm.serve(self, request)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        status = 200
        if form.is_valid():
            if form.cleaned_data.get(HONEYPOT_FIELD):
                form.add_error(
                    None, "ارسال پذیرفته نشد. اگر این فرم را خودتان پر کرده‌اید، صفحه را دوباره باز کنید."
                )
                status = 400
            elif submission_over_limit(request):
                form.add_error(
                    None,
                    "از این نشانی در چند دقیقه گذشته ارسال‌های زیادی انجام شده است؛ "
                    "لطفاً کمی بعد دوباره تلاش کنید.",
                )
                status = 429
            else:
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    # --- following up ------------------------------------------------------------------------------

    @path("track/")
    def track(self, request):
        """Status by tracking number: the state and the staff's public reply, never what was sent."""
        query = request.GET.get("code", "").strip()
        context = self.get_context(request)
        context.update({"query": query, "submission": None, "error": ""})
        status = 200
        if query:
            number = normalise_tracking_number(query)
            if lookup_over_limit(request):
                context["error"] = "تعداد جست‌وجوهای شما زیاد بوده است؛ چند دقیقه دیگر دوباره تلاش کنید."
                status = 429
            elif number is None:
                context["error"] = "شماره پیگیری باید به شکل «ش-۱۴۰۵-۰۰۰۱۲۳» باشد."
                status = 400
            else:
                context["submission"] = FeedbackSubmission.objects.filter(tracking_number=number).first()
                if context["submission"] is None:
                    context["error"] = "درخواستی با این شماره پیگیری پیدا نشد."
                    status = 404
        response = TemplateResponse(request, "feedback/track.html", context, status=status)
        response["Cache-Control"] = "private, no-store"
        return response

    def clean(self):
        super().clean()
        if not self.kind:
            raise ValidationError({"kind": "نوع فرم را انتخاب کنید."})


__all__ = [
    "FeedbackFormField",
    "FeedbackFormPage",
    "FeedbackKind",
    "FeedbackSubmission",
    "SubmissionStatus",
    "TrackingCounter",
]
