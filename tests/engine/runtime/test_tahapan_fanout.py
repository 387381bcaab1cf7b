"""Stage 2 of the shipped "Tahapan Penyusunan SOP" fans out to every SKPD: the identifikasi row runs once per
OPD, each item in the worklist of that OPD's koordinator of the Tim only, each listing its own unit's titles in
the daftar inventarisasi; the analisis waits until every OPD has listed. Its steps write the records they
name: the Tim with the susunan its SK names, the pembekalan, the analysis notes and criteria onto the
entries the case listed, and a verifikasi record per pass of the decision."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engine.access.linking import place_unit
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from engine.runtime.work import WorkItem
from engine.samples.demo_stages import record_overrides
from engine.sop.model import Sop
from engine.store.models import org_units, sop_inventory, sop_team_briefings, sop_team_members
from tests.conftest import PROCESSES
from tests.engine.runtime.helpers import form_for

KEY = "tahapan-penyusunan-sop"
PEMDA = "Pemerintah Kabupaten Contoh"
SETDA = "Sekretariat Daerah"
ORGANISASI = "Sekretariat Daerah - Bagian Organisasi"
OPDS = (SETDA, "Dinas Kesehatan", "Dinas Pendidikan")
KOORDINATOR = "Koordinator Tim Penyusun SOP"


def _organisation(runtime: Runtime, sop: Sop) -> dict[str, str]:
    """Three OPDs below the Pemda, the Bagian Organisasi in the Setda; one "tim" user holding every column
    but the koordinator's (in the Setda, or where the column's rule sends it) and a koordinator per OPD."""
    from engine.sop.routing import NAMED_UNIT, rule_of

    with runtime.db.write() as connection:
        place_unit(connection, PEMDA, kind="pemda")
        for code in OPDS:
            place_unit(connection, code, kind="opd", parent=PEMDA)
        place_unit(connection, ORGANISASI, kind="unit", parent=SETDA)
    held = []
    for actor in sop.actors:
        if actor == KOORDINATOR:
            continue
        rule = rule_of(sop.routing, actor)
        held.append((actor, rule.argument if rule.kind == NAMED_UNIT else SETDA))
    runtime.add_user("tim", nama="Tim", jabatan=held)
    koordinators = {}
    for index, code in enumerate(OPDS):
        koordinators[code] = f"koor-{index + 1}"
        runtime.add_user(koordinators[code], nama=f"Koordinator {index + 1}", jabatan=[(KOORDINATOR, code)])
    return koordinators


def _values(sop: Sop, step_id: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    from engine.samples.case_values import sample_values

    return sample_values(sop, step_id, {**record_overrides(sop, step_id), **(extra or {})})


def _mine(runtime: Runtime, username: str, instance_id: int) -> list[WorkItem]:
    return [item for item in runtime.worklist(username, limit=200) if item.instance_id == instance_id]


#: What the Tim types where a sample value would not make a valid record.
TYPED = {"susunan_tim": "tim, ketua\nkoor-1, koordinator, Sekretariat Daerah", "peserta_pembekalan": "tim, koor-1",
         "topik_pembekalan": "Format SOP AP", "catatan_analisis": "Prosedur rutin lintas bidang",
         "kriteria_rutin": "ya", "kriteria_tahapan_jelas": "ya", "kriteria_output_jelas": "tidak",
         "kriteria_banyak_pihak": "ya", "sop_diverifikasi": "uji-surat", "catatan_verifikasi": "Tumpang tindih"}


def _typed(sop: Sop, step_id: str) -> dict[str, Any]:
    return _values(sop, step_id, {name: value for name, value in TYPED.items()
                                  if any(item.name == name and item.step == step_id for item in sop.fields)})


def test_identifikasi_runs_once_per_skpd_in_its_koordinators_worklist(runtime: Runtime) -> None:
    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    identifikasi = sop.step("identifikasi")
    assert identifikasi.actor == KOORDINATOR and identifikasi.structure.multi is not None
    koordinators = _organisation(runtime, sop)
    runtime.publish(PROCESSES / f"{KEY}.bpmn", KEY)
    assert sop.start is not None
    instance, _ = runtime.start(KEY, "tim", form_for(sop.start, data=_values(sop, sop.start.id)), unit=SETDA)
    worked = []
    for _ in range(10):  # the Tim's steps before stage 2
        items = _mine(runtime, "tim", instance.id)
        if not items:
            break
        step = sop.step(items[0].step_id)
        runtime.complete(items[0].id, "tim", form_for(step, data=_typed(sop, step.id)))
        worked.append(step.id)
    assert worked == ["tetapkan_tim", "pembekalan"]
    # one item per OPD, each only in its own koordinator's worklist
    for code, username in koordinators.items():
        items = _mine(runtime, username, instance.id)
        assert [(item.step_id, item.unit, item.jabatan) for item in items] == [("identifikasi", code, KOORDINATOR)]
    for index, (code, username) in enumerate(koordinators.items()):
        assert not _mine(runtime, "tim", instance.id), "the analisis waits for every SKPD"
        item = _mine(runtime, username, instance.id)[0]
        titles = f"Pelayanan {index + 1}A\nPelayanan {index + 1}B"
        runtime.complete(item.id, username, form_for(identifikasi, data=_values(
            sop, "identifikasi", {"judul_sop_diusulkan": titles})))
    assert [item.step_id for item in _mine(runtime, "tim", instance.id)] == ["analisis"]
    with runtime.db.read() as connection:
        listed = sorted((row.code, row.title) for row in connection.execute(
            select(org_units.c.code, sop_inventory.c.title).join(org_units, org_units.c.id == sop_inventory.c.unit_id)))
    # each SKPD's entries are its own unit's, from what its own koordinator typed
    assert listed == sorted((code, f"Pelayanan {index + 1}{part}") for index, code in enumerate(OPDS)
                            for part in "AB")


def test_the_tims_steps_write_susunan_pembekalan_analysis_and_verification(runtime: Runtime) -> None:
    from engine.lifecycle.verifikasi import FAILED, PASSED, verifications_of
    from tests.conftest import DATA

    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    koordinators = _organisation(runtime, sop)
    runtime.publish(PROCESSES / f"{KEY}.bpmn", KEY)
    runtime.publish(DATA / "surat_kecil.yaml", "uji-surat")  # the draft the Tim verifies (outside the register)
    assert sop.start is not None
    instance, _ = runtime.start(KEY, "tim", form_for(sop.start, data=_values(sop, sop.start.id)), unit=SETDA)
    answers = iter(["Tidak", "Ya"])  # the first verification sends the draft back to penulisan
    for _ in range(40):
        items = [item for user in ("tim", *koordinators.values()) for item in _mine(runtime, user, instance.id)]
        if not items or items[0].step_id == "ujicoba":
            break
        item = items[0]
        step = sop.step(item.step_id)
        user = "tim" if item.jabatan != KOORDINATOR else koordinators[item.unit]
        runtime.complete(item.id, user, form_for(step, next(answers) if step.id == "lolos_verifikasi" else "",
                                                 _typed(sop, step.id)))
    with runtime.db.read() as connection:
        members = sorted((row.username, row.role) for row in connection.execute(select(sop_team_members)))
        briefings = [(row.topic, row.attendees) for row in connection.execute(select(sop_team_briefings))]
        entries = connection.execute(select(sop_inventory)).all()
    assert members == [("koor-1", "koordinator"), ("tim", "ketua")]  # the susunan the SK names
    assert briefings == [("Format SOP AP", '["tim", "koor-1"]')]
    assert len(entries) == 2 * len(OPDS) and all(row.analysis == "Prosedur rutin lintas bidang" for row in entries)
    assert all((row.routine, row.clear_stages, row.clear_output, row.several_parties) == (True, True, False, True)
               for row in entries)
    # one verifikasi record per pass, newest first, its result the keputusan
    found = verifications_of(runtime, "uji-surat")
    assert [(item.result, item.notes, item.verified_by) for item in found] == [
        (PASSED, "Tumpang tindih", "tim"), (FAILED, "Tumpang tindih", "tim")]
