"""Two sibling units under one organisation, each with its own officer, confirmer and approver."""

import pytest

from accounts.roles import Role
from tests.factories import new_procedure, person, site_tree


@pytest.fixture
def units(db):
    from home.models import SectionIndexPage
    from procedures.setup import ensure_signoff_workflow
    from units.models import UnitKind
    from units.services import ensure_unit

    home, procedures, references = site_tree()
    office = home.add_child(instance=SectionIndexPage(title="دفتر مدیریت عملکرد", slug="performance-office"))
    ensure_signoff_workflow(home)
    org = ensure_unit("سازمان", UnitKind.ORGANISATION, roots=[home])
    a = ensure_unit("معاونت الف", UnitKind.DEPUTY, parent=org, roots=[procedures, references])
    b = ensure_unit("دفتر ب", UnitKind.OFFICE, parent=org, roots=[office])
    return {"org": org, "a": a, "b": b, "home": home, "procedures": procedures, "office": office}


@pytest.fixture
def people(units):
    from units.services import add_member

    made = {"superuser": person("root", None, "مدیر سامانه", is_superuser=True, is_staff=True)}
    made["auditor"] = person("auditor", Role.AUDITOR, "ممیز")
    for key in ("a", "b"):
        for name, role in (
            ("officer", Role.QUALITY_OFFICER),
            ("confirmer", Role.CONFIRMER),
            ("approver", Role.APPROVER),
        ):
            user = person(f"{key}_{name}", role, f"{name} واحد {key}")
            add_member(units[key], user, role)
            made[f"{key}_{name}"] = user
    return made


@pytest.fixture
def page_a(units):
    return new_procedure(units["procedures"], title="روش اجرایی واحد الف", code="م پ-الف-۱")


@pytest.fixture
def page_b(units):
    return new_procedure(units["office"], title="روش اجرایی واحد ب", code="م پ-ب-۱")
