"""Two authorities, a subject, an agency user and a colleague; references published in each test."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from accounts.roles import Role
from tests.factories import person, site_tree


@dataclass
class World:
    references: object
    aeo: object
    ministry: object
    subject: object
    agency: object
    colleague: object


@pytest.fixture
def world(db):
    from procedures.models import IssuingAuthority
    from subjects.models import SubjectTag

    _, _, references = site_tree()
    return World(
        references=references,
        aeo=IssuingAuthority.objects.create(name="سازمان اداری و استخدامی کشور"),
        ministry=IssuingAuthority.objects.create(name="وزارت آموزش و پرورش"),
        subject=SubjectTag.objects.create(name="ارزیابی عملکرد"),
        agency=person("agency", Role.AGENCY_USER, "کارشناس دستگاه"),
        colleague=person("colleague", Role.AGENCY_USER, "کارشناس دستگاه"),
    )


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a reference (new, or a new revision of one) as the admin would; run what waits for commit."""
    from jalali.calendar import parse_jalali
    from procedures.models import ExternalReferencePage

    def _publish(parent=None, page=None, *, subjects=(), date=None, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            if page is None:
                page = ExternalReferencePage(date=parse_jalali(date) if date else None, **fields)
                parent.add_child(instance=page)
            else:
                for name, value in fields.items():
                    setattr(page, name, value)
            for subject in subjects:
                page.tags.add(subject)
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return _publish
