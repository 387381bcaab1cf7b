"""Stage 2 of the shipped "Tahapan Penyusunan SOP" fans out to every SKPD: the identifikasi row runs once per
OPD, each item in the worklist of that OPD's koordinator of the Tim only, each listing its own unit's titles in
the daftar inventarisasi; the analisis waits until every OPD has listed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from engine.access.linking import place_unit
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from engine.runtime.work import WorkItem
from engine.samples.demo_stages import record_overrides
from engine.sop.model import Sop
from engine.store.models import org_units, sop_inventory
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
        runtime.complete(items[0].id, "tim", form_for(step, data=_values(sop, step.id)))
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
