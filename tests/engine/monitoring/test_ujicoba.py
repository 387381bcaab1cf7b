from __future__ import annotations

import datetime as dt

import pytest

from engine.errors import AccessDeniedError, DataError, NotFoundError
from engine.monitoring.evaluation import evaluations_of, save_evaluation
from engine.monitoring.workbook import EvaluationAnswer, EvaluationForm
from engine.lifecycle.ujicoba import UjicobaGate, feedback_of, give_feedback, pending_feedback, ujicoba_complete, ujicoba_report
from tests.engine.monitoring.conftest import KEY, SOP_FILE, TRIAL_PLAN, WIB, Driven, run_plan


def test_only_the_clerk_who_completed_a_trial_step_may_rate_it(driven: Driven) -> None:
    admin, head = driven.people["Pengadministrasi"], driven.people["Kepala Subbagian"]
    periksa = driven.trial_items["periksa"]
    assert {request.step_id for request in pending_feedback(driven.runtime, admin)} == {"periksa", "arsip"}
    with pytest.raises(AccessDeniedError) as other:
        give_feedback(driven.runtime, periksa, head, 4, 4, 4)
    assert admin in str(other.value)
    with pytest.raises(DataError):
        give_feedback(driven.runtime, periksa, admin, 6, 4, 4)
    regular_item = driven.runtime.trace(driven.instances[0])[1][-2].item_id
    assert regular_item is not None
    with pytest.raises(AccessDeniedError):
        give_feedback(driven.runtime, regular_item, admin, 4, 4, 4)
    with pytest.raises(NotFoundError):
        give_feedback(driven.runtime, 99999, admin, 4, 4, 4)
    given = give_feedback(driven.runtime, periksa, admin, 2, 4, 5, "Formulir membingungkan")
    assert (given.step_id, given.kemudahan) == ("periksa", 2)
    with pytest.raises(DataError):
        give_feedback(driven.runtime, periksa, admin, 3, 3, 3)
    assert [item.komentar for item in feedback_of(driven.runtime, KEY)] == ["Formulir membingungkan"]
    assert {request.step_id for request in pending_feedback(driven.runtime, admin)} == {"arsip"}


def test_the_ujicoba_report_and_gate(driven: Driven) -> None:
    runtime, admin, head = driven.runtime, driven.people["Pengadministrasi"], driven.people["Kepala Subbagian"]
    ok, reasons = ujicoba_complete(runtime, KEY)
    assert not ok and "Baru 1 instans ujicoba selesai" in reasons[0] and "3. Apakah permohonan" in reasons[1]
    items = [driven.trial_items]
    for week in (1, 2):
        items.append(run_plan(runtime, driven.clock, driven.people,
                              dt.datetime(2026, 2, 9, 8, 0, tzinfo=WIB) + dt.timedelta(weeks=week), TRIAL_PLAN,
                              trial=True)[1])
    for index, trial_items in enumerate(items):
        give_feedback(runtime, trial_items["periksa"], admin, 2 + index, 4, 5)
        give_feedback(runtime, trial_items["arsip"], admin, 5, 5, 5)
    ok, reasons = ujicoba_complete(runtime, KEY)
    assert not ok and reasons == ["Belum ada umpan balik pelaksana untuk langkah: 3. Apakah permohonan disetujui?."]
    give_feedback(runtime, items[0]["setujui"], head, 4, 4, 4, "Jelas")
    assert ujicoba_complete(runtime, KEY) == (True, [])
    strict = ujicoba_complete(runtime, KEY, gate=UjicobaGate(min_average=3.5))
    assert not strict[0] and "Langkah 2" in strict[1][0] and "kemudahan" in strict[1][0]
    report = ujicoba_report(runtime, KEY)
    steps = {step.step_id: step for step in report.steps}
    assert report.version == 2 and report.timing.completed == 3
    assert steps["periksa"].kemudahan == pytest.approx(3) and steps["periksa"].median_minutes == pytest.approx(600)
    assert steps["periksa"].within_share == 0 and steps["setujui"].komentar == ("Jelas",)
    assert ujicoba_complete(runtime, "tidak-ada")[0] is False


def _form(outcome: str) -> EvaluationForm:
    form = EvaluationForm("Uji Izin Monitoring", "010/SOP/UJI/2026", "Bagian Perizinan", dt.date(2026, 3, 2),
                          "Inspektur", outcome=outcome)
    form.answers = [EvaluationAnswer(index != 2, "lama" if index == 2 else "") for index in range(7)]
    return form


def test_an_evaluation_revisi_opens_a_revision_request_not_a_version(driven: Driven) -> None:
    runtime = driven.runtime
    with pytest.raises(DataError):
        save_evaluation(runtime, KEY, _form("hapus"), "inspektur")
    unanswered = _form("tetap")
    unanswered.answers[0] = EvaluationAnswer()
    with pytest.raises(DataError):
        save_evaluation(runtime, KEY, unanswered, "inspektur")
    silent = _form("revisi")
    silent.answers = [EvaluationAnswer(True, "") for _ in range(7)]
    with pytest.raises(DataError) as no_reason:
        save_evaluation(runtime, KEY, silent, "inspektur")
    assert no_reason.value.field == "notes"
    kept = save_evaluation(runtime, KEY, _form("tetap"), "inspektur")
    assert kept.version == 1 and kept.draft_version is None and kept.request_id is None
    before = [(info.number, info.draft) for info in runtime.versions(KEY)]
    # a revisi leaves the versions (and the running ujicoba draft) alone and asks for a revision
    revised = save_evaluation(runtime, KEY, _form("revisi"), "inspektur")
    assert (revised.version, revised.draft_version) == (1, None) and revised.request_id is not None
    assert [(info.number, info.draft) for info in runtime.versions(KEY)] == before
    from engine.lifecycle.requests import requests_of

    with runtime.db.read() as connection:
        requests = requests_of(connection, KEY)
    assert [(r.id, r.unit, r.reason, r.requested_by, r.status) for r in requests] == [
        (revised.request_id, "Bagian Perizinan", "3. lama", "inspektur", "terbuka")]
    approved = runtime.publish(SOP_FILE, KEY)
    assert (approved.number, approved.draft) == (3, False)
    again = save_evaluation(runtime, KEY, _form("revisi"), "inspektur")
    assert (again.version, again.draft_version) == (3, None)
    stored = evaluations_of(runtime, KEY)
    assert [(item.version, item.form.outcome, item.request_id) for item in stored] == [
        (3, "revisi", again.request_id), (1, "revisi", revised.request_id), (1, "tetap", None)]
    assert stored[0].form.answers[2] == EvaluationAnswer(False, "lama")
