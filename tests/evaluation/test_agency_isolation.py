"""An agency user sees and edits only their own agency's submission — on every route: admin screens,
guessed URLs, downloads, the JSON API, admin listings and search results."""

import json

import pytest

from records.evaluation import services
from records.evaluation.models import EvidenceFile, Objection
from tests.evaluation import factories as ef
from tests.evaluation.conftest import pdf
from tests.evaluation.flow import review, self_assess

pytestmark = pytest.mark.django_db

SECRET_WORD = "شاخص‌نمای‌محرمانه‌ب"


@pytest.fixture
def world(cycle, agencies, people):
    """A and B have answered with evidence; both have initial results; B has objected with a file."""
    a = self_assess(cycle, agencies["a"], people["a_user"], {"ع-۱": "8", "ع-۲": "15", "خ-الف-۱": "5"})
    g1 = cycle.indicators.get(code="ع-۱")
    services.save_answer(
        cycle,
        agencies["b"],
        g1,
        by=people["b_user"],
        self_score="9",
        narrative=f"گزارش {SECRET_WORD}",
        today=ef.day(0),
    )
    answer_b = services.submission_for(cycle, agencies["b"]).answers.get(indicator=g1)
    services.attach_evidence(
        answer_b, by=people["b_user"], name=f"{SECRET_WORD}.pdf", data=pdf(SECRET_WORD), today=ef.day(0)
    )
    b = self_assess(cycle, agencies["b"], people["b_user"], {"ع-۲": "18"})
    review(cycle, agencies["a"], people["evaluator"], {"ع-۱": "7", "ع-۲": "14", "خ-الف-۱": "4"})
    review(cycle, agencies["b"], people["evaluator"], {"ع-۱": "9", "ع-۲": "16"})
    objection = services.file_objection(
        b,
        g1,
        by=people["b_user"],
        reason=f"اعتراض {SECRET_WORD}",
        files=[("پیوست.pdf", pdf("پیوست"))],
        today=ef.day(22),
    )
    return {
        "cycle": cycle,
        "a": agencies["a"],
        "b": agencies["b"],
        "g1": g1,
        "evidence_a": EvidenceFile.objects.filter(answer__submission=a).first(),
        "evidence_b": EvidenceFile.objects.filter(answer=answer_b).first(),
        "objection_b": objection,
        "objection_file_b": objection.files.get(),
        "submission_b": b,
    }


def b_routes(w):
    c, b, g1 = w["cycle"].pk, w["b"].pk, w["g1"].pk
    return [
        f"/admin/evaluation/cycles/{c}/agencies/{b}/",
        f"/admin/evaluation/cycles/{c}/agencies/{b}/indicators/{g1}/",
        f"/admin/evaluation/cycles/{c}/agencies/{b}/scorecard/",
        f"/admin/evaluation/cycles/{c}/agencies/{b}/objections/",
        f"/admin/evaluation/evidence/{w['evidence_b'].pk}/",
        f"/admin/evaluation/evidence/{w['evidence_b'].pk}/file/",
        f"/admin/evaluation/objections/{w['objection_b'].pk}/",
        f"/admin/evaluation/objection-files/{w['objection_file_b'].pk}/",
        f"/api/evaluation/submissions/{w['submission_b'].pk}/",
    ]


def test_an_agency_user_reaches_none_of_another_agencys_routes(client, world, people):
    client.force_login(people["a_user"])
    for url in b_routes(world):
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET_WORD not in response.content.decode(), url


def test_an_agency_user_cannot_post_to_another_agencys_submission(client, world, people):
    client.force_login(people["a_user"])
    c, b = world["cycle"].pk, world["b"].pk
    posts = [
        (
            f"/admin/evaluation/cycles/{c}/agencies/{b}/indicators/{world['g1'].pk}/",
            {"self_score": "0", "narrative": "نفوذ"},
        ),
        (f"/admin/evaluation/cycles/{c}/agencies/{b}/finalise/", {}),
        (f"/admin/evaluation/cycles/{c}/agencies/{b}/accept/", {}),
        (
            f"/admin/evaluation/cycles/{c}/agencies/{b}/objections/",
            {"indicator": world["g1"].pk, "reason": "x"},
        ),
        (f"/admin/evaluation/evidence/{world['evidence_b'].pk}/withdraw/", {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    answer = world["submission_b"].answers.get(indicator=world["g1"])
    assert answer.narrative == f"گزارش {SECRET_WORD}" and answer.self_score == 9
    assert EvidenceFile.objects.get(pk=world["evidence_b"].pk).withdrawn_at is None
    assert Objection.objects.filter(submission__agency=world["a"]).count() == 0


def test_the_agency_reaches_its_own_submission_evidence_and_scorecard(client, world, people):
    client.force_login(people["a_user"])
    c, a = world["cycle"].pk, world["a"].pk
    page = client.get(f"/admin/evaluation/cycles/{c}/agencies/{a}/")
    assert page.status_code == 200 and "اداره کل الف" in page.content.decode()
    assert SECRET_WORD not in page.content.decode()
    download = client.get(f"/admin/evaluation/evidence/{world['evidence_a'].pk}/file/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]
    chain = client.get(f"/admin/evaluation/evidence/{world['evidence_a'].pk}/").content.decode()
    assert "م پ-م-۱-۰۴/۰۰" in chain and "س-ا-۰۱" in chain and "موعد تعیین تکلیف" in chain
    assert client.get(f"/admin/evaluation/cycles/{c}/agencies/{a}/scorecard/").status_code == 200
    home = client.get("/admin/evaluation/").content.decode()
    assert "اداره کل الف" in home and "اداره کل ب" not in home


def test_organisation_screens_are_closed_to_agency_users(client, world, people):
    client.force_login(people["a_user"])
    c = world["cycle"].pk
    for url in (
        f"/admin/evaluation/cycles/{c}/",
        f"/admin/evaluation/cycles/{c}/extensions/",
        f"/admin/evaluation/cycles/{c}/indicators/",
        f"/admin/evaluation/cycles/{c}/final/",
        f"/admin/evaluation/procedures/{world['cycle'].procedure_id}/cycles/",
        "/admin/snippets/evaluation/agency/",
        "/admin/snippets/evaluation/agencymember/",
    ):
        assert client.get(url).status_code in (302, 403), url


def test_staff_readers_see_every_agency_and_strangers_see_none(client, world, people):
    c, b = world["cycle"].pk, world["b"].pk
    client.force_login(people["auditor"])
    assert (
        SECRET_WORD
        in client.get(
            f"/admin/evaluation/cycles/{c}/agencies/{b}/indicators/{world['g1'].pk}/"
        ).content.decode()
    )
    assert client.get(f"/admin/evaluation/cycles/{c}/").status_code == 200
    client.force_login(people["stranger"])
    for url in b_routes(world)[:3] + ["/admin/evaluation/"]:
        assert client.get(url).status_code in (302, 403), url


def test_guessed_and_malformed_ids_answer_404_not_500(client, world, people):
    client.force_login(people["a_user"])
    c, a = world["cycle"].pk, world["a"].pk
    for url in (
        f"/admin/evaluation/cycles/{c}/agencies/999999/",
        f"/admin/evaluation/cycles/999999/agencies/{a}/",
        f"/admin/evaluation/cycles/{c}/agencies/{a}/indicators/999999/",
        "/admin/evaluation/evidence/999999/",
        "/admin/evaluation/evidence/999999/file/",
        "/admin/evaluation/objections/999999/",
        "/admin/evaluation/cycles/abc/agencies/1/",
        "/api/evaluation/submissions/999999/",
        "/api/evaluation/submissions/abc/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get("/api/evaluation/submissions/?cycle=abc").status_code == 400
    # «³» is a digit to str.isdigit but not a number int() reads: a Persian 400, not a 500.
    for odd in ("³", "①", "9" * 40):
        response = client.get("/api/evaluation/submissions/", {"cycle": odd})
        assert response.status_code == 400, odd
        assert "عدد" in json.loads(response.content)["detail"]
    persian = client.get(
        "/api/evaluation/submissions/",
        {"cycle": str(world["cycle"].pk).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))},
    )
    assert persian.status_code == 200


def test_the_api_lists_only_the_users_own_agency(client, world, people):
    client.force_login(people["a_user"])
    listing = json.loads(client.get("/api/evaluation/submissions/").content)
    assert [item["agency"]["code"] for item in listing["items"]] == ["A01"]
    own = json.loads(client.get(f"/api/evaluation/submissions/{listing['items'][0]['id']}/").content)
    assert {a["indicator"]["code"] for a in own["answers"]} == {"ع-۱", "ع-۲", "خ-الف-۱"}
    assert all(len(a["evidence"][0]["sha256"]) == 64 for a in own["answers"])
    client.force_login(people["evaluator"])
    assert json.loads(client.get("/api/evaluation/submissions/").content)["count"] == 2
    client.logout()
    assert client.get("/api/evaluation/submissions/").status_code == 401
    client.force_login(people["stranger"])
    assert client.get("/api/evaluation/submissions/").status_code == 403


def test_submissions_and_evidence_stay_out_of_every_search(client, world, people):
    """Narratives, objections and evidence are never indexed (plain models, not ``index.Indexed``);
    the cycle page, which is, carries no agency's data; evidence documents have a neutral title in
    Wagtail's document list and its API."""
    from wagtail.models import Page
    from wagtail.search import index

    from records.evaluation import models

    for name in ("Agency", "Answer", "EvidenceFile", "Review", "Objection", "Submission", "FinalResult"):
        assert not issubclass(getattr(models, name), index.Indexed), name
    assert list(Page.objects.live().search(SECRET_WORD)) == []
    for user in (None, people["a_user"], people["evaluator"]):
        if user:
            client.force_login(user)
        found = json.loads(client.get(f"/api/search/?q={SECRET_WORD}").content)
        assert found["count"] == 0 and found["results"] == []
        pages = json.loads(client.get(f"/api/v2/pages/?search={SECRET_WORD}").content)
        assert pages["items"] == []
        html = client.get(f"/search/?q={SECRET_WORD}").content.decode()
        assert f"گزارش {SECRET_WORD}" not in html and "اداره کل ب" not in html
        documents = client.get("/api/v2/documents/?limit=100").content.decode()
        assert SECRET_WORD not in documents and "اداره کل ب" not in documents and "B01" not in documents
    client.force_login(people["a_user"])
    admin_search = client.get(f"/admin/pages/search/?q={SECRET_WORD}")
    assert f"گزارش {SECRET_WORD}" not in admin_search.content.decode()


def test_the_agency_dashboard_panel_shows_its_own_open_deadline(client, cycle, agencies, people):
    client.force_login(people["a_user"])
    html = client.get("/admin/").content.decode()
    assert "ارزیابی عملکرد — اداره کل الف" in html and cycle.title in html and "اداره کل ب" not in html
    client.force_login(people["evaluator"])
    assert "ارزیابی عملکرد — اداره کل" not in client.get("/admin/").content.decode()
